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

//! Direct awards: pools, caps, eligibility, batches.

use super::*;

// ---------------------------------------------------------------------------------------------
// Rewards
// ---------------------------------------------------------------------------------------------

/// The seed month: six Senior Ambassadors share the $2,000 pool; a seventh award that would
/// break the cap is refused and changes nothing.
#[test]
fn seed_month_of_senior_rewards() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 6, 26);
		events();
		let shares = [400, 400, 300, 300, 300, 300];
		for (s, usd) in shares.iter().enumerate() {
			let before = free(senior(s as u32));
			assert_ok!(award(index, SENIOR_POOL, senior(s as u32), usd * USD));
			assert_eq!(free(senior(s as u32)), before + usd_to_pha(usd * USD));
		}
		let paid = usd_to_pha(2_000 * USD);
		assert_eq!(program(index).paid, paid);
		assert_eq!(free(account(index)), 80_000 * PHA - paid);
		assert_eq!(pool_spent(index, SENIOR_POOL), Spending { period: 0, spent: 2_000 * USD });
		assert_eq!(
			events()[0],
			Event::Awarded {
				index,
				pool: SENIOR_POOL,
				period: 0,
				beneficiary: senior(0),
				amount: 400 * USD,
				native: 1_000 * PHA,
				reason: bytes("monthly reward"),
				// The mock's council keeps its rate fresh: set in this block.
				rate_set_at: Some(System::block_number()),
			}
		);
		// The pool is exhausted for this month: one unit more is refused.
		assert_noop!(award(index, SENIOR_POOL, senior(0), 1), Error::<Test>::PoolCapExceeded);
	});
}

#[test]
fn cap_edges_exactly_at_cap_passes_one_over_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 1, 0);
		assert_noop!(
			award(index, SENIOR_POOL, senior(0), SENIOR_CAP + 1),
			Error::<Test>::PoolCapExceeded
		);
		assert_ok!(award(index, SENIOR_POOL, senior(0), SENIOR_CAP));
		// Member cap of the contributor pool.
		assert_noop!(
			award(index, CONTRIBUTOR_POOL, STRANGER, CONTRIBUTOR_MEMBER_CAP + 1),
			Error::<Test>::MemberCapExceeded
		);
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, CONTRIBUTOR_MEMBER_CAP - 1));
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 1));
		assert_noop!(award(index, CONTRIBUTOR_POOL, STRANGER, 1), Error::<Test>::MemberCapExceeded);
		assert_eq!(
			MemberSpending::<Test>::get(index, (CONTRIBUTOR_POOL, STRANGER)),
			Some(Spending { period: 0, spent: CONTRIBUTOR_MEMBER_CAP })
		);
		// Others may still be paid from the pool up to its cap.
		assert_ok!(award(index, CONTRIBUTOR_POOL, NEW_LEAD, CONTRIBUTOR_MEMBER_CAP));
		assert_eq!(program(index).beneficiaries, PeriodCount { period: 0, count: 2 });
	});
}

#[test]
fn a_new_period_resets_the_caps_lazily() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 1, 0);
		assert_ok!(award(index, SENIOR_POOL, senior(0), SENIOR_CAP));
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, CONTRIBUTOR_MEMBER_CAP));
		// Approved at block 1: period 0 runs to block 100, period 1 starts at block 101.
		go_to(PERIOD);
		assert_noop!(award(index, SENIOR_POOL, senior(0), 1), Error::<Test>::PoolCapExceeded);
		assert_noop!(award(index, CONTRIBUTOR_POOL, STRANGER, 1), Error::<Test>::MemberCapExceeded);
		go_to(PERIOD + 1);
		events();
		assert_ok!(award(index, SENIOR_POOL, senior(0), SENIOR_CAP));
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, CONTRIBUTOR_MEMBER_CAP));
		assert_eq!(pool_spent(index, SENIOR_POOL), Spending { period: 1, spent: SENIOR_CAP });
		assert!(matches!(events()[0], Event::Awarded { period: 1, .. }));
		// Three periods later, still one record per pool and per beneficiary.
		go_to(4 * PERIOD + 1);
		assert_ok!(award(index, SENIOR_POOL, senior(0), 1));
		assert_eq!(pool_spent(index, SENIOR_POOL), Spending { period: 4, spent: 1 });
		assert_eq!(program(index).spending_records, 1);
	});
}

