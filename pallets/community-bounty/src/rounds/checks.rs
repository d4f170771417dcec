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

//! The checks on a final round before money moves: a member's appeal of its score (decided by
//! the council, or lapsing at the appeal deadline), and the council's strike of an entry or veto
//! of the round in the veto window.

use crate::{pallet::*, *};
use frame_support::traits::{
	fungible::{Inspect, MutateHold},
	tokens::{Fortitude, Precision, Preservation},
};
use sp_runtime::traits::BlockNumberProvider;

impl<T: Config> Pallet<T> {
	/// The round of `period` of an active program, once final, with its appeal and veto
	/// deadlines.
	fn final_round(
		index: ProgramIndex,
		period: PeriodIndex,
	) -> Result<(Round<T>, BlockNumberOf<T>, BlockNumberOf<T>), DispatchError> {
		let program = Self::program(index)?;
		let schedule = Self::ensure_active(&program)?;
		let round = RoundStore::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(schedule.is_final(&round, period, now), Error::<T>::RoundNotFinal);
		let finalized_at = RoundStore::<T>::check(index, period).finalized_at;
		Ok((
			round,
			schedule.appeal_deadline(period, finalized_at),
			schedule.veto_deadline(period, finalized_at),
		))
	}

	pub(crate) fn do_appeal(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
	) -> DispatchResult {
		let (round, appeal_deadline, _) = Self::final_round(index, period)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(now < appeal_deadline, Error::<T>::AppealWindowClosed);
		let position = round.position(&who).ok_or(Error::<T>::NotFiled)? as usize;
		let filer = round.filers.get(position).ok_or(Error::<T>::Inconsistent)?;
		let mut assessments = RoundStore::<T>::assessments(index, period);
		let assessment = RoundStore::<T>::assessment_mut(&mut assessments, position)?;
		ensure!(assessment.appeal.is_none(), Error::<T>::AlreadyAppealed);
		let proposed = assessment
			.proposed
			.filter(|proposed| filer.is_report() && filer.score_or_zero() < *proposed)
			.ok_or(Error::<T>::NothingToAppeal)?;
		let deposit = T::AppealDeposit::get();
		ensure!(
			deposit
				<= T::Currency::reducible_balance(&who, Preservation::Protect, Fortitude::Force),
			Error::<T>::InsufficientDeposit
		);
		T::Currency::hold(&HoldReason::AppealDeposit.into(), &who, deposit)?;
		assessment.appeal = Some(AppealState::Open { deposit });
		let score = filer.score;
		RoundStore::<T>::put_assessments(index, period, assessments);
		RoundStore::<T>::mutate_check(index, period, |check| {
			check.open_appeals = check.open_appeals.saturating_add(1)
		});
		Self::deposit_event(Event::Appealed { index, period, who, score, proposed, deposit });
		Ok(())
	}

	/// The open appeal of `who` in the round of `period`, within (`decided`) or after the
	/// appeal window: the round, its assessments, the entry's position and the deposit.
	fn open_appeal(
		index: ProgramIndex,
		period: PeriodIndex,
		who: &T::AccountId,
		decided: bool,
	) -> Result<(Round<T>, AssessmentsOf<T>, usize, BalanceOf<T>), DispatchError> {
		let (round, appeal_deadline, _) = Self::final_round(index, period)?;
		let now = T::BlockNumberProvider::current_block_number();
		let open = now < appeal_deadline;
		ensure!(!decided || open, Error::<T>::AppealWindowClosed);
		ensure!(decided || !open, Error::<T>::AppealWindowOpen);
		let position = round.position(who).ok_or(Error::<T>::NotFiled)? as usize;
		let assessments = RoundStore::<T>::assessments(index, period);
		let deposit = assessments
			.get(position)
			.and_then(Assessment::open_appeal)
			.ok_or(Error::<T>::NoOpenAppeal)?;
		Ok((round, assessments, position, deposit))
	}

