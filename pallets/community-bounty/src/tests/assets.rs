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

//! A program paying in an asset (`ProgramSpec::asset`): the mock's USDT, an asset of
//! `pallet-assets` beside PHA. Its budget, tranches and payments are in USDT; its caps are in
//! USDT and need no rate; the council's limit counts its budget at its value in PHA.
//! `build_and_execute` checks the issuance of PHA and of USDT after each test.

use super::{
	rounds::{file, score, settle_all, P0_FINAL, SCORED_40},
	*,
};
use frame_support::traits::tokens::PaymentStatus;

/// 12,000 USDT: tranches of 10,000 and 2,000.
const BUDGET: Balance = 12_000 * USDT_UNIT;
const FIRST: Balance = 10_000 * USDT_UNIT;
const SECOND: Balance = 2_000 * USDT_UNIT;
/// The contributors pool: 2,000 USDT a month, at most 1,000 each.
const CAP: Balance = 2_000 * USDT_UNIT;
const MEMBER_CAP: Balance = 1_000 * USDT_UNIT;
/// A contributor with no account yet.
const PAYEE: AccountId = 7_777;

/// Proposal #14's contributors pool, run as a program paying USDT: a direct pool (0) capped in
/// USDT, and a scored contributors pool (1).
fn usdt_spec() -> ProgramSpec<Test> {
	let mut spec = direct_spec();
	spec.asset = IN_USDT;
	spec.budget = BUDGET;
	spec.milestones[0].tranche = FIRST;
	spec.milestones[1].tranche = SECOND;
	spec.pools = vec![
		RewardPool {
			eligibility: Eligibility::Contributors,
			denomination: IN_USDT,
			period_cap: CAP,
			member_cap: Some(MEMBER_CAP),
			payout: Payout::Direct,
		},
		RewardPool {
			eligibility: Eligibility::SeniorAmbassadors,
			denomination: IN_USDT,
			period_cap: CAP,
			member_cap: None,
			payout: SCORED_40,
		},
	]
	.try_into()
	.unwrap();
	spec
}

/// Proposes and approves [`usdt_spec`]; returns its index. Events are cleared.
fn active_usdt() -> ProgramIndex {
	let index = propose(usdt_spec());
	assert_ok!(CB::approve_program(council(), index));
	events();
	index
}

fn award_usdt(index: ProgramIndex, who: AccountId, amount: Balance) -> DispatchResult {
	CB::award(signed(LEAD), index, 0, who, amount, bytes("an article"))
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn a_program_paying_usdt_is_funded_in_usdt_and_pays_usdt() {
	ExtBuilder::default().build_and_execute(|| {
		let (treasury_pha, lead_pha) = (free(TREASURY), free(LEAD));
		let index = propose(usdt_spec());
		assert_eq!(program(index).asset, IN_USDT);
		// The bond is held in PHA, whatever the program pays in.
		assert_eq!(bond_held(LEAD), bond_for(usdt_spec()));
		assert_eq!(free(LEAD), lead_pha - bond_for(usdt_spec()));
		assert_ok!(CB::approve_program(council(), index));
		assert_eq!(usdt(TREASURY), TREASURY_USDT - FIRST);
		assert_eq!(usdt(account(index)), FIRST);
		assert_eq!(free(TREASURY), treasury_pha, "no PHA leaves the treasury");
		assert_eq!(free(account(index)), 0);
		assert!(events().contains(&Event::TrancheReleased {
			index,
			tranche: 0,
			amount: FIRST,
			account: account(index),
		}));

		assert_ok!(award_usdt(index, PAYEE, 750 * USDT_UNIT));
		assert_eq!(usdt(PAYEE), 750 * USDT_UNIT);
		assert_eq!(free(PAYEE), 0, "paid in USDT, not PHA");
		assert_eq!(program(index).paid, 750 * USDT_UNIT);
		assert_eq!(
			events(),
			vec![Event::Awarded {
				index,
				pool: 0,
				period: 0,
				beneficiary: PAYEE,
				amount: 750 * USDT_UNIT,
				native: 750 * USDT_UNIT,
				reason: bytes("an article"),
				rate_set_at: None,
			}]
		);
		// The member cap is in USDT.
		assert_noop!(award_usdt(index, PAYEE, 251 * USDT_UNIT), Error::<Test>::MemberCapExceeded);
	});
}

#[test]
fn a_cap_in_the_program_asset_needs_no_rate() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_usdt();
		// No USDT rate at all, and the USD rate stale: the award pays as it is.
		UsdtRate::set(None);
		RatesSetAt::set(Some(None));
		assert_ok!(award_usdt(index, PAYEE, 100 * USDT_UNIT));
		assert_eq!(usdt(PAYEE), 100 * USDT_UNIT);
	});
}

