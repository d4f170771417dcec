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
//! approval), tracked as (period, spent) records that reset lazily: no hook, no iteration.
//! At most [`Config::MaxBeneficiaries`] beneficiaries of member-capped pools are paid in one
//! period; a record of a past period does not hold a slot. A program never pays its own account
//! or the treasury, and the lead only from a `Lead` pool.

use crate::{pallet::*, *};
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	tokens::{ConversionFromAssetBalance, DepositConsequence, Fortitude, Preservation, Provenance},
};
use sp_runtime::traits::{BlockNumberProvider, CheckedAdd, Saturating};

impl<T: Config> Pallet<T> {
	/// Converts `amount` in `denomination` into native tokens at the current rate.
	pub fn to_native(
		amount: BalanceOf<T>,
		denomination: &Denomination<T::AssetKind>,
	) -> Result<BalanceOf<T>, Error<T>> {
		match denomination {
			Denomination::Native => Ok(amount),
			Denomination::Asset(kind) => {
				T::BalanceConverter::from_asset_balance(amount, kind.clone())
					.map_err(|_| Error::<T>::NoRate)
			},
		}
	}

	/// Checks that `beneficiary` may be paid from `pool` of program `index`.
	pub(crate) fn ensure_eligible(
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

	/// Checks and pays one award, updating `program` (which the caller stores).
	pub(crate) fn do_award(
		index: ProgramIndex,
		program: &mut Program<T>,
		award: AwardOf<T>,
	) -> DispatchResult {
		let Award { pool: pool_index, beneficiary, amount, reason } = award;
		let ProgramStatus::Active { approved_at, .. } = program.status else {
			return Err(Error::<T>::NotActive.into());
		};
		let pool = program.pools.get(pool_index as usize).ok_or(Error::<T>::UnknownPool)?;
		ensure!(!pool.payout.is_scored(), Error::<T>::PoolIsScored);
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::ensure_eligible(index, program, pool, &beneficiary)?;

		let now = T::BlockNumberProvider::current_block_number();
		let period = Self::period_at(approved_at, now);
		let pool_spent = PoolSpending::<T>::get(index, pool_index)
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

		let native = Self::to_native(amount, &pool.denomination)?;
		ensure!(!native.is_zero(), Error::<T>::ZeroAmount);
		let account = Self::program_account(index);
		ensure!(
			native <= program.uncommitted()
				&& native
					<= T::Currency::reducible_balance(
						&account,
						Preservation::Preserve,
						Fortitude::Polite
					)
					.saturating_sub(program.committed),
			Error::<T>::InsufficientProgramFunds
		);
		ensure!(
			T::Currency::can_deposit(&beneficiary, native, Provenance::Extant)
				== DepositConsequence::Success,
			Error::<T>::CannotReceive
		);
		T::Currency::transfer(&account, &beneficiary, native, Preservation::Preserve)?;

		PoolSpending::<T>::insert(index, pool_index, Spending { period, spent: pool_spent });
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
		Self::deposit_event(Event::Awarded {
			index,
			pool: pool_index,
			period,
			beneficiary,
			amount,
			native,
			reason,
		});
		Ok(())
	}
}
