// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The client test: chopsticks runs the demo runtime from a raw chain spec of this build, and
// @polkadot/api drives Khala treasury proposal #14 (its spec and cast read from the runtime's seed
// export, runtime/seed/proposal-14.json) as signed extrinsics from dev accounts: the spec with
// direct pools, a council motion approving it, the roster, a month of awards, a milestone report
// and its approval through the council, and the close; then a monthly round: members file their own
// reports, the lead scores them, and (on chopsticks, which jumps a month of blocks, or on the
// fast-runtime network of scripts/network.sh, which waits 105 blocks for it) the lead finalizes
// and anyone settles it; a failed round payment retried; and a program paying USDT. Results are read through storage queries,
// events, the CommunityBountyApi runtime API and the pallet's view functions (through the raw
// RuntimeViewFunction API); council closes take their weight from TransactionPaymentCallApi.
// Chopsticks, signing, council motions, view functions and constants come from the harness the
// browser test shares (harness/).
//
//   CHAIN_SPEC=path/to/chain-spec.json npm test --prefix e2e     # chopsticks (CI)
//   E2E_ENDPOINT=ws://127.0.0.1:9944 npm run test:node --prefix e2e   # a running node (75 min limit)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { startChopsticks, connect, sender, motion as council, view as callView, constant, loadSeed, seedSpec } from 'community-bounty-harness';

const PHA = 10n ** 12n;
const USD = 10n ** 12n;
/// The most blocks a test waits for on a node (E2E_ENDPOINT) to reach a round's deadline: a
/// runtime built with COMMUNITY_BOUNTY_FAST_RUNTIME=1 (scripts/network.sh, scripts/node.sh) counts 3 blocks a day, so a month and its
/// filing grace are 105 blocks; a real month (504,000 blocks) is skipped on a node.
const MAX_WAIT = Number(process.env.E2E_MAX_WAIT ?? 400);
/// Proposal #14's spec and cast, from the runtime's `seed` module (runtime/seed/proposal-14.json).
const seed = loadSeed(new URL('../runtime/seed/', import.meta.url).pathname);
/// Two of the seed's Senior Ambassadors: one its lead scores at or above the pools' 40%, one under.
const [PAID, UNDER] = [
  seed.cast.find((m) => !m.senior && m.score >= seed.spec.activityThreshold),
  seed.cast.find((m) => !m.senior && m.score < seed.spec.activityThreshold),
];

let chopsticks;
let api;
let keyring;
/// `send` resolves with `{ events, dispatchError }` once in a block; `ok` with the events of an
/// extrinsic that succeeded, else it throws the module error's name.
let send;
let ok;

before(async () => {
  // Another executor (scripts/node.sh runs polkadot-omni-node) gives its endpoint; else this test
  // starts chopsticks on the chain spec.
  let endpoint = process.env.E2E_ENDPOINT;
  if (!endpoint) {
    assert.ok(process.env.CHAIN_SPEC, 'CHAIN_SPEC names the raw chain spec to run (or E2E_ENDPOINT a running node)');
    chopsticks = await startChopsticks({
      chainSpec: process.env.CHAIN_SPEC,
      cwd: new URL('.', import.meta.url).pathname,
      port: Number(process.env.E2E_PORT ?? 0) || undefined,
    });
    endpoint = chopsticks.endpoint;
  }
  api = await connect(endpoint);
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  ({ submit: send, send: ok } = sender(api));
});

after(async () => {
  await api?.disconnect();
  await chopsticks?.stop();
});

const dev = (name) => keyring.addFromUri(seed.uri(name));
const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

/// Whether the chain can be brought to block `height`: chopsticks jumps to any; a node only makes
/// its blocks, so only if they come within MAX_WAIT blocks.
const reachable = async (height) => !process.env.E2E_ENDPOINT
  || height - (await api.rpc.chain.getHeader()).number.toNumber() <= MAX_WAIT;

/// Brings the chain to block `height`: chopsticks builds that block (`unsafeBlockHeight`); on a
/// node, waits for its best block to reach it.
async function reach(height) {
  if (!process.env.E2E_ENDPOINT) {
    await api.rpc('dev_newBlock', { count: 1, unsafeBlockHeight: height });
    return;
  }
  let arrived;
  const arrival = new Promise((resolve) => { arrived = resolve; });
  const unsubscribe = await api.rpc.chain.subscribeNewHeads((header) => {
    if (header.number.toNumber() >= height) arrived();
  });
  await arrival;
  unsubscribe();
}

