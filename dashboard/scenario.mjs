// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The state the page is shown in, built from proposal #14's seed through real extrinsics and
// council motions: the program approved; three Senior Ambassadors with two of their crew each;
// month 1 reported, scored, finalized and settled; month 2 open with the seniors' reports scored
// and one crew member's evidence aimed at the lead's browser (`javascript:`); milestone 1
// approved below target with a cut, milestone 2 reported and waiting for the council. The
// browser test checks the page against it, and `npm run local` seeds it for a person to look at.

import { seedSpec } from 'community-bounty-harness';

const PHA = 10n ** 12n;
const DAY = 14_400;

/// The scenario's people and scores, from the seed: three Senior Ambassadors whose crews share
/// their region (the lead scores one under 40%), two of each crew, and the lead's scores in two
/// months (the seniors alone report in the second).
export function scenarioData(seed) {
  const SENIORS = ['Alexandre Baciu', 'MC (overmarck)', 'Wuti'].map((name) => ({
    name,
    region: seed.member(name).region,
    crew: seed.crewOf(name).slice(0, 2).map((m) => m.name),
  }));
  const scores = (names) => Object.fromEntries(names.map((name) => [name, seed.member(name).score]));
  return {
    SENIORS,
    SCORES: [scores(SENIORS.flatMap((s) => [s.name, ...s.crew])), scores(SENIORS.map((s) => s.name))],
    /// A crew member whose evidence is script, not a link.
    HOSTILE: SENIORS[2].crew[1],
    HOSTILE_EVIDENCE: 'javascript:window.__pwned=1',
  };
}

/// Moves chopsticks past the appeal and veto windows of a round finalized in the last block.
export async function pastTheChecks(api) {
  const windows = api.consts.communityBounty.appealWindow.toNumber() + api.consts.communityBounty.vetoWindow.toNumber();
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await api.rpc('dev_newBlock', { count: 1, unsafeBlockHeight: head + windows });
}

/// Builds the scenario on `api` (chopsticks: it moves time with `dev_newBlock`), signing with
/// `send(pair, tx)` (the harness's sender) and passing council motions with `motion(call)`.
/// Resolves with `{ index }`, the program's index.
export async function seedScenario({ api, send, seed, keyring, motion }) {
  const { SENIORS, SCORES, HOSTILE, HOSTILE_EVIDENCE } = scenarioData(seed);
  const dev = (name) => keyring.addFromUri(seed.uri(name));
  const lead = keyring.addFromUri(seed.lead);
  const has = (events, method) => events.find(({ event }) => event.section === 'communityBounty' && event.method === method);
  // Proposal #14 as the council approved it (the harness checks the bytes against the runtime's).
  const proposed = await send(lead, api.tx.communityBounty.proposeProgram(seedSpec(api, seed)));
  const index = has(proposed, 'ProgramProposed').event.data.index.toNumber();
  await motion(api.tx.communityBounty.approveProgram(index));
  const members = SENIORS.flatMap((s) => [s.name, ...s.crew]);
  for (const name of members) await send(dev('Alice'), api.tx.balances.transferKeepAlive(dev(name).address, 10n * PHA));
  for (const s of SENIORS) {
    await send(lead, api.tx.communityBounty.addMember(index, dev(s.name).address, 'SeniorAmbassador', s.region, null));
    for (const c of s.crew) await send(lead, api.tx.communityBounty.addMember(index, dev(c).address, 'Ambassador', s.region, dev(s.name).address));
  }
  // Month 1: everyone reports, the lead scores, finalizes after the 5th, Eve settles.
  for (const name of members) await send(dev(name), api.tx.communityBounty.fileReport(index, 0, `https://github.com/Phala-Network/growth-program/issues/${name.length}`, 60 + (name.length * 7) % 40));
  await send(lead, api.tx.communityBounty.scoreRound(index, 0, Object.entries(SCORES[0]).map(([n, s]) => [dev(n).address, s])));
  const approvedAt = (await api.query.communityBounty.programs(index)).unwrap().status.asActive.approvedAt.toNumber();
  await api.rpc('dev_newBlock', { count: 1, unsafeBlockHeight: approvedAt + 35 * DAY });
  await send(lead, api.tx.communityBounty.finalizeRound(index, 0));
  // The round settles once its appeal and veto windows, counted from the finalization, are over.
  await pastTheChecks(api);
  // The genesis rate is older than MaxRateAge by now: the council confirms it before anyone
  // settles.
  await motion(api.tx.datedRates.update(seed.rate.usdAsset, seed.rate.phaPerUsd));
  while ((await api.query.communityBounty.rounds(index, 0)).isSome) await send(dev('Eve'), api.tx.communityBounty.settleRound(index, 0));
  // Month 2 (open): the seniors report, the lead scores.
  for (const s of SENIORS) await send(dev(s.name), api.tx.communityBounty.fileReport(index, 1, `https://github.com/Phala-Network/growth-program/issues/2${s.name.length}`, 60 + (s.name.length * 7) % 40));
  await send(lead, api.tx.communityBounty.scoreRound(index, 1, Object.entries(SCORES[1]).map(([n, s]) => [dev(n).address, s])));
  // A member's evidence aimed at the lead's browser.
  await send(dev(HOSTILE), api.tx.communityBounty.fileReport(index, 1, HOSTILE_EVIDENCE, 100));
  // Milestone 1 approved below target with a cut; milestone 2 reported, waiting.
  const reported = await send(lead, api.tx.communityBounty.reportMilestone(index, 0, 32, 'https://forum.phala.network/ms1'));
  const figure = has(reported, 'MilestoneReported').event.data.figure.toNumber();
  await motion(api.tx.communityBounty.approveMilestone(index, 0, 1, figure, 6_000n * PHA));
  await send(lead, api.tx.communityBounty.reportMilestone(index, 1, 45_500, 'tg 40,000+ / discord 5,500'));
  return { index };
}
