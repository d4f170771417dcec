// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The dashboard: the programs, and a program's page (milestones, this month's pools, the
// monthly round, the roster, the payment history), with what each role does there: the council
// (council.js), the lead (lead.js, and scores and CSV batches here), members (member.js). Every
// figure comes from the chain (runtime API, view functions, storage) and the indexer (the
// history); the page computes nothing the chain has a rule for. Who signs is chosen in the
// header from the browser's wallet extensions (wallet.js), never from the URL.
//
//   http://127.0.0.1:8080/?rpc=ws://127.0.0.1:9944#/program/0

import { connect, view, send, callData, indexedEvents, errorName } from './chain.js';
import { parseCsv } from './csv.js';
import { esc, text, hexText, amount, exact, short, evidenceHtml, days, SECONDS_PER_BLOCK, BLOCKS_PER_DAY } from './format.js';
import { status, onAct } from './ui.js';
import { discover, remembered, remember, signerFor } from './wallet.js';
import { councilState, pendingDecisions, pendingHtml, motionsHtml, specHtml, wireCouncil } from './council.js';
import { leadHtml, removeButton, wireLead } from './lead.js';
import { who, learnNames, accountsIn } from './names.js';
import { fileHtml, wireMember, monthsOf, myAccountHtml, paymentsCsv, wireExports } from './member.js';
import { entryChecksHtml, roundChecksHtml, appealDecisions, maySettle, wireChecks } from './checks.js';

const params = new URLSearchParams(location.search);
const endpoint = params.get('rpc') ?? 'ws://127.0.0.1:9944';
const root = document.getElementById('app');
const PHA = 10n ** 12n;
const USD = 10n ** 12n;

let api;
let account;
/// Settles once the wallets were asked for their accounts (and `account` is the one chosen).
let accountsReady = Promise.resolve();

const pha = (v) => `${amount(v)} PHA`;
const usd = (v) => `$${amount(v)}`;

/// The native token, and the assets programs pay in by id (their symbol and decimals from
/// `pallet-assets`' metadata, read once).
const NATIVE = { id: null, symbol: 'PHA', decimals: 12 };
const assets = new Map();
async function assetOf(p) {
  if (p.asset.isNative) return NATIVE;
  const id = p.asset.asAsset.toNumber();
  if (!assets.has(id)) {
    const meta = await api.query.assets.metadata(id);
    const symbol = text(meta.symbol) || `asset ${id}`;
    assets.set(id, { id, symbol, decimals: meta.decimals.toNumber() });
  }
  return assets.get(id);
}
/// The asset of the program on the page: every amount of the program but its bond is in it.
let asset = NATIVE;
const money = (v, a = asset) => `${amount(v, a.decimals)} ${a.symbol}`;
/// A cap's amount: in the program's asset when the pool is denominated in it (no rate), else
/// in PHA or in USD.
const inDenomination = (v, denomination) => {
  if (denomination.isNative) return pha(v);
  if (asset.id !== null && denomination.asAsset.toNumber() === asset.id) return money(v);
  return usd(v);
};
/// A cap amount of a round or an award: the pool's unit (USD for the seed's pools; the
/// program's asset when it pays one).
const capMoney = (v) => (asset.id === null ? usd(v) : money(v));

function show(html) {
  root.innerHTML = html;
}

function fail(message) {
  show(`<div class="error" role="alert"><h2>Something is wrong</h2><p>${esc(message)}</p>
    <p>Endpoint: <code>${esc(endpoint)}</code>. <a href="#/">Back to the programs</a></p></div>`);
}

/// What the treasury may still release: the planned tranches no decision has released yet.
/// Tranche 0 is decided at the program's approval, tranche k + 1 at milestone k's; a cut made at
/// a decision is gone for good, so it never counts as still to come.
export function stillToCome(p) {
  if (p.status.isProposed) return p.budget.toBigInt();
  const decided = 1 + p.milestones.filter((m) => m.report.isSome && m.report.unwrap().status.isApproved).length;
  return p.milestones.slice(decided).reduce((sum, m) => sum + m.tranche.toBigInt(), 0n);
}

/// A horizontal bar of parts, each `[label, value, class]`, against `total`, in asset `a`.
function bar(parts, total, a = asset) {
  const t = Number(BigInt(total.toString()) || 1n);
  const segs = parts.map(([label, value, cls]) => {
    const pct = (100 * Number(BigInt(value.toString()))) / t;
    return `<span class="seg ${cls}" style="width:${pct.toFixed(2)}%" title="${esc(label)}: ${esc(money(value, a))}"></span>`;
  }).join('');
  const legend = parts.map(([label, value, cls]) => `<li><span class="key ${cls}"></span>${esc(label)} <b data-figure="${esc(cls)}">${esc(money(value, a))}</b></li>`).join('');
  return `<div class="bar">${segs}</div><ul class="legend">${legend}</ul>`;
}

