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

//! Every payment out, and the status of each: the only file that moves the tokens of the
//! treasury or of a program's account, all through [`Config::Paymaster`].
//!
//! - A **tranche** moves from the treasury to the program account ([`Pallet::pay_tranche`]).
//! - An **award** moves from the program account to its beneficiary's payee
//!   ([`Pallet::pay_award`]); a refusal fails the call, naming a payee who cannot receive.
//! - A **round's payment** moves from the program account to the entry filer's payee
//!   ([`Pallet::pay_entry`]); a refusal is recorded as a failed payment, not an error.
//! - A **retry** pays a failed payment again, to the payee named at the retry
//!   ([`Pallet::do_retry_payment`]).
//!
//! An account's payee ([`Payees`], `payees.rs`) is its own account unless it named another
//! [`Config::Beneficiary`]; payment records and events name the account paid for.
//! - A **sweep** returns what the program account holds of its asset to the treasury when the
//!   program closes or is cancelled, and a stray deposit of any asset later
//!   ([`Pallet::sweep`]).
//!
//! Every payment is in the program's asset ([`ProgramSpec::asset`]): the native token, or an
//! asset of [`Config::Assets`] such as USDT, which the paymaster is handed as its asset kind.
//!
//! ## A status for every payment
//!
//! The paymaster (`PayWithSource`) may pay at once (a local transfer) or later (a payment over
//! XCM, say). Right after handing it a payment, the pallet asks how it went: a payment done at
//! once writes nothing more, so a local payment costs what a transfer costs. Any other is
//! recorded in [`Payments`], counted in the program's [`PaymentBooks`]:
//! - **in progress**, under the paymaster's id, until anyone calls `check_payment`;
//! - **failed** (refused, or reported failed): its amount stays in the program account,
//!   earmarked for its payee and still charged to the pool and period it was charged to, so
//!   that `retry_payment` pays it once, never twice.
//!
//! `Unknown` counts as done: a paymaster forgets a payment only after it gave its outcome, and
//! the money left the program account when it was handed over, so counting it failed could pay
//! it twice (pallet-treasury's `check_status` decides the same).
//!
//! A program cannot close while a payment is in progress ([`Error::PaymentsInProgress`]), nor,
//! by its lead or after its end, within [`Config::PaymentRetryWindow`] of its latest failure
//! ([`Error::PaymentRetryOpen`]); after that window a close returns the failed payments' amounts
//! to the treasury with the rest, and the clean-up removes their records. A council's cancel
//! does not wait for the window. At most [`Config::MaxOpenPayments`] payments of a program are
//! recorded; a round's payment failing beyond that is skipped (`PaymentSkipped`), its amount
//! returned to the program uncharged.
//!
//! Tranches and sweeps move between accounts of this chain (the treasury's and the program's):
//! a tranche counts as released once the paymaster took it and did not report it failed, and
//! the treasury and a program account still paying are kept alive (a transfer's existential
//! deposit is checked here, since `PayWithSource` pays what it is given). Holds (the lead's
//! bond, a claim's deposit) are not payments: they stay with the rules that take and release
//! them (`program.rs`, `rounds/`).

use crate::{pallet::*, *};
use frame_support::traits::{
	fungibles::Inspect,
	tokens::{
		DepositConsequence, Fortitude, PayWithSource, PaymentStatus, Preservation, Provenance,
	},
};
use sp_runtime::traits::{BlockNumberProvider, Convert, Saturating};

/// How a payment handed to the paymaster went, as far as it said at once.
pub(crate) enum Paid<T: Config> {
	/// Done: nothing to record.
	Done,
	/// Taken, not done yet: recorded in progress under this id.
	InProgress(PaymentIdOf<T>),
	/// Refused, or failed at once: the money did not leave the source.
	Failed,
}

impl<T: Config> Pallet<T> {
	/// Hands a payment of `amount` of `asset` from `source` to `payee` to the paymaster, and
	/// asks at once how it went.
	fn pay(
		source: &T::AccountId,
		payee: &T::Beneficiary,
		asset: &Denomination<T::AssetKind>,
		amount: BalanceOf<T>,
	) -> Paid<T> {
		let Ok(id) = T::Paymaster::pay(source, payee, asset.clone().into(), amount) else {
			return Paid::Failed;
		};
		match T::Paymaster::check_payment(id) {
			PaymentStatus::Success | PaymentStatus::Unknown => Paid::Done,
			PaymentStatus::InProgress => Paid::InProgress(id),
			PaymentStatus::Failure => Paid::Failed,
		}
	}

