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

//! The program lifecycle: propose, approve, reject, cancel, close, set a lead, release owed
//! tranches, reclaim strays. Every rule about a program's money moving between the treasury, the
//! program account and the proposer's bond is enforced here.

use crate::{pallet::*, *};
use alloc::vec::Vec;
use frame_support::{
	defensive,
	traits::{
		fungible::{Inspect, MutateHold},
		fungibles::Inspect as _,
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
};
use sp_runtime::{
	traits::{BlockNumberProvider, CheckedAdd, Saturating},
	ArithmeticError,
};

impl<T: Config> Pallet<T> {
	/// The account holding a program's funds, derived from [`Config::PalletId`] and the index.
	pub fn program_account(index: ProgramIndex) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(index)
	}

	/// What program `index` may still pay, for awards or a round's commitment: its released,
	/// unpaid and uncommitted funds, within what its account holds of the program's asset above
	/// the asset's minimum balance less what rounds under settlement have committed. The one rule of what a
	/// program may spend.
	pub(crate) fn spendable(index: ProgramIndex, program: &Program<T>) -> BalanceOf<T> {
		T::Assets::reducible_balance(
			program.asset.clone().into(),
			&Self::program_account(index),
			Preservation::Preserve,
			Fortitude::Polite,
		)
		.saturating_sub(program.committed)
		.min(program.uncommitted())
	}

	/// Whether `who` may never be paid by, nor sit on the roster of, program `index`: the
	/// program's own account and the treasury.
	pub fn is_reserved(index: ProgramIndex, who: &T::AccountId) -> bool {
		*who == Self::program_account(index) || *who == T::TreasuryAccount::get()
	}

	/// The record a proposal of `spec` by `lead` stores, proposed at block `now`.
	pub fn proposed_record(
		lead: T::AccountId,
		spec: ProgramSpec<T>,
		now: BlockNumberOf<T>,
	) -> Result<Program<T>, DispatchError> {
		let ProgramSpec {
			title,
			description,
			asset,
			budget,
			milestones,
			pools,
			duration,
			activity_threshold,
			max_seniors,
			min_crew,
			// Stored on its own ([`Panels`]).
			panel: _,
		} = spec;
		let pool_spent = pools
			.iter()
			.map(|_| Spending::default())
			.collect::<Vec<_>>()
			.try_into()
			// One record a pool of the spec, which holds at most `MaxPools`.
			.map_err(|_| {
				defensive!("a spec has more pools than MaxPools");
				Error::<T>::Inconsistent
			})?;
		Ok(Program {
			lead,
			title,
			description,
			status: ProgramStatus::Proposed,
			asset,
			budget,
			released: Zero::zero(),
			owed: Default::default(),
			paid: Zero::zero(),
			bond: Zero::zero(),
			milestones,
			pools,
			pool_spent,
			duration,
			proposed_at: now,
			milestones_approved: 0,
			roster_count: 0,
			beneficiaries: Default::default(),
			spending_records: 0,
			barred: 0,
			activity_threshold,
			max_seniors,
			min_crew,
			seniors: 0,
			open_rounds: 0,
			committed: Zero::zero(),
			last_final: None,
		})
	}

	/// Sends what `who` holds for `reason`, up to `amount`, to the treasury: a slashed bond or
	/// deposit. Returns what moved.
	pub(crate) fn slash_to_treasury(
		reason: HoldReason,
		who: &T::AccountId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		T::Currency::transfer_on_hold(
			&reason.into(),
			who,
			&T::TreasuryAccount::get(),
			amount,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
	}

	/// The bond of a proposal whose record is `program`, with its scoring panel if any: the
	/// base, and the per-byte part for what it stores (the full text stays off chain).
	pub fn bond_for(program: &Program<T>, panel: Option<&Panel<T>>) -> BalanceOf<T> {
		let panel = panel.map_or(0, |panel| panel.encoded_size());
		let stored = program.encoded_size().saturating_add(panel) as u32;
		T::ProgramBondPerByte::get()
			.saturating_mul(stored.into())
			.saturating_add(T::ProgramBondBase::get())
	}

	pub(crate) fn do_propose_program(lead: T::AccountId, spec: ProgramSpec<T>) -> DispatchResult {
		Self::validate_spec(&spec)?;
		let index = ProgramCount::<T>::get();
		let next = index.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		if let Some(panel) = &spec.panel {
			Self::validate_panel(index, panel)?;
		}
		let panel = spec.panel.clone();
		let now = T::BlockNumberProvider::current_block_number();
		let mut program = Self::proposed_record(lead.clone(), spec, now)?;
		let bond = Self::bond_for(&program, panel.as_ref());
		// What a hold can take; any other failure of the hold (too many consumers, say) is
		// reported as the hold reports it.
		ensure!(
			bond <= T::Currency::reducible_balance(&lead, Preservation::Protect, Fortitude::Force),
			Error::<T>::InsufficientBond
		);
		T::Currency::hold(&HoldReason::ProgramBond.into(), &lead, bond)?;
		program.bond = bond;
		let event = Event::ProgramProposed {
			index,
			lead,
			description: program.description,
			asset: program.asset.clone(),
			budget: program.budget,
			bond,
			milestones: program.milestones.len() as u32,
			pools: program.pools.len() as u32,
			duration: program.duration,
		};
		Programs::<T>::insert(index, program);
		if let Some(panel) = panel {
			Panels::<T>::insert(index, panel);
		}
		ProgramCount::<T>::put(next);
		Self::deposit_event(event);
		Ok(())
	}

	pub(crate) fn do_approve_program(index: ProgramIndex, limit: BalanceOf<T>) -> DispatchResult {
		let mut program = Self::program(index)?;
		ensure!(program.status == ProgramStatus::Proposed, Error::<T>::NotProposed);
		// The limit is in native tokens, as pallet-treasury's: a budget in an asset counts at
		// its value at a rate that is not stale.
		let value = Self::to_native(program.budget, &program.asset)?;
		ensure!(value <= limit, Error::<T>::InsufficientPermission);

		let bond_released = T::Currency::release(
			&HoldReason::ProgramBond.into(),
			&program.lead,
			program.bond,
			Precision::BestEffort,
		)?;
		let approved_at = T::BlockNumberProvider::current_block_number();
		let ends_at = approved_at.saturating_add(program.duration);
		program.status = ProgramStatus::Active { approved_at, ends_at };
		program.bond = Zero::zero();
		let account = Self::program_account(index);
		Self::deposit_event(Event::ProgramApproved {
			index,
			lead: program.lead.clone(),
			account,
			bond_released,
			approved_at,
			ends_at,
		});

		let first = program.milestones.first().map(|m| m.tranche).unwrap_or_default();
		Self::fund_tranche(index, &mut program, 0, first)?;
		Programs::<T>::insert(index, program);
		Ok(())
	}

	pub(crate) fn do_reject_program(index: ProgramIndex) -> DispatchResult {
		let program = Self::program(index)?;
		ensure!(program.status == ProgramStatus::Proposed, Error::<T>::NotProposed);

		let slashed =
			Self::slash_to_treasury(HoldReason::ProgramBond, &program.lead, program.bond)?;
		// A proposed program has no roster, reports or spending: only its panel to clear.
		Programs::<T>::remove(index);
		Panels::<T>::remove(index);
		Self::deposit_event(Event::ProgramRejected { index, lead: program.lead, slashed });
		Ok(())
	}

	/// Cancels an active program; returns the weight of its first clean-up step.
	pub(crate) fn do_cancel_program(index: ProgramIndex) -> Result<Weight, DispatchError> {
		let program = Self::program(index)?;
		Self::ensure_active(&program)?;
		let records = Self::ensure_payments_closable(index, true)?;
		let (owed_dropped, paid) = (program.owed_total(), program.paid);
		let refunded = Self::sweep(&Self::program_account(index), &program.asset)?;
		Self::deposit_event(Event::ProgramCancelled { index, refunded, owed_dropped, paid });
		Ok(T::WeightInfo::cancel_program(Self::remove_program(index, &program, records)))
	}

	/// Closes an active program, or ends it if the lead closes it early with rounds open;
	/// returns the weight it used (that of its first clean-up step).
	pub(crate) fn do_close_program(
		index: ProgramIndex,
		by: T::AccountId,
	) -> Result<Weight, DispatchError> {
		let mut program = Self::program(index)?;
		let schedule = Self::ensure_active(&program)?;
		let now = T::BlockNumberProvider::current_block_number();
		let expired = now > schedule.ends_at;
		let finished = by == program.lead && program.all_milestones_approved();
		ensure!(expired || finished, Error::<T>::CannotCloseYet);
		// A report made before the end block is the council's to decide: late votes count.
		let pending = Reports::<T>::get(index, program.milestones_approved)
			.is_some_and(|report| report.status == ReportStatus::Pending);
		ensure!(!pending, Error::<T>::ReportPending);
		// Members are paid for the periods they worked. After the end block, anyone closes once
		// the last period's filing window is over and every round is settled, or once a final
		// round had its window to be settled (what is left is dropped, deposits returned by
		// the clean-up).
		if expired {
			let last = schedule.last_period();
			let settled = program.open_rounds == 0 && now >= schedule.filing_deadline(last);
			let windows_passed = now >= schedule.settlement_deadline(last);
			ensure!(settled || windows_passed, Error::<T>::RoundsOpen);
		} else if program.open_rounds > 0 {
			// A lead who finished early with rounds open ends the program now: its rounds run
			// their windows as after any end, and no new period's round can keep it open.
			program.status =
				ProgramStatus::Active { approved_at: schedule.approved_at, ends_at: now };
			Programs::<T>::insert(index, program);
			Self::deposit_event(Event::ProgramEnded { index, by, ends_at: now });
			return Ok(T::WeightInfo::close_program(0));
		}

		let records = Self::ensure_payments_closable(index, false)?;
		let (owed_dropped, paid) = (program.owed_total(), program.paid);
		let refunded = Self::sweep(&Self::program_account(index), &program.asset)?;
		Self::deposit_event(Event::ProgramClosed {
			index,
			by,
			expired,
			refunded,
			owed_dropped,
			paid,
		});
		Ok(T::WeightInfo::close_program(Self::remove_program(index, &program, records)))
	}

	/// Names `new` the lead. A member of the roster may be named (the lead cannot block the
	/// council's choice by enrolling it): it leaves the roster, since the lead is never on its
	/// own roster, and as lead it is paid from no pool but a `Lead` one. Returns the crew that
	/// left with it.
	pub(crate) fn do_set_lead(
		index: ProgramIndex,
		new: T::AccountId,
	) -> Result<Weight, DispatchError> {
		ensure!(!Self::is_reserved(index, &new), Error::<T>::ReservedAccount);
		let mut program = Self::program(index)?;
		Self::ensure_active(&program)?;
		let crew = Self::leave_roster_to_lead(index, &mut program, &new);
		let old = core::mem::replace(&mut program.lead, new.clone());
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::LeadChanged { index, old, new });
		Ok(T::WeightInfo::set_lead(crew))
	}

	/// Pays owed tranches oldest first while the treasury can.
	pub(crate) fn do_release_tranche(index: ProgramIndex) -> DispatchResult {
		let mut program = Self::program(index)?;
		Self::ensure_active(&program)?;
		ensure!(!program.owed.is_empty(), Error::<T>::NothingOwed);
		let account = Self::program_account(index);
		let mut paid_any = false;
		while let Some(owed) = program.owed.first().copied() {
			if !Self::pay_tranche(&account, &program.asset, owed.amount) {
				break;
			}
			program.owed.remove(0);
			program.released = program.released.saturating_add(owed.amount);
			paid_any = true;
			Self::deposit_event(Event::TrancheReleased {
				index,
				tranche: owed.tranche,
				amount: owed.amount,
				account: account.clone(),
			});
		}
		ensure!(paid_any, Error::<T>::InsufficientTreasury);
		Programs::<T>::insert(index, program);
		Ok(())
	}

	pub(crate) fn do_reclaim(
		index: ProgramIndex,
		asset: Denomination<T::AssetKind>,
	) -> DispatchResult {
		ensure!(index < ProgramCount::<T>::get(), Error::<T>::UnknownProgram);
		ensure!(!Programs::<T>::contains_key(index), Error::<T>::ProgramStillOpen);
		let amount = Self::sweep(&Self::program_account(index), &asset)?;
		ensure!(!amount.is_zero(), Error::<T>::NothingToReclaim);
		Self::deposit_event(Event::Reclaimed { index, asset, amount });
		Ok(())
	}

	/// Checks a spec's consistency (see [`Pallet::propose_program`]).
	pub(crate) fn validate_spec(spec: &ProgramSpec<T>) -> DispatchResult {
		ensure!(!spec.title.is_empty(), Error::<T>::EmptyTitle);
		ensure!(!spec.milestones.is_empty(), Error::<T>::NoMilestones);
		let asset: AssetIdOf<T> = spec.asset.clone().into();
		ensure!(T::Assets::asset_exists(asset.clone()), Error::<T>::UnknownAsset);
		let minimum = T::Assets::minimum_balance(asset);
		let mut sum = BalanceOf::<T>::zero();
		for milestone in &spec.milestones {
			ensure!(milestone.target > 0, Error::<T>::ZeroTarget);
			// The chain counts an on-chain figure among the accounts on the roster.
			if milestone.metric.is_on_chain() {
				ensure!(
					milestone.target <= T::MaxRoster::get() as u64,
					Error::<T>::UnreachableTarget
				);
			}
			ensure!(milestone.tranche >= minimum, Error::<T>::TrancheBelowMinimum);
			sum = sum.checked_add(&milestone.tranche).ok_or(Error::<T>::BudgetMismatch)?;
		}
		ensure!(sum == spec.budget, Error::<T>::BudgetMismatch);
		ensure!(
			!spec.duration.is_zero() && spec.duration <= T::MaxDuration::get(),
			Error::<T>::InvalidDuration
		);
		let mut scored = (false, false);
		for pool in &spec.pools {
			ensure!(
				spec.asset == Denomination::Native || pool.denomination == spec.asset,
				Error::<T>::DenominationMismatch
			);
			ensure!(!pool.period_cap.is_zero(), Error::<T>::ZeroCap);
			if let Some(member_cap) = pool.member_cap {
				ensure!(!member_cap.is_zero(), Error::<T>::ZeroCap);
				ensure!(member_cap <= pool.period_cap, Error::<T>::MemberCapAbovePoolCap);
			}
			if let Payout::Scored { threshold, split } = pool.payout {
				ensure!(threshold <= MAX_SCORE, Error::<T>::InvalidScore);
				ensure!(
					split != Split::Linear || pool.member_cap.is_some(),
					Error::<T>::LinearNeedsMemberCap
				);
				// One scored pool per kind of filer: a report or claim is paid by one pool.
				let seen = match pool.eligibility {
					Eligibility::SeniorAmbassadors => &mut scored.0,
					Eligibility::Contributors => &mut scored.1,
					Eligibility::Lead => Err(Error::<T>::InvalidScoredPool)?,
				};
				ensure!(!*seen, Error::<T>::InvalidScoredPool);
				*seen = true;
			}
		}
		ensure!(spec.activity_threshold <= MAX_SCORE, Error::<T>::InvalidScore);
		ensure!(spec.min_crew <= T::MaxCrew::get(), Error::<T>::InvalidSeniorRules);
		if let Some(max) = spec.max_seniors {
			ensure!(max > 0 && max <= T::MaxRoster::get(), Error::<T>::InvalidSeniorRules);
		}
		Ok(())
	}

	/// The program, if `caller` leads it and it is open for the lead's calls.
	pub(crate) fn lead_program(
		index: ProgramIndex,
		caller: &T::AccountId,
	) -> Result<Program<T>, DispatchError> {
		let program = Self::program(index)?;
		ensure!(&program.lead == caller, Error::<T>::NotLead);
		Self::ensure_open(&program)?;
		Ok(program)
	}

	/// Program `index`, or `UnknownProgram`: the one reader of a program for the calls.
	pub(crate) fn program(index: ProgramIndex) -> Result<Program<T>, DispatchError> {
		Programs::<T>::get(index).ok_or_else(|| Error::<T>::UnknownProgram.into())
	}

	/// Ensures the program is Active (its end block may have passed); returns its calendar.
	pub(crate) fn ensure_active(program: &Program<T>) -> Result<Schedule<T>, DispatchError> {
		program.schedule().ok_or_else(|| Error::<T>::NotActive.into())
	}

	/// Ensures the program is Active and its end block has not passed (the lead may act);
	/// returns its calendar.
	pub(crate) fn ensure_open(program: &Program<T>) -> Result<Schedule<T>, DispatchError> {
		let schedule = Self::ensure_active(program)?;
		ensure!(
			T::BlockNumberProvider::current_block_number() <= schedule.ends_at,
			Error::<T>::ProgramExpired
		);
		Ok(schedule)
	}

	/// Funds tranche `tranche` of `amount`: paid now if the treasury can and nothing older is
	/// owed, else owed.
	pub(crate) fn fund_tranche(
		index: ProgramIndex,
		program: &mut Program<T>,
		tranche: MilestoneIndex,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let account = Self::program_account(index);
		// Owed tranches are paid in order: a later one never overtakes an earlier one.
		if program.owed.is_empty() && Self::pay_tranche(&account, &program.asset, amount) {
			program.released = program.released.saturating_add(amount);
			Self::deposit_event(Event::TrancheReleased { index, tranche, amount, account });
		} else {
			program
				.owed
				.try_push(OwedTranche { tranche, amount })
				.map_err(|_| ArithmeticError::Overflow)?;
			Self::deposit_event(Event::TrancheOwed { index, tranche, amount });
		}
		Ok(())
	}
}
