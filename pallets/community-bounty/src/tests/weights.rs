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

//! The weight each call charges, and refunds to what it did.

use super::*;

// ---------------------------------------------------------------------------------------------
// Weights charged and refunded by what a call did
// ---------------------------------------------------------------------------------------------

#[test]
fn an_award_is_refunded_to_its_pools_kind() {
	use frame_support::dispatch::GetDispatchInfo;
	type W = <Test as Config>::WeightInfo;
	ExtBuilder::default().build_and_execute(|| {
		// A third pool: contributors, no member cap.
		let index = propose(direct_with_pool(
			Eligibility::Contributors,
			Denomination::Asset(USD_ASSET),
			1_000 * USD,
		));
		assert_ok!(CB::approve_program(council(), index));
		fill_roster(index, 1, 0);
		let reason: ReasonOf<Test> = bytes("monthly reward");
		let len = reason.len() as u32;
		let call = crate::Call::<Test>::award {
			index,
			pool: 2,
			beneficiary: STRANGER,
			amount: USD,
			reason: reason.clone(),
		};
		// Charged as the costliest kind of award, with a record of a payment the paymaster may
		// leave in progress.
		assert_eq!(
			call.get_dispatch_info().call_weight,
			W::award(len).max(W::award_plain(len)).saturating_add(W::retry_payment())
		);
		// A senior pool reads the roster, a member cap keeps a record: not plain.
		let post = CB::award(signed(LEAD), index, SENIOR_POOL, senior(0), USD, reason.clone())
			.expect("paid");
		assert_eq!(post.actual_weight, Some(W::award(len)));
		let post = CB::award(signed(LEAD), index, CONTRIBUTOR_POOL, STRANGER, USD, reason.clone())
			.expect("paid");
		assert_eq!(post.actual_weight, Some(W::award(len)));
		// A contributors pool without a member cap: plain.
		let post = CB::award(signed(LEAD), index, 2, STRANGER, USD, reason).expect("paid");
		assert_eq!(post.actual_weight, Some(W::award_plain(len)));
	});
}

#[test]
fn a_batch_is_refunded_for_its_plain_awards() {
	ExtBuilder::default().build_and_execute(|| {
		// A third pool: contributors, no member cap, native.
		let index =
			propose(direct_with_pool(Eligibility::Contributors, Denomination::Native, 1_000 * PHA));
		assert_ok!(CB::approve_program(council(), index));
		fill_roster(index, 1, 0);
		let batch: Vec<_> = vec![
			entry(SENIOR_POOL, senior(0), 10),
			entry(CONTRIBUTOR_POOL, STRANGER, 10),
			entry(2, NEW_LEAD, 10),
			entry(2, STRANGER, 10),
		];
		let post = CB::award_batch(signed(LEAD), index, batch.try_into().unwrap()).expect("paid");
		// Pool 2's two awards are plain; a senior pool or a member cap is not.
		assert_eq!(post.actual_weight, Some(CB::award_batch_weight(2, 2)));
		type W = <Test as Config>::WeightInfo;
		assert_eq!(
			CB::award_batch_weight(2, 2),
			W::award_batch_plain(2)
				.saturating_add(W::award_batch(2).saturating_sub(W::award_batch(0)))
		);
	});
}

#[test]
fn the_bond_prices_the_stored_record_not_the_text() {
	ExtBuilder::default().build_and_execute(|| {
		let seed = bond_for(direct_spec());
		// Another text: the same hash size, the same bond.
		let mut other_text = direct_spec();
		other_text.description = <Test as frame_system::Config>::Hashing::hash(b"a longer text");
		assert_eq!(bond_for(other_text), seed);
		// Ten more bytes of title: ten more bytes stored.
		let mut longer_title = direct_spec();
		longer_title.title = bytes("Phala community bounty - April 2022 (+10 by)");
		let extra = longer_title.title.len() - direct_spec().title.len();
		assert_eq!(bond_for(longer_title), seed + extra as Balance * (PHA / 10));
		// What is held is what the rule says.
		let before = free(LEAD);
		let index = propose(direct_spec());
		assert_eq!(program(index).bond, seed);
		assert_eq!(
			before - free(LEAD),
			100 * PHA + program(index).encoded_size() as Balance * (PHA / 10)
		);
	});
}

#[test]
fn closing_an_empty_program_looks_into_no_map_but_the_reports() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let post = CB::cancel_program(council(), index).expect("cancelled");
		// Nothing visited: no roster, bars, spending records or rounds, and no report.
		assert_eq!(post.actual_weight, Some(<Test as Config>::WeightInfo::cancel_program(0)));
		assert!(!Cleanups::<Test>::contains_key(index));
	});
}
