// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// A member's side of a program page: filing this month's report (or a claim on a direct pool),
// and "my account": what I filed, my scores and what I was paid, month by month, from the
// program's history (the indexer), with a CSV export for my records. The same export of every
// payment serves the lead and the council.

import { esc, evidenceHtml, text } from './format.js';
import { onAct } from './ui.js';

/// The filing form for a member of program `p` (`role` from the roster).
export function fileHtml(p, member) {
  const period = p.period.toNumber();
  const direct = p.pools.map((pool, i) => ({ pool, i })).filter(({ pool }) => pool.payout.isDirect);
  return `<form id="file-report" class="row-form"><h4>File my report for month ${period + 1}</h4>
    <p>You are on the roster as ${esc(member.role.type)}${member.region ? ` (${esc(text(member.region))})` : ''}.</p>
    <label>what <select name="pool"><option value="">my monthly report</option>${direct.map(({ i }) => `<option value="${i}">a claim on pool ${i}</option>`).join('')}</select></label>
    <label>evidence <input name="evidence" required maxlength="256" placeholder="https://github.com/…/issues/1"></label>
    <label>the score I propose (a report, 0 to 100) <input name="proposed" type="number" min="0" max="100" step="1" placeholder="optional"></label>
    <button type="submit">File</button></form>`;
}

/// Wires the filing form.
export function wireMember(root, { api, index, period, submit, rerender }) {
  const form = root.querySelector('#file-report');
  if (!form) return;
  form.addEventListener('submit', (e) => e.preventDefault());
  onAct(form.querySelector('button'), 'Filing…', async () => {
    const f = new FormData(form);
    const evidence = String(f.get('evidence')).trim();
    if (!evidence) throw new Error('A report needs its evidence (a link or a few words). Nothing was sent.');
    const pool = String(f.get('pool'));
    const raw = String(f.get('proposed') ?? '').trim();
    const proposed = raw === '' ? null : Number(raw);
    if (proposed !== null && (!Number.isInteger(proposed) || proposed < 0 || proposed > 100)) {
      throw new Error(`A proposed score is a whole number from 0 to 100, not ${raw}. Nothing was sent.`);
    }
    const tx = pool === ''
      ? api.tx.communityBounty.fileReport(index, period, evidence, proposed)
      : api.tx.communityBounty.fileClaim(index, period, Number(pool), evidence);
    await submit(tx);
    return `Filed for month ${period + 1}${pool === '' && proposed !== null ? `, proposing ${proposed}` : ''}: it is scored before the month is final.`;
  }, rerender);
}

/// `address`'s months in program history `events` (from the indexer, whose byte fields are text
/// when they are UTF-8): for each month, what they filed, their score, and each payment with its block and time.
export function monthsOf(events, address) {
  const months = new Map();
  const month = (period) => {
    const key = Number(period);
    if (!months.has(key)) months.set(key, { period: key, filed: [], score: null, paid: [] });
    return months.get(key);
  };
  for (const { block, timestamp, event } of events) {
    const d = event.data;
    if (event.method === 'Filed' && d.who === address) month(d.period).filed.push({ block, evidence: String(d.evidence), pool: d.pool, proposed: d.proposed ?? null });
    if (event.method === 'Scored' && d.who === address) month(d.period).score = Number(d.score);
    // With a panel, the entry's score is the median after the latest review.
    if (event.method === 'Reviewed' && d.who === address) month(d.period).score = d.median === null || d.median === undefined ? null : Number(d.median);
    // An upheld appeal sets the score the council gave.
    if (event.method === 'AppealUpheld' && d.who === address) month(d.period).score = Number(d.score);
    if (event.method === 'Awarded' && d.beneficiary === address) month(d.period).paid.push({ block, timestamp, pool: d.pool, amount: d.amount, native: d.native, reason: String(d.reason) });
  }
  return [...months.values()].sort((a, b) => a.period - b.period);
}

/// A CSV line: fields quoted when they hold a comma, a quote or a line break.
const csvLine = (fields) => fields.map((f) => {
  const s = String(f ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}).join(',');

/// Every payment in `events` (all, or `address`'s) as CSV: block, time, month, beneficiary,
/// pool, amount in the cap's unit, amount paid, reason.
export function paymentsCsv(events, { address = null, unit, paid, plain }) {
  const rows = events.filter(({ event }) => event.method === 'Awarded' && (!address || event.data.beneficiary === address))
    .map(({ block, timestamp, event: { data: d } }) => csvLine([block, timestamp ? new Date(Number(timestamp)).toISOString() : '', Number(d.period) + 1, d.beneficiary, d.pool, plain(d.amount), plain(d.native), String(d.reason)]));
  return [csvLine(['block', 'time', 'month', 'beneficiary', 'pool', `amount (${unit})`, `paid (${paid})`, 'reason']), ...rows].join('\n') + '\n';
}

/// "My account": my months, and the export of my payments.
export function myAccountHtml(months, { money, capMoney }) {
  const rows = months.map((m) => `<tr class="my-month" data-period="${m.period}"><td>${m.period + 1}</td>
    <td>${m.filed.map((f) => `#${f.block}: ${evidenceHtml(f.evidence)}`).join('<br>') || '—'}</td>
    <td class="my-score">${m.score ?? '—'}${m.filed.some((f) => f.proposed !== null) ? ` <small>(proposed ${m.filed.map((f) => f.proposed).filter((x) => x !== null).join(', ')})</small>` : ''}</td>
    <td class="my-paid">${m.paid.map((x) => `${esc(money(x.native))} (${esc(capMoney(x.amount))}) at #${x.block}${x.timestamp ? `, ${esc(new Date(Number(x.timestamp)).toISOString().slice(0, 10))}` : ''}`).join('<br>') || '—'}</td></tr>`).join('');
  return `<section id="my-account"><h3>My account</h3>
    <table><thead><tr><th>month</th><th>filed</th><th>score</th><th>paid</th></tr></thead><tbody>${rows || '<tr><td colspan="4">Nothing filed or paid yet.</td></tr>'}</tbody></table>
    <button class="export-csv" data-scope="mine">Export my payments (CSV)</button></section>`;
}

/// Wires the export buttons in `root`: a CSV file made in the browser from `csv(scope)`.
export function wireExports(root, csv, name) {
  for (const button of root.querySelectorAll('.export-csv')) {
    button.addEventListener('click', () => {
      const blob = new Blob([csv(button.dataset.scope)], { type: 'text/csv' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${name}-${button.dataset.scope}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    });
  }
}
