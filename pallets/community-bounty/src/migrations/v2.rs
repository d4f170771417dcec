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

//! Storage version 1 to 2.
//!
//! Version 2 changes the layout so that the calls a program makes most read and write less:
//! - each pool's spending of its latest period lives in the program record (`pool_spent`), which
//!   an award reads and writes anyway, instead of a `PoolSpending` map;
//! - the title lives in the program record, and the description is kept off chain: the record
//!   holds the hash (the runtime's `Hashing`) of the text version 1 stored in `Descriptions`;
//! - a round's reports and claims live in pages of `RoundPageSize` entries
//!   ([`RoundPages`](crate::RoundPages)), in the round's filing order, instead of one
//!   `RoundEntries` record each;
//! - a clean-up records the set of maps it still has to clear ([`CleanupStages`]) instead of the
//!   one it is at.
//!
//! Every program, in every status, keeps its figures; every entry of an open round keeps its
//! score, its place and (for a claim) its held deposit; a clean-up under way goes on from the
//! map it was at. The migration reads and writes each record once, in one block: its weight is
//! linear in the pallet's storage (for the demo chain, a few hundred records). A chain whose
//! version 1 storage would not fit in a block should run it in steps, as a multi-block
//! migration of `pallet-migrations`.

use super::v3::v2::{self as layout, Programs, RoundPages, RoundStatus, Rounds};
use crate::{pallet::*, *};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	migrations::VersionedMigration, storage_alias, traits::UncheckedOnRuntimeUpgrade,
	weights::Weight, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use sp_runtime::traits::Hash;

#[cfg(feature = "try-runtime")]
use sp_runtime::TryRuntimeError;

/// The layout of storage version 1, as main had it before version 2 (git tag `layout-v1`).
pub mod v1 {
	use super::*;

	/// A program as version 1 stored it: no title, description hash nor pool spending.
	#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
	#[scale_info(skip_type_params(T))]
	pub struct Program<T: Config> {
		pub lead: AccountIdOf<T>,
		pub status: ProgramStatusOf<T>,
		pub budget: BalanceOf<T>,
		pub released: BalanceOf<T>,
		pub owed: OwedTranchesOf<T>,
		pub paid: BalanceOf<T>,
		pub bond: BalanceOf<T>,
		pub milestones: MilestonesOf<T>,
		pub pools: PoolsOf<T>,
		pub duration: BlockNumberOf<T>,
		pub proposed_at: BlockNumberOf<T>,
		pub milestones_approved: u32,
		pub roster_count: u32,
		pub beneficiaries: PeriodCount,
		pub spending_records: u32,
		pub barred: u32,
		pub activity_threshold: u8,
		pub max_seniors: Option<u32>,
		pub min_crew: u32,
		pub seniors: u32,
		pub open_rounds: u32,
		pub committed: BalanceOf<T>,
		pub last_final: Option<PeriodCount>,
	}

	/// A program's title and description, as version 1 stored them.
	#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
	pub struct ProgramText {
		pub title: Vec<u8>,
		pub description: Vec<u8>,
	}

	/// A report or claim, as version 1 stored it (its filer was in the key).
	#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
	#[scale_info(skip_type_params(T))]
	pub struct RoundEntry<T: Config> {
		pub kind: EntryKind<BalanceOf<T>>,
		pub evidence: EvidenceOf<T>,
		pub filed_at: BlockNumberOf<T>,
		pub score: Option<Score>,
		pub payable: Option<PoolIndex>,
	}

	/// Proposed and active programs.
	#[storage_alias]
	pub type Programs<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ProgramIndex, Program<T>>;

	/// The title and description of each program.
	#[storage_alias]
	pub type Descriptions<T: Config> =
		StorageMap<Pallet<T>, Twox64Concat, ProgramIndex, ProgramText>;

	/// What each pool spent in its latest period.
	#[storage_alias]
	pub type PoolSpending<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		PoolIndex,
		Spending<BalanceOf<T>>,
		ValueQuery,
	>;

	/// The reports and claims of each round, by program and (period, filer).
	#[storage_alias]
	pub type RoundEntries<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		ProgramIndex,
		Blake2_128Concat,
		(PeriodIndex, AccountIdOf<T>),
		RoundEntry<T>,
	>;

	/// Clean-ups under way, with the map each is at (the codec index of its stage: 0 roster,
	/// 1 crews, 2 bars, 3 member spending, 4 pool spending, 5 reports, 6 round entries, 7
	/// rounds).
	#[storage_alias]
	pub type Cleanups<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ProgramIndex, u8>;
}

