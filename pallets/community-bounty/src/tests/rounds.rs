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

//! The monthly round: filing, scoring, finalizing, settling, and the roster rules that go with
//! it (`max_seniors`, `min_crew`, promotion), on the mock runtime.
//!
//! Timeline of a program approved at block 1: period 0 is blocks 1..=100, its reports are
//! accepted until block 115 (`GRACE`), and it is final by itself from block 136 (`SCORING`).

use super::*;
use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::FixedU128;

pub(super) const SCORED_40: Payout = Payout::Scored { threshold: 40, split: Split::Proportional };
/// The first block of period 1, when period 0's filing window still runs.
pub(super) const P1: u64 = 1 + PERIOD;
/// The first block after period 0's filing window.
pub(super) const P0_FILING_OVER: u64 = P1 + GRACE;
/// The first block at which period 0's round is final by itself.
pub(super) const P0_FINAL: u64 = P0_FILING_OVER + SCORING;

/// [`direct_spec`] with a scored senior pool (proportional, 40%) and a scored contributors pool.
pub(super) fn round_spec() -> ProgramSpec<Test> {
	let mut spec = direct_spec();
	spec.pools[SENIOR_POOL as usize].payout = SCORED_40;
	spec.pools[CONTRIBUTOR_POOL as usize].payout =
		Payout::Scored { threshold: 40, split: Split::Linear };
	spec
}

/// The rates a settlement of [`round_spec`] names: both pools are scored in USD, whose rate the
/// mock's council keeps fresh (set in this block).
fn both_rates_now() -> BoundedVec<(PoolIndex, u64), <Test as Config>::MaxPools> {
	let now = System::block_number();
	vec![(SENIOR_POOL, now), (CONTRIBUTOR_POOL, now)].try_into().unwrap()
}

/// Proposes and approves `spec` at block 1; returns its index. Events are cleared.
pub(super) fn active(spec: ProgramSpec<Test>) -> ProgramIndex {
	let index = propose(spec);
	assert_ok!(CB::approve_program(council(), index));
	events();
	index
}

/// An active program of [`round_spec`] with `seniors` seniors, each leading a crew of `crew`
/// (see [`fill_roster`]): the setup most round tests start from.
pub(super) fn round_with(seniors: u32, crew: u32) -> ProgramIndex {
	let index = active(round_spec());
	fill_roster(index, seniors, crew);
	index
}

/// [`round_with`] six seniors and no crew, each of whom filed for period 0 and was scored
/// `score`.
fn six_seniors_scored(score_of_each: u8) -> ProgramIndex {
	let index = round_with(6, 0);
	for s in 0..6 {
		assert_ok!(file(index, 0, senior(s)));
	}
	assert_ok!(score(index, 0, &(0..6).map(|s| (senior(s), score_of_each)).collect::<Vec<_>>()));
	index
}

pub(super) fn file(index: ProgramIndex, period: PeriodIndex, who: AccountId) -> DispatchResult {
	CB::file_report(signed(who), index, period, bytes("https://github.com/x/issues/1"), None)
		.map(|_| ())
		.map_err(|e| e.error)
}

pub(super) fn claim(index: ProgramIndex, period: PeriodIndex, who: AccountId) -> DispatchResult {
	CB::file_claim(signed(who), index, period, CONTRIBUTOR_POOL, bytes("https://x/article"))
		.map(|_| ())
		.map_err(|e| e.error)
}

fn spam(index: ProgramIndex, period: PeriodIndex, who: AccountId) -> DispatchResult {
	CB::mark_spam(signed(LEAD), index, period, who).map(|_| ()).map_err(|e| e.error)
}

/// Who filed in round `period`, in the round's order.
fn filers(index: ProgramIndex, period: PeriodIndex) -> Vec<AccountId> {
	Rounds::<Test>::get(index, period)
		.map_or_else(Vec::new, |r| r.filers.iter().map(|f| f.who).collect())
}

/// The reports of round `period` that count as active: scored at or above the activity
/// threshold (40), not struck, in a round not vetoed.
fn active_reports(index: ProgramIndex, period: PeriodIndex) -> u32 {
	Rounds::<Test>::get(index, period)
		.map_or(0, |r| CB::active_in_round(index, period, &program(index), &r).len() as u32)
}

pub(super) fn score(
	index: ProgramIndex,
	period: PeriodIndex,
	scores: &[(AccountId, u8)],
) -> DispatchResult {
	CB::score_round(signed(LEAD), index, period, scores.to_vec().try_into().unwrap())
}

/// Settles the round of `period` to the end; returns the number of calls it took.
pub(super) fn settle_all(index: ProgramIndex, period: PeriodIndex) -> u32 {
	let mut calls = 0;
	while Rounds::<Test>::contains_key(index, period) {
		assert_ok!(CB::settle_round(signed(STRANGER), index, period));
		calls += 1;
	}
	calls
}

/// What each beneficiary was paid by `Awarded` events: (beneficiary, amount, native).
pub(super) fn awarded(events: &[Event<Test>]) -> Vec<(AccountId, Balance, Balance)> {
	events
		.iter()
		.filter_map(|e| match e {
			Event::Awarded { beneficiary, amount, native, .. } => {
				Some((*beneficiary, *amount, *native))
			},
			_ => None,
		})
		.collect()
}

fn deposit_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ClaimDeposit.into(), &who)
}

/// Gives `seniors` Senior Ambassadors `crew` crew members each (seniors 100.., crew 200..).
fn roster_with_crews(index: ProgramIndex, seniors: u32, crew: u32) {
	fill_roster(index, seniors, seniors * crew);
}

// ---------------------------------------------------------------------------------------------
// Filing
// ---------------------------------------------------------------------------------------------

#[test]
fn members_file_their_own_reports_for_a_period_and_the_lead_never_files() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 2);
		events();
		assert_ok!(file(index, 0, senior(0)));
		assert_eq!(
			events(),
			vec![Event::Filed {
				index,
				period: 0,
				who: senior(0),
				pool: None,
				deposit: 0,
				evidence: bytes("https://github.com/x/issues/1"),
				proposed: None,
			}]
		);
		assert_ok!(file(index, 0, 200));
		assert_eq!(program(index).open_rounds, 1);
		assert_eq!(filers(index, 0), vec![senior(0), 200]);
		assert_eq!(Rounds::<Test>::get(index, 0).unwrap().status, RoundStatus::Open);

		assert_noop!(file(index, 0, senior(0)), Error::<Test>::AlreadyFiled);
		assert_noop!(file(index, 0, LEAD), Error::<Test>::LeadCannotFile);
		assert_noop!(claim(index, 0, LEAD), Error::<Test>::LeadCannotFile);
		assert_noop!(file(index, 0, STRANGER), Error::<Test>::NotMember);
		assert_noop!(file(index, 0, account(index)), Error::<Test>::ReservedAccount);
		assert_noop!(file(index, 1, senior(1)), Error::<Test>::PeriodNotStarted);
		assert_noop!(file(index + 1, 0, senior(1)), Error::<Test>::UnknownProgram);
	});
}

#[test]
fn a_report_after_the_grace_window_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 0);
		// "By the 5th": period 0 is still accepted during period 1's first GRACE blocks.
		go_to(P0_FILING_OVER - 1);
		assert_ok!(file(index, 0, senior(0)));
		go_to(P0_FILING_OVER);
		assert_noop!(file(index, 0, senior(1)), Error::<Test>::FilingClosed);
		// Period 1's window is open.
		assert_ok!(file(index, 1, senior(1)));
	});
}

