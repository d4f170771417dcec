// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The dashboard test's browser start (browser.mjs): a chromium that crashes while starting is
// started again, and one that never starts fails. The crash is a wrapper script that kills
// itself with SIGSEGV, as the CI run's chromium died, before it execs the real chromium.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/// A chromium that dies with SIGSEGV on its first `crashes` starts, then runs `CHROMIUM`.
/// Returns its path and a function that reads how many times it was started.
function crashingChromium(dir, crashes) {
  const count = join(dir, 'starts');
  writeFileSync(count, '0');
  const path = join(dir, 'chromium');
  writeFileSync(path, `#!/bin/sh
n=$(($(cat '${count}') + 1)); echo $n > '${count}'
if [ $n -le ${crashes} ]; then kill -SEGV $$; fi
exec '${CHROMIUM}' "$@"
`);
  chmodSync(path, 0o755);
  return { path, starts: () => Number(readFileSync(count, 'utf8')) };
}

test('a chromium that crashes on its first two starts is started a third time, and runs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-'));
  try {
    const fake = crashingChromium(dir, 2);
    const browser = await launchChromium(fake.path);
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>started</h1>');
      assert.equal(await page.textContent('h1'), 'started');
    } finally {
      await browser.close();
    }
    assert.equal(fake.starts(), 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a chromium that crashes on every start fails after three starts, with its crash', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'browser-'));
  try {
    const fake = crashingChromium(dir, 1000);
    await assert.rejects(launchChromium(fake.path), /SIGSEGV|closed/);
    assert.equal(fake.starts(), 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