#[test]
fn a_rate_change_between_awards_changes_the_native_amount() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let before = free(STRANGER);
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD));
		assert_eq!(free(STRANGER), before + 250 * PHA);
		// PHA falls: 4 PHA per USD.
		UsdRate::set(Some(FixedU128::from_u32(4)));
		events();
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD));
		assert_eq!(free(STRANGER), before + 250 * PHA + 400 * PHA);
		assert!(matches!(events()[0], Event::Awarded { amount, native, .. } if amount == 100 * USD && native == 400 * PHA));
		// The cap is in USD: $200 spent whatever the rate.
		assert_eq!(
			MemberSpending::<Test>::get(index, (CONTRIBUTOR_POOL, STRANGER)).unwrap().spent,
			200 * USD
		);
		assert_eq!(program(index).paid, 650 * PHA);
		// No rate: a typed error, never a zero payment.
		UsdRate::set(None);
		assert_noop!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD), Error::<Test>::NoRate);
	});
}

#[test]
fn native_pools_and_unknown_assets() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = direct_spec();
		spec.pools[0] = RewardPool {
			eligibility: Eligibility::Contributors,
			denomination: Denomination::Native,
			period_cap: 1_000 * PHA,
			member_cap: None,
			payout: Payout::Direct,
		};
		spec.pools[1].denomination = Denomination::Asset(NO_RATE_ASSET);
		let index = propose(spec);
		assert_ok!(CB::approve_program(council(), index));
		let before = free(STRANGER);
		assert_ok!(award(index, 0, STRANGER, 1_000 * PHA));
		assert_eq!(free(STRANGER), before + 1_000 * PHA);
		assert_eq!(program(index).spending_records, 0, "no member cap, no per-member record");
		assert_noop!(award(index, 1, STRANGER, 1), Error::<Test>::NoRate);
	});
}

#[test]
fn award_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let proposed = propose(direct_spec());
		assert_noop!(award(proposed, SENIOR_POOL, STRANGER, 1), Error::<Test>::NotActive);
		let index = active_direct();
		fill_roster(index, 1, 1);
		assert_noop!(award(77, SENIOR_POOL, STRANGER, 1), Error::<Test>::UnknownProgram);
		assert_noop!(
			CB::award(signed(STRANGER), index, SENIOR_POOL, senior(0), 1, bytes("x")),
			Error::<Test>::NotLead
		);
		assert_noop!(
			CB::award(council(), index, SENIOR_POOL, senior(0), 1, bytes("x")),
			Error::<Test>::NotLead
		);
		assert_noop!(
			CB::award(RuntimeOrigin::root(), index, SENIOR_POOL, senior(0), 1, bytes("x")),
			BadOrigin
		);
		assert_noop!(award(index, 2, senior(0), 1), Error::<Test>::UnknownPool);
		assert_noop!(award(index, SENIOR_POOL, senior(0), 0), Error::<Test>::ZeroAmount);
		// Ambassadors are not paid from the senior pool ("normal ambassadors are no longer
		// eligible"), nor are strangers.
		assert_noop!(award(index, SENIOR_POOL, 200, USD), Error::<Test>::NotEligible);
		assert_noop!(award(index, SENIOR_POOL, STRANGER, USD), Error::<Test>::NotEligible);
		assert_noop!(
			award(index, CONTRIBUTOR_POOL, account(index), USD),
			Error::<Test>::ReservedAccount
		);
		// Too small to be worth a native unit.
		UsdRate::set(Some(FixedU128::from_rational(1, 1_000)));
		assert_noop!(award(index, SENIOR_POOL, senior(0), 1), Error::<Test>::ZeroAmount);
		// Too small for a new account to exist.
		UsdRate::set(Some(FixedU128::from_u32(1)));
		assert_noop!(award(index, CONTRIBUTOR_POOL, 5_555, ED - 1), Error::<Test>::CannotReceive);
		go_to(CLOSABLE);
		assert_noop!(award(index, SENIOR_POOL, senior(0), USD), Error::<Test>::ProgramExpired);
	});
}

#[test]
fn awards_never_exceed_released_minus_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = direct_spec();
		spec.pools[0] = RewardPool {
			eligibility: Eligibility::Contributors,
			denomination: Denomination::Native,
			period_cap: 1_000_000 * PHA,
			member_cap: None,
			payout: Payout::Direct,
		};
		let index = propose(spec);
		assert_ok!(CB::approve_program(council(), index));
		// The account must stay alive: all of it cannot be paid out.
		assert_noop!(
			award(index, 0, STRANGER, 80_000 * PHA),
			Error::<Test>::InsufficientProgramFunds
		);
		assert_noop!(
			award(index, 0, STRANGER, 80_000 * PHA + 1),
			Error::<Test>::InsufficientProgramFunds
		);
		assert_ok!(award(index, 0, STRANGER, 80_000 * PHA - ED));
		assert_eq!(free(account(index)), ED);
		assert_eq!(program(index).paid, 80_000 * PHA - ED);
		// Stray tokens in the account do not raise what rewards may pay.
		assert_ok!(Balances::transfer_keep_alive(signed(NEW_LEAD), account(index), 100 * PHA));
		assert_noop!(award(index, 0, STRANGER, ED + 1), Error::<Test>::InsufficientProgramFunds);
	});
}

