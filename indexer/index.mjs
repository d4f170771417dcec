// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The community-bounty indexer: follows a node's finalized blocks from genesis, keeps the
// pallet's events and the council's motions on its calls in SQLite, and serves them.
//
//   node index.mjs --rpc ws://127.0.0.1:9944 --db history.sqlite --port 8090
//
// Run it against an archive node (omni-node with `--state-pruning archive`, or chopsticks): it
// reads the events of every block since genesis. Stop it at any time; it resumes where it
// stopped.

import { follow } from './src/follow.mjs';
import { serveIndex } from './src/http.mjs';

export { follow } from './src/follow.mjs';
export { serveIndex } from './src/http.mjs';
export { openStore, SCHEMA_VERSION } from './src/store.mjs';

/// Starts following `rpc` into `db` and serving on `port`. Resolves with `{ indexer, server, stop }`.
export async function startIndexer({ rpc, db, port = 0, log = () => {} }) {
  const indexer = await follow({ endpoint: rpc, dbPath: db, log });
  const server = await serveIndex(indexer.store, indexer.genesis, port, indexer.api);
  return {
    indexer,
    server,
    url: `http://127.0.0.1:${server.address().port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await indexer.stop();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
  const started = await startIndexer({
    rpc: arg('rpc', 'ws://127.0.0.1:9944'),
    db: arg('db', 'history.sqlite'),
    port: Number(arg('port', 8090)),
    log: (line) => console.log(`[indexer] ${line}`),
  });
  console.log(`[indexer] serving ${started.url} (status: ${started.url}/status)`);
  const shutdown = () => started.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
