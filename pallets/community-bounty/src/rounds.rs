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

//! The monthly round: members report, the lead scores, the chain pays by the program's rule.
//!
//! Every rule of a round is enforced here:
//! - **Filing.** A roster member files one report per period ([`EntryKind::Report`]); an account
//!   not on the roster files a claim to a scored `Contributors` pool with
//!   [`Config::ClaimDeposit`] held ([`EntryKind::Claim`]). Both name the period `p`, and are
//!   accepted from the start of `p` until [`Config::FilingGrace`] blocks after its end, for a
//!   period that began by the program's end block. The lead never files. A round holds at most
//!   [`Config::MaxEntriesPerRound`] entries, and the roster's part is reserved: claims take at
//!   most `MaxEntriesPerRound - MaxRoster` of them, so strangers never keep a member from
//!   filing (a spam mark frees a claim's slot for another claim, never a member's).
//! - **Scoring.** The lead scores entries 0..=100 and may revise them until the round is final:
//!   finalized by the lead once the filing window is over, or final by itself
//!   [`Config::ScoringWindow`] blocks later. An unscored entry scores 0. The lead may mark a
//!   claim as spam until then (removed, deposit to the treasury); a round left empty is gone.
//! - **Paying.** A scored pool ([`Payout::Scored`]) pays the entries at or above its threshold:
//!   the scored senior pool pays reports of Senior Ambassadors leading at least `min_crew`, a
//!   scored contributors pool the claims made to it. [`Split::Linear`]: `member_cap x score`,
//!   scaled down pro rata if the total passes the period cap. [`Split::Proportional`]: the
//!   period cap shared by score, each share clipped at the member cap. Amounts round down; the
//!   dust stays in the program.
//! - **Settling.** Anyone settles a final round. The first call fixes every payment of the
//!   round: each scored pool's cap in native at that block's rate (a missing or zero rate
//!   refuses it), each entry's eligibility (on the roster now, the role, the crew, never the
//!   lead), and so each amount; it commits their exact sum ([`Program::committed`]) so that
//!   direct awards cannot spend it, or fails and changes nothing if the program cannot afford
//!   it. Roster changes after that call change nothing in the round. Whoever makes that call
//!   picks the block, and so the rate, for the whole round. A scored pool takes no direct award,
//!   so its spending in period `p` is only what `p`'s round fixed: settling `p` during `p + 1`
//!   cannot eat into `p + 1`'s cap. The next calls pay a page ([`Config::RoundPageSize`]
//!   entries) each, skip a payee who cannot receive, release claim deposits and remove their
//!   page; the last removes the round.
//! - **Storage.** The round's record keeps its filers in filing order with their scores and, once
//!   settling, the pool that pays each; their evidence lives in pages of
//!   [`Config::RoundPageSize`] ([`RoundPages`]), so that a pay step reads and removes one
//!   record rather than one per entry.
//! - **Activity.** [`Metric::ActiveMembers`] counts the accounts on the roster now whose report
//!   in the last final period scored at or above the program's `activity_threshold`: read from
//!   that round while it is stored, else from the [`Activity`] its settlement left.

use crate::{pallet::*, views::EntryView, *};
use alloc::vec::Vec;
use frame_support::{
	defensive,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		DefensiveOption,
	},
	weights::Weight,
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{BlockNumberProvider, Saturating},
	Rounding, SaturatedConversion,
};

impl<T: Config> Pallet<T> {
	/// The weight of a pay step of `reports` reports and `claims` claims: a page of the
	/// reports, and for each claim its share of a page of claims. Both are benchmarked over a
	/// whole page, each on its own.
	pub fn settle_pay_weight(reports: u32, claims: u32) -> Weight {
		let claims_part = T::WeightInfo::settle_round_pay(claims)
			.saturating_sub(T::WeightInfo::settle_round_pay(0));
		T::WeightInfo::settle_round_pay_reports(reports).saturating_add(claims_part)
	}

	/// The entries of a page of a round's entries.
	pub fn page_size() -> u32 {
		T::RoundPageSize::get().max(1)
	}

	/// The most claims a round holds: what the roster cannot use.
	pub fn claim_room() -> u32 {
		T::MaxEntriesPerRound::get().saturating_sub(T::MaxRoster::get())
	}

