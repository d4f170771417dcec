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

//! A round scored by a panel on the demo runtime, block by block with storage committed between
//! blocks: the council approves proposal #14 with a panel of three (the lead, Dave and Charlie,
//! two of whom make a quorum) by motion; members file with the score they propose; the lead
//! alone cannot score; Dave scores his friend 100 and the median holds; an entry only one
//! reviewer scored pays nothing; anyone settles and no token is made or lost.

mod common;
use common::*;
use community_bounty_runtime::{FilingGrace, PayoutPeriod, ScoringWindow};
use pallet_community_bounty::{Error, Event, Panel, Panels, Score};

/// Proposal #14 scored by a panel: the lead, Dave and Charlie; a quorum of two.
fn panel_spec() -> ProgramSpec<Runtime> {
	let mut spec = seed_spec();
	spec.panel = Some(Panel {
		reviewers: vec![lead(), id(Dave), id(Charlie)].try_into().unwrap(),
		quorum: 2,
	});
	spec
}

fn review(reviewer: &AccountId, scores: &[(AccountId, Score)]) -> Result<(), DispatchError> {
	CommunityBounty::review_round(signed(reviewer), 0, 0, scores.to_vec().try_into().unwrap())
}

#[test]
fn a_panel_s_median_pays_and_one_reviewer_s_friend_gets_no_more() {
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, panel_spec());
	chain.block(|| {
		assert_eq!(Panels::<Runtime>::get(0), panel_spec().panel);
		// Three seniors, each leading the seed's minimum crew of two.
		for s in 0..3 {
			add(&senior(s), None);
		}
		for a in 0..6 {
			add(&ambassador(a), Some(&senior(a % 3)));
		}
		// A reviewer is never on the roster.
		assert_noop!(
			CommunityBounty::add_member(
				signed(&lead()),
				0,
				MultiAddress::Id(id(Dave)),
				Role::Ambassador,
				bounded("English"),
				Some(MultiAddress::Id(senior(0)))
			),
			Error::<Runtime>::ReviewerCannotJoin
		);
	});
	// Each senior files its report with the score it proposes.
	chain.block(|| {
		for (s, proposed) in [(0, 90u8), (1, 70), (2, 80)] {
			assert_ok!(CommunityBounty::file_report(
				signed(&senior(s)),
				0,
				0,
				bounded("https://github.com/Phala-Network/growth-program/issues/7"),
				Some(proposed)
			));
		}
	});
	chain.block(|| {
		// The lead alone does not score a panel's round.
		assert_noop!(
			CommunityBounty::score_round(
				signed(&lead()),
				0,
				0,
				vec![(senior(0), 100)].try_into().unwrap()
			),
			Error::<Runtime>::PanelScores
		);
		assert_ok!(review(&lead(), &[(senior(0), 60), (senior(1), 50), (senior(2), 80)]));
		assert_ok!(review(&id(Dave), &[(senior(0), 100), (senior(1), 50)]));
		assert_noop!(review(&id(Eve), &[(senior(0), 100)]), Error::<Runtime>::NotReviewer);
	});
	chain.block(|| {
		assert_ok!(review(&id(Charlie), &[(senior(0), 55), (senior(1), 50)]));
		assert!(cb_events().contains(&Event::Reviewed {
			index: 0,
			period: 0,
			reviewer: id(Charlie),
			who: senior(0),
			score: 55,
			median: Some(60),
		}));
	});
	// The page shows each proposal beside the reviews and the median.
	let scoring_over =
		approved_at + PayoutPeriod::get() + FilingGrace::get() + ScoringWindow::get();
	chain.block_at(Some(scoring_over), || {
		// The council confirms its rate, so that the page shows what each entry would be paid.
		confirm_rate();
		let page = CommunityBounty::page(0).expect("the page");
		let round = page.rounds.iter().find(|r| r.period == 0).expect("round 0");
		assert_eq!(round.quorum, Some(2));
		let shown: Vec<_> = round
			.entries
			.iter()
			.map(|e| (e.who.clone(), e.proposed, e.reviews.len(), e.score, e.payment.is_some()))
			.collect();
		assert_eq!(
			shown,
			vec![
				(senior(0), Some(90), 3, Some(60), true),
				(senior(1), Some(70), 3, Some(50), true),
				(senior(2), Some(80), 1, None, false),
			]
		);
		assert_eq!(
			page.program.panel.map(|p| p.reviewers),
			Some(vec![lead(), id(Dave), id(Charlie)])
		);
		// Final: no reviewer scores any more.
		assert_noop!(review(&id(Dave), &[(senior(2), 100)]), Error::<Runtime>::RoundFinal);
	});
	let issuance = chain.block(Balances::total_issuance);
	let program = CommunityBounty::program_account(0);
	let (before, program_before) =
		chain.block(|| ((0..3).map(|s| free(&senior(s))).collect::<Vec<_>>(), free(&program)));
	let paid = settle_all(&mut chain, 0);
	// $2,000 shared 60 : 50 at 2.5 PHA per USD; the entry below the quorum gets nothing.
	let share = |score: u128| 2_000 * USD * score / 110 * 5 / 2;
	assert_eq!(paid, vec![(senior(0), share(60)), (senior(1), share(50))]);
	chain.block(|| {
		assert_eq!(free(&senior(0)), before[0] + share(60));
		assert_eq!(free(&senior(1)), before[1] + share(50));
		assert_eq!(free(&senior(2)), before[2]);
		assert_eq!(free(&program), program_before - share(60) - share(50));
		assert_eq!(Balances::total_issuance(), issuance);
		// ActiveMembers counts the medians: two at or above 40, the third had none.
		assert_eq!(api_program(0).unwrap().active_members, 2);
		assert!(pallet_community_bounty::Assessments::<Runtime>::iter().next().is_none());
	});
}
