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

//! Payout maths: which pool pays an entry, each pool's tally, the payment of a score under
//! [`Split::Linear`] or [`Split::Proportional`], and the plan a view shows.

use crate::{pallet::*, views::EntryView, *};
use alloc::vec::Vec;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding, Rounding, SaturatedConversion,
};

/// A round's payments as its first settlement step fixes them (or fixed them).
pub(crate) struct FixedPayments<T: Config> {
	/// The pool that pays each filer, in the round's order (`None`: not paid).
	pub payable: Vec<Option<PoolIndex>>,
	/// Each pool's tally: its cap in native and the sum that shares it out.
	pub tallies: Vec<PoolTally<BalanceOf<T>>>,
	/// The block each scored asset pool's rate was set; empty once the round is paying, whose
	/// rates are already fixed.
	pub rates: Vec<(PoolIndex, BlockNumberOf<T>)>,
}

impl<T: Config> Pallet<T> {
	/// The pool that would pay `filer`'s entry now, if any: the scored senior pool for a report,
	/// the claimed pool for a claim, for a score above 0 and at or above the pool's threshold,
	/// to a filer that pool may pay ([`Self::payable`]: for a report, a Senior Ambassador on
	/// the roster leading at least `min_crew`). The roster is read last, only for a report the
	/// score would pay.
	pub(crate) fn payable_pool(
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
	pub(crate) fn tally(
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
	pub(crate) fn tally_points(pool: &RewardPoolOf<T>, score: Score) -> u128 {
		match (pool.payout, pool.member_cap) {
			(Payout::Scored { split: Split::Linear, .. }, Some(member_cap)) => {
				Self::share(member_cap.saturated_into(), score.into(), MAX_SCORE.into())
			},
			_ => score.into(),
		}
	}

	/// The payment of an entry scoring `score` from pool `p` whose tally is `tally`, in the
	/// pool's denomination and in native at the tally's rate.
	pub(crate) fn scored_payment(
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
	pub(crate) fn share(amount: u128, numerator: u128, denominator: u128) -> u128 {
		if denominator == 0 {
			return 0;
		}
		multiply_by_rational_with_rounding(amount, numerator, denominator, Rounding::Down)
			.unwrap_or(0)
	}

	/// Each pool's period cap in native at this block's rate (zero for a direct pool), and the
	/// block each scored asset pool's rate was set; a scored pool whose denomination has no
	/// rate, a stale one, or a rate that makes its cap worth nothing, refuses.
	pub(crate) fn tallies_now(
		program: &Program<T>,
	) -> Result<(Vec<PoolTally<BalanceOf<T>>>, Vec<(PoolIndex, BlockNumberOf<T>)>), DispatchError>
	{
		let mut tallies = Vec::with_capacity(program.pools.len());
		let mut rates = Vec::new();
		for (p, pool) in program.pools.iter().enumerate() {
			let native_cap = if pool.payout.is_scored() {
				let (native, set_at) =
					Self::to_paid_dated(pool.period_cap, &pool.denomination, &program.asset)?;
				ensure!(!native.is_zero(), Error::<T>::ZeroRate);
				if let Some(set_at) = set_at {
					rates.push((p as PoolIndex, set_at));
				}
				native
			} else {
				Zero::zero()
			};
			tallies.push(PoolTally { native_cap, sum: 0 });
		}
		Ok((tallies, rates))
	}

	/// Which pool pays each filer of `round` and the pools' tallies, as the first settlement
	/// call fixes them (eligibility now, rates now); once settling, as fixed.
	///
	/// A vetoed round pays nothing, needing no rate. A struck entry is not paid, but counts in
	/// its pool's tally: its share stays in the program rather than going to the others.
	pub(crate) fn fix_payments(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &Program<T>,
		round: &Round<T>,
	) -> Result<FixedPayments<T>, DispatchError> {
		if round.is_paying() {
			let payable = round.filers.iter().map(|f| f.payable).collect();
			return Ok(FixedPayments { payable, tallies: round.pools.to_vec(), rates: Vec::new() });
		}
		if RoundStore::<T>::check(index, period).vetoed {
			return Ok(FixedPayments {
				payable: round.filers.iter().map(|_| None).collect(),
				tallies: program.pools.iter().map(|_| PoolTally::default()).collect(),
				rates: Vec::new(),
			});
		}
		let assessments = RoundStore::<T>::assessments(index, period);
		let (mut tallies, rates) = Self::tallies_now(program)?;
		let payable = round
			.filers
			.iter()
			.enumerate()
			.map(|(position, filer)| {
				let pool = Self::payable_pool(index, program, filer)?;
				Self::tally(program, &mut tallies, pool, filer.score_or_zero());
				let struck = assessments.get(position).is_some_and(|a| a.struck);
				(!struck).then_some(pool)
			})
			.collect();
		Ok(FixedPayments { payable, tallies, rates })
	}

	/// How round `period` of program `index` would settle now, entry by entry in the round's
	/// order (filing order, but for a claim marked as spam, whose place the last entry took):
	/// eligibility as of now (or as fixed, once settling), at today's rate (or the settlement's).
	/// Entries already paid are left out. Without a rate that converts now, the entries come
	/// without their payments, with the error a settlement would meet. Reads every page of the
	/// round: for views, not calls.
	pub fn plan_round(
		index: ProgramIndex,
		program: &Program<T>,
		period: PeriodIndex,
		round: &Round<T>,
	) -> Result<(Vec<EntryView<T::AccountId, BalanceOf<T>>>, Option<DispatchError>), DispatchError>
	{
		// Without a rate that converts now (missing or stale), an unsettled round is planned
		// without its payments, and says why.
		let (payable, tallies, unpriced) = match Self::fix_payments(index, period, program, round) {
			Ok(FixedPayments { payable, tallies, .. }) => (payable, tallies, None),
			Err(error) if !round.is_paying() => {
				let payable =
					round.filers.iter().map(|f| Self::payable_pool(index, program, f)).collect();
				(payable, Vec::new(), Some(error))
			},
			Err(error) => return Err(error),
		};
		let first_unpaid = match round.status {
			RoundStatus::Paying { next, .. } => next as usize,
			_ => 0,
		};
		let assessments = RoundStore::<T>::assessments(index, period);
		let reviewers = Panels::<T>::get(index).map(|panel| panel.reviewers).unwrap_or_default();
		let mut planned = Vec::with_capacity(round.filers.len());
		for (position, (filer, pool)) in round.filers.iter().zip(payable).enumerate() {
			if position < first_unpaid {
				continue;
			}
			let Some(entry) = RoundStore::<T>::entry(index, period, position as u32) else {
				continue;
			};
			let payment = pool.and_then(|p| {
				Self::scored_payment(program, p, filer.score_or_zero(), tallies.get(p as usize)?)
			});
			let assessment = assessments.get(position);
			planned.push(EntryView {
				who: filer.who.clone(),
				kind: entry.kind,
				evidence: entry.evidence.into_inner(),
				score: filer.score,
				proposed: assessment.and_then(|a| a.proposed),
				reviews: assessment
					.map(|a| {
						a.reviews
							.iter()
							.filter_map(|(by, score)| {
								Some((reviewers.get(*by as usize)?.clone(), *score))
							})
							.collect()
					})
					.unwrap_or_default(),
				appeal: assessment.and_then(|a| a.appeal),
				struck: assessment.is_some_and(|a| a.struck),
				eligible: pool.is_some(),
				payment,
			});
		}
		Ok((planned, unpriced))
	}
}
