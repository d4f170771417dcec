// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The harness the client test (e2e/) and the browser test (dashboard/) share: chopsticks on a
// free port from a raw chain spec, a connection, signing with tracked nonces, council motions,
// the pallet's view functions (through the raw RuntimeViewFunction API), its constants, and the
// seed (proposal #14's spec and cast, exported from the runtime's `seed` module).

import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';

/// The pallet the view functions and constants belong to.
const PALLET = 'CommunityBounty';

/// A free loopback port, so that concurrent runs never meet on one chain.
export const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/// The chopsticks command line: the package's own bin, as this package resolves it (its
/// `exports` do not include package.json: walk up from its entry point).
function chopsticksBin() {
  let dir = dirname(fileURLToPath(import.meta.resolve('@acala-network/chopsticks')));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.name === '@acala-network/chopsticks') {
        const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.chopsticks;
        return join(dir, bin);
      }
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
    if (dirname(dir) === dir) throw new Error('@acala-network/chopsticks is not installed');
    dir = dirname(dir);
  }
}

/// Starts chopsticks on the raw chain spec `chainSpec` (on `port`, or a free one), producing a
/// block for each transaction (build-block-mode Instant). It keeps the last `keepBlocks` blocks
/// (chopsticks' `max-memory-block-count`, 500 unless told), which an indexer following it reads.
/// Resolves once its RPC listens and a block past genesis is final (see [`pastGenesis`]), with
/// `{ port, endpoint, logs, stop }`; fails with its output if it exits or is silent for 3 minutes.
/// `env` adds to the environment chopsticks runs in.
export async function startChopsticks({ chainSpec, cwd = process.cwd(), port, keepBlocks = 5000, timeoutMs = 180_000, env = {} }) {
  if (!chainSpec) throw new Error('CHAIN_SPEC names the raw chain spec to run');
  const chosen = port || await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'chopsticks-'));
  const config = join(dir, 'config.yml');
  const spec = withGenesisTime(resolve(cwd, chainSpec), dir);
  writeFileSync(config, `genesis: ${spec}\nhost: 127.0.0.1\nport: ${chosen}\nbuild-block-mode: Instant\nmax-memory-block-count: ${keepBlocks}\n`);
  const child = spawn(process.execPath, [chopsticksBin(), '--config', config], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logs = [];
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`chopsticks did not start:\n${logs.join('')}`)), timeoutMs);
    const watch = (chunk) => {
      logs.push(chunk.toString());
      if (chunk.toString().includes('RPC listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`chopsticks exited (${code}):\n${logs.join('')}`)); });
  }).then(() => pastGenesis(`ws://127.0.0.1:${chosen}`, timeoutMs).catch((e) => {
    throw new Error(`${e.message}:\n${logs.join('')}`);
  })).catch((e) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  return {
    port: chosen,
    endpoint: `ws://127.0.0.1:${chosen}`,
    /// What chopsticks printed so far.
    logs: () => logs.join(''),
    /// Stops chopsticks (its whole process group), waits for it to exit, and removes its folder
    /// (the config and the chain spec's copy).
    async stop() {
      try {
        if (child.exitCode === null && child.signalCode === null) {
          process.kill(-child.pid, 'SIGTERM');
          await exited;
        }
      } catch (e) {
        if (e.code !== 'ESRCH') throw e;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/// `Timestamp::Now`: twox128("Timestamp") ++ twox128("Now").
const TIMESTAMP_NOW = '0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb';

/// A copy of the raw chain spec `chainSpec`, in `dir`, whose genesis has `Timestamp::Now` set to
/// the present. Chopsticks builds block 1 from the parent's `Timestamp::Now`, and where genesis
/// has none it reads the clock once for the Aura slot in the block's digest and again for the
/// timestamp inherent. When a slot boundary falls between the two reads, pallet-aura panics
/// ("Timestamp slot must match `CurrentSlot`") and block 1 is never built (CI hit it once). One
/// genesis time makes both come from the same number.
function withGenesisTime(chainSpec, dir) {
  const spec = JSON.parse(readFileSync(chainSpec, 'utf8'));
  const top = spec.genesis?.raw?.top;
  if (!top) throw new Error(`${chainSpec} is not a raw chain spec (no genesis.raw.top)`);
  if (top[TIMESTAMP_NOW] === undefined) {
    const now = Buffer.alloc(8);
    now.writeBigUInt64LE(BigInt(Date.now()));
    top[TIMESTAMP_NOW] = `0x${now.toString('hex')}`;
  }
  const copy = join(dir, 'chain-spec.json');
  writeFileSync(copy, JSON.stringify(spec));
  return copy;
}

/// Waits until the chain at `endpoint` has finalized a block past genesis. Chopsticks builds
/// block 1 as it starts, and may listen before it has. Until then a transaction would be signed
/// against the genesis block, and fail as `badProof`: chopsticks names genesis by the placeholder
/// frame-system stores for block 0 (`0x4545…`), not by the hash of its header, which is what
/// @polkadot/api puts in a mortal transaction's signature.
async function pastGenesis(endpoint, timeoutMs) {
  const provider = new WsProvider(endpoint);
  try {
    await provider.isReady;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const finalized = await provider.send('chain_getHeader', [await provider.send('chain_getFinalizedHead', [])]);
      if (parseInt(finalized.number, 16) >= 1) return;
      if (Date.now() > deadline) throw new Error('chopsticks finalized no block past genesis');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await provider.disconnect();
  }
}

/// An `ApiPromise` connected to `endpoint` (a WebSocket URL).
export function connect(endpoint) {
  return ApiPromise.create({ provider: new WsProvider(endpoint), noInitWarn: true });
}

/// The dev keyring's account for `uri` (`//Alice`).
let keyring;
const devAccount = (uri) => {
  keyring ??= new Keyring({ type: 'sr25519', ss58Format: 42 });
  return keyring.addFromUri(uri);
};

/// The name of a dispatch error: the module error's name (`PoolCapExceeded`), or the error
/// itself in words.
export function errorName(api, dispatchError) {
  return dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule).name : dispatchError.toString();
}

/// Signing and sending on `api` with each signer's next nonce (tracked here, as a wallet does).
///
/// - `submit(signer, tx, options)` resolves with `{ events, dispatchError }` once the extrinsic
///   is in a block, whether it succeeded or not; it rejects if the chain refuses the transaction
///   (invalid, dropped), and then forgets the signer's nonce, which the transaction did not use.
/// - `send(signer, tx, options)` resolves with the events of an extrinsic that succeeded; it
///   rejects with the module error's name (`communityBounty.awardBatch failed: PoolCapExceeded`;
///   the error carries `dispatchError` and `errorName`) if it failed.
/// - `forget(address)` drops the tracked nonce, to read it from the chain again (when the
///   account also signed elsewhere).
///
/// `options` go to `signAndSend` (`mode` and `metadataHash`, a tip).
export function sender(api) {
  const nonces = new Map();
  async function submit(signer, tx, options = {}) {
    if (!nonces.has(signer.address)) {
      nonces.set(signer.address, (await api.query.system.account(signer.address)).nonce.toNumber());
    }
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    return new Promise((resolve, reject) => {
      const refused = (error) => {
        nonces.delete(signer.address);
        reject(error);
      };
      tx.signAndSend(signer, { nonce, ...options }, ({ status, events, dispatchError }) => {
        if (status.isInBlock || status.isFinalized) {
          resolve({ events, dispatchError });
        } else if (status.isInvalid || status.isDropped) {
          refused(new Error(`transaction ${status.type}`));
        }
      }).catch(refused);
    });
  }
  async function send(signer, tx, options = {}) {
    const { events, dispatchError } = await submit(signer, tx, options);
    if (dispatchError) {
      const name = errorName(api, dispatchError);
      const error = new Error(`${tx.method.section}.${tx.method.method} failed: ${name}`);
      Object.assign(error, { dispatchError, errorName: name });
      throw error;
    }
    return events;
  }
  return { submit, send, forget: (address) => nonces.delete(address) };
}

const find = (events, section, method) => events.find(({ event }) => event.section === section && event.method === method);

/// A council motion on `call`: the first of `ayes` proposes it with `threshold`, each of `ayes`
/// votes aye and each of `nays` nay, the proposer closes it with the weight the runtime gives the
/// call (TransactionPaymentCallApi). Checks that the motion closed and executed, and that the call
/// succeeded. Resolves with `{ events, executed }`: the events of the close (among them the
/// call's own), and the `Executed` event's result.
///
/// By default Alice, Bob and Charlie of the demo's five councillors carry it 3 of 5.
export async function motion(api, send, call, { threshold = 3, ayes, nays = [] } = {}) {
  ayes ??= ['//Alice', '//Bob', '//Charlie'].map(devAccount);
  if (ayes.length < threshold) throw new Error(`a motion needing ${threshold} ayes has ${ayes.length}`);
  const [proposer] = ayes;
  const length = call.method.encodedLength;
  const proposed = await send(proposer, api.tx.council.propose(threshold, call, length));
  const { proposalIndex, proposalHash } = find(proposed, 'council', 'Proposed').event.data;
  for (const voter of ayes) await send(voter, api.tx.council.vote(proposalHash, proposalIndex, true));
  for (const voter of nays) await send(voter, api.tx.council.vote(proposalHash, proposalIndex, false));
  // The weight the close must allow for, from the runtime (TransactionPaymentCallApi).
  const { weight } = await api.call.transactionPaymentCallApi.queryCallInfo(call, length);
  if (weight.refTime.toBigInt() === 0n) throw new Error(`the runtime gives ${call.method.section}.${call.method.method} no weight`);
  const events = await send(proposer, api.tx.council.close(proposalHash, proposalIndex, weight, length));
  if (!find(events, 'council', 'Closed')) throw new Error('the motion did not close');
  const executed = find(events, 'council', 'Executed');
  if (!executed) throw new Error('the motion closed but did not execute');
  const { result } = executed.event.data;
  if (!result.isOk) throw new Error(`the council's call failed: ${result.isErr ? errorName(api, result.asErr) : result}`);
  return { events, executed: result };
}

/// Calls the view function `name` of the CommunityBounty pallet through the raw
/// `RuntimeViewFunction` runtime API (@polkadot/api 16 has no typed view-function API): its id,
/// input and output types come from the metadata (v16). Resolves with the decoded output.
export async function view(api, name, ...args) {
  const fn = api.runtimeMetadata.asLatest.pallets
    .find((p) => p.name.eq(PALLET))?.viewFunctions.find((f) => f.name.eq(name));
  if (!fn) throw new Error(`metadata v16 lists no view function ${PALLET}.${name}`);
  const type = (id) => api.registry.createLookupType(id);
  const parts = fn.inputs.map((input, i) => api.registry.createTypeUnsafe(type(input.type), [args[i]]).toU8a());
  const input = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => { input.set(p, at); return at + p.length; }, 0);
  const id = { prefix: fn.id.slice(0, 16), suffix: fn.id.slice(16) };
  // As hex: a Uint8Array given for `Vec<u8>` would be read as already length-prefixed.
  const hex = `0x${Buffer.from(input).toString('hex')}`;
  const result = await api.call.runtimeViewFunction.executeViewFunction(id, hex);
  if (!result.isOk) throw new Error(`${PALLET}.${name} failed: ${result}`);
  return api.registry.createTypeUnsafe(type(fn.output), [result.asOk.toU8a(true)]);
}

/// The CommunityBounty pallet's constant `name` (`maxRoster` or `MaxRoster`), from the metadata.
export function constant(api, name) {
  const consts = api.consts.communityBounty;
  const key = name.charAt(0).toLowerCase() + name.slice(1);
  if (!consts || !(key in consts)) throw new Error(`the metadata has no constant ${PALLET}.${name}`);
  return consts[key];
}

/// The seed: `proposal-14.json` in `dir` (the checkout's runtime/seed/), exported from the
/// runtime's `seed` module and kept current by runtime/tests/seed.rs, with the proposal's text
/// and look-ups by name. `uri(name)` is the development key of a person of the seed, or `//name`
/// for a key of the development keyring (`Alice`).
export function loadSeed(dir) {
  const seed = JSON.parse(readFileSync(join(dir, 'proposal-14.json'), 'utf8'));
  const people = [...seed.cast, ...seed.contributors];
  const member = (name) => {
    const found = seed.cast.find((m) => m.name === name);
    if (!found) throw new Error(`${name} is not in the seed's cast`);
    return found;
  };
  return {
    ...seed,
    text: readFileSync(join(dir, seed.text), 'utf8'),
    member,
    crewOf: (senior) => seed.cast.filter((m) => m.senior === senior),
    uri: (name) => people.find((p) => p.name === name)?.uri ?? `//${name}`,
  };
}

/// The seed's spec, for `propose_program`; throws unless `api` encodes it to the bytes the
/// runtime's own `seed::proposal_14()` encodes to, so a client never proposes another spec.
export function seedSpec(api, seed) {
  const encoded = api.tx.communityBounty.proposeProgram(seed.spec).method.args[0].toHex();
  if (encoded !== seed.specScale) throw new Error(`the seed's spec encodes to ${encoded}, not the runtime's ${seed.specScale}`);
  return seed.spec;
}
