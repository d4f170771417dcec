// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// Serves the dashboard on loopback: `node server.mjs [--port 8080] [--indexer http://127.0.0.1:8090]`,
// then open http://127.0.0.1:8080/?rpc=ws://127.0.0.1:9944 (add `&signer=//Ferdie` to sign as a
// dev key). It forwards `/indexer/...` to the indexer (indexer/), so that the page reads the
// history from its own origin, and sends a content security policy that forbids inline script.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const arg = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const port = Number(arg('port') || process.env.PORT || 8080);
const indexerUrl = arg('indexer') || process.env.INDEXER || 'http://127.0.0.1:8090';

/// What the page may load and run: its own files only (no inline script, no eval; WebAssembly
/// for @polkadot/api's crypto), its own origin and WebSocket endpoints to talk to, no frames.
/// Inline styles are allowed: the page draws its bars with `style="width: ..."`.
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/// Forwards a GET of `/indexer/<path>` to the indexer at `base`; a 502 in words if it is down.
async function forward(req, res, base) {
  const url = new URL(req.url, 'http://localhost');
  try {
    const answer = await fetch(`${base}${url.pathname.slice('/indexer'.length)}${url.search}`);
    res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(await answer.text());
  } catch {
    res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `the indexer at ${base} does not answer` }));
  }
}

/// Serves the page on `listenPort` (0: a free one), forwarding `/indexer/` to `indexer`.
export function serve(listenPort = port, { indexer = indexerUrl } = {}) {
  const server = createServer(async (req, res) => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path.startsWith('/indexer/') && req.method === 'GET') {
      await forward(req, res, indexer);
      return;
    }
    const file = normalize(join(here, path === '/' ? 'index.html' : path));
    if (!file.startsWith(here) || !['index.html', 'style.css', 'dist/app.js'].some((f) => file === join(here, f))) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(500).end('the dashboard is not built: run `npm run build`');
    }
  });
  return new Promise((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve();
  console.log(`dashboard on http://127.0.0.1:${server.address().port}/?rpc=ws://127.0.0.1:9944 (history from ${indexerUrl})`);
}
