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

//! Where each account's pay goes: its payee ([`Payees`]).
//!
//! An account (a member, a contributor, the lead) is who a program knows, scores, caps and
//! awards. Where its pay goes is a [`Config::Beneficiary`]: by default its own account
//! ([`Config::AccountBeneficiary`]); after `set_payee`, the beneficiary it named, which in a
//! runtime paying beyond its accounts may be an XCM location or a mapped EVM account (a Phala
//! ambassador's EVM wallet, say). The payee is the account's, for every program, and only the
//! account changes it: no lead or council can redirect anyone's pay.
//!
//! The payee is read when a payment is handed to the paymaster (an award, a round's payment, a
//! retry): a payment in progress is not redirected, and a failed payment is retried to the
//! payee named at the retry, so that a member whose payee cannot receive may name another and
//! have it retried. The record costs a deposit ([`Config::PayeeDeposit`]), held on the native
//! token while it lasts, since the record outlives every program.

use crate::{pallet::*, *};
use frame_support::traits::{fungible::MutateHold, tokens::Precision};
use sp_runtime::traits::Convert;

impl<T: Config> Pallet<T> {
	/// Where `who`'s pay goes: the payee it named, or its own account.
	pub(crate) fn payee_of(who: &T::AccountId) -> T::Beneficiary {
		Payees::<T>::get(who)
			.map(|payee| payee.beneficiary)
			.unwrap_or_else(|| T::AccountBeneficiary::convert(who.clone()))
	}

	/// Names `beneficiary` as `who`'s payee, holding the deposit the first time.
	pub(crate) fn do_set_payee(who: T::AccountId, beneficiary: T::Beneficiary) -> DispatchResult {
		let deposit = match Payees::<T>::get(&who) {
			Some(payee) => payee.deposit,
			None => {
				let deposit = T::PayeeDeposit::get();
				T::Currency::hold(&HoldReason::PayeeDeposit.into(), &who, deposit)?;
				deposit
			},
		};
		Payees::<T>::insert(&who, Payee { beneficiary: beneficiary.clone(), deposit });
		Self::deposit_event(Event::PayeeSet { who, payee: beneficiary, deposit });
		Ok(())
	}

	/// Clears `who`'s payee and releases its deposit.
	pub(crate) fn do_clear_payee(who: T::AccountId) -> DispatchResult {
		let payee = Payees::<T>::take(&who).ok_or(Error::<T>::NoPayee)?;
		// What is held is at least the deposit (`try_state` checks it); release what there is.
		T::Currency::release(
			&HoldReason::PayeeDeposit.into(),
			&who,
			payee.deposit,
			Precision::BestEffort,
		)?;
		Self::deposit_event(Event::PayeeCleared { who, deposit: payee.deposit });
		Ok(())
	}
}
