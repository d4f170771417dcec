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

//! Regression tests for the trust rules (DESIGN.md, "Trust rules"): each test is a way a lead
//! or a badly configured origin walked around a promise the council relies on. Tests that need
//! storage committed between blocks use [`blocks`].

use super::*;
use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok, dispatch::Pays};
use sp_runtime::traits::BadOrigin;

/// Runs each closure as a block of its own, committing storage between them (as a node does),
/// then checks the pallet's invariants and that total issuance is unchanged.
fn blocks(steps: Vec<Box<dyn FnOnce()>>) {
	let mut ext = ExtBuilder::default().build();
	let issuance = ext.execute_with(|| pallet_balances::TotalIssuance::<Test>::get());
	for step in steps {
		ext.execute_with(step);
		ext.commit_all().expect("storage commits");
	}
	ext.execute_with(|| {
		CB::do_try_state().expect("pallet invariants hold");
		assert_eq!(pallet_balances::TotalIssuance::<Test>::get(), issuance);
	});
}

/// The lead pads the roster, reports `AmbassadorCount`, empties the roster while the motion runs:
/// the council's approval must not go through on a figure that is no longer true.
#[test]
fn roster_padding_cannot_pass_an_ambassador_count_milestone() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 40, 0);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("padded")));
		for s in 0..40 {
			assert_ok!(CB::remove_member(signed(LEAD), index, senior(s)));
		}
		// The motion names the report it saw: attempt 1, 40 members.
		assert_noop!(
			CB::approve_milestone(council(), index, 0, 1, 40, None),
			Error::<Test>::FigureBelowExpected
		);
		assert_eq!(program(index).released, 80_000 * PHA);
		// The council votes again on what is true: 0 members, below target.
		assert_ok!(CB::approve_milestone(council(), index, 0, 1, 0, Some(20_000 * PHA)));
		assert_eq!(
			Reports::<Test>::get(index, 0).unwrap().status,
			ReportStatus::Approved { figure: 0 }
		);
	});
}

/// A member removed in the same block as the cancel, after the roster was committed in an
/// earlier block: nothing of the program may stay in storage.
#[test]
fn a_cancelled_programs_roster_is_gone_even_after_a_removal_in_the_same_block() {
	blocks(vec![
		Box::new(|| {
			let index = active_direct();
			fill_roster(index, 3, 3);
		}),
		Box::new(|| {
			go_to(2);
			assert_ok!(CB::remove_member(signed(LEAD), 0, 200));
			assert_ok!(CB::cancel_program(council(), 0));
		}),
		Box::new(|| {
			assert_nothing_left(0);
		}),
	]);
}

/// Nothing of program `index` is left in storage.
fn assert_nothing_left(index: ProgramIndex) {
	assert!(!Programs::<Test>::contains_key(index));
	assert!(!Cleanups::<Test>::contains_key(index));
	assert_eq!(Roster::<Test>::iter_prefix(index).count(), 0, "roster outlived its program");
	assert_eq!(Crews::<Test>::iter_prefix(index).count(), 0);
	assert_eq!(Barred::<Test>::iter_prefix(index).count(), 0);
	assert_eq!(Reports::<Test>::iter_prefix(index).count(), 0);
	assert_eq!(MemberSpending::<Test>::iter_prefix(index).count(), 0);
	assert_eq!(Rounds::<Test>::iter_prefix(index).count(), 0);
	assert_eq!(RoundPages::<Test>::iter_prefix(index).count(), 0);
}

/// The same for close.
#[test]
fn a_closed_programs_roster_is_gone_even_after_a_removal_in_the_same_block() {
	blocks(vec![
		Box::new(|| {
			let index = active_direct();
			fill_roster(index, 2, 0);
		}),
		Box::new(|| {
			go_to(CLOSABLE);
			assert_ok!(CB::remove_member(council(), 0, senior(1)));
			assert_ok!(CB::close_program(signed(STRANGER), 0));
		}),
		Box::new(|| {
			assert_nothing_left(0);
		}),
	]);
}

