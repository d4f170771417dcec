// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The indexer's HTTP interface, read only, JSON:
//
//   GET /status                       { genesis, schema, indexed: { number, hash }, events }
//   GET /events?program=N[&limit&offset]   the events kept, oldest first (all programs without N)
//   GET /motions?program=N            the council's motions on the pallet's calls
//   GET /metadata                     { key: "<genesis>-<specVersion>", hex }: the runtime's
//                                     metadata as the indexer's connection holds it, so that a
//                                     browser's first visit need not ask the node (which runs the
//                                     runtime for it); the page checks the key against the chain
//
// It listens on loopback; the dashboard's server forwards `/indexer/...` to it, so that the page
// reads it from its own origin.

import { createServer } from 'node:http';
import { SCHEMA_VERSION } from './store.mjs';

const MAX_LIMIT = 10_000;

/// A non-negative integer parameter, `fallback` when absent; throws in words when malformed.
function integer(params, name, fallback) {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d{1,15}$/.test(raw)) throw new Error(`${name} must be a non-negative integer, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

/// Serves `store` (see store.mjs) on `127.0.0.1:port` (0: a free port). `api` (optional), the
/// indexer's connection, answers `/metadata`. Resolves with the server.
export function serveIndex(store, genesis, port = 0, api = null) {
  let metadata = { key: null, body: null };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const reply = (code, body) => {
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') { reply(405, { error: 'read only: GET' }); return; }
    try {
      const program = integer(url.searchParams, 'program', null);
      switch (url.pathname) {
        case '/status': {
          reply(200, { genesis, schema: SCHEMA_VERSION, indexed: store.last() ?? null, events: store.eventCount() });
          break;
        }
        case '/events': {
          const limit = Math.min(integer(url.searchParams, 'limit', MAX_LIMIT), MAX_LIMIT);
          const offset = integer(url.searchParams, 'offset', 0);
          reply(200, { indexed: store.last() ?? null, events: store.events(program, limit, offset) });
          break;
        }
        case '/metadata': {
          if (!api) { reply(404, { error: 'no connection to a node: no metadata' }); break; }
          const key = `${genesis}-${api.runtimeVersion.specVersion.toNumber()}`;
          // Encoded once per runtime version: it is the largest answer by far.
          if (metadata.key !== key) metadata = { key, body: JSON.stringify({ key, hex: api.runtimeMetadata.toHex() }) };
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(metadata.body);
          break;
        }
        case '/motions':
          reply(200, { indexed: store.last() ?? null, motions: store.motions(program) });
          break;
        default:
          reply(404, { error: `no such resource: ${url.pathname}` });
      }
    } catch (e) {
      reply(400, { error: e.message });
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