	/// Pays a tranche of `amount` of `asset` from the treasury into the program `account`.
	/// Returns whether it did; on `false` (the treasury cannot pay it now, keeping alive)
	/// nothing changed.
	pub(crate) fn pay_tranche(
		account: &T::AccountId,
		asset: &Denomination<T::AssetKind>,
		amount: BalanceOf<T>,
	) -> bool {
		let treasury = T::TreasuryAccount::get();
		let available = T::Assets::reducible_balance(
			asset.clone().into(),
			&treasury,
			Preservation::Preserve,
			Fortitude::Polite,
		);
		let beneficiary = T::AccountBeneficiary::convert(account.clone());
		amount <= available
			&& !matches!(Self::pay(&treasury, &beneficiary, asset, amount), Paid::Failed)
	}

	/// Pays an award of `amount` of `asset` from the program `account` (whose caller checked
	/// that it stays alive) to `who`'s payee. Returns the paymaster's id if the payment is in
	/// progress. A refusal fails with [`Error::CannotReceive`] when `who`, paid at its own
	/// account, cannot receive it, else with [`Error::PaymentRefused`], and changes nothing.
	pub(crate) fn pay_award(
		account: &T::AccountId,
		who: &T::AccountId,
		asset: &Denomination<T::AssetKind>,
		amount: BalanceOf<T>,
	) -> Result<Option<PaymentIdOf<T>>, DispatchError> {
		match Self::pay(account, &Self::payee_of(who), asset, amount) {
			Paid::Done => Ok(None),
			Paid::InProgress(id) => Ok(Some(id)),
			Paid::Failed => {
				// Only a failed payment pays for telling why; a named payee may be beyond
				// this chain's accounts, so only an account's own can be asked.
				let cannot_receive = !Payees::<T>::contains_key(who)
					&& T::Assets::can_deposit(
						asset.clone().into(),
						who,
						amount,
						Provenance::Extant,
					) != DepositConsequence::Success;
				Err(if cannot_receive {
					Error::<T>::CannotReceive
				} else {
					Error::<T>::PaymentRefused
				}
				.into())
			},
		}
	}

	/// Pays a round's entry `amount` of `asset` from the program `account` (whose settlement
	/// committed it) to `who`'s payee.
	pub(crate) fn pay_entry(
		account: &T::AccountId,
		who: &T::AccountId,
		asset: &Denomination<T::AssetKind>,
		amount: BalanceOf<T>,
	) -> Paid<T> {
		Self::pay(account, &Self::payee_of(who), asset, amount)
	}

	/// Moves the whole balance of `asset` in `account` to the treasury. Returns the amount
	/// moved.
	pub(crate) fn sweep(
		account: &T::AccountId,
		asset: &Denomination<T::AssetKind>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let amount = T::Assets::reducible_balance(
			asset.clone().into(),
			account,
			Preservation::Expendable,
			Fortitude::Polite,
		);
		if amount.is_zero() {
			return Ok(amount);
		}
		let treasury = T::AccountBeneficiary::convert(T::TreasuryAccount::get());
		match Self::pay(account, &treasury, asset, amount) {
			Paid::Failed => Err(Error::<T>::PaymentRefused.into()),
			Paid::Done | Paid::InProgress(_) => Ok(amount),
		}
	}

	/// Records payment `record` of program `index`, not done at once, and emits its event.
	/// Returns its index, or `None` if the program has `MaxOpenPayments` recorded already (the
	/// caller then treats it as skipped).
	pub(crate) fn record_payment(
		index: ProgramIndex,
		record: PaymentRecord<T>,
	) -> Option<PaymentIndex> {
		let mut book = PaymentBooks::<T>::get(index);
		if book.open >= T::MaxOpenPayments::get() {
			return None;
		}
		let payment = book.next;
		book.next = book.next.saturating_add(1);
		book.open = book.open.saturating_add(1);
		let (payee, amount) = (record.payee.clone(), record.amount);
		match record.state {
			PaymentState::InProgress { .. } => {
				book.in_progress = book.in_progress.saturating_add(1);
				Self::deposit_event(Event::PaymentInProgress { index, payment, payee, amount });
			},
			PaymentState::Failed { at } => {
				book.last_failed_at = Some(at);
				Self::deposit_event(Event::PaymentFailed {
					index,
					payment,
					pool: record.pool,
					period: record.period,
					payee,
					amount,
					retry_until: at.saturating_add(T::PaymentRetryWindow::get()),
				});
			},
		}
		Payments::<T>::insert(index, payment, record);
		PaymentBooks::<T>::insert(index, book);
		Some(payment)
	}