/// The program's own account on its roster, paid by itself: no token moves, but the books
/// would record a payment.
#[test]
fn a_program_never_pays_its_own_account_or_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		for reserved in [account(index), TREASURY] {
			assert_noop!(
				CB::add_member(
					signed(LEAD),
					index,
					reserved,
					Role::SeniorAmbassador,
					bytes("Nowhere"),
					None
				),
				Error::<Test>::ReservedAccount
			);
			assert_noop!(
				award(index, CONTRIBUTOR_POOL, reserved, 10),
				Error::<Test>::ReservedAccount
			);
		}
		assert_eq!(program(index).paid, 0);
	});
}

/// The lead pays themselves from a contributors' pool, with nothing on chain saying so.
#[test]
fn the_lead_is_not_paid_from_a_contributors_pool() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_noop!(award(index, CONTRIBUTOR_POOL, LEAD, 10), Error::<Test>::LeadNotEligible);
		// Nor can the lead sit on the roster to be paid from the senior pool.
		assert_noop!(
			CB::add_member(signed(LEAD), index, LEAD, Role::SeniorAmbassador, bytes("E"), None),
			Error::<Test>::LeadCannotBeMember
		);
		assert_eq!(program(index).paid, 0);
	});
}

/// Lead pay is a `Lead` pool in the spec the council votes on, and pays no one else.
#[test]
fn the_lead_is_paid_from_a_lead_pool_only() {
	ExtBuilder::default().build_and_execute(|| {
		let index =
			propose(direct_with_pool(Eligibility::Lead, Denomination::Asset(USD_ASSET), 500 * USD));
		assert_ok!(CB::approve_program(council(), index));
		fill_roster(index, 1, 0);
		let before = free(LEAD);
		assert_ok!(award(index, 2, LEAD, 500 * USD));
		assert_eq!(free(LEAD), before + usd_to_pha(500 * USD));
		assert_noop!(award(index, 2, senior(0), 1 * USD), Error::<Test>::NotEligible);
		assert_noop!(award(index, 2, LEAD, 1), Error::<Test>::PoolCapExceeded);
	});
}

/// `MaxBeneficiaries` one-planck awards in one period must not lock new beneficiaries out of a
/// member-capped pool for the rest of the program.
#[test]
fn stale_spending_records_do_not_lock_out_new_beneficiaries() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let max = <<Test as Config>::MaxBeneficiaries as Get<u32>>::get();
		for b in 0..max {
			set_free(5_000 + b as AccountId, ED);
			assert_ok!(CB::award(
				signed(LEAD),
				index,
				CONTRIBUTOR_POOL,
				5_000 + b as AccountId,
				1,
				bytes("dust")
			));
		}
		go_to(1 + PERIOD);
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 10));
	});
}

/// A reject motion passes, the lead reports again with another figure: the approve motion
/// opened for the first report must not approve the second.
#[test]
fn an_approval_for_one_report_cannot_approve_another() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 30, bytes("first")));
		// The council opens an approve motion for this report (the first)...
		assert_ok!(reject_ms(majority(), index, 0));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("second")));
		// ...which executes after the second report: it must fail.
		assert_noop!(
			CB::approve_milestone(council(), index, 0, 1, 0, Some(20_000 * PHA)),
			Error::<Test>::WrongAttempt
		);
		assert_noop!(CB::reject_milestone(majority(), index, 0, 1), Error::<Test>::WrongAttempt);
		let report = Reports::<Test>::get(index, 0).unwrap();
		assert_eq!((report.attempt, report.status), (2, ReportStatus::Pending));
		// A motion for the second report goes through.
		assert_ok!(CB::approve_milestone(council(), index, 0, 2, 0, None));
	});
}

