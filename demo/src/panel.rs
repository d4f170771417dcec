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

//! A month scored by a panel (program #2): proposal #14's senior pool for one more month, with
//! the spec naming a scoring panel the council approves, Rhee (the lead), Dave and Charlie, two
//! of whom make a quorum. Three seniors report with the score each proposes; the lead alone
//! cannot score; Dave scores his friend Wuti 100, and the median holds at the middle score;
//! Kyle's report, which only one reviewer scored, has no score and is paid nothing. Anyone
//! settles, and the program closes with the rest of its tokens back in the treasury.

use crate::{
	chain::{bounded, named, named_pair, Chain},
	scenario::{cb, council_motion, refusal, set_rate, AYES},
};
use community_bounty_runtime::{seed, AccountId, Runtime, DAYS, UNITS};
use pallet_community_bounty::{
	Denomination, Metric, Milestone, Panel, ProgramSpec, Role, Score, ScoresOf,
};
use sp_core::{sr25519, Pair as _};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Hash as _, FixedPointNumber, FixedU128, MultiAddress};

/// Program #2's index.
const INDEX: u32 = 2;

/// The seniors of the month, with the score each proposes for its report.
const SENIORS: [(&str, Score); 3] = [("Wuti", 100), ("Cappex", 90), ("Kyle", 85)];

/// Each reviewer's scores: Dave, a friend of Wuti's, scores him 100; nobody but Rhee gets to
/// Kyle's report.
fn reviews(lead: &AccountId) -> [(AccountId, &'static [(&'static str, Score)]); 3] {
	[
		(Sr25519Keyring::Dave.to_account_id(), &[("Wuti", 100), ("Cappex", 40)]),
		(lead.clone(), &[("Wuti", 60), ("Cappex", 50), ("Kyle", 80)]),
		(Sr25519Keyring::Charlie.to_account_id(), &[("Wuti", 55), ("Cappex", 45)]),
	]
}

/// Proposal #14's senior pool for one month (6,000 PHA, one tranche), scored by a panel.
fn spec(lead: &AccountId) -> ProgramSpec<Runtime> {
	let mut spec = seed::proposal_14();
	let text = "Proposal #14's senior pool for one more month, scored by a panel of three.";
	spec.title = bounded("Phala seniors, one month scored by a panel");
	spec.description = <Runtime as frame_system::Config>::Hashing::hash(text.as_bytes());
	spec.asset = Denomination::Native;
	spec.budget = 6_000 * UNITS;
	spec.milestones =
		vec![Milestone { metric: Metric::CommunitySize, target: 50_000, tranche: 6_000 * UNITS }]
			.try_into()
			.unwrap_or_default();
	spec.pools.truncate(1);
	// One period: the program ends in its first month, whose round is its last.
	spec.duration = 30 * DAYS - 1;
	spec.max_seniors = None;
	spec.min_crew = 0;
	spec.panel = Some(Panel {
		reviewers: vec![
			lead.clone(),
			Sr25519Keyring::Dave.to_account_id(),
			Sr25519Keyring::Charlie.to_account_id(),
		]
		.try_into()
		.unwrap_or_default(),
		quorum: 2,
	});
	spec
}

