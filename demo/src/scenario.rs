// This file is part of community-bounty.

// SPDX-License-Identifier: Apache-2.0

// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// 	http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.
//! The scenario: Khala treasury proposal #14 as the chain would have run it, step by step (the
//! proposal, the council's motions, the roster; two monthly rounds in which the members report,
//! the lead scores and anyone settles the scored senior pool, with a late report, a senior under
//! 40%, a senior under the minimum crew and a promotion; the lead's direct runs for
//! contributors, with a rate change; both milestones, the first counted from the members' own
//! reports; the close), told as chapters, one function each, and the helpers that turn a step
//! into extrinsics. Its data (the spec, the cast, their regions and scores, the contributors) is
//! the runtime's `seed` module.

use crate::chain::{bounded, named, named_pair, Chain, Refusal};
use codec::Encode;
use community_bounty_runtime::{
	seed::{self, Member, CONTRIBUTOR_POOL, LATE, PROMOTED, SENIOR_POOL},
	Balance, Runtime, RuntimeCall, RuntimeEvent, DAYS, UNITS, USD, USD_ASSET,
};
use frame_support::dispatch::GetDispatchInfo;
use pallet_community_bounty::{Award, Role};
use sp_core::sr25519;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Hash as _, FixedPointNumber, FixedU128, MultiAddress};

/// What the ledger needs from the replay.
pub(crate) struct Replayed {
	/// The program account's balance just before the lead closed it.
	pub(crate) program_before_close: Balance,
}

/// The block the council approves the program in: month `m`, day `d` counts from it.
const APPROVED_AT: u32 = 2;

/// The first block of day `d` (from 0) of month `m` (from 0) of the program.
fn day(m: u32, d: u32) -> u32 {
	APPROVED_AT + m * 30 * DAYS + d * DAYS
}

/// The council members who vote aye with Alice (who proposes every motion).
pub(crate) const AYES: [Sr25519Keyring; 2] = [Sr25519Keyring::Bob, Sr25519Keyring::Charlie];

/// Replays proposal #14 on `chain`, with `lead` signing the lead's steps, chapter by chapter.
pub(crate) fn replay(chain: &mut Chain, lead: &sr25519::Pair) -> Replayed {
	propose_and_approve(chain, lead);
	enter_roster(chain, lead);
	for m in 0..3u32 {
		if m == 1 {
			promote_and_rerate(chain, lead, m);
		}
		if m < 2 {
			members_report(chain, m);
		} else {
			chain.start_block(day(m, 25));
			chain.say(&format!("Month {}, day 25: the direct run for contributors", m + 1));
		}
		pay_contributors(chain, lead, m);
		chain.end_block();
		if m < 2 {
			score_round(chain, lead, m);
			finalize_and_settle(chain, lead, m);
		}
	}
	let decided = milestones(chain, lead);
	close(chain, lead, decided)
}

/// Block 1: the lead proposes the program; block 2: the council approves it.
fn propose_and_approve(chain: &mut Chain, lead: &sr25519::Pair) {
	chain.start_block(1);
	chain.say("1. Rhee proposes the Phala community bounty (100,000 PHA)");
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::propose_program {
				spec: Box::new(seed::proposal_14()),
			}),
		)
		.expect("the seed proposal is valid");
	chain.end_block();

	chain.start_block(APPROVED_AT);
	chain.say("2. The council approves it: a motion needing 3 of 5 ayes");
	council_motion(
		chain,
		cb(pallet_community_bounty::Call::approve_program { index: 0 }),
		&AYES,
		&[Sr25519Keyring::Dave],
	);
	chain.end_block();
}

/// Block 3: the lead enters the starting roster.
fn enter_roster(chain: &mut Chain, lead: &sr25519::Pair) {
	chain.start_block(3);
	chain.say("3. Rhee enters the roster of Senior Ambassadors and their crews");
	let starting: Vec<_> = seed::members(0).collect();
	add_members(chain, lead, &starting);
	chain.end_block();
}

/// Month 2, days 20 and 24: a promotion, two ambassadors join, and the council updates the rate.
fn promote_and_rerate(chain: &mut Chain, lead: &sr25519::Pair, m: u32) {
	chain.start_block(day(m, 20));
	chain.say(
		"Month 2, day 20: Rhee promotes Jaime Flores to Senior Ambassador (Spanish group) and \
		 adds two ambassadors; Kyle's crew now has the 2 members the seed requires",
	);
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::promote_member {
				index: 0,
				who: MultiAddress::Id(named(PROMOTED)),
			}),
		)
		.expect("an ambassador can be promoted within max_seniors");
	let joining: Vec<_> = seed::CAST.iter().filter(|member| member.joins == m).collect();
	add_members(chain, lead, &joining);
	chain.end_block();

	chain.start_block(day(m, 24));
	chain.say("   The council updates the PHA/USD rate (PHA fell: 3.2 PHA per USD)");
	set_rate(chain, FixedU128::saturating_from_rational(32, 10));
	chain.end_block();
}