/// The council removes a member; the lead must not be able to add it back.
#[test]
fn a_council_removal_sticks() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 1, 0);
		assert_ok!(CB::remove_member(council(), index, senior(0)));
		let add = || {
			CB::add_member(
				signed(LEAD),
				index,
				senior(0),
				Role::SeniorAmbassador,
				bytes("English"),
				None,
			)
		};
		assert_noop!(add(), Error::<Test>::MemberBarred);
		// Only the council lifts the bar.
		assert_noop!(CB::unbar_member(signed(LEAD), index, senior(0)), BadOrigin);
		assert_noop!(CB::unbar_member(council(), index, STRANGER), Error::<Test>::NotBarred);
		events();
		assert_ok!(CB::unbar_member(council(), index, senior(0)));
		assert_eq!(events(), vec![Event::MemberUnbarred { index, who: senior(0) }]);
		assert_ok!(add());
		// A lead's removal does not bar.
		assert_ok!(CB::remove_member(signed(LEAD), index, senior(0)));
		assert_ok!(add());
	});
}

/// The lead keeps one crew member under a senior: the council must still be able to remove that
/// senior.
#[test]
fn the_council_can_remove_a_senior_with_crew() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 1, 2);
		events();
		assert_ok!(CB::remove_member(council(), index, senior(0)));
		assert!(Roster::<Test>::get(index, senior(0)).is_none());
		// The crew left with its senior (not barred: the lead may place it under another).
		assert_eq!(program(index).roster_count, 0);
		assert!(!Crews::<Test>::contains_key(index, senior(0)));
		assert_eq!(events().len(), 3);
		assert!(!Barred::<Test>::contains_key(index, 200));
	});
}

/// A report made before the end block, decided after it: the vote counts, and an owed tranche
/// can still be released.
#[test]
fn late_council_votes_count() {
	ExtBuilder::default().treasury(10 * PHA).build_and_execute(|| {
		let index = propose(direct_spec());
		assert_ok!(CB::approve_program(council(), index));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		go_to(CLOSABLE);
		assert_ok!(approve_ms(council(), index, 0, None));
		set_free(TREASURY, 1_000_000 * PHA);
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		assert_eq!(program(index).released, 100_000 * PHA);
	});
}

/// 80,000 + 20,000 PHA owed and 90,000 in the treasury: the first tranche is paid.
#[test]
fn owed_tranches_are_released_one_by_one() {
	ExtBuilder::default().treasury(10 * PHA).build_and_execute(|| {
		let index = propose(direct_spec());
		assert_ok!(CB::approve_program(council(), index));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		assert_ok!(approve_ms(council(), index, 0, None));
		set_free(TREASURY, 90_000 * PHA);
		events();
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		assert_eq!(program(index).released, 80_000 * PHA);
		assert_eq!(free(account(index)), 80_000 * PHA);
		assert_eq!(
			events(),
			vec![Event::TrancheReleased {
				index,
				tranche: 0,
				amount: 80_000 * PHA,
				account: account(index)
			}]
		);
		// The second waits for the treasury, then follows.
		assert_eq!(program(index).owed_total(), 20_000 * PHA);
		assert_noop!(
			CB::release_tranche(signed(STRANGER), index),
			Error::<Test>::InsufficientTreasury
		);
		set_free(TREASURY, 20_001 * PHA);
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		assert_eq!(program(index).owed_total(), 0);
		assert_eq!(free(account(index)), 100_000 * PHA);
	});
}

/// An `AmbassadorCount` target no roster can reach is refused when proposed.
#[test]
fn an_ambassador_count_target_above_max_roster_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = direct_spec();
		spec.milestones[0].target = <<Test as Config>::MaxRoster as Get<u32>>::get() as u64 + 1;
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(spec.clone())),
			Error::<Test>::UnreachableTarget
		);
		spec.milestones[0].target -= 1;
		assert_ok!(CB::propose_program(signed(LEAD), Box::new(spec)));
	});
}

