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

use super::unit::*;
use crate::{mock::*, Event, *};
use frame_support::{assert_noop, assert_ok};

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
		let index = active_seed();
		fill_roster(index, 40, 0);
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("padded")));
		for s in 0..40 {
			assert_ok!(CB::remove_member(signed(LEAD), index, senior(s)));
		}
		assert!(CB::approve_milestone(council(), index, 0, None).is_err());
		assert_eq!(program(index).released, 80_000 * PHA);
	});
}

/// A member removed in the same block as the cancel, after the roster was committed in an
/// earlier block: nothing of the program may stay in storage.
#[test]
fn a_cancelled_programs_roster_is_gone_even_after_a_removal_in_the_same_block() {
	blocks(vec![
		Box::new(|| {
			let index = active_seed();
			fill_roster(index, 3, 3);
		}),
		Box::new(|| {
			go_to(2);
			assert_ok!(CB::remove_member(signed(LEAD), 0, 200));
			assert_ok!(CB::cancel_program(council(), 0));
		}),
		Box::new(|| {
			assert_eq!(Roster::<Test>::iter_prefix(0).count(), 0, "roster outlived its program");
		}),
	]);
}

/// The same for close.
#[test]
fn a_closed_programs_roster_is_gone_even_after_a_removal_in_the_same_block() {
	blocks(vec![
		Box::new(|| {
			let index = active_seed();
			fill_roster(index, 2, 0);
		}),
		Box::new(|| {
			go_to(1 + 6 * PERIOD + 1);
			assert_ok!(CB::remove_member(council(), 0, senior(1)));
			assert_ok!(CB::close_program(signed(STRANGER), 0));
		}),
		Box::new(|| {
			assert_eq!(Roster::<Test>::iter_prefix(0).count(), 0, "roster outlived its program");
		}),
	]);
}

/// The program's own account on its roster, paid by itself: no token moves, but the books
/// would record a payment.
#[test]
fn a_program_never_pays_its_own_account_or_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		assert!(CB::add_member(
			signed(LEAD),
			index,
			account(index),
			Role::SeniorAmbassador,
			bytes("Nowhere"),
			None
		)
		.is_err());
		assert!(award(index, CONTRIBUTOR_POOL, account(index), 10).is_err());
		assert!(award(index, CONTRIBUTOR_POOL, TREASURY, 10).is_err());
		assert_eq!(program(index).paid, 0);
	});
}

/// The lead pays themselves from a contributors' pool, with nothing on chain saying so.
#[test]
fn the_lead_is_not_paid_from_a_contributors_pool() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		assert!(award(index, CONTRIBUTOR_POOL, LEAD, 10).is_err());
		assert_eq!(program(index).paid, 0);
	});
}

/// `MaxBeneficiaries` one-planck awards in one period must not lock new beneficiaries out of a
/// member-capped pool for the rest of the program.
#[test]
fn stale_spending_records_do_not_lock_out_new_beneficiaries() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
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
		let index = active_seed();
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 30, bytes("first")));
		// The council opens an approve motion for this report (the first)...
		assert_ok!(CB::reject_milestone(majority(), index, 0));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 40, bytes("second")));
		// ...which executes after the second report: it must fail.
		assert!(CB::approve_milestone(council(), index, 0, Some(20_000 * PHA)).is_err());
		assert!(!Reports::<Test>::get(index, 0).unwrap().approved);
	});
}

/// The council removes a member; the lead must not be able to add it back.
#[test]
fn a_council_removal_sticks() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		fill_roster(index, 1, 0);
		assert_ok!(CB::remove_member(council(), index, senior(0)));
		assert!(CB::add_member(
			signed(LEAD),
			index,
			senior(0),
			Role::SeniorAmbassador,
			bytes("English"),
			None
		)
		.is_err());
	});
}

