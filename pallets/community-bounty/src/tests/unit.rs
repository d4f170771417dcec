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

//! Unit tests of the community-bounty pallet, on the mock runtime.
//!
//! `ExtBuilder::build_and_execute` checks the pallet's invariants (`do_try_state`) and that total
//! issuance is unchanged after every test.

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::{
	traits::{BadOrigin, Hash},
	FixedU128,
};

pub(super) type CB = CommunityBounty;

pub(super) fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
pub(super) fn council() -> RuntimeOrigin {
	signed(APPROVER)
}
pub(super) fn majority() -> RuntimeOrigin {
	signed(REJECTER)
}
pub(super) fn bytes<S: Get<u32>>(s: &str) -> BoundedVec<u8, S> {
	s.as_bytes().to_vec().try_into().expect("test strings fit their bounds")
}
pub(super) fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
pub(super) fn bond_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProgramBond.into(), &who)
}
pub(super) fn account(index: ProgramIndex) -> AccountId {
	CB::program_account(index)
}
pub(super) fn program(index: ProgramIndex) -> Program<Test> {
	Programs::<Test>::get(index).expect("program exists")
}
pub(super) fn go_to(block: u64) {
	System::set_block_number(block);
}
/// The events of this pallet, in order, and clears the event log.
pub(super) fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::CommunityBounty(e) = r.event { Some(e) } else { None })
		.collect();
	System::reset_events();
	events
}

/// The first block at which anyone may close the seed program approved at block 1 (if no round
/// is open): after its end block and its last period's filing window.
pub(super) const CLOSABLE: u64 = 1 + 6 * PERIOD + GRACE;

pub(super) const SENIOR_CAP: Balance = 2_000 * USD;
pub(super) const CONTRIBUTOR_CAP: Balance = 2_000 * USD;
pub(super) const CONTRIBUTOR_MEMBER_CAP: Balance = 500 * USD;
pub(super) const SENIOR_POOL: PoolIndex = 0;
pub(super) const CONTRIBUTOR_POOL: PoolIndex = 1;
pub(crate) const DESCRIPTION: &str =
	"Expand the Phala global community: reward Senior Ambassadors, educators and contributors.";

/// Khala treasury proposal #14: 100,000 PHA, two milestones, two $2,000/month pools.
pub(crate) fn seed_spec() -> ProgramSpec<Test> {
	ProgramSpec {
		title: bytes("Phala community bounty - April 2022"),
		description: description_hash(),
		budget: 100_000 * PHA,
		milestones: vec![
			Milestone { metric: Metric::AmbassadorCount, target: 40, tranche: 80_000 * PHA },
			Milestone { metric: Metric::CommunitySize, target: 50_000, tranche: 20_000 * PHA },
		]
		.try_into()
		.unwrap(),
		pools: vec![
			RewardPool {
				eligibility: Eligibility::SeniorAmbassadors,
				denomination: Denomination::Asset(USD_ASSET),
				period_cap: SENIOR_CAP,
				member_cap: None,
				payout: Payout::Direct,
			},
			RewardPool {
				eligibility: Eligibility::Contributors,
				denomination: Denomination::Asset(USD_ASSET),
				period_cap: CONTRIBUTOR_CAP,
				member_cap: Some(CONTRIBUTOR_MEMBER_CAP),
				payout: Payout::Direct,
			},
		]
		.try_into()
		.unwrap(),
		duration: 6 * PERIOD,
		activity_threshold: 40,
		max_seniors: None,
		min_crew: 0,
	}
}

/// The seed with a third pool, index 2: `eligibility`, paid directly, no member cap.
pub(crate) fn seed_with_pool(
	eligibility: Eligibility,
	denomination: Denomination<u32>,
	period_cap: Balance,
) -> ProgramSpec<Test> {
	let mut spec = seed_spec();
	spec.pools
		.try_push(RewardPool {
			eligibility,
			denomination,
			period_cap,
			member_cap: None,
			payout: Payout::Direct,
		})
		.expect("room for a third pool");
	spec
}

/// The hash of [`DESCRIPTION`]: what a spec carries of its text.
pub(crate) fn description_hash() -> <Test as frame_system::Config>::Hash {
	<Test as frame_system::Config>::Hashing::hash(DESCRIPTION.as_bytes())
}

/// The bond of a proposal: the base, and the per-byte part for its program record as stored.
pub(crate) fn bond_for(spec: ProgramSpec<Test>) -> Balance {
	let record = CB::proposed_record(LEAD, spec, 1).expect("a record");
	100 * PHA + record.encoded_size() as Balance * (PHA / 10)
}

/// The bond of the seed proposal.
pub(crate) fn seed_bond() -> Balance {
	bond_for(seed_spec())
}

/// What `pool` of program `index` spent in its latest period.
pub(super) fn pool_spent(index: ProgramIndex, pool: PoolIndex) -> Spending<Balance> {
	program(index).pool_spent[pool as usize]
}

/// The council's approval of the report of `milestone` it saw: it names that report's attempt and
/// figure of record (as a motion built from the report would).
pub(super) fn approve_ms(
	origin: RuntimeOrigin,
	index: ProgramIndex,
	milestone: MilestoneIndex,
	cut: Option<Balance>,
) -> DispatchResult {
	let (attempt, figure) =
		Reports::<Test>::get(index, milestone).map_or((1, 0), |r| (r.attempt, r.figure));
	CB::approve_milestone(origin, index, milestone, attempt, figure, cut)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// The council's rejection of the report of `milestone` it saw.
pub(super) fn reject_ms(
	origin: RuntimeOrigin,
	index: ProgramIndex,
	milestone: MilestoneIndex,
) -> DispatchResult {
	let attempt = Reports::<Test>::get(index, milestone).map_or(1, |r| r.attempt);
	CB::reject_milestone(origin, index, milestone, attempt)
}

/// Takes the clean-up steps of removed program `index` until nothing of it is left.
pub(super) fn clear_all(index: ProgramIndex) {
	while Cleanups::<Test>::contains_key(index) {
		assert_ok!(CB::clear_program(signed(STRANGER), index));
	}
	assert_noop!(CB::clear_program(signed(STRANGER), index), Error::<Test>::NothingToClear);
}

pub(super) fn propose(spec: ProgramSpec<Test>) -> ProgramIndex {
	let index = ProgramCount::<Test>::get();
	assert_ok!(CB::propose_program(signed(LEAD), Box::new(spec)));
	index
}

/// Proposes and approves the seed program; returns its index. Events are cleared.
pub(super) fn active_seed() -> ProgramIndex {
	let index = propose(seed_spec());
	assert_ok!(CB::approve_program(council(), index));
	events();
	index
}

/// Adds `seniors` Senior Ambassadors (accounts 100..) and `crew` ambassadors (200..) spread over
/// them.
pub(super) fn fill_roster(index: ProgramIndex, seniors: u32, crew: u32) {
	for s in 0..seniors {
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			senior(s),
			Role::SeniorAmbassador,
			bytes("English"),
			None
		));
	}
	for a in 0..crew {
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			200 + a as AccountId,
			Role::Ambassador,
			bytes("Korean"),
			Some(senior(a % seniors))
		));
	}
}
pub(super) fn senior(s: u32) -> AccountId {
	100 + s as AccountId
}

