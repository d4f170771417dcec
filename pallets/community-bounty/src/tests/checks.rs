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

//! The checks on a final round before money moves, on the mock runtime: appeals (in their
//! window, below the proposal, upheld, dismissed or lapsed, their deposits on every path, a
//! cancel or a close included), the council's strike and veto in the veto window, settlement
//! waiting for both windows, and `ActiveMembers` without struck reports or vetoed rounds.
//!
//! The mock's windows are 0 unless a test sets them: here an appeal window of 20 blocks and a
//! veto window of 10, so that period 0's round (final by itself at block 136) takes appeals
//! until 156 and settles from 166.

use super::{
	rounds::{claim, round_with, settle_all, P0_FILING_OVER, P0_FINAL, P1},
	*,
};
use crate::{mock::*, Error, Event, *};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

const APPEALS_UNTIL: u64 = P0_FINAL + 20;
const SETTLES_FROM: u64 = APPEALS_UNTIL + 10;

fn windows() {
	AppealWindow::set(20);
	VetoWindow::set(10);
}

fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

fn appeal_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::AppealDeposit.into(), &who)
}

/// Two seniors of a lead-scored round: senior 0 proposes 80 and is scored 60, senior 1
/// proposes 50 and is scored 70.
fn scored_round() -> ProgramIndex {
	windows();
	let index = round_with(2, 0);
	for (s, proposed) in [(0, 80), (1, 50)] {
		set_free(senior(s), 10 * PHA);
		assert_ok!(CB::file_report(signed(senior(s)), index, 0, bytes("r"), Some(proposed)));
	}
	assert_ok!(CB::score_round(
		signed(LEAD),
		index,
		0,
		vec![(senior(0), 60), (senior(1), 70)].try_into().unwrap()
	));
	index
}

#[test]
fn a_member_appeals_a_score_below_its_proposal_once_in_the_window() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		assert_noop!(CB::appeal(signed(senior(0)), index, 0), Error::<Test>::RoundNotFinal);
		go_to(P0_FINAL);
		assert_noop!(CB::appeal(signed(senior(1)), index, 0), Error::<Test>::NothingToAppeal);
		assert_noop!(CB::appeal(signed(STRANGER), index, 0), Error::<Test>::NotFiled);
		let free_before = free(senior(0));
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		assert_eq!(appeal_held(senior(0)), APPEAL_DEPOSIT);
		assert_eq!(free(senior(0)), free_before - APPEAL_DEPOSIT);
		assert!(events().contains(&Event::Appealed {
			index,
			period: 0,
			who: senior(0),
			score: Some(60),
			proposed: 80,
			deposit: APPEAL_DEPOSIT,
		}));
		assert_noop!(CB::appeal(signed(senior(0)), index, 0), Error::<Test>::AlreadyAppealed);
		go_to(APPEALS_UNTIL);
		assert_noop!(
			CB::uphold_appeal(council(), index, 0, senior(0), 80),
			Error::<Test>::AppealWindowClosed
		);
	});
}

#[test]
fn an_upheld_appeal_sets_the_score_and_returns_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		go_to(P0_FINAL);
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		assert_noop!(
			CB::uphold_appeal(signed(STRANGER), index, 0, senior(0), 80),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			CB::uphold_appeal(council(), index, 0, senior(0), 101),
			Error::<Test>::InvalidScore
		);
		assert_ok!(CB::uphold_appeal(council(), index, 0, senior(0), 80));
		assert_eq!(appeal_held(senior(0)), 0);
		assert_eq!(CB::round_entry(index, 0, &senior(0)).and_then(|(_, f)| f.score), Some(80));
		assert_noop!(
			CB::dismiss_appeal(signed(REJECTER), index, 0, senior(0)),
			Error::<Test>::NoOpenAppeal
		);
	});
}

#[test]
fn a_dismissed_appeal_sends_its_deposit_to_the_treasury_and_no_token_is_made() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		go_to(P0_FINAL);
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		let (issued, treasury) = (issuance(), free(TREASURY));
		assert_ok!(CB::dismiss_appeal(signed(REJECTER), index, 0, senior(0)));
		assert_eq!(appeal_held(senior(0)), 0);
		assert_eq!(free(TREASURY), treasury + APPEAL_DEPOSIT);
		assert_eq!(issuance(), issued);
		assert_eq!(CB::round_entry(index, 0, &senior(0)).and_then(|(_, f)| f.score), Some(60));
	});
}

