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
//! to a clean-up: the roster, the crews, the bars, the spending records, the reports, the
//! records of failed payments and the monthly rounds, map by map ([`CleanupStage`]), then the rounds' pages of entries, each claim's
//! deposit released as its page goes. Only the maps the program's counters show non-empty are
//! visited (the reports when a milestone was approved or the next one's report is stored), so
//! an empty program costs no look-up in each of its maps.
//!
//! A step is one of two kinds, each benchmarked on its own:
//! - up to [`Config::RemovalLimit`] entries of the maps: a roster entry, a crew, a bar, a
//!   spending record or a report counts one (a crew, the largest of them, is what the benchmark
//!   removes), a round's record as many as it is larger than a crew ([`Pallet::round_cost`]),
//!   and so does the look-up that finds a map empty;
//! - or one page of a round's entries (at most [`Config::RoundPageSize`]), with its claims'
//!   deposits.
//!
//! The first step runs in the close or cancel itself, on the maps only; if anything is left,
//! anyone may call [`clear_program`](Pallet::clear_program) until the `ProgramStorageCleared`
//! event says `complete`. A `clear_program` step takes a page only when the maps are done.
//!
//! A step removes the keys that the storage's own iteration (`next_key`, which sees what earlier
//! calls of the block removed) still finds under the program's prefix, one by one. It does not
//! use `clear_prefix` with a limit: in a runtime that call takes no cursor, and it counts keys
//! removed earlier in the same block (still in the overlay) against its limit again, so it can
//! stop short of a key that is really there. The program's index is never reused and no call can
//! add to a removed program's maps, so each map only shrinks while it is cleared.

use crate::{pallet::*, *};
use alloc::vec::Vec;

