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

//! Payments through the paymaster and the status of each (`payments.rs`): a payment done at once
//! leaves no record; one in progress waits for `check_payment`; a failed one keeps its money
//! earmarked for `retry_payment`, is never paid twice, and holds a close for its retry window.
//! The mock's paymaster pays at once, later, or never (`PaymentMode`).

use super::{
	rounds::{active, awarded, file, round_spec, score, settle_all, P0_FINAL},
	*,
};
use frame_support::traits::tokens::PaymentStatus;

/// 100 USD, as the lead awards it from the contributors pool: 250 PHA at the mock's rate.
const AWARD_USD: Balance = 100 * USD;
const AWARD_PHA: Balance = 250 * PHA;
/// A contributor with no account yet.
const PAYEE: AccountId = 5_555;

fn check(index: ProgramIndex, payment: PaymentIndex) -> DispatchResult {
	CB::check_payment(signed(STRANGER), index, payment)
}

fn retry(index: ProgramIndex, payment: PaymentIndex) -> DispatchResult {
	CB::retry_payment(signed(STRANGER), index, payment)
}

fn book(index: ProgramIndex) -> PaymentBookOf<Test> {
	PaymentBooks::<Test>::get(index)
}

fn state(index: ProgramIndex, payment: PaymentIndex) -> Option<PaymentStateOf<Test>> {
	Payments::<Test>::get(index, payment).map(|record| record.state)
}

/// An active direct program whose lead awarded [`AWARD_USD`] to [`PAYEE`] while the paymaster
/// defers its payments: payment 0 is in progress. Events are cleared.
fn award_in_progress() -> ProgramIndex {
	let index = active_direct();
	PaymentMode::set(PayMode::Deferred);
	assert_ok!(award(index, CONTRIBUTOR_POOL, PAYEE, AWARD_USD));
	PaymentMode::set(PayMode::Instant);
	events();
	index
}

#[test]
fn a_payment_done_at_once_leaves_no_record() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_ok!(award(index, CONTRIBUTOR_POOL, PAYEE, AWARD_USD));
		assert_eq!(free(PAYEE), AWARD_PHA);
		assert_eq!(Payments::<Test>::iter_prefix(index).count(), 0);
		assert!(!PaymentBooks::<Test>::contains_key(index));
	});
}

#[test]
fn an_award_the_paymaster_refuses_fails_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let before = program(index);
		PaymentMode::set(PayMode::Refuse);
		assert_noop!(
			award(index, CONTRIBUTOR_POOL, STRANGER, AWARD_USD),
			Error::<Test>::PaymentRefused
		);
		assert_eq!(program(index), before);
		assert_eq!(pool_spent(index, CONTRIBUTOR_POOL).spent, 0);
	});
}

#[test]
fn an_award_in_progress_is_recorded_until_the_paymaster_says_it_is_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		PaymentMode::set(PayMode::Deferred);
		assert_ok!(award(index, CONTRIBUTOR_POOL, PAYEE, AWARD_USD));
		let awarded = events();
		// Charged to the cap and counted paid when handed over.
		assert_eq!(pool_spent(index, CONTRIBUTOR_POOL).spent, AWARD_USD);
		assert_eq!(program(index).paid, AWARD_PHA);
		assert!(awarded.contains(&Event::PaymentInProgress {
			index,
			payment: 0,
			payee: PAYEE,
			amount: AWARD_PHA
		}));
		assert_eq!(state(index, 0), Some(PaymentState::InProgress { id: 0 }));
		assert_eq!(book(index).in_progress, 1);
		let listed = CB::view_payments(index);
		assert_eq!(
			listed.iter().map(|p| (p.payment, p.in_progress)).collect::<Vec<_>>(),
			[(0, true)]
		);

		// Still in progress: asking changes nothing.
		assert_noop!(check(index, 0), Error::<Test>::PaymentInconclusive);
		// Only a failed payment is retried.
		assert_noop!(retry(index, 0), Error::<Test>::PaymentNotFailed);

		assert!(conclude_payment(0, PaymentStatus::Success));
		assert_ok!(check(index, 0));
		assert_eq!(
			events(),
			vec![Event::PaymentConfirmed { index, payment: 0, payee: PAYEE, amount: AWARD_PHA }]
		);
		assert_eq!(state(index, 0), None);
		assert_eq!(book(index), PaymentBook { next: 1, ..Default::default() });
		assert_eq!(free(PAYEE), AWARD_PHA);
		assert_noop!(check(index, 0), Error::<Test>::UnknownPayment);
	});
}

