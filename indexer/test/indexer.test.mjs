// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The indexer against the demo runtime on chopsticks: a program proposed and approved by a
// council motion, a roster, awards; the indexer stopped mid-way and restarted (it resumes, and no
// block is recorded twice); the node taken away while blocks are made, and given back (the
// indexer waits and catches up); every event it kept checked against the chain's own, block by
// block, read independently of the indexer's code; a database of another chain refused.
//
//   CHAIN_SPEC=path/to/chain-spec.json npm test --prefix indexer

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, connect as tcpConnect } from 'node:net';
import { Keyring } from '@polkadot/api';
import { startChopsticks, connect, sender, motion as council, loadSeed, seedSpec, freePort } from 'community-bounty-harness';
import { follow, serveIndex, openStore } from '../index.mjs';

const here = new URL('..', import.meta.url).pathname;
const seed = loadSeed(join(here, '..', 'runtime', 'seed'));
const USD = 10n ** 12n;

let chopsticks;
let api;
let send;
let keyring;
/// The indexer and the proxy of the test running, stopped by `after` if it fails half-way.
let indexer;
let node;
const dir = mkdtempSync(join(tmpdir(), 'indexer-'));
const dbPath = join(dir, 'history.sqlite');

/// A TCP proxy in front of the node, which the test can take away (every connection cut, new
/// ones refused) and give back: what the indexer sees of a node that restarts or a network that
/// drops.
async function proxy(target) {
  const port = await freePort();
  const sockets = new Set();
  let server;
  const up = () => new Promise((resolve) => {
    server = createServer((client) => {
      const upstream = tcpConnect(target, '127.0.0.1');
      sockets.add(client); sockets.add(upstream);
      client.pipe(upstream); upstream.pipe(client);
      const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
      client.on('error', drop); upstream.on('error', drop); client.on('close', drop); upstream.on('close', drop);
    });
    server.listen(port, '127.0.0.1', resolve);
  });
  await up();
  return {
    endpoint: `ws://127.0.0.1:${port}`,
    async down() {
      await new Promise((resolve) => { server.close(resolve); for (const s of sockets) s.destroy(); sockets.clear(); });
    },
    up,
  };
}

/// The pallet's and the council's events of every block from genesis to the head, read with a
/// plain `api.at` walk by parent hash: `[{ hash, index, pallet, name, args }]`, oldest first.
async function chainEvents() {
  const out = [];
  let hash = await api.rpc.chain.getBlockHash();
  for (;;) {
    const header = await api.rpc.chain.getHeader(hash);
    const at = await api.at(hash);
    const records = await at.query.system.events();
    const found = [];
    records.forEach(({ event }, index) => {
      if (event.section === 'communityBounty' || event.section === 'council') {
        found.push({ hash: hash.toHex(), index, section: event.section, name: event.method, data: event.data.map((v) => v.toPrimitive()) });
      }
    });
    out.unshift(...found);
    if (header.number.toNumber() === 0) break;
    hash = header.parentHash;
  }
  return out;
}

const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();
const dev = (name) => keyring.addFromUri(seed.uri(name));

before(async () => {
  chopsticks = await startChopsticks({ chainSpec: process.env.CHAIN_SPEC, cwd: here });
  api = await connect(chopsticks.endpoint);
  ({ send } = sender(api));
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
});

after(async () => {
  await indexer?.stop().catch(() => {});
  await node?.down().catch(() => {});
  await api?.disconnect();
  await chopsticks?.stop();
});

