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

//! No stale rate, on the demo runtime with storage committed between blocks: the council's
//! motions date the rates they set (`dated_rates`), nothing sets a rate without its date, and a
//! round does not settle at a rate older than `MaxRateAge` until the council sets it again.

mod common;
use common::*;
use community_bounty_runtime::{configs::MaxRateAge, dated_rates, seed};
use frame_support::traits::tokens::ConversionFromAssetBalance;
use pallet_community_bounty::{Error, Event, Rounds, MAX_SCORE};
use sp_runtime::traits::Dispatchable;

fn rate_now() -> Option<u128> {
	<AssetRate as ConversionFromAssetBalance<_, _, _>>::from_asset_balance(USD, USD_ASSET).ok()
}

fn dated_at() -> Option<u32> {
	dated_rates::SetAt::<Runtime>::get(USD_ASSET)
}

#[test]
fn genesis_dates_the_presets_rate_and_a_council_motion_dates_the_rate_it_sets() {
	let mut chain = Chain::new();
	chain.block(|| {
		assert_eq!(dated_at(), Some(0), "the preset's rate is dated at genesis");
		assert_eq!(rate_now(), Some(5 * UNITS / 2));
	});
	chain.block_at(Some(1_000), || {
		set_rate(FixedU128::from_u32(3));
		assert_eq!(dated_at(), Some(1_000));
		assert_eq!(rate_now(), Some(3 * UNITS));
	});
	// Confirmed at the same rate: dated again.
	chain.block_at(Some(2_000), || {
		set_rate(FixedU128::from_u32(3));
		assert_eq!(dated_at(), Some(2_000));
	});
}

#[test]
fn no_rate_changes_without_its_date() {
	let mut chain = Chain::new();
	chain.block_at(Some(1_000), || {
		// The council's motion on pallet-asset-rate directly: refused by the call filter.
		let direct = RuntimeCall::AssetRate(pallet_asset_rate::Call::update {
			asset_kind: Box::new(USD_ASSET),
			rate: FixedU128::from_u32(9),
		});
		assert_eq!(
			motion(Alice, 3, direct.clone(), &[Bob, Charlie], &[]),
			Some(Err(frame_system::Error::<Runtime>::CallFiltered.into()))
		);
		// Nor may a signed account dispatch it.
		assert!(direct.dispatch(RuntimeOrigin::signed(id(Alice))).is_err());
		// Through DatedRates, an origin that may not set rates is refused, and dates nothing.
		let dated = RuntimeCall::DatedRates(dated_rates::Call::update {
			asset_kind: Box::new(USD_ASSET),
			rate: FixedU128::from_u32(9),
		});
		assert!(dated.dispatch(RuntimeOrigin::signed(id(Alice))).is_err());
		// A create of a rate that exists fails in pallet-asset-rate: no date is written either.
		let create = RuntimeCall::DatedRates(dated_rates::Call::create {
			asset_kind: Box::new(USD_ASSET),
			rate: FixedU128::from_u32(9),
		});
		assert_eq!(motion(Alice, 3, create, &[Bob, Charlie], &[]).map(|r| r.is_err()), Some(true));
		assert_eq!(rate_now(), Some(5 * UNITS / 2));
		assert_eq!(dated_at(), Some(0));
	});
}

#[test]
fn a_round_does_not_settle_at_a_stale_rate_until_the_council_sets_it_again() {
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, seed::proposal_14());
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
		score(&seniors, 0, MAX_SCORE);
	});
	let (filing, _) = deadlines(approved_at, 0);
	assert!(filing > MaxRateAge::get(), "the genesis rate is stale by the filing deadline");
	let program = CommunityBounty::program_account(0);
	let before = chain.block_at(Some(filing), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
		(free(&program), free(&seniors[0]))
	});
	past_the_checks(&mut chain, 0, 0);
	// The council let the rate age past MaxRateAge: the settlement's first step is refused,
	// and nothing changes.
	chain.block(|| {
		let round = Rounds::<Runtime>::get(0, 0);
		assert_noop!(
			CommunityBounty::settle_round(signed(&id(Eve)), 0, 0),
			Error::<Runtime>::RateStale
		);
		assert_eq!(Rounds::<Runtime>::get(0, 0), round);
		assert_eq!((free(&program), free(&seniors[0])), before);
	});
	// The council sets the rate again (PHA fell: 3 PHA per USD); the round settles at it.
	let set_at = chain.block(|| {
		set_rate(FixedU128::from_u32(3));
		System::block_number()
	});
	chain.block(|| {
		assert_ok!(CommunityBounty::settle_round(signed(&id(Eve)), 0, 0));
		assert!(cb_events().into_iter().any(|e| matches!(
			e,
			Event::RoundTallied { rates, .. } if rates.to_vec() == vec![(0, set_at)]
		)));
	});
	let paid = settle_all(&mut chain, 0);
	// $2,000 shared by two equal scores, at 3 PHA per USD.
	assert_eq!(paid, seniors.iter().map(|s| (s.clone(), 3_000 * UNITS)).collect::<Vec<_>>());
}