#[test]
fn a_removed_senior_is_no_longer_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 2, 0);
		assert_ok!(award(index, SENIOR_POOL, senior(1), 100 * USD));
		assert_ok!(CB::remove_member(signed(LEAD), index, senior(1)));
		assert_noop!(award(index, SENIOR_POOL, senior(1), 100 * USD), Error::<Test>::NotEligible);
	});
}

#[test]
fn beneficiary_records_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let max = <<Test as Config>::MaxBeneficiaries as Get<u32>>::get();
		for i in 0..max {
			assert_ok!(award(index, CONTRIBUTOR_POOL, 10_000 + i as AccountId, 1 * USD));
		}
		assert_eq!(program(index).beneficiaries, PeriodCount { period: 0, count: max });
		assert_noop!(
			award(index, CONTRIBUTOR_POOL, 50_000, 1 * USD),
			Error::<Test>::TooManyBeneficiaries
		);
		// Known beneficiaries are still paid.
		assert_ok!(award(index, CONTRIBUTOR_POOL, 10_000, 1 * USD));
		// In the next period the slots are free again.
		go_to(1 + PERIOD);
		assert_ok!(award(index, CONTRIBUTOR_POOL, 50_000, 1 * USD));
		assert_eq!(program(index).beneficiaries, PeriodCount { period: 1, count: 1 });
		assert_eq!(program(index).spending_records, max + 1);
		// Closing clears every record.
		assert_ok!(CB::cancel_program(council(), index));
		clear_all(index);
		assert_eq!(MemberSpending::<Test>::iter_prefix(index).count(), 0);
	});
}

#[test]
fn batch_pays_every_entry() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 6, 0);
		events();
		let mut batch: Vec<_> = (0..6).map(|s| entry(SENIOR_POOL, senior(s), 300)).collect();
		batch.push(entry(CONTRIBUTOR_POOL, STRANGER, 500));
		let before: Vec<_> = (0..6).map(|s| free(senior(s))).collect();
		assert_ok!(CB::award_batch(signed(LEAD), index, batch.try_into().unwrap()));
		for s in 0..6 {
			assert_eq!(free(senior(s)), before[s as usize] + usd_to_pha(300 * USD));
		}
		assert_eq!(events().len(), 7);
		assert_eq!(program(index).paid, usd_to_pha(2_300 * USD));
		assert_eq!(pool_spent(index, SENIOR_POOL).spent, 1_800 * USD);
	});
}

#[test]
fn batch_with_one_bad_entry_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 6, 0);
		// The caps apply across the batch: the 7th entry breaks the senior cap.
		let mut batch: Vec<_> = (0..6).map(|s| entry(SENIOR_POOL, senior(s), 300)).collect();
		batch.push(entry(SENIOR_POOL, senior(0), 201));
		assert_noop!(
			CB::award_batch(signed(LEAD), index, batch.try_into().unwrap()),
			Error::<Test>::PoolCapExceeded
		);
		// An ineligible entry in the middle.
		let batch = vec![
			entry(SENIOR_POOL, senior(0), 1),
			entry(SENIOR_POOL, STRANGER, 1),
			entry(SENIOR_POOL, senior(1), 1),
		];
		assert_noop!(
			CB::award_batch(signed(LEAD), index, batch.try_into().unwrap()),
			Error::<Test>::NotEligible
		);
		assert_noop!(
			CB::award_batch(signed(LEAD), index, Default::default()),
			Error::<Test>::EmptyBatch
		);
		assert_noop!(
			CB::award_batch(
				signed(STRANGER),
				index,
				vec![entry(SENIOR_POOL, senior(0), 1)].try_into().unwrap()
			),
			Error::<Test>::NotLead
		);
		assert_eq!(program(index).paid, 0);
	});
}

#[test]
fn batch_over_the_bound_fails_to_decode() {
	use codec::{Decode, Encode};
	let max = <<Test as Config>::MaxAwardsPerCall as Get<u32>>::get() as usize;
	let entries: Vec<AwardOf<Test>> = (0..max + 1).map(|i| entry(0, i as AccountId, 1)).collect();
	// The encoding of an over-long batch, as a client would send it.
	let call = (0u32, entries).encode();
	assert!(<(u32, AwardsOf<Test>)>::decode(&mut &call[..]).is_err());
	let entries: Vec<AwardOf<Test>> = (0..max).map(|i| entry(0, i as AccountId, 1)).collect();
	let call = (0u32, entries).encode();
	assert!(<(u32, AwardsOf<Test>)>::decode(&mut &call[..]).is_ok());
}
