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

//! The seed: Khala treasury proposal #14 (April 2022, 100,000 PHA) as this runtime runs it.
//!
//! This module is the only place that holds the seed's data: the spec the lead proposes
//! ([`proposal_14`]), its cast (the Senior Ambassadors, their crews, their regions and the lead's
//! score of each monthly report: [`CAST`]), the contributors paid from the direct pool
//! ([`CONTRIBUTORS`]) and the roles some of them play in the story ([`PROMOTED`], [`LATE`]).
//! The demo replays it, the runtime's tests propose it, and the client and browser tests read it
//! from `runtime/seed/proposal-14.json`, an export that `runtime/tests/seed.rs` keeps current.
//!
//! Every person signs with the development key [`dev_uri`] derives from their name, so that a
//! test in any language finds the same account.

use crate::{Balance, Runtime, DAYS, UNITS, USD, USD_ASSET};
use alloc::{string::String, vec};
use pallet_community_bounty::{
	Denomination, Eligibility, Metric, Milestone, Payout, ProgramSpec, RewardPool, Split,
};
use sp_runtime::traits::Hash as _;

/// The proposal's full text, as its lead published it on the forum. The chain stores only its
/// hash ([`ProgramSpec::description`]): anyone holding the text can check it is the one the
/// council voted on.
pub const PROPOSAL_TEXT: &str = include_str!("../seed/phala-treasury-proposal-14.txt");

/// The hash of [`PROPOSAL_TEXT`], as the spec names it.
pub fn description_hash() -> crate::Hash {
	<crate::Runtime as frame_system::Config>::Hashing::hash(PROPOSAL_TEXT.as_bytes())
}

/// A bounded text from a string (empty if too long, which the spec's validation refuses).
fn text<S: frame_support::traits::Get<u32>>(s: &str) -> frame_support::BoundedVec<u8, S> {
	s.as_bytes().to_vec().try_into().unwrap_or_default()
}

/// Proposal #14: milestone 1 "40+ active ambassadors" (80,000 PHA, counted from the members' own
/// monthly reports: [`Metric::ActiveMembers`]), milestone 2 "50,000 community users" (20,000
/// PHA); a $2,000/month pool for Senior Ambassadors, shared by the monthly round's scores
/// (Phala's rule: nothing below 40%, then in proportion to the score), and a direct one for
/// contributors (at most $1,000 each a month); at most 10 seniors, each leading a crew of at
/// least 2; 180 days.
pub fn proposal_14() -> ProgramSpec<Runtime> {
	ProgramSpec {
		title: text("Phala community bounty - April 2022 (treasury proposal #14)"),
		description: description_hash(),
		asset: Denomination::Native,
		budget: 100_000 * UNITS,
		milestones: vec![
			Milestone { metric: Metric::ActiveMembers, target: 40, tranche: 80_000 * UNITS },
			Milestone { metric: Metric::CommunitySize, target: 50_000, tranche: 20_000 * UNITS },
		]
		.try_into()
		.unwrap_or_default(),
		pools: vec![
			RewardPool {
				eligibility: Eligibility::SeniorAmbassadors,
				denomination: Denomination::Asset(USD_ASSET),
				period_cap: 2_000 * USD,
				member_cap: None,
				payout: Payout::Scored { threshold: 40, split: Split::Proportional },
			},
			RewardPool {
				eligibility: Eligibility::Contributors,
				denomination: Denomination::Asset(USD_ASSET),
				period_cap: 2_000 * USD,
				member_cap: Some(1_000 * USD),
				payout: Payout::Direct,
			},
		]
		.try_into()
		.unwrap_or_default(),
		duration: 180 * DAYS,
		activity_threshold: 40,
		max_seniors: Some(10),
		min_crew: 2,
		panel: None,
	}
}

/// The lead, Rhee, signs with this development key's name.
pub const LEAD: &str = "Ferdie";

/// The lead's name, as the development presets set it in on-chain identity.
pub const LEAD_NAME: &str = "Rhee";

/// The council of the development preset; a motion needs 3 of the 5.
pub const COUNCIL: [&str; 5] = ["Alice", "Bob", "Charlie", "Dave", "Eve"];

