// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The checks on a final round before it pays: the appeal window, in which a member scored below
// their own proposal appeals (a deposit held) and the council upholds or dismisses the appeal;
// the veto window, until which the council may strike an entry or veto the round; then anyone
// may settle. This file writes where a round stands in them, an entry's appeal and strike, the
// member's appeal button and anyone's lapse button, and the appeals that wait for the council.

import { esc, text, days } from './format.js';
import { onAct } from './ui.js';

/// The pallet's `AppealState` as JSON: `{ open: { deposit } }`, `{ upheld: null }`, ….
const appealKind = (appeal) => (appeal ? Object.keys(appeal)[0] : null);

/// Whether the member's entry `e` (JSON) of final round `r` may be appealed at block `head`: a
/// report scored below its proposal, not yet appealed, within the appeal window.
export function mayAppeal(r, e, head) {
  return r.isFinal && head < r.appealDeadline && !e.kind.claim && e.proposed !== null && e.proposed !== undefined
    && (e.score ?? 0) < e.proposed && !e.appeal && !e.struck && !r.vetoed;
}

/// Whether round `r` (JSON) may settle at block `head`: final, past its veto deadline, no appeal
/// open (the chain refuses otherwise, with `VetoWindowOpen` or `AppealsOpen`).
export function maySettle(r, head) {
  return r.isFinal && head >= r.vetoDeadline && r.openAppeals === 0;
}

/// The reason the council gave for striking `who` in month `period`, or vetoing it, from the
/// history (`null` if not indexed).
function reasonOf(events, method, period, address) {
  const found = events.find(({ event: { method: m, data: d } }) => m === method && Number(d.period) === period
    && (address === undefined || d.who === address));
  return found ? text(found.event.data.reason) : null;
}

/// What the page says of entry `e`'s appeal and strike, under its score; with the member's
/// appeal button on their own entry and, past the window, anyone's lapse button.
export function entryChecksHtml(r, e, { account, head, events, money, deposit }) {
  const parts = [];
  const kind = appealKind(e.appeal);
  if (kind === 'open') {
    parts.push(`<span class="appeal open">appealed: ${esc(money(BigInt(e.appeal.open.deposit)))} held${head < r.appealDeadline ? ', the council decides' : ', not decided in the window: anyone may lapse it (the deposit goes back)'}</span>`);
    if (account && head >= r.appealDeadline) parts.push(`<button class="lapse-button" data-period="${r.period}" data-who="${esc(e.who)}">Lapse the appeal</button>`);
  } else if (kind) {
    const words = { upheld: 'appeal upheld by the council: the score is the council\'s', dismissed: 'appeal dismissed: its deposit went to the treasury', lapsed: 'appeal lapsed undecided: its deposit was returned' };
    parts.push(`<span class="appeal ${esc(kind)}">${esc(words[kind] ?? kind)}</span>`);
  }
  if (e.struck) {
    const reason = reasonOf(events, 'EntryStruck', r.period, e.who);
    parts.push(`<span class="struck">struck by the council${reason ? `: ${esc(reason)}` : ''}; pays nothing</span>`);
  }
  if (account && e.who === account.address && mayAppeal(r, e, head)) {
    parts.push(`<button class="appeal-button" data-period="${r.period}" title="The council upholds it (your deposit comes back) or dismisses it (your deposit goes to the treasury)">Appeal my score (${esc(money(deposit))} held)</button>`);
  }
  return parts.length ? `<div class="checks">${parts.join(' ')}</div>` : '';
}

/// Where final round `r` stands: the appeal window, the veto window, the open appeals, a veto.
export function roundChecksHtml(r, { head, events }) {
  if (!r.isFinal) return '';
  const until = (block) => `block #${block}${head < block ? ` (${days(block - head)} left)` : ' (over)'}`;
  const lines = [];
  if (r.vetoed) {
    const reason = reasonOf(events, 'RoundVetoed', r.period);
    lines.push(`<b class="vetoed">Vetoed by the council${reason ? `: ${esc(reason)}` : ''}.</b> Nothing is paid from this round; its money stays in the program.`);
  }
  lines.push(`Appeals: until ${esc(until(r.appealDeadline))}; ${r.openAppeals} open.`);
  lines.push(`Veto window: the council may strike an entry or veto the round until ${esc(until(r.vetoDeadline))}.`);
  if (maySettle(r, head)) lines.push('Anyone may settle it now.');
  else if (head >= r.vetoDeadline) lines.push('It settles once its open appeals are lapsed.');
  else lines.push(`It settles from ${esc(until(r.vetoDeadline))}${r.openAppeals ? ', once no appeal is open' : ''}.`);
  return `<p class="checks-windows" data-period="${r.period}"><small>${lines.join(' ')}</small></p>`;
}

/// The appeals of `rounds` (JSON round views) that wait for the council at block `head`, as
/// decisions for `council.js`: upholding sets the score the councillor gives (the member's
/// proposal by default) and returns the deposit; dismissing sends it to the treasury.
export function appealDecisions(api, index, rounds, head, { who, money }) {
  return rounds.flatMap((r) => (head < r.appealDeadline ? r.entries : [])
    .filter((e) => appealKind(e.appeal) === 'open')
    .map((e) => ({
      what: `${who(e.who)} appeals their score in month ${r.period + 1}: ${e.score ?? 'none'}, where they proposed ${e.proposed} (${money(BigInt(e.appeal.open.deposit))} held; the window ends at block #${r.appealDeadline}, ${days(r.appealDeadline - head)} left)`,
      key: `appeal-${index}-${r.period}-${e.who}`,
      score: e.proposed,
      approve: (score) => api.tx.communityBounty.upholdAppeal(index, r.period, e.who, score ?? e.proposed),
      reject: () => api.tx.communityBounty.dismissAppeal(index, r.period, e.who),
    })));
}

/// Wires the appeal and lapse buttons in `root`.
export function wireChecks(root, { api, index, submit, rerender, who }) {
  for (const button of root.querySelectorAll('.appeal-button')) {
    const period = Number(button.dataset.period);
    onAct(button, 'Appealing: waiting for a block…', async () => {
      const events = await submit(api.tx.communityBounty.appeal(index, period));
      const appealed = events.find(({ event }) => event.section === 'communityBounty' && event.method === 'Appealed');
      return `You appealed your score of month ${period + 1}${appealed ? ` (proposed ${appealed.event.data.proposed})` : ''}: the council decides before the window ends.`;
    }, rerender);
  }
  for (const button of root.querySelectorAll('.lapse-button')) {
    const period = Number(button.dataset.period);
    const member = button.dataset.who;
    onAct(button, 'Lapsing: waiting for a block…', async () => {
      await submit(api.tx.communityBounty.lapseAppeal(index, period, member));
      return `The appeal of ${who(member)} in month ${period + 1} lapsed: its deposit went back.`;
    }, rerender);
  }
}