async function programs() {
  asset = NATIVE;
  const count = (await api.call.communityBountyApi.programCount()).toNumber();
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  // The programs in pages of 64 (the view's bound): one runtime call a page.
  const rows = [];
  for (let start = 0; start < count; start += 64) rows.push(...await view(api, 'programs', start, 64));
  const paidIn = [];
  for (const p of rows) paidIn.push(await assetOf(p));
  const council = await councilState(api);
  await learnNames(api, [...rows.map((p) => p.lead), ...council.members, ...council.motions.flatMap((m) => [...m.ayes, ...m.nays])]);
  const cards = rows.map((p, i) => {
    const a = paidIn[i];
    const status = p.status.isProposed ? 'Proposed' : (p.status.asActive.expired.isTrue ? 'Ended, to be closed' : 'Active');
    const left = p.status.isActive ? Math.max(0, p.status.asActive.endsAt.toNumber() - head) : null;
    const budget = p.budget.toBigInt();
    const toCome = stillToCome(p);
    return `<article class="card" data-program="${p.index}">
      <h3><a href="#/program/${p.index}">#${p.index} ${esc(text(p.title))}</a></h3>
      <p>Lead ${esc(who(p.lead))} · <b class="status">${status}</b>${left !== null ? ` · ${Math.round((left * SECONDS_PER_BLOCK) / 86400)} days left` : ''} · budget <b class="budget">${esc(money(budget, a))}</b> · pays in <b class="asset">${esc(a.symbol)}</b></p>
      ${bar([
        ['paid out', p.paid, 'paid'],
        ['released, not paid', p.released.toBigInt() - p.paid.toBigInt(), 'released'],
        ['owed by the treasury', p.owed, 'owed'],
        ['still to come', toCome, 'tocome'],
      ], budget, a)}
    </article>`;
  }).join('');
  const decisions = rows.flatMap((p) => pendingDecisions(api, p));
  const councillor = !!account && council.members.includes(account.address);
  show(`<h2>Programs</h2>${cards || '<p>No program yet.</p>'}
    <section id="pending"><h2>Waiting for the council</h2>
      ${pendingHtml(decisions, { councillor, members: council.members.length, money: 'PHA' }) || '<p>Nothing waits for a decision.</p>'}
      <h3>Open motions</h3>${motionsHtml(council, null, { account, who, head })}</section>`);
  wireCouncil(root, { api, account, council, decisions, decimals: 12, submit, rerender: route });
}

function milestoneRows(p, events) {
  const approvals = new Map(events.filter(({ event }) => event.method === 'MilestoneApproved')
    .map(({ event }) => [Number(event.data.milestone), event.data]));
  // What each decided tranche came to (less any cut), paid or owed, from its event.
  const funded = new Map(events.filter(({ event }) => event.method === 'TrancheReleased' || event.method === 'TrancheOwed')
    .map(({ event }) => [Number(event.data.tranche), { amount: BigInt(event.data.amount), how: event.method === 'TrancheReleased' ? 'paid' : 'owed' }]));
  return p.milestones.map((m, k) => {
    const metric = m.metric.isOffChain ? text(m.metric.asOffChain) : m.metric.type;
    const counted = m.metric.isAmbassadorCount || m.metric.isActiveMembers;
    let claimed = '—';
    let figure = '—';
    let decision = 'not reported';
    if (m.report.isSome) {
      const r = m.report.unwrap();
      claimed = r.claimed.toString();
      figure = r.status.isApproved ? r.status.asApproved.figure.toString() : r.figure.toString();
      decision = r.status.isApproved ? 'approved' : (r.status.isPending ? `pending (attempt ${r.attempt})` : `rejected (attempt ${r.attempt})`);
      const approval = approvals.get(k);
      if (r.status.isApproved && approval) {
        decision += approval.belowTarget === true ? ' below target' : '';
        if (BigInt(approval.cut) > 0n) decision += `, next tranche cut by ${money(approval.cut)}`;
      }
    }
    const planned = m.tranche.toBigInt();
    const done = funded.get(k);
    const tranche = done
      ? `${money(done.amount)} ${done.how}${done.amount === planned ? '' : ` (planned ${money(planned)})`}`
      : money(planned);
    return `<tr data-milestone="${k}"><td>${k + 1}</td><td>${esc(metric)}</td><td class="target">${m.target}</td><td class="claimed">${claimed}</td>
      <td class="figure">${figure}${counted && m.report.isSome ? ' <small>(counted by the chain)</small>' : ''}</td>
      <td class="decision">${esc(decision)}</td><td class="tranche">${esc(tranche)}</td></tr>`;
  }).join('');
}