#[test]
fn the_council_limit_counts_a_usdt_budget_at_its_value_in_pha() {
	ExtBuilder::default().build_and_execute(|| {
		// 12,000 USDT at 2.5 PHA each is 30,000 PHA: within the small council's 50,000.
		let index = propose(usdt_spec());
		// 25,000 USDT is 62,500 PHA: beyond it.
		let mut big = usdt_spec();
		big.budget = 25_000 * USDT_UNIT;
		big.milestones[0].tranche = 23_000 * USDT_UNIT;
		let big = propose(big);
		assert_noop!(
			CB::approve_program(signed(SMALL_COUNCIL), big),
			Error::<Test>::InsufficientPermission
		);
		// A budget in an asset needs a rate for the limit, and one that is not stale.
		UsdtRate::set(None);
		assert_noop!(CB::approve_program(signed(SMALL_COUNCIL), index), Error::<Test>::NoRate);
		UsdtRate::set(Some(FixedU128::from_u32(2_500_000)));
		RatesSetAt::set(Some(Some(1)));
		go_to(2 + MAX_RATE_AGE);
		assert_noop!(CB::approve_program(signed(SMALL_COUNCIL), index), Error::<Test>::RateStale);
		RatesSetAt::set(None);
		assert_ok!(CB::approve_program(signed(SMALL_COUNCIL), index));
		assert_eq!(usdt(account(index)), FIRST);
	});
}

#[test]
fn the_council_limit_counts_a_usdt_tranche_at_its_value_in_pha() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = usdt_spec();
		spec.budget = 30_000 * USDT_UNIT;
		spec.milestones[0].tranche = 5_000 * USDT_UNIT;
		// 25,000 USDT is 62,500 PHA: more than the small council may release.
		spec.milestones[1].tranche = 25_000 * USDT_UNIT;
		let index = propose(spec);
		assert_ok!(CB::approve_program(council(), index));
		fill_roster(index, 40, 0);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("https://x/roster")));
		assert_noop!(
			approve_ms(signed(SMALL_COUNCIL), index, 0, None),
			Error::<Test>::InsufficientPermission
		);
		// With a cut of 6,000 USDT, 19,000 USDT (47,500 PHA) is within it.
		assert_ok!(approve_ms(signed(SMALL_COUNCIL), index, 0, Some(6_000 * USDT_UNIT)));
		assert_eq!(usdt(account(index)), 24_000 * USDT_UNIT);
	});
}

#[test]
fn a_spec_with_an_unknown_asset_a_foreign_cap_or_a_tranche_below_the_minimum_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = usdt_spec();
		spec.asset = Denomination::Asset(777);
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(spec)),
			Error::<Test>::UnknownAsset
		);
		// A program paying USDT takes no cap in USD (it would need two rates).
		let mut spec = usdt_spec();
		spec.pools[0].denomination = Denomination::Asset(USD_ASSET);
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(spec)),
			Error::<Test>::DenominationMismatch
		);
		// ... nor in PHA.
		let mut spec = usdt_spec();
		spec.pools[1].denomination = Denomination::Native;
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(spec)),
			Error::<Test>::DenominationMismatch
		);
		// The minimum is USDT's (a cent), not PHA's.
		let mut spec = usdt_spec();
		spec.milestones[1].tranche = USDT_MIN - 1;
		spec.budget = FIRST + USDT_MIN - 1;
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(spec)),
			Error::<Test>::TrancheBelowMinimum
		);
		let mut spec = usdt_spec();
		spec.milestones[1].tranche = USDT_MIN;
		spec.budget = FIRST + USDT_MIN;
		assert_ok!(CB::propose_program(signed(LEAD), Box::new(spec)));
	});
}

