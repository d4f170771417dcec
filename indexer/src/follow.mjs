// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// Following the chain: every finalized block, from the one after the last indexed (genesis on a
// new database), in order. Each block is read at its own runtime (`api.at`), so that a runtime
// upgrade decodes its events with its own metadata. The node may go away: the follower waits
// for it and goes on where it stopped. It never indexes a block that is not finalized, so a
// block once written is never taken back. Block numbers may skip (chopsticks jumps ahead); the
// chain of parent hashes may not.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { openStore } from './store.mjs';

const PALLET = 'CommunityBounty';
const COUNCIL = 'Council';

/// A value as the database keeps it: integers as numbers up to 2^53, wider ones as decimal
/// strings; accounts in SS58; bytes as text when they are UTF-8, else hex.
const plain = (value) => value.toPrimitive();

/// The fields of `data` (an event's or a call's) by their metadata names.
function fields(data, names) {
  const out = {};
  names.forEach((name, i) => { out[name ?? String(i)] = plain(data[i]); });
  return out;
}

/// What the block of `header` (hash `hash`) holds for the index: its header fields, the events
/// kept and the motions proposed in it. `motionOf(hash)` finds a motion already indexed.
export async function readBlock(api, header, hash, motionOf) {
  const number = header.number.toNumber();
  const at = await api.at(hash);
  const [records, now] = await at.queryMulti([at.query.system.events, at.query.timestamp.now]);
  const pallets = new Map(at.registry.metadata.pallets.map((p) => [p.index.toNumber(), p.name.toString()]));
  const events = [];
  const motions = [];
  const fresh = new Map();
  for (let i = 0; i < records.length; i += 1) {
    const { phase, event } = records[i];
    const pallet = pallets.get(event.index[0]);
    if (pallet !== PALLET && pallet !== COUNCIL) continue;
    const names = event.meta.fields.map((f) => (f.name.isSome ? f.name.unwrap().toString() : null));
    const args = fields(event.data, names);
    let program = null;
    if (pallet === PALLET) {
      program = typeof args.index === 'number' ? args.index : null;
    } else {
      const proposalHash = args.proposal_hash;
      if (!proposalHash) continue;
      let motion = fresh.get(proposalHash) ?? motionOf(proposalHash);
      if (event.method === 'Proposed' && !fresh.has(proposalHash)) {
        motion = await readMotion(at, args);
        if (motion) { motions.push(motion); fresh.set(proposalHash, motion); }
      }
      if (!motion) continue;
      program = motion.program;
    }
    events.push({
      eventIndex: i,
      extrinsicIndex: phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null,
      pallet,
      name: event.method,
      program,
      args,
    });
  }
  return {
    block: { number, hash: hash.toHex(), parentHash: header.parentHash.toString(), timestamp: now.isEmpty ? null : now.toNumber() },
    events,
    motions,
  };
}

/// The motion a council `Proposed` event announces, if its proposal is a call of the pallet:
/// read from the council's `ProposalOf` at the block that proposed it.
async function readMotion(at, args) {
  const proposal = await at.query.council.proposalOf(args.proposal_hash);
  if (proposal.isNone) return null;
  const call = proposal.unwrap();
  const pallets = at.registry.metadata.pallets;
  const pallet = pallets.find((p) => p.index.toNumber() === call.callIndex[0]);
  if (pallet?.name.toString() !== PALLET) return null;
  const names = call.meta.args.map((a) => a.name.toString());
  const callArgs = fields(call.args, names);
  return {
    proposalIndex: args.proposal_index,
    proposalHash: args.proposal_hash,
    proposer: args.account,
    threshold: args.threshold,
    callName: call.meta.name.toString(),
    program: typeof callArgs.index === 'number' ? callArgs.index : null,
    callArgs,
    callData: call.toHex(),
  };
}

/// Indexes the chain at `endpoint` into the database at `dbPath`, until `stop()`.
///
/// Returns `{ store, api, synced(n), stop() }`: `synced(n)` resolves once block `n` is indexed.
/// `log` receives a line per notable step (connection lost, caught up).
export async function follow({ endpoint, dbPath, log = () => {}, retryMs = 1000 }) {
  const provider = new WsProvider(endpoint, retryMs);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  const genesis = api.genesisHash.toHex();
  const store = openStore(dbPath, genesis);
  let stopped = false;
  let wake = () => {};
  const waiters = [];
  const settle = () => {
    const tip = store.last()?.number ?? -1;
    for (let i = waiters.length - 1; i >= 0; i -= 1) {
      if (waiters[i].n <= tip) { waiters[i].resolve(); waiters.splice(i, 1); }
    }
  };
  let unsubscribe = null;
  const subscribe = async () => {
    try { unsubscribe = await api.rpc.chain.subscribeFinalizedHeads(() => wake()); } catch { unsubscribe = null; }
  };
  provider.on('connected', () => { log(`connected to ${endpoint}`); subscribe(); wake(); });
  provider.on('disconnected', () => log(`lost ${endpoint}: waiting for it`));
  await subscribe();

  /// The finalized block that follows the last indexed one (`tip`), as `{ hash, header }`, or
  /// null if there is none yet. By number first (`tip.number + 1`); a chain may skip numbers
  /// (chopsticks can jump ahead), so failing that, by walking back from the finalized head to the
  /// block whose parent is `tip`.
  const successor = async (tip, finalized) => {
    if (!tip) {
      const hash = await api.rpc.chain.getBlockHash(0);
      return { hash, header: await api.rpc.chain.getHeader(hash) };
    }
    if (finalized.number.toNumber() <= tip.number) return null;
    const byNumber = await api.rpc.chain.getBlockHash(tip.number + 1);
    if (!byNumber.isEmpty) {
      const header = await api.rpc.chain.getHeader(byNumber);
      if (header.parentHash.toHex() === tip.hash) return { hash: byNumber, header };
    }
    let header = finalized;
    while (header.number.toNumber() > tip.number + 1 && header.parentHash.toHex() !== tip.hash) {
      header = await api.rpc.chain.getHeader(header.parentHash);
    }
    if (header.parentHash.toHex() !== tip.hash) {
      throw Object.assign(new Error(`the node's finalized chain does not descend from block #${tip.number} ${tip.hash}, the last one indexed: a different chain`), { fatal: true });
    }
    return { hash: header.hash, header };
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        const finalized = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
        for (;;) {
          if (stopped) break;
          const next = await successor(store.last(), finalized);
          if (!next) break;
          const { block, events, motions } = await readBlock(api, next.header, next.hash, store.motionByHash);
          store.writeBlock(block, events, motions);
          settle();
        }
      } catch (e) {
        if (e.fatal) {
          log(e.message);
          stopped = true;
          for (const w of waiters.splice(0)) w.reject(e);
          break;
        }
        if (!stopped) log(`retrying: ${e.message}`);
      }
      if (stopped) break;
      await new Promise((resolve) => { wake = resolve; setTimeout(resolve, retryMs); });
    }
  })();

  return {
    store,
    api,
    genesis,
    /// Resolves once block `n` is indexed.
    synced: (n) => new Promise((resolve, reject) => { waiters.push({ n, resolve, reject }); settle(); }),
    async stop() {
      stopped = true;
      wake();
      await loop;
      if (unsubscribe) { try { unsubscribe(); } catch { /* the connection may be gone */ } }
      await api.disconnect().catch(() => {});
      store.close();
    },
  };
}
