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

//! Payees (`payees.rs`): an account names where its pay goes, for every program, with a deposit
//! held; awards, a round's payments and retries go there, the record and events still name the
//! account; a payment in progress is not redirected; clearing releases the deposit.

use super::{
	rounds::{active, awarded, file, round_spec, score, settle_all, P0_FINAL},
	*,
};
use frame_support::traits::{fungible::Inspect, tokens::PaymentStatus};
use sp_runtime::{DispatchError, TokenError};

/// 100 USD from the contributors pool: 250 PHA at the mock's rate.
const AWARD_USD: Balance = 100 * USD;
const AWARD_PHA: Balance = 250 * PHA;
/// The wallets members name as payees, with no account yet.
const WALLET: AccountId = 7_777;
const OTHER_WALLET: AccountId = 7_778;

fn payee_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::PayeeDeposit.into(), &who)
}

fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

fn set_payee(who: AccountId, payee: AccountId) -> DispatchResult {
	CB::set_payee(signed(who), payee)
}

#[test]
fn a_payee_holds_one_deposit_and_receives_the_accounts_awards() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let (stranger, total) = (free(STRANGER), issuance());
		assert_ok!(set_payee(STRANGER, WALLET));
		assert_eq!(
			events(),
			vec![Event::PayeeSet { who: STRANGER, payee: WALLET, deposit: PAYEE_DEPOSIT }]
		);
		assert_eq!(payee_held(STRANGER), PAYEE_DEPOSIT);
		assert_eq!(free(STRANGER), stranger - PAYEE_DEPOSIT);
		assert_eq!(Payees::<Test>::get(STRANGER).map(|p| p.beneficiary), Some(WALLET));

		// Naming another keeps the one deposit.
		assert_ok!(set_payee(STRANGER, OTHER_WALLET));
		assert_eq!(payee_held(STRANGER), PAYEE_DEPOSIT);
		assert_eq!(free(STRANGER), stranger - PAYEE_DEPOSIT);

		// The award is the account's (its cap, its event); the money goes to its payee.
		let account_before = free(account(index));
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, AWARD_USD));
		assert_eq!(free(OTHER_WALLET), AWARD_PHA);
		assert_eq!(free(WALLET), 0);
		assert_eq!(free(STRANGER), stranger - PAYEE_DEPOSIT);
		assert_eq!(free(account(index)), account_before - AWARD_PHA);
		assert_eq!(awarded(&events()), vec![(STRANGER, AWARD_USD, AWARD_PHA)]);
		assert_eq!(
			MemberSpending::<Test>::get(index, (CONTRIBUTOR_POOL, STRANGER)).map(|s| s.spent),
			Some(AWARD_USD)
		);
		assert_eq!(issuance(), total);
	});
}

#[test]
fn clearing_a_payee_releases_its_deposit_and_pays_the_account_again() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let stranger = free(STRANGER);
		assert_ok!(set_payee(STRANGER, WALLET));
		events();
		assert_ok!(CB::clear_payee(signed(STRANGER)));
		assert_eq!(events(), vec![Event::PayeeCleared { who: STRANGER, deposit: PAYEE_DEPOSIT }]);
		assert_eq!(payee_held(STRANGER), 0);
		assert_eq!(free(STRANGER), stranger);
		assert!(!Payees::<Test>::contains_key(STRANGER));

		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, AWARD_USD));
		assert_eq!(free(STRANGER), stranger + AWARD_PHA);
		assert_eq!(free(WALLET), 0);
	});
}

#[test]
fn bad_payee_calls_fail_with_their_cause_and_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		// Only an account names its own payee.
		assert_noop!(CB::set_payee(RuntimeOrigin::none(), WALLET), DispatchError::BadOrigin);
		assert_noop!(CB::set_payee(RuntimeOrigin::root(), WALLET), DispatchError::BadOrigin);
		assert_noop!(CB::clear_payee(RuntimeOrigin::root()), DispatchError::BadOrigin);
		// Nothing to clear.
		assert_noop!(CB::clear_payee(signed(STRANGER)), Error::<Test>::NoPayee);
		// An account that cannot pay the deposit names none.
		assert_noop!(set_payee(OTHER_WALLET, WALLET), TokenError::FundsUnavailable);
	});
}

