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

//! The community bounties' storage from version 1 to 2, on the demo runtime. The state comes
//! from the code of the tag `layout-v1` (`scripts/layout-v1/snapshot.sh`): programs proposed,
//! rejected, active with a roster, bars, spending and a pending report, active with rounds open,
//! finalized, half tallied and half paid, cancelled with its clean-up under way, and cancelled
//! and cleared. The runtime's `Migrations` run with try-runtime's checks before and after the
//! upgrade and every pallet's `try_state`; then the chain goes on, block by block with storage
//! committed, and every round settles and every clean-up finishes on the new layout.

#![cfg(feature = "try-runtime")]

mod common;
use common::*;
use community_bounty_runtime::{AllPalletsWithSystem, Executive};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade};
use pallet_community_bounty::{
	migrations::{
		v2::v1,
		v3::v2::{self, RoundStatus as V2Status},
	},
	Cleanups, Pallet as CommunityBountyPallet, ProgramCount, Programs, RoundPages, RoundStatus,
	Rounds,
};
use std::collections::BTreeMap;

/// The state the code of `layout-v1` left, from the fixture.
fn layout_v1_state() -> sp_io::TestExternalities {
	fixture_state(include_str!("fixtures/layout-v1-state.json"))
}

#[test]
fn the_layout_v1_state_holds_programs_in_every_status() {
	let mut ext = layout_v1_state();
	ext.execute_with(|| {
		assert_eq!(CommunityBountyPallet::<Runtime>::on_chain_storage_version(), 1);
		assert_eq!(ProgramCount::<Runtime>::get(), 7);
		let mut live: Vec<u32> = v1::Programs::<Runtime>::iter_keys().collect();
		live.sort();
		assert_eq!(live, vec![0, 2, 3, 4], "0 proposed, 2 to 4 active, 1, 5 and 6 removed");
		assert!(v1::Cleanups::<Runtime>::contains_key(5));
		// Version 1's rounds have version 2's layout.
		let status = |index, period| v2::Rounds::<Runtime>::get(index, period).map(|r| r.status);
		assert!(matches!(status(3, 0), Some(V2Status::Paying { next: 32, .. })));
		assert_eq!(status(3, 1), Some(V2Status::Open));
		assert_eq!(status(4, 0), Some(V2Status::Tallying { next: 32 }));
		assert_eq!(status(4, 1), Some(V2Status::Finalized));
		// Program 3: 11 unpaid of period 0, 9 of period 1; program 4: 43 and 5; program 5: 3.
		assert_eq!(v1::RoundEntries::<Runtime>::iter_keys().count(), 11 + 9 + 43 + 5 + 3);
	});
}

#[test]
fn the_migration_keeps_every_program_entry_deposit_and_clean_up() {
	let mut ext = layout_v1_state();
	let before = ext.execute_with(|| {
		let texts: BTreeMap<u32, v1::ProgramText> = v1::Descriptions::<Runtime>::iter().collect();
		(texts, deposits_held(), Balances::total_issuance())
	});
	ext.execute_with(|| {
		// The runtime's migrations, with the pre- and post-upgrade checks and every pallet's
		// try_state, as `try-runtime on-runtime-upgrade` runs them.
		Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::All)
			.expect("the upgrade and its checks pass");
		assert_eq!(
			CommunityBountyPallet::<Runtime>::on_chain_storage_version(),
			4,
			"every migration ran, to version 4"
		);
		let (texts, deposits, issuance) = &before;
		for (index, text) in texts {
			let program = Programs::<Runtime>::get(index).expect("a program keeps its record");
			assert_eq!(program.title.to_vec(), text.title);
			assert_eq!(
				program.description,
				<Runtime as frame_system::Config>::Hashing::hash(&text.description)
			);
		}
		assert_eq!(&deposits_held(), deposits, "every open claim keeps its deposit held");
		assert_eq!(Balances::total_issuance(), *issuance);
		// Program 2's spending moved into its record.
		let spent = Programs::<Runtime>::get(2).expect("program 2").pool_spent;
		assert_eq!((spent[0].spent, spent[1].spent), (300 * USD, 200 * USD));
		// Program 3's half-paid round: its first page is gone, the second is page 1.
		assert!(RoundPages::<Runtime>::get(3, (0, 0)).is_none());
		assert_eq!(RoundPages::<Runtime>::get(3, (0, 1)).map(|page| page.len()), Some(11));
		// Program 5's clean-up goes on from where it was.
		assert!(Cleanups::<Runtime>::get(5).is_some_and(|stages| !stages.is_empty()));
		// Program 4's half-tallied round is back to finalized, its rates to be fixed again.
		let round = Rounds::<Runtime>::get(4, 0).expect("program 4's round");
		assert_eq!((round.status, round.pools.len()), (RoundStatus::Finalized, 0));
		// Each migration runs once: a second upgrade finds version 4 and does nothing (each of
		// the three reads the version).
		assert_eq!(
			community_bounty_runtime::Migrations::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get().reads(3)
		);
	});
}

