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

//! The scoring panel and the members' proposed scores, on the mock runtime: who may sit on a
//! panel, the median at and below the quorum, a reviewer's own entry, and how proposals and
//! reviews follow their entries when a claim is marked as spam and when a program goes.

use super::{
	rounds::{active, claim, file, round_spec, settle_all, P0_FINAL, P1},
	*,
};
use crate::{mock::*, Error, Event, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

const ALICE_REVIEWER: AccountId = 500;
const BOB_REVIEWER: AccountId = 501;
const CAROL_REVIEWER: AccountId = 502;

fn panel(reviewers: &[AccountId], quorum: u32) -> Panel<Test> {
	Panel { reviewers: reviewers.to_vec().try_into().unwrap(), quorum }
}

/// [`round_spec`] scored by a panel of three reviewers, two of whom make a quorum.
fn panel_spec() -> ProgramSpec<Test> {
	let mut spec = round_spec();
	spec.panel = Some(panel(&[ALICE_REVIEWER, BOB_REVIEWER, CAROL_REVIEWER], 2));
	spec
}

/// An active program of [`panel_spec`] with `seniors` Senior Ambassadors.
fn panel_program(seniors: u32) -> ProgramIndex {
	let index = active(panel_spec());
	fill_roster(index, seniors, 0);
	index
}

fn review(
	reviewer: AccountId,
	index: ProgramIndex,
	scores: &[(AccountId, Score)],
) -> DispatchResult {
	CB::review_round(signed(reviewer), index, 0, scores.to_vec().try_into().unwrap())
}

fn score_of(index: ProgramIndex, who: AccountId) -> Option<Score> {
	CB::round_entry(index, 0, &who).and_then(|(_, filer)| filer.score)
}

fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

#[test]
fn a_panel_named_in_the_spec_is_stored_with_the_program_and_bonded_by_its_bytes() {
	ExtBuilder::default().build_and_execute(|| {
		let spec = panel_spec();
		let bond = bond_for(spec.clone());
		assert!(bond > bond_for(round_spec()), "the panel's bytes are bonded too");
		let index = propose(spec.clone());
		assert_eq!(Panels::<Test>::get(index), spec.panel);
		assert_eq!(bond_held(LEAD), bond);
		let view = CB::page(index).expect("the page").program;
		let shown = view.panel.expect("the panel is shown");
		assert_eq!(shown.reviewers, vec![ALICE_REVIEWER, BOB_REVIEWER, CAROL_REVIEWER]);
		assert_eq!(shown.quorum, 2);
		// Rejected: the panel goes with the program.
		assert_ok!(CB::reject_program(signed(REJECTER), index));
		assert!(!Panels::<Test>::contains_key(index));
	});
}

#[test]
fn a_panel_needs_distinct_reviewers_none_reserved_and_a_quorum_it_can_reach() {
	ExtBuilder::default().build_and_execute(|| {
		let with = |p: Panel<Test>| {
			let mut spec = round_spec();
			spec.panel = Some(p);
			Box::new(spec)
		};
		let propose = |p| CB::propose_program(signed(LEAD), with(p));
		assert_noop!(propose(panel(&[], 0)), Error::<Test>::InvalidPanel);
		assert_noop!(propose(panel(&[ALICE_REVIEWER], 0)), Error::<Test>::InvalidPanel);
		assert_noop!(
			propose(panel(&[ALICE_REVIEWER, BOB_REVIEWER], 3)),
			Error::<Test>::InvalidPanel
		);
		assert_noop!(
			propose(panel(&[ALICE_REVIEWER, BOB_REVIEWER, ALICE_REVIEWER], 2)),
			Error::<Test>::DuplicateReviewer
		);
		assert_noop!(
			propose(panel(&[ALICE_REVIEWER, TREASURY], 1)),
			Error::<Test>::ReservedAccount
		);
		// The account the program would get.
		let next = ProgramCount::<Test>::get();
		assert_noop!(
			propose(panel(&[CB::program_account(next), ALICE_REVIEWER], 1)),
			Error::<Test>::ReservedAccount
		);
		// The lead may sit on its panel.
		assert_ok!(propose(panel(&[LEAD, ALICE_REVIEWER, BOB_REVIEWER], 2)));
	});
}

#[test]
fn a_reviewer_cannot_join_the_roster() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(0);
		assert_noop!(
			CB::add_member(
				signed(LEAD),
				index,
				BOB_REVIEWER,
				Role::SeniorAmbassador,
				bytes("English"),
				None
			),
			Error::<Test>::ReviewerCannotJoin
		);
	});
}

