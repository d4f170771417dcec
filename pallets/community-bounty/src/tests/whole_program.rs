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

//! A whole program shaped like proposal #14 (paid directly), month by month, and the runtime's configuration checks.

use super::*;

// ---------------------------------------------------------------------------------------------
// The whole seed program, and configuration checks
// ---------------------------------------------------------------------------------------------

/// Proposal #14 end to end: propose, approve, roster, three monthly runs within the caps,
/// milestones, close; the treasury, program account and beneficiaries add up at the end.
#[test]
fn seed_program_end_to_end_conserves_funds() {
	ExtBuilder::default().build_and_execute(|| {
		let treasury0 = free(TREASURY);
		let index = active_direct();
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
		let index = active_direct();
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
		let index = propose(direct_spec());
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
		let index = propose(direct_spec());
		let view = crate::runtime_api::program_view::<Test>(index).unwrap();
		assert_eq!(view.status, ProgramStateView::Proposed);
		assert_eq!((view.budget, view.bond, view.period), (100_000 * PHA, direct_bond(), 0));
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
		assert_eq!(view.pools[0].remaining_paid, Some(3_750 * PHA));
		assert_eq!(view.pools[1].remaining, CONTRIBUTOR_CAP);
		// A new period: the caps are whole again; without a rate, no native figure.
		go_to(PERIOD + 1);
		UsdRate::set(None);
		let view = crate::runtime_api::program_view::<Test>(index).unwrap();
		assert_eq!((view.period, view.pools[0].remaining), (1, SENIOR_CAP));
		assert_eq!(view.pools[0].remaining_paid, None);
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