pub(super) fn usd_to_pha(usd: Balance) -> Balance {
	usd * 5 / 2
}

// ---------------------------------------------------------------------------------------------
// propose_program
// ---------------------------------------------------------------------------------------------

#[test]
fn propose_holds_bond_and_stores_program() {
	ExtBuilder::default().build_and_execute(|| {
		let before = free(LEAD);
		let index = propose(seed_spec());
		assert_eq!(index, 0);
		assert_eq!(ProgramCount::<Test>::get(), 1);
		let p = program(0);
		assert_eq!(p.lead, LEAD);
		assert_eq!(p.status, ProgramStatus::Proposed);
		assert_eq!(p.budget, 100_000 * PHA);
		assert_eq!((p.released, p.owed_total(), p.paid), (0, 0, 0));
		assert_eq!(p.bond, seed_bond());
		assert_eq!(p.proposed_at, 1);
		// The title is stored, the description only as the hash of its text.
		assert_eq!(p.title.to_vec(), seed_spec().title.to_vec());
		assert_eq!(p.description, description_hash());
		assert_eq!(p.pool_spent.len(), 2);
		assert_eq!(bond_held(LEAD), seed_bond());
		assert_eq!(free(LEAD), before - seed_bond());
		assert_eq!(
			events(),
			vec![Event::ProgramProposed {
				index: 0,
				lead: LEAD,
				description: description_hash(),
				budget: 100_000 * PHA,
				bond: seed_bond(),
				milestones: 2,
				pools: 2,
				duration: 6 * PERIOD,
			}]
		);
		// Indices are never reused.
		assert_eq!(propose(seed_spec()), 1);
	});
}

#[test]
fn propose_rejects_inconsistent_specs() {
	ExtBuilder::default().build_and_execute(|| {
		let check = |f: fn(&mut ProgramSpec<Test>), e: Error<Test>| {
			let mut spec = seed_spec();
			f(&mut spec);
			assert_noop!(CB::propose_program(signed(LEAD), Box::new(spec)), e);
		};
		check(|s| s.title = Default::default(), Error::EmptyTitle);
		check(|s| s.milestones = Default::default(), Error::NoMilestones);
		check(|s| s.milestones[1].target = 0, Error::ZeroTarget);
		check(|s| s.milestones[0].tranche = ED - 1, Error::TrancheBelowMinimum);
		check(|s| s.budget = 99_999 * PHA, Error::BudgetMismatch);
		check(
			|s| {
				s.milestones[0].tranche = Balance::MAX;
				s.budget = Balance::MAX;
			},
			Error::BudgetMismatch,
		);
		check(|s| s.duration = 0, Error::InvalidDuration);
		check(|s| s.duration = 12 * PERIOD + 1, Error::InvalidDuration);
		check(|s| s.pools[0].period_cap = 0, Error::ZeroCap);
		check(|s| s.pools[1].member_cap = Some(0), Error::ZeroCap);
		check(|s| s.pools[1].member_cap = Some(CONTRIBUTOR_CAP + 1), Error::MemberCapAbovePoolCap);
	});
}

#[test]
fn propose_accepts_limits() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = seed_spec();
		spec.duration = 12 * PERIOD;
		spec.pools = Default::default();
		spec.pools.try_push(seed_spec().pools[1].clone()).unwrap();
		spec.pools[0].member_cap = Some(CONTRIBUTOR_CAP);
		spec.milestones[0].tranche = 100_000 * PHA - ED;
		spec.milestones[1].tranche = ED;
		assert_ok!(CB::propose_program(signed(LEAD), Box::new(spec)));
	});
}

#[test]
fn propose_needs_signed_origin_and_bond() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CB::propose_program(RuntimeOrigin::root(), Box::new(seed_spec())), BadOrigin);
		// An account that cannot afford the bond.
		set_free(STRANGER, 50 * PHA);
		assert_noop!(
			CB::propose_program(signed(STRANGER), Box::new(seed_spec())),
			Error::<Test>::InsufficientBond
		);
	});
}

// ---------------------------------------------------------------------------------------------
// approve_program / reject_program
// ---------------------------------------------------------------------------------------------

#[test]
fn approve_releases_bond_and_funds_first_tranche() {
	ExtBuilder::default().build_and_execute(|| {
		let lead_before = free(LEAD);
		let index = propose(seed_spec());
		events();
		go_to(5);
		assert_ok!(CB::approve_program(council(), index));
		let p = program(index);
		assert_eq!(p.status, ProgramStatus::Active { approved_at: 5, ends_at: 5 + 6 * PERIOD });
		assert_eq!(p.bond, 0);
		assert_eq!(p.released, 80_000 * PHA);
		assert_eq!(bond_held(LEAD), 0);
		assert_eq!(free(LEAD), lead_before);
		assert_eq!(free(account(index)), 80_000 * PHA);
		assert_eq!(free(TREASURY), TREASURY_FUNDS - 80_000 * PHA);
		assert_eq!(
			events(),
			vec![
				Event::ProgramApproved {
					index,
					lead: LEAD,
					account: account(index),
					bond_released: seed_bond(),
					approved_at: 5,
					ends_at: 5 + 6 * PERIOD,
				},
				Event::TrancheReleased {
					index,
					tranche: 0,
					amount: 80_000 * PHA,
					account: account(index)
				},
			]
		);
	});
}

