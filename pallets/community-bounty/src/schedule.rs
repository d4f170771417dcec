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

//! The calendar of an active program: the only place that turns blocks into periods and
//! deadlines.
//!
//! Period `p` of a program approved at block `a` starts at `a + p x PayoutPeriod`. Its round
//! takes reports and claims from that block until its *filing deadline*, [`Config::FilingGrace`]
//! blocks after the period's end; it is final by itself at its *scoring deadline*,
//! [`Config::ScoringWindow`] blocks later (or earlier, when the lead finalizes it). The last
//! period is the last that began before the program's end block; once its round had
//! [`Config::SettlementWindow`] blocks after its scoring deadline to be settled (its
//! *settlement deadline*), anyone may close the program.

use crate::{pallet::*, *};
use core::marker::PhantomData;
use frame_support::{traits::Get, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use sp_runtime::{
	traits::{BlockNumberProvider, CheckedSub, One, Saturating, Zero},
	SaturatedConversion,
};

/// The calendar of a program approved at `approved_at` and ending at `ends_at`.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
pub struct Schedule<T: Config> {
	/// The block of the council's approval: period 0 starts there.
	pub approved_at: BlockNumberOf<T>,
	/// The end block: no period starts at or after it.
	pub ends_at: BlockNumberOf<T>,
	_config: PhantomData<T>,
}

impl<T: Config> Copy for Schedule<T> {}

impl<T: Config> Program<T> {
	/// The calendar of this program, if it is active.
	pub fn schedule(&self) -> Option<Schedule<T>> {
		match self.status {
			ProgramStatus::Active { approved_at, ends_at } => {
				Some(Schedule::new(approved_at, ends_at))
			},
			_ => None,
		}
	}
}

impl<T: Config> Schedule<T> {
	/// The calendar of a program approved at `approved_at` and ending at `ends_at`.
	pub fn new(approved_at: BlockNumberOf<T>, ends_at: BlockNumberOf<T>) -> Self {
		Self { approved_at, ends_at, _config: PhantomData }
	}

	/// The period that block `at` falls in (0 before the approval).
	pub fn period_at(&self, at: BlockNumberOf<T>) -> PeriodIndex {
		let length = T::PayoutPeriod::get();
		if length.is_zero() {
			return 0;
		}
		(at.saturating_sub(self.approved_at) / length).saturated_into()
	}

	/// The period of the current block.
	pub fn current_period(&self) -> PeriodIndex {
		self.period_at(T::BlockNumberProvider::current_block_number())
	}

	/// The first block of period `period`.
	pub fn period_start(&self, period: PeriodIndex) -> BlockNumberOf<T> {
		self.approved_at.saturating_add(T::PayoutPeriod::get().saturating_mul(period.into()))
	}

	/// The last period: the last that began before the end block.
	pub fn last_period(&self) -> PeriodIndex {
		self.period_at(self.ends_at.saturating_sub(One::one()))
	}

	/// The first block at which reports and claims for `period` are refused.
	pub fn filing_deadline(&self, period: PeriodIndex) -> BlockNumberOf<T> {
		self.period_start(period.saturating_add(1)).saturating_add(T::FilingGrace::get())
	}

	/// The first block at which the round of `period` is final by itself.
	pub fn scoring_deadline(&self, period: PeriodIndex) -> BlockNumberOf<T> {
		self.filing_deadline(period).saturating_add(T::ScoringWindow::get())
	}

	/// The block the round of `period` became final: its scoring deadline, or the block the
	/// lead finalized it if earlier (`finalized_at`).
	pub fn final_at(
		&self,
		period: PeriodIndex,
		finalized_at: Option<BlockNumberOf<T>>,
	) -> BlockNumberOf<T> {
		let deadline = self.scoring_deadline(period);
		finalized_at.map_or(deadline, |at| at.min(deadline))
	}

	/// The first block at which the members of the round of `period` may no longer appeal,
	/// nor the council decide an appeal: [`Config::AppealWindow`] blocks after the round
	/// became final ([`Self::final_at`]).
	pub fn appeal_deadline(
		&self,
		period: PeriodIndex,
		finalized_at: Option<BlockNumberOf<T>>,
	) -> BlockNumberOf<T> {
		self.final_at(period, finalized_at).saturating_add(T::AppealWindow::get())
	}

	/// The first block at which the round of `period` may settle and the council may no longer
	/// strike its entries or veto it: [`Config::VetoWindow`] blocks after its appeal deadline.
	pub fn veto_deadline(
		&self,
		period: PeriodIndex,
		finalized_at: Option<BlockNumberOf<T>>,
	) -> BlockNumberOf<T> {
		self.appeal_deadline(period, finalized_at).saturating_add(T::VetoWindow::get())
	}

	/// The first block at which a close may drop the round of `period` unsettled: it had
	/// [`Config::SettlementWindow`] blocks, once it could settle at the latest, to be settled.
	pub fn settlement_deadline(&self, period: PeriodIndex) -> BlockNumberOf<T> {
		self.veto_deadline(period, None).saturating_add(T::SettlementWindow::get())
	}

	/// Whether `round` of `period` is final (its scores fixed) at `now`: finalized, settling,
	/// or past its scoring deadline.
	pub fn is_final(&self, round: &Round<T>, period: PeriodIndex, now: BlockNumberOf<T>) -> bool {
		round.status != RoundStatus::Open || now >= self.scoring_deadline(period)
	}

	/// The latest period whose round is final by time at `now` (its scoring deadline passed),
	/// never past the last period, if any.
	pub fn last_final_by_time(&self, now: BlockNumberOf<T>) -> Option<PeriodIndex> {
		// `scoring_deadline(q) <= now` for every `q < period_at(now - lag)`.
		let lag = T::FilingGrace::get().saturating_add(T::ScoringWindow::get());
		let since = now.checked_sub(&lag).filter(|since| *since >= self.approved_at)?;
		self.period_at(since).checked_sub(1).map(|q| q.min(self.last_period()))
	}
}