/// What one clean-up step removed, for its weight.
pub(crate) enum ClearStep {
	/// Entries of the program's maps, counted as [`Config::RemovalLimit`] counts them.
	Entries {
		/// The entries visited.
		visited: u32,
	},
	/// One page of a round's entries.
	Page {
		/// The claims of the page, whose deposits it released.
		claims: u32,
	},
}

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
	/// How many entries of a clean-up step a round's record counts: as many crews (the largest
	/// entry of the other maps, which the benchmark of a step removes) as it is large. (Its
	/// assessments go with it, unread.)
	pub fn round_cost() -> u32 {
		let crew = <BoundedVec<T::AccountId, T::MaxCrew>>::max_encoded_len().max(1);
		(Round::<T>::max_encoded_len().div_ceil(crew) as u32).max(1)
	}

	/// Removes a closed or cancelled program (after its tokens moved) and takes the first
	/// clean-up step, on the maps only; `payments` if it has recorded payments (failed ones,
	/// whose amounts went back with the rest). Returns the entries the step visited.
	pub(crate) fn remove_program(index: ProgramIndex, program: &Program<T>, payments: bool) -> u32 {
		Programs::<T>::remove(index);
		Panels::<T>::remove(index);
		RoundStore::<T>::forget_activity(index);
		PaymentBooks::<T>::remove(index);
		let stages = CleanupStages::of(
			[
				(program.roster_count > 0, CleanupStage::Roster),
				(program.roster_count > program.seniors, CleanupStage::Crews),
				(program.barred > 0, CleanupStage::Barred),
				(program.spending_records > 0, CleanupStage::MemberSpending),
				(
					program.milestones_approved > 0
						|| Reports::<T>::contains_key(index, program.milestones_approved),
					CleanupStage::Reports,
				),
				(payments, CleanupStage::Payments),
				(program.open_rounds > 0, CleanupStage::Rounds),
				(program.open_rounds > 0, CleanupStage::RoundPages),
			]
			.into_iter()
			.filter_map(|(present, stage)| present.then_some(stage)),
		);
		match Self::clear_step(index, stages, false, false) {
			ClearStep::Entries { visited } => visited,
			// Not taken by a close or cancel.
			ClearStep::Page { .. } => 0,
		}
	}

	/// The next clean-up step of program `index`; returns the weight it used.
	pub(crate) fn do_clear_program(index: ProgramIndex) -> Result<Weight, DispatchError> {
		let stages = Cleanups::<T>::get(index).ok_or(Error::<T>::NothingToClear)?;
		Ok(match Self::clear_step(index, stages, true, true) {
			ClearStep::Entries { visited } => T::WeightInfo::clear_program(visited),
			ClearStep::Page { claims } => T::WeightInfo::clear_program_page(claims),
		})
	}

	/// Removes up to `RemovalLimit` entries of the maps in `stages`, in order, or (if `pages`
	/// and the maps are done) one page of a round's entries; stores the maps left (or removes
	/// the record, `recorded`, once nothing is left) and emits `ProgramStorageCleared`.
	fn clear_step(
		index: ProgramIndex,
		mut stages: CleanupStages,
		recorded: bool,
		pages: bool,
	) -> ClearStep {
		let limit = T::RemovalLimit::get().max(1);
		let (mut visited, mut removed) = (0u32, 0u32);
		let mut page = None;
		let complete = loop {
			let Some(stage) = stages.first() else { break true };
			if stage == CleanupStage::RoundPages {
				// A page is a step of its own, after the maps.
				if !pages || visited > 0 {
					break false;
				}
				match Self::clear_page(index) {
					Some(claims) => {
						removed = 1;
						page = Some(claims);
						// The page may have been the last: the next step looks again.
						break false;
					},
					None => {
						// The look-up that found no page left.
						visited = visited.saturating_add(1);
						stages = stages.without(stage);
						continue;
					},
				}
			}
			let cost = if stage == CleanupStage::Rounds { Self::round_cost() } else { 1 };
			let fits = limit.saturating_sub(visited) / cost;
			if fits == 0 {
				break false;
			}
			let keys = Self::clear_stage(index, stage, fits);
			removed = removed.saturating_add(keys);
			if keys == fits {
				visited = visited.saturating_add(keys.saturating_mul(cost));
				// Perhaps more: the next step looks again.
				break false;
			}
			// The keys, and the look-up that found the map empty.
			visited = visited.saturating_add(keys.saturating_add(1).saturating_mul(cost));
			stages = stages.without(stage);
		};
		match (complete, recorded) {
			(true, true) => Cleanups::<T>::remove(index),
			(true, false) => {},
			(false, _) => Cleanups::<T>::insert(index, stages),
		}
		Self::deposit_event(Event::ProgramStorageCleared { index, removed, complete });
		match page {
			Some(claims) => ClearStep::Page { claims },
			None => ClearStep::Entries { visited },
		}
	}

	/// Removes up to `budget` keys of program `index` from the map of `stage` (not the pages);
	/// returns how many.
	fn clear_stage(index: ProgramIndex, stage: CleanupStage, budget: u32) -> u32 {
		match stage {
			CleanupStage::Roster => remove_keys!(Roster, index, budget),
			CleanupStage::Crews => remove_keys!(Crews, index, budget),
			CleanupStage::Barred => remove_keys!(Barred, index, budget),
			CleanupStage::MemberSpending => remove_keys!(MemberSpending, index, budget),
			CleanupStage::Reports => remove_keys!(Reports, index, budget),
			CleanupStage::Payments => remove_keys!(Payments, index, budget),
			CleanupStage::Rounds => RoundStore::<T>::clear_records(index, budget),
			CleanupStage::RoundPages => 0,
		}
	}

	/// Removes one page of program `index`'s rounds, if any is left, releasing every claim's
	/// deposit whatever the reason the round goes; returns its claims.
	fn clear_page(index: ProgramIndex) -> Option<u32> {
		let page = RoundStore::<T>::take_any_page(index)?;
		let mut claims = 0u32;
		for entry in page.iter() {
			if entry.kind != EntryKind::Report {
				claims = claims.saturating_add(1);
			}
			Self::release_deposit(&entry.who, &entry.kind);
		}
		Some(claims)
	}
}