#[test]
fn approve_by_root_works_and_other_origins_fail() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(seed_spec());
		assert_noop!(CB::approve_program(signed(LEAD), index), BadOrigin);
		assert_noop!(CB::approve_program(majority(), index), BadOrigin);
		assert_noop!(CB::approve_program(RuntimeOrigin::none(), index), BadOrigin);
		assert_ok!(CB::approve_program(RuntimeOrigin::root(), index));
	});
}

#[test]
fn approve_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CB::approve_program(council(), 7), Error::<Test>::UnknownProgram);
		let index = active_seed();
		assert_noop!(CB::approve_program(council(), index), Error::<Test>::NotProposed);
	});
}

#[test]
fn approve_with_short_treasury_owes_tranche_and_release_pays_it_later() {
	ExtBuilder::default().treasury(50_000 * PHA).build_and_execute(|| {
		let index = propose(seed_spec());
		events();
		assert_ok!(CB::approve_program(council(), index));
		let p = program(index);
		assert!(matches!(p.status, ProgramStatus::Active { .. }));
		assert_eq!((p.released, p.owed_total()), (0, 80_000 * PHA));
		assert_eq!(free(TREASURY), 50_000 * PHA);
		assert_eq!(free(account(index)), 0);
		assert_eq!(
			events().last(),
			Some(&Event::TrancheOwed { index, tranche: 0, amount: 80_000 * PHA })
		);

		// Still short: nothing changes.
		assert_noop!(
			CB::release_tranche(signed(STRANGER), index),
			Error::<Test>::InsufficientTreasury
		);
		// Exactly the tranche is not enough: the treasury must stay alive.
		set_free(TREASURY, 80_000 * PHA);
		assert_noop!(
			CB::release_tranche(signed(STRANGER), index),
			Error::<Test>::InsufficientTreasury
		);

		set_free(TREASURY, 80_000 * PHA + ED);
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		let p = program(index);
		assert_eq!((p.released, p.owed_total()), (80_000 * PHA, 0));
		assert_eq!(free(account(index)), 80_000 * PHA);
		assert_eq!(free(TREASURY), ED);
		assert_eq!(
			events(),
			vec![Event::TrancheReleased {
				index,
				tranche: 0,
				amount: 80_000 * PHA,
				account: account(index)
			}]
		);
		assert_noop!(CB::release_tranche(signed(STRANGER), index), Error::<Test>::NothingOwed);
	});
}

#[test]
fn release_tranche_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CB::release_tranche(RuntimeOrigin::root(), 0), BadOrigin);
		assert_noop!(CB::release_tranche(signed(STRANGER), 0), Error::<Test>::UnknownProgram);
		let index = propose(seed_spec());
		assert_noop!(CB::release_tranche(signed(STRANGER), index), Error::<Test>::NotActive);
	});
}

#[test]
fn reject_slashes_bond_to_treasury_and_removes_program() {
	ExtBuilder::default().build_and_execute(|| {
		let lead_before = free(LEAD);
		let index = propose(seed_spec());
		events();
		assert_noop!(CB::reject_program(signed(LEAD), index), BadOrigin);
		assert_noop!(CB::reject_program(majority(), 9), Error::<Test>::UnknownProgram);
		assert_ok!(CB::reject_program(majority(), index));
		assert!(Programs::<Test>::get(index).is_none());
		assert_eq!(bond_held(LEAD), 0);
		assert_eq!(free(LEAD), lead_before - seed_bond());
		assert_eq!(free(TREASURY), TREASURY_FUNDS + seed_bond());
		assert_eq!(
			events(),
			vec![Event::ProgramRejected { index, lead: LEAD, slashed: seed_bond() }]
		);
	});
}

#[test]
fn reject_only_while_proposed() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		assert_noop!(CB::reject_program(majority(), index), Error::<Test>::NotProposed);
		assert_noop!(CB::reject_program(RuntimeOrigin::root(), index), Error::<Test>::NotProposed);
	});
}

// ---------------------------------------------------------------------------------------------
// cancel_program / close_program / reclaim / set_lead
// ---------------------------------------------------------------------------------------------

#[test]
fn cancel_refunds_everything_and_clears_storage() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		fill_roster(index, 2, 3);
		assert_ok!(CB::award(
			signed(LEAD),
			index,
			CONTRIBUTOR_POOL,
			STRANGER,
			100 * USD,
			bytes("docs")
		));
		// A stray transfer into the program account is refunded too.
		assert_ok!(Balances::transfer_keep_alive(signed(NEW_LEAD), account(index), 7 * PHA));
		events();
		let paid = usd_to_pha(100 * USD);

		assert_noop!(CB::cancel_program(signed(LEAD), index), BadOrigin);
		assert_noop!(CB::cancel_program(majority(), index), BadOrigin);
		assert_ok!(CB::cancel_program(council(), index));
		let refunded = 80_000 * PHA - paid + 7 * PHA;
		assert_eq!(free(account(index)), 0);
		assert_eq!(free(TREASURY), TREASURY_FUNDS - 80_000 * PHA + refunded);
		assert!(Programs::<Test>::get(index).is_none());
		assert_eq!(Roster::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(MemberSpending::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(
			events(),
			vec![
				Event::ProgramCancelled { index, refunded, owed_dropped: 0, paid },
				// 2 seniors and 3 crew, 2 crews, 1 member record and no report: 8 entries, in
				// one step of at most 16; the maps the counters show empty (bars, rounds) are not
				// looked into.
				Event::ProgramStorageCleared { index, removed: 8, complete: true },
			]
		);
		assert!(!Cleanups::<Test>::contains_key(index));
		assert_noop!(CB::clear_program(signed(STRANGER), index), Error::<Test>::NothingToClear);
	});
}

#[test]
fn cancel_drops_owed_tranches() {
	ExtBuilder::default().treasury(10 * PHA).build_and_execute(|| {
		let index = propose(seed_spec());
		assert_ok!(CB::approve_program(council(), index));
		events();
		assert_ok!(CB::cancel_program(RuntimeOrigin::root(), index));
		assert_eq!(
			events(),
			vec![
				Event::ProgramCancelled { index, refunded: 0, owed_dropped: 80_000 * PHA, paid: 0 },
				Event::ProgramStorageCleared { index, removed: 0, complete: true }
			]
		);
		assert_eq!(free(TREASURY), 10 * PHA);
	});
}

#[test]
fn cancel_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CB::cancel_program(council(), 3), Error::<Test>::UnknownProgram);
		let index = propose(seed_spec());
		assert_noop!(CB::cancel_program(council(), index), Error::<Test>::NotActive);
	});
}