/// The age of each pool's rate (the page view's `rates`, as the `rate` view function reports
/// them): when the council set it and until which block payments convert at it; a warning in its
/// last 5 days, and what to do once stale. A pool that needs no rate has no note.
function rateNotes(rates, head) {
  return rates.map((option) => {
    if (option.isNone) return '';
    const r = option.unwrap();
    let note;
    let kind = 'fresh';
    if (r.setAt.isNone) {
      kind = 'stale';
      note = 'The rate has no date: payments from this pool are refused until the council sets it.';
    } else {
      const setAt = r.setAt.unwrap().toNumber();
      const until = r.freshUntil.unwrap().toNumber();
      if (!r.fresh.isTrue) {
        kind = 'stale';
        note = `Rate STALE: set at #${setAt}, ${days(head - setAt)} ago; payments from this pool are refused until the council sets it again.`;
      } else {
        const left = until - head;
        if (left < 5 * BLOCKS_PER_DAY) kind = 'warning';
        note = `Rate set at #${setAt} (${days(head - setAt)} ago), fresh until #${until}${kind === 'warning' ? ` — stale in ${days(left)}: the council should set it again` : ` (${days(left)} left)`}.`;
      }
    }
    return `<p class="rate ${kind}" data-set-at="${r.setAt.isSome ? r.setAt.unwrap() : ''}">${esc(note)}</p>`;
  });
}

function poolGauges(p, rates) {
  return p.pools.map((pool, i) => {
    const cap = pool.periodCap.toBigInt();
    const spent = pool.spent.toBigInt();
    const pct = cap ? Number((spent * 10000n) / cap) / 100 : 0;
    const scored = pool.payout.isScored;
    return `<div class="gauge" data-pool="${i}">
      <h4>Pool ${i}: ${esc(pool.eligibility.type)}${scored ? ` <small>(scored: ${pool.payout.asScored.threshold}% threshold, ${esc(pool.payout.asScored.split.type)})</small>` : ' <small>(direct)</small>'}</h4>
      <div class="meter"><span style="width:${pct}%"></span></div>
      <p>cap <b class="cap">${esc(inDenomination(cap, pool.denomination))}</b> · spent <b class="spent">${esc(inDenomination(spent, pool.denomination))}</b> · remaining <b class="remaining">${esc(inDenomination(pool.remaining, pool.denomination))}</b>${pool.remainingPaid.isSome && !pool.denomination.eq(p.asset) ? ` = <b class="remaining-native">${esc(money(pool.remainingPaid.unwrap()))}</b> today` : ''}</p>
      ${rates[i] ?? ''}
    </div>`;
  }).join('');
}

