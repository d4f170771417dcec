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