#[test]
fn close_by_anyone_after_end_block() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		let ends_at = 1 + 6 * PERIOD;
		go_to(ends_at);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::CannotCloseYet);
		assert_noop!(CB::close_program(signed(LEAD), index), Error::<Test>::CannotCloseYet);
		assert_noop!(CB::close_program(RuntimeOrigin::root(), index), BadOrigin);
		// After the end block, the last period's reports may still be filed "by the 5th".
		go_to(ends_at + 1);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::RoundsOpen);
		go_to(CLOSABLE);
		let stranger_before = free(STRANGER);
		assert_ok!(CB::close_program(signed(STRANGER), index));
		assert_eq!(free(STRANGER), stranger_before, "no one is paid or slashed for closing");
		assert_eq!(free(account(index)), 0);
		assert_eq!(free(TREASURY), TREASURY_FUNDS);
		assert_eq!(
			events(),
			vec![
				Event::ProgramClosed {
					index,
					by: STRANGER,
					expired: true,
					refunded: 80_000 * PHA,
					owed_dropped: 0,
					paid: 0,
				},
				Event::ProgramStorageCleared { index, removed: 0, complete: true }
			]
		);
	});
}

#[test]
fn cancel_and_close_charge_one_clean_up_step_and_refund_to_what_it_visited() {
	use frame_support::dispatch::GetDispatchInfo;
	let limit: u32 = <<Test as Config>::RemovalLimit as Get<u32>>::get();
	ExtBuilder::default().build_and_execute(|| {
		// Two programs: 2 seniors + 1 crew and one beneficiary record (a member-capped pool) each.
		let prepare = || {
			let index = active_seed();
			fill_roster(index, 2, 1);
			assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 100 * USD));
			assert_eq!((program(index).roster_count, program(index).spending_records), (3, 1));
			index
		};
		// 3 members, 1 crew, no bar, 1 member record, no report: each entry, and the look-up
		// that finds each of those 3 maps empty.
		let visited = (3 + 1) + (1 + 1) + (1 + 1);
		let cancelled = prepare();
		let call = crate::Call::<Test>::cancel_program { index: cancelled };
		let charged = call.get_dispatch_info().call_weight;
		assert_eq!(charged, <Test as Config>::WeightInfo::cancel_program(limit));
		let post = CB::cancel_program(council(), cancelled).expect("cancel succeeds");
		assert_eq!(post.actual_weight, Some(<Test as Config>::WeightInfo::cancel_program(visited)));
		assert!(post.actual_weight.is_some_and(|actual| actual.ref_time() < charged.ref_time()));

		let closed = prepare();
		let ProgramStatus::Active { ends_at, .. } = program(closed).status else {
			panic!("the program is active")
		};
		go_to(ends_at + GRACE);
		let call = crate::Call::<Test>::close_program { index: closed };
		let charged = call.get_dispatch_info().call_weight;
		assert_eq!(charged, <Test as Config>::WeightInfo::close_program(limit));
		let post = CB::close_program(signed(STRANGER), closed).expect("close succeeds");
		assert_eq!(post.actual_weight, Some(<Test as Config>::WeightInfo::close_program(visited)));
	});
}

#[test]
fn close_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(CB::close_program(signed(LEAD), 0), Error::<Test>::UnknownProgram);
		let index = propose(seed_spec());
		assert_noop!(CB::close_program(signed(LEAD), index), Error::<Test>::NotActive);
	});
}

#[test]
fn reclaim_sweeps_tokens_sent_to_a_closed_program() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		assert_noop!(CB::reclaim(signed(STRANGER), index), Error::<Test>::ProgramStillOpen);
		assert_noop!(CB::reclaim(signed(STRANGER), index + 1), Error::<Test>::UnknownProgram);
		assert_ok!(CB::cancel_program(council(), index));
		assert_noop!(CB::reclaim(signed(STRANGER), index), Error::<Test>::NothingToReclaim);
		assert_noop!(CB::reclaim(RuntimeOrigin::root(), index), BadOrigin);
		assert_ok!(Balances::transfer_allow_death(signed(NEW_LEAD), account(index), 3 * PHA));
		events();
		assert_ok!(CB::reclaim(signed(STRANGER), index));
		assert_eq!(free(account(index)), 0);
		assert_eq!(free(TREASURY), TREASURY_FUNDS + 3 * PHA);
		assert_eq!(events(), vec![Event::Reclaimed { index, amount: 3 * PHA }]);
	});
}

#[test]
fn set_lead_hands_the_program_over() {
	ExtBuilder::default().build_and_execute(|| {
		let proposed = propose(seed_spec());
		assert_noop!(CB::set_lead(council(), proposed, NEW_LEAD), Error::<Test>::NotActive);
		let index = active_seed();
		assert_noop!(CB::set_lead(signed(LEAD), index, NEW_LEAD), BadOrigin);
		assert_noop!(CB::set_lead(majority(), index, NEW_LEAD), BadOrigin);
		assert_noop!(CB::set_lead(council(), 99, NEW_LEAD), Error::<Test>::UnknownProgram);
		assert_ok!(CB::set_lead(council(), index, NEW_LEAD));
		assert_eq!(program(index).lead, NEW_LEAD);
		assert_eq!(events(), vec![Event::LeadChanged { index, old: LEAD, new: NEW_LEAD }]);
		// The old lead has lost the program, the new one runs it.
		assert_noop!(
			CB::add_member(
				signed(LEAD),
				index,
				senior(0),
				Role::SeniorAmbassador,
				bytes("x"),
				None
			),
			Error::<Test>::NotLead
		);
		assert_ok!(CB::add_member(
			signed(NEW_LEAD),
			index,
			senior(0),
			Role::SeniorAmbassador,
			bytes("x"),
			None
		));
	});
}

// ---------------------------------------------------------------------------------------------
// Roster
// ---------------------------------------------------------------------------------------------