/// Month `period`'s round: `r` is its round view from the page view (`json` the same as JSON),
/// or undefined if it is no longer in storage (settled: the history says how) or nobody filed for
/// it. `scorer` is how the connected account scores it: `'lead'` (no panel), `'reviewer'` (on the
/// panel), or null; `panel` the program's panel (JSON), if any.
function roundSection(period, r, json, { isLead, scorer, panel }, events, head) {
  if (!r) {
    const settled = events.find(({ event }) => event.method === 'RoundSettled' && Number(event.data.period) === period);
    const note = settled
      ? `Settled at block #${settled.block}: ${settled.event.data.paid} paid, ${settled.event.data.skipped} skipped (see the payments).`
      : 'No report or claim filed.';
    return `<section class="round" data-period="${period}"><h3>Month ${period + 1}</h3><p>${esc(note)}</p></section>`;
  }
  const scoring = !!scorer && !json.isFinal;
  const quorum = json.quorum;
  const scoreCell = (e) => {
    if (quorum === null || quorum === undefined) return `${e.score ?? 'unscored'}`;
    if (e.score !== null && e.score !== undefined) return `${e.score} <small>(median of ${e.reviews.length})</small>`;
    return `none <small>(${e.reviews.length} of ${quorum} reviews needed: pays nothing)</small>`;
  };
  const deposit = api.consts.communityBounty.appealDeposit.toBigInt();
  const rows = json.entries.map((e) => {
    const kind = e.kind.claim ? `claim (pool ${e.kind.claim.pool})` : 'report';
    let pay = 'nothing (not eligible, or under the threshold)';
    if (e.payment) pay = asset.id === null ? `${usd(BigInt(e.payment.amount))} = ${money(BigInt(e.payment.native))}` : money(BigInt(e.payment.native));
    else if (json.vetoed) pay = 'nothing (the council vetoed the round)';
    else if (e.struck) pay = 'nothing (struck by the council)';
    const mine = scorer === 'reviewer' ? e.reviews.find(([by]) => by === account.address)?.[1] : e.score;
    const own = e.who === account?.address;
    return `<tr data-who="${esc(e.who)}"><td>${esc(who(e.who))}</td><td>${esc(kind)}</td>
      <td class="evidence">${evidenceHtml(hexText(e.evidence))}</td>
      <td class="proposed">${e.proposed ?? '—'}</td>
      ${panel ? `<td class="reviews">${e.reviews.map(([by, score]) => `${esc(who(by))}: ${score}`).join(', ') || '—'}</td>` : ''}
      <td class="score">${scoreCell(e)}${entryChecksHtml(json, e, { account, head, events, money, deposit })}</td><td class="pay">${esc(pay)}</td>
      ${scoring ? `<td>${own ? '<small>your own: not yours to score</small>' : `<input class="score-input" type="number" min="0" max="100" step="1" value="${mine ?? ''}" data-who="${esc(e.who)}" aria-label="New score for ${esc(who(e.who))} (0 to 100)">`}</td>` : ''}</tr>`;
  }).join('');
  const totals = json.pools.map((pl) => `<li>pool ${pl.pool}: <b class="round-total">${esc(capMoney(BigInt(pl.amount)))}</b> of a cap of ${esc(capMoney(BigInt(pl.periodCap)))}</li>`).join('');
  const state = Object.keys(json.status)[0];
  const whoScores = panel ? `The panel (${panel.reviewers.length} reviewers, a quorum of ${panel.quorum}) scores` : 'The lead scores';
  return `<section class="round${json.vetoed ? ' vetoed' : ''}" data-period="${period}"><h3>Month ${period + 1}: ${esc(state)}${json.isFinal ? ' (final)' : ''}${json.vetoed ? ', vetoed' : ''}, ${json.active} active</h3>
    <table><thead><tr><th>who</th><th>what</th><th>evidence</th><th>proposed</th>${panel ? '<th>reviews</th>' : ''}<th>score</th><th>pay if settled now</th>${scoring ? `<th>${scorer === 'reviewer' ? 'my score' : 'new score'}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table>
    ${r.unpriced.isSome ? `<p class="unpriced error">No pay is shown: settling now would be refused (${esc(errorName(api, r.unpriced.unwrap()))}).</p>` : ''}
    <ul>${totals}<li>the round would pay <b class="round-native">${esc(money(BigInt(json.totalNative)))}</b>; the program can spend ${esc(money(BigInt(json.available)))}</li></ul>
    ${scoring ? `<button class="score-button" data-period="${period}" data-as="${scorer}">${scorer === 'reviewer' ? 'Send my scores for' : 'Score'} month ${period + 1}</button>` : ''}
    ${state === 'open' && !json.isFinal ? `<p class="windows"><small>${head < json.filingDeadline ? `Filing is open until block #${json.filingDeadline} (${esc(days(json.filingDeadline - head))}). ` : ''}${esc(whoScores)} until block #${json.scoringDeadline} (${esc(days(json.scoringDeadline - head))}), or the lead finalizes once filing is over; then come the appeal and veto windows, after which anyone may settle.</small></p>` : ''}
    ${isLead && state === 'open' && !json.isFinal && head >= json.filingDeadline ? `<button class="finalize-button" data-period="${period}">Finalize month ${period + 1}</button>` : ''}
    ${roundChecksHtml(json, { head, events })}
    ${account && maySettle(json, head) ? `<button class="settle-button" data-period="${period}">Settle month ${period + 1}</button>` : ''}</section>`;
}

/// The roster (read from storage in one paged request), by region.
async function rosterSection(index) {
  const entries = await api.query.communityBounty.roster.entries(index);
  const members = entries.map(([key, m]) => ({ who: key.args[1].toString(), m: m.unwrap() }));
  const byRegion = new Map();
  for (const { who: w, m } of members) {
    const region = text(m.region);
    if (!byRegion.has(region)) byRegion.set(region, []);
    byRegion.get(region).push({ w, m });
  }
  const regions = (isLead) => [...byRegion.keys()].sort().map((region) => {
    const list = byRegion.get(region).sort((a, b) => (a.m.role.isSeniorAmbassador ? -1 : 1) - (b.m.role.isSeniorAmbassador ? -1 : 1));
    return `<li class="region" data-region="${esc(region)}"><b>${esc(region)}</b> (${list.length}): ${list.map(({ w, m }) => m.role.isSeniorAmbassador
      ? `<span class="senior">★ ${esc(who(w))} <small>crew ${m.crew}</small>${isLead ? removeButton(w) : ''}</span>`
      : `<span class="ambassador">${esc(who(w))} <small>${m.senior.isSome ? `of ${esc(who(m.senior.unwrap()))}` : esc(m.role.type)}</small>${isLead ? removeButton(w) : ''}</span>`).join(', ')}</li>`;
  }).join('');
  return { members, html: (isLead) => `<section id="roster"><h3>Roster: ${members.length} members</h3><ul>${regions(isLead)}</ul></section>` };
}

/// When the history was indexed to: a warning if no indexer answers or it lags behind the page.
function indexedNote(indexed, head) {
  if (indexed === null) return '<p class="rate stale" id="indexed">No history: the indexer does not answer (start it beside the page: dashboard/README.md).</p>';
  if (indexed < head) return `<p class="rate warning" id="indexed">History indexed to block #${indexed}, ${head - indexed} behind the chain.</p>`;
  return `<p id="indexed"><small>History indexed to block #${indexed}.</small></p>`;
}

function historySection(events, note) {
  const paid = events.filter(({ event }) => event.method === 'Awarded');
  const rows = paid.map(({ block, event }) => {
    const d = event.data;
    return `<tr class="payment"><td>#${block}</td><td>month ${Number(d.period) + 1}</td><td>${esc(who(d.beneficiary))}</td><td>pool ${esc(d.pool)}</td>
      <td class="usd">${esc(capMoney(d.amount))}</td><td class="native">${esc(money(d.native))}</td><td>${esc(d.reason)}</td></tr>`;
  }).join('');
  const timeline = events.filter(({ event }) => event.method !== 'Awarded' && event.method !== 'Scored' && event.method !== 'Filed')
    .map(({ block, event }) => `<li>#${block} <b>${esc(event.method)}</b></li>`).join('');
  return `<section id="history"><h3>Payments</h3>${note}<p><button class="export-csv" data-scope="all">Export every payment (CSV)</button></p><table><thead><tr><th>block</th><th>month</th><th>beneficiary</th><th>pool</th><th>cap unit</th><th>${esc(asset.symbol)}</th><th>reason</th></tr></thead><tbody>${rows || '<tr><td colspan="7">No payment yet.</td></tr>'}</tbody></table>
    <h3>Timeline</h3><ol class="timeline">${timeline}</ol></section>`;
}

/// The program's payments in progress or failed (the page view's `payments`): who, how much, and
/// until when a failed one may be retried before a close returns its money to the treasury.
/// Anyone connected may check one in progress or retry one that failed.
function paymentsSection(payments, head) {
  const list = payments.toJSON();
  if (!list.length) return '<section id="open-payments"><h3>Payments in progress or failed</h3><p>None: every payment was made.</p></section>';
  const rows = list.map((p) => {
    const state = p.inProgress
      ? 'in progress: the paymaster has not said how it went'
      : `failed at #${p.failedAt}; its money waits in the program${head < p.retryUntil ? ` until #${p.retryUntil} (${days(p.retryUntil - head)} left), then a close returns it` : '; a close now returns it to the treasury'}`;
    const action = !account ? '' : p.inProgress
      ? `<button class="payment-check" data-payment="${p.payment}">Ask how it went</button>`
      : `<button class="payment-retry" data-payment="${p.payment}">Retry</button>`;
    return `<tr class="open-payment ${p.inProgress ? 'in-progress' : 'failed'}" data-payment="${p.payment}"><td>${p.payment}</td><td>${esc(who(p.payee))}</td>
      <td>month ${p.period + 1}, pool ${p.pool}</td><td class="native">${esc(money(BigInt(p.amount)))}</td><td class="state">${esc(state)}</td><td>${action}</td></tr>`;
  }).join('');
  return `<section id="open-payments"><h3>Payments in progress or failed</h3>
    <table><thead><tr><th>#</th><th>payee</th><th>charged to</th><th>${esc(asset.symbol)}</th><th>state</th><th></th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function batchSection(p) {
  return `<section id="batch"><h3>Monthly batch (CSV: account,pool,amount,reason)</h3>
    <p>Upload a file, or paste the lines below. Amounts are in ${asset.id === null ? 'USD' : esc(asset.symbol)}, the pools' unit.</p>
    <label for="csv-file">CSV file</label> <input type="file" id="csv-file" accept=".csv,text/csv"> <button id="csv-check">Check</button>
    <label for="csv-text">or its lines</label>
    <textarea id="csv-text" rows="4" cols="100" placeholder="5Grw...,1,750,Telegram bot for solo-miners"></textarea>
    <div id="csv-result"></div></section>`;
}

async function program(index) {
  // Everything at once: the page view (one runtime call: the program, its rates, its rounds
  // still in storage and its open payments), the head, the stored record, the council, the
  // roster and the indexer's history.
  const header = api.rpc.chain.getHeader();
  const [v, { number }, record, council, roster, { events, indexed }] = await Promise.all([
    view(api, 'page', index), header, api.query.communityBounty.programs(index), councilState(api),
    rosterSection(index), header.then((h) => indexedEvents(index, h.number.toNumber())), accountsReady,
  ]);
  if (v.isNone) {
    fail(`There is no program #${index} on this chain (it never existed, or it was closed, cancelled or rejected).`);
    return;
  }
  const { program: p, rates: rateViews, rounds: roundViews, payments: openPayments } = v.unwrap();
  const head = number.toNumber();
  // Every account the page names is named (one request) before anything is written.
  const [paidIn] = await Promise.all([assetOf(p), learnNames(api, [p.lead, ...(p.panel.isSome ? p.panel.unwrap().reviewers : []), ...roster.members.map((m) => m.who), ...council.members,
    ...council.motions.flatMap((m) => [...m.ayes, ...m.nays]), ...accountsIn(events)])]);
  asset = paidIn;
  const isLead = !!account && account.address === p.lead.toString();
  const period = p.period.toNumber();
  const budget = p.budget.toBigInt();
  const rates = rateNotes(rateViews, head);
  const payments = paymentsSection(openPayments, head);
  const periods = [period, period - 1, period - 2].filter((q) => q >= 0);
  const panel = p.panel.isSome ? p.panel.unwrap().toJSON() : null;
  const reviewer = !!account && !!panel && panel.reviewers.includes(account.address);
  const scorer = panel ? (reviewer ? 'reviewer' : null) : (isLead ? 'lead' : null);
  // Each round view decoded to JSON once, for its section and for the council's appeals.
  const roundJson = new Map(roundViews.map((r) => [r.period.toNumber(), r.toJSON()]));
  const rounds = periods.map((q) => roundSection(q, roundViews.find((r) => r.period.toNumber() === q), roundJson.get(q), { isLead, scorer, panel }, events, head));
  const member = account ? roster.members.find((m) => m.who === account.address) : null;
  const decisions = [...pendingDecisions(api, p), ...appealDecisions(api, index, [...roundJson.values()], head, { who, money })];
  const councillor = !!account && council.members.includes(account.address);
  const mine = account ? monthsOf(events, account.address) : [];
  show(`<p><a href="#/">← Programs</a></p>
    <h2 id="title">#${index} ${esc(text(p.title))}</h2>
    <p id="description">The proposal's full text is published off chain; the council approved the text whose blake2-256 hash is <code>${esc(p.description.toHex())}</code> (hash a copy to check it).</p>
    <p>Pays in <b id="asset">${esc(asset.symbol)}</b>${asset.id === null ? '' : ` (asset ${asset.id}: its caps need no rate)`} · budget <b class="budget">${esc(money(budget))}</b></p>
    <p>Lead ${esc(who(p.lead))} · ${p.status.isProposed ? 'Proposed' : `Active, ends at block ${p.status.asActive.endsAt} (now ${head}) · month ${period + 1}`} · ${p.rosterCount} members, ${p.seniors} seniors · active members now ${p.activeMembers}</p>
    <p id="panel">${panel ? `Scored by a panel: ${panel.reviewers.map((r) => esc(who(r))).join(', ')}; an entry's score is the median of its reviews, once ${panel.quorum} of them scored it.` : 'Scored by the lead alone.'}</p>
    ${bar([
      ['paid out', p.paid, 'paid'],
      ['released, not paid', p.released.toBigInt() - p.paid.toBigInt(), 'released'],
      ['owed by the treasury', p.owed, 'owed'],
      ['still to come', stillToCome(p), 'tocome'],
    ], budget)}
    ${member && p.status.isActive ? `<section id="member">${fileHtml(p, member.m)}</section>` : ''}
    ${account && mine.length ? myAccountHtml(mine, { money, capMoney }) : ''}
    <section id="council"><h3>The council</h3>
      ${pendingHtml(decisions, { councillor, members: council.members.length, money: asset.symbol }) || '<p>Nothing of this program waits for the council.</p>'}
      <h4>Open motions on this program</h4>${motionsHtml(council, index, { account, who, head })}</section>
    <section id="spec"><h3>The spec the council approved${p.status.isProposed ? ' (proposed)' : ''}</h3>${specHtml(p, record, { money, pha, inDenomination })}</section>
    <section id="milestones"><h3>Milestones</h3><table><thead><tr><th>#</th><th>metric</th><th>target</th><th>lead claimed</th><th>figure of record</th><th>council</th><th>tranche</th></tr></thead>
      <tbody>${milestoneRows(p, events)}</tbody></table></section>
    <section id="pools"><h3>This month's pools</h3>${poolGauges(p, rates)}</section>
    <section id="rounds"><h3>Monthly rounds</h3>${rounds.join('')}</section>
    ${payments}
    ${roster.html(isLead)}
    ${isLead ? leadHtml(p, roster.members) : ''}
    ${isLead ? batchSection(p) : ''}
    ${historySection(events, indexedNote(indexed, head))}
`);
  wireActions(index);
  const ctx = { api, index, period, submit, rerender: route, who };
  wireLead(root, ctx);
  wireMember(root, ctx);
  wireCouncil(root, { ...ctx, account, council, decisions, decimals: asset.decimals });
  wireChecks(root, ctx);
  const plain = (v) => exact(v, asset.id === null ? 12 : asset.decimals);
  wireExports(root, (scope) => paymentsCsv(events, {
    address: scope === 'mine' ? account.address : null, unit: asset.id === null ? 'USD' : asset.symbol, paid: asset.symbol, plain,
  }), `program-${index}`);
}

/// Signs and sends `tx` with the chosen account; resolves with its events once in a block.
const submit = (tx) => {
  if (!account) return Promise.reject(new Error('Choose an account to sign with first (the picker at the top).'));
  return send(api, account, tx);
};

/// The lead's or a reviewer's score buttons and everyone's payment buttons: one signature per click.
function wireActions(index) {
  for (const button of document.querySelectorAll('.score-button')) {
    const period = Number(button.dataset.period);
    onAct(button, 'Scoring: waiting for a block…', async () => {
      const scores = [...document.querySelectorAll(`.round[data-period="${period}"] .score-input`)]
        .filter((i) => i.value !== '').map((i) => [i.dataset.who, Number(i.value)]);
      // A score is a whole number from 0 to 100: anything else is refused here, in words, before
      // anything is signed.
      const wrong = scores.find(([, score]) => !Number.isInteger(score) || score < 0 || score > 100);
      if (wrong) throw new Error(`A score is a whole number from 0 to 100; ${who(wrong[0])} has ${wrong[1]}. Nothing was sent.`);
      if (!scores.length) throw new Error('Give at least one score. Nothing was sent.');
      if (button.dataset.as === 'reviewer') {
        const events = await submit(api.tx.communityBounty.reviewRound(index, period, scores));
        const medians = events.filter(({ event }) => event.section === 'communityBounty' && event.method === 'Reviewed')
          .map(({ event: { data: d } }) => `${who(d.who.toString())}: ${d.median.isSome ? `median ${d.median.unwrap()}` : 'below the quorum'}`);
        return `Sent your ${scores.length} scores for month ${period + 1} (${medians.join('; ')}).`;
      }
      await submit(api.tx.communityBounty.scoreRound(index, period, scores));
      return `Scored ${scores.length} entries of month ${period + 1}.`;
    }, route);
  }
  for (const button of document.querySelectorAll('.payment-retry, .payment-check')) {
    const payment = Number(button.dataset.payment);
    const retry = button.classList.contains('payment-retry');
    onAct(button, `${retry ? 'Retrying' : 'Asking'}: waiting for a block…`, async () => {
      const tx = retry ? api.tx.communityBounty.retryPayment(index, payment) : api.tx.communityBounty.checkPayment(index, payment);
      const events = await submit(tx);
      const done = events.find(({ event }) => event.section === 'communityBounty' && event.method === 'PaymentConfirmed');
      return done ? `Payment #${payment} is done: ${money(done.event.data.amount)} paid.` : `Payment #${payment} is in progress: ask again later.`;
    }, route);
  }
  const check = document.getElementById('csv-check');
  if (check) check.addEventListener('click', () => checkBatch(index).catch((e) => status(e.message, true)));
}

