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

//! The rules that always hold, checked by `try_state` (and after every unit test). Work is
//! linear in the programs and their bounded storage: for try-runtime and tests only.

use crate::{pallet::*, *};
use frame_support::traits::{fungible::InspectHold, fungibles::Inspect as _};
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Checks the rules of the crate docs for every program, and that nothing of a removed
	/// program is left once its clean-up finished.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let count = ProgramCount::<T>::get();
		let mut bonds: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		let mut claim_deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		for (index, program) in Programs::<T>::iter() {
			ensure!(index < count, "program index at or above ProgramCount");
			ensure!(!program.title.is_empty(), "program without a title");
			ensure!(
				program.pool_spent.len() == program.pools.len(),
				"a spending record for each pool"
			);
			ensure!(!Cleanups::<T>::contains_key(index), "a live program being cleared");
			Self::check_funds(index, &program)?;
			match program.status {
				ProgramStatus::Proposed => {
					ensure!(program.released.is_zero(), "proposed program with released funds");
					let bond = bonds.entry(program.lead.clone()).or_default();
					*bond = bond.saturating_add(program.bond);
				},
				ProgramStatus::Active { approved_at, ends_at } => {
					ensure!(program.bond.is_zero(), "active program with a bond");
					Self::check_spending(index, &program, Schedule::new(approved_at, ends_at))?;
				},
			}
			Self::check_roster(index, &program)?;
			Self::check_reports(index, &program)?;
			Self::check_rounds(index, &program, &mut claim_deposits)?;
			Self::check_panel(index)?;
		}
		for (lead, bond) in bonds {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProgramBond.into(), &lead) == bond,
				"held bond differs from the bonds of proposed programs"
			);
		}
		for (index, stages) in Cleanups::<T>::iter() {
			ensure!(index < count, "clean-up of a program never proposed");
			ensure!(!stages.is_empty(), "a finished clean-up is still recorded");
			// Claims of a program being cleared still hold their deposits until their page goes.
			for page in RoundPages::<T>::iter_prefix_values(index) {
				for entry in page {
					if let EntryKind::Claim { deposit, .. } = entry.kind {
						let held = claim_deposits.entry(entry.who).or_default();
						*held = held.saturating_add(deposit);
					}
				}
			}
		}
		for (who, deposit) in claim_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ClaimDeposit.into(), &who) == deposit,
				"held claim deposit differs from the open claims"
			);
		}
		Self::check_appeals()?;
		// Each payee record holds its deposit, and no deposit is held without one.
		for (who, payee) in Payees::<T>::iter() {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::PayeeDeposit.into(), &who)
					== payee.deposit,
				"held payee deposit differs from the payee record"
			);
		}
		Self::check_no_leftovers()
	}

	/// Rule 2: released + owed <= budget, paid <= released, the account holds released - paid.
	fn check_funds(index: ProgramIndex, program: &Program<T>) -> Result<(), TryRuntimeError> {
		ensure!(
			program.released.saturating_add(program.owed_total()) <= program.budget,
			"released + owed above budget"
		);
		ensure!(
			program.paid.saturating_add(program.committed) <= program.released,
			"paid + committed above released"
		);
		// Owed tranches are queued in milestone order, none beyond the approvals.
		let mut last = None;
		for owed in program.owed.iter() {
			ensure!(last.is_none_or(|l| l < owed.tranche), "owed tranches out of order");
			ensure!(owed.tranche <= program.milestones_approved, "owed tranche not approved");
			last = Some(owed.tranche);
		}
		let earmarked = Self::check_payments(index)?;
		// In the program's asset: what each asset's programs owe is held in that asset.
		let held = T::Assets::balance(program.asset.clone().into(), &Self::program_account(index));
		ensure!(
			held >= program.unspent().saturating_add(earmarked),
			"program account holds less of its asset than released - paid + the failed \
			 payments it owes"
		);
		Ok(())
	}

	/// Rule 8: the payment book counts the records, none above `MaxOpenPayments`; returns what
	/// the failed payments owe (earmarked in the program account).
	fn check_payments(index: ProgramIndex) -> Result<BalanceOf<T>, TryRuntimeError> {
		let book = PaymentBooks::<T>::get(index);
		let (mut open, mut in_progress, mut earmarked) = (0u32, 0u32, BalanceOf::<T>::zero());
		let mut latest_failure = None;
		for (payment, record) in Payments::<T>::iter_prefix(index) {
			ensure!(payment < book.next, "payment record at or above the book's next index");
			open += 1;
			match record.state {
				PaymentState::InProgress { .. } => in_progress += 1,
				PaymentState::Failed { at } => {
					earmarked = earmarked.saturating_add(record.amount);
					latest_failure = latest_failure.max(Some(at));
				},
			}
		}
		ensure!(open == book.open, "payment book's open count differs from its records");
		ensure!(book.in_progress == in_progress, "payment book's in-progress count is wrong");
		ensure!(open <= T::MaxOpenPayments::get(), "more payments recorded than MaxOpenPayments");
		ensure!(
			latest_failure.is_none() || latest_failure <= book.last_failed_at,
			"a failed payment later than the book's latest failure"
		);
		Ok(earmarked)
	}

	/// Rule 3: this period's spending within the caps, and the per-period beneficiary count.
	fn check_spending(
		index: ProgramIndex,
		program: &Program<T>,
		schedule: Schedule<T>,
	) -> Result<(), TryRuntimeError> {
		let period = schedule.current_period();
		for (pool, spending) in program.pools.iter().zip(program.pool_spent.iter()) {
			ensure!(spending.spent_in(period) <= pool.period_cap, "pool above its cap");
		}
		let (mut records, mut this_period) = (0u32, 0u32);
		for ((pool_index, who), spending) in MemberSpending::<T>::iter_prefix(index) {
			records += 1;
			if spending.period == period {
				this_period += 1;
			}
			ensure!(!Self::is_reserved(index, &who), "a reserved account was paid");
			let cap = program
				.pools
				.get(pool_index as usize)
				.and_then(|pool| pool.member_cap)
				.ok_or("member spending of a pool without member cap")?;
			ensure!(spending.spent_in(period) <= cap, "member above its cap");
		}
		ensure!(records == program.spending_records, "spending record count mismatch");
		ensure!(
			this_period == program.beneficiaries.count_in(period),
			"beneficiary count of this period mismatch"
		);
		ensure!(this_period <= T::MaxBeneficiaries::get(), "too many beneficiaries this period");
		Ok(())
	}

	/// Rule 5 and the roster's shape: counts, crews, bars, no lead or reserved account.
	fn check_roster(index: ProgramIndex, program: &Program<T>) -> Result<(), TryRuntimeError> {
		let (mut members, mut ambassadors) = (0u32, 0u32);
		for (who, member) in Roster::<T>::iter_prefix(index) {
			members += 1;
			ensure!(!Self::is_reserved(index, &who), "a reserved account is on the roster");
			ensure!(!Barred::<T>::contains_key(index, &who), "a barred account is on the roster");
			match (&member.role, &member.senior) {
				(Role::Ambassador, Some(senior)) => {
					ambassadors += 1;
					ensure!(
						Roster::<T>::get(index, senior)
							.is_some_and(|s| s.role == Role::SeniorAmbassador),
						"ambassador without a senior on the roster"
					);
					ensure!(
						Crews::<T>::get(index, senior).contains(&who),
						"ambassador missing from its senior's crew"
					);
				},
				(Role::SeniorAmbassador, None) => ensure!(
					member.crew as usize == Crews::<T>::get(index, &who).len(),
					"crew count differs from the crew"
				),
				_ => return Err("a member's role and senior disagree".into()),
			}
		}
		ensure!(members == program.roster_count, "roster count mismatch");
		ensure!(!Roster::<T>::contains_key(index, &program.lead), "the lead is on its roster");
		let seniors = members.saturating_sub(ambassadors);
		ensure!(seniors == program.seniors, "senior count mismatch");
		ensure!(program.max_seniors.is_none_or(|max| seniors <= max), "seniors above max_seniors");
		ensure!(members <= T::MaxRoster::get(), "roster above MaxRoster");
		let mut crew_members = 0u32;
		for (senior, crew) in Crews::<T>::iter_prefix(index) {
			ensure!(!crew.is_empty(), "an empty crew is stored");
			ensure!(Roster::<T>::contains_key(index, &senior), "a crew without its senior");
			crew_members += crew.len() as u32;
		}
		ensure!(crew_members == ambassadors, "crews and ambassadors disagree");
		ensure!(
			Barred::<T>::iter_prefix(index).count() as u32 == program.barred,
			"barred count mismatch"
		);
		Ok(())
	}

	/// Reports follow the milestones: approved before the next one, pending or rejected at it.
	fn check_reports(index: ProgramIndex, program: &Program<T>) -> Result<(), TryRuntimeError> {
		for (milestone, report) in Reports::<T>::iter_prefix(index) {
			ensure!(
				milestone <= program.milestones_approved,
				"report of a milestone beyond the next one"
			);
			ensure!(
				report.is_approved() == (milestone < program.milestones_approved),
				"report approval out of step with milestones_approved"
			);
			ensure!(report.attempt >= 1, "report without an attempt number");
		}
		Ok(())
	}

	/// The panel and the assessments: a panel has distinct reviewers, none on the roster, and a
	/// quorum it can reach; a round's assessments belong to a stored round, are no longer than
	/// its filers and end with one that holds something; proposals and reviews are scores, each
	/// review by a reviewer of the panel, once an entry; with a panel, every entry's score is
	/// the median of its reviews (none below the quorum).
	fn check_panel(index: ProgramIndex) -> Result<(), TryRuntimeError> {
		let panel = Panels::<T>::get(index);
		if let Some(panel) = &panel {
			let reviewers = panel.reviewers.len() as u32;
			ensure!((1..=reviewers).contains(&panel.quorum), "a panel's quorum is out of reach");
			for (position, reviewer) in panel.reviewers.iter().enumerate() {
				ensure!(!Roster::<T>::contains_key(index, reviewer), "a reviewer is on the roster");
				ensure!(
					!panel.reviewers.iter().skip(position + 1).any(|other| other == reviewer),
					"a reviewer sits twice on a panel"
				);
			}
		}
		for (period, assessments) in Assessments::<T>::iter_prefix(index) {
			let round = Rounds::<T>::get(index, period).ok_or("assessments of no round")?;
			ensure!(assessments.len() <= round.filers.len(), "an assessment of no filer");
			ensure!(
				assessments.last().is_some_and(|last| !last.is_empty()),
				"empty assessments are stored"
			);
			for assessment in &assessments {
				ensure!(assessment.proposed.is_none_or(|s| s <= MAX_SCORE), "proposal above 100");
				for (position, (by, score)) in assessment.reviews.iter().enumerate() {
					ensure!(*score <= MAX_SCORE, "review above 100");
					let on_panel =
						panel.as_ref().is_some_and(|p| (*by as usize) < p.reviewers.len());
					ensure!(on_panel, "a review by no reviewer of the panel");
					ensure!(
						!assessment.reviews.iter().skip(position + 1).any(|(other, _)| other == by),
						"a reviewer scored an entry twice"
					);
				}
			}
		}
		if let Some(panel) = panel {
			for (period, round) in Rounds::<T>::iter_prefix(index) {
				let assessments = Assessments::<T>::get(index, period).unwrap_or_default();
				for (position, filer) in round.filers.iter().enumerate() {
					let assessment = assessments.get(position);
					// The council's score of an upheld appeal replaces the median.
					if assessment.is_some_and(|a| a.appeal == Some(AppealState::Upheld)) {
						continue;
					}
					let median = assessment.and_then(|a| a.median(panel.quorum));
					ensure!(filer.score == median, "a score is not the median of its reviews");
				}
			}
		}
		Ok(())
	}

	/// Appeals: each round's count of open appeals is the open appeals of its assessments, its
	/// checks belong to a stored round, and every account holds, for appeals, exactly the
	/// deposits of its open appeals (of live programs and of programs being cleared alike).
	fn check_appeals() -> Result<(), TryRuntimeError> {
		let mut deposits: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		for (index, period, assessments) in Assessments::<T>::iter() {
			let round = Rounds::<T>::get(index, period).ok_or("assessments of no round")?;
			let mut open = 0u32;
			for (filer, assessment) in round.filers.iter().zip(assessments.iter()) {
				if let Some(deposit) = assessment.open_appeal() {
					open += 1;
					let held = deposits.entry(filer.who.clone()).or_default();
					*held = held.saturating_add(deposit);
				}
			}
			ensure!(
				RoundChecks::<T>::get(index, period).map_or(0, |c| c.open_appeals) == open,
				"a round's count of open appeals differs from its appeals"
			);
		}
		for (index, period, check) in RoundChecks::<T>::iter() {
			ensure!(Rounds::<T>::contains_key(index, period), "checks of no round");
			ensure!(
				check.open_appeals == 0 || Assessments::<T>::contains_key(index, period),
				"open appeals without their assessments"
			);
		}
		for (who, deposit) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::AppealDeposit.into(), &who) == deposit,
				"held appeal deposit differs from the open appeals"
			);
		}
		Ok(())
	}

	/// Rounds: counted in `open_rounds`; every filer has its entry at its position in the
	/// pages and every page belongs to a round; the roster's part of a round is reserved (claims
	/// within `MaxEntriesPerRound - MaxRoster`); a settling round has every payment fixed, their
	/// sum committed, and no scored pool paying above its cap.
	fn check_rounds(
		index: ProgramIndex,
		program: &Program<T>,
		deposits: &mut alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>>,
	) -> Result<(), TryRuntimeError> {
		let (mut rounds, mut committed, mut pages) = (0u32, BalanceOf::<T>::zero(), 0u32);
		for (period, round) in Rounds::<T>::iter_prefix(index) {
			rounds += 1;
			committed = committed.saturating_add(round.committed);
			ensure!(!round.filers.is_empty(), "an empty round is stored");
			ensure!(round.claims() <= Self::claim_room(), "claims take the roster's part");
			let first_unpaid = match round.status {
				RoundStatus::Paying { next, .. } => next as usize,
				_ => 0,
			};
			let fixed = if round.is_paying() { program.pools.len() } else { 0 };
			ensure!(
				round.pools.len() == fixed,
				"a round's rates are fixed, for every pool, exactly when its settlement started"
			);
			let size = Self::page_size() as usize;
			ensure!(first_unpaid % size == 0, "a round is paid in whole pages");
			for (number, filers) in round.filers.chunks(size).enumerate() {
				let page = RoundPages::<T>::get(index, (period, number as u32));
				if number * size < first_unpaid {
					ensure!(page.is_none(), "a paid page is still stored");
					continue;
				}
				let page = page.ok_or("filers without their page")?;
				pages += 1;
				ensure!(page.len() == filers.len(), "a page and its filers differ in length");
				for (filer, entry) in filers.iter().zip(page.iter()) {
					ensure!(entry.who == filer.who, "an entry is not at its filer's position");
					ensure!(filer.score.is_none_or(|s| s <= MAX_SCORE), "score above 100");
					let claim = match entry.kind {
						EntryKind::Report => None,
						EntryKind::Claim { pool, deposit } => {
							let held = deposits.entry(filer.who.clone()).or_default();
							*held = held.saturating_add(deposit);
							Some(pool)
						},
					};
					ensure!(filer.claim == claim, "a filer and its entry differ in kind");
					if !round.is_paying() {
						ensure!(filer.payable.is_none(), "a payment fixed before the settlement");
					}
					if let Some(pool) = filer.payable {
						let scored = program.pools.get(pool as usize).map(|p| p.payout);
						let Some(Payout::Scored { threshold, .. }) = scored else {
							return Err("an entry payable by no scored pool".into());
						};
						ensure!(filer.score_or_zero() >= threshold, "paid below the threshold");
						ensure!(filer.who != program.lead || !filer.is_report(), "the lead paid");
					}
				}
			}
			let mut unique: alloc::vec::Vec<_> = round.filers.iter().map(|f| &f.who).collect();
			unique.sort();
			unique.dedup();
			ensure!(unique.len() == round.filers.len(), "an account filed twice in a round");
			if round.is_paying() {
				// The payments still to make are fixed: exactly what is committed, and each pool
				// in its cap.
				let mut to_pay = BalanceOf::<T>::zero();
				let mut per_pool = alloc::vec![BalanceOf::<T>::zero(); program.pools.len()];
				for filer in round.filers.iter().skip(first_unpaid) {
					let Some(payment) = Self::fixed_payment(program, &round.pools, filer) else {
						continue;
					};
					to_pay = to_pay.saturating_add(payment.native);
					let slot = per_pool.get_mut(payment.pool as usize).ok_or("no such pool")?;
					*slot = slot.saturating_add(payment.amount);
				}
				ensure!(to_pay <= round.committed, "payments to make above what is committed");
				if first_unpaid == 0 {
					ensure!(to_pay == round.committed, "a round commits more than it will pay");
				}
				for (pool, amount) in program.pools.iter().zip(per_pool) {
					ensure!(amount <= pool.period_cap, "a round pays above its pool's cap");
				}
			}
		}
		ensure!(rounds == program.open_rounds, "open round count mismatch");
		ensure!(committed == program.committed, "committed total mismatch");
		ensure!(
			RoundPages::<T>::iter_key_prefix(index).count() as u32 == pages,
			"a page without its round's filers"
		);
		if let Some(activity) = Activity::<T>::get(index) {
			ensure!(
				program.last_final.is_some_and(|last| last >= activity.period),
				"activity kept for a period never final"
			);
		}
		Ok(())
	}

	/// Nothing of a removed program is left, unless its clean-up is still under way.
	fn check_no_leftovers() -> Result<(), TryRuntimeError> {
		let live = |index: ProgramIndex| {
			Programs::<T>::contains_key(index) || Cleanups::<T>::contains_key(index)
		};
		for (index, _) in Roster::<T>::iter_keys() {
			ensure!(live(index), "roster entry of a removed program");
		}
		for (index, _) in Crews::<T>::iter_keys() {
			ensure!(live(index), "crew of a removed program");
		}
		for (index, _) in Barred::<T>::iter_keys() {
			ensure!(live(index), "bar of a removed program");
		}
		for (index, _) in Reports::<T>::iter_keys() {
			ensure!(live(index), "report of a removed program");
		}
		for (index, _) in MemberSpending::<T>::iter_keys() {
			ensure!(live(index), "member spending of a removed program");
		}
		for (index, _) in Rounds::<T>::iter_keys() {
			ensure!(live(index), "round of a removed program");
		}
		for (index, _) in RoundPages::<T>::iter_keys() {
			ensure!(live(index), "round page of a removed program");
		}
		for (index, _) in Assessments::<T>::iter_keys() {
			ensure!(live(index), "assessments of a removed program");
		}
		for index in Panels::<T>::iter_keys() {
			ensure!(Programs::<T>::contains_key(index), "panel of a removed program");
		}
		for (index, _) in Payments::<T>::iter_keys() {
			ensure!(live(index), "payment record of a removed program");
		}
		for index in PaymentBooks::<T>::iter_keys() {
			ensure!(Programs::<T>::contains_key(index), "payment book of a removed program");
		}
		for index in Activity::<T>::iter_keys() {
			ensure!(Programs::<T>::contains_key(index), "activity of a removed program");
		}
		Ok(())
	}
}
