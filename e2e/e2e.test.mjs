// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The client test: chopsticks runs the demo runtime from a raw chain spec of this build, and
// @polkadot/api drives Khala treasury proposal #14 as signed extrinsics from dev accounts: the
// proposal, a council motion approving it, the roster, a month of awards, a milestone report and
// its approval through the council, and the close; then a monthly round: members file their own
// reports, the lead scores them, and (on chopsticks, which can jump a month of blocks) the lead
// finalizes and anyone settles it. Results are read through storage queries,
// events, the CommunityBountyApi runtime API and the pallet's view functions (through the raw
// RuntimeViewFunction API); council closes take their weight from TransactionPaymentCallApi.
//
//   CHAIN_SPEC=path/to/chain-spec.json npm test --prefix e2e     # chopsticks (CI)
//   E2E_ENDPOINT=ws://127.0.0.1:9944 npm test --prefix e2e       # a running node (scripts/node.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';

/// A free loopback port, so that concurrent runs never meet on one chain.
const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const PORT = Number(process.env.E2E_PORT ?? 0) || await freePort();
const PHA = 10n ** 12n;
const USD = 10n ** 12n;
const USD_ASSET = 1;
/// Blocks a day at the demo runtime's 6-second blocks.
const DAY = 14_400;

let chopsticks;
let api;
let keyring;
const logs = [];

before(async () => {
  // Another executor (scripts/node.sh runs polkadot-omni-node) gives its endpoint; else this test
  // starts chopsticks on the chain spec.
  const endpoint = process.env.E2E_ENDPOINT;
  if (!endpoint) await startChopsticks();
  api = await ApiPromise.create({
    provider: new WsProvider(endpoint ?? `ws://127.0.0.1:${PORT}`),
    noInitWarn: true,
  });
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
});

async function startChopsticks() {
  const spec = process.env.CHAIN_SPEC;
  assert.ok(spec, 'CHAIN_SPEC names the raw chain spec to run (or E2E_ENDPOINT a running node)');
  const dir = mkdtempSync(join(tmpdir(), 'chopsticks-'));
  const config = join(dir, 'config.yml');
  writeFileSync(config, `genesis: ${spec}\nhost: 127.0.0.1\nport: ${PORT}\nbuild-block-mode: Instant\n`);
  const here = new URL('.', import.meta.url).pathname;
  chopsticks = spawn(join(here, 'node_modules', '.bin', 'chopsticks'), ['--config', config], {
    cwd: here,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chopsticks did not start:\n${logs.join('')}`)), 180_000);
    const watch = (chunk) => {
      logs.push(chunk.toString());
      if (chunk.toString().includes('RPC listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    chopsticks.stdout.on('data', watch);
    chopsticks.stderr.on('data', watch);
    chopsticks.on('exit', (code) => reject(new Error(`chopsticks exited (${code}):\n${logs.join('')}`)));
  });
}

after(async () => {
  await api?.disconnect();
  if (chopsticks?.pid) process.kill(-chopsticks.pid, 'SIGTERM');
});

const dev = (name) => keyring.addFromUri(`//${name}`);
const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();

const nonces = new Map();

/// Signs and sends with the signer's next nonce (tracked here, as a wallet does); resolves with
/// the events of this extrinsic once it is in a block.
async function send(signer, tx, options = {}) {
  if (!nonces.has(signer.address)) {
    nonces.set(signer.address, (await api.query.system.account(signer.address)).nonce.toNumber());
  }
  const nonce = nonces.get(signer.address);
  nonces.set(signer.address, nonce + 1);
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, { nonce, ...options }, ({ status, events, dispatchError }) => {
      if (status.isInBlock || status.isFinalized) {
        resolve({ events, dispatchError });
      } else if (status.isInvalid || status.isDropped) {
        reject(new Error(`transaction ${status.type}`));
      }
    }).catch(reject);
  });
}

async function ok(signer, tx) {
  const { events, dispatchError } = await send(signer, tx);
  if (dispatchError) {
    const detail = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule).name : dispatchError.toString();
    throw new Error(`${tx.method.section}.${tx.method.method} failed: ${detail}`);
  }
  return events;
}

const has = (events, section, method) => events.find(({ event }) => event.section === section && event.method === method);

/// A council motion: Alice proposes `call` needing 3 ayes, Alice, Bob and Charlie vote aye, Alice
/// closes. Returns the events of the close (which executes the call).
async function motion(call) {
  const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map(dev);
  const length = call.method.encodedLength;
  const proposed = await ok(alice, api.tx.council.propose(3, call, length));
  const { proposalIndex, proposalHash } = has(proposed, 'council', 'Proposed').event.data;
  for (const voter of [alice, bob, charlie]) {
    await ok(voter, api.tx.council.vote(proposalHash, proposalIndex, true));
  }
  // The weight the close must allow for, from the runtime (TransactionPaymentCallApi).
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call, length);
  assert.ok(weight.refTime.toBigInt() > 0n, 'the runtime weighs the call');
  const closed = await ok(alice, api.tx.council.close(proposalHash, proposalIndex, weight, length));
  assert.ok(has(closed, 'council', 'Closed'), 'the motion closed');
  const executed = has(closed, 'council', 'Executed');
  assert.ok(executed, 'the motion executed');
  assert.ok(executed.event.data.result.isOk, `the council's call succeeded: ${executed.event.data.result}`);
  return closed;
}

