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

//! Storage version 3 to 4.
//!
//! Version 4 lets a program pay in any asset of the runtime: the program record names its asset
//! ([`Program::asset`]), in which its budget, tranches and payments are counted. Every program
//! of a version 3 chain paid native tokens, and keeps doing so: the migration names
//! [`Denomination::Native`] as its asset and changes no figure. The payments' records and books
//! ([`Payments`], [`PaymentBooks`]), which the last code of version 3 kept already, stay as they
//! are: their amounts were native, as their programs' asset now says. The migration reads and
//! writes each program once, in one block.

use crate::{pallet::*, *};
use frame_support::{
	migrations::VersionedMigration, storage_alias, traits::UncheckedOnRuntimeUpgrade,
	weights::Weight, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};

#[cfg(feature = "try-runtime")]
use alloc::vec::Vec;
#[cfg(feature = "try-runtime")]
use sp_runtime::TryRuntimeError;

/// The layout of storage version 3, as main had it before version 4 (git tag `layout-v3`).
pub mod v3 {
	use super::*;

	/// A program as version 3 stored it: paid in native tokens, with no asset named.
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
		pub last_final: Option<PeriodIndex>,
	}

	/// Proposed and active programs.
	#[storage_alias]
	pub type Programs<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ProgramIndex, Program<T>>;
}

/// What a program of version 3 becomes: the same program, paying native tokens.
pub fn upgrade_program<T: Config>(old: v3::Program<T>) -> Program<T> {
	Program {
		lead: old.lead,
		title: old.title,
		description: old.description,
		status: old.status,
		asset: Denomination::Native,
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
		last_final: old.last_final,
	}
}

/// Moves the pallet's storage from version 3 to 4; use it through [`MigrateV3ToV4`].
pub struct InnerMigrateV3ToV4<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV3ToV4<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut programs = 0u64;
		Programs::<T>::translate::<v3::Program<T>, _>(|_, old| {
			programs += 1;
			Some(upgrade_program(old))
		});
		log::info!(target: crate::LOG_TARGET, "migrated {programs} programs to storage version 4");
		// Each program read and written, and the storage version.
		T::DbWeight::get().reads_writes(programs.saturating_add(1), programs.saturating_add(1))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		Ok(v3::Programs::<T>::iter().collect::<Vec<_>>().encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let programs: Vec<(ProgramIndex, v3::Program<T>)> = Decode::decode(&mut &state[..])
			.map_err(|_| TryRuntimeError::Other("cannot decode the state before the upgrade"))?;
		ensure!(Programs::<T>::iter().count() == programs.len(), "a program was lost or made up");
		for (index, old) in programs {
			let new = Programs::<T>::get(index).ok_or("a program was lost")?;
			ensure!(new.asset == Denomination::Native, "a program no longer pays native tokens");
			ensure!(new == upgrade_program(old), "a program's figures changed in the upgrade");
		}
		ensure!(Pallet::<T>::on_chain_storage_version() == 4, "the storage version was not bumped");
		Pallet::<T>::do_try_state()
	}
}

/// Storage version 3 to 4, run once when the on-chain version is 3: list it in the runtime's
/// `Migrations` after [`crate::migrations::v3::MigrateV2ToV3`].
pub type MigrateV3ToV4<T> = VersionedMigration<
	3,
	4,
	InnerMigrateV3ToV4<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
