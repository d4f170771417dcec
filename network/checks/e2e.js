// The client test (e2e/e2e.test.mjs, the one CI runs on chopsticks) against this collator: the
// program, the council's motions and the monthly rounds, settled on real blocks (the fast-runtime
// calendar counts 3 blocks a day). Its TAP output goes to e2e.log in the network's folder.
// Returns the number of tests passed; throws if any failed or was skipped. The test is stopped
// just before the zndsl line's time limit, so that it sends nothing into the checks that follow.
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

// Under the zndsl line's limit (`within 4800 seconds`).
const LIMIT_MS = 4700 * 1000;

async function run(nodeName, networkInfo) {
  const { wsUri } = networkInfo.nodesByName[nodeName];
  const e2e = path.resolve(__dirname, '../../e2e');
  const log = path.join(networkInfo.tmpDir, 'e2e.log');
  const output = await new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'test:node', '--prefix', e2e], {
      env: { ...process.env, E2E_ENDPOINT: wsUri },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: the timer stops npm and the test it runs.
      detached: true,
    });
    const timer = setTimeout(() => {
      fs.appendFileSync(log, `\n# stopped after ${LIMIT_MS / 1000} s\n`);
      process.kill(-child.pid, 'SIGTERM');
    }, LIMIT_MS);
    let text = '';
    const take = (chunk) => { text += chunk; fs.appendFileSync(log, chunk); };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, text }); });
  });
  const count = (name) => Number(output.text.match(new RegExp(`^# ${name} (\\d+)`, 'm'))?.[1] ?? NaN);
  const [pass, fail, skipped] = [count('pass'), count('fail'), count('skipped')];
  console.log(`    e2e against ${nodeName}: ${pass} passed, ${fail} failed, ${skipped} skipped (exit ${output.code}; ${log})`);
  if (output.code !== 0 || fail !== 0) throw new Error(`the client test failed against ${nodeName}: see ${log}`);
  if (skipped !== 0) throw new Error(`the client test skipped ${skipped} tests against ${nodeName}: see ${log}`);
  if (/run on chopsticks/.test(output.text)) throw new Error('a round was not settled on the network (it would only run on chopsticks)');
  return pass;
}

module.exports = { run };