#[test]
fn claims_go_to_a_scored_contributors_pool_with_a_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		let before = free(STRANGER);
		assert_ok!(claim(index, 0, STRANGER));
		assert_eq!(deposit_held(STRANGER), CLAIM_DEPOSIT);
		assert_eq!(free(STRANGER), before - CLAIM_DEPOSIT);
		assert_noop!(claim(index, 0, senior(0)), Error::<Test>::MemberMustReport);
		assert_noop!(
			CB::file_claim(signed(NEW_LEAD), index, 0, SENIOR_POOL, bytes("x")),
			Error::<Test>::NotAClaimPool
		);
		assert_noop!(
			CB::file_claim(signed(NEW_LEAD), index, 0, 9, bytes("x")),
			Error::<Test>::UnknownPool
		);
		set_free(300, CLAIM_DEPOSIT / 2);
		assert_noop!(claim(index, 0, 300), Error::<Test>::InsufficientDeposit);

		// A direct contributors pool takes no claim.
		let direct = active(direct_spec());
		assert_noop!(claim(direct, 0, NEW_LEAD), Error::<Test>::NotAClaimPool);
		// Settling returns the deposit (the claim is unscored: nothing paid).
		go_to(P0_FINAL);
		settle_all(index, 0);
		assert_eq!(deposit_held(STRANGER), 0);
		assert_eq!(free(STRANGER), before);
	});
}

#[test]
fn a_round_holds_at_most_max_claims_per_round() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active(round_spec());
		let max: u32 = <<Test as Config>::MaxEntriesPerRound as Get<u32>>::get();
		let roster: u32 = <<Test as Config>::MaxRoster as Get<u32>>::get();
		// A full roster reports, and claims fill the rest.
		fill_roster(index, roster, 0);
		for s in 0..roster {
			assert_ok!(file(index, 0, senior(s)));
		}
		for i in 0..max - roster {
			set_free(400 + i as AccountId, 10 * PHA);
			assert_ok!(claim(index, 0, 400 + i as AccountId));
		}
		assert_eq!(filers(index, 0).len() as u32, max);
		// Only a lead who swaps members after they reported can bring in one report too many.
		assert_ok!(CB::remove_member(signed(LEAD), index, senior(0)));
		add_senior(index, senior(roster));
		assert_noop!(file(index, 0, senior(roster)), Error::<Test>::RoundFull);
	});
}

#[test]
fn the_lead_marks_a_claim_as_spam_and_its_deposit_goes_to_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		assert_ok!(claim(index, 0, STRANGER));
		assert_ok!(file(index, 0, senior(0)));
		events();
		let (stranger, treasury) = (free(STRANGER), free(TREASURY));
		assert_noop!(
			CB::mark_spam(signed(STRANGER), index, 0, STRANGER).map(|_| ()).map_err(|e| e.error),
			Error::<Test>::NotLead
		);
		assert_noop!(spam(index, 0, senior(0)), Error::<Test>::NotAClaim);
		assert_noop!(spam(index, 0, NEW_LEAD), Error::<Test>::NotFiled);
		assert_ok!(spam(index, 0, STRANGER));
		assert_eq!(
			events(),
			vec![Event::ClaimSpam { index, period: 0, who: STRANGER, slashed: CLAIM_DEPOSIT }]
		);
		assert_eq!(deposit_held(STRANGER), 0);
		assert_eq!(free(STRANGER), stranger);
		assert_eq!(free(TREASURY), treasury + CLAIM_DEPOSIT);
		assert!(CB::round_entry(index, 0, &STRANGER).is_none());
		assert_eq!(filers(index, 0), vec![senior(0)]);
		// After the round is final, no more spam marks.
		assert_ok!(claim(index, 0, NEW_LEAD));
		go_to(P0_FINAL);
		assert_noop!(spam(index, 0, NEW_LEAD), Error::<Test>::RoundFinal);
	});
}

// ---------------------------------------------------------------------------------------------
// Scoring and finalization
// ---------------------------------------------------------------------------------------------

#[test]
fn the_lead_scores_until_the_round_is_final() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 0);
		assert_ok!(file(index, 0, senior(0)));
		events();
		assert_noop!(score(index, 1, &[(senior(0), 50)]), Error::<Test>::NoRound);
		assert_noop!(
			CB::score_round(signed(STRANGER), index, 0, vec![(senior(0), 5)].try_into().unwrap()),
			Error::<Test>::NotLead
		);
		assert_noop!(score(index, 0, &[(senior(0), 101)]), Error::<Test>::InvalidScore);
		assert_noop!(score(index, 0, &[(senior(1), 50)]), Error::<Test>::NotFiled);
		assert_noop!(score(index, 0, &[]), Error::<Test>::NoScores);
		assert_ok!(score(index, 0, &[(senior(0), 30)]));
		assert_eq!(active_reports(index, 0), 0);
		// Revised: now active.
		assert_ok!(score(index, 0, &[(senior(0), 45)]));
		assert_eq!(active_reports(index, 0), 1);
		assert_eq!(CB::round_entry(index, 0, &senior(0)).unwrap().1.score, Some(45));
		assert_eq!(
			events(),
			vec![
				Event::Scored { index, period: 0, who: senior(0), score: 30 },
				Event::Scored { index, period: 0, who: senior(0), score: 45 },
			]
		);

		// The lead may finalize only after the filing window.
		assert_noop!(CB::finalize_round(signed(LEAD), index, 0), Error::<Test>::FilingNotOver);
		go_to(P0_FILING_OVER);
		assert_noop!(CB::finalize_round(signed(STRANGER), index, 0), Error::<Test>::NotLead);
		assert_ok!(CB::finalize_round(signed(LEAD), index, 0));
		assert_eq!(events(), vec![Event::RoundFinalized { index, period: 0, active: 1 }]);
		assert_noop!(score(index, 0, &[(senior(0), 90)]), Error::<Test>::RoundFinal);
		assert_noop!(CB::finalize_round(signed(LEAD), index, 0), Error::<Test>::RoundFinal);
	});
}

#[test]
fn a_round_is_final_by_itself_after_its_scoring_window() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		assert_ok!(file(index, 0, senior(0)));
		go_to(P0_FINAL - 1);
		assert_ok!(score(index, 0, &[(senior(0), 80)]));
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::RoundNotFinal);
		go_to(P0_FINAL);
		assert_noop!(score(index, 0, &[(senior(0), 90)]), Error::<Test>::RoundFinal);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
	});
}

#[test]
fn settling_before_finalization_fails_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(score(index, 0, &[(senior(0), 100)]));
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::RoundNotFinal);
		go_to(P0_FILING_OVER);
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::RoundNotFinal);
		assert_noop!(CB::settle_round(signed(STRANGER), index, 1), Error::<Test>::NoRound);
		assert_ok!(CB::finalize_round(signed(LEAD), index, 0));
		// One page tallies, one pays.
		assert_eq!(settle_all(index, 0), 2);
	});
}

// ---------------------------------------------------------------------------------------------
// Scored pools
// ---------------------------------------------------------------------------------------------

#[test]
fn below_the_threshold_nothing_is_paid_39_pays_nothing_40_pays() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(file(index, 0, senior(1)));
		assert_ok!(score(index, 0, &[(senior(0), 39), (senior(1), 40)]));
		go_to(P0_FINAL);
		let before = free(account(index));
		events();
		assert_eq!(settle_all(index, 0), 2);
		let events = events();
		// Only the 40 is paid: the whole senior cap (no member cap), at the rate of 2.5 PHA/USD.
		assert_eq!(awarded(&events), vec![(senior(1), SENIOR_CAP, usd_to_pha(SENIOR_CAP))]);
		assert_eq!(free(senior(0)), 0);
		assert_eq!(free(senior(1)), usd_to_pha(SENIOR_CAP));
		assert_eq!(free(account(index)), before - usd_to_pha(SENIOR_CAP));
		assert_eq!(program(index).paid, usd_to_pha(SENIOR_CAP));
		assert!(events.contains(&Event::RoundSettled { index, period: 0, paid: 1, skipped: 0 }));
		// The round is gone with its entries.
		assert!(Rounds::<Test>::get(index, 0).is_none());
		assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(program(index).open_rounds, 0);
	});
}

