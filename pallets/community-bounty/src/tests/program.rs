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

//! The program's lifecycle: propose, approve, reject, cancel, close, reclaim, set the lead.

use super::*;

// ---------------------------------------------------------------------------------------------
// propose_program
// ---------------------------------------------------------------------------------------------

#[test]
fn propose_holds_bond_and_stores_program() {
	ExtBuilder::default().build_and_execute(|| {
		let before = free(LEAD);
		let index = propose(direct_spec());
		assert_eq!(index, 0);
		assert_eq!(ProgramCount::<Test>::get(), 1);
		let p = program(0);
		assert_eq!(p.lead, LEAD);
		assert_eq!(p.status, ProgramStatus::Proposed);
		assert_eq!(p.budget, 100_000 * PHA);
		assert_eq!((p.released, p.owed_total(), p.paid), (0, 0, 0));
		assert_eq!(p.bond, direct_bond());
		assert_eq!(p.proposed_at, 1);
		// The title is stored, the description only as the hash of its text.
		assert_eq!(p.title.to_vec(), direct_spec().title.to_vec());
		assert_eq!(p.description, description_hash());
		assert_eq!(p.pool_spent.len(), 2);
		assert_eq!(bond_held(LEAD), direct_bond());
		assert_eq!(free(LEAD), before - direct_bond());
		assert_eq!(
			events(),
			vec![Event::ProgramProposed {
				index: 0,
				lead: LEAD,
				description: description_hash(),
				asset: Denomination::Native,
				budget: 100_000 * PHA,
				bond: direct_bond(),
				milestones: 2,
				pools: 2,
				duration: 6 * PERIOD,
			}]
		);
		// Indices are never reused.
		assert_eq!(propose(direct_spec()), 1);
	});
}

#[test]
fn propose_rejects_inconsistent_specs() {
	ExtBuilder::default().build_and_execute(|| {
		let check = |f: fn(&mut ProgramSpec<Test>), e: Error<Test>| {
			let mut spec = direct_spec();
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
		let mut spec = direct_spec();
		spec.duration = 12 * PERIOD;
		spec.pools = Default::default();
		spec.pools.try_push(direct_spec().pools[1].clone()).unwrap();
		spec.pools[0].member_cap = Some(CONTRIBUTOR_CAP);
		spec.milestones[0].tranche = 100_000 * PHA - ED;
		spec.milestones[1].tranche = ED;
		assert_ok!(CB::propose_program(signed(LEAD), Box::new(spec)));
	});
}

#[test]
fn propose_needs_signed_origin_and_bond() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			CB::propose_program(RuntimeOrigin::root(), Box::new(direct_spec())),
			BadOrigin
		);
		// An account that cannot afford the bond.
		set_free(STRANGER, 50 * PHA);
		assert_noop!(
			CB::propose_program(signed(STRANGER), Box::new(direct_spec())),
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
		let index = propose(direct_spec());
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
					bond_released: direct_bond(),
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
		let index = propose(direct_spec());
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
		let index = active_direct();
		assert_noop!(CB::approve_program(council(), index), Error::<Test>::NotProposed);
	});
}

#[test]
fn approve_with_short_treasury_owes_tranche_and_release_pays_it_later() {
	ExtBuilder::default().treasury(50_000 * PHA).build_and_execute(|| {
		let index = propose(direct_spec());
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
		let index = propose(direct_spec());
		assert_noop!(CB::release_tranche(signed(STRANGER), index), Error::<Test>::NotActive);
	});
}

#[test]
fn reject_slashes_bond_to_treasury_and_removes_program() {
	ExtBuilder::default().build_and_execute(|| {
		let lead_before = free(LEAD);
		let index = propose(direct_spec());
		events();
		assert_noop!(CB::reject_program(signed(LEAD), index), BadOrigin);
		assert_noop!(CB::reject_program(majority(), 9), Error::<Test>::UnknownProgram);
		assert_ok!(CB::reject_program(majority(), index));
		assert!(Programs::<Test>::get(index).is_none());
		assert_eq!(bond_held(LEAD), 0);
		assert_eq!(free(LEAD), lead_before - direct_bond());
		assert_eq!(free(TREASURY), TREASURY_FUNDS + direct_bond());
		assert_eq!(
			events(),
			vec![Event::ProgramRejected { index, lead: LEAD, slashed: direct_bond() }]
		);
	});
}

#[test]
fn reject_only_while_proposed() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
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
		let index = active_direct();
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
		let index = propose(direct_spec());
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
		let index = propose(direct_spec());
		assert_noop!(CB::cancel_program(council(), index), Error::<Test>::NotActive);
	});
}

#[test]
fn close_by_anyone_after_end_block() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
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
			let index = active_direct();
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
		let index = propose(direct_spec());
		assert_noop!(CB::close_program(signed(LEAD), index), Error::<Test>::NotActive);
	});
}

#[test]
fn reclaim_sweeps_tokens_sent_to_a_closed_program() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_noop!(
			CB::reclaim(signed(STRANGER), index, Denomination::Native),
			Error::<Test>::ProgramStillOpen
		);
		assert_noop!(
			CB::reclaim(signed(STRANGER), index + 1, Denomination::Native),
			Error::<Test>::UnknownProgram
		);
		assert_ok!(CB::cancel_program(council(), index));
		assert_noop!(
			CB::reclaim(signed(STRANGER), index, Denomination::Native),
			Error::<Test>::NothingToReclaim
		);
		assert_noop!(CB::reclaim(RuntimeOrigin::root(), index, Denomination::Native), BadOrigin);
		assert_ok!(Balances::transfer_allow_death(signed(NEW_LEAD), account(index), 3 * PHA));
		events();
		assert_ok!(CB::reclaim(signed(STRANGER), index, Denomination::Native));
		assert_eq!(free(account(index)), 0);
		assert_eq!(free(TREASURY), TREASURY_FUNDS + 3 * PHA);
		assert_eq!(
			events(),
			vec![Event::Reclaimed { index, asset: Denomination::Native, amount: 3 * PHA }]
		);
	});
}

#[test]
fn set_lead_hands_the_program_over() {
	ExtBuilder::default().build_and_execute(|| {
		let proposed = propose(direct_spec());
		assert_noop!(CB::set_lead(council(), proposed, NEW_LEAD), Error::<Test>::NotActive);
		let index = active_direct();
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
