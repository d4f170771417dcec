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

//! Rewards: paying from a program's pools within the caps of the current period.
//!
//! A pool's cap and each member's cap hold per period ([`Config::PayoutPeriod`] blocks from the
//! approval), tracked as (period, spent) records that reset lazily: no hook, no iteration. A
//! pool's record is in the program record ([`Program::pool_spent`]), a member's in
//! [`MemberSpending`]. One call reads the program, its account and each rate once, however many
//! awards it pays ([`Payer`]).
//! At most [`Config::MaxBeneficiaries`] beneficiaries of member-capped pools are paid in one
//! period; a record of a past period does not hold a slot. A program never pays its own account
//! or the treasury, and the lead only from a `Lead` pool.

use crate::{pallet::*, *};
use frame_support::weights::Weight;
use sp_runtime::traits::{CheckedAdd, Saturating};

/// What an award costs beyond a transfer, by its pool: a roster read for a senior pool's
/// eligibility, a spending record for a member cap, a rate for an asset denomination. An award
/// needing neither of the first two is plain: `award` is refunded to a plain award's weight,
/// `award_batch` counts its plain awards.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct AwardClass {
	/// The pool pays Senior Ambassadors: the beneficiary's roster entry is read.
	pub senior: bool,
	/// The pool has a member cap: the beneficiary's spending record is read and written.
	pub capped: bool,
	/// The paymaster did not pay at once: the payment was recorded in progress (a record's
	/// writes, charged as a `retry_payment`, which writes as much).
	pub recorded: bool,
}

impl AwardClass {
	/// Whether the award reads no roster entry and keeps no spending record.
	pub fn is_plain(self) -> bool {
		!self.senior && !self.capped
	}
}

/// Pays the awards of one call from one program: what every award of the call needs (the
/// period, the program's account and what it may spend) is worked out once.
pub(crate) struct Payer<T: Config> {
	index: ProgramIndex,
	period: PeriodIndex,
	account: T::AccountId,
	/// What the program may still pay in this call ([`Pallet::spendable`]).
	spendable: BalanceOf<T>,
}

impl<T: Config> Payer<T> {
	/// A payer for program `index` (which must be Active) in the current period.
	pub(crate) fn new(index: ProgramIndex, program: &Program<T>) -> Result<Self, DispatchError> {
		let schedule = Pallet::<T>::ensure_active(program)?;
		Ok(Self {
			index,
			period: schedule.current_period(),
			account: Pallet::<T>::program_account(index),
			spendable: Pallet::<T>::spendable(index, program),
		})
	}

	/// Checks and pays one award, updating `program` (which the caller stores). Returns what
	/// the award's pool made it cost.
	pub(crate) fn pay(
		&mut self,
		program: &mut Program<T>,
		award: AwardOf<T>,
	) -> Result<AwardClass, DispatchError> {
		let Award { pool: pool_index, beneficiary, amount, reason } = award;
		let (index, period) = (self.index, self.period);
		let pool = program.pools.get(pool_index as usize).ok_or(Error::<T>::UnknownPool)?;
		ensure!(!pool.payout.is_scored(), Error::<T>::PoolIsScored);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Pallet::<T>::payable(index, program, pool, &beneficiary)?;
		let mut class = AwardClass {
			senior: pool.eligibility == Eligibility::SeniorAmbassadors,
			capped: pool.member_cap.is_some(),
			recorded: false,
		};

		let pool_spent = program
			.pool_spent
			.get(pool_index as usize)
			.ok_or(Error::<T>::UnknownPool)?
			.spent_in(period)
			.checked_add(&amount)
			.filter(|spent| *spent <= pool.period_cap)
			.ok_or(Error::<T>::PoolCapExceeded)?;
		let member_key = (pool_index, beneficiary.clone());
		// For a member cap: the new record, whether it is new in storage, and whether it is the
		// beneficiary's first payment of this period (which takes a slot of the period).
		let member_spent = match pool.member_cap {
			Some(cap) => {
				let record = MemberSpending::<T>::get(index, &member_key);
				let first_this_period = record.is_none_or(|r| r.period != period);
				if first_this_period {
					ensure!(
						program.beneficiaries.count_in(period) < T::MaxBeneficiaries::get(),
						Error::<T>::TooManyBeneficiaries
					);
				}
				let spent = record
					.map_or_else(Zero::zero, |r| r.spent_in(period))
					.checked_add(&amount)
					.filter(|spent| *spent <= cap)
					.ok_or(Error::<T>::MemberCapExceeded)?;
				Some((record.is_none(), first_this_period, spent))
			},
			None => None,
		};

		let (native, rate_set_at) =
			Pallet::<T>::to_paid_dated(amount, &pool.denomination, &program.asset)?;
		ensure!(!native.is_zero(), Error::<T>::ZeroAmount);
		ensure!(native <= self.spendable, Error::<T>::InsufficientProgramFunds);
		let in_progress =
			Pallet::<T>::pay_award(&self.account, &beneficiary, &program.asset, native)?;
		self.spendable = self.spendable.saturating_sub(native);

		if let Some(slot) = program.pool_spent.get_mut(pool_index as usize) {
			*slot = Spending { period, spent: pool_spent };
		}
		if let Some((new_record, first_this_period, spent)) = member_spent {
			if new_record {
				program.spending_records = program.spending_records.saturating_add(1);
			}
			if first_this_period {
				let count = program.beneficiaries.count_in(period).saturating_add(1);
				program.beneficiaries = PeriodCount { period, count };
			}
			MemberSpending::<T>::insert(index, &member_key, Spending { period, spent });
		}
		program.paid = program.paid.saturating_add(native);
		Pallet::<T>::deposit_event(Event::Awarded {
			index,
			pool: pool_index,
			period,
			beneficiary: beneficiary.clone(),
			amount,
			native,
			reason,
			rate_set_at,
		});
		if let Some(id) = in_progress {
			class.recorded = true;
			// Past `MaxOpenPayments` a payment in flight is not tracked: it counts as done, as
			// an `Unknown` status would.
			let _ = Pallet::<T>::record_payment(
				index,
				PaymentRecord {
					payee: beneficiary,
					amount: native,
					pool: pool_index,
					period,
					state: PaymentState::InProgress { id },
				},
			);
		}
		Ok(class)
	}
}