#[test]
fn a_tranche_the_treasury_cannot_pay_in_usdt_is_owed() {
	ExtBuilder::default().build_and_execute(|| {
		// The treasury holds PHA aplenty but too little USDT.
		set_usdt(TREASURY, FIRST - 1);
		let index = propose(usdt_spec());
		assert_ok!(CB::approve_program(council(), index));
		assert_eq!(program(index).owed_total(), FIRST);
		assert_eq!(usdt(account(index)), 0);
		assert_noop!(
			CB::release_tranche(signed(STRANGER), index),
			Error::<Test>::InsufficientTreasury
		);
		// The treasury keeps its minimum balance: one unit short is still short.
		set_usdt(TREASURY, FIRST);
		assert_noop!(
			CB::release_tranche(signed(STRANGER), index),
			Error::<Test>::InsufficientTreasury
		);
		set_usdt(TREASURY, FIRST + USDT_MIN);
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		assert_eq!(usdt(account(index)), FIRST);
		assert_eq!(usdt(TREASURY), USDT_MIN);
	});
}

#[test]
fn a_round_pays_its_scores_in_usdt() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_usdt();
		fill_roster(index, 2, 0);
		for s in 0..2 {
			assert_ok!(file(index, 0, senior(s)));
		}
		assert_ok!(score(index, 0, &[(senior(0), 100), (senior(1), 60)]));
		// No USDT rate, the USD rate stale: a round in the program's asset needs neither.
		UsdtRate::set(None);
		RatesSetAt::set(Some(None));
		go_to(P0_FINAL);
		settle_all(index, 0);
		// 2,000 USDT shared 100:60.
		assert_eq!(usdt(senior(0)), 1_250 * USDT_UNIT);
		assert_eq!(usdt(senior(1)), 750 * USDT_UNIT);
		assert_eq!(program(index).paid, CAP);
		assert_eq!(usdt(account(index)), FIRST - CAP);
	});
}

#[test]
fn a_failed_usdt_payment_is_earmarked_in_usdt_and_retried_once() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_usdt();
		PaymentMode::set(PayMode::Deferred);
		assert_ok!(award_usdt(index, PAYEE, 500 * USDT_UNIT));
		PaymentMode::set(PayMode::Instant);
		assert!(conclude_payment(0, PaymentStatus::Failure));
		assert_eq!(usdt(PAYEE), 0);
		assert_ok!(CB::check_payment(signed(STRANGER), index, 0));
		// The program account holds the failed payment's USDT for its payee (try_state checks
		// it per asset); a retry pays it once.
		assert_eq!(usdt(account(index)), FIRST);
		assert_eq!(program(index).unspent(), FIRST - 500 * USDT_UNIT);
		assert_ok!(CB::retry_payment(signed(STRANGER), index, 0));
		assert_eq!(usdt(PAYEE), 500 * USDT_UNIT);
		assert_eq!(usdt(account(index)), FIRST - 500 * USDT_UNIT);
		assert_noop!(CB::retry_payment(signed(STRANGER), index, 0), Error::<Test>::UnknownPayment);
	});
}

#[test]
fn an_award_below_the_asset_minimum_to_a_new_account_cannot_be_received() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_usdt();
		assert_noop!(award_usdt(index, PAYEE, USDT_MIN - 1), Error::<Test>::CannotReceive);
		assert_ok!(award_usdt(index, PAYEE, USDT_MIN));
	});
}

#[test]
fn closing_returns_the_usdt_and_reclaim_sweeps_any_asset() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_usdt();
		assert_ok!(award_usdt(index, PAYEE, 400 * USDT_UNIT));
		go_to(CLOSABLE);
		assert_ok!(CB::close_program(signed(STRANGER), index));
		assert!(events().iter().any(|e| matches!(
			e,
			Event::ProgramClosed { refunded, paid, .. }
				if *refunded == FIRST - 400 * USDT_UNIT && *paid == 400 * USDT_UNIT
		)));
		assert_eq!(usdt(account(index)), 0);
		assert_eq!(usdt(TREASURY), TREASURY_USDT - 400 * USDT_UNIT);
		// Strays, in either asset, are swept by the asset named.
		set_usdt(account(index), 3 * USDT_UNIT);
		set_free(account(index), 2 * PHA);
		assert_ok!(CB::reclaim(signed(STRANGER), index, IN_USDT));
		assert_eq!(
			events(),
			vec![Event::Reclaimed { index, asset: IN_USDT, amount: 3 * USDT_UNIT }]
		);
		assert_noop!(
			CB::reclaim(signed(STRANGER), index, IN_USDT),
			Error::<Test>::NothingToReclaim
		);
		assert_ok!(CB::reclaim(signed(STRANGER), index, Denomination::Native));
		assert_eq!(free(account(index)), 0);
	});
}
