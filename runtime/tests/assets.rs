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

//! A program paying USDT on the demo runtime, with the real `pallet-assets` (USDT, asset 1984)
//! beside PHA, council motions and storage committed between blocks: the seed's
//! `contributors_in_usdt`. Its tranche leaves the treasury's USDT, its caps in USDT need no
//! rate, the council's limit counts its budget at a fresh PHA value, a tip below USDT's minimum
//! balance fails and is retried once the payee holds USDT, and the close returns the rest. The
//! issuance of PHA and of USDT is unchanged throughout.

mod common;
use common::*;
use community_bounty_runtime::{
	configs::USDT,
	genesis_config_presets::{TREASURY_USDT, USDT_UNIT},
	Assets, TreasuryAccount, DAYS,
};
use pallet_community_bounty::{Error, Event, PaymentState, Payments};

fn usdt(who: &AccountId) -> Balance {
	Assets::balance(USDT, who)
}

fn usdt_issuance() -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::total_issuance(USDT)
}

/// The council dates the PHA/USDT rate (2.5 PHA a USDT) by motion, in the current block.
fn set_usdt_rate() {
	let call = RuntimeCall::DatedRates(community_bounty_runtime::dated_rates::Call::update {
		asset_kind: Box::new(USDT),
		rate: FixedU128::from_u32(2_500_000),
	});
	assert_eq!(motion(Alice, 3, call, &[Bob, Charlie], &[]), Some(Ok(())));
}

/// `who` claims a tip of program 0's pool 1 for period 0.
fn claim(who: &AccountId) {
	assert_ok!(CommunityBounty::file_claim(signed(who), 0, 0, 1, bounded("https://tip")));
}

#[test]
fn a_program_paying_usdt_pays_in_usdt_end_to_end() {
	let mut chain = Chain::new();
	let (pha_issuance, usdt_before) = chain.block(|| (Balances::total_issuance(), usdt_issuance()));
	let treasury = TreasuryAccount::get();
	let program = CommunityBounty::program_account(0);
	chain.block(|| {
		assert_ok!(CommunityBounty::propose_program(
			signed(&lead()),
			Box::new(community_bounty_runtime::seed::contributors_in_usdt())
		));
	});
	// A month on, the genesis PHA/USDT rate is stale: the approval's limit cannot value the
	// budget, and the motion's call fails, changing nothing; dated again, it passes.
	let approved_at = chain.block_at(Some(40 * DAYS), || {
		let approve = cb(pallet_community_bounty::Call::approve_program { index: 0 });
		assert_eq!(
			motion(Alice, 3, approve.clone(), &[Bob, Charlie], &[]),
			Some(Err(Error::<Runtime>::RateStale.into()))
		);
		assert_eq!(usdt(&program), 0);
		set_usdt_rate();
		assert_eq!(motion(Alice, 3, approve, &[Bob, Charlie], &[]), Some(Ok(())));
		System::block_number()
	});
	chain.block(|| {
		assert_eq!(usdt(&treasury), TREASURY_USDT - 4_000 * USDT_UNIT);
		assert_eq!(usdt(&program), 4_000 * USDT_UNIT);
		assert_eq!(free(&program), 0, "no PHA funds a USDT program");
	});

	// Awards in USDT, against USDT caps, with every rate stale: none is needed.
	let (dave, tipped, tipless) = (id(Dave), stranger(1), stranger(2));
	chain.block_at(Some(approved_at + 20 * DAYS), || {
		assert_ok!(CommunityBounty::award(
			signed(&lead()),
			0,
			0,
			MultiAddress::Id(dave.clone()),
			750 * USDT_UNIT,
			bounded("workshop")
		));
		assert_eq!(usdt(&dave), 750 * USDT_UNIT);
		assert_eq!(
			CommunityBounty::award(
				signed(&lead()),
				0,
				0,
				MultiAddress::Id(dave.clone()),
				251 * USDT_UNIT,
				bounded("more")
			)
			.map_err(|e| e.error),
			Err(Error::<Runtime>::MemberCapExceeded.into())
		);
		// Two contributors claim tips; they hold PHA for the deposit, no USDT.
		for who in [&tipped, &tipless] {
			assert_ok!(Balances::transfer_keep_alive(
				signed(&id(Alice)),
				MultiAddress::Id(who.clone()),
				10 * UNITS
			));
			claim(who);
		}
		assert_ok!(CommunityBounty::score_round(
			signed(&lead()),
			0,
			0,
			vec![(tipped.clone(), 100), (tipless.clone(), 1)].try_into().unwrap()
		));
	});
	let (filing, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
	});
	settle_all(&mut chain, 0);
	let small = USDT_UNIT / 101;
	chain.block(|| {
		assert_eq!(usdt(&tipped), USDT_UNIT * 100 / 101);
		assert_eq!(usdt(&tipless), 0);
		let record = Payments::<Runtime>::get(0, 0).expect("the tip below the minimum failed");
		assert_eq!((record.payee.clone(), record.amount), (tipless.clone(), small));
		assert!(matches!(record.state, PaymentState::Failed { .. }));
		check_try_state();
	});
	// Once the payee holds USDT (an award), anyone retries: paid once, in USDT.
	chain.block(|| {
		assert_ok!(CommunityBounty::award(
			signed(&lead()),
			0,
			0,
			MultiAddress::Id(tipless.clone()),
			10 * USDT_UNIT,
			bounded("translation")
		));
		assert_ok!(CommunityBounty::retry_payment(signed(&id(Eve)), 0, 0));
		assert!(cb_events().contains(&Event::PaymentConfirmed {
			index: 0,
			payment: 0,
			payee: tipless.clone(),
			amount: small,
		}));
		assert_eq!(usdt(&tipless), 10 * USDT_UNIT + small);
	});
	// The program ends; anyone closes it and the rest of its USDT returns to the treasury.
	let paid = 750 * USDT_UNIT + USDT_UNIT * 100 / 101 + 10 * USDT_UNIT + small;
	chain.block_at(Some(approved_at + 61 * DAYS + 5 * DAYS), || {
		assert_ok!(CommunityBounty::close_program(signed(&id(Eve)), 0));
		assert_eq!(usdt(&program), 0);
		assert_eq!(usdt(&treasury), TREASURY_USDT - paid);
		assert_eq!(Balances::total_issuance(), pha_issuance);
		assert_eq!(usdt_issuance(), usdt_before);
		check_try_state();
	});
}