#[test]
fn add_member_records_role_region_and_crew() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			senior(0),
			Role::SeniorAmbassador,
			bytes("Korean"),
			None
		));
		go_to(3);
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			200,
			Role::Ambassador,
			bytes("Korean"),
			Some(senior(0))
		));
		let member = Roster::<Test>::get(index, 200).unwrap();
		assert_eq!(member.role, Role::Ambassador);
		assert_eq!(member.region.to_vec(), b"Korean".to_vec());
		assert_eq!(member.senior, Some(senior(0)));
		assert_eq!(member.joined_at, 3);
		assert_eq!(Roster::<Test>::get(index, senior(0)).unwrap().crew, 1);
		assert_eq!(program(index).roster_count, 2);
		assert_eq!(
			events().last(),
			Some(&Event::MemberAdded {
				index,
				who: 200,
				role: Role::Ambassador,
				region: bytes("Korean"),
				senior: Some(senior(0)),
				roster_count: 2,
			})
		);
	});
}

#[test]
fn add_member_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let proposed = propose(seed_spec());
		let add = |who: AccountId, caller, role, senior: Option<AccountId>, index| {
			CB::add_member(signed(caller), index, who, role, bytes("English"), senior)
		};
		assert_noop!(
			add(1, LEAD, Role::SeniorAmbassador, None, proposed),
			Error::<Test>::NotActive
		);
		let index = active_seed();
		assert_noop!(add(1, LEAD, Role::SeniorAmbassador, None, 77), Error::<Test>::UnknownProgram);
		assert_noop!(add(1, STRANGER, Role::SeniorAmbassador, None, index), Error::<Test>::NotLead);
		assert_noop!(
			CB::add_member(council(), index, 1, Role::SeniorAmbassador, bytes("x"), None),
			Error::<Test>::NotLead
		);
		assert_noop!(
			CB::add_member(
				RuntimeOrigin::root(),
				index,
				1,
				Role::SeniorAmbassador,
				bytes("x"),
				None
			),
			BadOrigin
		);
		assert_noop!(add(1, LEAD, Role::Ambassador, None, index), Error::<Test>::MissingSenior);
		assert_noop!(add(1, LEAD, Role::Ambassador, Some(2), index), Error::<Test>::NotASenior);
		assert_ok!(add(2, LEAD, Role::SeniorAmbassador, None, index));
		assert_noop!(
			add(1, LEAD, Role::SeniorAmbassador, Some(2), index),
			Error::<Test>::UnexpectedSenior
		);
		assert_noop!(
			add(2, LEAD, Role::SeniorAmbassador, None, index),
			Error::<Test>::AlreadyMember
		);
		assert_ok!(add(3, LEAD, Role::Ambassador, Some(2), index));
		// An ambassador cannot lead a crew.
		assert_noop!(add(4, LEAD, Role::Ambassador, Some(3), index), Error::<Test>::NotASenior);
		go_to(CLOSABLE);
		assert_noop!(
			add(5, LEAD, Role::SeniorAmbassador, None, index),
			Error::<Test>::ProgramExpired
		);
	});
}

#[test]
fn roster_is_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		let max = <<Test as Config>::MaxRoster as Get<u32>>::get();
		let crew = <<Test as Config>::MaxCrew as Get<u32>>::get();
		// 8 seniors with full crews of 7 (56 ambassadors): 64 members.
		let seniors = max / crew;
		fill_roster(index, seniors, max - seniors);
		assert_eq!(program(index).roster_count, max);
		assert_noop!(
			CB::add_member(signed(LEAD), index, 9_999, Role::SeniorAmbassador, bytes("x"), None),
			Error::<Test>::RosterFull
		);
		// A crew is bounded too: free a slot (in another crew) and fill senior 0's crew.
		let add_crew = |who| {
			CB::add_member(signed(LEAD), index, who, Role::Ambassador, bytes("x"), Some(senior(0)))
		};
		assert_ok!(CB::remove_member(signed(LEAD), index, 201));
		assert_ok!(add_crew(9_999));
		assert_eq!(Crews::<Test>::get(index, senior(0)).len() as u32, crew);
		assert_ok!(CB::remove_member(signed(LEAD), index, 202));
		assert_noop!(add_crew(9_998), Error::<Test>::CrewFull);
	});
}

#[test]
fn remove_member_by_lead_or_council() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		fill_roster(index, 2, 2);
		events();
		assert_noop!(CB::remove_member(signed(STRANGER), index, 200), Error::<Test>::NotLead);
		assert_noop!(CB::remove_member(majority(), index, 200), Error::<Test>::NotLead);
		assert_noop!(CB::remove_member(RuntimeOrigin::none(), index, 200), BadOrigin);
		assert_noop!(CB::remove_member(signed(LEAD), index, 999), Error::<Test>::NotMember);
		assert_noop!(CB::remove_member(council(), 42, 200), Error::<Test>::UnknownProgram);

		assert_ok!(CB::remove_member(signed(LEAD), index, 200));
		assert_eq!(Roster::<Test>::get(index, senior(0)).unwrap().crew, 0);
		assert_ok!(CB::remove_member(council(), index, senior(0)));
		assert_eq!(program(index).roster_count, 2);
		assert!(Roster::<Test>::get(index, senior(0)).is_none());
		assert_eq!(
			events(),
			vec![
				Event::MemberRemoved {
					index,
					who: 200,
					by_council: false,
					barred: false,
					roster_count: 3
				},
				Event::MemberRemoved {
					index,
					who: senior(0),
					by_council: true,
					barred: true,
					roster_count: 2
				},
			]
		);
		// The council may still remove after the end block; the lead may not.
		go_to(CLOSABLE);
		assert_noop!(CB::remove_member(signed(LEAD), index, 201), Error::<Test>::ProgramExpired);
		assert_ok!(CB::remove_member(RuntimeOrigin::root(), index, 201));
		let proposed = propose(seed_spec());
		assert_noop!(CB::remove_member(council(), proposed, 201), Error::<Test>::NotActive);
	});
}

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

#[test]
fn ambassador_count_is_read_from_the_roster_not_the_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		fill_roster(index, 6, 26);
		go_to(50);
		events();
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("https://forum/ms1")));
		let report = Reports::<Test>::get(index, 0).unwrap();
		assert_eq!((report.claimed, report.figure, report.reported_at), (40, 32, 50));
		assert_eq!((report.attempt, report.status), (1, ReportStatus::Pending));
		assert_eq!(
			events(),
			vec![Event::MilestoneReported {
				index,
				milestone: 0,
				attempt: 1,
				metric: Metric::AmbassadorCount,
				target: 40,
				claimed: 40,
				figure: 32,
				evidence: bytes("https://forum/ms1"),
			}]
		);
	});
}

