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

//! Removing a closed or cancelled program's storage in bounded steps.
//!
//! Close and cancel move every token at once, then remove the program record and its text and
//! hand the rest to a clean-up: the roster, the crews, the bars, the spending records and the
//! reports, the monthly rounds and their entries (each claim's deposit released as its entry
//! goes), map by map ([`CleanupStage`]), at most [`Config::RemovalLimit`] entries a step. The
//! first step runs in the close or cancel itself; if anything is left, anyone may call
//! [`clear_program`](Pallet::clear_program) until the `ProgramStorageCleared` event says
//! `complete`.
//!
//! A step removes the keys that the storage's own iteration (`next_key`, which sees what earlier
//! calls of the block removed) still finds under the program's prefix, one by one. It does not
//! use `clear_prefix` with a limit: in a runtime that call takes no cursor, and it counts keys
//! removed earlier in the same block (still in the overlay) against its limit again, so it can
//! stop short of a key that is really there. The program's index is never reused and no call can
//! add to a removed program's maps, so each map only shrinks while it is cleared.

use crate::{pallet::*, *};
use alloc::vec::Vec;

/// Removes up to `$budget` keys of program `$index` from the double map `$map`; evaluates to
/// how many it removed.
macro_rules! remove_keys {
	($map:ident, $index:expr, $budget:expr) => {{
		let keys: Vec<_> = $map::<T>::iter_key_prefix($index).take($budget as usize).collect();
		for key in &keys {
			$map::<T>::remove($index, key);
		}
		keys.len() as u32
	}};
}

impl<T: Config> Pallet<T> {
	/// Removes a closed or cancelled program (after its tokens moved) and takes the first
	/// clean-up step. Returns the storage entries the step visited.
	pub(crate) fn remove_program(index: ProgramIndex) -> u32 {
		Programs::<T>::remove(index);
		Descriptions::<T>::remove(index);
		Self::clear_step(index, CleanupStage::Roster)
	}

	/// The next clean-up step of program `index`; returns the storage entries it visited.
	pub(crate) fn do_clear_program(index: ProgramIndex) -> Result<u32, DispatchError> {
		let stage = Cleanups::<T>::get(index).ok_or(Error::<T>::NothingToClear)?;
		Ok(Self::clear_step(index, stage))
	}

	/// Removes up to `RemovalLimit` entries from `stage` on, stores the stage it stopped at (or
	/// removes the record once nothing is left) and emits `ProgramStorageCleared`. Returns the
	/// entries visited: each removed key, and one look-up for each map found empty.
	fn clear_step(index: ProgramIndex, mut stage: CleanupStage) -> u32 {
		let limit = T::RemovalLimit::get().max(1);
		let (mut visited, mut removed) = (0u32, 0u32);
		let complete = loop {
			let budget = limit.saturating_sub(visited);
			if budget == 0 {
				break false;
			}
			let cleared = Self::clear_stage(index, stage, budget);
			removed = removed.saturating_add(cleared);
			visited = visited.saturating_add(cleared);
			if cleared == budget {
				// Perhaps more: the next step looks again.
				continue;
			}
			// The map is empty: that took one more look-up.
			visited = visited.saturating_add(1);
			match stage.next() {
				Some(next) => stage = next,
				None => break true,
			}
		};
		if complete {
			Cleanups::<T>::remove(index);
		} else {
			Cleanups::<T>::insert(index, stage);
		}
		Self::deposit_event(Event::ProgramStorageCleared { index, removed, complete });
		visited
	}

	/// Removes up to `budget` keys of program `index` from the map of `stage`; returns how many.
	fn clear_stage(index: ProgramIndex, stage: CleanupStage, budget: u32) -> u32 {
		match stage {
			CleanupStage::Roster => remove_keys!(Roster, index, budget),
			CleanupStage::Crews => remove_keys!(Crews, index, budget),
			CleanupStage::Barred => remove_keys!(Barred, index, budget),
			CleanupStage::MemberSpending => remove_keys!(MemberSpending, index, budget),
			CleanupStage::PoolSpending => remove_keys!(PoolSpending, index, budget),
			CleanupStage::Reports => remove_keys!(Reports, index, budget),
			CleanupStage::RoundEntries => {
				// Every claim's deposit comes back as its entry goes, whatever the reason.
				let keys: Vec<_> =
					RoundEntries::<T>::iter_key_prefix(index).take(budget as usize).collect();
				for key in &keys {
					if let Some(entry) = RoundEntries::<T>::take(index, key) {
						Self::release_deposit(&key.1, &entry.kind);
					}
				}
				keys.len() as u32
			},
			CleanupStage::Rounds => remove_keys!(Rounds, index, budget),
		}
	}
}