/// An approving body with a spending limit cannot approve a program above it.
#[test]
fn an_approve_origin_cannot_release_more_than_its_limit() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(direct_spec());
		assert_noop!(
			CB::approve_program(signed(SMALL_COUNCIL), index),
			Error::<Test>::InsufficientPermission
		);
		assert_eq!(program(index).status, ProgramStatus::Proposed);
		assert_ok!(CB::approve_program(council(), index));
		// A milestone releasing at most its limit is within it; a larger one is not.
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		assert_ok!(approve_ms(signed(SMALL_COUNCIL), index, 0, None));
		let mut spec = direct_spec();
		spec.milestones[1].tranche = SMALL_COUNCIL_LIMIT + 1;
		spec.budget = 80_000 * PHA + SMALL_COUNCIL_LIMIT + 1;
		let big = propose(spec);
		assert_ok!(CB::approve_program(RuntimeOrigin::root(), big));
		assert_ok!(CB::report_milestone(signed(LEAD), big, 0, 1, bytes("e")));
		assert_noop!(
			approve_ms(signed(SMALL_COUNCIL), big, 0, None),
			Error::<Test>::InsufficientPermission
		);
		// Cut to the limit, it passes.
		assert_ok!(approve_ms(signed(SMALL_COUNCIL), big, 0, Some(1)));
	});
}

/// A lead who closes after the end block closes an expired program, and the event says so.
#[test]
fn a_lead_closing_after_the_end_block_closes_an_expired_program() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		for milestone in 0..2 {
			assert_ok!(CB::report_milestone(signed(LEAD), index, milestone, 1, bytes("e")));
			assert_ok!(approve_ms(council(), index, milestone, None));
		}
		go_to(CLOSABLE);
		events();
		assert_ok!(CB::close_program(signed(LEAD), index));
		assert!(matches!(events()[0], Event::ProgramClosed { expired: true, .. }));
	});
}

/// A hold that fails for a reason other than the balance names that reason.
#[test]
fn a_hold_failure_names_its_cause() {
	ExtBuilder::default().build_and_execute(|| {
		while frame_system::Pallet::<Test>::inc_consumers(&LEAD).is_ok() {}
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(direct_spec())),
			sp_runtime::DispatchError::TooManyConsumers
		);
		frame_system::Pallet::<Test>::dec_consumers(&LEAD);
		assert_ok!(CB::propose_program(signed(LEAD), Box::new(direct_spec())));
		while frame_system::Pallet::<Test>::consumers(&LEAD) > 1 {
			frame_system::Pallet::<Test>::dec_consumers(&LEAD);
		}
	});
}

/// Storage a finished cleanup left behind is a broken invariant.
#[test]
fn try_state_finds_leftovers_of_a_removed_program() {
	ExtBuilder::default().build().execute_with(|| {
		let index = active_direct();
		fill_roster(index, 1, 0);
		assert_ok!(CB::cancel_program(council(), index));
		assert_ok!(CB::do_try_state());
		Roster::<Test>::insert(
			index,
			senior(0),
			RosterMember::<Test> {
				role: Role::SeniorAmbassador,
				region: bytes("English"),
				senior: None,
				crew: 0,
				joined_at: 1,
			},
		);
		assert!(CB::do_try_state().is_err());
	});
}

/// A roster larger than one clean-up step: close takes the first step, `clear_program` the rest,
/// free of fees, and every step keeps the rules.
#[test]
fn a_large_program_is_cleared_in_bounded_steps() {
	let limit = <<Test as Config>::RemovalLimit as Get<u32>>::get();
	blocks(vec![
		Box::new(|| {
			let index = active_direct();
			// 5 seniors with 7 crew each: 40 members and 5 crews, above a 16-entry step.
			fill_roster(index, 5, 35);
			assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 10 * USD));
			assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		}),
		Box::new(move || {
			go_to(2);
			assert_ok!(CB::remove_member(signed(LEAD), 0, 200));
			events();
			let post = CB::cancel_program(council(), 0).expect("cancel succeeds");
			assert_eq!(
				post.actual_weight,
				Some(<Test as Config>::WeightInfo::cancel_program(limit))
			);
			assert!(matches!(
				events().last(),
				Some(Event::ProgramStorageCleared { index: 0, complete: false, .. })
			));
			assert!(Cleanups::<Test>::contains_key(0));
			// A second step in the same block goes on from the cursor.
			let post = CB::clear_program(signed(STRANGER), 0).expect("a step");
			assert_eq!(post.pays_fee, Pays::No);
			CB::do_try_state().expect("rules hold mid-clean-up");
		}),
		Box::new(|| {
			go_to(3);
			let mut steps = 0;
			while Cleanups::<Test>::contains_key(0) {
				assert_ok!(CB::clear_program(signed(STRANGER), 0));
				CB::do_try_state().expect("rules hold mid-clean-up");
				steps += 1;
				assert!(steps < 10, "clean-up makes progress");
			}
			assert!(matches!(
				events().last(),
				Some(Event::ProgramStorageCleared { index: 0, complete: true, .. })
			));
			assert_nothing_left(0);
			assert_noop!(CB::clear_program(signed(STRANGER), 0), Error::<Test>::NothingToClear);
		}),
	]);
}

