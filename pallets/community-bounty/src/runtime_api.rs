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

//! The runtime API of the pallet, and the views it returns: what wallets and dashboards read
//! instead of re-deriving the pallet's rules.

use crate::{
	BalanceOf, BlockNumberOf, Config, Denomination, Eligibility, Metric, MilestoneIndex, Pallet,
	Panels, Payout, PeriodIndex, ProgramIndex, Programs, ReportStatus, Reports,
};
use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use sp_runtime::traits::{BlockNumberProvider, Saturating, Zero};

/// Where a program is, as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum ProgramStateView<BlockNumber> {
	/// Waiting for the council.
	Proposed,
	/// Running (or past its end block, `expired`, waiting to be closed).
	Active {
		/// The block of approval.
		approved_at: BlockNumber,
		/// The last block of the program.
		ends_at: BlockNumber,
		/// Whether the end block has passed.
		expired: bool,
	},
}

/// A milestone report as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ReportView<BlockNumber> {
	/// The lead's figure.
	pub claimed: u64,
	/// The figure of record (counted by the chain for `AmbassadorCount` and `ActiveMembers`).
	pub figure: u64,
	/// The evidence reference.
	pub evidence: Vec<u8>,
	/// The block of the report.
	pub reported_at: BlockNumber,
	/// Which report of the milestone this is, from 1: what the council's decision names.
	pub attempt: u32,
	/// Pending, approved (with the approved figure) or rejected.
	pub status: ReportStatus,
}

/// A milestone with its report, if any.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MilestoneView<Balance, BlockNumber> {
	/// What is measured (an off-chain metric's name as bytes).
	pub metric: Metric<Vec<u8>>,
	/// The figure promised.
	pub target: u64,
	/// The planned tranche.
	pub tranche: Balance,
	/// The latest report: pending, approved or rejected.
	pub report: Option<ReportView<BlockNumber>>,
}

/// A reward pool and what it can still pay in the current period.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PoolView<Balance, AssetKind> {
	/// Who may be paid.
	pub eligibility: Eligibility,
	/// The unit of the caps.
	pub denomination: Denomination<AssetKind>,
	/// The cap per period.
	pub period_cap: Balance,
	/// The cap per beneficiary per period.
	pub member_cap: Option<Balance>,
	/// Direct awards, or the monthly round's scores.
	pub payout: Payout,
	/// Spent in the current period, in the denomination.
	pub spent: Balance,
	/// What the pool may still pay this period, in the denomination.
	pub remaining: Balance,
	/// `remaining` in the asset the program pays in: as it is for a cap in that asset, at
	/// today's rate for a USD cap paid in native tokens (`None` if there is no rate, or a stale
	/// one).
	pub remaining_paid: Option<Balance>,
}

/// A program as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ProgramView<AccountId, Balance, BlockNumber, AssetKind> {
	/// The program's index.
	pub index: ProgramIndex,
	/// The lead.
	pub lead: AccountId,
	/// Proposed or Active.
	pub status: ProgramStateView<BlockNumber>,
	/// The account holding the program's funds.
	pub account: AccountId,
	/// The title.
	pub title: Vec<u8>,
	/// The hash of the proposal's full text (kept off chain), as bytes.
	pub description: Vec<u8>,
	/// What the program pays in: every amount below but the bond is in it.
	pub asset: Denomination<AssetKind>,
	/// The sum of the planned tranches.
	pub budget: Balance,
	/// Moved from the treasury so far.
	pub released: Balance,
	/// Approved tranches the treasury could not pay yet.
	pub owed: Balance,
	/// Paid out as rewards.
	pub paid: Balance,
	/// The bond held while Proposed.
	pub bond: Balance,
	/// Members on the roster.
	pub roster_count: u32,
	/// Senior Ambassadors on the roster.
	pub seniors: u32,
	/// Fixed for rounds under settlement and not yet paid.
	pub committed: Balance,
	/// Monthly rounds filed to and not yet settled.
	pub open_rounds: u32,
	/// Active members of the last final round: the figure of `ActiveMembers` now.
	pub active_members: u64,
	/// The current payout period (0 while Proposed).
	pub period: PeriodIndex,
	/// The milestones, with their reports.
	pub milestones: Vec<MilestoneView<Balance, BlockNumber>>,
	/// The reward pools, with what they can still pay this period.
	pub pools: Vec<PoolView<Balance, AssetKind>>,
	/// The scoring panel, if the spec named one (else the lead scores alone).
	pub panel: Option<PanelView<AccountId>>,
}