const has = (events, section, method) => events.find(({ event }) => event.section === section && event.method === method);

/// A council motion: Alice proposes `call` needing 3 ayes, Alice, Bob and Charlie vote aye, Alice
/// closes (the harness checks that it closed and executed, and that the call succeeded). Returns
/// the events of the close (which executes the call).
const motion = async (call) => (await council(api, ok, call, { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) })).events;

test('metadata carries the docs of our calls, events and errors', () => {
  assert.match(api.tx.communityBounty.proposeProgram.meta.docs.join(' '), /Propose a program/);
  assert.match(api.events.communityBounty.Awarded.meta.docs.join(' '), /reward was paid/);
  assert.match(api.errors.communityBounty.PoolCapExceeded.meta.docs.join(' '), /above its cap/);
  assert.ok(constant(api, 'maxRoster').toNumber() > 0, 'constants are in metadata');
});

test('CheckMetadataHash: a signer that commits to the metadata hash (as a Ledger does) is accepted, a wrong hash is not', async () => {
  // The hash of the runtime's metadata (v15, as the wasm builder computes it) with the demo
  // chain's token, merkleized as RFC-0078 signers compute it.
  const opaque = await api.call.metadata.metadataAtVersion(15);
  assert.ok(opaque.isSome, 'the runtime serves metadata v15');
  const digest = merkleizeMetadata(opaque.unwrap().toU8a(true), { decimals: 12, tokenSymbol: 'PHA' }).digest();
  const metadataHash = `0x${Buffer.from(digest).toString('hex')}`;
  const alice = dev('Alice');
  const remark = api.tx.system.remark('signed with the metadata hash');
  const accepted = await send(alice, remark, { mode: 1, metadataHash });
  assert.equal(accepted.dispatchError, undefined);
  // A signer shown other metadata signs another payload: the chain refuses it.
  const wrong = `0x${'11'.repeat(32)}`;
  const refused = await send(dev('Bob'), api.tx.system.remark('wrong hash'), { mode: 1, metadataHash: wrong })
    .then(() => 'accepted', (e) => e.message);
  assert.match(refused, /1010|bad signature|Invalid Transaction/i);
});

test("the seed's spec, as this client encodes it, is the runtime's own, and names the proposal's text", () => {
  // seedSpec throws unless the JSON spec encodes to the bytes of `seed::proposal_14()`.
  assert.equal(seedSpec(api, seed).title, 'Phala community bounty - April 2022 (treasury proposal #14)');
  // The full text stays off chain: the spec names its blake2-256 hash.
  assert.equal(api.registry.hash(new TextEncoder().encode(seed.text)).toHex(), seed.spec.description);
  assert.equal(seed.spec.pools[0].payout.Scored.threshold, seed.spec.activityThreshold);
  assert.ok(PAID && UNDER, 'the seed has a senior on each side of the threshold');
});

