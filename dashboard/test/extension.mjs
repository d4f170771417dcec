// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// A wallet extension for the browser test: it injects itself into the page as polkadot.js,
// Talisman and SubWallet do, through the standard `window.injectedWeb3[name].enable(origin)`
// interface (accounts.get/subscribe, signer.signPayload), so the page cannot tell it from a real
// one. Its keys stay in the test's Node process: the page's signer hands the payload over, this
// side builds the extrinsic payload the chain will check (with the metadata hash the page put in
// it, as a Ledger would require) and signs it. Every payload signed is recorded.

/// Installs the extension `key` ('polkadot-js') in `page` (before any of its scripts run), with
/// `pairs` (`[{ name, pair }]`) as its accounts. Returns `{ signed }`: the payloads signed so
/// far, in order.
export async function installExtension(page, api, pairs, key = 'polkadot-js') {
  const signed = [];
  const byAddress = new Map(pairs.map(({ pair }) => [pair.address, pair]));
  const binding = `__testWalletSign_${key.replace(/\W/g, '_')}`;
  await page.exposeFunction(binding, (payload) => {
    const pair = byAddress.get(payload.address);
    if (!pair) throw new Error(`the extension holds no key for ${payload.address}`);
    signed.push(payload);
    return api.registry.createType('ExtrinsicPayload', payload, { version: payload.version }).sign(pair).signature;
  });
  const accounts = pairs.map(({ name, pair }) => ({ address: pair.address, name, type: 'sr25519', genesisHash: null }));
  await page.addInitScript(({ key: name, accounts: list, binding: signWith }) => {
    let id = 0;
    window.injectedWeb3 = window.injectedWeb3 ?? {};
    window.injectedWeb3[name] = {
      version: '0.62.6',
      enable: async () => ({
        accounts: { get: async () => list, subscribe: (cb) => { cb(list); return () => {}; } },
        signer: {
          signPayload: async (payload) => ({ id: (id += 1), signature: await window[signWith](payload) }),
          signRaw: async () => { throw new Error('this test wallet signs payloads only'); },
        },
        metadata: { get: async () => [], provide: async () => false },
      }),
    };
  }, { key, accounts, binding });
  return { signed };
}
