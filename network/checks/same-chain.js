// This node has the same chain as `other`: it has finalized the other's finalized head, with the
// same hash and state root, and holds the other's best block (same hash and state root) once it
// has imported it. Returns 1; throws at the first difference.
const { connect, finalizedNumber, sleep } = require('./lib');

async function sameAt(mine, theirs, number, what) {
  const [a, b] = await Promise.all([mine, theirs].map((api) => api.rpc.chain.getBlockHash(number)));
  const [ha, hb] = await Promise.all([mine.rpc.chain.getHeader(a), theirs.rpc.chain.getHeader(b)]);
  if (!a.eq(b)) throw new Error(`${what} #${number}: hash ${a} here, ${b} there`);
  if (!ha.stateRoot.eq(hb.stateRoot)) throw new Error(`${what} #${number}: state root ${ha.stateRoot} here, ${hb.stateRoot} there`);
  console.log(`    ${what} #${number}: same hash ${a}, same state root ${ha.stateRoot}`);
}

async function run(nodeName, networkInfo, [other]) {
  const [mine, theirs] = await Promise.all([connect(networkInfo, nodeName), connect(networkInfo, other)]);
  // The other's finalized head: wait until this node has finalized it too.
  const finalized = await finalizedNumber(theirs);
  while ((await finalizedNumber(mine)) < finalized) await sleep(2000);
  await sameAt(mine, theirs, finalized, 'finalized');
  // The other's best block: wait until this node has imported it (its best may have moved on).
  const best = (await theirs.rpc.chain.getHeader()).number.toNumber();
  while ((await mine.rpc.chain.getHeader()).number.toNumber() < best) await sleep(2000);
  // Both best chains are final up to here once each has finalized it: compare there.
  while ((await finalizedNumber(mine)) < best || (await finalizedNumber(theirs)) < best) await sleep(2000);
  await sameAt(mine, theirs, best, 'best, then finalized');
  await Promise.all([mine.disconnect(), theirs.disconnect()]);
  return 1;
}

module.exports = { run };