#[test]
fn settlement_waits_for_both_windows_and_every_appeal() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		go_to(P0_FINAL);
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::AppealsOpen);
		// Undecided by the appeal deadline: anyone lapses it, its deposit returned.
		assert_noop!(
			CB::lapse_appeal(signed(STRANGER), index, 0, senior(0)),
			Error::<Test>::AppealWindowOpen
		);
		go_to(APPEALS_UNTIL);
		assert_ok!(CB::lapse_appeal(signed(STRANGER), index, 0, senior(0)));
		assert_eq!(appeal_held(senior(0)), 0);
		assert!(events().contains(&Event::AppealLapsed {
			index,
			period: 0,
			who: senior(0),
			returned: APPEAL_DEPOSIT,
		}));
		// The veto window.
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::VetoWindowOpen);
		go_to(SETTLES_FROM);
		assert_noop!(
			CB::veto_round(signed(REJECTER), index, 0, bytes("late")),
			Error::<Test>::VetoWindowClosed
		);
		settle_all(index, 0);
		assert!(!RoundChecks::<Test>::contains_key(index, 0));
	});
}

#[test]
fn a_round_the_lead_finalizes_early_opens_its_windows_then() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		go_to(P0_FILING_OVER);
		assert_ok!(CB::finalize_round(signed(LEAD), index, 0));
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		go_to(P0_FILING_OVER + 20);
		assert_ok!(CB::lapse_appeal(signed(STRANGER), index, 0, senior(0)));
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::VetoWindowOpen);
		go_to(P0_FILING_OVER + 30);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
	});
}

#[test]
fn a_vetoed_round_pays_nothing_and_returns_its_claims_deposits() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		set_free(STRANGER, 10 * PHA);
		assert_ok!(claim(index, 0, STRANGER));
		go_to(P0_FINAL);
		assert_noop!(
			CB::veto_round(signed(STRANGER), index, 0, bytes("gamed")),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(CB::veto_round(signed(REJECTER), index, 0, bytes("scores gamed")));
		assert!(events().contains(&Event::RoundVetoed {
			index,
			period: 0,
			reason: bytes("scores gamed"),
		}));
		assert_noop!(
			CB::veto_round(signed(REJECTER), index, 0, bytes("again")),
			Error::<Test>::AlreadyVetoed
		);
		go_to(SETTLES_FROM);
		let (issued, held) = (issuance(), free(account(index)));
		events();
		settle_all(index, 0);
		assert!(super::rounds::awarded(&events()).is_empty(), "nothing is paid");
		assert_eq!(free(account(index)), held);
		assert_eq!(issuance(), issued);
		assert_eq!(Balances::balance_on_hold(&HoldReason::ClaimDeposit.into(), &STRANGER), 0);
		assert_eq!(program(index).committed, 0);
	});
}

#[test]
fn a_struck_entry_pays_nothing_and_its_share_stays_in_the_program() {
	ExtBuilder::default().build_and_execute(|| {
		windows();
		let index = round_with(2, 0);
		for s in 0..2 {
			assert_ok!(CB::file_report(signed(senior(s)), index, 0, bytes("r"), None));
		}
		assert_ok!(CB::score_round(
			signed(LEAD),
			index,
			0,
			vec![(senior(0), 100), (senior(1), 100)].try_into().unwrap()
		));
		go_to(APPEALS_UNTIL);
		assert_ok!(CB::strike_entry(signed(REJECTER), index, 0, senior(1), bytes("copied")));
		assert_noop!(
			CB::strike_entry(signed(REJECTER), index, 0, senior(1), bytes("copied")),
			Error::<Test>::AlreadyStruck
		);
		go_to(SETTLES_FROM);
		let held = free(account(index));
		events();
		settle_all(index, 0);
		let paid = super::rounds::awarded(&events());
		// Senior 0 gets its half of the cap, as if senior 1 were paid; senior 1 gets nothing.
		assert_eq!(paid, vec![(senior(0), SENIOR_CAP / 2, usd_to_pha(SENIOR_CAP / 2))]);
		assert_eq!(free(account(index)), held - usd_to_pha(SENIOR_CAP / 2));
	});
}

#[test]
fn a_cancelled_program_returns_the_deposits_of_open_appeals() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		go_to(P0_FINAL);
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		let issued = issuance();
		assert_ok!(CB::cancel_program(council(), index));
		clear_all(index);
		assert_eq!(appeal_held(senior(0)), 0);
		assert!(!RoundChecks::<Test>::contains_key(index, 0));
		assert_eq!(issuance(), issued);
	});
}

