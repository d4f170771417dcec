// With `other` stopped, this collator goes on alone: counts the blocks after the current best
// that this node authors and that the chain finalizes, until 3 are final. Throws if a block
// after the stop is the other's.
const { connect, collatorAccount, finalizedNumber, follow, sleep } = require('./lib');

const WANTED = 3;

async function run(nodeName, networkInfo, [other]) {
  const api = await connect(networkInfo, nodeName);
  const [me, them] = await Promise.all([collatorAccount(nodeName), collatorAccount(other)]);
  const from = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedFrom = await finalizedNumber(api);
  console.log(`    ${other} stopped at best #${from}, finalized #${finalizedFrom}`);
  const mine = new Set();
  // New blocks: every one is this collator's; once WANTED are, wait for the chain to finalize them.
  await follow(api, ({ number, author }) => {
    if (number <= from) return false;
    if (author === them) throw new Error(`#${number} is authored by ${other}, which is stopped`);
    if (author !== me) throw new Error(`#${number} names an unknown author ${author}`);
    mine.add(number);
    return mine.size >= WANTED;
  });
  const last = Math.max(...mine);
  while ((await finalizedNumber(api)) < last) await sleep(2000);
  const finalized = await finalizedNumber(api);
  console.log(`    ${nodeName} authored #${[...mine].join(', #')} alone; finalized #${finalized}`);
  await api.disconnect();
  return [...mine].filter((n) => n <= finalized).length;
}

module.exports = { run };