/// Checks the CSV entry by entry with the chain's dry run; sends nothing if a row is refused.
async function checkBatch(index) {
  const file = document.getElementById('csv-file').files[0];
  const pasted = document.getElementById('csv-text').value;
  const out = document.getElementById('csv-result');
  if (!file && !pasted.trim()) { out.innerHTML = '<p class="error">Choose a CSV file or paste its lines first.</p>'; return; }
  const { rows, errors } = parseCsv(file ? await file.text() : pasted, asset.id === null ? 12 : asset.decimals);
  if (errors.length || !rows.length) {
    const why = errors.length ? errors : ['No award in it: each line is account,pool,amount,reason.'];
    out.innerHTML = `<ul class="error">${why.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>`;
    return;
  }
  const max = api.consts.communityBounty.maxAwardsPerCall.toNumber();
  const awards = rows.map((r) => ({ pool: r.pool, beneficiary: r.account, amount: r.amount, reason: r.reason }));
  const results = [];
  for (let i = 0; i < awards.length; i += max) {
    const page = awards.slice(i, i + max);
    const dry = await view(api, 'dry_run_awards', index, page);
    results.push(...dry);
  }
  const refused = results.filter((r) => r.isErr).length;
  out.innerHTML = `<table><thead><tr><th>line</th><th>account</th><th>pool</th><th>amount</th><th>check</th></tr></thead><tbody>${rows.map((r, i) => {
    const res = results[i];
    const verdict = res.isOk ? `ok: ${money(res.asOk)}` : `refused: ${errorName(api, res.asErr)}`;
    return `<tr class="csv-row ${res.isOk ? 'ok' : 'refused'}" data-line="${r.line}"><td>${r.line}</td><td>${esc(who(r.account))}</td><td>${r.pool}</td><td>${esc(capMoney(r.amount))}</td><td class="verdict">${esc(verdict)}</td></tr>`;
  }).join('')}</tbody></table>
  ${refused ? `<p class="error" id="csv-refused">${refused} row(s) refused: nothing was sent. Fix them and check again.</p>` : `<button id="csv-send">Send ${rows.length} awards in ${Math.ceil(rows.length / max)} batch(es)</button>`}`;
  const sendButton = document.getElementById('csv-send');
  if (sendButton) {
    // One send per check: the button is disabled from the click on, and progress shows until
    // every batch is in a block.
    let sent = false;
    sendButton.addEventListener('click', async () => {
      if (sent) return;
      sent = true;
      sendButton.disabled = true;
      const batches = Math.ceil(awards.length / max);
      let paid = 0n;
      let count = 0;
      try {
        for (let i = 0, b = 1; i < awards.length; i += max, b += 1) {
          sendButton.textContent = `Sending batch ${b} of ${batches}: waiting for a block…`;
          const events = await submit(api.tx.communityBounty.awardBatch(index, awards.slice(i, i + max)));
          // What was paid, from the chain's own events.
          for (const { event } of events) {
            if (event.section === 'communityBounty' && event.method === 'Awarded') { paid += event.data.native.toBigInt(); count += 1; }
          }
        }
        status(`Sent ${awards.length} awards in ${batches} batch(es): ${count} paid, ${money(paid)} in all.`);
        await route();
      } catch (e) {
        sendButton.textContent = 'Not sent: check again';
        status(e.message, true);
      }
    });
  }
}