/// The development key URI of a person of the seed: `//` and their name without spaces.
pub fn dev_uri(name: &str) -> String {
	let mut uri = String::from("//");
	uri.extend(name.chars().filter(|c| *c != ' '));
	uri
}

/// The account of the development key `uri` (e.g. `//Cappex`), as a wallet derives it.
pub fn dev_account(uri: &str) -> Option<crate::AccountId> {
	use sp_core::Pair as _;
	sp_core::sr25519::Pair::from_string(uri, None).ok().map(|pair| pair.public().into())
}

/// Every named person of the seed, as `(display name, development key URI)`: the council, the
/// lead ([`LEAD_NAME`], who signs as [`LEAD`]), the roster ([`CAST`]) and the contributors. The
/// development presets set these names in on-chain identity.
pub fn people() -> impl Iterator<Item = (&'static str, String)> {
	COUNCIL
		.iter()
		.map(|name| (*name, dev_uri(name)))
		.chain(core::iter::once((LEAD_NAME, dev_uri(LEAD))))
		.chain(CAST.iter().map(|member| (member.name, dev_uri(member.name))))
		.chain(CONTRIBUTORS.iter().map(|(name, _)| (*name, dev_uri(name))))
}

/// A person on the seed's roster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
	/// Their name (from the milestone 1 report), which also names their key ([`dev_uri`]).
	pub name: &'static str,
	/// The community they run or serve.
	pub region: &'static str,
	/// The Senior Ambassador whose crew they are in; `None` for a Senior Ambassador.
	pub senior: Option<&'static str>,
	/// The lead's score of each of their monthly reports, out of 100.
	pub score: u8,
	/// The month (from 0) in which the lead adds them to the roster.
	pub joins: u32,
}

impl Member {
	/// Whether they join as a Senior Ambassador.
	pub fn is_senior(&self) -> bool {
		self.senior.is_none()
	}
}

const fn senior(name: &'static str, region: &'static str, score: u8) -> Member {
	Member { name, region, senior: None, score, joins: 0 }
}

const fn crew(name: &'static str, region: &'static str, senior: &'static str, score: u8) -> Member {
	Member { name, region, senior: Some(senior), score, joins: 0 }
}

const fn joining(
	name: &'static str,
	region: &'static str,
	senior: &'static str,
	score: u8,
) -> Member {
	Member { name, region, senior: Some(senior), score, joins: 1 }
}

/// The roster, in the order the lead enters it: one Senior Ambassador per region (MC scores
/// under the 40% threshold), their crews, and two ambassadors who join in month 2 (Minji gives
/// Kyle's crew the 2 members the spec requires).
pub const CAST: [Member; 34] = [
	senior("Cappex", "English", 95),
	senior("Alexandre Baciu", "French", 85),
	senior("MC (overmarck)", "Italian", 35),
	senior("Salih Iyigul", "German", 80),
	senior("Kyle", "Korean", 90),
	senior("Wuti", "Chinese", 100),
	crew("Jaime Flores", "English/Spanish", "Cappex", 67),
	crew("Hoang Nguyen", "English/Spanish", "Cappex", 85),
	crew("Sirash S S", "English/Spanish", "Cappex", 58),
	crew("Amir", "Persian", "Cappex", 83),
	crew("Bengali moderator", "Bengali", "Cappex", 65),
	crew("Bengali translator", "Bengali", "Cappex", 70),
	crew("Vietnamese moderator", "Vietnamese", "Cappex", 56),
	crew("Vietnamese translator", "Vietnamese", "Cappex", 61),
	crew("Kbconsulting45", "French", "Alexandre Baciu", 62),
	crew("Tioneb44", "French", "Alexandre Baciu", 83),
	crew("Redofre", "French", "Alexandre Baciu", 81),
	crew("zaketac", "Italian", "MC (overmarck)", 69),
	crew("Darknight", "Italian", "MC (overmarck)", 54),
	crew("pigro85", "Italian", "MC (overmarck)", 64),
	crew("GatorKorps", "German", "Salih Iyigul", 86),
	crew("Serhat", "German", "Salih Iyigul", 65),
	crew("Marco (Sequaja)", "German", "Salih Iyigul", 55),
	crew("Sonji", "Korean", "Kyle", 85),
	crew("LSVT", "Chinese", "Wuti", 59),
	crew("Newsletter", "Chinese", "Wuti", 79),
	crew("Dishi", "Chinese", "Wuti", 67),
	crew("Zhangyang", "Chinese", "Wuti", 65),
	crew("Biezuo meng", "Chinese", "Wuti", 87),
	crew("Sanqi", "Chinese", "Wuti", 78),
	crew("Sure", "Chinese", "Wuti", 65),
	crew("Wuzhe", "Chinese", "Wuti", 61),
	joining("Minji", "Korean", "Kyle", 73),
	joining("Bengali event host", "Bengali", "Cappex", 76),
];