#[test]
fn proportional_shares_the_cap_by_score_and_clips_at_the_member_cap() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].member_cap = Some(800 * USD);
		let index = active(spec);
		fill_roster(index, 3, 0);
		for s in 0..3 {
			assert_ok!(file(index, 0, senior(s)));
		}
		// Shares of $2,000 by 100 : 50 : 50 are $1,000, $500, $500; the first is clipped at
		// $800 and the $200 clipped stays unspent.
		assert_ok!(score(index, 0, &[(senior(0), 100), (senior(1), 50), (senior(2), 50)]));
		go_to(P0_FINAL);
		events();
		settle_all(index, 0);
		let paid: Vec<_> = awarded(&events()).into_iter().map(|(who, usd, _)| (who, usd)).collect();
		assert_eq!(
			paid,
			vec![(senior(0), 800 * USD), (senior(1), 500 * USD), (senior(2), 500 * USD)]
		);
		assert_eq!(program(index).paid, usd_to_pha(1_800 * USD));
	});
}

#[test]
fn linear_pays_member_cap_times_score_and_scales_down_pro_rata_above_the_cap() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].payout =
			Payout::Scored { threshold: 40, split: Split::Linear };
		spec.pools[SENIOR_POOL as usize].member_cap = Some(1_000 * USD);
		let index = active(spec);
		fill_roster(index, 3, 0);
		for s in 0..3 {
			assert_ok!(file(index, 0, senior(s)));
		}
		// Within the cap: $1,000 x 80% and $1,000 x 50%.
		assert_ok!(score(index, 0, &[(senior(0), 80), (senior(1), 50)]));
		go_to(P0_FINAL);
		events();
		settle_all(index, 0);
		let paid: Vec<_> = awarded(&events()).into_iter().map(|(w, usd, _)| (w, usd)).collect();
		assert_eq!(paid, vec![(senior(0), 800 * USD), (senior(1), 500 * USD)]);

		// Period 1: $1,000 + $1,000 + $500 = $2,500 passes the $2,000 cap: each x 4/5.
		for s in 0..3 {
			assert_ok!(file(index, 1, senior(s)));
		}
		assert_ok!(score(index, 1, &[(senior(0), 100), (senior(1), 100), (senior(2), 50)]));
		go_to(P1 + PERIOD + GRACE + SCORING);
		settle_all(index, 1);
		let paid: Vec<_> = awarded(&events()).into_iter().map(|(w, usd, _)| (w, usd)).collect();
		assert_eq!(
			paid,
			vec![(senior(0), 800 * USD), (senior(1), 800 * USD), (senior(2), 400 * USD)]
		);
	});
}

#[test]
fn amounts_round_down_and_the_dust_stays_in_the_program() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(3, 0);
		for s in 0..3 {
			assert_ok!(file(index, 0, senior(s)));
		}
		assert_ok!(score(index, 0, &[(senior(0), 100), (senior(1), 100), (senior(2), 100)]));
		go_to(P0_FINAL);
		events();
		settle_all(index, 0);
		let third = SENIOR_CAP / 3;
		let paid: Vec<_> = awarded(&events()).into_iter().map(|(_, usd, _)| usd).collect();
		assert_eq!(paid, vec![third; 3]);
		assert!(3 * third < SENIOR_CAP);
	});
}

#[test]
fn a_scored_pool_takes_no_direct_award() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		assert_noop!(
			CB::award(signed(LEAD), index, SENIOR_POOL, senior(0), 10 * USD, bytes("x")),
			Error::<Test>::PoolIsScored
		);
	});
}

/// A round's first settlement step at a stale rate is refused and changes nothing; once the
/// council sets the rate again, it settles, and `RoundTallied` dates the rates it fixed. The
/// pay steps keep those rates even if they go stale meanwhile.
#[test]
fn settlement_refuses_a_stale_rate_until_it_is_set_again_then_keeps_the_fixed_rate() {
	ExtBuilder::default().build_and_execute(|| {
		let index = six_seniors_scored(100);
		RatesSetAt::set(Some(Some(1)));
		go_to(P0_FINAL.max(2 + MAX_RATE_AGE));
		let before = (program(index), Rounds::<Test>::get(index, 0), free(account(index)));
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::RateStale);
		assert_eq!((program(index), Rounds::<Test>::get(index, 0), free(account(index))), before);
		// The round's view still lists the entries, without payments, and says why.
		let view = CB::round(index, 0).expect("the round is there");
		assert_eq!(view.unpriced, Some(Error::<Test>::RateStale.into()));
		assert_eq!(view.entries.len(), 6);
		assert!(view.entries.iter().all(|e| e.eligible && e.payment.is_none()));
		// The council sets the rate again: the round settles at it.
		let set_at = System::block_number();
		RatesSetAt::set(Some(Some(set_at)));
		events();
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		let committed = 6 * usd_to_pha(SENIOR_CAP / 6);
		assert!(events().contains(&Event::RoundTallied {
			index,
			period: 0,
			committed,
			rates: vec![(SENIOR_POOL, set_at), (CONTRIBUTOR_POOL, set_at)].try_into().unwrap(),
		}));
		// The rate goes stale before the pages are paid: they pay at the rate fixed above.
		go_to(set_at + MAX_RATE_AGE + 1);
		settle_all(index, 0);
		let paid: Balance = awarded(&events()).into_iter().map(|(_, _, native)| native).sum();
		assert_eq!(paid, committed);
	});
}

#[test]
fn the_rate_of_the_first_settlement_call_applies() {
	ExtBuilder::default().build_and_execute(|| {
		let index = six_seniors_scored(100);
		// Scored at 2.5 PHA/USD; the rate is 3 when the settlement starts, 10 for the pages.
		UsdRate::set(Some(FixedU128::from_u32(3)));
		go_to(P0_FINAL);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		UsdRate::set(Some(FixedU128::from_u32(10)));
		events();
		settle_all(index, 0);
		let share = SENIOR_CAP / 6;
		for (_, usd, native) in awarded(&events()) {
			assert_eq!((usd, native), (share, share * 3));
		}
		assert_eq!(free(senior(5)), share * 3);
	});
}

#[test]
fn settlement_pays_in_pages_of_max_settle_per_call() {
	ExtBuilder::default().build_and_execute(|| {
		let index = six_seniors_scored(60);
		go_to(P0_FINAL);
		events();
		let share = usd_to_pha(SENIOR_CAP / 6);
		// The first call fixes every payment at the rate of its block and commits their sum:
		// six shares of the senior pool's cap (the contributors' pool has no claim).
		let committed = 6 * share;
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		assert_eq!(
			events(),
			vec![
				Event::RoundSettlementStarted { index, period: 0 },
				Event::RoundTallied { index, period: 0, committed, rates: both_rates_now() }
			]
		);
		assert_eq!(program(index).committed, committed);
		// RoundPageSize = 4: two pages to pay 6 entries.
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		assert_eq!(awarded(&events()).len(), 4);
		assert_eq!(
			Rounds::<Test>::get(index, 0).unwrap().status,
			RoundStatus::Paying { next: 4, paid: 4, skipped: 0 }
		);
		assert_eq!(program(index).committed, committed - 4 * share);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		let last = events();
		assert_eq!(awarded(&last).len(), 2);
		assert!(last.contains(&Event::RoundSettled { index, period: 0, paid: 6, skipped: 0 }));
		// Exactly what was committed was paid.
		assert_eq!(program(index).committed, 0);
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::NoRound);
		// The reason names the round.
		let Some(Event::Awarded { reason, .. }) = last.first().cloned() else { panic!() };
		assert_eq!(reason.to_vec(), b"report for period 0".to_vec());
	});
}