	/// Where the entry at `position` of a round is: its page and its place in the page.
	pub fn locate(position: u32) -> (u32, usize) {
		let size = Self::page_size();
		(position / size, (position % size) as usize)
	}

	/// The report or claim of `who` in the round of `period` of program `index`, as its page
	/// stores it, with its filer record (score, and the pool fixed to pay it), if any.
	pub fn round_entry(
		index: ProgramIndex,
		period: PeriodIndex,
		who: &T::AccountId,
	) -> Option<(RoundEntry<T>, FilerOf<T>)> {
		let round = Rounds::<T>::get(index, period)?;
		let position = round.position(who)?;
		let (page, offset) = Self::locate(position);
		let entry = RoundPages::<T>::get(index, (period, page))?.get(offset).cloned()?;
		Some((entry, round.filers.get(position as usize)?.clone()))
	}

	/// The figure of [`Metric::ActiveMembers`] of program `index` now: the accounts on the
	/// roster whose report in the last final period scored at or above the activity threshold.
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

	/// [`Self::active_members`], with the roster look-ups it took (for the weight).
	pub(crate) fn count_active(index: ProgramIndex, program: &Program<T>) -> (u64, u32) {
		let Some(period) = Self::last_final_period(program) else { return (0, 0) };
		let threshold = program.activity_threshold;
		let active: Vec<T::AccountId> = match Rounds::<T>::get(index, period) {
			Some(round) => {
				round.filers.into_iter().filter(|f| f.is_active(threshold)).map(|f| f.who).collect()
			},
			// A settled round left who was active; a period nobody filed in counts 0.
			None => Activity::<T>::get(index)
				.filter(|activity| activity.period == period)
				.map_or_else(Vec::new, |activity| activity.members.into_inner()),
		};
		let on_roster = active.iter().filter(|who| Roster::<T>::contains_key(index, who)).count();
		(on_roster as u64, active.len() as u32)
	}

	/// Records that the round of `period` is final, if it is the latest known.
	fn note_final(program: &mut Program<T>, period: PeriodIndex) {
		program.last_final = program.last_final.max(Some(period));
	}

