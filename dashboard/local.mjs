// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The page on a local chain, in one command: chopsticks runs the demo chain spec (keeping every
// block, as an archive node would, for the indexer), the indexer follows it from genesis into
// SQLite, the page is served, and the demo's state (scenario.mjs: proposal #14 approved, a month
// settled, a month open, a milestone waiting for the council) is seeded through real extrinsics.
// Stops everything on Ctrl-C.
//
//   CHAIN_SPEC=path/to/chain-spec.json node local.mjs     (scripts/page.sh builds the spec first)

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Keyring } from '@polkadot/api';
import { startChopsticks, connect, sender, motion, loadSeed } from 'community-bounty-harness';
import { serve } from './server.mjs';
import { seedScenario } from './scenario.mjs';
import { startIndexer } from '../indexer/index.mjs';

const here = new URL('.', import.meta.url).pathname;
const chainSpec = process.env.CHAIN_SPEC;
if (!chainSpec) {
  console.error('CHAIN_SPEC names the raw chain spec to run (scripts/page.sh builds it).');
  process.exit(2);
}
const ports = { chain: Number(process.env.CHAIN_PORT ?? 9944), indexer: Number(process.env.INDEXER_PORT ?? 8090), page: Number(process.env.PORT ?? 8080) };
const data = join(here, '.local');
mkdirSync(data, { recursive: true });

console.log(`== chopsticks: the demo chain on ws://127.0.0.1:${ports.chain}`);
const chain = await startChopsticks({ chainSpec, cwd: here, port: ports.chain, keepBlocks: 100_000 });
const api = await connect(chain.endpoint);
const db = join(data, `history-${Date.now()}.sqlite`);
console.log(`== indexer: from genesis into ${db}, on http://127.0.0.1:${ports.indexer}`);
const indexer = await startIndexer({ rpc: chain.endpoint, db, port: ports.indexer });
const page = await serve(ports.page, { indexer: indexer.url });

console.log('== seeding the demo state (proposal #14, a settled month, an open month, a pending milestone)…');
const seed = loadSeed(join(here, '..', 'runtime', 'seed'));
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
const { send } = sender(api);
const council = (call) => motion(api, send, call, { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map((n) => keyring.addFromUri(`//${n}`)) });
const { index } = await seedScenario({ api, send, seed, keyring, motion: council });
const head = (await api.rpc.chain.getHeader()).number.toNumber();
await indexer.indexer.synced(head);

console.log(`
The page:  http://127.0.0.1:${ports.page}/?rpc=${chain.endpoint}#/program/${index}

Pick who signs in the header: a wallet extension's account (polkadot.js, Talisman, SubWallet), or
on this dev chain a dev key (Ferdie is the lead, Alice to Eve the council). The seed's members
sign with their dev keys (${seed.cast.slice(0, 2).map((m) => m.uri).join(', ')}, … in runtime/seed/proposal-14.json):
import one into your extension to file a report as them. Ctrl-C stops the chain, the indexer
and the page.`);

const stop = async () => {
  page.close();
  await indexer.stop();
  await api.disconnect();
  await chain.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
