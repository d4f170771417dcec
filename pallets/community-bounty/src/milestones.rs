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

//! Milestones: the lead reports, the council decides what it saw.
//!
//! Every report of a milestone is a numbered attempt. A decision names the attempt it decides
//! and, to approve, the figure it expects; for an on-chain metric the chain counts the figure
//! again when the decision executes. A different attempt, or a figure that fell below the
//! expected one, fails the decision and changes nothing: the council votes again on what is
//! true. Decisions on a report made before the end block still count after it.

use crate::{pallet::*, *};
use sp_runtime::traits::{BlockNumberProvider, Saturating};

impl<T: Config> Pallet<T> {
	/// The figure of record of `metric` now: the roster's size for `AmbassadorCount`, the
	/// active members on the roster for `ActiveMembers` (see `rounds/activity.rs`), else the reported
	/// figure; with the roster look-ups it took.
	pub(crate) fn figure_of_record(
		index: ProgramIndex,
		program: &Program<T>,
		metric: &Metric<TagOf<T>>,
		reported: u64,
	) -> (u64, u32) {
		match metric {
			Metric::AmbassadorCount => (program.roster_count as u64, 0),
			Metric::ActiveMembers => Self::count_active(index, program),
			Metric::CommunitySize | Metric::OffChain(_) => (reported, 0),
		}
	}

	/// The figure a council decision approves: what held both when the report was made and now
	/// (for an on-chain metric, members who joined after the report do not count, and neither
	/// do those who left since); with the roster look-ups it took.
	pub(crate) fn approved_figure(
		index: ProgramIndex,
		program: &Program<T>,
		metric: &Metric<TagOf<T>>,
		report: &MilestoneReport<T>,
	) -> (u64, u32) {
		let (now, looked_up) = Self::figure_of_record(index, program, metric, report.figure);
		(now.min(report.figure), looked_up)
	}

	pub(crate) fn do_report_milestone(
		index: ProgramIndex,
		caller: &T::AccountId,
		milestone: MilestoneIndex,
		claimed: u64,
		evidence: EvidenceOf<T>,
	) -> Result<Weight, DispatchError> {
		let evidence_len = evidence.len() as u32;
		let program = Self::lead_program(index, caller)?;
		let spec =
			program.milestones.get(milestone as usize).ok_or(Error::<T>::UnknownMilestone)?;
		ensure!(milestone == program.milestones_approved, Error::<T>::OutOfOrder);
		let attempt = match Reports::<T>::get(index, milestone) {
			None => 1,
			Some(report) => {
				ensure!(report.status == ReportStatus::Rejected, Error::<T>::AlreadyReported);
				report.attempt.saturating_add(1)
			},
		};

		let (figure, looked_up) = Self::figure_of_record(index, &program, &spec.metric, claimed);
		Reports::<T>::insert(
			index,
			milestone,
			MilestoneReport {
				claimed,
				figure,
				evidence: evidence.clone(),
				reported_at: T::BlockNumberProvider::current_block_number(),
				attempt,
				status: ReportStatus::Pending,
			},
		);
		Self::deposit_event(Event::MilestoneReported {
			index,
			milestone,
			attempt,
			metric: spec.metric.clone(),
			target: spec.target,
			claimed,
			figure,
			evidence,
		});
		Ok(T::WeightInfo::report_milestone(evidence_len, looked_up))
	}

	pub(crate) fn do_approve_milestone(
		index: ProgramIndex,
		milestone: MilestoneIndex,
		attempt: u32,
		expected_figure: u64,
		cut: Option<BalanceOf<T>>,
		limit: BalanceOf<T>,
	) -> Result<Weight, DispatchError> {
		let mut program = Self::program(index)?;
		Self::ensure_active(&program)?;
		let mut report = Self::pending_report(index, milestone, attempt)?;
		let spec =
			program.milestones.get(milestone as usize).ok_or(Error::<T>::UnknownMilestone)?;
		let target = spec.target;
		let (figure, looked_up) = Self::approved_figure(index, &program, &spec.metric, &report);
		ensure!(figure >= expected_figure, Error::<T>::FigureBelowExpected);

		let next = milestone.saturating_add(1);
		let planned = program.milestones.get(next as usize).map(|m| m.tranche);
		let cut = cut.unwrap_or_default();
		let next_tranche = match planned {
			Some(planned) => {
				ensure!(cut <= planned, Error::<T>::CutAboveTranche);
				planned.saturating_sub(cut)
			},
			None => {
				ensure!(cut.is_zero(), Error::<T>::NoNextTranche);
				Zero::zero()
			},
		};
		// In native tokens, as for a program's approval (see `do_approve_program`); releasing
		// nothing needs no rate.
		if !next_tranche.is_zero() {
			let value = Self::to_native(next_tranche, &program.asset)?;
			ensure!(value <= limit, Error::<T>::InsufficientPermission);
		}

		report.status = ReportStatus::Approved { figure };
		Reports::<T>::insert(index, milestone, report);
		program.milestones_approved = next;
		Self::deposit_event(Event::MilestoneApproved {
			index,
			milestone,
			attempt,
			target,
			figure,
			below_target: figure < target,
			cut,
			next_tranche,
		});
		Self::fund_tranche(index, &mut program, next, next_tranche)?;
		Programs::<T>::insert(index, program);
		Ok(T::WeightInfo::approve_milestone(looked_up))
	}

	pub(crate) fn do_reject_milestone(
		index: ProgramIndex,
		milestone: MilestoneIndex,
		attempt: u32,
	) -> DispatchResult {
		let program = Self::program(index)?;
		Self::ensure_active(&program)?;
		let mut report = Self::pending_report(index, milestone, attempt)?;
		let target =
			program.milestones.get(milestone as usize).map(|m| m.target).unwrap_or_default();
		let figure = report.figure;
		report.status = ReportStatus::Rejected;
		Reports::<T>::insert(index, milestone, report);
		Self::deposit_event(Event::MilestoneRejected { index, milestone, attempt, target, figure });
		Ok(())
	}

	/// The pending report of `milestone`, if it is report number `attempt`.
	fn pending_report(
		index: ProgramIndex,
		milestone: MilestoneIndex,
		attempt: u32,
	) -> Result<MilestoneReport<T>, Error<T>> {
		let report = Reports::<T>::get(index, milestone)
			.filter(|report| report.status == ReportStatus::Pending)
			.ok_or(Error::<T>::NoPendingReport)?;
		if report.attempt != attempt {
			return Err(Error::<T>::WrongAttempt);
		}
		Ok(report)
	}
}