#[test]
fn a_round_payment_goes_to_the_members_payee() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active(round_spec());
		fill_roster(index, 2, 0);
		set_free(senior(0), 10 * PHA);
		assert_ok!(set_payee(senior(0), WALLET));
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(file(index, 0, senior(1)));
		assert_ok!(score(index, 0, &[(senior(0), 100), (senior(1), 100)]));
		go_to(P0_FINAL);
		let (total, account_before) = (issuance(), free(account(index)));
		events();
		settle_all(index, 0);
		let paid = awarded(&events());
		let share = |who| paid.iter().find(|(b, ..)| *b == who).map(|(.., native)| *native);
		let (to_payee, to_own) = (share(senior(0)).unwrap(), share(senior(1)).unwrap());
		assert!(to_payee > 0);
		assert_eq!(free(WALLET), to_payee);
		assert_eq!(free(senior(0)), 10 * PHA - PAYEE_DEPOSIT);
		assert_eq!(free(senior(1)), to_own);
		assert_eq!(free(account(index)), account_before - to_payee - to_own);
		assert_eq!(issuance(), total);
	});
}

#[test]
fn a_payment_in_progress_is_not_redirected() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		PaymentMode::set(PayMode::Deferred);
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, AWARD_USD));
		PaymentMode::set(PayMode::Instant);
		let stranger = free(STRANGER);
		assert_ok!(set_payee(STRANGER, WALLET));
		assert!(conclude_payment(0, PaymentStatus::Success));
		assert_ok!(CB::check_payment(signed(LEAD), index, 0));
		// Handed over to the account before it named a payee: it stays there.
		assert_eq!(free(STRANGER), stranger - PAYEE_DEPOSIT);
		assert_eq!(free(WALLET), 0);
		assert!(!Payments::<Test>::contains_key(index, 0));
	});
}

#[test]
fn a_failed_payment_is_retried_to_the_payee_named_at_the_retry() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		PaymentMode::set(PayMode::Deferred);
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, AWARD_USD));
		PaymentMode::set(PayMode::Instant);
		// The paymaster could not pay the account: the money came back to the program.
		assert!(conclude_payment(0, PaymentStatus::Failure));
		assert_ok!(CB::check_payment(signed(LEAD), index, 0));
		let (stranger, account_before, total) = (free(STRANGER), free(account(index)), issuance());

		assert_ok!(set_payee(STRANGER, WALLET));
		events();
		assert_ok!(CB::retry_payment(signed(LEAD), index, 0));
		assert_eq!(
			events(),
			vec![Event::PaymentConfirmed { index, payment: 0, payee: STRANGER, amount: AWARD_PHA }]
		);
		assert_eq!(free(WALLET), AWARD_PHA);
		assert_eq!(free(STRANGER), stranger - PAYEE_DEPOSIT);
		assert_eq!(free(account(index)), account_before - AWARD_PHA);
		assert_eq!(issuance(), total);
		// Paid once.
		assert_noop!(CB::retry_payment(signed(LEAD), index, 0), Error::<Test>::UnknownPayment);
	});
}

#[test]
fn an_award_a_named_payee_cannot_receive_is_refused_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_ok!(set_payee(STRANGER, WALLET));
		let before = program(index);
		// Less than the existential deposit, to a wallet with no account: the paymaster
		// refuses. The pallet cannot ask a named payee beyond the chain's accounts why, so it
		// reports the refusal.
		let tiny_usd = ED * 2 / 5 / 2;
		assert!(usd_to_pha(tiny_usd) < ED && usd_to_pha(tiny_usd) > 0);
		assert_noop!(
			award(index, CONTRIBUTOR_POOL, STRANGER, tiny_usd),
			Error::<Test>::PaymentRefused
		);
		assert_eq!(program(index), before);
		assert_eq!(free(WALLET), 0);
	});
}
