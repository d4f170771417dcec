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

//! Version 1: the first layout. A chain that stored nothing of this pallet before (version 0)
//! needs no data moved; the migration checks that what is there is consistent and sets the
//! version, and it is the template for the migrations that will follow.

use crate::{Config, Pallet};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
#[cfg(feature = "try-runtime")]
use {
	crate::{ProgramCount, Programs},
	alloc::vec::Vec,
	codec::{Decode, Encode},
	sp_runtime::TryRuntimeError,
};

/// The inner migration from version 0 to 1: nothing to translate.
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		// Version 0 had no storage: only the version itself is written (by the wrapper).
		T::DbWeight::get().reads(1)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
		Ok((ProgramCount::<T>::get(), Programs::<T>::iter_keys().count() as u32).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
		let (count, programs): (u32, u32) =
			Decode::decode(&mut &state[..]).map_err(|_| "pre_upgrade state decodes")?;
		frame_support::ensure!(ProgramCount::<T>::get() == count, "ProgramCount changed");
		frame_support::ensure!(
			Programs::<T>::iter_keys().count() as u32 == programs,
			"the number of programs changed"
		);
		Ok(())
	}
}

/// Migrates the pallet from storage version 0 to 1, once.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	InnerMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