#[test]
fn before_a_round_is_final_there_is_nothing_to_strike_or_veto() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		go_to(P1);
		assert_noop!(
			CB::veto_round(signed(REJECTER), index, 0, bytes("early")),
			Error::<Test>::RoundNotFinal
		);
		assert_noop!(
			CB::strike_entry(signed(REJECTER), index, 0, senior(0), bytes("early")),
			Error::<Test>::RoundNotFinal
		);
	});
}

// ---------------------------------------------------------------------------------------------
// `ActiveMembers` under the council's checks: a struck report does not count, a vetoed round
// counts no one, an upheld appeal's score counts like any score.
// ---------------------------------------------------------------------------------------------

/// A program of the round spec whose milestone 1 counts the active members, with two seniors
/// (no crew) who both filed for period 0, each proposing 80, scored `scores`.
fn active_members_round(scores: [u8; 2]) -> ProgramIndex {
	windows();
	let mut spec = super::rounds::round_spec();
	spec.milestones[0].metric = Metric::ActiveMembers;
	let index = super::rounds::active(spec);
	fill_roster(index, 2, 0);
	for s in 0..2 {
		set_free(senior(s), 10 * PHA);
		assert_ok!(CB::file_report(signed(senior(s)), index, 0, bytes("r"), Some(80)));
	}
	assert_ok!(CB::score_round(
		signed(LEAD),
		index,
		0,
		vec![(senior(0), scores[0]), (senior(1), scores[1])].try_into().unwrap()
	));
	index
}

/// The `ActiveMembers` figure of program `index` now, and the round view's `active` count of
/// period 0 (while the round is stored).
fn active_now(index: ProgramIndex) -> (u64, Option<u32>) {
	(CB::active_members(index, &program(index)), CB::view_round(index, 0).ok().map(|v| v.active))
}

#[test]
fn a_struck_report_is_not_active_nor_kept_as_active_by_the_settlement() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_members_round([100, 100]);
		go_to(P0_FINAL);
		assert_eq!(active_now(index), (2, Some(2)));
		go_to(APPEALS_UNTIL);
		assert_ok!(CB::strike_entry(signed(REJECTER), index, 0, senior(1), bytes("copied")));
		// The council judged senior 1's report not worth paying: it does not count either.
		assert_eq!(active_now(index), (1, Some(1)));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 2, bytes("2 active")));
		assert_eq!(Reports::<Test>::get(index, 0).unwrap().figure, 1);
		go_to(SETTLES_FROM);
		let (issued, held, struck_free) = (issuance(), free(account(index)), free(senior(1)));
		events();
		settle_all(index, 0);
		// Senior 0 is paid its half of the cap; the struck share stays in the program.
		let paid = usd_to_pha(SENIOR_CAP / 2);
		assert_eq!(super::rounds::awarded(&events()), vec![(senior(0), SENIOR_CAP / 2, paid)]);
		assert_eq!(free(account(index)), held - paid);
		assert_eq!(free(senior(1)), struck_free);
		assert_eq!(issuance(), issued);
		// The round is gone; the activity it left holds only the un-struck report.
		assert!(!Rounds::<Test>::contains_key(index, 0));
		let kept = Activity::<Test>::get(index).expect("the settlement keeps the activity");
		assert_eq!((kept.period, kept.members.into_inner()), (0, vec![senior(0)]));
		assert_eq!(active_now(index), (1, None));
		// The council approves the figure it saw: 1, not 2.
		assert_noop!(
			CB::approve_milestone(council(), index, 0, 1, 2, None),
			Error::<Test>::FigureBelowExpected
		);
		assert_ok!(super::approve_ms(council(), index, 0, None));
		assert_eq!(
			Reports::<Test>::get(index, 0).unwrap().status,
			ReportStatus::Approved { figure: 1 }
		);
	});
}

#[test]
fn a_vetoed_round_counts_no_active_member() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_members_round([100, 100]);
		go_to(P0_FINAL);
		assert_eq!(active_now(index), (2, Some(2)));
		assert_ok!(CB::veto_round(signed(REJECTER), index, 0, bytes("scores gamed")));
		assert_eq!(active_now(index), (0, Some(0)));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 2, bytes("2 active")));
		assert_eq!(Reports::<Test>::get(index, 0).unwrap().figure, 0);
		go_to(SETTLES_FROM);
		let (issued, held) = (issuance(), free(account(index)));
		let seniors = (free(senior(0)), free(senior(1)));
		events();
		settle_all(index, 0);
		assert!(super::rounds::awarded(&events()).is_empty(), "nothing is paid");
		assert_eq!(free(account(index)), held);
		assert_eq!((free(senior(0)), free(senior(1))), seniors);
		assert_eq!(issuance(), issued);
		// The activity the settlement left is the vetoed period's, with no one in it.
		let kept = Activity::<Test>::get(index).expect("the settlement keeps the activity");
		assert_eq!((kept.period, kept.members.len()), (0, 0));
		assert_eq!(active_now(index), (0, None));
	});
}

