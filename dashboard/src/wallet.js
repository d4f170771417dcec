// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// Who signs: the accounts of the browser's wallet extensions (polkadot.js, Talisman, SubWallet:
// any extension that injects itself through the standard `window.injectedWeb3` interface), and on
// a development chain only the well-known dev keys. The person picks one in the header; the
// choice is kept in this browser (localStorage), never in the URL, so that no key or seed is ever
// part of a link. Every transaction is signed with the hash of the runtime's metadata (RFC-0078,
// `CheckMetadataHash` in mode 1), which a Ledger needs to show what it signs.

import { Keyring } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';

/// The extensions the page knows by name; any other injected one is listed under its own key.
export const WALLETS = { 'polkadot-js': 'polkadot.js', talisman: 'Talisman', 'subwallet-js': 'SubWallet' };
/// The dev keys a development chain's genesis funds. Never offered on a live chain.
const DEV_KEYS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const STORE = 'community-bounty.account';
const APP = 'community-bounty dashboard';

/// Whether the chain says it is a development or local chain (`system_chainType`). A chain that
/// does not answer is treated as live.
async function isDevChain(api) {
  try {
    const type = await api.rpc.system.chainType();
    return type.isDevelopment || type.isLocal;
  } catch {
    return false;
  }
}

/// Every account the page can sign with: `[{ source, label, address, name }]`, where `source` is
/// an extension's key or `dev`. Extensions are asked once each (`enable`), which is when a real
/// wallet asks its owner whether to share accounts with this page; one that refuses is skipped,
/// and its refusal is returned in `refused` to be shown in words.
export async function discover(api) {
  const accounts = [];
  const refused = [];
  const signers = new Map();
  for (const [key, injected] of Object.entries(globalThis.injectedWeb3 ?? {})) {
    const label = WALLETS[key] ?? key;
    try {
      const extension = await injected.enable(APP);
      signers.set(key, extension.signer);
      for (const a of await extension.accounts.get()) {
        if (a.type && a.type === 'ethereum') continue;
        accounts.push({ source: key, label, address: a.address, name: a.name ?? '' });
      }
    } catch (e) {
      refused.push(`${label} did not share its accounts: ${e?.message ?? e}`);
    }
  }
  if (await isDevChain(api)) {
    await cryptoWaitReady();
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 ?? 42 });
    for (const name of DEV_KEYS) {
      const pair = keyring.addFromUri(`//${name}`);
      signers.set(`dev:${pair.address}`, pair);
      accounts.push({ source: 'dev', label: 'dev key', address: pair.address, name });
    }
  }
  return { accounts, refused, signers };
}

/// The account this browser chose last time, if it is still offered.
export function remembered(accounts) {
  const saved = globalThis.localStorage?.getItem(STORE);
  return accounts.find((a) => `${a.source}:${a.address}` === saved) ?? null;
}

/// Remembers `account` (or forgets the choice, for `null`) in this browser.
export function remember(account) {
  if (account) globalThis.localStorage?.setItem(STORE, `${account.source}:${account.address}`);
  else globalThis.localStorage?.removeItem(STORE);
}

/// The hash of the runtime's metadata as RFC-0078 merkleizes it, with the chain's token; `null`
/// if the runtime has no `CheckMetadataHash` extension. Computed once per connection.
let metadataHash;
async function hashOfMetadata(api) {
  if (metadataHash !== undefined) return metadataHash;
  metadataHash = null;
  if (!api.registry.signedExtensions.includes('CheckMetadataHash')) return metadataHash;
  const opaque = await api.call.metadata.metadataAtVersion(15);
  if (opaque.isNone) return metadataHash;
  const props = api.registry.getChainProperties();
  const decimals = props?.tokenDecimals.unwrapOr([12])[0]?.toNumber?.() ?? 12;
  const tokenSymbol = props?.tokenSymbol.unwrapOr(['UNIT'])[0]?.toString() ?? 'UNIT';
  const digest = merkleizeMetadata(opaque.unwrap().toU8a(true), { decimals, tokenSymbol }).digest();
  metadataHash = `0x${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  return metadataHash;
}

/// The signing account `{ address, name, source, sign(tx, options, callback) }` for `chosen`: through its
/// extension's signer, or a dev key's pair, always with the metadata hash when the runtime checks
/// one.
export async function signerFor(api, chosen, signers) {
  const hash = await hashOfMetadata(api);
  const options = hash ? { mode: 1, metadataHash: hash } : {};
  const by = chosen.source === 'dev' ? signers.get(`dev:${chosen.address}`) : signers.get(chosen.source);
  if (!by) throw new Error(`${chosen.label} is no longer available in this browser`);
  const sign = chosen.source === 'dev'
    ? (tx, extra, cb) => tx.signAndSend(by, { ...options, ...extra }, cb)
    : (tx, extra, cb) => tx.signAndSend(chosen.address, { ...options, ...extra, signer: by }, cb);
  return { ...chosen, sign };
}