#[test]
fn a_round_the_program_cannot_afford_changes_nothing_and_settles_later() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		// A native senior pool bigger than tranche 0 (80,000 PHA).
		spec.pools[SENIOR_POOL as usize].denomination = Denomination::Native;
		spec.pools[SENIOR_POOL as usize].period_cap = 90_000 * PHA;
		let index = active(spec);
		fill_roster(index, 1, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(score(index, 0, &[(senior(0), 100)]));
		go_to(P0_FINAL);
		assert_noop!(
			CB::settle_round(signed(STRANGER), index, 0),
			Error::<Test>::InsufficientProgramFunds
		);
		// The council approves milestone 1: tranche 1 arrives, and the round settles.
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("roster")));
		assert_ok!(approve_ms(council(), index, 0, None));
		assert_eq!(settle_all(index, 0), 2);
		assert_eq!(free(senior(0)), 90_000 * PHA);
	});
}

#[test]
fn committed_payments_cannot_be_spent_by_direct_awards() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].denomination = Denomination::Native;
		spec.pools[SENIOR_POOL as usize].period_cap = 79_000 * PHA;
		spec.pools[CONTRIBUTOR_POOL as usize].payout = Payout::Direct;
		spec.pools[CONTRIBUTOR_POOL as usize].denomination = Denomination::Native;
		spec.pools[CONTRIBUTOR_POOL as usize].period_cap = 10_000 * PHA;
		spec.pools[CONTRIBUTOR_POOL as usize].member_cap = None;
		let index = active(spec);
		fill_roster(index, 1, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(score(index, 0, &[(senior(0), 100)]));
		go_to(P0_FINAL);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		// 80,000 released, 79,000 committed: a direct award of 2,000 would eat into it.
		assert_noop!(
			CB::award(signed(LEAD), index, CONTRIBUTOR_POOL, STRANGER, 2_000 * PHA, bytes("x")),
			Error::<Test>::InsufficientProgramFunds
		);
		assert_ok!(CB::award(
			signed(LEAD),
			index,
			CONTRIBUTOR_POOL,
			STRANGER,
			500 * PHA,
			bytes("x")
		));
		settle_all(index, 0);
		assert_eq!(free(senior(0)), 79_000 * PHA);
	});
}

#[test]
fn a_member_removed_after_reporting_is_not_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(file(index, 0, senior(1)));
		assert_ok!(score(index, 0, &[(senior(0), 100), (senior(1), 100)]));
		assert_ok!(CB::remove_member(signed(LEAD), index, senior(1)));
		go_to(P0_FINAL);
		events();
		settle_all(index, 0);
		// The whole cap goes to the one still eligible.
		assert_eq!(awarded(&events()), vec![(senior(0), SENIOR_CAP, usd_to_pha(SENIOR_CAP))]);
		assert_eq!(free(senior(1)), 0);
	});
}

#[test]
fn settling_a_period_late_does_not_eat_into_the_next_periods_cap() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(score(index, 0, &[(senior(0), 100)]));
		go_to(P0_FINAL);
		assert_ok!(file(index, 1, senior(0)));
		assert_ok!(score(index, 1, &[(senior(0), 100)]));
		// Period 0 settles during period 1, then period 1 settles: each pays its full cap.
		settle_all(index, 0);
		go_to(P1 + PERIOD + GRACE + SCORING);
		settle_all(index, 1);
		assert_eq!(free(senior(0)), 2 * usd_to_pha(SENIOR_CAP));
	});
}

// ---------------------------------------------------------------------------------------------
// The program's end, close and cancel
// ---------------------------------------------------------------------------------------------

#[test]
fn after_the_end_block_the_last_periods_round_still_runs_and_holds_the_close() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		let schedule = program(index).schedule().expect("active");
		let ends_at = schedule.ends_at;
		let last = schedule.last_period();
		// The period after the last has begun (at the end block); the last is in its grace
		// window.
		go_to(schedule.period_start(last + 1));
		assert!(schedule.period_start(last + 1) >= ends_at);
		// The last period still files within its grace window; the one that began at the end
		// block does not.
		assert_ok!(file(index, last, senior(0)));
		assert_noop!(file(index, last + 1, senior(0)), Error::<Test>::PeriodAfterEnd);
		go_to(ends_at + 1);
		assert_ok!(score(index, last, &[(senior(0), 100)]));
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::RoundsOpen);
		go_to(schedule.filing_deadline(last));
		assert_ok!(CB::finalize_round(signed(LEAD), index, last));
		settle_all(index, last);
		assert_eq!(free(senior(0)), usd_to_pha(SENIOR_CAP));
		assert_ok!(CB::close_program(signed(STRANGER), index));
	});
}

#[test]
fn close_after_the_windows_drops_an_unsettled_round_and_returns_every_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		let schedule = program(index).schedule().expect("active");
		let ends_at = schedule.ends_at;
		let last = schedule.last_period();
		go_to(ends_at);
		let before = free(STRANGER);
		assert_ok!(claim(index, last, STRANGER));
		assert_ok!(file(index, last, senior(0)));
		// The round is final at its scoring deadline, and may be settled for as long again as
		// the settlement window.
		let dropped = schedule.scoring_deadline(last) + SETTLEMENT;
		go_to(dropped - 1);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::RoundsOpen);
		go_to(dropped);
		assert_ok!(CB::close_program(signed(STRANGER), index));
		clear_all(index);
		assert_eq!(deposit_held(STRANGER), 0);
		assert_eq!(free(STRANGER), before);
		assert_eq!(Rounds::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 0);
	});
}

#[test]
fn cancel_drops_open_rounds_unpaid_and_returns_every_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 2);
		let claimants = [STRANGER, NEW_LEAD];
		let before: Vec<_> = claimants.iter().map(|c| free(*c)).collect();
		for c in claimants {
			assert_ok!(claim(index, 0, c));
		}
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(score(index, 0, &[(senior(0), 100), (STRANGER, 100)]));
		go_to(P0_FINAL);
		// One round settling (payments fixed), one open.
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		set_free(300, 10 * PHA);
		assert_ok!(claim(index, 1, 300));
		let treasury = free(TREASURY);
		let account_balance = free(account(index));
		assert_ok!(CB::cancel_program(council(), index));
		clear_all(index);
		// Nothing was paid; everything went back to the treasury; every deposit came back.
		assert_eq!(free(TREASURY), treasury + account_balance);
		assert_eq!(free(senior(0)), 0);
		for (c, b) in claimants.iter().zip(before) {
			assert_eq!((free(*c), deposit_held(*c)), (b, 0));
		}
		assert_eq!((free(300), deposit_held(300)), (10 * PHA, 0));
		assert_eq!(Rounds::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 0);
	});
}

// ---------------------------------------------------------------------------------------------
// Active members
// ---------------------------------------------------------------------------------------------