impl<T: Config> Pallet<T> {
	/// Pays `award` from program `index`, whose lead `caller` must be; returns the weight it
	/// used.
	pub(crate) fn do_award(
		index: ProgramIndex,
		caller: &T::AccountId,
		award: AwardOf<T>,
	) -> Result<Weight, DispatchError> {
		let reason_len = award.reason.len() as u32;
		let mut program = Self::lead_program(index, caller)?;
		let mut payer = Payer::new(index, &program)?;
		let class = payer.pay(&mut program, award)?;
		Programs::<T>::insert(index, program);
		let weight = if class.is_plain() {
			T::WeightInfo::award_plain(reason_len)
		} else {
			T::WeightInfo::award(reason_len)
		};
		Ok(if class.recorded {
			weight.saturating_add(T::WeightInfo::retry_payment())
		} else {
			weight
		})
	}

	/// Pays `awards` from program `index`, whose lead `caller` must be, all or none; returns
	/// the weight it used.
	pub(crate) fn do_award_batch(
		index: ProgramIndex,
		caller: &T::AccountId,
		awards: AwardsOf<T>,
	) -> Result<Weight, DispatchError> {
		let mut program = Self::lead_program(index, caller)?;
		ensure!(!awards.is_empty(), Error::<T>::EmptyBatch);
		let mut payer = Payer::new(index, &program)?;
		let (mut plain, mut heavy, mut recorded) = (0u32, 0u32, 0u32);
		for award in awards {
			let class = payer.pay(&mut program, award)?;
			if class.is_plain() {
				plain.saturating_inc();
			} else {
				heavy.saturating_inc();
			}
			if class.recorded {
				recorded.saturating_inc();
			}
		}
		Programs::<T>::insert(index, program);
		Ok(Self::award_batch_weight(plain, heavy)
			.saturating_add(T::WeightInfo::retry_payment().saturating_mul(recorded.into())))
	}

	/// The weight of an `award_batch` of `plain` plain awards and `heavy` others: a batch of the
	/// plain ones, and for each other award its share of a batch of its kind. Both are
	/// benchmarked over the whole bound, each on its own.
	pub fn award_batch_weight(plain: u32, heavy: u32) -> Weight {
		let heavy_part =
			T::WeightInfo::award_batch(heavy).saturating_sub(T::WeightInfo::award_batch(0));
		T::WeightInfo::award_batch_plain(plain).saturating_add(heavy_part)
	}

	/// Whether `beneficiary` may be paid from `pool` of program `index` now, by its
	/// eligibility: never the program's account or the treasury; only the lead from a `Lead`
	/// pool, and never from another; from a `SeniorAmbassadors` pool, a Senior Ambassador on
	/// the roster leading at least `min_crew`. The one rule for awards, settlement and views.
	pub(crate) fn payable(
		index: ProgramIndex,
		program: &Program<T>,
		pool: &RewardPoolOf<T>,
		beneficiary: &T::AccountId,
	) -> DispatchResult {
		ensure!(!Self::is_reserved(index, beneficiary), Error::<T>::ReservedAccount);
		let is_lead = *beneficiary == program.lead;
		match pool.eligibility {
			Eligibility::Lead => ensure!(is_lead, Error::<T>::NotEligible),
			Eligibility::SeniorAmbassadors => {
				ensure!(!is_lead, Error::<T>::LeadNotEligible);
				let member = Roster::<T>::get(index, beneficiary)
					.filter(|member| member.role == Role::SeniorAmbassador)
					.ok_or(Error::<T>::NotEligible)?;
				ensure!(member.crew >= program.min_crew, Error::<T>::CrewTooSmall);
			},
			Eligibility::Contributors => ensure!(!is_lead, Error::<T>::LeadNotEligible),
		}
		Ok(())
	}
}