	/// Files a report (`claim_pool: None`) or a claim; returns the weight it used.
	pub(crate) fn do_file(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
		claim_pool: Option<PoolIndex>,
		evidence: EvidenceOf<T>,
	) -> Result<Weight, DispatchError> {
		let mut program = Self::program(index)?;
		let schedule = Self::ensure_active(&program)?;
		ensure!(who != program.lead, Error::<T>::LeadCannotFile);
		ensure!(!Self::is_reserved(index, &who), Error::<T>::ReservedAccount);
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(period <= schedule.period_at(now), Error::<T>::PeriodNotStarted);
		ensure!(period <= schedule.last_period(), Error::<T>::PeriodAfterEnd);
		ensure!(now < schedule.filing_deadline(period), Error::<T>::FilingClosed);
		let existing = Rounds::<T>::get(index, period);
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
		let position = round.filers.len() as u32;
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
		let (page, offset) = Self::locate(position);
		let mut entries = if offset == 0 {
			Default::default()
		} else {
			RoundPages::<T>::get(index, (period, page)).unwrap_or_default()
		};
		// The filers and the pages have the same bound: a page never overflows.
		entries.try_push(entry).map_err(|_| Error::<T>::RoundFull)?;
		RoundPages::<T>::insert(index, (period, page), entries);
		Rounds::<T>::insert(index, period, round);
		Self::deposit_event(Event::Filed {
			index,
			period,
			who,
			pool: claim_pool,
			deposit,
			evidence: evidence.clone(),
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
	fn open_round(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
	) -> Result<(Program<T>, Round<T>, Schedule<T>), DispatchError> {
		let program = Self::program(index)?;
		ensure!(&program.lead == caller, Error::<T>::NotLead);
		let schedule = Self::ensure_active(&program)?;
		let round = Rounds::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(!schedule.is_final(&round, period, now), Error::<T>::RoundFinal);
		Ok((program, round, schedule))
	}

	pub(crate) fn do_score_round(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
		scores: ScoresOf<T>,
	) -> DispatchResult {
		let (program, mut round, _) = Self::open_round(index, period, caller)?;
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
		Rounds::<T>::insert(index, period, round);
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
		let (page, offset) = Self::locate(position);
		let mut entries = RoundPages::<T>::get(index, (period, page))
			.defensive_ok_or(Error::<T>::Inconsistent)?;
		let entry = entries.get(offset).defensive_ok_or(Error::<T>::Inconsistent)?;
		let EntryKind::Claim { deposit, .. } = entry.kind else {
			return Err(Error::<T>::NotAClaim.into());
		};
		let slashed = T::Currency::transfer_on_hold(
			&HoldReason::ClaimDeposit.into(),
			&who,
			&T::TreasuryAccount::get(),
			deposit,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)?;
		// The last entry takes the claim's place, in the filers as in the pages.
		let last = round.filers.len().saturating_sub(1) as u32;
		round.filers.swap_remove(position as usize);
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
		let weight = if round.filers.is_empty() {
			// Nothing is left to score or pay: the round is gone.
			Rounds::<T>::remove(index, period);
			program.open_rounds = program.open_rounds.saturating_sub(1);
			Programs::<T>::insert(index, program);
			T::WeightInfo::mark_spam_emptying()
		} else {
			Rounds::<T>::insert(index, period, round);
			T::WeightInfo::mark_spam()
		};
		Self::deposit_event(Event::ClaimSpam { index, period, who, slashed });
		Ok(weight)
	}

	/// Stores a page of round `period`, or removes it if it is empty.
	fn put_page(index: ProgramIndex, period: PeriodIndex, page: u32, entries: RoundPageOf<T>) {
		if entries.is_empty() {
			RoundPages::<T>::remove(index, (period, page));
		} else {
			RoundPages::<T>::insert(index, (period, page), entries);
		}
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
		let active = round.active(program.activity_threshold);
		Self::note_final(&mut program, period);
		Rounds::<T>::insert(index, period, round);
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::RoundFinalized { index, period, active });
		Ok(())
	}

	/// The pool that would pay `filer`'s entry now, if any: the scored senior pool for a report,
	/// the claimed pool for a claim, for a score above 0 and at or above the pool's threshold,
	/// to a filer that pool may pay ([`Self::payable`]: for a report, a Senior Ambassador on
	/// the roster leading at least `min_crew`). The roster is read last, only for a report the
	/// score would pay.
	fn payable_pool(
		index: ProgramIndex,
		program: &Program<T>,
		filer: &FilerOf<T>,
	) -> Option<PoolIndex> {
		let score = filer.score_or_zero();
		if score == 0 {
			return None;
		}
		let p = match filer.claim {
			None => program.scored_senior_pool()?,
			Some(pool) => pool,
		};
		let pool = program.pools.get(p as usize)?;
		match pool.payout {
			Payout::Scored { threshold, .. } if score >= threshold => {},
			_ => return None,
		}
		Self::payable(index, program, pool, &filer.who).ok().map(|()| p)
	}

	/// Adds `filer`'s entry, paid by pool `p`, to that pool's tally in `tallies`.
	fn tally(
		program: &Program<T>,
		tallies: &mut [PoolTally<BalanceOf<T>>],
		p: PoolIndex,
		score: Score,
	) {
		if let (Some(tally), Some(pool)) =
			(tallies.get_mut(p as usize), program.pools.get(p as usize))
		{
			tally.sum = tally.sum.saturating_add(Self::tally_points(pool, score));
		}
	}

	/// What an entry scoring `score` adds to its pool's tally: its score (`Proportional`), or
	/// `member_cap x score` (`Linear`).
	fn tally_points(pool: &RewardPoolOf<T>, score: Score) -> u128 {
		match (pool.payout, pool.member_cap) {
			(Payout::Scored { split: Split::Linear, .. }, Some(member_cap)) => {
				Self::share(member_cap.saturated_into(), score.into(), MAX_SCORE.into())
			},
			_ => score.into(),
		}
	}

	/// The payment of an entry scoring `score` from pool `p` whose tally is `tally`, in the
	/// pool's denomination and in native at the tally's rate.
	fn scored_payment(
		program: &Program<T>,
		p: PoolIndex,
		score: Score,
		tally: &PoolTally<BalanceOf<T>>,
	) -> Option<Payment<BalanceOf<T>>> {
		let pool = program.pools.get(p as usize)?;
		let Payout::Scored { split, .. } = pool.payout else { return None };
		let cap: u128 = pool.period_cap.saturated_into();
		let weight = Self::tally_points(pool, score);
		let amount = match split {
			// Scaled down pro rata if the total passes the cap.
			Split::Linear if tally.sum > cap => Self::share(weight, cap, tally.sum),
			Split::Linear => weight,
			// The cap shared by score, clipped at the member cap.
			Split::Proportional => {
				let own = Self::share(cap, weight, tally.sum);
				pool.member_cap.map_or(own, |m| own.min(m.saturated_into()))
			},
		};
		let native = Self::share(tally.native_cap.saturated_into(), amount, cap);
		(native > 0).then(|| Payment {
			pool: p,
			amount: amount.saturated_into(),
			native: native.saturated_into(),
		})
	}

	/// The payment fixed for `filer` by its round's `tallies`, if any.
	pub(crate) fn fixed_payment(
		program: &Program<T>,
		tallies: &[PoolTally<BalanceOf<T>>],
		filer: &FilerOf<T>,
	) -> Option<Payment<BalanceOf<T>>> {
		let p = filer.payable?;
		Self::scored_payment(program, p, filer.score_or_zero(), tallies.get(p as usize)?)
	}

	/// `amount x numerator / denominator`, rounded down (0 if `denominator` is 0).
	fn share(amount: u128, numerator: u128, denominator: u128) -> u128 {
		if denominator == 0 {
			return 0;
		}
		multiply_by_rational_with_rounding(amount, numerator, denominator, Rounding::Down)
			.unwrap_or(0)
	}

	/// Each pool's period cap in native at this block's rate (zero for a direct pool); a scored
	/// pool whose denomination has no rate, or a rate that makes its cap worth nothing, refuses.
	fn tallies_now(program: &Program<T>) -> Result<Vec<PoolTally<BalanceOf<T>>>, DispatchError> {
		program
			.pools
			.iter()
			.map(|pool| {
				let native_cap = if pool.payout.is_scored() {
					let native = Self::to_native(pool.period_cap, &pool.denomination)?;
					ensure!(!native.is_zero(), Error::<T>::ZeroRate);
					native
				} else {
					Zero::zero()
				};
				Ok(PoolTally { native_cap, sum: 0 })
			})
			.collect()
	}

	/// Which pool pays each filer of `round` and the pools' tallies, as the first settlement
	/// call fixes them (eligibility now, rates now); once settling, as fixed.
	fn fix_payments(
		index: ProgramIndex,
		program: &Program<T>,
		round: &Round<T>,
	) -> Result<(Vec<Option<PoolIndex>>, Vec<PoolTally<BalanceOf<T>>>), DispatchError> {
		if round.is_paying() {
			let payable = round.filers.iter().map(|f| f.payable).collect();
			return Ok((payable, round.pools.to_vec()));
		}
		let mut tallies = Self::tallies_now(program)?;
		let payable = round
			.filers
			.iter()
			.map(|filer| {
				let pool = Self::payable_pool(index, program, filer)?;
				Self::tally(program, &mut tallies, pool, filer.score_or_zero());
				Some(pool)
			})
			.collect();
		Ok((payable, tallies))
	}

	/// How round `period` of program `index` would settle now, entry by entry in the round's
	/// order (filing order, but for a claim marked as spam, whose place the last entry took):
	/// eligibility as of now (or as fixed, once settling), at today's rate (or the settlement's).
	/// Entries already paid are left out. Reads every page of the round: for views, not calls.
	pub fn plan_round(
		index: ProgramIndex,
		program: &Program<T>,
		period: PeriodIndex,
		round: &Round<T>,
	) -> Result<Vec<EntryView<T::AccountId, BalanceOf<T>>>, DispatchError> {
		let (payable, tallies) = Self::fix_payments(index, program, round)?;
		let first_unpaid = match round.status {
			RoundStatus::Paying { next, .. } => next as usize,
			_ => 0,
		};
		let mut planned = Vec::with_capacity(round.filers.len());
		for (position, (filer, pool)) in round.filers.iter().zip(payable).enumerate() {
			if position < first_unpaid {
				continue;
			}
			let (page, offset) = Self::locate(position as u32);
			let Some(entry) =
				RoundPages::<T>::get(index, (period, page)).and_then(|p| p.get(offset).cloned())
			else {
				continue;
			};
			let payment = pool.and_then(|p| {
				Self::scored_payment(program, p, filer.score_or_zero(), tallies.get(p as usize)?)
			});
			planned.push(EntryView {
				who: filer.who.clone(),
				kind: entry.kind,
				evidence: entry.evidence.into_inner(),
				score: filer.score,
				eligible: pool.is_some(),
				payment,
			});
		}
		Ok(planned)
	}

	/// One step of a round's settlement: start it (fixing every payment), or pay the next page;
	/// returns the weight it used.
	pub(crate) fn do_settle_round(
		index: ProgramIndex,
		period: PeriodIndex,
	) -> Result<Weight, DispatchError> {
		let mut program = Self::program(index)?;
		let schedule = Self::ensure_active(&program)?;
		let mut round = Rounds::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(schedule.is_final(&round, period, now), Error::<T>::RoundNotFinal);
		let step = match round.status {
			RoundStatus::Open | RoundStatus::Finalized => {
				Self::start_settlement(index, period, &mut program, &mut round)?
			},
			RoundStatus::Paying { next, paid, skipped } => {
				Self::pay_page(index, period, &mut program, &mut round, next, (paid, skipped))?
			},
		};
		if Rounds::<T>::contains_key(index, period) {
			Rounds::<T>::insert(index, period, round);
		}
		Programs::<T>::insert(index, program);
		Ok(step)
	}

	/// The first settlement call: fixes the rates (each scored pool's cap in native at this
	/// block), each entry's eligibility and so every payment, and commits their exact sum so
	/// that direct awards cannot spend it; fails, changing nothing, if the program cannot
	/// afford it (the round can be settled later). Keeps who was active for
	/// [`Metric::ActiveMembers`].
	fn start_settlement(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
	) -> Result<Weight, DispatchError> {
		let (payable, tallies) = Self::fix_payments(index, program, round)?;
		for (filer, pool) in round.filers.iter_mut().zip(payable) {
			filer.payable = pool;
		}
		// One tally a pool of the spec, which holds at most `MaxPools`.
		round.pools = tallies.try_into().map_err(|_| {
			defensive!("a round has more tallies than MaxPools");
			Error::<T>::Inconsistent
		})?;
		let committed = round
			.filers
			.iter()
			.filter_map(|filer| Self::fixed_payment(program, &round.pools, filer))
			.fold(BalanceOf::<T>::zero(), |sum, payment| sum.saturating_add(payment.native));
		ensure!(committed <= Self::spendable(index, program), Error::<T>::InsufficientProgramFunds);
		round.committed = committed;
		program.committed = program.committed.saturating_add(committed);
		round.status = RoundStatus::Paying { next: 0, paid: 0, skipped: 0 };
		Self::note_final(program, period);
		Self::keep_activity(index, program, period, round);
		Self::deposit_event(Event::RoundSettlementStarted { index, period });
		Self::deposit_event(Event::RoundTallied { index, period, committed });
		Ok(T::WeightInfo::settle_round_start(round.filers.len() as u32))
	}

	/// Keeps who was active in `period`, if no later period's activity is kept: the round is
	/// removed once paid, and [`Metric::ActiveMembers`] may still count it.
	fn keep_activity(
		index: ProgramIndex,
		program: &Program<T>,
		period: PeriodIndex,
		round: &Round<T>,
	) {
		if Activity::<T>::get(index).is_some_and(|kept| kept.period > period) {
			return;
		}
		let threshold = program.activity_threshold;
		let members = round
			.filers
			.iter()
			.filter(|f| f.is_active(threshold))
			.map(|f| f.who.clone())
			.collect::<Vec<_>>();
		// The active filers are filers: they fit the same bound.
		let members = BoundedVec::truncate_from(members);
		Activity::<T>::insert(index, PeriodActivity { period, members });
	}

	/// Pays the entries of the page at position `next` of a settling round, releasing their
	/// claims' deposits, and removes the page; the last page removes the round.
	fn pay_page(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
		next: u32,
		(mut paid, mut skipped): (u32, u32),
	) -> Result<Weight, DispatchError> {
		let filed = round.filers.len() as u32;
		let end = next.saturating_add(Self::page_size()).min(filed);
		let account = Self::program_account(index);
		let (mut reports, mut claims) = (0u32, 0u32);
		if next < end {
			let (page, _) = Self::locate(next);
			let entries = RoundPages::<T>::take(index, (period, page)).unwrap_or_default();
			let filers = round.filers.get(next as usize..end as usize).unwrap_or_default();
			for (entry, filer) in entries.into_iter().zip(filers) {
				match entry.kind {
					EntryKind::Report => reports = reports.saturating_add(1),
					EntryKind::Claim { .. } => claims = claims.saturating_add(1),
				}
				Self::release_deposit(&entry.who, &entry.kind);
				let Some(Payment { pool, amount, native }) =
					Self::fixed_payment(program, &round.pools, filer)
				else {
					continue;
				};
				// Never more than what is still committed (the sum guarantees it).
				let native = native.min(round.committed);
				round.committed = round.committed.saturating_sub(native);
				program.committed = program.committed.saturating_sub(native);
				let who = filer.who.clone();
				if Self::pay_out(&account, &who, native) {
					paid = paid.saturating_add(1);
					program.paid = program.paid.saturating_add(native);
					Self::deposit_event(Event::Awarded {
						index,
						pool,
						period,
						beneficiary: who,
						amount,
						native,
						reason: Self::round_reason(period, &entry.kind),
					});
				} else {
					skipped = skipped.saturating_add(1);
					Self::deposit_event(Event::PaymentSkipped {
						index,
						period,
						pool,
						beneficiary: who,
						amount,
						native,
					});
				}
			}
		}
		if end >= filed {
			// What the payments did not use (skipped payees) is released.
			program.committed = program.committed.saturating_sub(round.committed);
			program.open_rounds = program.open_rounds.saturating_sub(1);
			Rounds::<T>::remove(index, period);
			Self::deposit_event(Event::RoundSettled { index, period, paid, skipped });
		} else {
			round.status = RoundStatus::Paying { next: end, paid, skipped };
		}
		Ok(Self::settle_pay_weight(reports, claims))
	}

	/// Pays `native` from the program `account` to `who`, keeping the account alive. Returns
	/// whether it did; on `false` nothing changed: a fungible transfer checks that the source can
	/// pay and the payee can receive before it writes anything, so a payee who cannot receive
	/// fails it untouched.
	fn pay_out(account: &T::AccountId, who: &T::AccountId, native: BalanceOf<T>) -> bool {
		T::Currency::transfer(account, who, native, Preservation::Preserve).is_ok()
	}

	/// Releases the deposit of a claim (nothing for a report).
	pub(crate) fn release_deposit(who: &T::AccountId, kind: &EntryKind<BalanceOf<T>>) {
		if let EntryKind::Claim { deposit, .. } = kind {
			// Best effort: a deposit is never more than what was held for it.
			let _ = T::Currency::release(
				&HoldReason::ClaimDeposit.into(),
				who,
				*deposit,
				Precision::BestEffort,
			);
		}
	}

	/// The reason of a round's payment: which round, and report or claim.
	fn round_reason(period: PeriodIndex, kind: &EntryKind<BalanceOf<T>>) -> ReasonOf<T> {
		let what: &[u8] = match kind {
			EntryKind::Report => b"report",
			EntryKind::Claim { .. } => b"claim",
		};
		let mut reason = Vec::with_capacity(24);
		reason.extend_from_slice(what);
		reason.extend_from_slice(b" for period ");
		reason.extend_from_slice(alloc::format!("{period}").as_bytes());
		let mut bounded = ReasonOf::<T>::new();
		for byte in reason {
			if bounded.try_push(byte).is_err() {
				break;
			}
		}
		bounded
	}
}
