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
//! Close and cancel move every token at once, then remove the program record and hand the rest
//! to a clean-up: the roster, the crews, the bars, the spending records and the reports, the
//! monthly rounds' pages (each claim's deposit released as its page goes) and the rounds, map by
//! map ([`CleanupStage`]). Only the maps the program's counters show non-empty are visited (the
//! reports are always looked at: the program does not count a pending or rejected report), so
//! an empty program costs no look-up in each of its maps. A step visits at most
//! [`Config::RemovalLimit`] entries: a removed key counts one, a page of a round one more for
//! each claim whose deposit it releases. The first step runs in the close or cancel itself; if
//! anything is left, anyone may call [`clear_program`](Pallet::clear_program) until the
//! `ProgramStorageCleared` event says `complete`.
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
/// `(entries visited, keys removed, whether the map is now empty)`.
macro_rules! remove_keys {
	($map:ident, $index:expr, $budget:expr) => {{
		let keys: Vec<_> = $map::<T>::iter_key_prefix($index).take($budget as usize).collect();
		for key in &keys {
			$map::<T>::remove($index, key);
		}
		let removed = keys.len() as u32;
		(removed, removed, removed < $budget)
	}};
}

impl<T: Config> Pallet<T> {
	/// Removes a closed or cancelled program (after its tokens moved) and takes the first
	/// clean-up step. Returns the storage entries the step visited.
	pub(crate) fn remove_program(index: ProgramIndex, program: &Program<T>) -> u32 {
		Programs::<T>::remove(index);
		let stages = CleanupStages::of(
			[
				(program.roster_count > 0, CleanupStage::Roster),
				(program.roster_count > program.seniors, CleanupStage::Crews),
				(program.barred > 0, CleanupStage::Barred),
				(program.spending_records > 0, CleanupStage::MemberSpending),
				(true, CleanupStage::Reports),
				(program.open_rounds > 0, CleanupStage::RoundPages),
				(program.open_rounds > 0, CleanupStage::Rounds),
			]
			.into_iter()
			.filter_map(|(present, stage)| present.then_some(stage)),
		);
		Self::clear_step(index, stages, false)
	}

	/// The next clean-up step of program `index`; returns the storage entries it visited.
	pub(crate) fn do_clear_program(index: ProgramIndex) -> Result<u32, DispatchError> {
		let stages = Cleanups::<T>::get(index).ok_or(Error::<T>::NothingToClear)?;
		Ok(Self::clear_step(index, stages, true))
	}

	/// Removes up to `RemovalLimit` entries of the maps in `stages`, in order, stores the maps
	/// left (or removes the record, `recorded`, once nothing is left) and emits
	/// `ProgramStorageCleared`. Returns the entries visited: each removed key, and each claim
	/// whose deposit a removed page released.
	fn clear_step(index: ProgramIndex, mut stages: CleanupStages, recorded: bool) -> u32 {
		let limit = T::RemovalLimit::get().max(1);
		let (mut visited, mut removed) = (0u32, 0u32);
		let complete = loop {
			let Some(stage) = stages.first() else { break true };
			let budget = limit.saturating_sub(visited);
			if budget == 0 {
				break false;
			}
			let (units, keys, empty) = Self::clear_stage(index, stage, budget);
			visited = visited.saturating_add(units);
			removed = removed.saturating_add(keys);
			if !empty {
				// Perhaps more: the next step looks again.
				break false;
			}
			stages = stages.without(stage);
		};
		match (complete, recorded) {
			(true, true) => Cleanups::<T>::remove(index),
			(true, false) => {},
			(false, _) => Cleanups::<T>::insert(index, stages),
		}
		Self::deposit_event(Event::ProgramStorageCleared { index, removed, complete });
		visited
	}

	/// Removes up to `budget` entries of program `index` from the map of `stage`; returns
	/// `(entries visited, keys removed, whether the map is now empty)`.
	fn clear_stage(index: ProgramIndex, stage: CleanupStage, budget: u32) -> (u32, u32, bool) {
		match stage {
			CleanupStage::Roster => remove_keys!(Roster, index, budget),
			CleanupStage::Crews => remove_keys!(Crews, index, budget),
			CleanupStage::Barred => remove_keys!(Barred, index, budget),
			CleanupStage::MemberSpending => remove_keys!(MemberSpending, index, budget),
			CleanupStage::Reports => remove_keys!(Reports, index, budget),
			CleanupStage::RoundPages => Self::clear_pages(index, budget),
			CleanupStage::Rounds => remove_keys!(Rounds, index, budget),
		}
	}

	/// Removes whole pages of program `index`'s rounds while they fit in `budget` (a page costs
	/// one, and one more for each claim), releasing every claim's deposit, whatever the reason
	/// the round goes.
	fn clear_pages(index: ProgramIndex, budget: u32) -> (u32, u32, bool) {
		let keys: Vec<_> = RoundPages::<T>::iter_key_prefix(index).take(budget as usize).collect();
		let (mut used, mut removed) = (0u32, 0u32);
		for key in &keys {
			let Some(page) = RoundPages::<T>::get(index, key) else { continue };
			let claims = page.iter().filter(|entry| entry.kind != EntryKind::Report).count();
			let cost = (claims as u32).saturating_add(1);
			if used.saturating_add(cost) > budget {
				return (used, removed, false);
			}
			RoundPages::<T>::remove(index, key);
			for entry in page.iter() {
				Self::release_deposit(&entry.who, &entry.kind);
			}
			used = used.saturating_add(cost);
			removed = removed.saturating_add(1);
		}
		(used, removed, (keys.len() as u32) < budget && used < budget)
	}
}