#[test]
fn active_members_counts_the_last_final_rounds_reports_at_the_activity_threshold() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.milestones[0].metric = Metric::ActiveMembers;
		spec.milestones[0].target = 4;
		let index = active(spec);
		fill_roster(index, 2, 3);
		// Period 0: 4 of 5 report; scores 50, 40, 39, unscored: 2 active.
		for who in [senior(0), senior(1), 200, 201] {
			assert_ok!(file(index, 0, who));
		}
		assert_ok!(score(index, 0, &[(senior(0), 50), (senior(1), 40), (200, 39)]));
		// Not final yet: no final round, so nobody is active. The lead's claim does not count.
		assert_eq!(CB::active_members(index, &program(index)), 0);
		go_to(P0_FILING_OVER);
		assert_ok!(CB::finalize_round(signed(LEAD), index, 0));
		assert_eq!(CB::active_members(index, &program(index)), 2);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 32, bytes("round 0")));
		let report = Reports::<Test>::get(index, 0).unwrap();
		assert_eq!((report.claimed, report.figure), (32, 2));
		// The council names the figure it saw; more is refused.
		assert_noop!(
			CB::approve_milestone(council(), index, 0, 1, 3, None),
			Error::<Test>::FigureBelowExpected
		);
		// Settling the round keeps the figure.
		settle_all(index, 0);
		assert_eq!(CB::active_members(index, &program(index)), 2);
		assert_ok!(CB::approve_milestone(council(), index, 0, 1, 2, None));

		// Period 1 final by itself (nobody filed): the last final period counts 0.
		go_to(P1 + PERIOD + GRACE + SCORING);
		assert_eq!(CB::active_members(index, &program(index)), 0);
	});
}

#[test]
fn an_active_members_target_above_max_roster_is_unreachable() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.milestones[0].metric = Metric::ActiveMembers;
		spec.milestones[0].target = 65;
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(spec)),
			Error::<Test>::UnreachableTarget
		);
	});
}

// ---------------------------------------------------------------------------------------------
// Seniors: max_seniors, min_crew, promotion
// ---------------------------------------------------------------------------------------------

#[test]
fn promotion_within_max_seniors_keeps_the_members_history() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.max_seniors = Some(2);
		let index = active(spec);
		fill_roster(index, 1, 2);
		assert_ok!(file(index, 0, 200));
		assert_noop!(
			CB::promote_member(signed(LEAD), index, senior(0)),
			Error::<Test>::NotAnAmbassador
		);
		assert_noop!(CB::promote_member(signed(LEAD), index, 300), Error::<Test>::NotMember);
		assert_noop!(CB::promote_member(signed(STRANGER), index, 200), Error::<Test>::NotLead);
		assert_ok!(CB::promote_member(signed(LEAD), index, 200));
		assert_eq!(events().last(), Some(&Event::MemberPromoted { index, who: 200, seniors: 2 }));
		let member = Roster::<Test>::get(index, 200).unwrap();
		assert_eq!((member.role, member.senior, member.crew), (Role::SeniorAmbassador, None, 0));
		assert_eq!(Roster::<Test>::get(index, senior(0)).unwrap().crew, 1);
		assert_eq!(Crews::<Test>::get(index, senior(0)).to_vec(), vec![201]);
		// Its report is still there, and now paid from the senior pool.
		assert!(CB::round_entry(index, 0, &200).is_some());
		// The cap holds for promotions and additions alike.
		assert_noop!(CB::promote_member(signed(LEAD), index, 201), Error::<Test>::TooManySeniors);
		assert_noop!(
			CB::add_member(signed(LEAD), index, 300, Role::SeniorAmbassador, bytes("Thai"), None),
			Error::<Test>::TooManySeniors
		);
		assert_ok!(score(index, 0, &[(200, 100)]));
		go_to(P0_FINAL);
		settle_all(index, 0);
		assert_eq!(free(200), usd_to_pha(SENIOR_CAP));
		// A senior leaving frees a place.
		assert_ok!(CB::remove_member(signed(LEAD), index, 200));
		assert_ok!(CB::promote_member(signed(LEAD), index, 201));
	});
}

#[test]
fn a_senior_under_min_crew_is_not_paid_from_a_senior_pool() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = direct_spec();
		spec.min_crew = 2;
		let direct = active(spec.clone());
		fill_roster(direct, 2, 3); // senior 0 leads 2, senior 1 leads 1
		assert_noop!(
			CB::award(signed(LEAD), direct, SENIOR_POOL, senior(1), 10 * USD, bytes("x")),
			Error::<Test>::CrewTooSmall
		);
		assert_ok!(CB::award(signed(LEAD), direct, SENIOR_POOL, senior(0), 10 * USD, bytes("x")));

		spec.pools[SENIOR_POOL as usize].payout = SCORED_40;
		let scored = active(spec);
		roster_with_crews(scored, 2, 0);
		for a in 0..3u32 {
			assert_ok!(CB::add_member(
				signed(LEAD),
				scored,
				500 + a as AccountId,
				Role::Ambassador,
				bytes("Korean"),
				Some(senior(if a < 2 { 0 } else { 1 }))
			));
		}
		assert_ok!(file(scored, 0, senior(0)));
		assert_ok!(file(scored, 0, senior(1)));
		assert_ok!(score(scored, 0, &[(senior(0), 50), (senior(1), 100)]));
		go_to(P0_FINAL);
		events();
		settle_all(scored, 0);
		// Only the senior with a full crew is eligible: it gets the whole cap.
		assert_eq!(awarded(&events()), vec![(senior(0), SENIOR_CAP, usd_to_pha(SENIOR_CAP))]);
	});
}

#[test]
fn spec_rules_for_scored_pools_and_seniors() {
	ExtBuilder::default().build_and_execute(|| {
		let refused = |spec: ProgramSpec<Test>, error: Error<Test>| {
			assert_noop!(CB::propose_program(signed(LEAD), Box::new(spec)), error);
		};
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].payout =
			Payout::Scored { threshold: 40, split: Split::Linear };
		refused(spec, Error::<Test>::LinearNeedsMemberCap);
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].payout =
			Payout::Scored { threshold: 101, split: Split::Proportional };
		refused(spec, Error::<Test>::InvalidScore);
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].eligibility = Eligibility::Lead;
		refused(spec, Error::<Test>::InvalidScoredPool);
		let mut spec = round_spec();
		spec.pools[CONTRIBUTOR_POOL as usize].eligibility = Eligibility::SeniorAmbassadors;
		refused(spec, Error::<Test>::InvalidScoredPool);
		let mut spec = round_spec();
		spec.activity_threshold = 101;
		refused(spec, Error::<Test>::InvalidScore);
		let mut spec = round_spec();
		spec.min_crew = 9;
		refused(spec, Error::<Test>::InvalidSeniorRules);
		let mut spec = round_spec();
		spec.max_seniors = Some(0);
		refused(spec, Error::<Test>::InvalidSeniorRules);
	});
}

// ---------------------------------------------------------------------------------------------
// The round's view
// ---------------------------------------------------------------------------------------------

