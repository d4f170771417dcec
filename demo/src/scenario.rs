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
//! reports; the close), its data (names, regions, scores), and the helpers that turn a step
//! into extrinsics.

use crate::chain::{bounded, named, named_pair, Chain, Refusal};
use codec::Encode;
use community_bounty_runtime::{Balance, Runtime, RuntimeCall, DAYS, UNITS, USD, USD_ASSET};
use frame_support::dispatch::GetDispatchInfo;
use pallet_community_bounty::{Award, Role};
use sp_core::sr25519;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Hash as _, FixedPointNumber, FixedU128, MultiAddress};

const SENIOR_POOL: u32 = 0;
const CONTRIBUTOR_POOL: u32 = 1;

/// Contributors paid from the contributors' pool, and what for.
pub(crate) const CONTRIBUTORS: [(&str, &str); 4] = [
	("phala_stat_bot builder", "Telegram bot for solo-miners and delegators"),
	("l00k#1990", "Discord bot for solo-miners and delegators"),
	("mining tutorial author", "Solo-mining setup tutorial (video)"),
	("Fat Contract educator", "Fat Contract workshop materials"),
];

/// What the ledger needs from the replay.
pub(crate) struct Replayed {
	/// The program account's balance just before the lead closed it.
	pub(crate) program_before_close: Balance,
}

