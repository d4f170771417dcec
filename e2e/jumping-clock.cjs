// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// Preloaded into chopsticks by harness.test.mjs: each read of the clock is 7 s (more than an Aura
// slot) later than the one before, so that a slot boundary falls between any two reads.
const realNow = Date.now;
let reads = 0;
Date.now = () => realNow() + 7000 * reads++;
