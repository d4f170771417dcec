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

//! Activity: the [`Metric::ActiveMembers`] figure, counted from the last final round (or the
//! [`Activity`] its settlement left), and the record of which round was final last.
//!
//! A report counts as active if it scored at or above the program's activity threshold (an
//! upheld appeal's score like any other) and the council did not strike it; a round the council
//! vetoed counts no one. The council judged those reports not worth paying: a lead does not
//! reach an `ActiveMembers` milestone with them. One rule, [`Pallet::active_in_round`], serves
//! the figure, the activity a settlement keeps, and the round's view.

use crate::{pallet::*, *};
use alloc::vec::Vec;
use sp_runtime::traits::BlockNumberProvider;

impl<T: Config> Pallet<T> {
	/// The figure of [`Metric::ActiveMembers`] of program `index` now: the accounts on the
	/// roster whose report in the last final period counts as active (see
	/// [`Self::active_in_round`]).
	pub fn active_members(index: ProgramIndex, program: &Program<T>) -> u64 {
		Self::count_active(index, program).0
	}

	/// The last final period of a program: the latest whose round the lead finalized or whose
	/// settlement started, or the latest final by its deadline (never past the program's last
	/// period: after the end the figure stays the last round's), if any.
	pub fn last_final_period(program: &Program<T>) -> Option<PeriodIndex> {
		let schedule = program.schedule()?;
		let by_time = schedule.last_final_by_time(T::BlockNumberProvider::current_block_number());
		by_time.max(program.last_final)
	}

	/// The accounts whose report in `round` (of `period` of program `index`) counts as active:
	/// scored at or above the program's activity threshold and not struck by the council; none
	/// if the council vetoed the round. Reads the round's checks ([`RoundChecks`]) and, unless
	/// it was vetoed, its assessments ([`Assessments`]).
	pub fn active_in_round(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &Program<T>,
		round: &Round<T>,
	) -> Vec<T::AccountId> {
		if RoundStore::<T>::check(index, period).vetoed {
			return Vec::new();
		}
		let assessments = RoundStore::<T>::assessments(index, period);
		round
			.active_filers(program.activity_threshold, &assessments)
			.map(|filer| filer.who.clone())
			.collect()
	}

	/// [`Self::active_members`], with the roster look-ups it took (for the weight).
	pub(crate) fn count_active(index: ProgramIndex, program: &Program<T>) -> (u64, u32) {
		let Some(period) = Self::last_final_period(program) else { return (0, 0) };
		let active: Vec<T::AccountId> = match RoundStore::<T>::get(index, period) {
			Some(round) => Self::active_in_round(index, period, program, &round),
			// A settled round left who was active (struck entries and vetoed rounds already
			// left out); a period nobody filed in counts 0.
			None => RoundStore::<T>::activity(index)
				.filter(|activity| activity.period == period)
				.map_or_else(Vec::new, |activity| activity.members.into_inner()),
		};
		let on_roster = active.iter().filter(|who| Roster::<T>::contains_key(index, who)).count();
		(on_roster as u64, active.len() as u32)
	}

	/// Records that the round of `period` is final, if it is the latest known.
	pub(crate) fn note_final(program: &mut Program<T>, period: PeriodIndex) {
		program.last_final = program.last_final.max(Some(period));
	}

	/// Keeps who was active in `period` (see [`Self::active_in_round`]: the un-struck active
	/// reports, none of a vetoed round), if no later period's activity is kept: the round is
	/// removed once paid, and [`Metric::ActiveMembers`] may still count it.
	pub(crate) fn keep_activity(
		index: ProgramIndex,
		program: &Program<T>,
		period: PeriodIndex,
		round: &Round<T>,
	) {
		let members = Self::active_in_round(index, period, program, round);
		// The active filers are filers: they fit the same bound.
		let members = BoundedVec::truncate_from(members);
		RoundStore::<T>::keep_activity(index, PeriodActivity { period, members });
	}
}
