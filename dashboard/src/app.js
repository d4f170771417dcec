// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The dashboard: the programs, and a program's page (milestones, this month's pools, the
// monthly round, the roster, the payment history), with the lead's and the council's actions.
// Every figure comes from the chain (runtime API, view functions, storage, events); the page
// computes nothing the chain has a rule for.
//
//   http://127.0.0.1:8080/?rpc=ws://127.0.0.1:9944&signer=//Ferdie#/program/0
//   ...&signer=extension[&account=5F...]: sign with the polkadot.js browser extension

import { connect, view, send, signer, callData, indexedEvents, errorName } from './chain.js';
import { parseCsv } from './csv.js';

const params = new URLSearchParams(location.search);
const endpoint = params.get('rpc') ?? 'ws://127.0.0.1:9944';
const signerUri = params.get('signer');
const root = document.getElementById('app');
const PHA = 10n ** 12n;
const USD = 10n ** 12n;
const SECONDS_PER_BLOCK = 6;

let api;
let account;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const text = (bytes) => { try { return new TextDecoder().decode(bytes.toU8a ? bytes.toU8a(true) : bytes); } catch { return String(bytes); } };
/// `1,234.56` from a balance with `decimals` (12 for PHA, 6 for USDT); an amount under a cent
/// shows up to 6 decimals (`0.0099`), so that it never reads as nothing.
export const amount = (value, decimals = 12) => {
  const v = BigInt(value.toString());
  const unit = 10n ** BigInt(decimals);
  const whole = v / unit;
  const cents = (v % unit) / (unit / 100n);
  if (v > 0n && whole === 0n && cents === 0n) {
    const shown = (v % unit).toString().padStart(decimals, '0').slice(0, 6).replace(/0+$/, '');
    return `0.${shown || '000000'}`;
  }
  return `${whole.toLocaleString('en-US')}.${cents.toString().padStart(2, '0')}`;
};
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
const short = (who) => { const s = who.toString(); return `${s.slice(0, 6)}…${s.slice(-4)}`; };
const names = new Map();
const who = (a) => names.get(a.toString()) ?? short(a);

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

/// Evidence as the page shows it: text, and a link only for an `https:` URL (a member's
/// evidence is untrusted input: `javascript:` and other schemes stay text).
export function evidenceHtml(value) {
  let url = null;
  try { url = new URL(value); } catch { url = null; }
  if (url && url.protocol === 'https:') {
    return `<a href="${esc(url.href)}" rel="noreferrer noopener" target="_blank">${esc(value)}</a>`;
  }
  return `<span class="evidence-text">${esc(value)}</span>`;
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
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const view = await api.call.communityBountyApi.program(i);
    if (view.isSome) rows.push(view.unwrap());
  }
  const paidIn = [];
  for (const p of rows) paidIn.push(await assetOf(p));
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
  show(`<h2>Programs</h2>${cards || '<p>No program yet.</p>'}${await councilPending(rows)}`);
}