/// Renders the page the hash names; `data-rendered` on the body counts the renders (a test
/// waits for it).
async function route() {
  try {
    const match = location.hash.match(/^#\/program\/(\d+)/);
    if (match) await program(Number(match[1]));
    else await accountsReady.then(programs);
  } catch (e) {
    fail(e.message);
  }
  performance.mark('rendered');
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
}

/// The account picker in the header: every account the browser's wallet extensions share with
/// the page (and the dev keys on a dev chain), the choice remembered in this browser.
async function choose() {
  const box = document.getElementById('signer');
  const { accounts, refused, signers } = await discover(api);
  for (const why of refused) status(why, true);
  const chosen = remembered(accounts);
  account = chosen ? await signerFor(api, chosen, signers).catch(() => null) : null;
  const option = (a) => `<option value="${esc(`${a.source}:${a.address}`)}"${chosen === a ? ' selected' : ''}>${esc(a.name || short(a.address))} · ${esc(short(a.address))} · ${esc(a.label)}</option>`;
  box.innerHTML = accounts.length
    ? `<label for="account-picker">Sign as</label> <select id="account-picker"><option value="">read only</option>${accounts.map(option).join('')}</select>`
    : '<span>Read only: no wallet extension (polkadot.js, Talisman, SubWallet) shares an account with this page.</span>';
  const picker = document.getElementById('account-picker');
  if (picker) {
    picker.addEventListener('change', async () => {
      const next = accounts.find((a) => `${a.source}:${a.address}` === picker.value) ?? null;
      remember(next);
      try {
        account = next ? await signerFor(api, next, signers) : null;
      } catch (e) {
        account = null;
        status(e.message, true);
      }
      await route();
    });
  }
}

async function main() {
  show(`<p>Connecting to <code>${esc(endpoint)}</code>…</p>`);
  try {
    api = await connect(endpoint);
    performance.mark('connected');
  } catch (e) {
    fail(e.message);
    document.body.dataset.rendered = '1';
    return;
  }
  show('<p class="loading">Loading the program…</p>');
  // The wallets are asked while the page's data loads; a page renders once both are in.
  accountsReady = choose().catch((e) => status(e.message, true)).then(() => performance.mark('accounts'));
  api.rpc.chain.subscribeNewHeads((h) => { document.getElementById('head').textContent = `block #${h.number}`; });
  window.addEventListener('hashchange', () => { show('<p class="loading" role="status">Loading…</p>'); route(); });
  await route();
}

main();
