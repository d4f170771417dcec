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

//! Filing and scoring: members report, strangers claim, the lead scores, marks spam and
//! finalizes, each within the round's windows (the calendar is [`Schedule`]'s).

use crate::{pallet::*, *};
use frame_support::{
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::{Fortitude, Preservation},
		DefensiveOption,
	},
	weights::Weight,
};
use sp_runtime::traits::BlockNumberProvider;

impl<T: Config> Pallet<T> {
	/// Files a report (`claim_pool: None`), with the score its member proposes if any, or a
	/// claim; returns the weight it used.
	pub(crate) fn do_file(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
		claim_pool: Option<PoolIndex>,
		evidence: EvidenceOf<T>,
		proposed: Option<Score>,
	) -> Result<Weight, DispatchError> {
		ensure!(proposed.is_none_or(|score| score <= MAX_SCORE), Error::<T>::InvalidScore);
		let mut program = Self::program(index)?;
		let schedule = Self::ensure_active(&program)?;
		ensure!(who != program.lead, Error::<T>::LeadCannotFile);
		ensure!(!Self::is_reserved(index, &who), Error::<T>::ReservedAccount);
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(period <= schedule.period_at(now), Error::<T>::PeriodNotStarted);
		ensure!(period <= schedule.last_period(), Error::<T>::PeriodAfterEnd);
		ensure!(now < schedule.filing_deadline(period), Error::<T>::FilingClosed);
		let existing = RoundStore::<T>::get(index, period);
		let opens = existing.is_none();
		let mut round = existing.unwrap_or_default();
		ensure!(!schedule.is_final(&round, period, now), Error::<T>::RoundFinal);
		ensure!(round.position(&who).is_none(), Error::<T>::AlreadyFiled);
		let on_roster = Roster::<T>::contains_key(index, &who);
		let kind = match claim_pool {
			None => {
				ensure!(on_roster, Error::<T>::NotMember);
				EntryKind::Report
			},
			Some(pool) => {
				ensure!(!on_roster, Error::<T>::MemberMustReport);
				let spec = program.pools.get(pool as usize).ok_or(Error::<T>::UnknownPool)?;
				ensure!(
					spec.eligibility == Eligibility::Contributors && spec.payout.is_scored(),
					Error::<T>::NotAClaimPool
				);
				// The roster's part of the round is reserved for its members.
				ensure!(round.claims() < Self::claim_room(), Error::<T>::NoRoomForClaims);
				EntryKind::Claim { pool, deposit: T::ClaimDeposit::get() }
			},
		};
		round
			.filers
			.try_push(Filer { who: who.clone(), claim: claim_pool, score: None, payable: None })
			.map_err(|_| Error::<T>::RoundFull)?;
		let deposit = match kind {
			EntryKind::Claim { deposit, .. } => {
				ensure!(
					deposit
						<= T::Currency::reducible_balance(
							&who,
							Preservation::Protect,
							Fortitude::Force
						),
					Error::<T>::InsufficientDeposit
				);
				T::Currency::hold(&HoldReason::ClaimDeposit.into(), &who, deposit)?;
				deposit
			},
			EntryKind::Report => Zero::zero(),
		};
		if opens {
			program.open_rounds = program.open_rounds.saturating_add(1);
			Programs::<T>::insert(index, program);
		}
		let entry =
			RoundEntry { who: who.clone(), kind, evidence: evidence.clone(), filed_at: now };
		RoundStore::<T>::append(index, period, &round, entry)?;
		if proposed.is_some() {
			RoundStore::<T>::note_proposal(index, period, &round, proposed)?;
		}
		Self::deposit_event(Event::Filed {
			index,
			period,
			who,
			pool: claim_pool,
			deposit,
			evidence: evidence.clone(),
			proposed,
		});
		let e = evidence.len() as u32;
		Ok(match (claim_pool.is_some(), opens) {
			(false, false) => T::WeightInfo::file_report(e),
			(false, true) => T::WeightInfo::file_report_opening(e),
			(true, false) => T::WeightInfo::file_claim(e),
			(true, true) => T::WeightInfo::file_claim_opening(e),
		})
	}

