// The largest proof of validity of the run, against the relay chain's limit.
// - Measured: each collation's PoV as the collators log it ("PoV size": header, extrinsics and
//   storage proof, uncompressed; "Compressed PoV size": as sent to the relay chain's validators).
// - Accounted: each block's proof size as the runtime weighs it (`System::BlockWeight`: each
//   transaction's proof as the collator recorded it, through `StorageWeightReclaim`, plus its
//   length, and the benchmarked weights of what is not reclaimed, such as the inherents), for
//   every block of this node's chain.
// The limit is the relay chain's active configuration's `max_pov_size`. Writes pov.json to the
// network's folder and returns the largest measured PoV in thousandths of the limit; throws if
// the collators logged no PoV.
const fs = require('fs');
const path = require('path');
const { collatorNames, connect } = require('./lib');

const KB = 1024;

function logged(file) {
  const sizes = [];
  const compressed = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const field = (name) => Number(line.match(new RegExp(`${name}=([\\d.]+)`))?.[1]);
    const packed = line.match(/Compressed PoV size: ([\d.]+)kb/);
    if (packed) compressed.push(Math.round(Number(packed[1]) * KB));
    else if (line.includes('PoV size')) {
      const parts = ['header_kb', 'extrinsics_kb', 'storage_proof_kb'].map(field);
      if (parts.some(Number.isNaN)) throw new Error(`a PoV line this check cannot read: ${line}`);
      sizes.push({ bytes: Math.round(parts.reduce((a, b) => a + b, 0) * KB), proof: Math.round(parts[2] * KB) });
    }
  }
  return { sizes, compressed };
}

async function run(nodeName, networkInfo, [relay]) {
  const relayApi = await connect(networkInfo, relay);
  const limit = (await relayApi.query.configuration.activeConfig()).maxPovSize.toNumber();
  await relayApi.disconnect();

  const collators = collatorNames(networkInfo);
  const sizes = [];
  const compressed = [];
  for (const name of collators) {
    const found = logged(path.join(networkInfo.tmpDir, `${name}.log`));
    sizes.push(...found.sizes);
    compressed.push(...found.compressed);
  }
  if (sizes.length === 0) throw new Error(`the collators (${collators.join(', ')}) logged no PoV size`);

  // The runtime's own account of each block's proof size.
  const api = await connect(networkInfo, nodeName);
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const maxBlockProof = api.consts.system.blockWeights.maxBlock.proofSize.toNumber();
  let accounted = { number: 0, proof: 0 };
  for (let number = 1; number <= best; number++) {
    const at = await api.at(await api.rpc.chain.getBlockHash(number));
    const w = await at.query.system.blockWeight();
    const proof = ['normal', 'operational', 'mandatory'].reduce((sum, c) => sum + w[c].proofSize.toNumber(), 0);
    if (proof > accounted.proof) accounted = { number, proof };
  }
  await api.disconnect();

  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const figures = {
    relayMaxPovSize: limit,
    runtimeMaxBlockProofSize: maxBlockProof,
    collations: sizes.length,
    largestPov: largest.bytes,
    largestPovStorageProof: largest.proof,
    largestCompressedPov: compressed.length ? Math.max(...compressed) : null,
    medianPov: sizes.map((s) => s.bytes).sort((a, b) => a - b)[Math.floor(sizes.length / 2)],
    blocks: best,
    largestAccountedProof: accounted.proof,
    largestAccountedProofBlock: accounted.number,
  };
  fs.writeFileSync(path.join(networkInfo.tmpDir, 'pov.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`    PoV: largest ${largest.bytes} B of ${sizes.length} collations (compressed ${figures.largestCompressedPov} B), relay limit ${limit} B;`
    + ` the runtime accounts at most ${accounted.proof} B (block #${accounted.number}) of its ${maxBlockProof} B`);
  if (accounted.proof > maxBlockProof) throw new Error('a block accounted more proof than the runtime allows');
  return Math.ceil((1000 * largest.bytes) / limit);
}

module.exports = { run };
