// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The council's side of the page: what waits for its decision (a proposed program with its full
// spec, a milestone report with its evidence), each with the call a motion wraps; the open
// motions on the pallet's calls with their threshold and votes so far; and, for a councillor,
// buttons that propose a motion (approve, approve with a cut, reject), vote on it and close it.
// Every motion is an ordinary `pallet-collective` motion: the page builds the same extrinsics a
// councillor would sign in polkadot.js Apps.

import { callData } from './chain.js';
import { esc, text, evidenceHtml, parseAmount, days } from './format.js';
import { onAct } from './ui.js';

/// The council as the chain holds it: its members and its open motions, each with its call
/// (`proposalOf`) and votes (`voting`).
export async function councilState(api) {
  if (!api.query.council) return { members: [], motions: [] };
  const [members, hashes] = await Promise.all([api.query.council.members(), api.query.council.proposals()]);
  const motions = await Promise.all(hashes.map(async (hash) => {
    const [call, voting] = await Promise.all([api.query.council.proposalOf(hash), api.query.council.voting(hash)]);
    if (call.isNone || voting.isNone) return null;
    const v = voting.unwrap();
    return {
      hash: hash.toHex(),
      index: v.index.toNumber(),
      call: call.unwrap(),
      threshold: v.threshold.toNumber(),
      ayes: v.ayes.map((a) => a.toString()),
      nays: v.nays.map((a) => a.toString()),
      end: v.end.toNumber(),
    };
  }));
  return { members: members.map((m) => m.toString()), motions: motions.filter(Boolean) };
}

/// The ayes a motion needs for a call to pass in the demo runtime: approvals (`ApproveOrigin`)
/// take 3/5 of the council, rejections (`RejectOrigin`) more than half. A runtime with other
/// origins changes these; the councillor can change the threshold before proposing.
export function thresholdFor(kind, members) {
  return kind === 'reject' ? Math.floor(members / 2) + 1 : Math.ceil((3 * members) / 5);
}

/// A call as words: `communityBounty.approveMilestone(index: 0, milestone: 0, …)`.
export function describe(call) {
  const args = call.meta.args.map((a, i) => `${a.name}: ${call.args[i].toString()}`).join(', ');
  return `${call.section}.${call.method}(${args})`;
}

/// Whether `call` is one of the pallet's calls on program `index` (`null`: any program).
const concerns = (call, index) => call.section === 'communityBounty' && (index === null || Number(call.args[0].toString()) === index);

/// The decisions waiting for the council on program `p` (a `ProgramView`): approving or rejecting
/// a proposed program, and a pending milestone report. Each is `{ kind, title, calls }` where
/// `calls` maps an action to a function of the cut (for approve-with-cut) returning the call.
export function pendingDecisions(api, p) {
  const index = p.index.toNumber();
  const out = [];
  if (p.status.isProposed) {
    out.push({
      what: `approve or reject program #${index} ${text(p.title)}`,
      key: `program-${index}`,
      approve: () => api.tx.communityBounty.approveProgram(index),
      reject: () => api.tx.communityBounty.rejectProgram(index),
    });
  }
  p.milestones.forEach((m, k) => {
    if (m.report.isNone || !m.report.unwrap().status.isPending) return;
    const r = m.report.unwrap();
    out.push({
      what: `milestone ${k + 1} of #${index}: the lead claims ${r.claimed}, the figure of record is ${r.figure} (target ${m.target}, attempt ${r.attempt})`,
      evidence: text(r.evidence),
      key: `milestone-${index}-${k}`,
      approve: (cut) => api.tx.communityBounty.approveMilestone(index, k, r.attempt, r.figure, cut),
      cut: true,
      reject: () => api.tx.communityBounty.rejectMilestone(index, k, r.attempt),
    });
  });
  return out;
}