/// Replays proposal #14 on `chain`, with `lead` signing the lead's steps.
pub(crate) fn replay(chain: &mut Chain, lead: &sr25519::Pair) -> Replayed {
	let program = crate::chain::Cb::program_account(0);
	// Block 1: the lead proposes the program.
	chain.start_block(1);
	chain.say("1. Rhee proposes the Phala community bounty (100,000 PHA)");
	let spec = community_bounty_runtime::seed::proposal_14();
	chain
		.submit(lead, cb(pallet_community_bounty::Call::propose_program { spec: Box::new(spec) }))
		.expect("the seed proposal is valid");
	chain.end_block();

	// Block 2: the council approves it with a motion.
	chain.start_block(2);
	chain.say("2. The council approves it: a motion needing 3 of 5 ayes");
	council_motion(
		chain,
		cb(pallet_community_bounty::Call::approve_program { index: 0 }),
		&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie],
		&[Sr25519Keyring::Dave],
	);
	chain.end_block();

	// Block 3: the roster.
	chain.start_block(3);
	chain.say("3. Rhee enters the roster of Senior Ambassadors and their crews");
	add_members(chain, lead, &roster());
	chain.end_block();

	// Three months: the seniors' monthly round (members report, the lead scores, anyone
	// settles by the pool's rule) and the lead's direct run for contributors.
	let approved_at = 2;
	let month = 30 * DAYS;
	let day = |m: u32, d: u32| approved_at + m * month + d * DAYS;
	for m in 0..3u32 {
		if m == 1 {
			chain.start_block(day(m, 20));
			chain.say(
				"Month 2, day 20: Rhee promotes Jaime Flores to Senior Ambassador (Spanish group) \
				 and adds two ambassadors; Kyle's crew now has the 2 members the seed requires",
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
			add_members(chain, lead, &JOINING);
			chain.end_block();
			chain.start_block(day(m, 24));
			chain.say("   The council updates the PHA/USD rate (PHA fell: 3.2 PHA per USD)");
			council_motion(
				chain,
				RuntimeCall::AssetRate(pallet_asset_rate::Call::update {
					asset_kind: Box::new(USD_ASSET),
					rate: FixedU128::saturating_from_rational(32, 10),
				}),
				&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie],
				&[],
			);
			chain.end_block();
		}

		if m < 2 {
			chain.start_block(day(m, 25));
			chain.say(&format!(
				"Month {}, day 25: each member files their own activity report (AMAs, posts, \
				 translations), signed by themselves",
				m + 1
			));
			for (name, _, _) in members(m) {
				if name != LATE {
					chain
						.submit(&named_pair(name), file_report(m, name))
						.expect("a member reports within the period");
				}
			}
		} else {
			chain.start_block(day(m, 25));
			chain.say(&format!("Month {}, day 25: the direct run for contributors", m + 1));
		}
		chain.say("   Contributors are paid directly by the lead: one batch, all or nothing");
		let awards: Vec<_> = CONTRIBUTORS
			.iter()
			.enumerate()
			.filter(|(i, _)| (i + m as usize).is_multiple_of(2))
			.map(|(_, (name, what))| Award {
				pool: CONTRIBUTOR_POOL,
				beneficiary: named(name),
				amount: 750 * USD,
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
		chain.end_block();
		if m == 2 {
			break;
		}

		// Within the grace window (by the 5th of the next month): the lead scores the round.
		chain.start_block(day(m + 1, 3));
		chain.say(&format!(
			"Month {}, day 3 (by the 5th): Rhee scores month {}'s reports out of 100; below 40 \
			 pays nothing",
			m + 2,
			m + 1
		));
		let scores: Vec<_> = members(m)
			.into_iter()
			.filter(|(name, _, _)| *name != LATE)
			.map(|(name, _, _)| (named(name), score(name)))
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

		// After the grace window: a late report is refused; the lead finalizes; anyone settles.
		chain.start_block(day(m + 1, 6));
		chain.say(&format!(
			"Month {}, day 6 (after the 5th): {LATE}'s report comes late and is refused; Rhee \
			 finalizes the round and Eve settles it, page by page{}",
			m + 2,
			if m == 0 {
				" (MC scored under 40%, and Kyle leads a crew of one, under the seed's minimum \
				 of 2: neither is paid)"
			} else {
				" (MC scored under 40% again; Jaime, promoted, has no crew yet)"
			}
		));
		let late = chain.submit(&named_pair(LATE), file_report(m, LATE));
		refusal(chain, LATE, late);
		chain
			.submit(lead, cb(pallet_community_bounty::Call::finalize_round { index: 0, period: m }))
			.expect("the grace window is over");
		let eve = Sr25519Keyring::Eve.pair();
		while chain
			.ext
			.execute_with(|| pallet_community_bounty::Rounds::<Runtime>::contains_key(0, m))
		{
			chain
				.submit(
					&eve,
					cb(pallet_community_bounty::Call::settle_round { index: 0, period: m }),
				)
				.expect("a final round settles");
		}
		chain.end_block();
	}

	// Milestone 1: reported, approved below target with a cut.
	let block = approved_at + 3 * month + 5 * DAYS;
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
	council_motion(
		chain,
		motion,
		&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie],
		&[Sr25519Keyring::Eve],
	);
	chain.end_block();

	// Milestone 2: reported, first rejected by a majority, reported again, approved.
	chain.start_block(block + 20 * DAYS);
	chain.say(
		"Milestone 2 (50,000 users): Rhee reports 45,500; the council rejects the first report",
	);
	report_milestone(chain, lead, 1, 45_500, "tg 40,000+ / discord ~5,500")
		.expect("milestone 2 can be reported");
	let motion = reject_milestone(chain, 1);
	council_motion(chain, motion, &[Sr25519Keyring::Bob, Sr25519Keyring::Charlie], &[]);
	chain
		.say("   Rhee reports again with exported member lists; the council approves below target");
	report_milestone(chain, lead, 1, 45_500, "ipfs://bafy-member-exports-tg-discord-2022-07")
		.expect("milestone 2 can be reported again");
	let motion = approve_milestone(chain, 1, None);
	council_motion(
		chain,
		motion,
		&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave],
		&[],
	);
	chain.end_block();

	// The lead closes the program: the rest goes back to the treasury.
	chain.start_block(block + 21 * DAYS);
	chain.say("Every milestone decided: Rhee closes the program; the rest returns to the treasury");
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

