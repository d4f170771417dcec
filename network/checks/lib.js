// Shared by the network's checks (zombienet js-scripts: CommonJS, run with zombienet's `zombie`
// global for @polkadot/api).

const http = require('http');

/// Resolves once the node at `wsUri` answers a JSON-RPC request over HTTP (the same port serves
/// both); rejects after `timeoutMs`. A node that zombienet has just restarted counts as ready as
/// soon as its log grows, seconds before its RPC server listens, and `zombie.connect` to a port
/// nobody listens on ends the whole zombienet run with an unhandled rejection (the first full
/// run here, right after `collator02: restart`).
async function rpcReady(wsUri, timeoutMs = 300_000) {
  const { hostname, port } = new URL(wsUri);
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_health', params: [] });
  const ask = () => new Promise((resolve) => {
    const request = http.request({ hostname, port, method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 5000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => { request.destroy(); resolve(false); });
    request.end(body);
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await ask())) {
    if (Date.now() > deadline) throw new Error(`no RPC server at ${wsUri} after ${timeoutMs / 1000} s`);
    await sleep(1000);
  }
}

/// Connects to the node `name` of the running network, once its RPC server answers.
async function connect(networkInfo, name) {
  const node = networkInfo.nodesByName[name];
  if (!node) throw new Error(`the network has no node ${name}`);
  await rpcReady(node.wsUri);
  return zombie.connect(node.wsUri, node.userDefinedTypes);
}

/// The sr25519 account zombienet derives for a collator from its name (`collator01` is
/// `//Collator01`): its Aura key and its collator account.
async function collatorAccount(name) {
  await zombie.util.cryptoWaitReady();
  const keyring = new zombie.Keyring({ type: 'sr25519' });
  return keyring.addFromUri(`//${name.charAt(0).toUpperCase()}${name.slice(1)}`).address;
}

/// The number of the node's finalized head.
async function finalizedNumber(api) {
  return (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/// The network's collators, by name (`collator01`, `collator02`).
const collatorNames = (networkInfo) => Object.keys(networkInfo.nodesByName).filter((n) => n.startsWith('collator'));

/// The Aura slot of a block, from its pre-runtime digest.
function auraSlot(api, header) {
  const log = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].isAura);
  if (!log) throw new Error(`block #${header.number} has no Aura pre-runtime digest`);
  return api.createType('u64', log.asPreRuntime[1]).toNumber();
}

/// Follows the node's new best blocks with their hashes, Aura slots and authors (the slot digest
/// mapped to the session's validators, by @polkadot/api's derive) until `done(block)` is true;
/// rejects with what `done` throws.
async function follow(api, done) {
  let finish;
  let fail;
  const finished = new Promise((resolve, reject) => { finish = resolve; fail = reject; });
  const unsubscribe = await api.derive.chain.subscribeNewHeads((header) => {
    try {
      const block = {
        number: header.number.toNumber(),
        hash: header.hash.toHex(),
        slot: auraSlot(api, header),
        author: header.author?.toString(),
      };
      if (done(block)) finish();
    } catch (error) {
      fail(error);
    }
  });
  try {
    await finished;
  } finally {
    unsubscribe();
  }
}

module.exports = { connect, auraSlot, collatorAccount, collatorNames, finalizedNumber, follow, sleep };
