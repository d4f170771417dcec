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

//! [`RoundStore`]: the only writer of a round's storage.
//!
//! A round is stored in four places: its record ([`Rounds`]: the filers in filing order, their
//! scores, its status), its entries in pages of [`Config::RoundPageSize`] ([`RoundPages`]: the
//! filer at position `i` is on page `i / size`, at `i % size`), what its entries were given
//! besides their score ([`Assessments`]: proposed scores and reviews, at the filers'
//! positions), and, once it settles, who was active in it ([`Activity`]). Filing, scoring,
//! settlement, the activity metric and the clean-up of a removed program change them only
//! through this type, which keeps the record, the pages and the assessments in step: neither
//! holds an entry that the record does not list, at the same position.

use crate::{pallet::*, *};
use alloc::vec::Vec;
use core::marker::PhantomData;
use frame_support::traits::DefensiveOption;

/// The only writer of [`Rounds`], [`RoundPages`], [`Assessments`] and [`Activity`].
pub(crate) struct RoundStore<T>(PhantomData<T>);

impl<T: Config> RoundStore<T> {
	/// Where the entry at `position` of a round is: its page and its place in the page.
	pub(crate) fn locate(position: u32) -> (u32, usize) {
		let size = Pallet::<T>::page_size();
		(position / size, (position % size) as usize)
	}

	/// The record of the round of `period`, if it is stored.
	pub(crate) fn get(index: ProgramIndex, period: PeriodIndex) -> Option<Round<T>> {
		Rounds::<T>::get(index, period)
	}

	/// The entry at `position` of the round of `period`, as its page stores it.
	pub(crate) fn entry(
		index: ProgramIndex,
		period: PeriodIndex,
		position: u32,
	) -> Option<RoundEntry<T>> {
		let (page, offset) = Self::locate(position);
		RoundPages::<T>::get(index, (period, page))?.get(offset).cloned()
	}

	/// Stores `round`'s record as it is now.
	pub(crate) fn put(index: ProgramIndex, period: PeriodIndex, round: &Round<T>) {
		Rounds::<T>::insert(index, period, round);
	}

	/// Removes the record of a round whose pages are gone, its assessments and its checks,
	/// returning the deposits of appeals still open (a round dropped with its program).
	pub(crate) fn remove(index: ProgramIndex, period: PeriodIndex) {
		let round = Rounds::<T>::take(index, period);
		RoundChecks::<T>::remove(index, period);
		let assessments = Assessments::<T>::take(index, period).unwrap_or_default();
		for (filer, assessment) in
			round.iter().flat_map(|r| r.filers.iter()).zip(assessments.iter())
		{
			if let Some(deposit) = assessment.open_appeal() {
				Pallet::<T>::release_appeal(&filer.who, deposit);
			}
		}
	}

	/// The council's checks on the round of `period` (none: no appeal, no veto).
	pub(crate) fn check(index: ProgramIndex, period: PeriodIndex) -> RoundCheckOf<T> {
		RoundChecks::<T>::get(index, period).unwrap_or_default()
	}

	/// Changes the council's checks on the round of `period`; stores none if nothing is left.
	pub(crate) fn mutate_check(
		index: ProgramIndex,
		period: PeriodIndex,
		f: impl FnOnce(&mut RoundCheckOf<T>),
	) {
		let mut check = Self::check(index, period);
		f(&mut check);
		if check == RoundCheckOf::<T>::default() {
			RoundChecks::<T>::remove(index, period);
		} else {
			RoundChecks::<T>::insert(index, period, check);
		}
	}

	/// The assessments of the round of `period`, by position (empty if none is stored).
	pub(crate) fn assessments(index: ProgramIndex, period: PeriodIndex) -> AssessmentsOf<T> {
		Assessments::<T>::get(index, period).unwrap_or_default()
	}

	/// The assessment at `position` of `assessments`, made (with the empty ones before it) if
	/// the list is shorter; `position` is a filer's, below `MaxEntriesPerRound`.
	pub(crate) fn assessment_mut(
		assessments: &mut AssessmentsOf<T>,
		position: usize,
	) -> Result<&mut Assessment<T>, DispatchError> {
		while assessments.len() <= position {
			assessments.try_push(Default::default()).map_err(|_| Error::<T>::Inconsistent)?;
		}
		assessments.get_mut(position).ok_or_else(|| Error::<T>::Inconsistent.into())
	}

	/// Stores the assessments of a round, without the empty ones at the end; none if all are.
	pub(crate) fn put_assessments(
		index: ProgramIndex,
		period: PeriodIndex,
		mut assessments: AssessmentsOf<T>,
	) {
		while assessments.last().is_some_and(Assessment::is_empty) {
			assessments.pop();
		}
		if assessments.is_empty() {
			Assessments::<T>::remove(index, period);
		} else {
			Assessments::<T>::insert(index, period, assessments);
		}
	}

