// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// What the person at the page sees happen: messages that stay until dismissed, and buttons that
// sign once per click and show their progress until the chain has answered.

/// A message for the person at the page: it stays (renders do not touch it) until dismissed.
export function status(message, error = false) {
  const box = document.getElementById('messages');
  if (!box) return;
  const item = document.createElement('p');
  item.className = error ? 'message error' : 'message ok';
  item.textContent = message;
  const dismiss = document.createElement('button');
  dismiss.className = 'dismiss';
  dismiss.textContent = 'Dismiss';
  dismiss.setAttribute('aria-label', `Dismiss: ${message}`);
  dismiss.addEventListener('click', () => item.remove());
  item.append(' ', dismiss);
  box.append(item);
}

/// Wires `button` to `action(progress)`: one signature per click (the button is disabled from
/// the click until the chain has answered), `busy` shown meanwhile (and whatever `progress(text)`
/// says), the message `action` resolves with shown and the page rendered again (`rerender`); an
/// error is shown in words and the button given back.
export function onAct(button, busy, action, rerender) {
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    const label = button.textContent;
    button.textContent = busy;
    const progress = (text) => { button.textContent = text; };
    try {
      const message = await action(progress);
      if (message === undefined) {
        // Refused before anything was signed (the action said why).
        button.disabled = false;
        button.textContent = label;
        return;
      }
      status(message);
      await rerender();
    } catch (e) {
      status(e.message, true);
      button.disabled = false;
      button.textContent = label;
    }
  });
}