test('a direct-award program through @polkadot/api: propose, council approval, roster, awards, milestones, close', async () => {
  const lead = dev('Ferdie');
  const issuance0 = (await api.query.balances.totalIssuance()).toBigInt();

  // The lead proposes proposal #14 with direct pools, its first milestone counting the roster.
  const spec = {
    ...seed.spec,
    title: 'Phala ambassadors - direct awards',
    description: api.registry.hash(new TextEncoder().encode('Proposal #14, paid by the lead award by award.')).toHex(),
    milestones: [{ ...seed.spec.milestones[0], metric: 'AmbassadorCount' }, seed.spec.milestones[1]],
    pools: seed.spec.pools.map((pool) => ({ ...pool, payout: 'Direct' })),
    maxSeniors: null,
    minCrew: 0,
    panel: null,
  };
  const proposed = await ok(lead, api.tx.communityBounty.proposeProgram(spec));
  const { index } = has(proposed, 'communityBounty', 'ProgramProposed').event.data;
  assert.equal(index.toNumber(), 0);
  assert.equal((await api.query.communityBounty.programs(0)).unwrap().status.isProposed, true);

  // The council approves: tranche 1 moves from the treasury to the program account.
  const approved = await motion(api.tx.communityBounty.approveProgram(0));
  const released = has(approved, 'communityBounty', 'TrancheReleased').event.data;
  const account = released.account.toString();
  assert.equal(released.amount.toBigInt(), 80_000n * PHA);
  assert.equal(await free(account), 80_000n * PHA);

  // The roster: two of the seed's seniors and an ambassador of the second's crew.
  const seniors = [PAID, UNDER].map((m) => dev(m.name));
  for (const [i, s] of seniors.entries()) {
    await ok(lead, api.tx.communityBounty.addMember(0, s.address, 'SeniorAmbassador', [PAID, UNDER][i].region, null));
  }
  const crew = seed.crewOf(UNDER.name)[0];
  await ok(lead, api.tx.communityBounty.addMember(0, dev(crew.name).address, 'Ambassador', crew.region, seniors[1].address));

  // A month of awards within the $2,000 cap, at 2.5 PHA per USD.
  const awards = await ok(lead, api.tx.communityBounty.awardBatch(0, [
    { pool: 0, beneficiary: seniors[0].address, amount: 1_200n * USD, reason: 'April: AMA and translations' },
    { pool: 0, beneficiary: seniors[1].address, amount: 800n * USD, reason: 'April: Korean community' },
  ]));
  assert.equal(awards.filter(({ event }) => event.method === 'Awarded').length, 2);
  assert.equal(await free(seniors[0].address), 3_000n * PHA);
  assert.equal(await free(seniors[1].address), 2_000n * PHA);
  // The cap is spent: one more dollar is refused, and nothing moves.
  const refused = await send(lead, api.tx.communityBounty.award(0, 0, seniors[0].address, USD, 'extra'));
  assert.ok(refused.dispatchError?.isModule);
  assert.equal(api.registry.findMetaError(refused.dispatchError.asModule).name, 'PoolCapExceeded');
  assert.equal(await free(seniors[0].address), 3_000n * PHA);

  // The runtime API: what a dashboard reads.
  const view = (await api.call.communityBountyApi.program(0)).unwrap();
  assert.ok(view.status.isActive);
  assert.equal(view.paid.toBigInt(), 5_000n * PHA);
  assert.equal(view.pools[0].remaining.toBigInt(), 0n);
  assert.equal(view.pools[1].remainingPaid.unwrap().toBigInt(), 5_000n * PHA);
  assert.equal(view.rosterCount.toNumber(), 3);

  // The view functions answer what a wallet or the lead's tool asks.
  const programs = await callView(api, 'programs', 0, 10);
  assert.deepEqual(programs.map((p) => p.index.toNumber()), [0]);
  const roster = await callView(api, 'roster', 0, null, 10);
  assert.deepEqual(
    roster.map((m) => m.who.toString()).sort(),
    [...seniors.map((s) => s.address), dev(crew.name).address].sort(),
  );
  // A program's page in one call: the same program as the runtime API, each pool's rate.
  const page = (await callView(api, 'page', 0)).unwrap();
  assert.deepEqual(page.program.toJSON(), view.toJSON());
  assert.equal(page.rates.length, view.pools.length);
  assert.ok((await callView(api, 'page', 99)).isNone, 'no program 99, no page');
  // Eve, a contributor not paid yet: the member cap ($1,000) is below the pool's $2,000.
  const left = await callView(api, 'remaining', 0, 1, dev('Eve').address);
  assert.ok(left.isOk, `remaining: ${left}`);
  assert.equal(left.asOk.amount.toBigInt(), 1_000n * USD);
  assert.equal(left.asOk.native.unwrap().toBigInt(), 2_500n * PHA);
  const senior = await callView(api, 'remaining', 0, 0, dev('Eve').address);
  assert.equal(api.registry.findMetaError(senior.asErr.asModule).name, 'NotEligible');
  // A dry run of a batch: one entry would pay, one would not; nothing moves.
  const before = await free(account);
  const trial = await callView(api, 'dry_run_awards', 0, [
    { pool: 1, beneficiary: dev('Eve').address, amount: 100n * USD, reason: 'trial' },
    { pool: 1, beneficiary: account, amount: 100n * USD, reason: 'to itself' },
  ]);
  assert.equal(trial.length, 2);
  assert.equal(trial[0].asOk.toBigInt(), 250n * PHA);
  assert.equal(api.registry.findMetaError(trial[1].asErr.asModule).name, 'ReservedAccount');
  assert.equal(await free(account), before, 'a dry run moves nothing');

  // Milestone 1: the lead claims 40, the chain counts the roster (3); approved with a cut.
  const reported = await ok(lead, api.tx.communityBounty.reportMilestone(0, 0, 40, 'https://forum/ms1'));
  const report = has(reported, 'communityBounty', 'MilestoneReported').event.data;
  assert.equal(report.figure.toNumber(), 3);
  assert.equal(report.attempt.toNumber(), 1);
  // The motion names the report it decides (its attempt) and the figure the council saw.
  const decided = await motion(api.tx.communityBounty.approveMilestone(0, 0, 1, 3, 6_000n * PHA));
  const approval = has(decided, 'communityBounty', 'MilestoneApproved').event.data;
  assert.equal(approval.belowTarget.isTrue, true);
  assert.equal(approval.nextTranche.toBigInt(), 14_000n * PHA);
  assert.equal(await free(account), 94_000n * PHA - 5_000n * PHA);

  // Milestone 2, then the lead closes: everything unspent goes back to the treasury.
  await ok(lead, api.tx.communityBounty.reportMilestone(0, 1, 45_500, 'tg+discord'));
  await motion(api.tx.communityBounty.approveMilestone(0, 1, 1, 45_500, null));
  const closed = await ok(lead, api.tx.communityBounty.closeProgram(0));
  const closing = has(closed, 'communityBounty', 'ProgramClosed').event.data;
  // A small program is cleared in the close itself.
  assert.equal(has(closed, 'communityBounty', 'ProgramStorageCleared').event.data.complete.isTrue, true);
  assert.ok((await api.query.communityBounty.cleanups(0)).isNone);
  assert.equal(closing.refunded.toBigInt(), 89_000n * PHA);
  assert.equal(await free(account), 0n);
  assert.ok((await api.query.communityBounty.programs(0)).isNone);
  assert.ok((await api.call.communityBountyApi.program(0)).isNone);

  // Fees go to the treasury: issuance is unchanged.
  assert.equal((await api.query.balances.totalIssuance()).toBigInt(), issuance0);
});