	/// Keeps the score that the filer `round` lists last proposed for its report.
	pub(crate) fn note_proposal(
		index: ProgramIndex,
		period: PeriodIndex,
		round: &Round<T>,
		proposed: Option<Score>,
	) -> DispatchResult {
		let position =
			round.filers.len().checked_sub(1).defensive_ok_or(Error::<T>::Inconsistent)?;
		let mut assessments = Self::assessments(index, period);
		Self::assessment_mut(&mut assessments, position)?.proposed = proposed;
		Self::put_assessments(index, period, assessments);
		Ok(())
	}

	/// Stores the entry of the filer that `round` lists last, on its page, and the record.
	pub(crate) fn append(
		index: ProgramIndex,
		period: PeriodIndex,
		round: &Round<T>,
		entry: RoundEntry<T>,
	) -> Result<(), DispatchError> {
		let position =
			round.filers.len().checked_sub(1).defensive_ok_or(Error::<T>::Inconsistent)? as u32;
		let (page, offset) = Self::locate(position);
		let mut entries = if offset == 0 {
			Default::default()
		} else {
			RoundPages::<T>::get(index, (period, page)).unwrap_or_default()
		};
		// The filers and the pages have the same bound: a page never overflows.
		entries.try_push(entry).map_err(|_| Error::<T>::RoundFull)?;
		RoundPages::<T>::insert(index, (period, page), entries);
		Self::put(index, period, round);
		Ok(())
	}

	/// Removes the filer at `position` of `round` and its entry; the last filer takes its
	/// place, in the record as in the pages. Stores the record, or removes it if no filer is
	/// left; returns whether the round is gone.
	pub(crate) fn swap_remove(
		index: ProgramIndex,
		period: PeriodIndex,
		round: &mut Round<T>,
		position: u32,
	) -> Result<bool, DispatchError> {
		let (page, offset) = Self::locate(position);
		let mut entries = RoundPages::<T>::get(index, (period, page))
			.defensive_ok_or(Error::<T>::Inconsistent)?;
		ensure!(
			offset < entries.len() && (position as usize) < round.filers.len(),
			Error::<T>::Inconsistent
		);
		let last = round.filers.len().saturating_sub(1) as u32;
		let (last_page, _) = Self::locate(last);
		if last_page == page {
			entries.swap_remove(offset);
		} else {
			let mut tail = RoundPages::<T>::get(index, (period, last_page))
				.defensive_ok_or(Error::<T>::Inconsistent)?;
			let moved = tail.pop().defensive_ok_or(Error::<T>::Inconsistent)?;
			if let Some(slot) = entries.get_mut(offset) {
				*slot = moved;
			}
			Self::put_page(index, period, last_page, tail);
		}
		Self::put_page(index, period, page, entries);
		// The last filer's assessment, if it has one, takes the place too.
		let mut assessments = Self::assessments(index, period);
		if (position as usize) < assessments.len() {
			if (last as usize) < assessments.len() {
				assessments.swap_remove(position as usize);
			} else if let Some(slot) = assessments.get_mut(position as usize) {
				*slot = Default::default();
			}
			Self::put_assessments(index, period, assessments);
		}
		round.filers.swap_remove(position as usize);
		if round.filers.is_empty() {
			Self::remove(index, period);
			Ok(true)
		} else {
			Self::put(index, period, round);
			Ok(false)
		}
	}

	/// Removes and returns the page of a settling round that holds `position`.
	pub(crate) fn take_page(
		index: ProgramIndex,
		period: PeriodIndex,
		position: u32,
	) -> RoundPageOf<T> {
		let (page, _) = Self::locate(position);
		RoundPages::<T>::take(index, (period, page)).unwrap_or_default()
	}

	/// Removes and returns one page of any round of a removed program, if one is left.
	pub(crate) fn take_any_page(index: ProgramIndex) -> Option<RoundPageOf<T>> {
		let key = RoundPages::<T>::iter_key_prefix(index).next()?;
		RoundPages::<T>::take(index, key)
	}

	/// Removes up to `limit` round records of a removed program, with their assessments;
	/// returns how many it removed.
	pub(crate) fn clear_records(index: ProgramIndex, limit: u32) -> u32 {
		let keys: Vec<_> = Rounds::<T>::iter_key_prefix(index).take(limit as usize).collect();
		for period in &keys {
			Self::remove(index, *period);
		}
		keys.len() as u32
	}

	/// Who was active in the latest settled round of program `index`.
	pub(crate) fn activity(index: ProgramIndex) -> Option<PeriodActivity<T>> {
		Activity::<T>::get(index)
	}

	/// Keeps who was active in `period`, unless a later period's activity is kept.
	pub(crate) fn keep_activity(index: ProgramIndex, activity: PeriodActivity<T>) {
		if Activity::<T>::get(index).is_some_and(|kept| kept.period > activity.period) {
			return;
		}
		Activity::<T>::insert(index, activity);
	}

	/// Forgets the activity of a removed program.
	pub(crate) fn forget_activity(index: ProgramIndex) {
		Activity::<T>::remove(index);
	}

	/// Stores a page of round `period`, or removes it if it is empty.
	fn put_page(index: ProgramIndex, period: PeriodIndex, page: u32, entries: RoundPageOf<T>) {
		if entries.is_empty() {
			RoundPages::<T>::remove(index, (period, page));
		} else {
			RoundPages::<T>::insert(index, (period, page), entries);
		}
	}
}