/// Replays program #2 from block `start`, with `lead` signing the lead's steps.
pub(crate) fn replay(chain: &mut Chain, lead: &sr25519::Pair, start: u32) {
	let lead_id: AccountId = lead.public().into();
	chain.names.insert(Sr25519Keyring::Dave.to_account_id(), "Dave".into());
	chain.names.insert(Sr25519Keyring::Charlie.to_account_id(), "Charlie".into());
	chain.start_block(start);
	chain.say(
		"Program #2: Rhee proposes one more month of the senior pool (6,000 PHA), scored by a \
		 panel of three named in the spec: Rhee, Dave and Charlie; an entry's score is the median \
		 of their scores once two of them scored it",
	);
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::propose_program { spec: Box::new(spec(&lead_id)) }),
		)
		.expect("the panel's spec is valid");
	chain.end_block();

	let approved_at = start + 1;
	let day = |d: u32| approved_at + d * DAYS;
	chain.start_block(approved_at);
	chain.say("   The council approves it, panel and all; Rhee enters three seniors");
	council_motion(
		chain,
		cb(pallet_community_bounty::Call::approve_program { index: INDEX }),
		&AYES,
		&[],
	);
	for (name, _) in SENIORS {
		chain
			.submit(
				lead,
				cb(pallet_community_bounty::Call::add_member {
					index: INDEX,
					who: MultiAddress::Id(named(name)),
					role: Role::SeniorAmbassador,
					region: bounded("English"),
					senior: None,
				}),
			)
			.expect("a senior joins");
	}
	let joins = chain.submit(
		lead,
		cb(pallet_community_bounty::Call::add_member {
			index: INDEX,
			who: MultiAddress::Id(Sr25519Keyring::Dave.to_account_id()),
			role: Role::SeniorAmbassador,
			region: bounded("English"),
			senior: None,
		}),
	);
	refusal(chain, "Rhee (Dave, a reviewer, on the roster)", joins);
	chain.end_block();

	chain.start_block(day(25));
	chain.say("Program #2, day 25: each senior reports with the score it proposes for itself");
	for (name, proposed) in SENIORS {
		chain
			.submit(
				&named_pair(name),
				cb(pallet_community_bounty::Call::file_report {
					index: INDEX,
					period: 0,
					evidence: bounded(&format!(
						"https://github.com/Phala-Network/growth-program/issues/9{}",
						name.len()
					)),
					proposed: Some(proposed),
				}),
			)
			.expect("a senior files its report");
	}
	chain.end_block();

	chain.start_block(day(31));
	chain.say(
		"Program #2, day 31: the lead alone cannot score a panel's round; the reviewers score. \
		 Dave gives his friend Wuti 100, Rhee 60 and Charlie 55: the median is 60. Only Rhee \
		 scores Kyle: one review of the two needed, so no score",
	);
	let alone = chain.submit(
		lead,
		cb(pallet_community_bounty::Call::score_round {
			index: INDEX,
			period: 0,
			scores: scores(&[("Wuti", 100)]),
		}),
	);
	refusal(chain, "Rhee (scoring a panel's round alone)", alone);
	for (reviewer, given) in reviews(&lead_id) {
		let pair = if reviewer == lead_id {
			lead.clone()
		} else if reviewer == Sr25519Keyring::Dave.to_account_id() {
			Sr25519Keyring::Dave.pair()
		} else {
			Sr25519Keyring::Charlie.pair()
		};
		chain
			.submit(
				&pair,
				cb(pallet_community_bounty::Call::review_round {
					index: INDEX,
					period: 0,
					scores: scores(given),
				}),
			)
			.expect("a reviewer scores");
	}
	chain.end_block();

	let eve = Sr25519Keyring::Eve.pair();
	chain.start_block(day(36));
	chain.say(
		"Program #2, day 36: filing is over and Rhee finalizes. Cappex (45, proposed 90) and \
		 Kyle (no score, proposed 85) appeal, each with 10 PHA held",
	);
	chain
		.submit(lead, cb(pallet_community_bounty::Call::finalize_round { index: INDEX, period: 0 }))
		.expect("the filing window is over");
	for name in ["Cappex", "Kyle"] {
		chain
			.submit(
				&named_pair(name),
				cb(pallet_community_bounty::Call::appeal { index: INDEX, period: 0 }),
			)
			.expect("a score below its proposal may be appealed");
	}
	let early = chain
		.submit(&eve, cb(pallet_community_bounty::Call::settle_round { index: INDEX, period: 0 }));
	refusal(chain, "Eve (settling with appeals open)", early);
	chain.end_block();

	chain.start_block(day(38));
	chain.say(
		"Program #2, day 38: the council upholds Cappex's appeal by motion (score 70, deposit \
		 back) and dismisses Kyle's, whose report no one else would score (deposit to the \
		 treasury)",
	);
	council_motion(
		chain,
		cb(pallet_community_bounty::Call::uphold_appeal {
			index: INDEX,
			period: 0,
			who: MultiAddress::Id(named("Cappex")),
			score: 70,
		}),
		&AYES,
		&[],
	);
	council_motion(
		chain,
		cb(pallet_community_bounty::Call::dismiss_appeal {
			index: INDEX,
			period: 0,
			who: MultiAddress::Id(named("Kyle")),
		}),
		&AYES,
		&[],
	);
	chain.end_block();

	chain.start_block(day(42));
	chain.say(
		"Program #2, day 42, in the veto window: the council strikes Wuti's entry, whose \
		 evidence repeats last month's; it pays nothing, and its share stays in the program",
	);
	council_motion(
		chain,
		cb(pallet_community_bounty::Call::strike_entry {
			index: INDEX,
			period: 0,
			who: MultiAddress::Id(named("Wuti")),
			reason: bounded("the evidence repeats last month's report"),
		}),
		&AYES,
		&[],
	);
	chain.end_block();

	chain.start_block(day(44));
	chain.say(
		"Program #2, day 44: the windows are over; the council confirms the PHA/USD rate and \
		 Eve settles: $2,000 shared 60 : 70, of which Cappex's 70 is paid and Wuti's share \
		 stays; then she closes the program",
	);
	set_rate(chain, FixedU128::saturating_from_rational(5, 2));
	while chain
		.ext
		.execute_with(|| pallet_community_bounty::Rounds::<Runtime>::contains_key(INDEX, 0))
	{
		chain
			.submit(
				&eve,
				cb(pallet_community_bounty::Call::settle_round { index: INDEX, period: 0 }),
			)
			.expect("a final round settles");
	}
	chain
		.submit(&eve, cb(pallet_community_bounty::Call::close_program { index: INDEX }))
		.expect("anyone closes an ended program whose rounds are settled");
	chain.end_block();
}

/// Scores by name, as a call takes them.
fn scores(given: &[(&str, Score)]) -> ScoresOf<Runtime> {
	given
		.iter()
		.map(|(name, score)| (named(name), *score))
		.collect::<Vec<_>>()
		.try_into()
		.unwrap_or_default()
}
