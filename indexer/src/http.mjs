// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The indexer's HTTP interface, read only, JSON:
//
//   GET /status                       { genesis, schema, indexed: { number, hash }, events }
//   GET /events?program=N[&limit&offset]   the events kept, oldest first (all programs without N)
//   GET /motions?program=N            the council's motions on the pallet's calls
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

/// Serves `store` (see store.mjs) on `127.0.0.1:port` (0: a free port). Resolves with the server.
export function serveIndex(store, genesis, port = 0) {
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