	/// The program led by `caller` (also after its end block) and its round of `period`, if
	/// the round is not final yet.
	pub(crate) fn open_round(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
	) -> Result<(Program<T>, Round<T>, Schedule<T>), DispatchError> {
		let program = Self::program(index)?;
		ensure!(&program.lead == caller, Error::<T>::NotLead);
		let schedule = Self::ensure_active(&program)?;
		let round = Self::scoring_round(index, period, &program)?;
		Ok((program, round, schedule))
	}

	/// The round of `period` of an active `program` (also after its end block), if it is not
	/// final yet: scores may still change.
	pub(crate) fn scoring_round(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &Program<T>,
	) -> Result<Round<T>, DispatchError> {
		let schedule = Self::ensure_active(program)?;
		let round = RoundStore::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(!schedule.is_final(&round, period, now), Error::<T>::RoundFinal);
		Ok(round)
	}

	pub(crate) fn do_score_round(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
		scores: ScoresOf<T>,
	) -> DispatchResult {
		let (program, mut round, _) = Self::open_round(index, period, caller)?;
		// With a panel, its reviewers score: the lead only as one of them.
		ensure!(!Panels::<T>::contains_key(index), Error::<T>::PanelScores);
		ensure!(!scores.is_empty(), Error::<T>::NoScores);
		for (who, score) in scores {
			ensure!(score <= MAX_SCORE, Error::<T>::InvalidScore);
			// A member the council named lead after it filed does not score itself.
			ensure!(who != program.lead, Error::<T>::LeadCannotFile);
			let filer = round
				.filers
				.iter_mut()
				.find(|filer| filer.who == who)
				.ok_or(Error::<T>::NotFiled)?;
			filer.score = Some(score);
			Self::deposit_event(Event::Scored { index, period, who, score });
		}
		RoundStore::<T>::put(index, period, &round);
		Ok(())
	}

	/// Marks `who`'s claim as spam; returns the weight it used.
	pub(crate) fn do_mark_spam(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
		who: T::AccountId,
	) -> Result<Weight, DispatchError> {
		let (mut program, mut round, _) = Self::open_round(index, period, caller)?;
		let position = round.position(&who).ok_or(Error::<T>::NotFiled)?;
		let entry = RoundStore::<T>::entry(index, period, position)
			.defensive_ok_or(Error::<T>::Inconsistent)?;
		let EntryKind::Claim { deposit, .. } = entry.kind else {
			return Err(Error::<T>::NotAClaim.into());
		};
		let slashed = Self::slash_to_treasury(HoldReason::ClaimDeposit, &who, deposit)?;
		let weight = if RoundStore::<T>::swap_remove(index, period, &mut round, position)? {
			// Nothing is left to score or pay: the round is gone.
			program.open_rounds = program.open_rounds.saturating_sub(1);
			Programs::<T>::insert(index, program);
			T::WeightInfo::mark_spam_emptying()
		} else {
			T::WeightInfo::mark_spam()
		};
		Self::deposit_event(Event::ClaimSpam { index, period, who, slashed });
		Ok(weight)
	}

	pub(crate) fn do_finalize_round(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
	) -> DispatchResult {
		let (mut program, mut round, schedule) = Self::open_round(index, period, caller)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(now >= schedule.filing_deadline(period), Error::<T>::FilingNotOver);
		round.status = RoundStatus::Finalized;
		// Its appeal window opens now.
		RoundStore::<T>::mutate_check(index, period, |check| check.finalized_at = Some(now));
		// Nothing is struck or vetoed before a round is final: no checks to read.
		let active = round.active(program.activity_threshold, &[]);
		Self::note_final(&mut program, period);
		RoundStore::<T>::put(index, period, &round);
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::RoundFinalized { index, period, active });
		Ok(())
	}
}
