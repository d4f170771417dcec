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

//! Milestones: reports, the council's decisions, tranches.

use super::*;

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

#[test]
fn ambassador_count_is_read_from_the_roster_not_the_claim() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
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
		let proposed = propose(direct_spec());
		let report = |caller, index, milestone| {
			CB::report_milestone(signed(caller), index, milestone, 1, bytes("e"))
		};
		assert_noop!(report(LEAD, proposed, 0), Error::<Test>::NotActive);
		let index = active_direct();
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
		let proposed = propose(direct_spec());
		assert_noop!(approve_ms(council(), proposed, 0, None), Error::<Test>::NotActive);
		let index = active_direct();
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
		let index = active_direct();
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
		let index = active_direct();
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
		let proposed = propose(direct_spec());
		assert_noop!(reject_ms(majority(), proposed, 0), Error::<Test>::NotActive);
	});
}

#[test]
fn approving_a_milestone_while_a_tranche_is_owed_queues_the_next_one() {
	ExtBuilder::default().treasury(10 * PHA).build_and_execute(|| {
		let index = propose(direct_spec());
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
		let index = propose(direct_spec());
		assert_eq!(free(LEAD), lead0 - direct_bond());
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