/// Calls view function `name` of `pallet` through the raw `RuntimeViewFunction` runtime API
/// (@polkadot/api 16 has no typed view-function API): its id, input and output types come from
/// the metadata (v16).
async function callView(pallet, name, ...args) {
  const fn = api.runtimeMetadata.asLatest.pallets
    .find((p) => p.name.eq(pallet))?.viewFunctions.find((f) => f.name.eq(name));
  assert.ok(fn, `metadata v16 lists the view function ${pallet}.${name}`);
  const type = (id) => api.registry.createLookupType(id);
  const parts = fn.inputs.map((input, i) => api.registry.createTypeUnsafe(type(input.type), [args[i]]).toU8a());
  const input = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => { input.set(p, at); return at + p.length; }, 0);
  const id = { prefix: fn.id.slice(0, 16), suffix: fn.id.slice(16) };
  // As hex: a Uint8Array given for `Vec<u8>` would be read as already length-prefixed.
  const hex = `0x${Buffer.from(input).toString('hex')}`;
  const result = await api.call.runtimeViewFunction.executeViewFunction(id, hex);
  assert.ok(result.isOk, `${pallet}.${name} runs: ${result}`);
  return api.registry.createTypeUnsafe(type(fn.output), [result.asOk.toU8a(true)]);
}

test('metadata carries the docs of our calls, events and errors', () => {
  assert.match(api.tx.communityBounty.proposeProgram.meta.docs.join(' '), /Propose a program/);
  assert.match(api.events.communityBounty.Awarded.meta.docs.join(' '), /reward was paid/);
  assert.match(api.errors.communityBounty.PoolCapExceeded.meta.docs.join(' '), /above its cap/);
  assert.ok(api.consts.communityBounty.maxRoster.toNumber() > 0, 'constants are in metadata');
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
  nonces.delete(dev('Bob').address);
});