/// The seed's Senior Ambassadors (one per region) and their crews, from the milestone 1 report.
pub(crate) fn roster() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
	let seniors = [
		("Cappex", "English"),
		("Alexandre Baciu", "French"),
		("MC (overmarck)", "Italian"),
		("Salih Iyigul", "German"),
		("Kyle", "Korean"),
		("Wuti", "Chinese"),
	];
	let crews: [(&str, &[&str]); 6] = [
		(
			"Cappex",
			&[
				"Jaime Flores",
				"Hoang Nguyen",
				"Sirash S S",
				"Amir",
				"Bengali moderator",
				"Bengali translator",
				"Vietnamese moderator",
				"Vietnamese translator",
			],
		),
		("Alexandre Baciu", &["Kbconsulting45", "Tioneb44", "Redofre"]),
		("MC (overmarck)", &["zaketac", "Darknight", "pigro85"]),
		("Salih Iyigul", &["GatorKorps", "Serhat", "Marco (Sequaja)"]),
		("Kyle", &["Sonji"]),
		(
			"Wuti",
			&["LSVT", "Newsletter", "Dishi", "Zhangyang", "Biezuo meng", "Sanqi", "Sure", "Wuzhe"],
		),
	];
	let mut out: Vec<_> = seniors.iter().map(|(n, r)| (*n, *r, None)).collect();
	for (senior, crew) in crews {
		let region =
			seniors.iter().find(|(n, _)| *n == senior).map(|(_, r)| *r).unwrap_or("English");
		let region = match *crew.first().unwrap_or(&"") {
			"Jaime Flores" => "English/Spanish",
			_ => region,
		};
		for member in crew {
			let region = match *member {
				"Amir" => "Persian",
				m if m.starts_with("Bengali") => "Bengali",
				m if m.starts_with("Vietnamese") => "Vietnamese",
				_ => region,
			};
			out.push((*member, region, Some(senior)));
		}
	}
	out
}

/// The ambassador promoted to Senior Ambassador in month 2 ("few selected ambassadors will be
/// promoted to the next batch of Senior Group").
pub(crate) const PROMOTED: &str = "Jaime Flores";

/// The member whose report comes after the 5th, and is refused, every month.
pub(crate) const LATE: &str = "Sure";

/// Members who join in month 2: a second Korean ambassador for Kyle's crew (which then meets
/// the seed's minimum of 2), and a Bengali event host.
pub(crate) const JOINING: [(&str, &str, Option<&str>); 2] =
	[("Minji", "Korean", Some("Kyle")), ("Bengali event host", "Bengali", Some("Cappex"))];

/// The roster in month `m` (from 0): the starting roster, and those who joined by then.
pub(crate) fn members(m: u32) -> Vec<(&'static str, &'static str, Option<&'static str>)> {
	let mut members = roster();
	if m >= 1 {
		members.extend(JOINING);
	}
	members
}

/// Every account of the roster, ever.
pub(crate) fn everyone() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
	members(1)
}

/// The lead's score of `name`'s monthly report: the seniors' by name (MC scores under 40%, so
/// nothing), the ambassadors' between 50 and 89.
pub(crate) fn score(name: &str) -> u8 {
	match name {
		"Cappex" => 95,
		"Alexandre Baciu" => 85,
		"MC (overmarck)" => 35,
		"Salih Iyigul" => 80,
		"Kyle" => 90,
		"Wuti" => 100,
		other => 50 + (other.bytes().map(u32::from).sum::<u32>() % 40) as u8,
	}
}

/// `name`'s monthly report for period `m`: an issue in Phala's growth-program repository.
fn file_report(m: u32, name: &str) -> RuntimeCall {
	cb(pallet_community_bounty::Call::file_report {
		index: 0,
		period: m,
		evidence: bounded(&format!(
			"https://github.com/Phala-Network/growth-program/issues/{}",
			100 * (m + 1) + u32::from(name.as_bytes()[0])
		)),
	})
}

/// Alice tops up each member's account for the fees of their own reports, then the lead adds
/// them to the roster.
fn add_members(
	chain: &mut Chain,
	lead: &sr25519::Pair,
	members: &[(&'static str, &'static str, Option<&'static str>)],
) {
	let alice = Sr25519Keyring::Alice.pair();
	for (name, region, senior) in members {
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
fn refusal(chain: &mut Chain, who: &str, refused: Result<(), String>) {
	let error = refused.err().unwrap_or_default();
	if !chain.json {
		println!("  #{:<7} {:<22} refused: {}", chain.block, who, error);
	}
	chain.refusals.push(Refusal { block: chain.block, who: who.to_string(), error });
}