#[test]
fn the_round_view_shows_what_settlement_then_pays() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(3, 1);
		for who in [senior(0), senior(1), senior(2), 200] {
			assert_ok!(file(index, 0, who));
		}
		assert_ok!(claim(index, 0, STRANGER));
		assert_ok!(score(
			index,
			0,
			&[(senior(0), 90), (senior(1), 30), (senior(2), 60), (200, 100), (STRANGER, 50)]
		));
		assert_eq!(CB::view_round(index, 1), Err(Error::<Test>::NoRound.into()));
		let view = CB::view_round(index, 0).unwrap();
		assert_eq!(view.active, 3);
		assert!(!view.is_final);
		assert_eq!(view.filing_deadline, P0_FILING_OVER);
		assert_eq!(view.scoring_deadline, P0_FINAL);
		let pay: Vec<_> = view
			.entries
			.iter()
			.map(|e| (e.who, e.score, e.eligible, e.payment.map(|p| (p.pool, p.amount))))
			.collect();
		// Seniors at 90 and 60 share the senior cap 3:2; the one at 30 is below 40; the
		// ambassador is paid from no pool; the contributor earns $500 x 50% (linear).
		assert_eq!(
			pay,
			vec![
				(senior(0), Some(90), true, Some((SENIOR_POOL, 1_200 * USD))),
				(senior(1), Some(30), false, None),
				(senior(2), Some(60), true, Some((SENIOR_POOL, 800 * USD))),
				(200, Some(100), false, None),
				(STRANGER, Some(50), true, Some((CONTRIBUTOR_POOL, 250 * USD))),
			]
		);
		assert_eq!(view.pools.len(), 2);
		assert_eq!((view.pools[0].amount, view.pools[0].period_cap), (SENIOR_CAP, SENIOR_CAP));
		assert_eq!(view.total_native, usd_to_pha(2_250 * USD));
		assert_eq!(view.available, program(index).unspent());

		go_to(P0_FINAL);
		events();
		settle_all(index, 0);
		let paid: Vec<_> = awarded(&events()).into_iter().map(|(w, usd, _)| (w, usd)).collect();
		assert_eq!(
			paid,
			vec![(senior(0), 1_200 * USD), (senior(2), 800 * USD), (STRANGER, 250 * USD)]
		);
	});
}

#[test]
fn a_round_commits_what_it_may_pay_not_every_cap() {
	ExtBuilder::default().build_and_execute(|| {
		// Linear seniors ($1,000 x score), and a contributors' pool nobody claimed from.
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].payout =
			Payout::Scored { threshold: 40, split: Split::Linear };
		spec.pools[SENIOR_POOL as usize].member_cap = Some(1_000 * USD);
		let index = active(spec);
		fill_roster(index, 1, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(score(index, 0, &[(senior(0), 50)]));
		go_to(P0_FINAL);
		events();
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		// $500 at 2.5 PHA/USD: not the $2,000 + $2,000 of both caps.
		let committed = usd_to_pha(500 * USD);
		assert!(events().contains(&Event::RoundTallied {
			index,
			period: 0,
			committed,
			rates: both_rates_now()
		}));
		assert_eq!(program(index).committed, committed);
		settle_all(index, 0);
		assert_eq!(free(senior(0)), committed);
	});
}

#[test]
fn an_empty_round_settles_whatever_the_programs_funds() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		assert_ok!(file(index, 0, senior(0)));
		// At 100,000 PHA per USD one pool's cap is worth far more than the program holds; a round
		// with nothing to pay (its one report unscored) commits nothing, so it settles all the
		// same.
		UsdRate::set(Some(FixedU128::from_u32(100_000)));
		go_to(P0_FINAL);
		let before = free(account(index));
		assert_eq!(settle_all(index, 0), 2);
		assert_eq!(free(account(index)), before);
		assert_eq!(program(index).open_rounds, 0);
	});
}

#[test]
fn after_the_end_the_active_members_figure_stays_the_last_rounds() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.milestones[0].metric = Metric::ActiveMembers;
		spec.milestones[0].target = 2;
		let index = active(spec);
		fill_roster(index, 2, 0);
		let schedule = program(index).schedule().expect("active");
		let last = schedule.last_period();
		go_to(schedule.period_start(last));
		for s in 0..2 {
			assert_ok!(file(index, last, senior(s)));
		}
		assert_ok!(score(index, last, &[(senior(0), 90), (senior(1), 60)]));
		go_to(schedule.scoring_deadline(last));
		assert_eq!(CB::active_members(index, &program(index)), 2);
		// Months after the end, later periods have no round: the figure is still the last one's,
		// so a late vote on a report made before the end still sees it.
		go_to(schedule.scoring_deadline(last + 3));
		assert_eq!(CB::active_members(index, &program(index)), 2);
	});
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/// The entries of round `period`, page by page, as (filer, kind is a claim).
fn pages(index: ProgramIndex, period: PeriodIndex) -> Vec<Vec<(AccountId, bool)>> {
	let filers = Rounds::<Test>::get(index, period).map_or(0, |r| r.filers.len() as u32);
	(0..filers.div_ceil(CB::page_size()))
		.map(|page| {
			RoundPages::<Test>::get(index, (period, page))
				.expect("a page for every RoundPageSize filers")
				.iter()
				.map(|e| (e.who, e.kind != EntryKind::Report))
				.collect()
		})
		.collect()
}

#[test]
fn entries_are_stored_in_pages_of_max_settle_per_call_in_filing_order() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(6, 0);
		for s in 0..6 {
			assert_ok!(file(index, 0, senior(s)));
		}
		assert_ok!(claim(index, 0, STRANGER));
		// RoundPageSize = 4: a full page, then the rest.
		let (s, c) = (senior, |who| (who, true));
		assert_eq!(
			pages(index, 0),
			vec![
				vec![(s(0), false), (s(1), false), (s(2), false), (s(3), false)],
				vec![(s(4), false), (s(5), false), c(STRANGER)],
			]
		);
		assert_eq!(CB::round_entry(index, 0, &senior(5)).map(|(e, _)| e.who), Some(senior(5)));
		assert!(CB::round_entry(index, 0, &NEW_LEAD).is_none());
	});
}

#[test]
fn a_claim_marked_as_spam_gives_its_place_to_the_last_entry() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(5, 0);
		assert_ok!(claim(index, 0, STRANGER));
		for s in 0..5 {
			assert_ok!(file(index, 0, senior(s)));
		}
		assert_ok!(score(index, 0, &[(senior(4), 90)]));
		// Page 0: STRANGER's claim and seniors 0 to 2; page 1: seniors 3 and 4.
		let r = |s: u32| (senior(s), false);
		assert_eq!(
			pages(index, 0),
			vec![vec![(STRANGER, true), r(0), r(1), r(2)], vec![r(3), r(4)]]
		);
		assert_ok!(spam(index, 0, STRANGER));
		// The last entry, senior 4's, takes the claim's place: two pages written, none shifted.
		assert_eq!(pages(index, 0), vec![vec![r(4), r(0), r(1), r(2)], vec![r(3)]]);
		assert_eq!(filers(index, 0), vec![senior(4), senior(0), senior(1), senior(2), senior(3)]);
		// The moved entry keeps its score; a report is never spam.
		assert_eq!(CB::round_entry(index, 0, &senior(4)).unwrap().1.score, Some(90));
		assert_noop!(spam(index, 0, senior(4)), Error::<Test>::NotAClaim);
		// The last entry of a page going empties it: the page goes.
		assert_ok!(claim(index, 0, NEW_LEAD));
		assert_eq!(pages(index, 0)[1], vec![r(3), (NEW_LEAD, true)]);
		assert_ok!(spam(index, 0, NEW_LEAD));
		assert_eq!(pages(index, 0), vec![vec![r(4), r(0), r(1), r(2)], vec![r(3)]]);
	});
}

