// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// Reading and writing the chain: the connection, the runtime API, the pallet's view functions
// (through the raw RuntimeViewFunction API: @polkadot/api 16 has no typed one), storage, the
// indexer's history, and sending what the chosen account (wallet.js) signs.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';

/// Connects to `endpoint`, or fails in words after `timeoutMs`.
export async function connect(endpoint, timeoutMs = 8000) {
  const provider = new WsProvider(endpoint, false);
  const connected = (async () => {
    const [metadata] = await Promise.all([startingMetadata(), provider.connect()]);
    const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true, metadata });
    keepMetadata(api);
    return api;
  })();
  const timeout = new Promise((_, reject) => setTimeout(
    () => reject(new Error(`The chain at ${endpoint} cannot be reached (no answer in ${timeoutMs / 1000} s).`)),
    timeoutMs,
  ));
  try {
    return await Promise.race([connected, timeout]);
  } catch (e) {
    provider.disconnect().catch(() => {});
    const message = String(e?.message ?? e?.type ?? e);
    throw new Error(message.startsWith('The chain') ? message : `The chain at ${endpoint} cannot be reached (${message}).`);
  }
}

/// The metadata this browser kept from its last visit, by `genesisHash-specVersion`, so that a
/// page loaded again does not fetch and decode it anew (the larger part of connecting). A runtime
/// upgrade changes the key: its metadata is fetched once, then kept instead.
const METADATA = 'community-bounty.metadata';
function cachedMetadata() {
  try {
    const kept = JSON.parse(globalThis.localStorage?.getItem(METADATA) ?? 'null');
    return kept ? { [kept.key]: kept.hex } : {};
  } catch {
    return {};
  }
}
/// The metadata to start from: this browser's copy, else the one the indexer's connection holds
/// (`indexer/metadata`, from the page's own origin), so that a first visit does not make the node
/// run the runtime twice for it. @polkadot/api uses it only if its key (genesis hash and spec
/// version) is the chain's; otherwise it asks the node.
async function startingMetadata() {
  const kept = cachedMetadata();
  if (Object.keys(kept).length) return kept;
  try {
    const response = await fetch('indexer/metadata', { cache: 'no-store' });
    if (!response.ok) return {};
    const { key, hex } = await response.json();
    return typeof key === 'string' && typeof hex === 'string' && hex.startsWith('0x') ? { [key]: hex } : {};
  } catch {
    return {};
  }
}
function keepMetadata(api) {
  const key = `${api.genesisHash.toHex()}-${api.runtimeVersion.specVersion.toNumber()}`;
  try {
    if (JSON.parse(globalThis.localStorage?.getItem(METADATA) ?? 'null')?.key === key) return;
    globalThis.localStorage?.setItem(METADATA, JSON.stringify({ key, hex: api.runtimeMetadata.toHex() }));
  } catch {
    // No room in this browser's storage: the next visit fetches the metadata again.
  }
}

/// Calls view function `name` of the CommunityBounty pallet; decodes its output.
export async function view(api, name, ...args) {
  const fn = api.runtimeMetadata.asLatest.pallets
    .find((p) => p.name.eq('CommunityBounty'))?.viewFunctions.find((f) => f.name.eq(name));
  if (!fn) throw new Error(`This chain's runtime has no view function CommunityBounty.${name}.`);
  const type = (id) => api.registry.createLookupType(id);
  const parts = fn.inputs.map((input, i) => api.registry.createTypeUnsafe(type(input.type), [args[i]]).toU8a());
  const input = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => { input.set(p, at); return at + p.length; }, 0);
  const id = { prefix: fn.id.slice(0, 16), suffix: fn.id.slice(16) };
  const result = await api.call.runtimeViewFunction.executeViewFunction(id, u8aToHex(input));
  if (!result.isOk) throw new Error(`The view function ${name} failed: ${result}`);
  return api.registry.createTypeUnsafe(type(fn.output), [result.asOk.toU8a(true)]);
}

/// The name of a module error.
export function errorName(api, dispatchError) {
  if (dispatchError?.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.name}: ${meta.docs.join(' ')}`;
  }
  return dispatchError ? dispatchError.toString() : 'unknown error';
}

/// The next nonce of each account that sent from this page: a node may answer
/// `system_accountNextIndex` from a block before the one that included our last transaction,
/// and a wallet never reuses a nonce it has seen used.
const nonces = new Map();

/// Signs and sends `tx` with `account` (wallet.js); resolves with its events once in a block (or
/// finalized), rejects in words if it is invalid or fails.
export async function send(api, account, tx) {
  const next = (await api.rpc.system.accountNextIndex(account.address)).toNumber();
  const nonce = Math.max(next, nonces.get(account.address) ?? 0);
  return new Promise((resolve, reject) => {
    account.sign(tx, { nonce }, ({ status, events, dispatchError }) => {
      if (status.isInBlock || status.isFinalized) {
        nonces.set(account.address, nonce + 1);
        if (dispatchError) reject(new Error(`The chain refused it: ${errorName(api, dispatchError)}`));
        else resolve(events);
      } else if (status.isInvalid || status.isDropped) {
        reject(new Error(`The transaction was ${status.type.toLowerCase()}.`));
      }
    }).catch((e) => reject(new Error(`The transaction was rejected: ${e.message}`)));
  });
}

/// The call data and its hash, as a council motion or a multisig takes them.
export function callData(tx) {
  const data = tx.method.toHex();
  return { data, hash: blake2AsHex(tx.method.toU8a()) };
}

/// `below_target` as `belowTarget`: the indexer keeps the metadata's field names.
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/// The pallet's events of program `index` since genesis, oldest first, from the indexer the
/// page's server forwards to (`/indexer/`), as `{ block, timestamp, event: { method, data } }`
/// with plain values. Waits (up to `waitMs`) until the indexer has caught up with block `head`,
/// the block the rest of the page was read at; resolves with `{ events, indexed }`, where
/// `indexed` is the last block indexed (null: no indexer answers, and the page says so).
export async function indexedEvents(index, head, waitMs = 6000) {
  const until = Date.now() + waitMs;
  for (;;) {
    let body;
    try {
      const response = await fetch(`indexer/events?program=${index}`, { cache: 'no-store' });
      if (!response.ok) return { events: [], indexed: null };
      body = await response.json();
    } catch {
      return { events: [], indexed: null };
    }
    const indexed = body.indexed?.number ?? -1;
    if (indexed >= head || Date.now() > until) {
      const events = body.events.filter((e) => e.pallet === 'CommunityBounty').map((e) => ({
        block: e.block,
        timestamp: e.timestamp,
        event: { method: e.name, data: Object.fromEntries(Object.entries(e.args).map(([k, v]) => [camel(k), v])) },
      }));
      return { events, indexed };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