#[test]
fn with_a_panel_the_reviewers_score_and_the_lead_alone_does_not() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(2);
		assert_ok!(file(index, 0, senior(0)));
		assert_noop!(
			CB::score_round(signed(LEAD), index, 0, vec![(senior(0), 90)].try_into().unwrap()),
			Error::<Test>::PanelScores
		);
		assert_noop!(review(STRANGER, index, &[(senior(0), 90)]), Error::<Test>::NotReviewer);
		assert_noop!(review(LEAD, index, &[(senior(0), 90)]), Error::<Test>::NotReviewer);
		assert_noop!(
			review(ALICE_REVIEWER, index, &[(senior(0), 101)]),
			Error::<Test>::InvalidScore
		);
		assert_noop!(review(ALICE_REVIEWER, index, &[(senior(1), 50)]), Error::<Test>::NotFiled);
		assert_noop!(review(ALICE_REVIEWER, index, &[]), Error::<Test>::NoScores);
		// A program without a panel has none to review.
		let plain = active(round_spec());
		fill_roster(plain, 1, 0);
		assert_noop!(review(ALICE_REVIEWER, plain, &[(senior(0), 90)]), Error::<Test>::NoPanel);
	});
}

#[test]
fn an_entry_scores_the_median_of_its_reviews_once_the_quorum_scored_it() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(2);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(file(index, 0, senior(1)));
		// One review of a quorum of two: no score yet.
		assert_ok!(review(ALICE_REVIEWER, index, &[(senior(0), 40), (senior(1), 60)]));
		assert_eq!(score_of(index, senior(0)), None);
		assert!(events().contains(&Event::Reviewed {
			index,
			period: 0,
			reviewer: ALICE_REVIEWER,
			who: senior(0),
			score: 40,
			median: None,
		}));
		// Two: the mean of the two, rounded down.
		assert_ok!(review(BOB_REVIEWER, index, &[(senior(0), 51), (senior(1), 60)]));
		assert_eq!(score_of(index, senior(0)), Some(45));
		assert_eq!(score_of(index, senior(1)), Some(60));
		// A friend's 100 moves the median only to the middle score.
		assert_ok!(review(CAROL_REVIEWER, index, &[(senior(0), 100)]));
		assert_eq!(score_of(index, senior(0)), Some(51));
		// A reviewer revises its score: it replaces its last, never counts twice.
		assert_ok!(review(ALICE_REVIEWER, index, &[(senior(0), 90)]));
		assert_eq!(score_of(index, senior(0)), Some(90));
		let view = CB::view_round(index, 0).expect("the round");
		assert_eq!(view.quorum, Some(2));
		let entry = view.entries.iter().find(|e| e.who == senior(0)).expect("its entry");
		assert_eq!(
			entry.reviews,
			vec![(ALICE_REVIEWER, 90), (BOB_REVIEWER, 51), (CAROL_REVIEWER, 100)]
		);
		assert_eq!(entry.score, Some(90));
	});
}

#[test]
fn below_the_quorum_an_entry_pays_nothing_and_no_token_is_made() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(2);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(file(index, 0, senior(1)));
		assert_ok!(review(ALICE_REVIEWER, index, &[(senior(0), 80), (senior(1), 80)]));
		assert_ok!(review(BOB_REVIEWER, index, &[(senior(0), 80)]));
		go_to(P0_FINAL);
		// Scoring is over once the round is final.
		assert_noop!(review(BOB_REVIEWER, index, &[(senior(1), 80)]), Error::<Test>::RoundFinal);
		let view = CB::view_round(index, 0).expect("the round");
		let below = view.entries.iter().find(|e| e.who == senior(1)).expect("its entry");
		assert_eq!((below.score, below.reviews.len(), below.payment), (None, 1, None));
		let (issued, program_before) = (issuance(), free(account(index)));
		events();
		settle_all(index, 0);
		let paid = rounds_awarded(&events());
		assert_eq!(paid.len(), 1, "only the entry at quorum is paid");
		assert_eq!(paid[0].0, senior(0));
		assert_eq!(free(account(index)), program_before - paid[0].2);
		assert_eq!(issuance(), issued);
		// The round and its assessments are gone.
		assert!(!Assessments::<Test>::contains_key(index, 0));
	});
}

fn rounds_awarded(events: &[Event<Test>]) -> Vec<(AccountId, Balance, Balance)> {
	super::rounds::awarded(events)
}