/// The council's pending decisions: proposed programs, and reports waiting for a vote, each with
/// the call a motion wraps and its hash.
async function councilPending(rows) {
  const items = [];
  for (const p of rows) {
    if (p.status.isProposed) {
      const call = api.tx.communityBounty.approveProgram(p.index);
      items.push(['approve program', `#${p.index} ${text(p.title)}`, callData(call)]);
    }
    p.milestones.forEach((m, k) => {
      if (m.report.isSome && m.report.unwrap().status.isPending) {
        const r = m.report.unwrap();
        const call = api.tx.communityBounty.approveMilestone(p.index, k, r.attempt, r.figure, null);
        items.push([`approve milestone ${k + 1} (attempt ${r.attempt}, figure ${r.figure})`, `#${p.index} ${text(p.title)}`, callData(call)]);
      }
    });
  }
  if (!items.length) return '';
  return `<section id="pending"><h2>Waiting for the council</h2><table><thead><tr><th>decision</th><th>program</th><th>call data</th><th>call hash</th></tr></thead><tbody>
    ${items.map(([what, program, c]) => `<tr class="pending"><td>${esc(what)}</td><td>${esc(program)}</td><td><code class="calldata">${esc(c.data)}</code></td><td><code>${esc(c.hash)}</code></td></tr>`).join('')}
  </tbody></table></section>`;
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

const BLOCKS_PER_DAY = (24 * 3600) / SECONDS_PER_BLOCK;
const days = (blocks) => `${(blocks / BLOCKS_PER_DAY).toFixed(1)} days`;

/// The age of each pool's rate, from the `rate` view function: when the council set it and until
/// which block payments convert at it; a warning in its last 5 days, and what to do once stale.
async function rateNotes(p, head) {
  const notes = [];
  for (const pool of p.pools) {
    // A cap in PHA, or in the asset the program pays, needs no rate.
    const own = asset.id !== null && pool.denomination.isAsset && pool.denomination.asAsset.toNumber() === asset.id;
    if (!pool.denomination.isAsset || own) { notes.push(''); continue; }
    const r = await view(api, 'rate', pool.denomination.asAsset);
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
    notes.push(`<p class="rate ${kind}" data-set-at="${r.setAt.isSome ? r.setAt.unwrap() : ''}">${esc(note)}</p>`);
  }
  return notes;
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

async function roundSection(index, period, isLead, events) {
  const result = await view(api, 'round', index, period);
  if (result.isErr) {
    const settled = events.find(({ event }) => event.method === 'RoundSettled' && Number(event.data.period) === period);
    const note = settled
      ? `Settled at block #${settled.block}: ${settled.event.data.paid} paid, ${settled.event.data.skipped} skipped (see the payments).`
      : 'No report or claim filed.';
    return `<section class="round" data-period="${period}"><h3>Month ${period + 1}</h3><p>${esc(note)}</p></section>`;
  }
  const r = result.asOk;
  const json = r.toJSON();
  const rows = json.entries.map((e) => {
    const kind = e.kind.claim ? `claim (pool ${e.kind.claim.pool})` : 'report';
    const pay = e.payment
      ? (asset.id === null ? `${usd(BigInt(e.payment.amount))} = ${money(BigInt(e.payment.native))}` : money(BigInt(e.payment.native)))
      : 'nothing (not eligible, or under the threshold)';
    return `<tr data-who="${esc(e.who)}"><td>${esc(who(e.who))}</td><td>${esc(kind)}</td>
      <td class="evidence">${evidenceHtml(hexText(e.evidence))}</td>
      <td class="score">${e.score ?? 'unscored'}</td><td class="pay">${esc(pay)}</td>
      ${isLead && !json.isFinal ? `<td><input class="score-input" type="number" min="0" max="100" step="1" value="${e.score ?? ''}" data-who="${esc(e.who)}" aria-label="New score for ${esc(who(e.who))} (0 to 100)"></td>` : ''}</tr>`;
  }).join('');
  const totals = json.pools.map((pl) => `<li>pool ${pl.pool}: <b class="round-total">${esc(capMoney(BigInt(pl.amount)))}</b> of a cap of ${esc(capMoney(BigInt(pl.periodCap)))}</li>`).join('');
  const status = Object.keys(json.status)[0];
  return `<section class="round" data-period="${period}"><h3>Month ${period + 1}: ${esc(status)}${json.isFinal ? ' (final)' : ''}, ${json.active} active</h3>
    <table><thead><tr><th>who</th><th>what</th><th>evidence</th><th>score</th><th>pay if settled now</th>${isLead && !json.isFinal ? '<th>new score</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>
    ${r.unpriced.isSome ? `<p class="unpriced error">No pay is shown: settling now would be refused (${esc(errorName(api, r.unpriced.unwrap()))}).</p>` : ''}
    <ul>${totals}<li>the round would pay <b class="round-native">${esc(money(BigInt(json.totalNative)))}</b>; the program can spend ${esc(money(BigInt(json.available)))}</li></ul>
    ${isLead && !json.isFinal ? `<button class="score-button" data-period="${period}">Score month ${period + 1}</button>` : ''}</section>`;
}

const hexText = (hex) => {
  try { return new TextDecoder().decode(Uint8Array.from(hex.slice(2).match(/../g) ?? [], (b) => parseInt(b, 16))); } catch { return hex; }
};

async function rosterSection(index) {
  const entries = await api.query.communityBounty.roster.entries(index);
  const members = entries.map(([key, m]) => ({ who: key.args[1].toString(), m: m.unwrap() }));
  const byRegion = new Map();
  for (const { who: w, m } of members) {
    const region = text(m.region);
    if (!byRegion.has(region)) byRegion.set(region, []);
    byRegion.get(region).push({ w, m });
  }
  const regions = [...byRegion.keys()].sort().map((region) => {
    const list = byRegion.get(region).sort((a, b) => (a.m.role.isSeniorAmbassador ? -1 : 1) - (b.m.role.isSeniorAmbassador ? -1 : 1));
    return `<li class="region" data-region="${esc(region)}"><b>${esc(region)}</b> (${list.length}): ${list.map(({ w, m }) => m.role.isSeniorAmbassador
      ? `<span class="senior">★ ${esc(who(w))} <small>crew ${m.crew}</small></span>`
      : `<span class="ambassador">${esc(who(w))} <small>of ${esc(who(m.senior.unwrap()))}</small></span>`).join(', ')}</li>`;
  }).join('');
  return `<section id="roster"><h3>Roster: ${members.length} members</h3><ul>${regions}</ul></section>`;
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
  return `<section id="history"><h3>Payments</h3>${note}<table><thead><tr><th>block</th><th>month</th><th>beneficiary</th><th>pool</th><th>cap unit</th><th>${esc(asset.symbol)}</th><th>reason</th></tr></thead><tbody>${rows || '<tr><td colspan="7">No payment yet.</td></tr>'}</tbody></table>
    <h3>Timeline</h3><ol class="timeline">${timeline}</ol></section>`;
}

/// The program's payments in progress or failed (the `payments` view): who, how much, and
/// until when a failed one may be retried before a close returns its money to the treasury.
/// Anyone connected may check one in progress or retry one that failed.
async function paymentsSection(index, head) {
  const list = (await view(api, 'payments', index)).toJSON();
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
  const v = await api.call.communityBountyApi.program(index);
  if (v.isNone) {
    fail(`There is no program #${index} on this chain (it never existed, or it was closed, cancelled or rejected).`);
    return;
  }
  const p = v.unwrap();
  asset = await assetOf(p);
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  const isLead = account && account.address === p.lead.toString();
  const period = p.period.toNumber();
  const budget = p.budget.toBigInt();
  const { events, indexed } = await indexedEvents(index, head);
  const rounds = [];
  for (const q of [period, period - 1, period - 2].filter((q) => q >= 0)) rounds.push(await roundSection(index, q, isLead, events));
  show(`<p><a href="#/">← Programs</a></p>
    <h2 id="title">#${index} ${esc(text(p.title))}</h2>
    <p id="description">The proposal's full text is published off chain; the council approved the text whose blake2-256 hash is <code>${esc(p.description.toHex())}</code> (hash a copy to check it).</p>
    <p>Pays in <b id="asset">${esc(asset.symbol)}</b>${asset.id === null ? '' : ` (asset ${asset.id}: its caps need no rate)`} · budget <b class="budget">${esc(money(budget))}</b></p>
    <p>Lead ${esc(who(p.lead))} · ${p.status.isProposed ? 'Proposed' : `Active, ends at block ${p.status.asActive.endsAt} (now ${head}) · month ${period + 1}`} · ${p.rosterCount} members, ${p.seniors} seniors · active members now ${p.activeMembers}</p>
    ${bar([
      ['paid out', p.paid, 'paid'],
      ['released, not paid', p.released.toBigInt() - p.paid.toBigInt(), 'released'],
      ['owed by the treasury', p.owed, 'owed'],
      ['still to come', stillToCome(p), 'tocome'],
    ], budget)}
    <section id="milestones"><h3>Milestones</h3><table><thead><tr><th>#</th><th>metric</th><th>target</th><th>lead claimed</th><th>figure of record</th><th>council</th><th>tranche</th></tr></thead>
      <tbody>${milestoneRows(p, events)}</tbody></table></section>
    <section id="pools"><h3>This month's pools</h3>${poolGauges(p, await rateNotes(p, head))}</section>
    <section id="rounds"><h3>Monthly rounds</h3>${rounds.join('')}</section>
    ${await paymentsSection(index, head)}
    ${await rosterSection(index)}
    ${isLead ? batchSection(p) : ''}
    ${historySection(events, indexedNote(indexed, head))}
`);
  wireActions(index, p);
}

/// A message for the person at the page: it stays (renders do not touch it) until dismissed.
function status(message, error = false) {
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

function wireActions(index, p) {
  for (const button of document.querySelectorAll('.score-button')) {
    button.addEventListener('click', async () => {
      // One signature per click: disabled from the click on, until the scores are in a block.
      if (button.disabled) return;
      button.disabled = true;
      const label = button.textContent;
      button.textContent = 'Scoring: waiting for a block…';
      const period = Number(button.dataset.period);
      const scores = [...document.querySelectorAll(`.round[data-period="${period}"] .score-input`)]
        .filter((i) => i.value !== '').map((i) => [i.dataset.who, Number(i.value)]);
      // A score is a whole number from 0 to 100: anything else is refused here, in words, before
      // anything is signed.
      const wrong = scores.find(([, score]) => !Number.isInteger(score) || score < 0 || score > 100);
      if (wrong) {
        status(`A score is a whole number from 0 to 100; ${who(wrong[0])} has ${wrong[1]}. Nothing was sent.`, true);
        button.disabled = false;
        button.textContent = label;
        return;
      }
      try {
        await send(api, account, api.tx.communityBounty.scoreRound(index, period, scores));
        status(`Scored ${scores.length} entries of month ${period + 1}.`);
        await route();
      } catch (e) {
        status(e.message, true);
        button.disabled = false;
        button.textContent = label;
      }
    });
  }
  for (const button of document.querySelectorAll('.payment-retry, .payment-check')) {
    button.addEventListener('click', async () => {
      // One signature per click, as for scores.
      if (button.disabled) return;
      button.disabled = true;
      const payment = Number(button.dataset.payment);
      const retry = button.classList.contains('payment-retry');
      button.textContent = `${retry ? 'Retrying' : 'Asking'}: waiting for a block…`;
      try {
        const tx = retry ? api.tx.communityBounty.retryPayment(index, payment) : api.tx.communityBounty.checkPayment(index, payment);
        const events = await send(api, account, tx);
        const done = events.find(({ event }) => event.section === 'communityBounty' && event.method === 'PaymentConfirmed');
        status(done ? `Payment #${payment} is done: ${money(done.event.data.amount)} paid.` : `Payment #${payment} is in progress: ask again later.`);
        await route();
      } catch (e) {
        status(e.message, true);
        button.disabled = false;
        button.textContent = retry ? 'Retry' : 'Ask how it went';
      }
    });
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
      try {
        for (let i = 0, b = 1; i < awards.length; i += max, b += 1) {
          sendButton.textContent = `Sending batch ${b} of ${batches}…`;
          status(`Sending batch ${b} of ${batches}: waiting for a block…`);
          await send(api, account, api.tx.communityBounty.awardBatch(index, awards.slice(i, i + max)));
        }
        status(`Sent ${awards.length} awards in ${batches} batch(es).`);
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
    else await programs();
  } catch (e) {
    fail(e.message);
  }
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
}

async function main() {
  show(`<p>Connecting to <code>${esc(endpoint)}</code>…</p>`);
  try {
    api = await connect(endpoint);
  } catch (e) {
    fail(e.message);
    document.body.dataset.rendered = '1';
    return;
  }
  for (const [label, uri] of (params.get('names') ?? '').split(',').filter(Boolean).map((p) => p.split('='))) {
    names.set(label, decodeURIComponent(uri));
  }
  try {
    account = await signer(signerUri, params.get('account'));
  } catch (e) {
    fail(`The signer ${signerUri} cannot be used: ${e.message}`);
    return;
  }
  document.getElementById('signer').textContent = account ? `signing as ${short(account.address)}` : 'read only';
  api.rpc.chain.subscribeNewHeads((h) => { document.getElementById('head').textContent = `block #${h.number}`; });
  window.addEventListener('hashchange', route);
  await route();
}

main();
