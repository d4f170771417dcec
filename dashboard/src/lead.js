// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The lead's side of a program page: the roster (add a member, remove one), milestone reports,
// and closing a month (finalize once the scoring window is over). Settling a final round is open
// to anyone signed, page by page with the progress shown. Scores and CSV batches stay in app.js.
// The chain enforces every rule; the page only refuses what it can see is malformed, before
// anything is signed.

import { esc } from './format.js';
import { onAct } from './ui.js';

const ROLES = ['Ambassador', 'SeniorAmbassador', 'Contributor'];

/// The roster form and a milestone report form, for the lead of program `p`.
export function leadHtml(p, members) {
  const seniors = members.filter((m) => m.m.role.isSeniorAmbassador);
  const reportable = p.milestones.map((m, k) => ({ m, k }))
    .filter(({ m }) => m.report.isNone || m.report.unwrap().status.isRejected);
  return `<section id="lead"><h3>The lead's desk</h3>
    <form id="add-member" class="row-form">
      <h4>Add a member</h4>
      <label>account <input name="who" required autocomplete="off" placeholder="5F…"></label>
      <label>role <select name="role">${ROLES.map((r) => `<option>${r}</option>`).join('')}</select></label>
      <label>region <input name="region" required maxlength="32" placeholder="Vietnam"></label>
      <label>senior (for an ambassador) <select name="senior"><option value="">none</option>${seniors.map(({ w }) => `<option value="${esc(w)}">${esc(w)}</option>`).join('')}</select></label>
      <button type="submit">Add</button>
    </form>
    ${reportable.length ? `<form id="report-milestone" class="row-form">
      <h4>Report a milestone</h4>
      <label>milestone <select name="milestone">${reportable.map(({ m, k }) => `<option value="${k}">${k + 1}: target ${m.target}</option>`).join('')}</select></label>
      <label>figure reached <input name="claimed" type="number" min="0" step="1" required></label>
      <label>evidence <input name="evidence" required maxlength="256" placeholder="https://forum…"></label>
      <button type="submit">Report</button>
    </form>` : '<p>Every milestone is reported.</p>'}
  </section>`;
}

/// A remove button for each roster entry (the lead's only).
export const removeButton = (w) => `<button class="remove-member" data-who="${esc(w)}" aria-label="Remove ${esc(w)} from the roster">Remove</button>`;

/// Wires the lead's forms and buttons, and the settle button every signed account sees.
export function wireLead(root, { api, index, submit, rerender, who }) {
  const add = root.querySelector('#add-member');
  if (add) {
    const button = add.querySelector('button');
    add.addEventListener('submit', (e) => e.preventDefault());
    onAct(button, 'Adding…', async () => {
      const f = new FormData(add);
      const account = String(f.get('who')).trim();
      const region = String(f.get('region')).trim();
      if (!account || !region) throw new Error('A member needs an account and a region. Nothing was sent.');
      const senior = String(f.get('senior')) || null;
      await submit(api.tx.communityBounty.addMember(index, account, f.get('role'), region, f.get('role') === 'Ambassador' ? senior : null));
      return `Added ${who(account)} to the roster.`;
    }, rerender);
  }
  const report = root.querySelector('#report-milestone');
  if (report) {
    report.addEventListener('submit', (e) => e.preventDefault());
    onAct(report.querySelector('button'), 'Reporting…', async () => {
      const f = new FormData(report);
      const claimed = Number(f.get('claimed'));
      const evidence = String(f.get('evidence')).trim();
      if (!Number.isSafeInteger(claimed) || claimed < 0 || !evidence) throw new Error('A report needs a whole figure (0 or more) and its evidence. Nothing was sent.');
      const k = Number(f.get('milestone'));
      const events = await submit(api.tx.communityBounty.reportMilestone(index, k, claimed, evidence));
      const r = events.find(({ event }) => event.section === 'communityBounty' && event.method === 'MilestoneReported');
      return `Milestone ${k + 1} reported: you claimed ${claimed}, the figure of record is ${r?.event.data.figure ?? '?'}; it waits for the council.`;
    }, rerender);
  }
  for (const button of root.querySelectorAll('.remove-member')) {
    onAct(button, 'Removing…', async () => {
      await submit(api.tx.communityBounty.removeMember(index, button.dataset.who));
      return `Removed ${who(button.dataset.who)} from the roster.`;
    }, rerender);
  }
  for (const button of root.querySelectorAll('.finalize-button')) {
    const period = Number(button.dataset.period);
    onAct(button, 'Finalizing…', async () => {
      const events = await submit(api.tx.communityBounty.finalizeRound(index, period));
      const f = events.find(({ event }) => event.section === 'communityBounty' && event.method === 'RoundFinalized');
      return `Month ${period + 1} is final: ${f?.event.data.active ?? '?'} active members. Anyone may settle it now.`;
    }, rerender);
  }
  for (const button of root.querySelectorAll('.settle-button')) {
    const period = Number(button.dataset.period);
    // A round settles in pages (one call each): tally, then payments a page at a time, until
    // RoundSettled. The button shows each page as it goes.
    onAct(button, 'Settling: page 1…', async (progress) => {
      let paid = 0;
      for (let page = 1; page <= 1000; page += 1) {
        progress(`Settling: page ${page}, ${paid} paid so far…`);
        const events = await submit(api.tx.communityBounty.settleRound(index, period));
        paid += events.filter(({ event }) => event.section === 'communityBounty' && event.method === 'Awarded').length;
        const settled = events.find(({ event }) => event.section === 'communityBounty' && event.method === 'RoundSettled');
        if (settled) return `Month ${period + 1} settled in ${page} page(s): ${settled.event.data.paid} paid, ${settled.event.data.skipped} skipped.`;
      }
      throw new Error('The round did not settle in 1,000 pages.');
    }, rerender);
  }
}