/// The council sets the PHA/USD rate by motion, through `DatedRates`, which dates it.
pub(crate) fn set_rate(chain: &mut Chain, pha_per_usd: FixedU128) {
	council_motion(
		chain,
		RuntimeCall::DatedRates(community_bounty_runtime::dated_rates::Call::update {
			asset_kind: Box::new(USD_ASSET),
			rate: pha_per_usd,
		}),
		&AYES,
		&[],
	);
}

/// Month `m`, day 25: every member but the late one files their own report (the block stays
/// open for the contributors' run).
fn members_report(chain: &mut Chain, m: u32) {
	chain.start_block(day(m, 25));
	chain.say(&format!(
		"Month {}, day 25: each member files their own activity report (AMAs, posts, \
		 translations), signed by themselves",
		m + 1
	));
	for member in seed::members(m).filter(|member| member.name != LATE) {
		chain
			.submit(&named_pair(member.name), file_report(m, member.name))
			.expect("a member reports within the period");
	}
}

/// The lead's direct run for contributors in month `m` (one batch, all or nothing); in month 1
/// also a direct award from the scored senior pool, which the chain refuses.
fn pay_contributors(chain: &mut Chain, lead: &sr25519::Pair, m: u32) {
	chain.say("   Contributors are paid directly by the lead: one batch, all or nothing");
	let awards: Vec<_> = seed::CONTRIBUTORS
		.iter()
		.enumerate()
		.filter(|(i, _)| (i + m as usize).is_multiple_of(2))
		.map(|(_, (name, what))| Award {
			pool: CONTRIBUTOR_POOL,
			beneficiary: named(name),
			amount: seed::CONTRIBUTOR_AWARD,
			reason: bounded(what),
		})
		.collect();
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::award_batch {
				index: 0,
				awards: awards.try_into().expect("a month's run fits a batch"),
			}),
		)
		.expect("the month's awards are within the caps");
	if m == 0 {
		chain.say("   A direct award from the scored senior pool: refused, nothing changes");
		let refused = chain.submit(
			lead,
			cb(pallet_community_bounty::Call::award {
				index: 0,
				pool: SENIOR_POOL,
				beneficiary: MultiAddress::Id(named("Kyle")),
				amount: 50 * USD,
				reason: bounded("extra"),
			}),
		);
		refusal(chain, "Rhee (lead, Ferdie)", refused);
	}
}

/// Within the grace window (by the 5th of the next month): the lead scores month `m`'s round.
fn score_round(chain: &mut Chain, lead: &sr25519::Pair, m: u32) {
	chain.start_block(day(m + 1, 3));
	chain.say(&format!(
		"Month {}, day 3 (by the 5th): Rhee scores month {}'s reports out of 100; below 40 pays \
		 nothing",
		m + 2,
		m + 1
	));
	let scores: Vec<_> = seed::members(m)
		.filter(|member| member.name != LATE)
		.map(|member| (named(member.name), member.score))
		.collect();
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::score_round {
				index: 0,
				period: m,
				scores: scores.try_into().expect("a round's scores fit one call"),
			}),
		)
		.expect("the lead scores the round");
	chain.end_block();
}

/// After the grace window: the late report is refused, the lead finalizes month `m`'s round and
/// Eve settles it, page by page.
fn finalize_and_settle(chain: &mut Chain, lead: &sr25519::Pair, m: u32) {
	chain.start_block(day(m + 1, 6));
	chain.say(&format!(
		"Month {}, day 6 (after the 5th): {LATE}'s report comes late and is refused; Rhee \
		 finalizes the round: its members may appeal for 5 days, the council may strike or veto \
		 for 3 more{}",
		m + 2,
		if m == 0 {
			" (MC scored under 40%, and Kyle leads a crew of one, under the seed's minimum of 2: \
			 neither is paid)"
		} else {
			" (MC scored under 40% again; Jaime, promoted, has no crew yet)"
		}
	));
	let late = chain.submit(&named_pair(LATE), file_report(m, LATE));
	refusal(chain, LATE, late);
	chain
		.submit(lead, cb(pallet_community_bounty::Call::finalize_round { index: 0, period: m }))
		.expect("the grace window is over");
	chain.end_block();

	chain.start_block(day(m + 1, 14));
	chain.say(&format!(
		"Month {}, day 14: no appeal, no veto; the windows are over and Eve settles the round, \
		 page by page",
		m + 2
	));
	let eve = Sr25519Keyring::Eve.pair();
	if m == 0 {
		chain.say(
			"   The council has not set the PHA/USD rate since genesis, more than MaxRateAge (35 \
			 days) ago: Eve's settlement is refused, nothing moves; the council confirms the \
			 rate (2.5 PHA per USD) by motion, and Eve settles",
		);
		let settle = cb(pallet_community_bounty::Call::settle_round { index: 0, period: m });
		let stale = chain.submit(&eve, settle);
		refusal(chain, "Eve", stale);
		set_rate(chain, FixedU128::saturating_from_rational(5, 2));
	}
	while chain.ext.execute_with(|| pallet_community_bounty::Rounds::<Runtime>::contains_key(0, m))
	{
		chain
			.submit(&eve, cb(pallet_community_bounty::Call::settle_round { index: 0, period: m }))
			.expect("a final round settles");
	}
	chain.end_block();
}