/// The lead keeps one crew member under a senior: the council must still be able to remove that
/// senior.
#[test]
fn the_council_can_remove_a_senior_with_crew() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		fill_roster(index, 1, 2);
		assert_ok!(CB::remove_member(council(), index, senior(0)));
		assert!(Roster::<Test>::get(index, senior(0)).is_none());
	});
}

/// A report made before the end block, decided after it: the vote counts, and an owed tranche
/// can still be released.
#[test]
fn late_council_votes_count() {
	ExtBuilder::default().treasury(10 * PHA).build_and_execute(|| {
		let index = propose(seed_spec());
		assert_ok!(CB::approve_program(council(), index));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		go_to(1 + 6 * PERIOD + 1);
		assert_ok!(CB::approve_milestone(council(), index, 0, None));
		set_free(TREASURY, 1_000_000 * PHA);
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		assert_eq!(program(index).released, 100_000 * PHA);
	});
}

/// 80,000 + 20,000 PHA owed and 90,000 in the treasury: the first tranche is paid.
#[test]
fn owed_tranches_are_released_one_by_one() {
	ExtBuilder::default().treasury(10 * PHA).build_and_execute(|| {
		let index = propose(seed_spec());
		assert_ok!(CB::approve_program(council(), index));
		assert_ok!(CB::report_milestone(signed(LEAD), index, 0, 1, bytes("e")));
		assert_ok!(CB::approve_milestone(council(), index, 0, None));
		set_free(TREASURY, 90_000 * PHA);
		assert_ok!(CB::release_tranche(signed(STRANGER), index));
		assert_eq!(program(index).released, 80_000 * PHA);
		assert_eq!(free(account(index)), 80_000 * PHA);
	});
}

/// An `AmbassadorCount` target no roster can reach is refused when proposed.
#[test]
fn an_ambassador_count_target_above_max_roster_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let mut spec = seed_spec();
		spec.milestones[0].target = <<Test as Config>::MaxRoster as Get<u32>>::get() as u64 + 1;
		assert!(CB::propose_program(signed(LEAD), Box::new(spec)).is_err());
	});
}

/// An approving body with a spending limit cannot approve a program above it.
#[test]
fn an_approve_origin_cannot_release_more_than_its_limit() {
	ExtBuilder::default().build_and_execute(|| {
		let index = propose(seed_spec());
		assert!(CB::approve_program(signed(SMALL_COUNCIL), index).is_err());
		assert_eq!(program(index).status, ProgramStatus::Proposed);
	});
}

/// A lead who closes after the end block closes an expired program, and the event says so.
#[test]
fn a_lead_closing_after_the_end_block_closes_an_expired_program() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_seed();
		for milestone in 0..2 {
			assert_ok!(CB::report_milestone(signed(LEAD), index, milestone, 1, bytes("e")));
			assert_ok!(CB::approve_milestone(council(), index, milestone, None));
		}
		go_to(1 + 6 * PERIOD + 1);
		events();
		assert_ok!(CB::close_program(signed(LEAD), index));
		assert!(matches!(events()[..], [Event::ProgramClosed { expired: true, .. }]));
	});
}

/// A hold that fails for a reason other than the balance names that reason.
#[test]
fn a_hold_failure_names_its_cause() {
	ExtBuilder::default().build_and_execute(|| {
		while frame_system::Pallet::<Test>::inc_consumers(&LEAD).is_ok() {}
		assert_noop!(
			CB::propose_program(signed(LEAD), Box::new(seed_spec())),
			sp_runtime::DispatchError::TooManyConsumers
		);
		frame_system::Pallet::<Test>::dec_consumers(&LEAD);
		assert_ok!(CB::propose_program(signed(LEAD), Box::new(seed_spec())));
		while frame_system::Pallet::<Test>::consumers(&LEAD) > 1 {
			frame_system::Pallet::<Test>::dec_consumers(&LEAD);
		}
	});
}

/// Storage a finished cleanup left behind is a broken invariant.
#[test]
fn try_state_finds_leftovers_of_a_removed_program() {
	ExtBuilder::default().build().execute_with(|| {
		let index = active_seed();
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