#[test]
fn a_reviewer_never_scores_its_own_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(1);
		set_free(CAROL_REVIEWER, 10 * PHA);
		assert_ok!(claim(index, 0, CAROL_REVIEWER));
		assert_noop!(
			review(CAROL_REVIEWER, index, &[(CAROL_REVIEWER, 100)]),
			Error::<Test>::OwnEntry
		);
		// The others may.
		assert_ok!(review(ALICE_REVIEWER, index, &[(CAROL_REVIEWER, 50)]));
	});
}

#[test]
fn a_report_carries_the_score_its_member_proposes() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(3);
		let evidence = || bytes("https://github.com/x/issues/1");
		assert_noop!(
			CB::file_report(signed(senior(0)), index, 0, evidence(), Some(101)),
			Error::<Test>::InvalidScore
		);
		assert_ok!(CB::file_report(signed(senior(0)), index, 0, evidence(), Some(80)));
		assert_ok!(CB::file_report(signed(senior(1)), index, 0, evidence(), None));
		assert!(events().contains(&Event::Filed {
			index,
			period: 0,
			who: senior(0),
			pool: None,
			deposit: 0,
			evidence: evidence(),
			proposed: Some(80),
		}));
		// Only what holds something is stored.
		assert_eq!(Assessments::<Test>::get(index, 0).map(|a| a.len()), Some(1));
		assert_ok!(CB::file_report(signed(senior(2)), index, 0, evidence(), Some(30)));
		let view = CB::view_round(index, 0).expect("the round");
		let proposed: Vec<_> = view.entries.iter().map(|e| (e.who, e.proposed)).collect();
		assert_eq!(proposed, vec![(senior(0), Some(80)), (senior(1), None), (senior(2), Some(30))]);
	});
}

#[test]
fn a_claim_marked_as_spam_takes_its_assessment_with_it() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(2);
		set_free(STRANGER, 10 * PHA);
		assert_ok!(claim(index, 0, STRANGER));
		assert_ok!(CB::file_report(signed(senior(0)), index, 0, bytes("a"), Some(70)));
		assert_ok!(CB::file_report(signed(senior(1)), index, 0, bytes("b"), Some(90)));
		assert_ok!(review(ALICE_REVIEWER, index, &[(STRANGER, 10), (senior(1), 85)]));
		assert_ok!(CB::mark_spam(signed(LEAD), index, 0, STRANGER));
		// The last entry took the claim's place, with its proposal and its review.
		let view = CB::view_round(index, 0).expect("the round");
		let entries: Vec<_> =
			view.entries.iter().map(|e| (e.who, e.proposed, e.reviews.clone())).collect();
		assert_eq!(
			entries,
			vec![(senior(1), Some(90), vec![(ALICE_REVIEWER, 85)]), (senior(0), Some(70), vec![])]
		);
	});
}

#[test]
fn a_cancelled_program_leaves_no_panel_nor_assessment() {
	ExtBuilder::default().build_and_execute(|| {
		let index = panel_program(2);
		assert_ok!(CB::file_report(signed(senior(0)), index, 0, bytes("a"), Some(70)));
		assert_ok!(review(ALICE_REVIEWER, index, &[(senior(0), 60)]));
		go_to(P1);
		assert_ok!(CB::cancel_program(council(), index));
		clear_all(index);
		assert!(!Panels::<Test>::contains_key(index));
		assert!(!Assessments::<Test>::contains_key(index, 0));
		assert!(!Rounds::<Test>::contains_key(index, 0));
		assert_eq!(Balances::balance_on_hold(&HoldReason::ClaimDeposit.into(), &STRANGER), 0);
	});
}

#[test]
fn the_median_takes_the_middle_score_or_the_mean_of_the_two_middle_ones() {
	let with = |scores: &[Score]| Assessment::<Test> {
		proposed: None,
		reviews: scores
			.iter()
			.enumerate()
			.map(|(r, s)| (r as ReviewerIndex, *s))
			.collect::<Vec<_>>()
			.try_into()
			.unwrap(),
		appeal: None,
		struck: false,
	};
	assert_eq!(with(&[]).median(1), None);
	assert_eq!(with(&[70]).median(1), Some(70));
	assert_eq!(with(&[70]).median(2), None);
	assert_eq!(with(&[100, 0, 50]).median(3), Some(50));
	assert_eq!(with(&[100, 0, 51, 50]).median(2), Some(50));
	assert_eq!(with(&[100, 100, 99, 100, 0]).median(5), Some(100));
	assert_eq!(with(&[0, 1]).median(2), Some(0));
}
