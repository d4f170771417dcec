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
//!   accepted from the start of `p` until [`Config::ClaimGrace`] blocks after its end, for a
//!   period that began by the program's end block. The lead never files. A round holds at most
//!   [`Config::MaxClaimsPerRound`] entries.
//! - **Scoring.** The lead scores entries 0..=100 and may revise them until the round is final:
//!   finalized by the lead once the filing window is over, or final by itself
//!   [`Config::ScoringWindow`] blocks later. An unscored entry scores 0. The lead may mark a
//!   claim as spam until then (removed, deposit to the treasury).
//! - **Paying.** A scored pool ([`Payout::Scored`]) pays the entries at or above its threshold:
//!   the scored senior pool pays reports of Senior Ambassadors leading at least `min_crew`, a
//!   scored contributors pool the claims made to it. [`Split::Linear`]: `member_cap x score`,
//!   scaled down pro rata if the total passes the period cap. [`Split::Proportional`]: the
//!   period cap shared by score, each share clipped at the member cap. Amounts round down; the
//!   dust stays in the program.
//! - **Settling.** Anyone settles a final round, one page ([`Config::MaxSettlePerCall`] entries)
//!   a call. The first call fixes each scored pool's cap in native at that block's rate; the
//!   tally pages check eligibility again and fix which pool pays each entry; the last tally
//!   commits what the round may pay ([`Program::committed`]) so that direct awards cannot spend
//!   it, or fails and changes nothing if the program cannot afford it. A scored pool takes no
//!   direct award, so its spending in period `p` is only what `p`'s round fixed: settling `p`
//!   during `p + 1` cannot eat into `p + 1`'s cap. The pay pages pay, skip a payee who cannot
//!   receive, release claim deposits and remove their page; the last removes the round.
//! - **Storage.** A round's entries live in pages of [`Config::MaxSettlePerCall`]
//!   ([`RoundPages`]), in filing order, so that a settlement step reads and removes one record
//!   rather than one per entry; the round keeps the list of filers, which tells where each
//!   entry is and who already filed.
//! - **Activity.** A round's `active` counts the reports scored at or above the program's
//!   `activity_threshold`; [`Metric::ActiveMembers`] reads it from the last final round.

use crate::{pallet::*, *};
use alloc::vec::Vec;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
	weights::Weight,
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{BlockNumberProvider, CheckedSub, One, Saturating},
	Rounding, SaturatedConversion,
};

/// What one `settle_round` call did, for its weight.
pub enum SettleStep {
	/// Checked and tallied `entries` entries (the first call also fixed the rates).
	Tallied {
		/// The entries of the page.
		entries: u32,
	},
	/// Paid, skipped or passed over the entries of a page: `reports` reports and `claims`
	/// claims (whose deposits it released).
	Paid {
		/// The reports of the page.
		reports: u32,
		/// The claims of the page.
		claims: u32,
	},
}