/// The members on the roster in month `month` (from 0).
pub fn members(month: u32) -> impl Iterator<Item = &'static Member> {
	CAST.iter().filter(move |member| member.joins <= month)
}

/// The lead's score of `name`'s monthly report (0 for someone not on the roster).
pub fn score(name: &str) -> u8 {
	CAST.iter().find(|member| member.name == name).map_or(0, |member| member.score)
}

/// The ambassador the lead promotes to Senior Ambassador in month 2 ("few selected ambassadors
/// will be promoted to the next batch of Senior Group").
pub const PROMOTED: &str = "Jaime Flores";

/// The member whose report comes after the 5th, and is refused, every month.
pub const LATE: &str = "Sure";

/// Contributors paid from the direct contributors' pool, and what for.
pub const CONTRIBUTORS: [(&str, &str); 4] = [
	("phala_stat_bot builder", "Telegram bot for solo-miners and delegators"),
	("l00k#1990", "Discord bot for solo-miners and delegators"),
	("mining tutorial author", "Solo-mining setup tutorial (video)"),
	("Fat Contract educator", "Fat Contract workshop materials"),
];

/// What the lead awards a contributor for a month's work, in USD.
pub const CONTRIBUTOR_AWARD: Balance = 750 * USD;

/// A program pays in one asset. To pay the contributors in USDT, the lead runs them as a program
/// of their own (the demo's program #1), beside proposal #14 in PHA: 4,000 USDT for two months
/// (one tranche, on the community-size milestone), a direct pool of 2,000 USDT a month (at most
/// 1,000 each) and a scored pool of tips, 1 USDT a month shared by the scores of claims. Its caps
/// are in USDT, the asset it pays: no rate converts them.
pub fn contributors_in_usdt() -> ProgramSpec<Runtime> {
	let usdt = Denomination::Asset(crate::configs::USDT);
	let unit = crate::genesis_config_presets::USDT_UNIT;
	ProgramSpec {
		title: text("Phala contributors, paid in USDT"),
		description: <Runtime as frame_system::Config>::Hashing::hash(
			b"Phala contributors, paid in USDT: proposal #14's contributor rewards, in USDT.",
		),
		asset: usdt.clone(),
		budget: 4_000 * unit,
		milestones: vec![Milestone {
			metric: Metric::CommunitySize,
			target: 50_000,
			tranche: 4_000 * unit,
		}]
		.try_into()
		.unwrap_or_default(),
		pools: vec![
			RewardPool {
				eligibility: Eligibility::Contributors,
				denomination: usdt.clone(),
				period_cap: 2_000 * unit,
				member_cap: Some(1_000 * unit),
				payout: Payout::Direct,
			},
			RewardPool {
				eligibility: Eligibility::Contributors,
				denomination: usdt,
				period_cap: unit,
				member_cap: None,
				payout: Payout::Scored { threshold: 0, split: Split::Proportional },
			},
		]
		.try_into()
		.unwrap_or_default(),
		duration: 60 * DAYS,
		activity_threshold: 40,
		max_seniors: None,
		min_crew: 0,
		panel: None,
	}
}

/// The scored pool of the Senior Ambassadors, and the direct pool of the contributors.
pub const SENIOR_POOL: u32 = 0;
/// See [`SENIOR_POOL`].
pub const CONTRIBUTOR_POOL: u32 = 1;