/// The full spec the council decides on: budget, bond, duration, milestones, pools with their
/// caps (period and per member), and the roster's rules. `record` is the program's storage
/// record (duration and rules), `p` its view, `money`/`cap` write amounts.
export function specHtml(p, record, { money, pha, inDenomination }) {
  const r = record.isSome ? record.unwrap() : null;
  const pools = p.pools.map((pool, i) => `<li>pool ${i}: ${esc(pool.eligibility.type)}, ${pool.payout.isScored ? `scored (threshold ${pool.payout.asScored.threshold}%, ${esc(pool.payout.asScored.split.type)})` : 'direct'}; cap ${esc(inDenomination(pool.periodCap, pool.denomination))} a month${pool.memberCap.isSome ? `, at most ${esc(inDenomination(pool.memberCap.unwrap(), pool.denomination))} a member` : ''}</li>`).join('');
  const milestones = p.milestones.map((m, k) => `<li>milestone ${k + 1}: ${esc(m.metric.isOffChain ? text(m.metric.asOffChain) : m.metric.type)} ≥ ${m.target}, tranche ${esc(money(m.tranche))}</li>`).join('');
  return `<dl class="spec">
    <dt>budget</dt><dd class="spec-budget">${esc(money(p.budget))}</dd>
    <dt>bond</dt><dd class="spec-bond">${esc(pha(p.bond))}${p.status.isProposed ? ' (held from the lead; slashed if the council rejects)' : ''}</dd>
    ${r ? `<dt>duration</dt><dd class="spec-duration">${r.duration} blocks (${esc(days(r.duration.toNumber()))})</dd>
    <dt>roster rules</dt><dd>active from a score of ${r.activityThreshold}%; ${r.maxSeniors.isSome ? `at most ${r.maxSeniors.unwrap()} seniors` : 'seniors not capped'}; a senior leads a crew of ${r.minCrew} to be paid</dd>` : ''}
    <dt>milestones</dt><dd><ul>${milestones}</ul></dd>
    <dt>pools</dt><dd><ul class="spec-pools">${pools || '<li>none</li>'}</ul></dd>
  </dl>`;
}