test('a monthly round through @polkadot/api: members report, the lead scores, anyone settles', async (t) => {
  const lead = dev('Ferdie');
  // Proposal #14's scored senior pool alone, with no minimum crew.
  const spec = {
    ...seed.spec,
    title: 'Phala ambassadors - monthly round',
    description: api.registry.hash(new TextEncoder().encode('Senior Ambassadors are paid by the scores of their monthly reports.')).toHex(),
    pools: [seed.spec.pools[0]],
    minCrew: 0,
    panel: null,
  };
  const proposed = await ok(lead, api.tx.communityBounty.proposeProgram(spec));
  const index = has(proposed, 'communityBounty', 'ProgramProposed').event.data.index.toNumber();
  await motion(api.tx.communityBounty.approveProgram(index));
  const program = (await api.query.communityBounty.programs(index)).unwrap();
  const approvedAt = program.status.asActive.approvedAt.toNumber();
  // The two seniors paid in the first test (so they can pay their fees).
  const [cappex, kyle] = [PAID, UNDER].map((m) => dev(m.name));
  for (const m of [PAID, UNDER]) {
    await ok(lead, api.tx.communityBounty.addMember(index, dev(m.name).address, 'SeniorAmbassador', m.region, null));
  }

  // Each member files their own report for period 0; the lead cannot.
  const filed = await ok(cappex, api.tx.communityBounty.fileReport(index, 0, 'https://github.com/Phala-Network/growth-program/issues/1', 85));
  assert.equal(has(filed, 'communityBounty', 'Filed').event.data.who.toString(), cappex.address);
  await ok(kyle, api.tx.communityBounty.fileReport(index, 0, 'https://github.com/Phala-Network/growth-program/issues/2', 60));
  const own = await send(lead, api.tx.communityBounty.fileReport(index, 0, 'me', null));
  assert.equal(api.registry.findMetaError(own.dispatchError.asModule).name, 'LeadCannotFile');

  // The lead scores by the seed: the senior under 40% earns nothing; the other takes the whole
  // $2,000.
  await ok(lead, api.tx.communityBounty.scoreRound(index, 0, [[cappex.address, PAID.score], [kyle.address, UNDER.score]]));
  const round = await callView(api, 'round', index, 0);
  assert.ok(round.isOk, `round: ${round}`);
  // `entries` is also a method of a decoded struct: read the round as plain JSON.
  const entries = round.asOk.toJSON().entries.map((e) => [e.who, e.score, e.payment ? BigInt(e.payment.amount) : 0n]);
  assert.deepEqual(entries, [[cappex.address, PAID.score, BigInt(seed.spec.pools[0].periodCap)], [kyle.address, UNDER.score, 0n]]);
  assert.equal(round.asOk.active.toNumber(), 1);
  assert.equal(round.asOk.isFinal.isTrue, false);
  // Not final yet: settling is refused.
  const early = await send(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  assert.equal(api.registry.findMetaError(early.dispatchError.asModule).name, 'RoundNotFinal');

  // A month and the 5-day grace window later (chopsticks jumps the block number; a node's blocks
  // are waited for).
  const filingDeadline = round.asOk.filingDeadline.toNumber();
  assert.equal(filingDeadline, approvedAt + constant(api, 'payoutPeriod').toNumber() + constant(api, 'filingGrace').toNumber());
  if (!(await reachable(filingDeadline))) {
    t.diagnostic(`a node would take ${filingDeadline} blocks to end the month: finalizing and settling run on chopsticks or a fast-runtime network`);
    return;
  }
  await reach(filingDeadline);
  const late = await send(cappex, api.tx.communityBounty.fileReport(index, 0, 'late', null));
  assert.equal(api.registry.findMetaError(late.dispatchError.asModule).name, 'FilingClosed');
  await ok(lead, api.tx.communityBounty.finalizeRound(index, 0));
  const finalizedAt = (await api.rpc.chain.getHeader()).number.toNumber();

  // Kyle, scored under the 60 he proposed, appeals with a deposit held; the round does not
  // settle while the appeal is open; the council dismisses it by motion, and the deposit goes
  // to the treasury.
  const appealed = await ok(kyle, api.tx.communityBounty.appeal(index, 0));
  const deposit = has(appealed, 'communityBounty', 'Appealed').event.data.deposit.toBigInt();
  assert.equal(deposit, constant(api, 'appealDeposit').toBigInt());
  const blocked = await send(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  assert.equal(api.registry.findMetaError(blocked.dispatchError.asModule).name, 'AppealsOpen');
  const dismissed = await motion(api.tx.communityBounty.dismissAppeal(index, 0, kyle.address));
  assert.equal(has(dismissed, 'communityBounty', 'AppealDismissed').event.data.slashed.toBigInt(), deposit);
  // Then the veto window: the round settles only once it is over.
  const windows = constant(api, 'appealWindow').toNumber() + constant(api, 'vetoWindow').toNumber();
  const vetoable = await send(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  assert.equal(api.registry.findMetaError(vetoable.dispatchError.asModule).name, 'VetoWindowOpen');
  await reach(finalizedAt + windows);

  // The genesis rate is older than MaxRateAge by now: settling is refused until the council
  // sets the rate again (through DatedRates, which dates it).
  const maxRateAge = constant(api, 'maxRateAge').toNumber();
  assert.ok(filingDeadline > maxRateAge, 'the genesis rate is stale at the filing deadline');
  const stale = await send(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  assert.equal(api.registry.findMetaError(stale.dispatchError.asModule).name, 'RateStale');
  const closedAfter = (await api.rpc.chain.getHeader()).number.toNumber();
  await motion(api.tx.datedRates.update(seed.rate.usdAsset, seed.rate.phaPerUsd));
  const setAt = (await api.query.datedRates.setAt(seed.rate.usdAsset)).unwrap().toNumber();
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  if (process.env.E2E_ENDPOINT) {
    // A node may have made a block since the close: the date is one of the motion's blocks.
    assert.ok(setAt > closedAfter && setAt <= head, `dated ${setAt}, in the motion's blocks (${closedAfter}, ${head}]`);
  } else {
    assert.equal(setAt, head, 'dated in the motion\'s block (the close, chopsticks\' newest)');
  }

  // Anyone settles: one call fixes the rate and tallies (committing what the round pays), one pays.
  const before = await free(cappex.address);
  const account = (await api.call.communityBountyApi.program(index)).unwrap().account.toString();
  const accountBefore = await free(account);
  const started = await ok(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  assert.ok(has(started, 'communityBounty', 'RoundSettlementStarted'));
  const tallied = has(started, 'communityBounty', 'RoundTallied').event.data;
  assert.equal(tallied.committed.toBigInt(), 5_000n * PHA);
  assert.deepEqual(tallied.rates.toJSON(), [[0, setAt]], 'the round names the date of the rate it fixed');
  const paid = await ok(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  const awarded = paid.filter(({ event }) => event.section === 'communityBounty' && event.method === 'Awarded');
  assert.equal(awarded.length, 1);
  assert.equal(awarded[0].event.data.beneficiary.toString(), cappex.address);
  assert.equal(awarded[0].event.data.native.toBigInt(), 5_000n * PHA);
  assert.ok(has(paid, 'communityBounty', 'RoundSettled'));
  assert.equal(await free(cappex.address), before + 5_000n * PHA);
  assert.equal(await free(account), accountBefore - 5_000n * PHA);
  assert.ok((await api.query.communityBounty.rounds(index, 0)).isNone, 'a settled round leaves no storage');
  const view = (await api.call.communityBountyApi.program(index)).unwrap();
  assert.equal(view.committed.toBigInt(), 0n);
  assert.equal(view.activeMembers.toNumber(), 1);
});

test('a round scored by a panel: reviewers score, the median holds, an entry below the quorum has no score', async () => {
  const lead = dev('Ferdie');
  const [dave, charlie] = ['Dave', 'Charlie'].map(dev);
  // Proposal #14's scored senior pool, scored by a panel of three: the lead, Dave and Charlie.
  const spec = {
    ...seed.spec,
    title: 'Phala ambassadors - scored by a panel',
    description: api.registry.hash(new TextEncoder().encode('Three reviewers score the reports; the median counts.')).toHex(),
    pools: [seed.spec.pools[0]],
    minCrew: 0,
    panel: { reviewers: [lead.address, dave.address, charlie.address], quorum: 2 },
  };
  const proposed = await ok(lead, api.tx.communityBounty.proposeProgram(spec));
  const index = has(proposed, 'communityBounty', 'ProgramProposed').event.data.index.toNumber();
  await motion(api.tx.communityBounty.approveProgram(index));
  const shown = (await api.call.communityBountyApi.program(index)).unwrap().panel.unwrap();
  assert.deepEqual(shown.reviewers.map((r) => r.toString()), [lead.address, dave.address, charlie.address]);
  assert.equal(shown.quorum.toNumber(), 2);
  const [cappex, kyle] = [PAID, UNDER].map((m) => dev(m.name));
  for (const m of [PAID, UNDER]) {
    await ok(lead, api.tx.communityBounty.addMember(index, dev(m.name).address, 'SeniorAmbassador', m.region, null));
  }
  // A reviewer cannot join the roster.
  const joins = await send(lead, api.tx.communityBounty.addMember(index, dave.address, 'SeniorAmbassador', 'English', null));
  assert.equal(api.registry.findMetaError(joins.dispatchError.asModule).name, 'ReviewerCannotJoin');

  // Each member files with the score it proposes.
  const filed = await ok(cappex, api.tx.communityBounty.fileReport(index, 0, 'https://github.com/Phala-Network/growth-program/issues/3', 90));
  assert.equal(has(filed, 'communityBounty', 'Filed').event.data.proposed.unwrap().toNumber(), 90);
  await ok(kyle, api.tx.communityBounty.fileReport(index, 0, 'https://github.com/Phala-Network/growth-program/issues/4', 70));

  // The lead alone does not score a panel's round; the reviewers do, Dave giving his friend 100.
  const alone = await send(lead, api.tx.communityBounty.scoreRound(index, 0, [[cappex.address, 100]]));
  assert.equal(api.registry.findMetaError(alone.dispatchError.asModule).name, 'PanelScores');
  await ok(dave, api.tx.communityBounty.reviewRound(index, 0, [[cappex.address, 100], [kyle.address, 50]]));
  await ok(lead, api.tx.communityBounty.reviewRound(index, 0, [[cappex.address, 60]]));
  const last = await ok(charlie, api.tx.communityBounty.reviewRound(index, 0, [[cappex.address, 55]]));
  assert.equal(has(last, 'communityBounty', 'Reviewed').event.data.median.unwrap().toNumber(), 60);

  const round = await callView(api, 'round', index, 0);
  assert.ok(round.isOk, `round: ${round}`);
  const json = round.asOk.toJSON();
  assert.equal(json.quorum, 2);
  const entries = json.entries.map((e) => [e.who, e.proposed, e.reviews.length, e.score, !!e.payment]);
  assert.deepEqual(entries, [[cappex.address, 90, 3, 60, true], [kyle.address, 70, 1, null, false]]);
});

test('a round payment that fails is recorded, listed and retried once the payee can receive', async (t) => {
  const month = constant(api, 'payoutPeriod').toNumber() + constant(api, 'filingGrace').toNumber();
  if (!(await reachable((await api.rpc.chain.getHeader()).number.toNumber() + month))) {
    t.skip('a node would take a month of blocks: this runs on chopsticks or a fast-runtime network');
    return;
  }
  const lead = dev('Ferdie');
  // A native scored pool of 1 PHA a month shared by score: a member scored 1 against another's
  // 100 earns 1/101 PHA, less than the existential deposit.
  const spec = {
    ...seed.spec,
    title: 'A 1 PHA round',
    description: api.registry.hash(new TextEncoder().encode('A round that pays less than an account needs to exist.')).toHex(),
    pools: [{ ...seed.spec.pools[0], denomination: 'Native', periodCap: PHA, memberCap: null, payout: { Scored: { threshold: 0, split: 'Proportional' } } }],
    minCrew: 0,
    panel: null,
  };
  const proposed = await ok(lead, api.tx.communityBounty.proposeProgram(spec));
  const index = has(proposed, 'communityBounty', 'ProgramProposed').event.data.index.toNumber();
  await motion(api.tx.communityBounty.approveProgram(index));
  const program = (await api.query.communityBounty.programs(index)).unwrap();
  const approvedAt = program.status.asActive.approvedAt.toNumber();
  const account = (await api.call.communityBountyApi.program(index)).unwrap().account.toString();
  const [big, small] = [dev('Alice'), keyring.addFromUri('//OneTimeMember')];
  // The new member is funded for its fees, files, and empties its account.
  await ok(dev('Alice'), api.tx.balances.transferKeepAlive(small.address, PHA));
  for (const m of [big, small]) await ok(lead, api.tx.communityBounty.addMember(index, m.address, 'SeniorAmbassador', 'English', null));
  for (const m of [big, small]) await ok(m, api.tx.communityBounty.fileReport(index, 0, 'https://forum.phala.network/t/report', null));
  await ok(small, api.tx.balances.transferAll(dev('Alice').address, false));
  assert.equal(await free(small.address), 0n, 'the member emptied its account');
  await ok(lead, api.tx.communityBounty.scoreRound(index, 0, [[big.address, 100], [small.address, 1]]));
  await reach(approvedAt + month);
  await ok(lead, api.tx.communityBounty.finalizeRound(index, 0));
  // Past the appeal and veto windows; the council keeps its rate fresh.
  const finalizedAt = (await api.rpc.chain.getHeader()).number.toNumber();
  await reach(finalizedAt + constant(api, 'appealWindow').toNumber() + constant(api, 'vetoWindow').toNumber());
  await motion(api.tx.datedRates.update(seed.rate.usdAsset, seed.rate.phaPerUsd));

  const accountBefore = await free(account);
  const events = [];
  while ((await api.query.communityBounty.rounds(index, 0)).isSome) events.push(...await ok(dev('Eve'), api.tx.communityBounty.settleRound(index, 0)));
  const failed = has(events, 'communityBounty', 'PaymentFailed').event.data;
  assert.equal(failed.payee.toString(), small.address);
  assert.equal(failed.amount.toBigInt(), PHA / 101n);
  const payment = failed.payment.toNumber();
  const paidBig = PHA * 100n / 101n;
  assert.equal(await free(account), accountBefore - paidBig, 'the failed payment\'s money stays in the program account');
  // The page's view lists it, with its retry window.
  const listed = (await callView(api, 'payments', index)).toJSON();
  assert.deepEqual(listed.map((p) => [p.payment, p.payee, BigInt(p.amount), p.inProgress]), [[payment, small.address, PHA / 101n, false]]);
  assert.equal(listed[0].retryUntil, listed[0].failedAt + constant(api, 'paymentRetryWindow').toNumber());

  // Still cannot receive: a retry is refused and changes nothing.
  const refused = await send(dev('Eve'), api.tx.communityBounty.retryPayment(index, payment));
  assert.equal(api.registry.findMetaError(refused.dispatchError.asModule).name, 'PaymentRefused');
  // The member opens its account again; anyone retries; it is paid once.
  await ok(dev('Alice'), api.tx.balances.transferKeepAlive(small.address, PHA / 100n));
  const retried = await ok(dev('Eve'), api.tx.communityBounty.retryPayment(index, payment));
  assert.ok(has(retried, 'communityBounty', 'PaymentConfirmed'));
  assert.equal(await free(small.address), PHA / 100n + PHA / 101n);
  assert.equal(await free(account), accountBefore - paidBig - PHA / 101n);
  assert.deepEqual((await callView(api, 'payments', index)).toJSON(), []);
  const again = await send(dev('Eve'), api.tx.communityBounty.retryPayment(index, payment));
  assert.equal(api.registry.findMetaError(again.dispatchError.asModule).name, 'UnknownPayment');
});

test('a program paying USDT: funded from the treasury\'s USDT, caps in USDT with no rate, awards and the close in USDT', async () => {
  const USDT = 1984;
  const UNIT = 10n ** 6n;
  const lead = dev('Ferdie');
  const usdt = async (who) => {
    const account = await api.query.assets.account(USDT, who);
    return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
  };
  const supply = async () => (await api.query.assets.asset(USDT)).unwrap().supply.toBigInt();
  const treasury = api.consts.treasury.potAccount.toString();
  const spec = {
    ...seed.spec,
    title: 'Contributors in USDT',
    description: api.registry.hash(new TextEncoder().encode('Proposal #14\'s contributors, paid in USDT.')).toHex(),
    asset: { Asset: USDT },
    budget: 4_000n * UNIT,
    milestones: [{ ...seed.spec.milestones[1], tranche: 4_000n * UNIT }],
    pools: [{ eligibility: 'Contributors', denomination: { Asset: USDT }, periodCap: 2_000n * UNIT, memberCap: 1_000n * UNIT, payout: 'Direct' }],
    maxSeniors: null,
    minCrew: 0,
    panel: null,
  };
  const proposed = await ok(lead, api.tx.communityBounty.proposeProgram(spec));
  const event = has(proposed, 'communityBounty', 'ProgramProposed').event.data;
  assert.ok(event.asset.isAsset && event.asset.asAsset.toNumber() === USDT, 'the proposal names USDT');
  const index = event.index.toNumber();
  const issuance = await supply();
  // The council's limit counts the budget at its PHA value: it dates the PHA/USDT rate first
  // (2.5 PHA a USDT: 2.5e6 PHA units a USDT unit), then approves.
  await motion(api.tx.datedRates.update(USDT, 2_500_000n * 10n ** 18n));
  const view = async () => (await api.call.communityBountyApi.program(index)).unwrap();
  const account = (await view()).account.toString();
  const treasuryBefore = await usdt(treasury);
  const treasuryPha = await free(treasury);
  const approved = await motion(api.tx.communityBounty.approveProgram(index));
  assert.ok(has(approved, 'communityBounty', 'TrancheReleased'));
  assert.equal(await usdt(account), 4_000n * UNIT, 'the tranche came in USDT');
  assert.equal(await usdt(treasury), treasuryBefore - 4_000n * UNIT);
  assert.ok((await view()).asset.isAsset);

  // An award of 750 USDT to Dave, who holds no USDT: paid as it is, no rate.
  const dave = dev('Dave');
  const davePha = await free(dave.address);
  const daveUsdt = await usdt(dave.address);
  const awarded = await ok(lead, api.tx.communityBounty.award(index, 0, dave.address, 750n * UNIT, 'workshop'));
  const a = has(awarded, 'communityBounty', 'Awarded').event.data;
  assert.equal(a.native.toBigInt(), 750n * UNIT);
  assert.ok(a.rateSetAt.isNone, 'a cap in the program\'s asset needs no rate');
  assert.equal(await usdt(dave.address), daveUsdt + 750n * UNIT);
  assert.equal(await free(dave.address), davePha, 'no PHA moved to Dave');
  // Beyond the member cap (in USDT): refused.
  const refused = await send(lead, api.tx.communityBounty.award(index, 0, dave.address, 251n * UNIT, 'more'));
  assert.equal(api.registry.findMetaError(refused.dispatchError.asModule).name, 'MemberCapExceeded');

  // The council cancels: the rest of the USDT goes back to the treasury; USDT's issuance is
  // unchanged.
  const cancelled = await motion(api.tx.communityBounty.cancelProgram(index));
  const c = has(cancelled, 'communityBounty', 'ProgramCancelled').event.data;
  assert.equal(c.refunded.toBigInt(), 4_000n * UNIT - 750n * UNIT);
  assert.equal(await usdt(account), 0n);
  assert.equal(await usdt(treasury), treasuryBefore - 750n * UNIT, 'the treasury lost exactly the award');
  assert.ok(await free(treasury) >= treasuryPha, 'no PHA left the treasury (fees came in)');
  assert.equal(await supply(), issuance);
});
