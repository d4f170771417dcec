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

//! Storage version 2 to 3.
//!
//! Version 3 makes the monthly round hold its rules against a hostile lead and a crowd of
//! strangers:
//! - a round's record keeps, for each filer, what it filed, its score and (once its settlement
//!   started) the pool that pays it ([`Filer`]), so that the first settlement call fixes every
//!   payment of the round; the pages keep the evidence only ([`RoundEntry`]);
//! - a round's settlement no longer tallies page by page: a round that was tallying goes back to
//!   finalized (nothing was committed until its last tally page), and its next call starts the
//!   settlement again;
//! - a round that was paying commits exactly what it will still pay (version 2 could commit a
//!   whole cap it would not pay out); the program's commitment falls by the difference;
//! - the program record keeps the last final period only (`last_final`): the active members are
//!   counted, on the roster, from that period's round, or from the [`Activity`] its settlement
//!   keeps.
//!
//! A version 2 chain did not keep who was active in a round it had settled: until the next
//! round is final, such a program's `ActiveMembers` figure counts no one (a round half paid at
//! the upgrade counts the members of its unpaid pages). The migration reads and writes each
//! record once, in one block.

use super::v4::v3::{Program as V3Program, Programs as V3Programs};
use crate::{pallet::*, *};
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration, storage_alias, traits::UncheckedOnRuntimeUpgrade,
	weights::Weight, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use sp_runtime::traits::Saturating;

#[cfg(feature = "try-runtime")]
use sp_runtime::TryRuntimeError;

/// The layout of storage version 2, as main had it before version 3 (git tag `layout-v2`).
pub mod v2 {
	use super::*;

	/// A program as version 2 stored it: the last final period with its count of active
	/// reports.
	#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
	#[scale_info(skip_type_params(T))]
	pub struct Program<T: Config> {
		pub lead: AccountIdOf<T>,
		pub title: BoundedVec<u8, T::MaxTitleLen>,
		pub description: <T as frame_system::Config>::Hash,
		pub status: ProgramStatusOf<T>,
		pub budget: BalanceOf<T>,
		pub released: BalanceOf<T>,
		pub owed: OwedTranchesOf<T>,
		pub paid: BalanceOf<T>,
		pub bond: BalanceOf<T>,
		pub milestones: MilestonesOf<T>,
		pub pools: PoolsOf<T>,
		pub pool_spent: PoolSpentOf<T>,
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

	/// Where a round stood in version 2: its settlement tallied page by page.
	#[derive(Encode, Decode, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
	pub enum RoundStatus {
		#[codec(index = 0)]
		Open,
		#[codec(index = 1)]
		Finalized,
		#[codec(index = 2)]
		Tallying { next: u32 },
		#[codec(index = 3)]
		Paying { next: u32, paid: u32, skipped: u32 },
	}

	/// A round as version 2 stored it: its filers only, the scores in the pages.
	#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
	#[scale_info(skip_type_params(T))]
	pub struct Round<T: Config> {
		pub status: RoundStatus,
		pub filers: BoundedVec<AccountIdOf<T>, <T as Config>::MaxEntriesPerRound>,
		pub active: u32,
		pub committed: BalanceOf<T>,
		pub pools: BoundedVec<PoolTally<BalanceOf<T>>, <T as Config>::MaxPools>,
	}

	/// A report or claim as version 2's pages stored it, with its score.
	#[derive(Encode, Decode, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
	#[scale_info(skip_type_params(T))]
	pub struct RoundEntry<T: Config> {
		pub who: AccountIdOf<T>,
		pub kind: EntryKind<BalanceOf<T>>,
		pub evidence: EvidenceOf<T>,
		pub filed_at: BlockNumberOf<T>,
		pub score: Option<Score>,
		pub payable: Option<PoolIndex>,
	}

	/// A page of a round's entries, as version 2 stored it.
	pub type RoundPage<T> = BoundedVec<RoundEntry<T>, <T as Config>::RoundPageSize>;

	/// Proposed and active programs.
	#[storage_alias]
	pub type Programs<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ProgramIndex, Program<T>>;

	/// The monthly rounds.
	#[storage_alias]
	pub type Rounds<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		PeriodIndex,
		Round<T>,
	>;