/// One entry of a round as it would settle now: what a view shows and the first settlement
/// call fixes.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PlannedEntry<AccountId, Balance> {
	/// Who filed.
	pub who: AccountId,
	/// Report or claim.
	pub kind: EntryKind<Balance>,
	/// The evidence reference.
	pub evidence: Vec<u8>,
	/// The lead's score, if scored (an unscored entry scores 0).
	pub score: Option<Score>,
	/// Whether the filer may be paid now from the pool its entry is for.
	pub eligible: bool,
	/// The payment, if any: eligible, at or above the pool's threshold, and nonzero.
	pub payment: Option<Payment<Balance>>,
}

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
		T::MaxSettlePerCall::get().max(1)
	}

	/// Where the entry at `position` of a round is: its page and its place in the page.
	pub fn locate(position: u32) -> (u32, usize) {
		let size = Self::page_size();
		(position / size, (position % size) as usize)
	}

	/// The report or claim of `who` in the round of `period` of program `index`, if any.
	pub fn round_entry(
		index: ProgramIndex,
		period: PeriodIndex,
		who: &T::AccountId,
	) -> Option<RoundEntry<T>> {
		let round = Rounds::<T>::get(index, period)?;
		let position = round.filers.iter().position(|filer| filer == who)?;
		let (page, offset) = Self::locate(position as u32);
		RoundPages::<T>::get(index, (period, page))?.get(offset).cloned()
	}

	/// The first block of period `period` of a program approved at `approved_at`.
	pub fn period_start(approved_at: BlockNumberOf<T>, period: PeriodIndex) -> BlockNumberOf<T> {
		approved_at.saturating_add(T::PayoutPeriod::get().saturating_mul(period.into()))
	}

	/// The last period of a program approved at `approved_at` and ending at `ends_at`: the last
	/// that began before the end block.
	pub fn last_period(approved_at: BlockNumberOf<T>, ends_at: BlockNumberOf<T>) -> PeriodIndex {
		Self::period_at(approved_at, ends_at.saturating_sub(One::one()))
	}

	/// The first block at which reports and claims for `period` are refused.
	pub fn filing_deadline(approved_at: BlockNumberOf<T>, period: PeriodIndex) -> BlockNumberOf<T> {
		Self::period_start(approved_at, period.saturating_add(1))
			.saturating_add(T::ClaimGrace::get())
	}

	/// The first block at which the round of `period` is final by itself.
	pub fn scoring_deadline(
		approved_at: BlockNumberOf<T>,
		period: PeriodIndex,
	) -> BlockNumberOf<T> {
		Self::filing_deadline(approved_at, period).saturating_add(T::ScoringWindow::get())
	}

	/// Whether `round` of `period` is final (its scores fixed) at `now`.
	pub fn is_final(
		round: &Round<T>,
		approved_at: BlockNumberOf<T>,
		period: PeriodIndex,
		now: BlockNumberOf<T>,
	) -> bool {
		round.status != RoundStatus::Open || now >= Self::scoring_deadline(approved_at, period)
	}

	/// The number of active members of the last final round of program `index` at `now`: the
	/// figure of [`Metric::ActiveMembers`]. A period in which nobody filed counts 0.
	pub fn active_members(index: ProgramIndex, program: &Program<T>) -> u64 {
		let ProgramStatus::Active { approved_at, ends_at } = program.status else { return 0 };
		let now = T::BlockNumberProvider::current_block_number();
		// The latest period final by time (`scoring_deadline(q) <= now`), never past the
		// program's last period: after the end the figure stays the last round's.
		let lag = T::ClaimGrace::get().saturating_add(T::ScoringWindow::get());
		let by_time = match now.checked_sub(&lag) {
			Some(since) if since >= approved_at => Self::period_at(approved_at, since)
				.checked_sub(1)
				.map(|q| q.min(Self::last_period(approved_at, ends_at))),
			_ => None,
		};
		// A round final only by time was never recorded: read it (none filed: 0 active).
		let recorded = program.last_final.filter(|known| by_time.is_none_or(|q| q <= known.period));
		match (recorded, by_time) {
			(Some(known), _) => known.count.into(),
			(None, Some(q)) => Rounds::<T>::get(index, q).map_or(0, |round| round.active).into(),
			(None, None) => 0,
		}
	}

	/// Records that the round of `period` is final with `active` active members, if it is the
	/// latest known.
	fn note_final(program: &mut Program<T>, period: PeriodIndex, active: u32) {
		if program.last_final.is_none_or(|known| period >= known.period) {
			program.last_final = Some(PeriodCount { period, count: active });
		}
	}

	pub(crate) fn do_file(
		index: ProgramIndex,
		period: PeriodIndex,
		who: T::AccountId,
		claim_pool: Option<PoolIndex>,
		evidence: EvidenceOf<T>,
	) -> DispatchResult {
		let mut program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
		let ProgramStatus::Active { approved_at, ends_at } = program.status else {
			return Err(Error::<T>::NotActive.into());
		};
		ensure!(who != program.lead, Error::<T>::LeadCannotFile);
		ensure!(!Self::is_reserved(index, &who), Error::<T>::ReservedAccount);
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(period <= Self::period_at(approved_at, now), Error::<T>::PeriodNotStarted);
		ensure!(period <= Self::last_period(approved_at, ends_at), Error::<T>::PeriodAfterEnd);
		ensure!(now < Self::filing_deadline(approved_at, period), Error::<T>::FilingClosed);
		let existing = Rounds::<T>::get(index, period);
		let is_new = existing.is_none();
		let mut round = existing.unwrap_or_default();
		ensure!(!Self::is_final(&round, approved_at, period, now), Error::<T>::RoundFinal);
		ensure!(!round.filers.contains(&who), Error::<T>::AlreadyFiled);
		let on_roster = Roster::<T>::contains_key(index, &who);
		let kind = match claim_pool {
			None => {
				ensure!(on_roster, Error::<T>::NotMember);
				// With a threshold of 0 every report counts as active, scored or not.
				if program.activity_threshold == 0 {
					round.active = round.active.saturating_add(1);
				}
				EntryKind::Report
			},
			Some(pool) => {
				ensure!(!on_roster, Error::<T>::MemberMustReport);
				let spec = program.pools.get(pool as usize).ok_or(Error::<T>::UnknownPool)?;
				ensure!(
					spec.eligibility == Eligibility::Contributors && spec.payout.is_scored(),
					Error::<T>::NotAClaimPool
				);
				EntryKind::Claim { pool, deposit: T::ClaimDeposit::get() }
			},
		};
		let position = round.filers.len() as u32;
		round.filers.try_push(who.clone()).map_err(|_| Error::<T>::RoundFull)?;
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
		if is_new {
			program.open_rounds = program.open_rounds.saturating_add(1);
			Programs::<T>::insert(index, program);
		}
		let entry = RoundEntry {
			who: who.clone(),
			kind,
			evidence: evidence.clone(),
			filed_at: now,
			score: None,
			payable: None,
		};
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
			evidence,
		});
		Ok(())
	}

	/// The program led by `caller` (also after its end block) and its round of `period`, if
	/// the round is not final yet.
	fn open_round(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
	) -> Result<(Program<T>, Round<T>, BlockNumberOf<T>), DispatchError> {
		let program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
		ensure!(&program.lead == caller, Error::<T>::NotLead);
		let approved_at = program.approved_at().ok_or(Error::<T>::NotActive)?;
		let round = Rounds::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(!Self::is_final(&round, approved_at, period, now), Error::<T>::RoundFinal);
		Ok((program, round, approved_at))
	}

	pub(crate) fn do_score(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
		scores: ScoresOf<T>,
	) -> DispatchResult {
		let (program, mut round, _) = Self::open_round(index, period, caller)?;
		ensure!(!scores.is_empty(), Error::<T>::NoScores);
		let active_at = program.activity_threshold;
		// Each page the scores touch is read once and written once.
		let mut pages: Vec<(u32, RoundPageOf<T>)> = Vec::new();
		for (who, score) in scores {
			ensure!(score <= MAX_SCORE, Error::<T>::InvalidScore);
			let position =
				round.filers.iter().position(|filer| filer == &who).ok_or(Error::<T>::NotFiled)?
					as u32;
			// A member the council named lead after it filed does not score itself.
			ensure!(who != program.lead, Error::<T>::LeadCannotFile);
			let (page, offset) = Self::locate(position);
			let slot = match pages.iter().position(|(number, _)| *number == page) {
				Some(slot) => slot,
				None => {
					let entries =
						RoundPages::<T>::get(index, (period, page)).ok_or(Error::<T>::NotFiled)?;
					pages.push((page, entries));
					pages.len() - 1
				},
			};
			let entry = pages
				.get_mut(slot)
				.and_then(|(_, entries)| entries.get_mut(offset))
				.ok_or(Error::<T>::NotFiled)?;
			if entry.kind == EntryKind::Report {
				let was = entry.score.unwrap_or(0) >= active_at;
				let is = score >= active_at;
				match (was, is) {
					(false, true) => round.active = round.active.saturating_add(1),
					(true, false) => round.active = round.active.saturating_sub(1),
					_ => {},
				}
			}
			entry.score = Some(score);
			Self::deposit_event(Event::Scored { index, period, who, score });
		}
		for (page, entries) in pages {
			RoundPages::<T>::insert(index, (period, page), entries);
		}
		Rounds::<T>::insert(index, period, round);
		Ok(())
	}

	pub(crate) fn do_mark_spam(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
		who: T::AccountId,
	) -> DispatchResult {
		let (_, mut round, _) = Self::open_round(index, period, caller)?;
		let position =
			round.filers.iter().position(|filer| filer == &who).ok_or(Error::<T>::NotFiled)?;
		let (page, offset) = Self::locate(position as u32);
		let mut entries =
			RoundPages::<T>::get(index, (period, page)).ok_or(Error::<T>::NotFiled)?;
		let entry = entries.get(offset).ok_or(Error::<T>::NotFiled)?;
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
		let last = round.filers.len().saturating_sub(1);
		round.filers.swap_remove(position);
		let (last_page, _) = Self::locate(last as u32);
		if last_page == page {
			entries.swap_remove(offset);
		} else {
			let mut tail =
				RoundPages::<T>::get(index, (period, last_page)).ok_or(Error::<T>::NotFiled)?;
			let moved = tail.pop().ok_or(Error::<T>::NotFiled)?;
			if let Some(slot) = entries.get_mut(offset) {
				*slot = moved;
			}
			Self::put_page(index, period, last_page, tail);
		}
		Self::put_page(index, period, page, entries);
		// A round keeps existing while empty: it is settled (or dropped) like any other.
		Rounds::<T>::insert(index, period, round);
		Self::deposit_event(Event::ClaimSpam { index, period, who, slashed });
		Ok(())
	}

	/// Stores a page of round `period`, or removes it if it is empty.
	fn put_page(index: ProgramIndex, period: PeriodIndex, page: u32, entries: RoundPageOf<T>) {
		if entries.is_empty() {
			RoundPages::<T>::remove(index, (period, page));
		} else {
			RoundPages::<T>::insert(index, (period, page), entries);
		}
	}

	pub(crate) fn do_finalize(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
	) -> DispatchResult {
		let (mut program, mut round, approved_at) = Self::open_round(index, period, caller)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(now >= Self::filing_deadline(approved_at, period), Error::<T>::FilingNotOver);
		round.status = RoundStatus::Finalized;
		let active = round.active;
		Self::note_final(&mut program, period, active);
		Rounds::<T>::insert(index, period, round);
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::RoundFinalized { index, period, active });
		Ok(())
	}

	/// The pool that would pay an entry of `who` scoring `score` now, if any: the scored senior
	/// pool for a report of a Senior Ambassador on the roster leading at least `min_crew`, the
	/// claimed pool for a claim; never the lead nor a reserved account; at or above the pool's
	/// threshold, and above 0.
	fn payable_pool(
		index: ProgramIndex,
		program: &Program<T>,
		who: &T::AccountId,
		kind: &EntryKind<BalanceOf<T>>,
		score: Score,
	) -> Option<PoolIndex> {
		if *who == program.lead || Self::is_reserved(index, who) || score == 0 {
			return None;
		}
		let pool = match kind {
			EntryKind::Report => {
				let pool = program.scored_senior_pool()?;
				let member = Roster::<T>::get(index, who)?;
				(member.role == Role::SeniorAmbassador && member.crew >= program.min_crew)
					.then_some(pool)?
			},
			EntryKind::Claim { pool, .. } => *pool,
		};
		match program.pools.get(pool as usize)?.payout {
			Payout::Scored { threshold, .. } if score >= threshold => Some(pool),
			_ => None,
		}
	}

	/// The pool that pays an entry of `who` scoring `score` now, if any, with the entry added to
	/// that pool's tally in `tallies`: what a settlement's tally page and a view both do.
	fn tally_entry(
		index: ProgramIndex,
		program: &Program<T>,
		tallies: &mut [PoolTally<BalanceOf<T>>],
		who: &T::AccountId,
		kind: &EntryKind<BalanceOf<T>>,
		score: Score,
	) -> Option<PoolIndex> {
		let p = Self::payable_pool(index, program, who, kind, score)?;
		if let (Some(tally), Some(pool)) =
			(tallies.get_mut(p as usize), program.pools.get(p as usize))
		{
			tally.sum = tally.sum.saturating_add(Self::tally_weight(pool, score));
		}
		Some(p)
	}

	/// What an entry scoring `score` adds to its pool's tally: its score (`Proportional`), or
	/// `member_cap x score` (`Linear`).
	fn tally_weight(pool: &RewardPoolOf<T>, score: Score) -> u128 {
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
		let weight = Self::tally_weight(pool, score);
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

	/// `amount x numerator / denominator`, rounded down (0 if `denominator` is 0).
	fn share(amount: u128, numerator: u128, denominator: u128) -> u128 {
		if denominator == 0 {
			return 0;
		}
		multiply_by_rational_with_rounding(amount, numerator, denominator, Rounding::Down)
			.unwrap_or(0)
	}

	/// Each pool's period cap in native at this block's rate (zero for a direct pool).
	fn tallies_now(program: &Program<T>) -> Result<Vec<PoolTally<BalanceOf<T>>>, DispatchError> {
		program
			.pools
			.iter()
			.map(|pool| {
				let native_cap = if pool.payout.is_scored() {
					Self::to_native(pool.period_cap, &pool.denomination)?
				} else {
					Zero::zero()
				};
				Ok(PoolTally { native_cap, sum: 0 })
			})
			.collect()
	}

	/// How round `period` of program `index` would settle now, entry by entry in the round's
	/// order (filing order, but for a claim marked as spam, whose place the last entry took):
	/// eligibility as of now (or as tallied, once settlement is paying), at the rate of the
	/// settlement's first call if it started, else at today's. Reads every page of the round:
	/// for views, not for calls.
	pub fn plan_round(
		index: ProgramIndex,
		program: &Program<T>,
		period: PeriodIndex,
		round: &Round<T>,
	) -> Result<Vec<PlannedEntry<T::AccountId, BalanceOf<T>>>, DispatchError> {
		let paying = matches!(round.status, RoundStatus::Paying { .. });
		let mut tallies =
			if round.pools.is_empty() { Self::tallies_now(program)? } else { round.pools.to_vec() };
		if !paying {
			tallies.iter_mut().for_each(|tally| tally.sum = 0);
		}
		let pages = (round.filers.len() as u32).div_ceil(Self::page_size());
		let mut entries = Vec::with_capacity(round.filers.len());
		for page in 0..pages {
			// Pages already paid are gone: the view shows what is still to come.
			let Some(stored) = RoundPages::<T>::get(index, (period, page)) else { continue };
			for entry in stored {
				let score = entry.score.unwrap_or(0);
				let pool = if paying {
					entry.payable
				} else {
					Self::tally_entry(index, program, &mut tallies, &entry.who, &entry.kind, score)
				};
				entries.push((entry, pool));
			}
		}
		Ok(entries
			.into_iter()
			.map(|(entry, pool)| PlannedEntry {
				payment: pool.and_then(|p| {
					Self::scored_payment(
						program,
						p,
						entry.score.unwrap_or(0),
						tallies.get(p as usize)?,
					)
				}),
				eligible: pool.is_some(),
				who: entry.who,
				kind: entry.kind,
				evidence: entry.evidence.into_inner(),
				score: entry.score,
			})
			.collect())
	}

	/// One step of a round's settlement: start it (and tally a first page), tally the next
	/// page, or pay the next page.
	pub(crate) fn do_settle(
		index: ProgramIndex,
		period: PeriodIndex,
	) -> Result<SettleStep, DispatchError> {
		let mut program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
		let approved_at = program.approved_at().ok_or(Error::<T>::NotActive)?;
		let mut round = Rounds::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(Self::is_final(&round, approved_at, period, now), Error::<T>::RoundNotFinal);
		let step = match round.status {
			RoundStatus::Open | RoundStatus::Finalized => {
				Self::start_settlement(index, period, &mut program, &mut round)?;
				Self::tally_page(index, period, &mut program, &mut round, 0)?
			},
			RoundStatus::Tallying { next } => {
				Self::tally_page(index, period, &mut program, &mut round, next)?
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

	/// Fixes the rates: each scored pool's cap in native at this block, at which every payment
	/// of the round converts.
	fn start_settlement(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
	) -> DispatchResult {
		let tallies = Self::tallies_now(program)?;
		round.pools = tallies.try_into().map_err(|_| Error::<T>::UnknownPool)?;
		Self::note_final(program, period, round.active);
		Self::deposit_event(Event::RoundSettlementStarted { index, period });
		Ok(())
	}

	/// The most a tallied pool pays, in native: its cap for a `Proportional` pool with a
	/// payable entry, `member_cap x score` summed (scaled down to the cap) for a `Linear` one.
	fn pool_bound(pool: &RewardPoolOf<T>, tally: &PoolTally<BalanceOf<T>>) -> BalanceOf<T> {
		let cap: u128 = pool.period_cap.saturated_into();
		let amount = match pool.payout {
			Payout::Scored { split: Split::Linear, .. } => tally.sum.min(cap),
			Payout::Scored { split: Split::Proportional, .. } if tally.sum > 0 => cap,
			_ => 0,
		};
		Self::share(tally.native_cap.saturated_into(), amount, cap).saturated_into()
	}

	/// Commits what the tallied round may pay, so that direct awards cannot spend it; fails,
	/// changing nothing, if the program cannot afford it (the round can be settled later).
	fn commit_round(
		index: ProgramIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let committed = program
			.pools
			.iter()
			.zip(round.pools.iter())
			.fold(BalanceOf::<T>::zero(), |sum, (pool, tally)| {
				sum.saturating_add(Self::pool_bound(pool, tally))
			});
		let spendable = T::Currency::reducible_balance(
			&Self::program_account(index),
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.saturating_sub(program.committed);
		ensure!(
			committed <= program.uncommitted() && committed <= spendable,
			Error::<T>::InsufficientProgramFunds
		);
		round.committed = committed;
		program.committed = program.committed.saturating_add(committed);
		Ok(committed)
	}

	/// Checks the eligibility of the entries of the page at position `next` and tallies the
	/// payable ones; once all are, commits what the round may pay and the round is paying.
	fn tally_page(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
		next: u32,
	) -> Result<SettleStep, DispatchError> {
		let filed = round.filers.len() as u32;
		let end = next.saturating_add(Self::page_size()).min(filed);
		if next < end {
			let (page, _) = Self::locate(next);
			let mut entries =
				RoundPages::<T>::get(index, (period, page)).ok_or(Error::<T>::NoRound)?;
			for entry in entries.iter_mut() {
				let score = entry.score.unwrap_or(0);
				entry.payable = Self::tally_entry(
					index,
					program,
					round.pools.as_mut(),
					&entry.who,
					&entry.kind,
					score,
				);
			}
			RoundPages::<T>::insert(index, (period, page), entries);
		}
		if end >= filed {
			let committed = Self::commit_round(index, program, round)?;
			round.status = RoundStatus::Paying { next: 0, paid: 0, skipped: 0 };
			Self::deposit_event(Event::RoundTallied { index, period, committed });
		} else {
			round.status = RoundStatus::Tallying { next: end };
		}
		Ok(SettleStep::Tallied { entries: end.saturating_sub(next) })
	}

	/// Pays the entries of the page at position `next` of a tallied round, releasing their
	/// claims' deposits, and removes the page; the last page removes the round.
	fn pay_page(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
		next: u32,
		(mut paid, mut skipped): (u32, u32),
	) -> Result<SettleStep, DispatchError> {
		let filed = round.filers.len() as u32;
		let end = next.saturating_add(Self::page_size()).min(filed);
		let account = Self::program_account(index);
		let (mut reports, mut claims) = (0u32, 0u32);
		if next < end {
			let (page, _) = Self::locate(next);
			let entries =
				RoundPages::<T>::take(index, (period, page)).ok_or(Error::<T>::NoRound)?;
			for entry in entries {
				match entry.kind {
					EntryKind::Report => reports = reports.saturating_add(1),
					EntryKind::Claim { .. } => claims = claims.saturating_add(1),
				}
				Self::release_deposit(&entry.who, &entry.kind);
				let payment = entry.payable.and_then(|p| {
					Self::scored_payment(
						program,
						p,
						entry.score.unwrap_or(0),
						round.pools.get(p as usize)?,
					)
				});
				let Some(Payment { pool, amount, native }) = payment else { continue };
				// Never more than what is still committed (the sums guarantee it).
				let native = native.min(round.committed);
				round.committed = round.committed.saturating_sub(native);
				program.committed = program.committed.saturating_sub(native);
				let who = entry.who;
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
			// What the payments did not use (rounding, clipping, skipped payees) is released.
			program.committed = program.committed.saturating_sub(round.committed);
			program.open_rounds = program.open_rounds.saturating_sub(1);
			Rounds::<T>::remove(index, period);
			Self::deposit_event(Event::RoundSettled { index, period, paid, skipped });
		} else {
			round.status = RoundStatus::Paying { next: end, paid, skipped };
		}
		Ok(SettleStep::Paid { reports, claims })
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
