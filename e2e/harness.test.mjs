// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The harness's own promise: chopsticks on this runtime builds block 1 however the clock moves
// while it does. Chopsticks reads the clock for block 1's Aura slot and again for its timestamp
// unless genesis has a time; a slot boundary between the two reads made pallet-aura panic and
// the chain never got past genesis (CI hit it once).

import test from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startChopsticks, connect } from 'community-bounty-harness';

const here = fileURLToPath(new URL('.', import.meta.url));

test('block 1 is built when every read of the clock crosses a slot boundary', async () => {
  const chopsticks = await startChopsticks({
    chainSpec: process.env.CHAIN_SPEC,
    cwd: here,
    timeoutMs: 60_000,
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(fileURLToPath(new URL('jumping-clock.cjs', import.meta.url)))}` },
  });
  const api = await connect(chopsticks.endpoint);
  try {
    const one = await api.rpc.chain.getBlockHash(1);
    const genesis = await api.rpc.chain.getBlockHash(0);
    const slotDuration = (await api.call.auraApi.slotDuration()).toBigInt();
    const startedAt = (await api.query.timestamp.now.at(genesis)).toBigInt();
    const now = (await api.query.timestamp.now.at(one)).toBigInt();
    // One time for both: block 1 is one slot after genesis's time, in the slot its digest names.
    assert.equal(now, startedAt + slotDuration);
    assert.equal((await api.query.aura.currentSlot.at(one)).toBigInt(), now / slotDuration);
  } finally {
    await api.disconnect();
    await chopsticks.stop();
  }
});