#[test]
fn report_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let proposed = propose(seed_spec());
		let report = |caller, index, milestone| {
			CB::report_milestone(signed(caller), index, milestone, 1, bytes("e"))
		};
		assert_noop!(report(LEAD, proposed, 0), Error::<Test>::NotActive);
		let index = active_seed();
		assert_noop!(report(LEAD, 55, 0), Error::<Test>::UnknownProgram);
		assert_noop!(report(STRANGER, index, 0), Error::<Test>::NotLead);
		assert_noop!(
			CB::report_milestone(RuntimeOrigin::root(), index, 0, 1, bytes("e")),
			BadOrigin
		);
		assert_noop!(report(LEAD, index, 2), Error::<Test>::UnknownMilestone);
		assert_noop!(report(LEAD, index, 1), Error::<Test>::OutOfOrder);
		assert_ok!(report(LEAD, index, 0));
		assert_noop!(report(LEAD, index, 0), Error::<Test>::AlreadyReported);
		go_to(CLOSABLE);
		assert_noop!(report(LEAD, index, 0), Error::<Test>::ProgramExpired);
	});
}

#[test]
fn approve_milestone_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let proposed = propose(seed_spec());
		assert_noop!(approve_ms(council(), proposed, 0, None), Error::<Test>::NotActive);
		let index = active_seed();
		assert_noop!(approve_ms(council(), 66, 0, None), Error::<Test>::UnknownProgram);
		assert_noop!(approve_ms(council(), index, 0, None), Error::<Test>::NoPendingReport);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		assert_noop!(approve_ms(signed(LEAD), index, 0, None), BadOrigin);
		assert_noop!(approve_ms(majority(), index, 0, None), BadOrigin);
		assert_noop!(approve_ms(council(), index, 1, None), Error::<Test>::NoPendingReport);
		assert_noop!(
			approve_ms(council(), index, 0, Some(20_000 * PHA + 1)),
			Error::<Test>::CutAboveTranche
		);
		assert_ok!(approve_ms(council(), index, 0, Some(20_000 * PHA)));
		// An approved report cannot be approved again.
		assert_noop!(approve_ms(council(), index, 0, None), Error::<Test>::NoPendingReport);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 1, 1, bytes("e")));
		assert_noop!(approve_ms(council(), index, 1, Some(1)), Error::<Test>::NoNextTranche);
		// A report made before the end block is still decided after it.
		go_to(CLOSABLE);
		assert_ok!(approve_ms(council(), index, 1, None));
	});
}

#[test]
fn full_cut_releases_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		assert_ok!(approve_ms(council(), index, 0, Some(20_000 * PHA)));
		assert_eq!(program(index).released, 80_000 * PHA);
		assert_eq!(free(account(index)), 80_000 * PHA);
		let evs = events();
		assert!(!evs.iter().any(|e| matches!(e, Event::TrancheReleased { .. })));
	});
}

#[test]
fn rejected_report_can_be_reported_again() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("first")));
		events();
		assert_noop!(reject_ms(council(), index, 0), BadOrigin);
		assert_noop!(reject_ms(signed(LEAD), index, 0), BadOrigin);
		assert_noop!(reject_ms(majority(), 88, 0), Error::<Test>::UnknownProgram);
		assert_noop!(reject_ms(majority(), index, 1), Error::<Test>::NoPendingReport);
		assert_ok!(reject_ms(majority(), index, 0));
		assert_eq!(Reports::<Test>::get(index, 0).unwrap().status, ReportStatus::Rejected);
		assert_noop!(reject_ms(majority(), index, 0), Error::<Test>::NoPendingReport);
		assert_eq!(
			events(),
			vec![Event::MilestoneRejected {
				index,
				milestone: 0,
				attempt: 1,
				target: 40,
				figure: 0
			}]
		);
		assert_eq!(program(index).status, ProgramStatus::Active { approved_at: 1, ends_at: 601 });
		assert_eq!(program(index).released, 80_000 * PHA);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("second")));
		assert_eq!(
			Reports::<Test>::get(index, 0).unwrap().evidence,
			bytes::<<Test as Config>::MaxEvidenceLen>("second")
		);
		let proposed = propose(seed_spec());
		assert_noop!(reject_ms(majority(), proposed, 0), Error::<Test>::NotActive);
	});
}

#[test]
fn approving_a_milestone_while_a_tranche_is_owed_queues_the_next_one() {
	ExtBuilder::default().treasury(10 * PHA).build_and_execute(|| {
		let index = propose(seed_spec());
		assert_ok!(CB::approve_program(council(), index));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		set_free(TREASURY, 1_000_000 * PHA);
		events();
		// The treasury could pay tranche 1 now, but tranche 0 is still owed: it queues behind it.
		assert_ok!(approve_ms(council(), index, 0, None));
		assert_eq!(
			events().last(),
			Some(&Event::TrancheOwed { index, tranche: 1, amount: 20_000 * PHA })
		);
		assert_eq!(program(index).owed_total(), 100_000 * PHA);
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		assert_eq!(free(account(index)), 100_000 * PHA);
		assert_eq!(program(index).released, 100_000 * PHA);
	});
}

