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

//! The community bounties' storage from version 2 to 3, on the demo runtime. The state comes
//! from the code of the tag `layout-v2` (`scripts/layout-v2/snapshot.sh`): programs proposed,
//! rejected, active with a roster, bars, spending and a pending report, active with rounds open,
//! finalized, half tallied and half paid, cancelled with its clean-up under way, and cancelled
//! and cleared. The runtime's `Migrations` run with try-runtime's checks and every pallet's
//! `try_state`; then the chain goes on, block by block with storage committed: every round
//! settles on the new rules and every clean-up finishes.

#![cfg(feature = "try-runtime")]

mod common;
use common::*;
use community_bounty_runtime::{AllPalletsWithSystem, Executive};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade};
use pallet_community_bounty::{
	migrations::v3::v2::{self, RoundStatus as V2Status},
	Cleanups, Pallet as CommunityBountyPallet, ProgramCount, Programs, RoundPages, RoundStatus,
	Rounds,
};
use std::collections::BTreeMap;

/// The state the code of `layout-v2` left, from the fixture.
fn layout_v2_state() -> sp_io::TestExternalities {
	fixture_state(include_str!("fixtures/layout-v2-state.json"))
}

/// Each filer's score, by (program, period, position), from version 2's pages.
fn v2_scores() -> BTreeMap<(u32, u32, u32), Option<u8>> {
	let page: u32 =
		<<Runtime as pallet_community_bounty::Config>::RoundPageSize as Get<u32>>::get();
	v2::RoundPages::<Runtime>::iter()
		.flat_map(|(index, (period, number), entries)| {
			entries.into_iter().enumerate().map(move |(offset, entry)| {
				((index, period, number * page + offset as u32), entry.score)
			})
		})
		.collect()
}

#[test]
fn the_layout_v2_state_holds_rounds_in_every_status() {
	let mut ext = layout_v2_state();
	ext.execute_with(|| {
		assert_eq!(CommunityBountyPallet::<Runtime>::on_chain_storage_version(), 2);
		assert_eq!(ProgramCount::<Runtime>::get(), 7);
		let mut live: Vec<u32> = v2::Programs::<Runtime>::iter_keys().collect();
		live.sort();
		assert_eq!(live, vec![0, 2, 3, 4], "0 proposed, 2 to 4 active, 1, 5 and 6 removed");
		let status = |index, period| v2::Rounds::<Runtime>::get(index, period).map(|r| r.status);
		assert!(matches!(status(3, 0), Some(V2Status::Paying { next: 32, .. })));
		assert_eq!(status(3, 1), Some(V2Status::Open));
		assert_eq!(status(4, 0), Some(V2Status::Tallying { next: 32 }));
		assert_eq!(status(4, 1), Some(V2Status::Finalized));
		assert!(Cleanups::<Runtime>::contains_key(5));
	});
}

#[test]
fn the_v3_migration_keeps_every_filer_score_and_deposit_and_commits_exactly() {
	let mut ext = layout_v2_state();
	let (scores, deposits, issuance, committed) = ext.execute_with(|| {
		let committed: BTreeMap<u32, Balance> =
			v2::Programs::<Runtime>::iter().map(|(i, p)| (i, p.committed)).collect();
		(v2_scores(), deposits_held(), Balances::total_issuance(), committed)
	});
	ext.execute_with(|| {
		Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::All)
			.expect("the upgrade and its checks pass");
		assert_eq!(
			CommunityBountyPallet::<Runtime>::on_chain_storage_version(),
			4,
			"every migration ran, to version 4"
		);
		// Every unpaid entry's score is in its round's record, at its position.
		for ((index, period, position), score) in &scores {
			let round = Rounds::<Runtime>::get(index, period).expect("the round is kept");
			let filer = round.filers.get(*position as usize).expect("the filer is kept");
			assert_eq!(&filer.score, score, "score of #{index}/{period}/{position}");
		}
		// The pages keep the evidence: as many entries as before.
		let entries: usize = RoundPages::<Runtime>::iter_values().map(|p| p.len()).sum();
		assert_eq!(entries, scores.len());
		assert_eq!(deposits_held(), deposits, "every open claim keeps its deposit held");
		assert_eq!(Balances::total_issuance(), issuance);
		// Program 4's half-tallied round is back to finalized, nothing fixed nor committed.
		let round = Rounds::<Runtime>::get(4, 0).expect("program 4's round");
		assert_eq!(
			(round.status, round.pools.len(), round.committed),
			(RoundStatus::Finalized, 0, 0)
		);
		assert!(round.filers.iter().all(|f| f.payable.is_none()));
		// Program 3's half-paid round commits exactly what it will still pay: version 2 had
		// committed the whole senior cap, the payments round down.
		let paying = Rounds::<Runtime>::get(3, 0).expect("program 3's round");
		assert!(matches!(paying.status, RoundStatus::Paying { next: 32, .. }));
		let program = Programs::<Runtime>::get(3).expect("program 3");
		assert!(program.committed <= committed[&3]);
		assert_eq!(program.committed, paying.committed);
		// Each migration runs once: a second upgrade finds version 4 and does nothing (each of
		// the three reads the version).
		assert_eq!(
			community_bounty_runtime::Migrations::on_runtime_upgrade(),
			<Runtime as frame_system::Config>::DbWeight::get().reads(3)
		);
	});
}

#[test]
fn after_the_v3_migration_every_round_settles_and_every_clean_up_finishes() {
	let mut ext = layout_v2_state();
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
	chain.block(|| {
		let paid_before = Programs::<Runtime>::get(3).expect("program 3").paid;
		settle(3, 0);
		assert!(Programs::<Runtime>::get(3).expect("program 3").paid > paid_before);
		// Program 4's round starts its settlement again, fixing every payment at once.
		settle(4, 0);
		settle(4, 1);
		assert_eq!(Programs::<Runtime>::get(4).expect("program 4").committed, 0);
	});
	chain.block(|| {
		while Cleanups::<Runtime>::contains_key(5) {
			assert_ok!(CommunityBounty::clear_program(RuntimeOrigin::signed(id(Eve)), 5));
		}
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