/// The maps left to clear, from the map a version 1 clean-up was at.
pub fn stages_from(v1_stage: u8) -> CleanupStages {
	// Version 1's pool spending (4) is gone; its round entries (6) are version 2's pages.
	let order: [(u8, CleanupStage); 7] = [
		(0, CleanupStage::Roster),
		(1, CleanupStage::Crews),
		(2, CleanupStage::Barred),
		(3, CleanupStage::MemberSpending),
		(5, CleanupStage::Reports),
		(6, CleanupStage::RoundPages),
		(7, CleanupStage::Rounds),
	];
	CleanupStages::of(
		order.into_iter().filter(|(code, _)| *code >= v1_stage).map(|(_, stage)| stage),
	)
}

/// What a program of version 1 becomes (in version 2's layout), given its text and its pools'
/// spending.
pub fn upgrade_program<T: Config>(
	old: v1::Program<T>,
	text: Option<v1::ProgramText>,
	pool_spent: PoolSpentOf<T>,
) -> layout::Program<T> {
	let text = text.unwrap_or(v1::ProgramText { title: Vec::new(), description: Vec::new() });
	let mut title = text.title;
	title.truncate(T::MaxTitleLen::get() as usize);
	layout::Program {
		lead: old.lead,
		title: title.try_into().unwrap_or_default(),
		description: T::Hashing::hash(&text.description),
		status: old.status,
		budget: old.budget,
		released: old.released,
		owed: old.owed,
		paid: old.paid,
		bond: old.bond,
		milestones: old.milestones,
		pools: old.pools,
		pool_spent,
		duration: old.duration,
		proposed_at: old.proposed_at,
		milestones_approved: old.milestones_approved,
		roster_count: old.roster_count,
		beneficiaries: old.beneficiaries,
		spending_records: old.spending_records,
		barred: old.barred,
		activity_threshold: old.activity_threshold,
		max_seniors: old.max_seniors,
		min_crew: old.min_crew,
		seniors: old.seniors,
		open_rounds: old.open_rounds,
		committed: old.committed,
		last_final: old.last_final,
	}
}

/// What the checks after the upgrade compare with: each program's figures and the round
/// entries, as version 1 had them.
#[cfg(feature = "try-runtime")]
#[derive(Encode, Decode)]
struct Before<T: Config> {
	/// Per program: its index, its v1 record, its text and each pool's spending.
	programs:
		Vec<(ProgramIndex, v1::Program<T>, Option<v1::ProgramText>, Vec<Spending<BalanceOf<T>>>)>,
	/// Per round entry: its program, period, filer and record.
	entries: Vec<(ProgramIndex, PeriodIndex, AccountIdOf<T>, v1::RoundEntry<T>)>,
	/// Per clean-up under way: its program and the v1 stage it was at.
	cleanups: Vec<(ProgramIndex, u8)>,
}