/// A program's scoring panel as the runtime API reports it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PanelView<AccountId> {
	/// The reviewers, in the panel's order (a review names its reviewer by this position).
	pub reviewers: Vec<AccountId>,
	/// How many reviews an entry needs to have a score.
	pub quorum: u32,
}

sp_api::decl_runtime_apis! {
	/// Read access to community-bounty programs.
	pub trait CommunityBountyApi<AccountId, Balance, BlockNumber, AssetKind>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		AssetKind: Codec,
	{
		/// The number of programs ever proposed; indices below it that have no program were
		/// closed, cancelled or rejected.
		fn program_count() -> ProgramIndex;

		/// A proposed or active program, with its milestones, reports and pools.
		fn program(index: ProgramIndex) -> Option<ProgramView<AccountId, Balance, BlockNumber, AssetKind>>;
	}
}

/// The view of a program that [`CommunityBountyApi::program`] returns.
pub fn program_view<T: Config>(
	index: ProgramIndex,
) -> Option<ProgramView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>, T::AssetKind>> {
	let program = Programs::<T>::get(index)?;
	let owed = program.owed_total();
	let active_members = Pallet::<T>::active_members(index, &program);
	let now = T::BlockNumberProvider::current_block_number();
	let (status, period) = match program.schedule() {
		None => (ProgramStateView::Proposed, 0),
		Some(schedule) => (
			ProgramStateView::Active {
				approved_at: schedule.approved_at,
				ends_at: schedule.ends_at,
				expired: now > schedule.ends_at,
			},
			schedule.period_at(now),
		),
	};
	let milestones = program
		.milestones
		.iter()
		.enumerate()
		.map(|(k, m)| MilestoneView {
			metric: match &m.metric {
				Metric::AmbassadorCount => Metric::AmbassadorCount,
				Metric::CommunitySize => Metric::CommunitySize,
				Metric::OffChain(name) => Metric::OffChain(name.to_vec()),
				Metric::ActiveMembers => Metric::ActiveMembers,
			},
			target: m.target,
			tranche: m.tranche,
			report: Reports::<T>::get(index, k as MilestoneIndex).map(|r| ReportView {
				claimed: r.claimed,
				figure: r.figure,
				evidence: r.evidence.to_vec(),
				reported_at: r.reported_at,
				attempt: r.attempt,
				status: r.status,
			}),
		})
		.collect();
	let pools = program
		.pools
		.iter()
		.enumerate()
		.map(|(p, pool)| {
			let spent = program.pool_spent.get(p).map_or_else(Zero::zero, |s| s.spent_in(period));
			let remaining = pool.period_cap.saturating_sub(spent);
			PoolView {
				eligibility: pool.eligibility,
				denomination: pool.denomination.clone(),
				period_cap: pool.period_cap,
				member_cap: pool.member_cap,
				payout: pool.payout,
				spent,
				remaining,
				remaining_paid: Pallet::<T>::to_paid(remaining, &pool.denomination, &program.asset)
					.ok(),
			}
		})
		.collect();
	Some(ProgramView {
		index,
		lead: program.lead,
		status,
		account: Pallet::<T>::program_account(index),
		title: program.title.to_vec(),
		description: program.description.as_ref().to_vec(),
		asset: program.asset.clone(),
		budget: program.budget,
		released: program.released,
		owed,
		paid: program.paid,
		bond: program.bond,
		roster_count: program.roster_count,
		seniors: program.seniors,
		committed: program.committed,
		open_rounds: program.open_rounds,
		active_members,
		period,
		milestones,
		panel: Panels::<T>::get(index).map(|panel| PanelView {
			reviewers: panel.reviewers.into_inner(),
			quorum: panel.quorum,
		}),
		pools,
	})
}
