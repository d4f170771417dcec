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

//! Settlement: the first call fixes and commits every payment of a final round, the next ones
//! pay a page each; deposits are released and the last page removes the round.

use crate::{pallet::*, payments::Paid, *};
use alloc::vec::Vec;
use frame_support::{
	defensive,
	traits::{fungible::MutateHold, tokens::Precision},
	weights::Weight,
};
use sp_runtime::traits::{BlockNumberProvider, Saturating};

impl<T: Config> Pallet<T> {
	/// The weight of a pay step of `reports` reports and `claims` claims: a page of the
	/// reports, and for each claim its share of a page of claims. Both are benchmarked over a
	/// whole page, each on its own.
	pub fn settle_pay_weight(reports: u32, claims: u32) -> Weight {
		let claims_part = T::WeightInfo::settle_round_pay(claims)
			.saturating_sub(T::WeightInfo::settle_round_pay(0));
		T::WeightInfo::settle_round_pay_reports(reports).saturating_add(claims_part)
	}

	/// One step of a round's settlement: start it (fixing every payment), or pay the next page;
	/// returns the weight it used.
	pub(crate) fn do_settle_round(
		index: ProgramIndex,
		period: PeriodIndex,
	) -> Result<Weight, DispatchError> {
		let mut program = Self::program(index)?;
		let schedule = Self::ensure_active(&program)?;
		let mut round = RoundStore::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let now = T::BlockNumberProvider::current_block_number();
		ensure!(schedule.is_final(&round, period, now), Error::<T>::RoundNotFinal);
		let (weight, settled) = match round.status {
			RoundStatus::Open | RoundStatus::Finalized => {
				// The checks on the lead come first: the appeals, then the council's veto window.
				let check = RoundStore::<T>::check(index, period);
				ensure!(check.open_appeals == 0, Error::<T>::AppealsOpen);
				ensure!(
					now >= schedule.veto_deadline(period, check.finalized_at),
					Error::<T>::VetoWindowOpen
				);
				(Self::start_settlement(index, period, &mut program, &mut round)?, false)
			},
			RoundStatus::Paying { next, paid, skipped } => {
				Self::pay_page(index, period, &mut program, &mut round, next, (paid, skipped))?
			},
		};
		if settled {
			RoundStore::<T>::remove(index, period);
		} else {
			RoundStore::<T>::put(index, period, &round);
		}
		Programs::<T>::insert(index, program);
		Ok(weight)
	}

	/// The first settlement call: fixes the rates (each scored pool's cap in native at this
	/// block), each entry's eligibility and so every payment, and commits their exact sum so
	/// that direct awards cannot spend it; fails, changing nothing, if the program cannot
	/// afford it (the round can be settled later). Keeps who was active for
	/// [`Metric::ActiveMembers`].
	pub(crate) fn start_settlement(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
	) -> Result<Weight, DispatchError> {
		let super::payout::FixedPayments { payable, tallies, rates } =
			Self::fix_payments(index, period, program, round)?;
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
		Self::deposit_event(Event::RoundTallied {
			index,
			period,
			committed,
			// At most one rate a pool of the spec, which holds at most `MaxPools`.
			rates: BoundedVec::truncate_from(rates),
		});
		Ok(T::WeightInfo::settle_round_start(round.filers.len() as u32))
	}

	/// Pays the entries of the page at position `next` of a settling round, releasing their
	/// claims' deposits, and removes the page; returns the weight it used and whether it was
	/// the last page (the round is then settled, and its record to remove).
	pub(crate) fn pay_page(
		index: ProgramIndex,
		period: PeriodIndex,
		program: &mut Program<T>,
		round: &mut Round<T>,
		next: u32,
		(mut paid, mut skipped): (u32, u32),
	) -> Result<(Weight, bool), DispatchError> {
		let filed = round.filers.len() as u32;
		let end = next.saturating_add(Self::page_size()).min(filed);
		let account = Self::program_account(index);
		let (mut reports, mut claims, mut recorded_payments) = (0u32, 0u32, 0u32);
		if next < end {
			let entries = RoundStore::<T>::take_page(index, period, next);
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
				let record = |state| PaymentRecord {
					payee: who.clone(),
					amount: native,
					pool,
					period,
					state,
				};
				let outcome = Self::pay_entry(&account, &who, &program.asset, native);
				if let Paid::Failed = outcome {
					skipped = skipped.saturating_add(1);
					let at = T::BlockNumberProvider::current_block_number();
					if Self::record_payment(index, record(PaymentState::Failed { at })).is_some() {
						// Charged and earmarked in the program account: a retry pays it.
						program.paid = program.paid.saturating_add(native);
						recorded_payments = recorded_payments.saturating_add(1);
					} else {
						// Beyond `MaxOpenPayments`: uncharged, its amount returns to the program.
						Self::deposit_event(Event::PaymentSkipped {
							index,
							period,
							pool,
							beneficiary: who,
							amount,
							native,
						});
					}
					continue;
				}
				paid = paid.saturating_add(1);
				program.paid = program.paid.saturating_add(native);
				Self::deposit_event(Event::Awarded {
					index,
					pool,
					period,
					beneficiary: who.clone(),
					amount,
					native,
					reason: Self::round_reason(period, &entry.kind),
					rate_set_at: None,
				});
				if let Paid::InProgress(id) = outcome {
					// Beyond `MaxOpenPayments` a payment in flight is not tracked: it counts as
					// done, as an `Unknown` status would.
					let _ = Self::record_payment(index, record(PaymentState::InProgress { id }));
					recorded_payments = recorded_payments.saturating_add(1);
				}
			}
		}
		let settled = end >= filed;
		if settled {
			// What the payments did not use (skipped payees) is released.
			program.committed = program.committed.saturating_sub(round.committed);
			program.open_rounds = program.open_rounds.saturating_sub(1);
			Self::deposit_event(Event::RoundSettled { index, period, paid, skipped });
		} else {
			round.status = RoundStatus::Paying { next: end, paid, skipped };
		}
		let weight = Self::settle_pay_weight(reports, claims).saturating_add(
			T::WeightInfo::retry_payment().saturating_mul(recorded_payments.into()),
		);
		Ok((weight, settled))
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
	pub(crate) fn round_reason(period: PeriodIndex, kind: &EntryKind<BalanceOf<T>>) -> ReasonOf<T> {
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
