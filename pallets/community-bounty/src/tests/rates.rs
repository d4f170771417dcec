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

//! Conversions at a dated rate (`rates.rs`): a rate older than `MaxRateAge`, or undated, is
//! refused with `RateStale` and changes nothing; a native amount needs no rate.

use super::*;

/// The council set the USD rate in block `block`.
fn rate_set_in(block: u64) {
	RatesSetAt::set(Some(Some(block)));
}

#[test]
fn a_direct_award_at_a_rate_older_than_max_rate_age_is_refused_and_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		rate_set_in(1);
		go_to(1 + MAX_RATE_AGE + 1);
		let before = (free(STRANGER), free(account(index)));
		assert_noop!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD), Error::<Test>::RateStale);
		assert_eq!((free(STRANGER), free(account(index))), before);
		assert!(matches!(CB::fresh_rate(&USD_ASSET), Err(Error::<Test>::RateStale)));
		// Set again, the same rate pays; the event names when it was set.
		rate_set_in(1 + MAX_RATE_AGE);
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD));
		assert_eq!(free(STRANGER), before.0 + usd_to_pha(100 * USD));
		assert!(matches!(
			events().last(),
			Some(Event::Awarded { rate_set_at: Some(set_at), .. }) if *set_at == 1 + MAX_RATE_AGE
		));
	});
}

#[test]
fn a_rate_exactly_max_rate_age_old_still_converts() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		rate_set_in(1);
		go_to(1 + MAX_RATE_AGE);
		assert!(matches!(CB::fresh_rate(&USD_ASSET), Ok(1)));
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD));
	});
}

#[test]
fn a_rate_whose_date_is_unknown_is_stale() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		RatesSetAt::set(Some(None));
		assert_noop!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD), Error::<Test>::RateStale);
	});
}

#[test]
fn a_missing_rate_is_no_rate_not_a_stale_one() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		UsdRate::set(None);
		assert_noop!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD), Error::<Test>::NoRate);
	});
}

#[test]
fn a_pool_in_native_tokens_needs_no_rate() {
	ExtBuilder::default().build_and_execute(|| {
		let spec = direct_with_pool(Eligibility::Contributors, Denomination::Native, 500 * PHA);
		let index = propose(spec);
		assert_ok!(CB::approve_program(council(), index));
		RatesSetAt::set(Some(None));
		let before = free(STRANGER);
		assert_ok!(award(index, 2, STRANGER, 100 * PHA));
		assert_eq!(free(STRANGER), before + 100 * PHA);
		assert!(matches!(events().last(), Some(Event::Awarded { rate_set_at: None, .. })));
	});
}

#[test]
fn the_rate_view_says_when_a_rate_was_set_and_until_when_it_converts() {
	ExtBuilder::default().build_and_execute(|| {
		rate_set_in(10);
		go_to(10 + MAX_RATE_AGE);
		let view = CB::rate(USD_ASSET);
		assert_eq!(
			(view.set_at, view.fresh_until, view.fresh),
			(Some(10), Some(10 + MAX_RATE_AGE), true)
		);
		go_to(10 + MAX_RATE_AGE + 1);
		assert!(!CB::rate(USD_ASSET).fresh);
		RatesSetAt::set(Some(None));
		let view = CB::rate(USD_ASSET);
		assert_eq!((view.set_at, view.fresh_until, view.fresh), (None, None, false));
		// A date with no rate behind it (removed by a clock that kept its date) is not fresh.
		rate_set_in(10 + MAX_RATE_AGE);
		UsdRate::set(None);
		let view = CB::rate(USD_ASSET);
		assert_eq!((view.has_rate, view.fresh), (false, false));
	});
}

#[test]
fn a_date_after_the_current_block_is_stale() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		go_to(50);
		rate_set_in(51);
		assert_noop!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD), Error::<Test>::RateStale);
	});
}