/// Khala proposal #14 as the chain would have run it: 32 senior/ambassadors against a target of
/// 40, approved with milestone 2's tranche cut; 45,500 users against 50,000, first rejected, then
/// reported again and approved; the lead closes; every balance is checked at every step.
#[test]
fn seed_milestone_story() {
	ExtBuilder::default().build_and_execute(|| {
		let treasury0 = free(TREASURY);
		let lead0 = free(LEAD);
		let index = propose(seed_spec());
		assert_eq!(free(LEAD), lead0 - seed_bond());
		assert_ok!(CB::approve_program(council(), index));
		assert_eq!(free(LEAD), lead0);
		assert_eq!(free(TREASURY), treasury0 - 80_000 * PHA);
		assert_eq!(free(account(index)), 80_000 * PHA);

		// The roster of the seed's report: 6 Senior Ambassadors and 26 ambassadors.
		fill_roster(index, 6, 26);
		go_to(2 * PERIOD);
		events();
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("ipfs://ms1-report")));
		// The council approves below target, cutting milestone 2's tranche by 20%.
		let cut = 4_000 * PHA;
		assert_ok!(approve_ms(RuntimeOrigin::root(), index, 0, Some(cut)));
		assert_eq!(
			events()[1..],
			[
				Event::MilestoneApproved {
					index,
					milestone: 0,
					attempt: 1,
					target: 40,
					figure: 32,
					below_target: true,
					cut,
					next_tranche: 16_000 * PHA,
				},
				Event::TrancheReleased {
					index,
					tranche: 1,
					amount: 16_000 * PHA,
					account: account(index)
				},
			]
		);
		assert_eq!(free(TREASURY), treasury0 - 96_000 * PHA);
		assert_eq!(free(account(index)), 96_000 * PHA);
		assert_eq!(program(index).released, 96_000 * PHA);
		assert_eq!(
			Reports::<Test>::get(index, 0).unwrap().status,
			ReportStatus::Approved { figure: 32 }
		);

		// Milestone 2: 45,500 users against 50,000. Rejected once, reported again, approved.
		assert_noop!(CB::close_program(signed(LEAD), index), Error::<Test>::CannotCloseYet);
		assert_ok!(CB::report_milestone(
			signed(LEAD),
			index,
			1,
			45_500,
			bytes("tg:40000,discord:5500")
		));
		assert_ok!(reject_ms(majority(), index, 1));
		assert_ok!(CB::report_milestone(
			signed(LEAD),
			index,
			1,
			45_500,
			bytes("tg+discord export")
		));
		events();
		assert_ok!(approve_ms(council(), index, 1, None));
		assert_eq!(
			events(),
			vec![Event::MilestoneApproved {
				index,
				milestone: 1,
				attempt: 2,
				target: 50_000,
				figure: 45_500,
				below_target: true,
				cut: 0,
				next_tranche: 0,
			}]
		);
		assert_eq!(free(account(index)), 96_000 * PHA);

		// Everything approved: the lead closes before the end block, the rest goes back.
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::CannotCloseYet);
		assert_ok!(CB::close_program(signed(LEAD), index));
		assert_eq!(
			events(),
			vec![
				Event::ProgramClosed {
					index,
					by: LEAD,
					expired: false,
					refunded: 96_000 * PHA,
					owed_dropped: 0,
					paid: 0,
				},
				// The first step (RemovalLimit = 40) takes the 32 members and 6 crews, with the
				// look-ups that found each map empty; the reports are left to anyone, free of
				// fees.
				Event::ProgramStorageCleared { index, removed: 32 + 6, complete: false }
			]
		);
		clear_all(index);
		assert_eq!(free(TREASURY), treasury0);
		assert_eq!(free(account(index)), 0);
		assert_eq!(free(LEAD), lead0);
		assert_eq!(Reports::<Test>::iter_prefix(index).count(), 0);
		assert_eq!(Roster::<Test>::iter_prefix(index).count(), 0);
	});
}

// ---------------------------------------------------------------------------------------------
// Rewards
// ---------------------------------------------------------------------------------------------

pub(super) fn award(
	index: ProgramIndex,
	pool: PoolIndex,
	who: AccountId,
	usd: Balance,
) -> DispatchResult {
	CB::award(signed(LEAD), index, pool, who, usd, bytes("monthly reward"))
		.map(|_| ())
		.map_err(|e| e.error)
}

/// The seed month: six Senior Ambassadors share the $2,000 pool; a seventh award that would
/// break the cap is refused and changes nothing.
#[test]
fn seed_month_of_senior_rewards() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
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
			}
		);
		// The pool is exhausted for this month: one unit more is refused.
		assert_noop!(award(index, SENIOR_POOL, senior(0), 1), Error::<Test>::PoolCapExceeded);
	});
}

#[test]
fn cap_edges_exactly_at_cap_passes_one_over_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
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
		let index = active_seed();
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
		let index = active_seed();
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
		let mut spec = seed_spec();
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
		let proposed = propose(seed_spec());
		assert_noop!(award(proposed, SENIOR_POOL, STRANGER, 1), Error::<Test>::NotActive);
		let index = active_seed();
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
		let mut spec = seed_spec();
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
		let index = active_seed();
		fill_roster(index, 2, 0);
		assert_ok!(award(index, SENIOR_POOL, senior(1), 100 * USD));
		assert_ok!(CB::remove_member(signed(LEAD), index, senior(1)));
		assert_noop!(award(index, SENIOR_POOL, senior(1), 100 * USD), Error::<Test>::NotEligible);
	});
}

#[test]
fn beneficiary_records_are_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
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

pub(super) fn entry(pool: PoolIndex, beneficiary: AccountId, usd: Balance) -> AwardOf<Test> {
	Award { pool, beneficiary, amount: usd * USD, reason: bytes("april run") }
}

#[test]
fn batch_pays_every_entry() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
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
		let index = active_seed();
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

// ---------------------------------------------------------------------------------------------
// The whole seed program, and configuration checks
// ---------------------------------------------------------------------------------------------

/// Proposal #14 end to end: propose, approve, roster, three monthly runs within the caps,
/// milestones, close; the treasury, program account and beneficiaries add up at the end.
#[test]
fn seed_program_end_to_end_conserves_funds() {
	ExtBuilder::default().build_and_execute(|| {
		let treasury0 = free(TREASURY);
		let index = active_seed();
		fill_roster(index, 6, 26);
		let mut paid_out = 0;
		for month in 0..3u64 {
			go_to(1 + month * PERIOD + 10);
			let mut batch: Vec<_> = (0..6).map(|s| entry(SENIOR_POOL, senior(s), 330)).collect();
			batch.push(entry(CONTRIBUTOR_POOL, STRANGER, 500));
			batch.push(entry(CONTRIBUTOR_POOL, NEW_LEAD, 500));
			assert_ok!(CB::award_batch(signed(LEAD), index, batch.try_into().unwrap()));
			paid_out += usd_to_pha((6 * 330 + 1_000) * USD);
		}
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 32, bytes("ms1")));
		assert_ok!(approve_ms(council(), index, 0, Some(4_000 * PHA)));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 1, 45_500, bytes("ms2")));
		assert_ok!(approve_ms(council(), index, 1, None));
		assert_eq!(program(index).paid, paid_out);
		assert_ok!(CB::close_program(signed(LEAD), index));
		assert_eq!(free(TREASURY), treasury0 - paid_out);
		assert_eq!(free(account(index)), 0);
	});
}

