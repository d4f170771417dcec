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

//! Khala treasury proposal #14 (April 2022, 100,000 PHA) as a `ProgramSpec` of this runtime:
//! the seed scenario that the demo, the integration tests and the client test propose.

use crate::{Runtime, DAYS, UNITS, USD, USD_ASSET};
use alloc::vec;
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
	}
}