#[test]
fn after_the_migration_every_round_settles_and_every_clean_up_finishes() {
	let mut ext = layout_v1_state();
	ext.execute_with(|| {
		Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::PreAndPost)
			.expect("the upgrade passes");
	});
	ext.commit_all().expect("storage commits");
	let mut chain = Chain::from_ext(ext);
	// Program 4's final rounds settle once their appeal and veto windows are over (the
	// upgrade kept no finalization block: counted from their scoring deadlines). The state's
	// rates predate their dates: the council confirms them then.
	let from = chain.block(|| settles_from(4, 0).max(settles_from(4, 1)));
	chain.block_at(Some(from), confirm_rate);
	let settle = |index: u32, period: u32| {
		let mut steps = 0;
		while Rounds::<Runtime>::contains_key(index, period) {
			assert_ok!(CommunityBounty::settle_round(
				RuntimeOrigin::signed(id(Eve)),
				index,
				period
			));
			steps += 1;
			assert!(steps < 20, "a round settles in bounded steps");
		}
	};
	// Program 3's half-paid round pays its last page; program 4's half-tallied round starts its
	// settlement again and pays both pages; its finalized round settles too.
	let deposits = chain.block(|| {
		let paid_before = Programs::<Runtime>::get(3).expect("program 3").paid;
		settle(3, 0);
		assert!(Programs::<Runtime>::get(3).expect("program 3").paid > paid_before);
		settle(4, 0);
		settle(4, 1);
		deposits_held()
	});
	// The settled rounds' claims have their deposits back: those of program 3's open round
	// and of program 5's clean-up are still held.
	let claimant = |i: u8| AccountId::from([250 - i; 32]);
	let still_held: Vec<AccountId> = [0, 1, 2, 4].into_iter().map(claimant).collect();
	assert_eq!(deposits.keys().cloned().collect::<Vec<_>>().len(), still_held.len());
	assert!(still_held.iter().all(|who| deposits.contains_key(who)));
	// Program 5's clean-up finishes in free steps; then nothing of it is left.
	chain.block(|| {
		let mut steps = 0;
		while Cleanups::<Runtime>::contains_key(5) {
			let post =
				CommunityBounty::clear_program(RuntimeOrigin::signed(id(Eve)), 5).expect("a step");
			assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
			steps += 1;
			assert!(steps < 10, "a clean-up ends in bounded steps");
		}
		assert_eq!(pallet_community_bounty::Roster::<Runtime>::iter_prefix(5).count(), 0);
		assert_eq!(RoundPages::<Runtime>::iter_prefix(5).count(), 0);
		assert_eq!(Rounds::<Runtime>::iter_prefix(5).count(), 0);
		assert_eq!(deposits_held().keys().cloned().collect::<Vec<_>>(), vec![claimant(4)]);
	});
	// The lead closes nothing early, but the council cancels program 3 with its open round:
	// the claim's deposit comes back.
	chain.block(|| {
		assert_ok!(CommunityBounty::cancel_program(RuntimeOrigin::root(), 3));
		while Cleanups::<Runtime>::contains_key(3) {
			assert_ok!(CommunityBounty::clear_program(RuntimeOrigin::signed(id(Eve)), 3));
		}
		assert!(deposits_held().is_empty(), "no deposit is stranded");
	});
	chain.ext.execute_with(|| {
		use frame_support::traits::{TryState, TryStateSelect};
		AllPalletsWithSystem::try_state(System::block_number(), TryStateSelect::All)
			.expect("every pallet's invariants hold");
	});
}
