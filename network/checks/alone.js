// With `other` stopped, this collator goes on alone: follows the blocks of the slots after the
// stop, each of which must be this collator's, until it has authored 3, then waits for the chain
// to finalize them. Throws if a block of a slot after the stop is the other's. A block of an
// earlier slot (the other may have built one just before it stopped, imported here late) is
// passed over. Returns how many of the 3 blocks are final: the finalized chain holds each one's
// hash.
const { connect, collatorAccount, finalizedNumber, follow, sleep } = require('./lib');

const WANTED = 3;

async function run(nodeName, networkInfo, [other]) {
  const api = await connect(networkInfo, nodeName);
  const [me, them] = await Promise.all([collatorAccount(nodeName), collatorAccount(other)]);
  const slotDuration = (await api.call.auraApi.slotDuration()).toNumber();
  const stoppedSlot = Math.floor(Date.now() / slotDuration);
  const from = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedFrom = await finalizedNumber(api);
  console.log(`    ${other} stopped by slot ${stoppedSlot}, at best #${from}, finalized #${finalizedFrom}`);
  const mine = new Map();
  await follow(api, ({ number, hash, slot, author }) => {
    if (slot <= stoppedSlot) return false;
    if (author === them) throw new Error(`#${number} (slot ${slot}) is authored by ${other}, which is stopped`);
    if (author !== me) throw new Error(`#${number} names an unknown author ${author}`);
    mine.set(number, hash);
    return mine.size >= WANTED;
  });
  const last = Math.max(...mine.keys());
  while ((await finalizedNumber(api)) < last) await sleep(2000);
  const final = [];
  for (const [number, hash] of mine) {
    if ((await api.rpc.chain.getBlockHash(number)).toHex() === hash) final.push(number);
  }
  console.log(`    ${nodeName} authored #${[...mine.keys()].join(', #')} alone; finalized: #${final.join(', #')}`);
  await api.disconnect();
  return final.length;
}

module.exports = { run };