/// The pending decisions as a table: what, the evidence, the call data and hash for a motion or
/// a multisig, and for a councillor the buttons that propose the motion. A decision with a
/// `score` (an appeal: `checks.js`) takes the score the council sets, that one by default.
export function pendingHtml(decisions, { councillor, members, money: unit }) {
  if (!decisions.length) return '';
  const rows = decisions.map((d) => {
    const call = callData(d.approve(null));
    const propose = councillor ? `<div class="propose" data-decision="${esc(d.key)}">
        <label>threshold <input type="number" class="motion-threshold" min="1" max="${members}" value="${thresholdFor('approve', members)}" aria-label="Ayes the motion needs"></label>
        ${d.score !== undefined ? `<label>score <input type="number" class="motion-score" min="0" max="100" step="1" value="${esc(d.score)}" aria-label="The score the council sets (0 to 100)"></label>` : ''}
        <button class="propose-approve">Propose: ${d.score !== undefined ? 'uphold with this score' : 'approve'}</button>
        ${d.cut ? `<label>cut (${esc(unit)}) <input class="motion-cut" inputmode="decimal" aria-label="Cut from the next tranche, in ${esc(unit)}"></label><button class="propose-cut">Propose: approve with this cut</button>` : ''}
        <button class="propose-reject">Propose: ${d.score !== undefined ? 'dismiss' : 'reject'}</button></div>` : '';
    return `<tr class="pending" data-decision="${esc(d.key)}"><td data-label="decision">${esc(d.what)}${d.evidence !== undefined ? `<br>evidence: ${evidenceHtml(d.evidence)}` : ''}${propose}</td>
      <td data-label="call data (approve)"><code class="calldata">${esc(call.data)}</code></td><td data-label="call hash"><code>${esc(call.hash)}</code></td></tr>`;
  }).join('');
  return `<table class="decisions folding"><thead><tr><th>decision</th><th>call data (approve)</th><th>call hash</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/// The open motions on the pallet's calls (of program `index`, or all for `null`): the call in
/// words, the threshold, who voted, when it ends; a councillor votes, anyone signed closes one
/// that is decided.
export function motionsHtml(council, index, { account, who, head }) {
  const list = council.motions.filter((m) => concerns(m.call, index));
  if (!list.length) return '<p id="no-motions">No open motion.</p>';
  const rows = list.map((m) => {
    const voted = account && (m.ayes.includes(account.address) || m.nays.includes(account.address));
    const member = account && council.members.includes(account.address);
    const decided = m.ayes.length >= m.threshold || council.members.length - m.nays.length < m.threshold || head >= m.end;
    const buttons = [
      member && !voted ? `<button class="vote-aye">Vote aye</button> <button class="vote-nay">Vote nay</button>` : '',
      account && decided ? '<button class="motion-close">Close the motion</button>' : '',
    ].join(' ');
    return `<tr class="motion" data-hash="${esc(m.hash)}" data-index="${m.index}"><td data-label="motion">#${m.index}</td><td data-label="call"><code>${esc(describe(m.call))}</code></td>
      <td class="tally" data-label="votes">${m.ayes.length} aye, ${m.nays.length} nay of ${m.threshold} needed (${council.members.length} councillors)</td>
      <td data-label="who">ayes: ${m.ayes.map((a) => esc(who(a))).join(', ') || '—'}; nays: ${m.nays.map((a) => esc(who(a))).join(', ') || '—'}</td>
      <td data-label="ends">ends at #${m.end}${head < m.end ? ` (${esc(days(m.end - head))})` : ' (ended)'}</td><td>${buttons}</td></tr>`;
  }).join('');
  return `<table class="motions folding"><thead><tr><th>motion</th><th>call</th><th>votes</th><th>who</th><th>ends</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

/// Wires the councillor's and the closer's buttons in `root` for `decisions` and `council`.
export function wireCouncil(root, { api, account, council, decisions, decimals, submit, rerender }) {
  const byKey = new Map(decisions.map((d) => [d.key, d]));
  for (const box of root.querySelectorAll('.propose')) {
    const d = byKey.get(box.dataset.decision);
    if (!d) continue;
    const threshold = () => Number(box.querySelector('.motion-threshold').value);
    const propose = (kind, make) => async () => {
      const t = threshold();
      if (!Number.isInteger(t) || t < 1 || t > council.members.length) throw new Error(`A threshold is a number of councillors from 1 to ${council.members.length}.`);
      const call = make();
      if (call === null) return undefined;
      const events = await submit(api.tx.council.propose(t, call, call.method.encodedLength));
      const proposed = events.find(({ event }) => event.section === 'council' && event.method === 'Proposed');
      const executed = events.find(({ event }) => event.section === 'council' && event.method === 'Executed');
      return executed ? `The council executed "${kind}" at once (threshold 1).` : `Motion #${proposed?.event.data.proposalIndex ?? '?'} proposed: ${kind}, ${t} ayes needed.`;
    };
    const scoreInput = box.querySelector('.motion-score');
    onAct(box.querySelector('.propose-approve'), 'Proposing…', propose(scoreInput ? 'uphold' : 'approve', () => {
      if (!scoreInput) return d.approve(null);
      const score = Number(scoreInput.value);
      if (scoreInput.value === '' || !Number.isInteger(score) || score < 0 || score > 100) throw new Error(`A score is a whole number from 0 to 100, not ${scoreInput.value || 'nothing'}. Nothing was sent.`);
      return d.approve(score);
    }), rerender);
    onAct(box.querySelector('.propose-reject'), 'Proposing…', propose(scoreInput ? 'dismiss' : 'reject', () => d.reject()), rerender);
    const cutButton = box.querySelector('.propose-cut');
    if (cutButton) {
      onAct(cutButton, 'Proposing…', propose('approve with a cut', () => {
        const cut = parseAmount(box.querySelector('.motion-cut').value, decimals);
        if (cut === null || cut === 0n) throw new Error('A cut is an amount above zero, such as 6000 or 6,000.5. Nothing was sent.');
        return d.approve(cut);
      }), rerender);
    }
  }
  for (const row of root.querySelectorAll('tr.motion')) {
    const m = council.motions.find((x) => x.hash === row.dataset.hash);
    if (!m) continue;
    for (const [cls, aye] of [['.vote-aye', true], ['.vote-nay', false]]) {
      const button = row.querySelector(cls);
      if (button) onAct(button, 'Voting…', async () => { await submit(api.tx.council.vote(m.hash, m.index, aye)); return `You voted ${aye ? 'aye' : 'nay'} on motion #${m.index}.`; }, rerender);
    }
    const close = row.querySelector('.motion-close');
    if (close) {
      onAct(close, 'Closing…', async () => {
        // The close must allow the call's weight, which the runtime gives (TransactionPaymentCallApi).
        const length = m.call.encodedLength;
        const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(m.call, length);
        const events = await submit(api.tx.council.close(m.hash, m.index, weight, length));
        const executed = events.find(({ event }) => event.section === 'council' && event.method === 'Executed');
        const disapproved = events.find(({ event }) => event.section === 'council' && event.method === 'Disapproved');
        if (executed) {
          const { result } = executed.event.data;
          return result.isOk ? `Motion #${m.index} passed and ${describe(m.call)} was executed.` : `Motion #${m.index} passed but the call failed: ${result.asErr.toString()}`;
        }
        return disapproved ? `Motion #${m.index} was closed without a majority: nothing was executed.` : `Motion #${m.index} closed.`;
      }, rerender);
    }
  }
  void account;
}