#[test]
fn a_pay_step_is_refunded_to_the_reports_and_claims_of_its_page() {
	use frame_support::dispatch::GetDispatchInfo;
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(3, 0);
		for s in 0..3 {
			assert_ok!(file(index, 0, senior(s)));
		}
		assert_ok!(claim(index, 0, STRANGER));
		assert_ok!(score(index, 0, &[(senior(0), 80), (senior(1), 80), (STRANGER, 80)]));
		go_to(P0_FINAL);
		let page = <<Test as Config>::RoundPageSize as Get<u32>>::get();
		let charged =
			crate::Call::<Test>::settle_round { index, period: 0 }.get_dispatch_info().call_weight;
		let max_entries = <<Test as Config>::MaxEntriesPerRound as Get<u32>>::get();
		// A pay step is charged with a record for each payment the paymaster may leave open.
		let records = <Test as Config>::WeightInfo::retry_payment().saturating_mul(page.into());
		let weights = <Test as Config>::WeightInfo::settle_round_start(max_entries).max(
			<Test as Config>::WeightInfo::settle_round_pay(page)
				.max(<Test as Config>::WeightInfo::settle_round_pay_reports(page))
				.saturating_add(records),
		);
		assert_eq!(charged, weights);
		// The first call fixes the round's 4 entries, the next pays them (3 reports, 1 claim).
		let start = CB::settle_round(signed(STRANGER), index, 0).expect("started");
		assert_eq!(start.actual_weight, Some(<Test as Config>::WeightInfo::settle_round_start(4)));
		let pay = CB::settle_round(signed(STRANGER), index, 0).expect("paid");
		assert_eq!(pay.actual_weight, Some(CB::settle_pay_weight(3, 1)));
		// A page of reports, and a claim's share of a page of claims.
		type W = <Test as Config>::WeightInfo;
		assert_eq!(
			CB::settle_pay_weight(3, 1),
			W::settle_round_pay_reports(3)
				.saturating_add(W::settle_round_pay(1).saturating_sub(W::settle_round_pay(0)))
		);
		assert!(!Rounds::<Test>::contains_key(index, 0));
		assert_eq!(deposit_held(STRANGER), 0);
	});
}

#[test]
fn a_clean_up_takes_a_round_s_pages_one_a_step_after_the_maps() {
	type W = <Test as Config>::WeightInfo;
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(4, 0);
		for s in 0..4 {
			assert_ok!(file(index, 0, senior(s)));
		}
		set_free(300, 10 * PHA);
		for who in [STRANGER, NEW_LEAD, 300] {
			assert_ok!(claim(index, 0, who));
		}
		// Two pages: 4 reports, then 3 claims.
		assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 2);
		let post = CB::cancel_program(council(), index).expect("cancelled");
		// The first step: the roster (4 and a look-up), no report, the round's record (and a
		// look-up, each a round's cost); never a page.
		let visited = (4 + 1) + 2 * CB::round_cost();
		assert_eq!(post.actual_weight, Some(W::cancel_program(visited)));
		assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 2);
		assert_eq!(deposit_held(STRANGER), CLAIM_DEPOSIT);
		// Then a page a step, its claims' deposits released; the last step finds none left.
		let mut claims = Vec::new();
		while Cleanups::<Test>::contains_key(index) {
			let next = RoundPages::<Test>::iter_prefix_values(index).next();
			let post = CB::clear_program(signed(STRANGER), index).expect("a step");
			match next {
				Some(page) => {
					let c = page.iter().filter(|e| e.kind != EntryKind::Report).count() as u32;
					assert_eq!(post.actual_weight, Some(W::clear_program_page(c)));
					claims.push(c);
				},
				// The look-up that finds no page left.
				None => assert_eq!(post.actual_weight, Some(W::clear_program(1))),
			}
		}
		claims.sort();
		assert_eq!(claims, vec![0, 3]);
		for who in [STRANGER, NEW_LEAD, 300] {
			assert_eq!(deposit_held(who), 0);
		}
		assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(Rounds::<Test>::iter_prefix(index).count(), 0);
	});
}

#[test]
fn a_member_named_lead_after_filing_cannot_score_its_own_report() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(file(index, 0, senior(1)));
		assert_ok!(CB::set_lead(council(), index, senior(0)));
		let own = CB::score_round(
			signed(senior(0)),
			index,
			0,
			vec![(senior(1), 80), (senior(0), 100)].try_into().unwrap(),
		);
		assert_noop!(own, Error::<Test>::LeadCannotFile);
		assert_ok!(CB::score_round(
			signed(senior(0)),
			index,
			0,
			vec![(senior(1), 80)].try_into().unwrap()
		));
		assert_eq!(active_reports(index, 0), 1);
	});
}

// ---------------------------------------------------------------------------------------------
// Against a hostile lead and a crowd of strangers
// ---------------------------------------------------------------------------------------------

/// The round spec with milestone 1 counting the active members.
fn active_members_spec() -> ProgramSpec<Test> {
	let mut spec = round_spec();
	spec.milestones[0].metric = Metric::ActiveMembers;
	spec
}

/// Files reports for `who` in period 0 and scores each `score`.
fn file_and_score(index: ProgramIndex, who: &[AccountId], score_each: u8) {
	for w in who {
		assert_ok!(file(index, 0, *w));
	}
	let scores: Vec<_> = who.iter().map(|w| (*w, score_each)).collect();
	for chunk in scores.chunks(<<Test as Config>::MaxScoresPerCall as Get<u32>>::get() as usize) {
		assert_ok!(score(index, 0, chunk));
	}
}

#[test]
fn the_active_members_figure_counts_only_accounts_still_on_the_roster() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active(active_members_spec());
		// One real member, and 40 accounts the lead controls.
		fill_roster(index, 41, 0);
		let controlled: Vec<_> = (1..=40).map(senior).collect();
		file_and_score(index, &[senior(0)], 100);
		file_and_score(index, &controlled, 100);
		go_to(P0_FILING_OVER);
		assert_ok!(CB::finalize_round(signed(LEAD), index, 0));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 41, bytes("41 active")));
		assert_eq!(Reports::<Test>::get(index, 0).unwrap().figure, 41);
		// The lead removes them again: the council sees a roster of 1.
		for who in &controlled {
			assert_ok!(CB::remove_member(signed(LEAD), index, *who));
		}
		assert_eq!(program(index).roster_count, 1);
		assert_eq!(CB::active_members(index, &program(index)), 1);
		assert_noop!(
			CB::approve_milestone(council(), index, 0, 1, 41, None),
			Error::<Test>::FigureBelowExpected
		);
		// Settled or not, a member who left does not count.
		settle_all(index, 0);
		assert_eq!(CB::active_members(index, &program(index)), 1);
		assert_ok!(CB::approve_milestone(council(), index, 0, 1, 1, None));
		assert_eq!(
			Reports::<Test>::get(index, 0).unwrap().status,
			ReportStatus::Approved { figure: 1 }
		);
	});
}

#[test]
fn the_active_members_figure_never_exceeds_the_roster_through_churn() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active(active_members_spec());
		fill_roster(index, 3, 0);
		file_and_score(index, &[senior(0), senior(1), senior(2)], 100);
		// Two members are swapped for two newcomers, who report too.
		for s in [1, 2] {
			assert_ok!(CB::remove_member(signed(LEAD), index, senior(s)));
		}
		for s in [3, 4] {
			add_senior(index, senior(s));
		}
		file_and_score(index, &[senior(3), senior(4)], 100);
		go_to(P0_FINAL);
		let figure = CB::active_members(index, &program(index));
		assert_eq!((figure, program(index).roster_count), (3, 3));
	});
}

#[test]
fn strangers_cannot_crowd_a_member_out_of_a_round() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active(round_spec());
		let max_entries: u32 = <<Test as Config>::MaxEntriesPerRound as Get<u32>>::get();
		let max_roster: u32 = <<Test as Config>::MaxRoster as Get<u32>>::get();
		fill_roster(index, max_roster, 0);
		// Claims take only the room the roster cannot use.
		let room = max_entries - max_roster;
		for i in 0..room {
			set_free(400 + i as AccountId, 10 * PHA);
			assert_ok!(claim(index, 0, 400 + i as AccountId));
		}
		set_free(399, 10 * PHA);
		assert_noop!(claim(index, 0, 399), Error::<Test>::NoRoomForClaims);
		// A spam mark frees a claim's slot for a claim, never a member's.
		assert_ok!(spam(index, 0, 400));
		assert_ok!(claim(index, 0, 399));
		assert_noop!(claim(index, 0, 400), Error::<Test>::NoRoomForClaims);
		// Every member of a full roster still files.
		for s in 0..max_roster {
			assert_ok!(file(index, 0, senior(s)));
		}
		assert_eq!(filers(index, 0).len() as u32, max_entries);
	});
}

