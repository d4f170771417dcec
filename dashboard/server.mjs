// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// Serves the dashboard on loopback: `node server.mjs [--port 8080]`, then open
// http://127.0.0.1:8080/?rpc=ws://127.0.0.1:9944 (add `&signer=//Ferdie` to sign as a dev key).

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || process.env.PORT || 8080);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

export function serve(listenPort = port) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
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
  console.log(`dashboard on http://127.0.0.1:${server.address().port}/?rpc=ws://127.0.0.1:9944`);
}
