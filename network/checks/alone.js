// With `other` stopped, this collator goes on alone: follows the finalized chain past the stop
// until it holds 3 blocks of the slots after the stop, each of which must be this collator's.
// Throws if a finalized block of a slot after the stop is the other's. A block of an earlier slot
// (the other may have built one just before it stopped) is passed over. The finalized chain, not
// the best blocks: a block this collator authored may lose a fork to another of its own at the
// same height (the first short run here saw #8 so replaced), and only a final block counts.
// Returns how many finalized blocks of slots after the stop it found (at least 3).
const { connect, collatorAccount, finalizedNumber, auraSlot, sleep } = require('./lib');

const WANTED = 3;

async function run(nodeName, networkInfo, [other]) {
  const api = await connect(networkInfo, nodeName);
  const [me, them] = await Promise.all([collatorAccount(nodeName), collatorAccount(other)]);
  const slotDuration = (await api.call.auraApi.slotDuration()).toNumber();
  const stoppedSlot = Math.floor(Date.now() / slotDuration);
  const from = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedFrom = await finalizedNumber(api);
  console.log(`    ${other} stopped by slot ${stoppedSlot}, at best #${from}, finalized #${finalizedFrom}`);
  const final = [];
  let next = finalizedFrom + 1;
  while (final.length < WANTED) {
    const finalized = await finalizedNumber(api);
    for (; next <= finalized; next += 1) {
      const header = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash(next));
      const slot = auraSlot(api, header);
      if (slot <= stoppedSlot) continue;
      const author = header.author?.toString();
      if (author === them) throw new Error(`final #${next} (slot ${slot}) is authored by ${other}, which is stopped`);
      if (author !== me) throw new Error(`final #${next} names an unknown author ${author}`);
      final.push(next);
    }
    if (final.length < WANTED) await sleep(2000);
  }
  console.log(`    ${nodeName} alone: finalized #${final.join(', #')}, each of a slot after the stop, each its own`);
  await api.disconnect();
  return final.length;
}

module.exports = { run };
