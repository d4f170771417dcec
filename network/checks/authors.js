// Both collators author blocks: follows the new blocks until each of the session's validators
// (the Aura authorities: the network's two collators) has authored one. Returns how many did.
const { connect, collatorAccount, collatorNames, follow } = require('./lib');

async function run(nodeName, networkInfo) {
  const api = await connect(networkInfo, nodeName);
  const validators = (await api.query.session.validators()).map(String);
  const names = new Map(await Promise.all(collatorNames(networkInfo).map(async (n) => [await collatorAccount(n), n])));
  for (const v of validators) {
    if (!names.has(v)) throw new Error(`session validator ${v} is not one of the network's collators`);
  }
  const authored = new Map();
  await follow(api, ({ number, author }) => {
    if (!author) throw new Error(`block #${number} names no author`);
    if (!authored.has(author)) console.log(`    #${number} authored by ${names.get(author) ?? author}`);
    authored.set(author, (authored.get(author) ?? 0) + 1);
    return validators.every((v) => authored.has(v));
  });
  await api.disconnect();
  return authored.size;
}

module.exports = { run };