/// Members added after the report do not raise the figure the council approves: it approves
/// what it saw, and the record says so.
#[test]
fn padding_after_the_report_does_not_raise_the_approved_figure() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 7, 21);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("28 active")));
		for s in 7..19 {
			add_senior(index, senior(s));
		}
		assert_eq!(program(index).roster_count, 40);
		events();
		assert_noop!(
			CB::approve_milestone(council(), index, 0, 1, 40, None),
			Error::<Test>::FigureBelowExpected
		);
		assert_ok!(CB::approve_milestone(council(), index, 0, 1, 28, None));
		assert!(matches!(
			events()[0],
			Event::MilestoneApproved { figure: 28, target: 40, below_target: true, .. }
		));
		assert_eq!(
			Reports::<Test>::get(index, 0).unwrap().status,
			ReportStatus::Approved { figure: 28 }
		);
	});
}

/// The lead removes a member while the council's removal motion runs: the motion must still bar
/// the account, so that the lead cannot add it back.
#[test]
fn a_lead_cannot_dodge_a_council_removal_by_removing_first() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 1, 0);
		assert_ok!(CB::remove_member(signed(LEAD), index, senior(0)));
		// The council's motion executes after the lead's removal.
		assert_ok!(CB::remove_member(council(), index, senior(0)));
		assert!(Barred::<Test>::contains_key(index, senior(0)));
		assert_noop!(
			CB::add_member(
				signed(LEAD),
				index,
				senior(0),
				Role::SeniorAmbassador,
				bytes("E"),
				None
			),
			Error::<Test>::MemberBarred
		);
		// Barring twice changes nothing.
		assert_noop!(CB::remove_member(council(), index, senior(0)), Error::<Test>::NotMember);
	});
}

/// The lead puts the council's nominee on the roster while the motion runs: the council's
/// choice of lead still goes through.
#[test]
fn a_lead_cannot_block_its_replacement_by_enrolling_the_nominee() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			NEW_LEAD,
			Role::SeniorAmbassador,
			bytes("E"),
			None
		));
		assert_ok!(CB::set_lead(council(), index, NEW_LEAD));
		assert_eq!(program(index).lead, NEW_LEAD);
		// On the roster or not, the lead is paid only from a Lead pool.
		assert_noop!(
			CB::award(signed(NEW_LEAD), index, SENIOR_POOL, NEW_LEAD, USD, bytes("me")),
			Error::<Test>::LeadNotEligible
		);
		// And the reserved accounts are never leads.
		assert_noop!(
			CB::set_lead(council(), index, account(index)),
			Error::<Test>::ReservedAccount
		);
	});
}

/// A report made before the end block is decided by the council, not voided by a close: anyone
/// may close an expired program only once no report is pending.
#[test]
fn an_expired_program_with_a_pending_report_waits_for_the_council() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		go_to(6 * PERIOD);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		go_to(CLOSABLE);
		assert_noop!(CB::close_program(signed(STRANGER), index), Error::<Test>::ReportPending);
		assert_ok!(approve_ms(council(), index, 0, None));
		assert_ok!(CB::close_program(signed(STRANGER), index));
	});
}