test('the indexer keeps every event of the pallet and the motions on its calls, across a restart and a lost node', async () => {
  const lead = dev('Ferdie');
  node = await proxy(chopsticks.port);

  // Part 1: a program proposed, then the indexer starts from genesis and is stopped mid-way.
  // Proposal #14 with direct pools, so that the lead can award without a round.
  const spec = {
    ...seedSpec(api, seed),
    title: 'Phala ambassadors - indexed',
    milestones: [{ ...seed.spec.milestones[0], metric: 'AmbassadorCount' }, seed.spec.milestones[1]],
    pools: seed.spec.pools.map((pool) => ({ ...pool, payout: 'Direct' })),
    maxSeniors: null,
    minCrew: 0,
    panel: null,
  };
  const proposed = await send(lead, api.tx.communityBounty.proposeProgram(spec));
  assert.ok(proposed.some(({ event }) => event.method === 'ProgramProposed'));
  indexer = await follow({ endpoint: node.endpoint, dbPath, retryMs: 200 });
  const firstHead = await head();
  await indexer.synced(firstHead);
  assert.equal(indexer.store.last().number, firstHead);
  await indexer.stop();

  // Part 2: while it is stopped, the council approves by motion and the lead builds a roster.
  const approved = await council(api, send, api.tx.communityBounty.approveProgram(0));
  assert.ok(approved.events.some(({ event }) => event.method === 'ProgramApproved'));
  const [senior] = seed.cast.filter((m) => !m.senior);
  await send(lead, api.tx.communityBounty.addMember(0, dev(senior.name).address, 'SeniorAmbassador', senior.region, null));

  // It restarts on the same database, resumes after the last block it wrote, and catches up.
  indexer = await follow({ endpoint: node.endpoint, dbPath, retryMs: 200 });
  assert.equal(indexer.store.last().number, firstHead, 'it resumes from the database');
  await indexer.synced(await head());

  // Part 3: the node goes away while the lead awards; the indexer waits, then catches up.
  await node.down();
  await send(lead, api.tx.communityBounty.award(0, 0, dev(senior.name).address, 100n * USD, 'April: AMA'));
  await api.rpc('dev_newBlock', { count: 3 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.ok(indexer.store.last().number < await head(), 'nothing is indexed while the node is away');
  await node.up();
  await indexer.synced(await head());

  // Every block is recorded once, each the child of the one before.
  const blocks = indexer.store.db.prepare('SELECT number, hash, parent_hash FROM blocks ORDER BY number').all();
  assert.equal(blocks[0].number, 0);
  for (let i = 1; i < blocks.length; i += 1) assert.equal(blocks[i].parent_hash, blocks[i - 1].hash);
  assert.equal(new Set(blocks.map((b) => b.hash)).size, blocks.length);

  // Events against the chain's, read independently: every pallet event, in order, with its
  // fields; the council's events exactly those of the motion on approve_program.
  const onChain = await chainEvents();
  const kept = indexer.store.events(null);
  const pallet = onChain.filter((e) => e.section === 'communityBounty');
  const keptPallet = kept.filter((e) => e.pallet === 'CommunityBounty');
  assert.deepEqual(keptPallet.map((e) => [e.hash, e.eventIndex, e.name]), pallet.map((e) => [e.hash, e.index, e.name]));
  for (const [i, e] of keptPallet.entries()) {
    assert.deepEqual(Object.values(e.args), pallet[i].data, `the fields of ${e.name} at ${e.hash}`);
  }
  assert.deepEqual(keptPallet.map((e) => e.name).filter((n) => ['ProgramProposed', 'ProgramApproved', 'MemberAdded', 'Awarded'].includes(n)),
    ['ProgramProposed', 'ProgramApproved', 'MemberAdded', 'Awarded']);
  const councilEvents = onChain.filter((e) => e.section === 'council');
  const keptCouncil = kept.filter((e) => e.pallet === 'Council');
  assert.deepEqual(keptCouncil.map((e) => e.name), councilEvents.map((e) => e.name));
  assert.deepEqual(keptCouncil.map((e) => e.name).slice(0, 2), ['Proposed', 'Voted']);
  assert.ok(keptCouncil.every((e) => e.program === 0));
  const [motion] = indexer.store.motions(0);
  assert.equal(motion.callName, 'approve_program');
  assert.equal(motion.callArgs.index, 0);
  assert.equal(motion.callData, api.tx.communityBounty.approveProgram(0).method.toHex());
  assert.equal(motion.threshold, 3);

  // What the page reads: the HTTP interface, with a malformed parameter refused in words.
  const server = await serveIndex(indexer.store, indexer.genesis, 0, indexer.api);
  const url = `http://127.0.0.1:${server.address().port}`;
  const status = await (await fetch(`${url}/status`)).json();
  assert.equal(status.genesis, api.genesisHash.toHex());
  assert.equal(status.indexed.number, await head());
  const served = await (await fetch(`${url}/events?program=0`)).json();
  assert.deepEqual(served.events.map((e) => e.name), kept.filter((e) => e.program === 0).map((e) => e.name));
  const motions = await (await fetch(`${url}/motions?program=0`)).json();
  assert.equal(motions.motions.length, 1);
  // The metadata a browser may start from: the chain's own, under its genesis and spec version.
  const metadata = await (await fetch(`${url}/metadata`)).json();
  assert.equal(metadata.key, `${api.genesisHash.toHex()}-${api.runtimeVersion.specVersion.toNumber()}`);
  const opaque = await api.call.metadata.metadataAtVersion(api.runtimeMetadata.version);
  assert.equal(metadata.hex, `0x${Buffer.from(opaque.unwrap().toU8a(true)).toString('hex')}`, 'the node\'s own metadata, at the version a client uses');
  const bad = await fetch(`${url}/events?program=-1`);
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error, /program must be a non-negative integer/);
  await new Promise((resolve) => server.close(resolve));
  await indexer.stop();
  indexer = null;
});

test('a database of another chain, or a block that does not follow, is refused', () => {
  assert.throws(() => openStore(dbPath, `0x${'11'.repeat(32)}`), /indexes the chain 0x/);
  const store = openStore(join(dir, 'fresh.sqlite'), `0x${'22'.repeat(32)}`);
  assert.throws(() => store.writeBlock({ number: 5, hash: '0x05', parentHash: '0x04', timestamp: null }, [], []), /must be genesis/);
  store.writeBlock({ number: 0, hash: '0x00', parentHash: '0xff', timestamp: null }, [], []);
  assert.throws(() => store.writeBlock({ number: 1, hash: '0x01', parentHash: '0xaa', timestamp: null }, [], []), /not a child/);
  assert.throws(() => store.writeBlock({ number: 0, hash: '0x00', parentHash: '0xff', timestamp: null }, [], []), /not a child/);
  assert.equal(store.last().number, 0);
  store.close();
});