/// Both milestones: the first approved below target with a cut, the second rejected once, then
/// approved. Returns the block in which the last was decided.
fn milestones(chain: &mut Chain, lead: &sr25519::Pair) -> u32 {
	let block = day(3, 5);
	chain.start_block(block);
	chain.say(
		"Milestone 1 (40+ active ambassadors): Rhee claims 32; the chain counts the members \
		 whose own report for the last final month scored at least 40",
	);
	report_milestone(
		chain,
		lead,
		0,
		32,
		"https://forum.phala.network/t/community-bounty-april-2022/ms1",
	)
	.expect("milestone 1 can be reported");
	chain.say("   The council approves below target and cuts milestone 2's tranche by 6,000 PHA");
	let motion = approve_milestone(chain, 0, Some(6_000 * UNITS));
	council_motion(chain, motion, &AYES, &[Sr25519Keyring::Eve]);
	chain.end_block();

	let block = block + 20 * DAYS;
	chain.start_block(block);
	chain.say(
		"Milestone 2 (50,000 users): Rhee reports 45,500; the council rejects the first report",
	);
	report_milestone(chain, lead, 1, 45_500, "tg 40,000+ / discord ~5,500")
		.expect("milestone 2 can be reported");
	let motion = reject_milestone(chain, 1);
	council_motion(chain, motion, &AYES, &[]);
	chain
		.say("   Rhee reports again with exported member lists; the council approves below target");
	report_milestone(chain, lead, 1, 45_500, "ipfs://bafy-member-exports-tg-discord-2022-07")
		.expect("milestone 2 can be reported again");
	let motion = approve_milestone(chain, 1, None);
	council_motion(chain, motion, &[AYES[0], AYES[1], Sr25519Keyring::Dave], &[]);
	chain.end_block();
	block
}

/// A day after the last milestone: the lead closes the program and the rest returns to the
/// treasury.
fn close(chain: &mut Chain, lead: &sr25519::Pair, decided: u32) -> Replayed {
	chain.start_block(decided + DAYS);
	chain.say("Every milestone decided: Rhee closes the program; the rest returns to the treasury");
	let program = crate::chain::Cb::program_account(0);
	let program_before = chain.balance(&program);
	chain
		.submit(lead, cb(pallet_community_bounty::Call::close_program { index: 0 }))
		.expect("the lead may close after the last milestone");
	chain.end_block();
	Replayed { program_before_close: program_before }
}

/// A council motion of the development preset's council: Alice proposes and votes aye, `ayes`
/// vote aye, `nays` nay, and Alice closes it.
pub(crate) fn council_motion(
	chain: &mut Chain,
	call: RuntimeCall,
	ayes: &[Sr25519Keyring],
	nays: &[Sr25519Keyring],
) {
	let threshold = 3u32;
	let length_bound = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let proposal_hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = chain.ext.execute_with(pallet_collective::ProposalCount::<Runtime, _>::get);
	let alice = Sr25519Keyring::Alice.pair();
	chain
		.submit(
			&alice,
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold,
				proposal: Box::new(call),
				length_bound,
			}),
		)
		.expect("council members may propose");
	// The proposer votes like everyone else.
	let proposer = [Sr25519Keyring::Alice];
	for (voters, approve) in [(&proposer[..], true), (ayes, true), (nays, false)] {
		for voter in voters {
			chain
				.submit(
					&voter.pair(),
					RuntimeCall::Council(pallet_collective::Call::vote {
						proposal: proposal_hash,
						index,
						approve,
					}),
				)
				.expect("council members may vote");
		}
	}
	chain
		.submit(
			&alice,
			RuntimeCall::Council(pallet_collective::Call::close {
				proposal_hash,
				index,
				proposal_weight_bound: weight,
				length_bound,
			}),
		)
		.expect("the motion can be closed");
	// The motion carried, and the call it executed succeeded: the story never goes on past a
	// decision that did not happen.
	let executed = chain.ext.execute_with(|| {
		community_bounty_runtime::System::events().into_iter().rev().find_map(|record| match record
			.event
		{
			RuntimeEvent::Council(pallet_collective::Event::Executed {
				proposal_hash: hash,
				result,
			}) if hash == proposal_hash => Some(result),
			_ => None,
		})
	});
	assert!(matches!(executed, Some(Ok(()))), "motion #{index} did not execute: {executed:?}");
}

