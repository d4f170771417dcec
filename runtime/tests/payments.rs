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

//! Payments through the demo runtime's paymaster (`PayWithFungibles` over `UnionOf<Balances,
//! Assets>`), with storage committed between blocks: a payment done at once leaves no record; a
//! round's payment the paymaster refuses is recorded as failed, its money kept in the program
//! account, and a retry pays it once the payee can receive it.

mod common;
use common::*;
use community_bounty_runtime::EXISTENTIAL_DEPOSIT;
use pallet_community_bounty::{
	Denomination, Error, Event, PaymentBooks, PaymentState, Payments, Payout, Split, MAX_SCORE,
};

/// Proposal #14 whose senior pool pays 1 PHA a month, shared by score: a member scored 1 against
/// another's 100 earns less than the existential deposit.
fn one_pha_spec() -> ProgramSpec<Runtime> {
	let mut spec = seed_spec();
	let pool = &mut spec.pools[0];
	pool.denomination = Denomination::Native;
	pool.period_cap = UNITS;
	pool.member_cap = None;
	pool.payout = Payout::Scored { threshold: 0, split: Split::Proportional };
	spec
}

#[test]
fn a_failed_round_payment_keeps_its_money_and_is_paid_once_by_a_retry() {
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, one_pha_spec());
	let seniors: Vec<AccountId> = (0..2).map(senior).collect();
	chain.block(|| {
		for (s, senior) in seniors.iter().enumerate() {
			add(senior, None);
			for a in 0..2 {
				add(&ambassador(2 * s as u32 + a), Some(senior));
			}
		}
	});
	chain.block(|| {
		for who in &seniors {
			assert_ok!(file(who, 0));
		}
		assert_ok!(CommunityBounty::score_round(
			signed(&lead()),
			0,
			0,
			vec![(seniors[0].clone(), MAX_SCORE), (seniors[1].clone(), 1)].try_into().unwrap()
		));
	});
	let (filing, _) = deadlines(approved_at, 0);
	let program = CommunityBounty::program_account(0);
	let before = chain.block_at(Some(filing), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
		// The contributors pool is in USD: the council keeps its rate fresh.
		confirm_rate();
		free(&program)
	});
	let paid = settle_all(&mut chain, 0);
	let (big, small) = (UNITS * 100 / 101, UNITS / 101);
	assert!(small < EXISTENTIAL_DEPOSIT);
	assert_eq!(paid, vec![(seniors[0].clone(), big)]);
	chain.block(|| {
		// Failed, charged, and earmarked in the program account; the payment done at once left
		// no record.
		let record = Payments::<Runtime>::get(0, 0).expect("the failed payment is recorded");
		assert_eq!((record.payee.clone(), record.amount), (seniors[1].clone(), small));
		assert!(matches!(record.state, PaymentState::Failed { .. }));
		assert_eq!(Payments::<Runtime>::iter_prefix(0).count(), 1);
		assert_eq!(PaymentBooks::<Runtime>::get(0).open, 1);
		assert_eq!(free(&program), before - big);
		assert_eq!(free(&seniors[1]), 0);
		// The payee still cannot receive it: a retry changes nothing.
		assert_noop!(
			CommunityBounty::retry_payment(signed(&id(Eve)), 0, 0),
			Error::<Runtime>::PaymentRefused
		);
	});
	// The member opens its account; anyone retries; it is paid once.
	chain.block(|| {
		assert_ok!(Balances::transfer_keep_alive(
			signed(&id(Ferdie)),
			MultiAddress::Id(seniors[1].clone()),
			EXISTENTIAL_DEPOSIT
		));
		assert_ok!(CommunityBounty::retry_payment(signed(&id(Eve)), 0, 0));
		assert!(cb_events().contains(&Event::PaymentConfirmed {
			index: 0,
			payment: 0,
			payee: seniors[1].clone(),
			amount: small,
		}));
		assert_eq!(free(&seniors[1]), EXISTENTIAL_DEPOSIT + small);
		assert_eq!(free(&program), before - big - small);
		assert_noop!(
			CommunityBounty::retry_payment(signed(&id(Eve)), 0, 0),
			Error::<Runtime>::UnknownPayment
		);
	});
}