	/// Closes the open appeal at `position` as `state`.
	fn close_appeal(
		index: ProgramIndex,
		period: PeriodIndex,
		mut assessments: AssessmentsOf<T>,
		position: usize,
		state: AppealState<BalanceOf<T>>,
	) -> DispatchResult {
		RoundStore::<T>::assessment_mut(&mut assessments, position)?.appeal = Some(state);
		RoundStore::<T>::put_assessments(index, period, assessments);
		RoundStore::<T>::mutate_check(index, period, |check| {
			check.open_appeals = check.open_appeals.saturating_sub(1)
		});
		Ok(())
	}

	pub(crate) fn do_uphold_appeal(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
		score: Score,
	) -> DispatchResult {
		ensure!(score <= MAX_SCORE, Error::<T>::InvalidScore);
		let (mut round, assessments, position, deposit) =
			Self::open_appeal(index, period, &who, true)?;
		let returned = T::Currency::release(
			&HoldReason::AppealDeposit.into(),
			&who,
			deposit,
			Precision::BestEffort,
		)?;
		round.filers.get_mut(position).ok_or(Error::<T>::Inconsistent)?.score = Some(score);
		RoundStore::<T>::put(index, period, &round);
		Self::close_appeal(index, period, assessments, position, AppealState::Upheld)?;
		Self::deposit_event(Event::AppealUpheld { index, period, who, score, returned });
		Ok(())
	}

	pub(crate) fn do_dismiss_appeal(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
	) -> DispatchResult {
		let (_, assessments, position, deposit) = Self::open_appeal(index, period, &who, true)?;
		let slashed = Self::slash_to_treasury(HoldReason::AppealDeposit, &who, deposit)?;
		Self::close_appeal(index, period, assessments, position, AppealState::Dismissed)?;
		Self::deposit_event(Event::AppealDismissed { index, period, who, slashed });
		Ok(())
	}

	pub(crate) fn do_lapse_appeal(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
	) -> DispatchResult {
		let (_, assessments, position, deposit) = Self::open_appeal(index, period, &who, false)?;
		let returned = Self::release_appeal(&who, deposit);
		Self::close_appeal(index, period, assessments, position, AppealState::Lapsed)?;
		Self::deposit_event(Event::AppealLapsed { index, period, who, returned });
		Ok(())
	}

	/// Returns an appeal's deposit (best effort: never more than was held for it).
	pub(crate) fn release_appeal(who: &T::AccountId, deposit: BalanceOf<T>) -> BalanceOf<T> {
		T::Currency::release(&HoldReason::AppealDeposit.into(), who, deposit, Precision::BestEffort)
			.unwrap_or_default()
	}

	/// The round of `period`, final and within its veto window.
	fn vetoable_round(index: ProgramIndex, period: PeriodIndex) -> Result<Round<T>, DispatchError> {
		let (round, _, veto_deadline) = Self::final_round(index, period)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(now < veto_deadline, Error::<T>::VetoWindowClosed);
		ensure!(!round.is_paying(), Error::<T>::VetoWindowClosed);
		Ok(round)
	}

	pub(crate) fn do_strike_entry(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
		reason: ReasonOf<T>,
	) -> DispatchResult {
		let round = Self::vetoable_round(index, period)?;
		let position = round.position(&who).ok_or(Error::<T>::NotFiled)? as usize;
		let mut assessments = RoundStore::<T>::assessments(index, period);
		let assessment = RoundStore::<T>::assessment_mut(&mut assessments, position)?;
		ensure!(!assessment.struck, Error::<T>::AlreadyStruck);
		assessment.struck = true;
		RoundStore::<T>::put_assessments(index, period, assessments);
		Self::deposit_event(Event::EntryStruck { index, period, who, reason });
		Ok(())
	}

	pub(crate) fn do_veto_round(
		index: ProgramIndex,
		period: PeriodIndex,
		reason: ReasonOf<T>,
	) -> DispatchResult {
		Self::vetoable_round(index, period)?;
		ensure!(!RoundStore::<T>::check(index, period).vetoed, Error::<T>::AlreadyVetoed);
		RoundStore::<T>::mutate_check(index, period, |check| check.vetoed = true);
		Self::deposit_event(Event::RoundVetoed { index, period, reason });
		Ok(())
	}
}