/// The lead reports `milestone` of program #0 with `claimed` and an evidence reference.
pub(crate) fn report_milestone(
	chain: &mut Chain,
	lead: &sr25519::Pair,
	milestone: u32,
	claimed: u64,
	evidence: &str,
) -> Result<(), String> {
	chain.submit(
		lead,
		cb(pallet_community_bounty::Call::report_milestone {
			index: 0,
			milestone,
			claimed,
			evidence: bounded(evidence),
		}),
	)
}

/// The attempt number and figure of record of the latest report of `milestone`: what the
/// council reads before it votes, and what its motion names.
pub(crate) fn report_seen(chain: &mut Chain, milestone: u32) -> (u32, u64) {
	chain.ext.execute_with(|| {
		pallet_community_bounty::Reports::<Runtime>::get(0, milestone)
			.map_or((0, 0), |report| (report.attempt, report.figure))
	})
}

/// The council's approval of the report of `milestone` it saw: its attempt and figure.
pub(crate) fn approve_milestone(
	chain: &mut Chain,
	milestone: u32,
	cut: Option<Balance>,
) -> RuntimeCall {
	let (attempt, expected_figure) = report_seen(chain, milestone);
	cb(pallet_community_bounty::Call::approve_milestone {
		index: 0,
		milestone,
		attempt,
		expected_figure,
		cut,
	})
}

/// The council's rejection of the report of `milestone` it saw.
pub(crate) fn reject_milestone(chain: &mut Chain, milestone: u32) -> RuntimeCall {
	let (attempt, _) = report_seen(chain, milestone);
	cb(pallet_community_bounty::Call::reject_milestone { index: 0, milestone, attempt })
}

pub(crate) fn cb(call: pallet_community_bounty::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::CommunityBounty(call)
}

/// `name`'s monthly report for period `m`: an issue in Phala's growth-program repository, with
/// the score the member proposes for itself, as Phala's reports give one.
fn file_report(m: u32, name: &str) -> RuntimeCall {
	cb(pallet_community_bounty::Call::file_report {
		index: 0,
		period: m,
		evidence: bounded(&format!(
			"https://github.com/Phala-Network/growth-program/issues/{}",
			100 * (m + 1) + u32::from(name.as_bytes()[0])
		)),
		proposed: Some(proposed_score(m, name)),
	})
}

/// The score `name` proposes for its report of period `m`: 60 to 99, fixed by name and month.
fn proposed_score(m: u32, name: &str) -> u8 {
	let seed = name.bytes().map(u32::from).sum::<u32>() + 7 * m;
	60 + (seed % 40) as u8
}

/// Alice tops up each member's account for the fees of their own reports, then the lead adds
/// them to the roster.
fn add_members(chain: &mut Chain, lead: &sr25519::Pair, members: &[&Member]) {
	let alice = Sr25519Keyring::Alice.pair();
	for Member { name, region, senior, .. } in members.iter().copied() {
		chain
			.submit(
				&alice,
				RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: MultiAddress::Id(named(name)),
					value: FEE_FUND,
				}),
			)
			.expect("Alice can fund the members");
		chain
			.submit(
				lead,
				cb(pallet_community_bounty::Call::add_member {
					index: 0,
					who: MultiAddress::Id(named(name)),
					role: if senior.is_some() { Role::Ambassador } else { Role::SeniorAmbassador },
					region: bounded(region),
					senior: senior.map(|s| MultiAddress::Id(named(s))),
				}),
			)
			.expect("roster entries are valid");
	}
}

/// What Alice gives each member for the fees of their reports.
pub(crate) const FEE_FUND: Balance = 5 * UNITS;

/// Prints and records a step `who` signed that the chain refused (its error; nothing changed).
pub(crate) fn refusal(chain: &mut Chain, who: &str, refused: Result<(), String>) {
	let error = refused.err().unwrap_or_default();
	if !chain.json {
		println!("  #{:<7} {:<22} refused: {}", chain.block, who, error);
	}
	chain.refusals.push(Refusal { block: chain.block, who: who.to_string(), error });
}
