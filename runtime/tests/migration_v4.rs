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

//! The community bounties' storage from version 3 to 4, on the demo runtime. The state comes
//! from the code of the tag `layout-v3` (`scripts/layout-v3/snapshot.sh`): a program whose round
//! left a failed payment (recorded, its money earmarked) and a round open, a proposed one, a
//! rejected one, an active one paid directly with a pending report, and a cancelled one. The
//! runtime's `Migrations` run with try-runtime's checks and every pallet's `try_state`: every
//! program keeps its figures and pays native tokens. Then the chain goes on, block by block with
//! storage committed: the failed payment is retried and paid once, and every program closes and
//! clears.

#![cfg(feature = "try-runtime")]

mod common;
use common::*;
use community_bounty_runtime::{AllPalletsWithSystem, Executive, EXISTENTIAL_DEPOSIT};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade};
use pallet_community_bounty::{
	migrations::v4::{upgrade_program, v3},
	Cleanups, Denomination, Event, Pallet as CommunityBountyPallet, PaymentBooks, PaymentState,
	Payments, ProgramCount, Programs, Rounds,
};

/// The state the code of `layout-v3` left, from the fixture.
fn layout_v3_state() -> sp_io::TestExternalities {
	fixture_state(include_str!("fixtures/layout-v3-state.json"))
}

#[test]
fn the_layout_v3_state_holds_programs_in_every_status_and_a_failed_payment() {
	let mut ext = layout_v3_state();
	ext.execute_with(|| {
		assert_eq!(CommunityBountyPallet::<Runtime>::on_chain_storage_version(), 3);
		assert_eq!(ProgramCount::<Runtime>::get(), 5);
		let mut live: Vec<u32> = v3::Programs::<Runtime>::iter_keys().collect();
		live.sort();
		assert_eq!(live, vec![0, 1, 3], "0 and 3 active, 1 proposed, 2 and 4 removed");
		let record = Payments::<Runtime>::get(0, 0).expect("program 0's failed payment");
		assert!(matches!(record.state, PaymentState::Failed { .. }));
		assert!(Rounds::<Runtime>::contains_key(0, 1), "program 0's next round is open");
	});
}

#[test]
fn the_v4_migration_keeps_every_program_and_names_the_native_token() {
	let mut ext = layout_v3_state();
	let (before, issuance, record) = ext.execute_with(|| {
		let programs: Vec<_> = v3::Programs::<Runtime>::iter().collect();
		(programs, Balances::total_issuance(), Payments::<Runtime>::get(0, 0))
	});
	ext.execute_with(|| {
		// The runtime's migrations, with the pre- and post-upgrade checks and every pallet's
		// try_state, as `try-runtime on-runtime-upgrade` runs them.
		Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::All)
			.expect("the upgrade and its checks pass");
		assert_eq!(CommunityBountyPallet::<Runtime>::on_chain_storage_version(), 4);
		assert_eq!(Programs::<Runtime>::iter().count(), before.len());
		for (index, old) in before {
			let (budget, released, paid) = (old.budget, old.released, old.paid);
			let new = Programs::<Runtime>::get(index).expect("a program keeps its record");
			assert_eq!(new.asset, Denomination::Native, "program {index} pays native tokens");
			assert_eq!((new.budget, new.released, new.paid), (budget, released, paid));
			assert_eq!(new, upgrade_program(old));
		}
		// The failed payment's record and book stay as they were.
		assert_eq!(Payments::<Runtime>::get(0, 0), record);
		assert_eq!(PaymentBooks::<Runtime>::get(0).open, 1);
		assert_eq!(Balances::total_issuance(), issuance);
		// Each migration runs once: a second upgrade finds version 4 and does nothing.
		assert_eq!(
			community_bounty_runtime::Migrations::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get().reads(3)
		);
	});
}

#[test]
fn after_the_v4_migration_a_failed_payment_is_paid_once_and_every_program_clears() {
	let mut ext = layout_v3_state();
	ext.execute_with(|| {
		Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::PreAndPost)
			.expect("the upgrade passes");
	});
	ext.commit_all().expect("storage commits");
	let mut chain = Chain::from_ext(ext);
	let payee = senior(1);
	let (amount, program_before) = chain.block(|| {
		let record = Payments::<Runtime>::get(0, 0).expect("the failed payment");
		assert_eq!(record.payee, payee);
		(record.amount, free(&CommunityBounty::program_account(0)))
	});
	// The member opens its account; anyone retries, in native tokens: paid once.
	chain.block(|| {
		assert_ok!(Balances::transfer_keep_alive(
			signed(&id(Ferdie)),
			MultiAddress::Id(payee.clone()),
			EXISTENTIAL_DEPOSIT
		));
		assert_ok!(CommunityBounty::retry_payment(signed(&id(Eve)), 0, 0));
		assert!(cb_events().contains(&Event::PaymentConfirmed {
			index: 0,
			payment: 0,
			payee: payee.clone(),
			amount,
		}));
		assert_eq!(free(&payee), EXISTENTIAL_DEPOSIT + amount);
		assert_eq!(free(&CommunityBounty::program_account(0)), program_before - amount);
		assert!(Payments::<Runtime>::get(0, 0).is_none());
	});
	// The council cancels the programs still running; every clean-up finishes.
	chain.block(|| {
		for index in [0, 3] {
			assert_ok!(CommunityBounty::cancel_program(RuntimeOrigin::root(), index));
		}
		assert_ok!(CommunityBounty::reject_program(RuntimeOrigin::root(), 1));
	});
	chain.block(|| {
		for index in 0..5 {
			while Cleanups::<Runtime>::contains_key(index) {
				assert_ok!(CommunityBounty::clear_program(signed(&id(Eve)), index));
			}
		}
		assert!(Programs::<Runtime>::iter().next().is_none());
		assert!(deposits_held().is_empty(), "no deposit is stranded");
	});
	chain.ext.execute_with(|| {
		use frame_support::traits::{TryState, TryStateSelect};
		AllPalletsWithSystem::try_state(System::block_number(), TryStateSelect::All)
			.expect("every pallet's invariants hold");
	});
}