	/// The pages of the rounds' entries.
	#[storage_alias]
	pub type RoundPages<T: Config> = StorageDoubleMap<
		Pallet<T>,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		(PeriodIndex, u32),
		RoundPage<T>,
	>;
}

/// What a program of version 2 becomes (in version 3's layout).
pub fn upgrade_program<T: Config>(old: v2::Program<T>) -> V3Program<T> {
	V3Program {
		lead: old.lead,
		title: old.title,
		description: old.description,
		status: old.status,
		budget: old.budget,
		released: old.released,
		owed: old.owed,
		paid: old.paid,
		bond: old.bond,
		milestones: old.milestones,
		pools: old.pools,
		pool_spent: old.pool_spent,
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
		last_final: old.last_final.map(|known| known.period),
	}
}

/// What a round of version 2 becomes, given the entries of its pages still stored (by
/// position): each filer with its kind, score and fixed pool. A round that was tallying goes
/// back to finalized; a paying one keeps its rates and what it fixed.
pub fn upgrade_round<T: Config>(
	old: v2::Round<T>,
	mut entry_at: impl FnMut(usize) -> Option<v2::RoundEntry<T>>,
) -> Round<T> {
	let paying = matches!(old.status, v2::RoundStatus::Paying { .. });
	let filers = old
		.filers
		.into_iter()
		.enumerate()
		.map(|(position, who)| match entry_at(position) {
			Some(entry) => Filer {
				who,
				claim: match entry.kind {
					EntryKind::Report => None,
					EntryKind::Claim { pool, .. } => Some(pool),
				},
				score: entry.score,
				payable: if paying { entry.payable } else { None },
			},
			// Paid already: nothing of it is needed any more.
			None => Filer { who, claim: None, score: None, payable: None },
		})
		.collect::<Vec<_>>();
	let (status, pools) = match old.status {
		v2::RoundStatus::Open => (RoundStatus::Open, Default::default()),
		v2::RoundStatus::Finalized | v2::RoundStatus::Tallying { .. } => {
			(RoundStatus::Finalized, Default::default())
		},
		v2::RoundStatus::Paying { next, paid, skipped } => {
			(RoundStatus::Paying { next, paid, skipped }, old.pools)
		},
	};
	Round {
		status,
		filers: BoundedVec::truncate_from(filers),
		committed: if paying { old.committed } else { Zero::zero() },
		pools,
	}
}

/// A page entry of version 2, without what the round's record now keeps.
pub fn upgrade_entry<T: Config>(old: v2::RoundEntry<T>) -> RoundEntry<T> {
	RoundEntry { who: old.who, kind: old.kind, evidence: old.evidence, filed_at: old.filed_at }
}

/// Moves the pallet's storage from version 2 to 3; use it through [`MigrateV2ToV3`].
pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		let mut programs = 0u32;
		V3Programs::<T>::translate::<v2::Program<T>, _>(|_, old| {
			reads += 1;
			writes += 1;
			programs += 1;
			Some(upgrade_program(old))
		});
		// Rounds first, from the scores of their version 2 pages.
		let size = Pallet::<T>::page_size() as usize;
		let rounds: Vec<_> = v2::Rounds::<T>::iter().collect();
		for (index, period, old) in rounds {
			reads += 1;
			writes += 1;
			let mut pages: Vec<(u32, v2::RoundPage<T>)> = Vec::new();
			let mut round = upgrade_round(old, |position| {
				let page = (position / size) as u32;
				if !pages.iter().any(|(number, _)| *number == page) {
					reads += 1;
					pages.push((page, v2::RoundPages::<T>::get(index, (period, page))?));
				}
				let (_, entries) = pages.iter().find(|(number, _)| *number == page)?;
				entries.get(position % size).cloned()
			});
			Self::commit_exactly(index, &mut round);
			Rounds::<T>::insert(index, period, round);
		}
		RoundPages::<T>::translate_values::<v2::RoundPage<T>, _>(|old| {
			reads += 1;
			writes += 1;
			Some(BoundedVec::truncate_from(old.into_iter().map(upgrade_entry::<T>).collect()))
		});
		log::info!(target: crate::LOG_TARGET, "migrated {programs} programs to storage version 3");
		T::DbWeight::get().reads_writes(reads.saturating_add(1), writes.saturating_add(1))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		let programs: Vec<_> = v2::Programs::<T>::iter().collect();
		let rounds: Vec<_> = v2::Rounds::<T>::iter().collect();
		let pages: Vec<_> = v2::RoundPages::<T>::iter().collect();
		Ok((programs, rounds, pages).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		type Pages<T> = Vec<(ProgramIndex, (PeriodIndex, u32), v2::RoundPage<T>)>;
		let (programs, rounds, pages): (
			Vec<(ProgramIndex, v2::Program<T>)>,
			Vec<(ProgramIndex, PeriodIndex, v2::Round<T>)>,
			Pages<T>,
		) = Decode::decode(&mut &state[..])
			.map_err(|_| TryRuntimeError::Other("cannot decode the state before the upgrade"))?;
		ensure!(V3Programs::<T>::iter().count() == programs.len(), "a program was lost or made up");
		for (index, old) in programs {
			let new = V3Programs::<T>::get(index).ok_or("a program was lost")?;
			let mut expected = upgrade_program(old);
			// Only a paying round's over-commitment was released.
			expected.committed = new.committed;
			ensure!(new == expected, "a program's figures changed in the upgrade");
		}
		ensure!(Rounds::<T>::iter().count() == rounds.len(), "a round was lost or made up");
		for (index, period, old) in rounds {
			let new = Rounds::<T>::get(index, period).ok_or("a round was lost")?;
			ensure!(new.filers.len() == old.filers.len(), "a round lost a filer");
			for (filer, who) in new.filers.iter().zip(old.filers.iter()) {
				ensure!(&filer.who == who, "a filer moved in the upgrade");
			}
		}
		let stored: usize = RoundPages::<T>::iter_values().map(|page| page.len()).sum();
		let before: usize = pages.iter().map(|(_, _, page)| page.len()).sum();
		ensure!(stored == before, "a page lost or gained an entry");
		let size = Pallet::<T>::page_size() as usize;
		for (index, (period, number), page) in pages {
			let new = RoundPages::<T>::get(index, (period, number)).ok_or("a page was lost")?;
			// Every score of a round's entry is in the round's record, at the entry's position.
			if let Some(round) = Rounds::<T>::get(index, period) {
				for (offset, entry) in page.iter().enumerate() {
					let position = number as usize * size + offset;
					let filer = round.filers.get(position).ok_or("an entry lost its filer")?;
					ensure!(filer.score == entry.score, "a score changed in the upgrade");
				}
			}
			let old: Vec<_> = page.into_iter().map(upgrade_entry::<T>).collect();
			ensure!(new.into_inner() == old, "a page's entries changed in the upgrade");
		}
		ensure!(Pallet::<T>::on_chain_storage_version() == 3, "the storage version was not bumped");
		// The pallet's invariants are checked in the current layout, after the migrations that
		// follow this one.
		Ok(())
	}
}

impl<T: Config> InnerMigrateV2ToV3<T> {
	/// Makes a paying round commit exactly what it will still pay, releasing the rest from its
	/// program's commitment.
	fn commit_exactly(index: ProgramIndex, round: &mut Round<T>) {
		let RoundStatus::Paying { next, .. } = round.status else { return };
		let Some(mut program) = V3Programs::<T>::get(index) else { return };
		// Version 3's programs paid native tokens, as version 4 reads them.
		let current = super::v4::upgrade_program(program.clone());
		let to_pay = round
			.filers
			.iter()
			.skip(next as usize)
			.filter_map(|filer| Pallet::<T>::fixed_payment(&current, &round.pools, filer))
			.fold(BalanceOf::<T>::zero(), |sum, payment| sum.saturating_add(payment.native))
			.min(round.committed);
		let released = round.committed.saturating_sub(to_pay);
		round.committed = to_pay;
		program.committed = program.committed.saturating_sub(released);
		V3Programs::<T>::insert(index, program);
	}
}

/// Storage version 2 to 3, run once when the on-chain version is 2: list it in the runtime's
/// `Migrations` after [`crate::migrations::v2::MigrateV1ToV2`].
pub type MigrateV2ToV3<T> = VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