#[test]
fn an_upheld_appeal_that_lifts_a_score_to_the_threshold_counts_as_active() {
	ExtBuilder::default().build_and_execute(|| {
		// Senior 0 is scored 30, below the activity threshold (40), and proposed 80.
		let index = active_members_round([30, 100]);
		go_to(P0_FINAL);
		assert_eq!(active_now(index), (1, Some(1)));
		let before = free(senior(0));
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		assert_eq!(
			(free(senior(0)), appeal_held(senior(0))),
			(before - APPEAL_DEPOSIT, APPEAL_DEPOSIT)
		);
		assert_ok!(CB::uphold_appeal(council(), index, 0, senior(0), 60));
		assert_eq!((free(senior(0)), appeal_held(senior(0))), (before, 0));
		assert_eq!(active_now(index), (2, Some(2)));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 2, bytes("2 active")));
		assert_eq!(Reports::<Test>::get(index, 0).unwrap().figure, 2);
		go_to(SETTLES_FROM);
		let (issued, held) = (issuance(), free(account(index)));
		events();
		settle_all(index, 0);
		// Both are paid by their scores (60 and 100 of 160), at the upheld score.
		let (usd0, usd1) = (SENIOR_CAP * 60 / 160, SENIOR_CAP * 100 / 160);
		let paid = super::rounds::awarded(&events());
		assert_eq!(
			paid,
			vec![(senior(0), usd0, usd_to_pha(usd0)), (senior(1), usd1, usd_to_pha(usd1))]
		);
		assert_eq!(free(account(index)), held - usd_to_pha(usd0) - usd_to_pha(usd1));
		assert_eq!(free(senior(0)), before + usd_to_pha(usd0));
		assert_eq!(issuance(), issued);
		let kept = Activity::<Test>::get(index).expect("the settlement keeps the activity");
		assert_eq!(kept.members.into_inner(), vec![senior(0), senior(1)]);
		assert_eq!(active_now(index), (2, None));
	});
}

#[test]
fn a_closed_program_returns_the_deposits_of_open_appeals() {
	ExtBuilder::default().build_and_execute(|| {
		let index = scored_round();
		go_to(P0_FINAL);
		let before = free(senior(0));
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		assert_eq!(
			(free(senior(0)), appeal_held(senior(0))),
			(before - APPEAL_DEPOSIT, APPEAL_DEPOSIT)
		);
		// No one decides or lapses the appeal, no one settles the round. After the end, the last
		// period's round had its windows (scoring, appeal, veto) and its settlement window:
		// anyone closes, dropping the round.
		let closes_from = 1 + 6 * PERIOD + GRACE + SCORING + 20 + 10 + SETTLEMENT;
		go_to(closes_from - 1);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::RoundsOpen);
		go_to(closes_from);
		let (issued, treasury, refund) = (issuance(), free(TREASURY), free(account(index)));
		assert_eq!(program(index).open_rounds, 1);
		assert_ok!(CB::close_program(signed(STRANGER), index));
		clear_all(index);
		// The deposit is back with the member, nothing is held for an appeal, the program's
		// money is back in the treasury, and no token was made or lost.
		assert_eq!(free(senior(0)), before);
		for s in 0..2 {
			assert_eq!(appeal_held(senior(s)), 0);
		}
		assert_eq!(Balances::total_balance_on_hold(&senior(0)), 0);
		let appeal: RuntimeHoldReason = HoldReason::AppealDeposit.into();
		assert!(pallet_balances::Holds::<Test>::iter_values()
			.all(|holds| holds.iter().all(|hold| hold.id != appeal)));
		assert!(!Rounds::<Test>::contains_key(index, 0));
		assert!(!RoundChecks::<Test>::contains_key(index, 0));
		assert!(!Assessments::<Test>::contains_key(index, 0));
		assert_eq!(free(TREASURY), treasury + refund);
		assert_eq!(issuance(), issued);
	});
}