#[test]
fn a_payment_reported_failed_keeps_its_money_and_is_paid_once_on_retry() {
	ExtBuilder::default().build_and_execute(|| {
		let index = award_in_progress();
		let account_before = free(account(index));
		assert!(conclude_payment(0, PaymentStatus::Failure));
		// The paymaster's failure returned the money to the program account.
		assert_eq!(free(account(index)), account_before + AWARD_PHA);
		assert_eq!(free(PAYEE), 0);
		go_to(7);
		assert_ok!(check(index, 0));
		assert_eq!(
			events(),
			vec![Event::PaymentFailed {
				index,
				payment: 0,
				pool: CONTRIBUTOR_POOL,
				period: 0,
				payee: PAYEE,
				amount: AWARD_PHA,
				retry_until: 7 + RETRY_WINDOW,
			}]
		);
		assert_eq!(state(index, 0), Some(PaymentState::Failed { at: 7 }));
		// Still charged: the cap does not let the lead pay it a second time.
		assert_eq!(pool_spent(index, CONTRIBUTOR_POOL).spent, AWARD_USD);
		assert_eq!(program(index).paid, AWARD_PHA);
		// Earmarked: direct awards cannot spend it.
		assert_eq!(CB::spendable(index, &program(index)), program(index).unspent());

		// A retry the paymaster refuses changes nothing.
		PaymentMode::set(PayMode::Refuse);
		assert_noop!(retry(index, 0), Error::<Test>::PaymentRefused);
		PaymentMode::set(PayMode::Instant);
		assert_ok!(retry(index, 0));
		assert_eq!(
			events(),
			vec![Event::PaymentConfirmed { index, payment: 0, payee: PAYEE, amount: AWARD_PHA }]
		);
		assert_eq!(free(PAYEE), AWARD_PHA);
		assert_eq!(free(account(index)), account_before);
		assert_noop!(retry(index, 0), Error::<Test>::UnknownPayment);
		assert_eq!(program(index).paid, AWARD_PHA);
	});
}

#[test]
fn a_retry_may_itself_be_in_progress() {
	ExtBuilder::default().build_and_execute(|| {
		let index = award_in_progress();
		assert!(conclude_payment(0, PaymentStatus::Failure));
		assert_ok!(check(index, 0));
		PaymentMode::set(PayMode::Deferred);
		assert_ok!(retry(index, 0));
		// The retry is the paymaster's payment 1.
		assert_eq!(state(index, 0), Some(PaymentState::InProgress { id: 1 }));
		assert_eq!(book(index).in_progress, 1);
		assert!(conclude_payment(1, PaymentStatus::Success));
		assert_ok!(check(index, 0));
		assert_eq!(free(PAYEE), AWARD_PHA);
		assert_eq!(book(index).open, 0);
	});
}

/// `Unknown` counts as done: the paymaster forgets a payment only after it gave its outcome,
/// and the money left the program account when it was handed over. Counting it failed would let
/// a retry pay it a second time.
#[test]
fn an_unknown_status_counts_as_done_and_is_never_paid_twice() {
	ExtBuilder::default().build_and_execute(|| {
		let index = award_in_progress();
		assert!(conclude_payment(0, PaymentStatus::Unknown));
		assert_ok!(check(index, 0));
		assert_eq!(
			events(),
			vec![Event::PaymentConfirmed { index, payment: 0, payee: PAYEE, amount: AWARD_PHA }]
		);
		assert_noop!(retry(index, 0), Error::<Test>::UnknownPayment);
		assert_eq!(free(PAYEE), AWARD_PHA);
		assert_eq!(program(index).paid, AWARD_PHA);
	});
}

#[test]
fn a_program_cannot_close_or_be_cancelled_while_a_payment_is_in_progress() {
	ExtBuilder::default().build_and_execute(|| {
		let index = award_in_progress();
		go_to(CLOSABLE);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::PaymentsInProgress);
		assert_noop!(CB::cancel_program(council(), index), Error::<Test>::PaymentsInProgress);
		assert!(conclude_payment(0, PaymentStatus::Success));
		assert_ok!(check(index, 0));
		assert_ok!(CB::close_program(signed(STRANGER), index));
		assert!(!PaymentBooks::<Test>::contains_key(index));
	});
}

#[test]
fn a_failed_payment_holds_a_close_for_its_retry_window_then_returns_with_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		let index = award_in_progress();
		let failed_at = CLOSABLE - 1;
		go_to(failed_at);
		assert!(conclude_payment(0, PaymentStatus::Failure));
		assert_ok!(check(index, 0));
		go_to(CLOSABLE);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::PaymentRetryOpen);
		go_to(failed_at + RETRY_WINDOW);
		let (treasury, held) = (free(TREASURY), free(account(index)));
		assert_ok!(CB::close_program(signed(STRANGER), index));
		// The earmarked amount went back with the rest: the whole account, failed payment
		// included.
		assert_eq!(free(TREASURY), treasury + held);
		assert_eq!(free(account(index)), 0);
		assert_eq!(free(PAYEE), 0);
		// The program is gone (its record with the clean-up's first step): no retry pays it.
		assert_noop!(retry(index, 0), Error::<Test>::UnknownProgram);
		clear_all(index);
		assert_eq!(Payments::<Test>::iter_prefix(index).count(), 0);
	});
}