#[test]
fn integrity_test_passes() {
	ExtBuilder::default().build().execute_with(|| {
		use frame_support::traits::Hooks;
		<CB as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn program_accounts_are_distinct() {
	// Against pallet-bounties' real accounts (derived from the treasury's `py/trsry`), see the
	// demo runtime's `program_accounts_never_collide_with_the_treasury_or_pallet_bounties`.
	let accounts: std::collections::BTreeSet<AccountId> = (0..1_000).map(account).collect();
	assert_eq!(accounts.len(), 1_000);
	assert!(!accounts.contains(&TREASURY));
}

#[test]
fn try_state_detects_a_broken_invariant() {
	ExtBuilder::default().build().execute_with(|| {
		let index = active_seed();
		assert_ok!(CB::do_try_state());
		Programs::<Test>::mutate(index, |p| p.as_mut().unwrap().paid = 80_000 * PHA + 1);
		assert!(CB::do_try_state().is_err());
		Programs::<Test>::mutate(index, |p| {
			let p = p.as_mut().unwrap();
			p.paid = 0;
			p.roster_count = 3;
		});
		assert!(CB::do_try_state().is_err());
	});
}

#[test]
fn a_dead_treasury_cannot_fund() {
	ExtBuilder::default().treasury(0).build_and_execute(|| {
		let index = propose(seed_spec());
		assert_ok!(CB::approve_program(council(), index));
		assert_eq!(program(index).owed_total(), 80_000 * PHA);
		assert_eq!(free(TREASURY), 0);
	});
}

#[test]
fn program_view_reports_status_milestones_and_remaining_caps() {
	use crate::runtime_api::*;
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(crate::runtime_api::program_view::<Test>(0), None);
		let index = propose(seed_spec());
		let view = crate::runtime_api::program_view::<Test>(index).unwrap();
		assert_eq!(view.status, ProgramStateView::Proposed);
		assert_eq!((view.budget, view.bond, view.period), (100_000 * PHA, seed_bond(), 0));
		assert_eq!(view.title, b"Phala community bounty - April 2022".to_vec());
		assert_ok!(CB::approve_program(council(), index));
		fill_roster(index, 1, 2);
		assert_ok!(award(index, SENIOR_POOL, senior(0), 500 * USD));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("e")));
		go_to(PERIOD / 2);
		let view = crate::runtime_api::program_view::<Test>(index).unwrap();
		assert_eq!(
			view.status,
			ProgramStateView::Active { approved_at: 1, ends_at: 601, expired: false }
		);
		assert_eq!((view.released, view.paid, view.roster_count), (80_000 * PHA, 1_250 * PHA, 3));
		assert_eq!(view.account, account(index));
		assert_eq!(view.milestones.len(), 2);
		assert_eq!(
			view.milestones[0].report,
			Some(ReportView {
				claimed: 40,
				figure: 3,
				evidence: b"e".to_vec(),
				reported_at: 1,
				attempt: 1,
				status: ReportStatus::Pending,
			})
		);
		assert_eq!(view.milestones[1].report, None);
		assert_eq!(view.pools[0].spent, 500 * USD);
		assert_eq!(view.pools[0].remaining, 1_500 * USD);
		assert_eq!(view.pools[0].remaining_native, Some(3_750 * PHA));
		assert_eq!(view.pools[1].remaining, CONTRIBUTOR_CAP);
		// A new period: the caps are whole again; without a rate, no native figure.
		go_to(PERIOD + 1);
		UsdRate::set(None);
		let view = crate::runtime_api::program_view::<Test>(index).unwrap();
		assert_eq!((view.period, view.pools[0].remaining), (1, SENIOR_CAP));
		assert_eq!(view.pools[0].remaining_native, None);
		go_to(602);
		assert!(matches!(
			crate::runtime_api::program_view::<Test>(index).unwrap().status,
			ProgramStateView::Active { expired: true, .. }
		));
	});
}

#[test]
fn over_long_call_arguments_fail_at_decode() {
	use codec::{Compact, Decode, Encode};
	let max = <<Test as Config>::MaxEvidenceLen as Get<u32>>::get() as usize;
	// `report_milestone` (call index 10) as a client would encode it, by hand.
	let encode = |evidence_len: usize| {
		let pallet_index = 2u8; // `CommunityBounty` in the mock's `construct_runtime!`.
		(pallet_index, 10u8, Compact(0u32), Compact(0u32), Compact(40u64), vec![b'x'; evidence_len])
			.encode()
	};
	let call = RuntimeCall::decode(&mut &encode(max)[..]).expect("at the bound it decodes");
	assert!(matches!(
		call,
		RuntimeCall::CommunityBounty(crate::Call::report_milestone { claimed: 40, .. })
	));
	assert!(RuntimeCall::decode(&mut &encode(max + 1)[..]).is_err());
}

// ---------------------------------------------------------------------------------------------
// Weights charged and refunded by what a call did
// ---------------------------------------------------------------------------------------------

#[test]
fn an_award_is_refunded_to_its_pools_kind() {
	use frame_support::dispatch::GetDispatchInfo;
	type W = <Test as Config>::WeightInfo;
	ExtBuilder::default().build_and_execute(|| {
		// A third pool: contributors, no member cap.
		let index = propose(seed_with_pool(
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
		// Charged as the costliest kind of award.
		assert_eq!(call.get_dispatch_info().call_weight, W::award(len).max(W::award_plain(len)));
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
			propose(seed_with_pool(Eligibility::Contributors, Denomination::Native, 1_000 * PHA));
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
		let seed = bond_for(seed_spec());
		// Another text: the same hash size, the same bond.
		let mut other_text = seed_spec();
		other_text.description = <Test as frame_system::Config>::Hashing::hash(b"a longer text");
		assert_eq!(bond_for(other_text), seed);
		// Ten more bytes of title: ten more bytes stored.
		let mut longer_title = seed_spec();
		longer_title.title = bytes("Phala community bounty - April 2022 (+10 by)");
		let extra = longer_title.title.len() - seed_spec().title.len();
		assert_eq!(bond_for(longer_title), seed + extra as Balance * (PHA / 10));
		// What is held is what the rule says.
		let before = free(LEAD);
		let index = propose(seed_spec());
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
		let index = active_seed();
		let post = CB::cancel_program(council(), index).expect("cancelled");
		// Nothing visited: no roster, bars, spending records or rounds, and no report.
		assert_eq!(post.actual_weight, Some(<Test as Config>::WeightInfo::cancel_program(0)));
		assert!(!Cleanups::<Test>::contains_key(index));
	});
}