#[test]
fn a_proportional_round_commits_what_it_will_pay_not_its_cap() {
	ExtBuilder::default().build_and_execute(|| {
		// Shares of $2,000 clipped at $500 each; a program funded for what it owes, not more.
		let mut spec = round_spec();
		spec.pools[SENIOR_POOL as usize].member_cap = Some(500 * USD);
		spec.milestones[0].tranche = 3_000 * PHA;
		spec.budget = spec.milestones.iter().map(|m| m.tranche).sum();
		let index = active(spec);
		fill_roster(index, 2, 0);
		file_and_score(index, &[senior(0), senior(1)], 100);
		go_to(P0_FINAL);
		// Two payments of $500 = 1,250 PHA each: 2,500 of the 3,000 PHA released.
		let owed = 2 * usd_to_pha(500 * USD);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		assert_eq!(program(index).committed, owed);
		// Direct awards may spend what the round does not take.
		settle_all(index, 0);
		assert_eq!((free(senior(0)), free(senior(1))), (owed / 2, owed / 2));
		assert_eq!(program(index).committed, 0);
	});
}

#[test]
fn a_crew_moved_during_a_settlement_changes_nothing_in_it() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.min_crew = 2;
		let index = active(spec);
		// Senior 0 leads 200 and 202, senior 1 leads 201 only.
		fill_roster(index, 2, 3);
		// Page 0: senior 0 and the three ambassadors; page 1: senior 1.
		file_and_score(index, &[senior(0), 200, 201, 202, senior(1)], 100);
		go_to(P0_FINAL);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		// Between two calls the lead moves senior 0's crew to senior 1.
		for a in [200, 202] {
			assert_ok!(CB::remove_member(signed(LEAD), index, a));
			assert_ok!(CB::add_member(
				signed(LEAD),
				index,
				a,
				Role::Ambassador,
				bytes("Korean"),
				Some(senior(1))
			));
		}
		events();
		settle_all(index, 0);
		// Eligibility was fixed at the first call: senior 0 led 2, senior 1 led 1.
		assert_eq!(awarded(&events()), vec![(senior(0), SENIOR_CAP, usd_to_pha(SENIOR_CAP))]);
		assert_eq!(free(senior(1)), 0);
	});
}

#[test]
fn a_promotion_during_a_settlement_does_not_pay_more_seniors_than_max_seniors() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = round_spec();
		spec.max_seniors = Some(2);
		let index = active(spec);
		fill_roster(index, 2, 3);
		// Page 0: both seniors and two ambassadors; page 1: ambassador 202.
		file_and_score(index, &[senior(0), senior(1), 200, 201, 202], 100);
		go_to(P0_FINAL);
		assert_ok!(CB::settle_round(signed(STRANGER), index, 0));
		assert_ok!(CB::remove_member(signed(LEAD), index, senior(1)));
		assert_ok!(CB::promote_member(signed(LEAD), index, 202));
		events();
		settle_all(index, 0);
		let paid: Vec<_> = awarded(&events()).into_iter().map(|(who, _, _)| who).collect();
		assert_eq!(paid, vec![senior(0), senior(1)]);
		assert_eq!(free(202), 0);
	});
}

#[test]
fn the_last_round_gets_a_window_to_be_settled_before_a_close_can_drop_it() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		let schedule = program(index).schedule().expect("active");
		let last = schedule.last_period();
		go_to(schedule.period_start(last));
		assert_ok!(file(index, last, senior(0)));
		assert_ok!(score(index, last, &[(senior(0), 100)]));
		// The lead never finalizes: the round is final by itself at its scoring deadline, and
		// from then on the members have a window to settle it.
		let settleable = schedule.scoring_deadline(last);
		go_to(settleable);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::RoundsOpen);
		go_to(settleable + SETTLEMENT - 1);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::RoundsOpen);
		settle_all(index, last);
		assert_eq!(free(senior(0)), usd_to_pha(SENIOR_CAP));
		assert_ok!(CB::close_program(signed(STRANGER), index));
	});
}

#[test]
fn a_stranger_s_claim_does_not_keep_the_lead_from_closing_early() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(40, 0);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("roster")));
		assert_ok!(approve_ms(council(), index, 0, None));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 1, 50_000, bytes("users")));
		assert_ok!(approve_ms(council(), index, 1, None));
		let before = free(STRANGER);
		// Every month a stranger files a claim; the round it opens is not final yet. The lead's
		// close ends the program now: no later month opens a round.
		go_to(P1);
		assert_ok!(claim(index, 1, STRANGER));
		events();
		assert_ok!(CB::close_program(signed(LEAD), index));
		assert_eq!(events(), vec![Event::ProgramEnded { index, by: LEAD, ends_at: P1 }]);
		let schedule = program(index).schedule().expect("active");
		let ends_at = schedule.ends_at;
		assert_eq!((ends_at, schedule.last_period()), (P1, 0));
		go_to(P1 + PERIOD);
		assert_noop!(claim(index, 2, NEW_LEAD), Error::<Test>::PeriodAfterEnd);
		// Anyone closes once the month's round had its windows: its deposit comes back.
		go_to(schedule.scoring_deadline(1) + SETTLEMENT);
		assert_ok!(CB::close_program(signed(STRANGER), index));
		clear_all(index);
		assert_eq!((free(STRANGER), deposit_held(STRANGER)), (before, 0));
	});
}

#[test]
fn a_round_emptied_by_spam_marks_is_gone() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active(round_spec());
		assert_ok!(claim(index, 0, STRANGER));
		assert_ok!(spam(index, 0, STRANGER));
		assert!(Rounds::<Test>::get(index, 0).is_none());
		assert_eq!(program(index).open_rounds, 0);
		assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 0);
	});
}

#[test]
fn a_zero_rate_refuses_a_settlement() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(1, 0);
		file_and_score(index, &[senior(0)], 100);
		go_to(P0_FINAL);
		UsdRate::set(Some(FixedU128::from_u32(0)));
		assert_noop!(CB::settle_round(signed(STRANGER), index, 0), Error::<Test>::ZeroRate);
		UsdRate::set(Some(FixedU128::from_u32(2)));
		settle_all(index, 0);
		assert_eq!(free(senior(0)), 2 * SENIOR_CAP);
	});
}

#[test]
fn a_member_named_lead_leaves_the_roster() {
	ExtBuilder::default().build_and_execute(|| {
		let index = round_with(2, 2);
		// Ambassador 200 is in senior 0's crew.
		assert_ok!(CB::set_lead(council(), index, 200));
		assert!(Roster::<Test>::get(index, 200).is_none());
		assert_eq!(program(index).roster_count, 3);
		assert_eq!(Roster::<Test>::get(index, senior(0)).unwrap().crew, 0);
		assert!(!Crews::<Test>::get(index, senior(0)).contains(&200));
		// Its figure of AmbassadorCount no longer counts the lead.
		assert_ok!(CB::report_milestone(signed(200), index, 0, 3, bytes("roster")));
		assert_eq!(Reports::<Test>::get(index, 0).unwrap().figure, 3);
	});
}