/// A member names another account for its pay (as a runtime mapping EVM wallets would name
/// one): its round payment lands there, a failed payment is retried to the payee it names
/// afterwards, and clearing returns the deposit. Events and records still name the member.
#[test]
fn members_name_payees_and_their_round_pay_lands_there() {
	use community_bounty_runtime::configs::PayeeDeposit;
	use frame_support::traits::fungible::InspectHold;
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, one_pha_spec());
	let seniors: Vec<AccountId> = (0..2).map(senior).collect();
	let (wallet, other_wallet) = (id(Dave), id(Charlie));
	chain.block(|| {
		for (s, senior) in seniors.iter().enumerate() {
			add(senior, None);
			for a in 0..2 {
				add(&ambassador(2 * s as u32 + a), Some(senior));
			}
		}
		// Senior 0 opens its account and names its wallet; senior 1 has no account yet.
		assert_ok!(Balances::transfer_keep_alive(
			signed(&id(Ferdie)),
			MultiAddress::Id(seniors[0].clone()),
			UNITS
		));
		assert_ok!(CommunityBounty::set_payee(
			signed(&seniors[0]),
			MultiAddress::Id(wallet.clone())
		));
		assert!(cb_events().contains(&Event::PayeeSet {
			who: seniors[0].clone(),
			payee: wallet.clone(),
			deposit: PayeeDeposit::get(),
		}));
		for who in &seniors {
			assert_ok!(file(who, 0));
		}
		assert_ok!(CommunityBounty::score_round(
			signed(&lead()),
			0,
			0,
			vec![(seniors[0].clone(), MAX_SCORE), (seniors[1].clone(), 1)].try_into().unwrap()
		));
	});
	let (filing, _) = deadlines(approved_at, 0);
	let program = CommunityBounty::program_account(0);
	let (before, wallet_before, other_before) = chain.block_at(Some(filing), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
		confirm_rate();
		(free(&program), free(&wallet), free(&other_wallet))
	});
	let paid = settle_all(&mut chain, 0);
	let (big, small) = (UNITS * 100 / 101, UNITS / 101);
	// The award is senior 0's; the money is at its wallet.
	assert_eq!(paid, vec![(seniors[0].clone(), big)]);
	chain.block(|| {
		assert_eq!(free(&wallet), wallet_before + big);
		assert_eq!(free(&seniors[0]), UNITS - PayeeDeposit::get());
		assert_eq!(free(&program), before - big);
		assert_eq!(Payments::<Runtime>::get(0, 0).map(|r| r.payee), Some(seniors[1].clone()));
	});
	// Senior 1's payment failed (its own account could not receive it). It opens its account,
	// names another wallet, and the retry pays the wallet, once.
	chain.block(|| {
		assert_ok!(Balances::transfer_keep_alive(
			signed(&id(Ferdie)),
			MultiAddress::Id(seniors[1].clone()),
			UNITS
		));
		assert_ok!(CommunityBounty::set_payee(
			signed(&seniors[1]),
			MultiAddress::Id(other_wallet.clone())
		));
	});
	chain.block(|| {
		assert_ok!(CommunityBounty::retry_payment(signed(&id(Eve)), 0, 0));
		assert!(cb_events().contains(&Event::PaymentConfirmed {
			index: 0,
			payment: 0,
			payee: seniors[1].clone(),
			amount: small,
		}));
		assert_eq!(free(&other_wallet), other_before + small);
		assert_eq!(free(&seniors[1]), UNITS - PayeeDeposit::get());
		assert_eq!(free(&program), before - big - small);
		assert_noop!(
			CommunityBounty::retry_payment(signed(&id(Eve)), 0, 0),
			Error::<Runtime>::UnknownPayment
		);
	});
	// Clearing returns the deposit.
	chain.block(|| {
		assert_ok!(CommunityBounty::clear_payee(signed(&seniors[0])));
		let reason = community_bounty_runtime::RuntimeHoldReason::CommunityBounty(
			pallet_community_bounty::HoldReason::PayeeDeposit,
		);
		assert_eq!(Balances::balance_on_hold(&reason, &seniors[0]), 0);
		assert_eq!(free(&seniors[0]), UNITS);
	});
}

/// A payee the runtime's lookup cannot resolve is refused with the lookup's error, and nothing
/// changes: no deposit, no record.
#[test]
fn a_payee_the_lookup_refuses_changes_nothing() {
	let mut chain = Chain::new();
	chain.block(|| {
		let eve = id(Eve);
		let before = free(&eve);
		for payee in [
			MultiAddress::Index(()),
			MultiAddress::Raw(vec![1, 2, 3]),
			MultiAddress::Address20([7; 20]),
		] {
			assert_noop!(
				CommunityBounty::set_payee(signed(&eve), payee),
				sp_runtime::DispatchError::CannotLookup
			);
		}
		assert!(!pallet_community_bounty::Payees::<Runtime>::contains_key(&eve));
		assert_eq!(free(&eve), before);
	});
}
