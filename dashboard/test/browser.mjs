// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// Starts the Debian chromium the dashboard test drives. One browser serves every test of the
// file, so a browser that dies while starting would fail them all for a reason that has nothing
// to do with the page: a CI run once lost all 11 browser tests to one chromium that crashed
// (SIGSEGV) 40 ms after it started, a crash no later start reproduced. A start is therefore tried
// up to three times; each failed start is printed with chromium's own log, and if all three fail
// the last error is thrown, so that a chromium that never starts still fails the run.

import { chromium } from 'playwright-core';

/// Flags for headless chromium as root on a machine without a GPU or outside network: no
/// sandbox (root), no GPU process, and none of the background connections (QUIC, component
/// updates, sync) that a closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/// Launches chromium at `executablePath`, trying `attempts` times.
export async function launchChromium(executablePath, { attempts = 3 } = {}) {
  let last;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    } catch (error) {
      last = error;
      console.error(`chromium failed to start (attempt ${attempt} of ${attempts}): ${error.message}`);
    }
  }
  throw last;
}