#[test]
fn a_council_cancel_does_not_wait_for_a_retry_window() {
	ExtBuilder::default().build_and_execute(|| {
		let index = award_in_progress();
		assert!(conclude_payment(0, PaymentStatus::Failure));
		assert_ok!(check(index, 0));
		let (treasury, held) = (free(TREASURY), free(account(index)));
		assert_ok!(CB::cancel_program(council(), index));
		assert_eq!(free(TREASURY), treasury + held);
		clear_all(index);
		assert_eq!(Payments::<Test>::iter_prefix(index).count(), 0);
	});
}

/// A native senior pool of 1 PHA: a score of 1 against 100 earns less than the existential
/// deposit, which an account that does not exist cannot receive.
fn one_pha_round() -> ProgramIndex {
	let mut spec = round_spec();
	spec.pools[SENIOR_POOL as usize].denomination = Denomination::Native;
	spec.pools[SENIOR_POOL as usize].period_cap = PHA;
	spec.pools[SENIOR_POOL as usize].payout =
		Payout::Scored { threshold: 0, split: Split::Proportional };
	active(spec)
}

#[test]
fn a_round_payment_that_fails_is_recorded_and_retried_once_the_payee_can_receive() {
	ExtBuilder::default().build_and_execute(|| {
		let index = one_pha_round();
		fill_roster(index, 2, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(file(index, 0, senior(1)));
		assert_ok!(score(index, 0, &[(senior(0), 100), (senior(1), 1)]));
		go_to(P0_FINAL);
		let before = free(account(index));
		events();
		settle_all(index, 0);
		let events = events();
		let (big, small) = (PHA * 100 / 101, PHA / 101);
		assert!(small < ED);
		assert_eq!(awarded(&events), vec![(senior(0), big, big)]);
		assert!(events.contains(&Event::PaymentFailed {
			index,
			payment: 0,
			pool: SENIOR_POOL,
			period: 0,
			payee: senior(1),
			amount: small,
			retry_until: P0_FINAL + RETRY_WINDOW,
		}));
		assert!(events.contains(&Event::RoundSettled { index, period: 0, paid: 1, skipped: 1 }));
		// The page lists it, with its retry window.
		assert_eq!(
			CB::view_payments(index),
			vec![crate::views::PaymentView {
				payment: 0,
				payee: senior(1),
				amount: small,
				pool: SENIOR_POOL,
				period: 0,
				in_progress: false,
				failed_at: Some(P0_FINAL),
				retry_until: Some(P0_FINAL + RETRY_WINDOW),
			}]
		);
		// The failed payment's money stays in the program account, charged and earmarked.
		assert_eq!(free(account(index)), before - big);
		assert_eq!(program(index).committed, 0);
		assert_eq!(program(index).paid, big + small);

		// Still cannot receive: a retry changes nothing.
		assert_noop!(retry(index, 0), Error::<Test>::PaymentRefused);
		// The member's account exists now: the retry pays it, once.
		set_free(senior(1), ED);
		assert_ok!(retry(index, 0));
		assert_eq!(free(senior(1)), ED + small);
		assert_eq!(free(account(index)), before - big - small);
		assert_noop!(retry(index, 0), Error::<Test>::UnknownPayment);
	});
}

#[test]
fn beyond_max_open_payments_a_failed_round_payment_is_skipped_uncharged() {
	ExtBuilder::default().build_and_execute(|| {
		let max = <<Test as Config>::MaxOpenPayments as Get<u32>>::get();
		let index = one_pha_round();
		fill_roster(index, max + 1, 0);
		let scores: Vec<_> = (0..=max).map(|s| (senior(s), 50)).collect();
		for (who, _) in &scores {
			assert_ok!(file(index, 0, *who));
		}
		for chunk in scores.chunks(<<Test as Config>::MaxScoresPerCall as Get<u32>>::get() as usize)
		{
			assert_ok!(score(index, 0, chunk));
		}
		go_to(P0_FINAL);
		let before = free(account(index));
		PaymentMode::set(PayMode::Refuse);
		events();
		settle_all(index, 0);
		let events = events();
		let share = PHA / (max as Balance + 1);
		let failed = events.iter().filter(|e| matches!(e, Event::PaymentFailed { .. })).count();
		assert_eq!(failed, max as usize);
		assert!(events.contains(&Event::PaymentSkipped {
			index,
			period: 0,
			pool: SENIOR_POOL,
			beneficiary: senior(max),
			amount: share,
			native: share,
		}));
		assert_eq!(book(index).open, max);
		// Nothing left the account; only the recorded payments are charged.
		assert_eq!(free(account(index)), before);
		assert_eq!(program(index).paid, share * max as Balance);
		assert_eq!(program(index).committed, 0);
	});
}

#[test]
fn checking_or_retrying_an_unknown_payment_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_noop!(check(index, 0), Error::<Test>::UnknownPayment);
		assert_noop!(retry(index, 0), Error::<Test>::UnknownPayment);
		assert_noop!(CB::check_payment(RuntimeOrigin::none(), index, 0), BadOrigin);
		assert_noop!(CB::retry_payment(RuntimeOrigin::none(), index, 0), BadOrigin);
	});
}