test('proposal #14 through @polkadot/api: propose, council approval, roster, awards, milestones, close', async () => {
  const lead = dev('Ferdie');
  const issuance0 = (await api.query.balances.totalIssuance()).toBigInt();

  // The lead proposes.
  const spec = {
    title: 'Phala community bounty - April 2022',
    // The full text stays off chain: the spec names its blake2-256 hash.
    description: api.registry.hash(new TextEncoder().encode('Grow the Phala community and its ambassador program.')).toHex(),
    budget: 100_000n * PHA,
    milestones: [
      { metric: 'AmbassadorCount', target: 40, tranche: 80_000n * PHA },
      { metric: 'CommunitySize', target: 50_000, tranche: 20_000n * PHA },
    ],
    pools: [
      { eligibility: 'SeniorAmbassadors', denomination: { Asset: USD_ASSET }, periodCap: 2_000n * USD, memberCap: null, payout: 'Direct' },
      { eligibility: 'Contributors', denomination: { Asset: USD_ASSET }, periodCap: 2_000n * USD, memberCap: 1_000n * USD, payout: 'Direct' },
    ],
    duration: 180 * DAY,
    activityThreshold: 40,
    maxSeniors: null,
    minCrew: 0,
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

  // The roster: two seniors and an ambassador.
  const seniors = ['Cappex', 'Kyle'].map(dev);
  for (const s of seniors) {
    await ok(lead, api.tx.communityBounty.addMember(0, s.address, 'SeniorAmbassador', 'English', null));
  }
  await ok(lead, api.tx.communityBounty.addMember(0, dev('Sonji').address, 'Ambassador', 'Korean', seniors[1].address));

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
  assert.equal(view.pools[1].remainingNative.unwrap().toBigInt(), 5_000n * PHA);
  assert.equal(view.rosterCount.toNumber(), 3);

  // The view functions answer what a wallet or the lead's tool asks.
  const programs = await callView('CommunityBounty', 'programs', 0, 10);
  assert.deepEqual(programs.map((p) => p.index.toNumber()), [0]);
  const roster = await callView('CommunityBounty', 'roster', 0, null, 10);
  assert.deepEqual(
    roster.map((m) => m.who.toString()).sort(),
    [...seniors.map((s) => s.address), dev('Sonji').address].sort(),
  );
  // Eve, a contributor not paid yet: the member cap ($1,000) is below the pool's $2,000.
  const left = await callView('CommunityBounty', 'remaining', 0, 1, dev('Eve').address);
  assert.ok(left.isOk, `remaining: ${left}`);
  assert.equal(left.asOk.amount.toBigInt(), 1_000n * USD);
  assert.equal(left.asOk.native.unwrap().toBigInt(), 2_500n * PHA);
  const senior = await callView('CommunityBounty', 'remaining', 0, 0, dev('Eve').address);
  assert.equal(api.registry.findMetaError(senior.asErr.asModule).name, 'NotEligible');
  // A dry run of a batch: one entry would pay, one would not; nothing moves.
  const before = await free(account);
  const trial = await callView('CommunityBounty', 'dry_run_awards', 0, [
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
  const spec = {
    title: 'Phala ambassadors - monthly round',
    // The full text stays off chain: the spec names its blake2-256 hash.
    description: api.registry.hash(new TextEncoder().encode('Senior Ambassadors are paid by the scores of their monthly reports.')).toHex(),
    budget: 100_000n * PHA,
    milestones: [
      { metric: 'ActiveMembers', target: 40, tranche: 80_000n * PHA },
      { metric: 'CommunitySize', target: 50_000, tranche: 20_000n * PHA },
    ],
    pools: [{
      eligibility: 'SeniorAmbassadors',
      denomination: { Asset: USD_ASSET },
      periodCap: 2_000n * USD,
      memberCap: null,
      payout: { Scored: { threshold: 40, split: 'Proportional' } },
    }],
    duration: 180 * DAY,
    activityThreshold: 40,
    maxSeniors: 10,
    minCrew: 0,
  };
  const proposed = await ok(lead, api.tx.communityBounty.proposeProgram(spec));
  const index = has(proposed, 'communityBounty', 'ProgramProposed').event.data.index.toNumber();
  await motion(api.tx.communityBounty.approveProgram(index));
  const program = (await api.query.communityBounty.programs(index)).unwrap();
  const approvedAt = program.status.asActive.approvedAt.toNumber();
  // Cappex and Kyle (paid in the first test, so they can pay their fees) are the seniors.
  const [cappex, kyle] = ['Cappex', 'Kyle'].map(dev);
  for (const s of [cappex, kyle]) {
    await ok(lead, api.tx.communityBounty.addMember(index, s.address, 'SeniorAmbassador', 'English', null));
  }

  // Each member files their own report for period 0; the lead cannot.
  const filed = await ok(cappex, api.tx.communityBounty.fileReport(index, 0, 'https://github.com/Phala-Network/growth-program/issues/1'));
  assert.equal(has(filed, 'communityBounty', 'Filed').event.data.who.toString(), cappex.address);
  await ok(kyle, api.tx.communityBounty.fileReport(index, 0, 'https://github.com/Phala-Network/growth-program/issues/2'));
  const own = await send(lead, api.tx.communityBounty.fileReport(index, 0, 'me'));
  assert.equal(api.registry.findMetaError(own.dispatchError.asModule).name, 'LeadCannotFile');

  // The lead scores: Kyle under 40% earns nothing; Cappex takes the whole $2,000.
  await ok(lead, api.tx.communityBounty.scoreRound(index, 0, [[cappex.address, 90], [kyle.address, 30]]));
  const round = await callView('CommunityBounty', 'round', index, 0);
  assert.ok(round.isOk, `round: ${round}`);
  // `entries` is also a method of a decoded struct: read the round as plain JSON.
  const entries = round.asOk.toJSON().entries.map((e) => [e.who, e.score, e.payment ? BigInt(e.payment.amount) : 0n]);
  assert.deepEqual(entries, [[cappex.address, 90, 2_000n * USD], [kyle.address, 30, 0n]]);
  assert.equal(round.asOk.active.toNumber(), 1);
  assert.equal(round.asOk.isFinal.isTrue, false);
  // Not final yet: settling is refused.
  const early = await send(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  assert.equal(api.registry.findMetaError(early.dispatchError.asModule).name, 'RoundNotFinal');

  if (process.env.E2E_ENDPOINT) {
    t.diagnostic('a node cannot jump a month of blocks: finalizing and settling run on chopsticks');
    return;
  }
  // A month and the 5-day grace window later (chopsticks jumps the block number).
  const filingDeadline = round.asOk.filingDeadline.toNumber();
  assert.equal(filingDeadline, approvedAt + 35 * DAY);
  await api.rpc('dev_newBlock', { count: 1, unsafeBlockHeight: filingDeadline });
  const late = await send(dev('Cappex'), api.tx.communityBounty.fileReport(index, 0, 'late'));
  assert.equal(api.registry.findMetaError(late.dispatchError.asModule).name, 'FilingClosed');
  await ok(lead, api.tx.communityBounty.finalizeRound(index, 0));

  // Anyone settles: one call fixes the rate and tallies (committing what the round pays), one pays.
  const before = await free(cappex.address);
  const account = (await api.call.communityBountyApi.program(index)).unwrap().account.toString();
  const accountBefore = await free(account);
  const started = await ok(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  assert.ok(has(started, 'communityBounty', 'RoundSettlementStarted'));
  assert.equal(has(started, 'communityBounty', 'RoundTallied').event.data.committed.toBigInt(), 5_000n * PHA);
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
