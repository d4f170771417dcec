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

//! Every payment out: the only file that moves the tokens of the treasury or of a program's
//! account.
//!
//! - A **tranche** moves from the treasury to the program account ([`Pallet::pay_tranche`]).
//! - An **award** moves from the program account to its beneficiary ([`Pallet::pay_award`]); it
//!   fails the call, naming a payee who cannot receive.
//! - A **round's payment** moves from the program account to the entry's filer
//!   ([`Pallet::pay_entry`]); a payee who cannot receive is skipped, not an error.
//! - A **sweep** returns the whole program account to the treasury when the program closes or is
//!   cancelled, and a stray deposit later ([`Pallet::sweep`]).
//!
//! Each keeps its source alive (the treasury and a program account still paying) except the
//! sweep, which empties it. A fungible transfer checks that the source can pay and the payee can
//! receive before it writes anything, so a payment that fails changes nothing. Holds (the lead's
//! bond, a claim's deposit) are not payments: they stay with the rules that take and release them
//! (`program.rs`, `rounds/`).

use crate::{pallet::*, *};
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	tokens::{DepositConsequence, Fortitude, Preservation, Provenance},
};

impl<T: Config> Pallet<T> {
	/// Pays a tranche of `amount` from the treasury into the program `account`. Returns whether
	/// it did; on `false` (the treasury cannot pay it now) nothing changed.
	pub(crate) fn pay_tranche(account: &T::AccountId, amount: BalanceOf<T>) -> bool {
		let treasury = T::TreasuryAccount::get();
		T::Currency::transfer(&treasury, account, amount, Preservation::Preserve).is_ok()
	}

	/// Pays an award of `native` from the program `account` to `beneficiary`. A payee who cannot
	/// receive it fails with [`Error::CannotReceive`]; any other failure with the token's error.
	pub(crate) fn pay_award(
		account: &T::AccountId,
		beneficiary: &T::AccountId,
		native: BalanceOf<T>,
	) -> DispatchResult {
		let Err(error) =
			T::Currency::transfer(account, beneficiary, native, Preservation::Preserve)
		else {
			return Ok(());
		};
		// Only a failed payment pays for telling why.
		let receivable = T::Currency::can_deposit(beneficiary, native, Provenance::Extant);
		Err(if receivable == DepositConsequence::Success {
			error
		} else {
			Error::<T>::CannotReceive.into()
		})
	}

	/// Pays a round's entry `native` from the program `account` to `who`. Returns whether it
	/// did; on `false` (a payee who cannot receive) nothing changed.
	pub(crate) fn pay_entry(
		account: &T::AccountId,
		who: &T::AccountId,
		native: BalanceOf<T>,
	) -> bool {
		T::Currency::transfer(account, who, native, Preservation::Preserve).is_ok()
	}

	/// Moves the whole balance of `account` to the treasury. Returns the amount moved.
	pub(crate) fn sweep(account: &T::AccountId) -> Result<BalanceOf<T>, DispatchError> {
		let amount =
			T::Currency::reducible_balance(account, Preservation::Expendable, Fortitude::Polite);
		if amount.is_zero() {
			return Ok(amount);
		}
		T::Currency::transfer(account, &T::TreasuryAccount::get(), amount, Preservation::Expendable)
	}
}