	/// Asks the paymaster how payment `payment` of program `index`, in progress, went.
	pub(crate) fn do_check_payment(index: ProgramIndex, payment: PaymentIndex) -> DispatchResult {
		// A removed program's records wait for its clean-up: none is in progress.
		ensure!(Programs::<T>::contains_key(index), Error::<T>::UnknownProgram);
		let mut record = Payments::<T>::get(index, payment).ok_or(Error::<T>::UnknownPayment)?;
		let PaymentState::InProgress { id } = record.state else {
			return Err(Error::<T>::PaymentNotInProgress.into());
		};
		let mut book = PaymentBooks::<T>::get(index);
		book.in_progress = book.in_progress.saturating_sub(1);
		match T::Paymaster::check_payment(id) {
			PaymentStatus::InProgress => return Err(Error::<T>::PaymentInconclusive.into()),
			// See the module docs for `Unknown`.
			PaymentStatus::Success | PaymentStatus::Unknown => {
				Self::close_record(index, payment, &record, book);
			},
			PaymentStatus::Failure => {
				let at = T::BlockNumberProvider::current_block_number();
				record.state = PaymentState::Failed { at };
				book.last_failed_at = Some(at);
				PaymentBooks::<T>::insert(index, book);
				Self::deposit_event(Event::PaymentFailed {
					index,
					payment,
					pool: record.pool,
					period: record.period,
					payee: record.payee.clone(),
					amount: record.amount,
					retry_until: at.saturating_add(T::PaymentRetryWindow::get()),
				});
				Payments::<T>::insert(index, payment, record);
			},
		}
		Ok(())
	}

	/// Pays failed payment `payment` of program `index` again, from the program account, to
	/// its payee's payee as named now.
	pub(crate) fn do_retry_payment(index: ProgramIndex, payment: PaymentIndex) -> DispatchResult {
		// A removed program returned its failed payments' amounts to the treasury.
		let asset = Self::program(index)?.asset;
		let mut record = Payments::<T>::get(index, payment).ok_or(Error::<T>::UnknownPayment)?;
		ensure!(matches!(record.state, PaymentState::Failed { .. }), Error::<T>::PaymentNotFailed);
		let mut book = PaymentBooks::<T>::get(index);
		let account = Self::program_account(index);
		match Self::pay(&account, &Self::payee_of(&record.payee), &asset, record.amount) {
			Paid::Failed => return Err(Error::<T>::PaymentRefused.into()),
			Paid::Done => Self::close_record(index, payment, &record, book),
			Paid::InProgress(id) => {
				record.state = PaymentState::InProgress { id };
				book.in_progress = book.in_progress.saturating_add(1);
				PaymentBooks::<T>::insert(index, book);
				Self::deposit_event(Event::PaymentInProgress {
					index,
					payment,
					payee: record.payee.clone(),
					amount: record.amount,
				});
				Payments::<T>::insert(index, payment, record);
			},
		}
		Ok(())
	}

	/// Removes a payment's record once it is done, with `book` (its counters already updated
	/// for a payment no longer in progress).
	fn close_record(
		index: ProgramIndex,
		payment: PaymentIndex,
		record: &PaymentRecord<T>,
		mut book: PaymentBookOf<T>,
	) {
		Payments::<T>::remove(index, payment);
		book.open = book.open.saturating_sub(1);
		if book.failed() == 0 {
			book.last_failed_at = None;
		}
		PaymentBooks::<T>::insert(index, book);
		Self::deposit_event(Event::PaymentConfirmed {
			index,
			payment,
			payee: record.payee.clone(),
			amount: record.amount,
		});
	}

	/// Ensures program `index` may be closed as far as its payments go: none in progress and,
	/// unless `cancel`, no failed one within its retry window. Returns whether records remain
	/// (failed payments whose amounts the close returns).
	pub(crate) fn ensure_payments_closable(
		index: ProgramIndex,
		cancel: bool,
	) -> Result<bool, DispatchError> {
		let book = PaymentBooks::<T>::get(index);
		ensure!(book.in_progress == 0, Error::<T>::PaymentsInProgress);
		if !cancel {
			if let Some(at) = book.last_failed_at {
				let now = T::BlockNumberProvider::current_block_number();
				ensure!(
					now >= at.saturating_add(T::PaymentRetryWindow::get()),
					Error::<T>::PaymentRetryOpen
				);
			}
		}
		Ok(book.open > 0)
	}
}