/// Moves the pallet's storage from version 1 to 2; use it through [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);

		// Programs: the title and the description's hash, and each pool's spending, move in.
		let mut programs = 0u32;
		Programs::<T>::translate::<v1::Program<T>, _>(|index, old| {
			reads += 1;
			writes += 1;
			programs += 1;
			let text = v1::Descriptions::<T>::take(index);
			reads += 1;
			writes += 1;
			let spent: Vec<_> = (0..old.pools.len() as PoolIndex)
				.map(|pool| {
					reads += 1;
					writes += 1;
					v1::PoolSpending::<T>::take(index, pool)
				})
				.collect();
			let pool_spent = spent.try_into().unwrap_or_default();
			Some(upgrade_program(old, text, pool_spent))
		});
		// What is left belongs to removed programs: version 2 has no such maps.
		let left = v1::Descriptions::<T>::clear(u32::MAX, None);
		reads += u64::from(left.loops);
		writes += u64::from(left.backend);
		let left = v1::PoolSpending::<T>::clear(u32::MAX, None);
		reads += u64::from(left.loops);
		writes += u64::from(left.backend);

		// Round entries: gathered by round, then written in pages in the round's filing order.
		let mut by_round: BTreeMap<
			(ProgramIndex, PeriodIndex),
			BTreeMap<AccountIdOf<T>, v1::RoundEntry<T>>,
		> = BTreeMap::new();
		for (index, (period, who), entry) in v1::RoundEntries::<T>::drain() {
			reads += 1;
			writes += 1;
			by_round.entry((index, period)).or_default().insert(who, entry);
		}
		let size = Pallet::<T>::page_size() as usize;
		for ((index, period), mut entries) in by_round {
			let round = Rounds::<T>::get(index, period);
			reads += 1;
			// Version 1 paid a round page by page from the start: the entries left are those
			// from the first unpaid position on, in the order of its filers.
			let mut ordered: Vec<layout::RoundEntry<T>> = Vec::new();
			let first = match round.as_ref().map(|round| round.status) {
				Some(RoundStatus::Paying { next, .. }) => next as usize,
				_ => 0,
			};
			if let Some(round) = &round {
				for who in round.filers.iter().skip(first) {
					if let Some(old) = entries.remove(who) {
						ordered.push(upgrade_entry(who.clone(), old));
					}
				}
			}
			// Entries of a round already removed (a clean-up was at the rounds): their own
			// pages, so that the clean-up releases their deposits.
			ordered.extend(entries.into_iter().map(|(who, old)| upgrade_entry(who, old)));
			let first_page = (first / size) as u32;
			for (number, chunk) in ordered.chunks(size).enumerate() {
				let page: layout::RoundPage<T> = chunk.to_vec().try_into().unwrap_or_default();
				RoundPages::<T>::insert(index, (period, first_page + number as u32), page);
				writes += 1;
			}
		}

		// Clean-ups: the maps left, from the one each was at.
		Cleanups::<T>::translate_values::<u8, _>(|stage| {
			reads += 1;
			writes += 1;
			Some(stages_from(stage))
		});

		log::info!(
			target: crate::LOG_TARGET,
			"migrated {programs} programs to storage version 2"
		);
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		let programs = v1::Programs::<T>::iter()
			.map(|(index, program)| {
				let text = v1::Descriptions::<T>::get(index);
				let spent = (0..program.pools.len() as PoolIndex)
					.map(|pool| v1::PoolSpending::<T>::get(index, pool))
					.collect();
				(index, program, text, spent)
			})
			.collect();
		let entries = v1::RoundEntries::<T>::iter()
			.map(|(index, (period, who), entry)| (index, period, who, entry))
			.collect();
		let cleanups = v1::Cleanups::<T>::iter().collect();
		Ok(Before::<T> { programs, entries, cleanups }.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let before = Before::<T>::decode(&mut &state[..])
			.map_err(|_| TryRuntimeError::Other("cannot decode the state before the upgrade"))?;
		ensure!(
			Programs::<T>::iter().count() == before.programs.len(),
			"a program was lost or made up"
		);
		for (index, old, text, spent) in before.programs {
			let new = Programs::<T>::get(index).ok_or("a program was lost")?;
			let spent: PoolSpentOf<T> =
				spent.try_into().map_err(|_| "more spending records than pools")?;
			ensure!(
				new == upgrade_program(old, text, spent),
				"a program's figures changed in the upgrade"
			);
		}
		ensure!(v1::Descriptions::<T>::iter_keys().next().is_none(), "descriptions left");
		ensure!(v1::PoolSpending::<T>::iter_keys().next().is_none(), "pool spending left");
		ensure!(v1::RoundEntries::<T>::iter_keys().next().is_none(), "round entries left");
		// Every entry is in a page of its round, with its score, kind and deposit.
		let mut found = 0usize;
		for (index, period, who, old) in &before.entries {
			let entry = RoundPages::<T>::iter_prefix(index)
				.filter(|((p, _), _)| p == period)
				.flat_map(|(_, page)| page.into_inner())
				.find(|entry| &entry.who == who)
				.ok_or("a round entry was lost")?;
			ensure!(
				entry == upgrade_entry(who.clone(), old.clone()),
				"a round entry changed in the upgrade"
			);
			found += 1;
		}
		let pages: usize = RoundPages::<T>::iter_values().map(|page| page.len()).sum();
		ensure!(pages == found, "the pages hold entries that were not there");
		for (index, stage) in before.cleanups {
			ensure!(
				Cleanups::<T>::get(index) == Some(stages_from(stage)),
				"a clean-up lost its place"
			);
		}
		// The pallet's `try_state` checks the latest layout: it runs once every migration did.
		ensure!(Pallet::<T>::on_chain_storage_version() == 2, "the storage version was not bumped");
		Ok(())
	}
}

/// A round entry of version 1, with its filer (in version 2's layout).
pub fn upgrade_entry<T: Config>(
	who: AccountIdOf<T>,
	old: v1::RoundEntry<T>,
) -> layout::RoundEntry<T> {
	layout::RoundEntry {
		who,
		kind: old.kind,
		evidence: old.evidence,
		filed_at: old.filed_at,
		score: old.score,
		payable: old.payable,
	}
}

/// Storage version 1 to 2, run once when the on-chain version is 1: list it in the runtime's
/// `Migrations`.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
