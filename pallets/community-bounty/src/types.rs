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

//! Types of the community-bounty pallet: the program a lead proposes, its milestones and reward
//! pools, the roster, milestone reports, per-period spending records and the monthly round.

use crate::Config;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::{fungible, fungibles, tokens::PayWithSource},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::traits::{BlockNumberProvider, Saturating, Zero};

/// Index of a program. Indices come from [`crate::ProgramCount`] and are never reused.
pub type ProgramIndex = u32;
/// Position of a milestone in its program's spec, from 0.
pub type MilestoneIndex = u32;
/// Position of a reward pool in its program's spec, from 0.
pub type PoolIndex = u32;
/// Index of a payout period: `(now - approved_at) / PayoutPeriod`.
pub type PeriodIndex = u32;

/// The account id type of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// The balance type of [`Config::Currency`], used for native amounts, amounts of the asset a
/// program pays in, and cap amounts alike.
pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<AccountIdOf<T>>>::Balance;
/// Block numbers of [`Config::BlockNumberProvider`]: every period and deadline is counted in them.
pub type BlockNumberOf<T> =
	<<T as Config>::BlockNumberProvider as BlockNumberProvider>::BlockNumber;

/// A short bounded text: a region or language tag, or the name of an off-chain metric.
pub type TagOf<T> = BoundedVec<u8, <T as Config>::MaxTagLen>;
/// A milestone of a program of runtime `T`.
pub type MilestoneOf<T> = Milestone<BalanceOf<T>, TagOf<T>>;
/// A reward pool of a program of runtime `T`.
pub type RewardPoolOf<T> = RewardPool<BalanceOf<T>, <T as Config>::AssetKind>;
/// The milestones of a program, at most [`Config::MaxMilestones`].
pub type MilestonesOf<T> = BoundedVec<MilestoneOf<T>, <T as Config>::MaxMilestones>;
/// The reward pools of a program, at most [`Config::MaxPools`].
pub type PoolsOf<T> = BoundedVec<RewardPoolOf<T>, <T as Config>::MaxPools>;
/// What each pool of a program spent in its latest period, in the order of its pools.
pub type PoolSpentOf<T> = BoundedVec<Spending<BalanceOf<T>>, <T as Config>::MaxPools>;
/// The status of a program of runtime `T`.
pub type ProgramStatusOf<T> = ProgramStatus<BlockNumberOf<T>>;
/// A payment's reason or the hash of one, at most [`Config::MaxReasonLen`] bytes.
pub type ReasonOf<T> = BoundedVec<u8, <T as Config>::MaxReasonLen>;
/// The evidence reference (a URL or a hash) of a milestone report or of a round's report or
/// claim, at most [`Config::MaxEvidenceLen`] bytes.
pub type EvidenceOf<T> = BoundedVec<u8, <T as Config>::MaxEvidenceLen>;
/// One entry of an [`crate::Pallet::award_batch`] call.
pub type AwardOf<T> = Award<AccountIdOf<T>, BalanceOf<T>, ReasonOf<T>>;
/// The awards of one [`crate::Pallet::award_batch`] call, at most [`Config::MaxAwardsPerCall`].
pub type AwardsOf<T> = BoundedVec<AwardOf<T>, <T as Config>::MaxAwardsPerCall>;

/// What a milestone measures.
///
/// New off-chain metrics need no new variant and no storage change: a chain names them with
/// [`Metric::OffChain`]. Variants keep explicit codec indices, so a variant added later does not
/// change the encoding of stored programs.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Metric<Tag> {
	/// The number of members on the program's roster. Verified on chain: the reported figure is
	/// the roster's count at the block of the report, whatever the lead claims.
	#[codec(index = 0)]
	AmbassadorCount,
	/// The size of the community (chat groups, forum users): the lead's claim, judged by the
	/// council.
	#[codec(index = 1)]
	CommunitySize,
	/// Any other off-chain metric, by name (e.g. `b"educational-articles"`): the lead's claim,
	/// judged by the council.
	#[codec(index = 2)]
	OffChain(Tag),
	/// The members whose own activity report for the last finalized period scored at or above
	/// the program's `activity_threshold`, not counting a report the council struck, nor any of
	/// a round it vetoed. Verified on chain: members sign their reports, and the figure is
	/// counted from the round, whatever the lead claims (see `rounds/activity.rs`).
	#[codec(index = 3)]
	ActiveMembers,
}

impl<Tag> Metric<Tag> {
	/// Whether the chain computes the figure itself instead of taking the lead's claim.
	pub fn is_on_chain(&self) -> bool {
		matches!(self, Metric::AmbassadorCount | Metric::ActiveMembers)
	}
}

/// A milestone: a target for a metric, and the tranche that funds the work towards it.
///
/// Tranche 0 moves to the program account when the program is approved; tranche `k + 1` when
/// milestone `k` is approved. The tranche of the last milestone is therefore released with the
/// approval of the one before it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Milestone<Balance, Tag> {
	/// What is measured.
	pub metric: Metric<Tag>,
	/// The figure promised, in the metric's unit (members, users, ...). Nonzero.
	pub target: u64,
	/// What this milestone releases, in the program's asset, at least the asset's minimum balance.
	pub tranche: Balance,
}

/// Who may be paid from a reward pool.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Eligibility {
	/// Only members of the program's roster with the role [`Role::SeniorAmbassador`] (never the
	/// lead, who cannot be on the roster).
	#[codec(index = 0)]
	SeniorAmbassadors,
	/// Any account but the lead's, the program's own and the treasury: educators, tool
	/// builders, event participants, ...
	#[codec(index = 1)]
	Contributors,
	/// Only the program's lead: the lead's own pay, visible in the spec the council votes on.
	/// The lead is paid from no other pool.
	#[codec(index = 2)]
	Lead,
}

/// An asset of the runtime: what a program pays in ([`ProgramSpec::asset`]), and the unit a cap
/// (and an award) is expressed in.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum Denomination<AssetKind> {
	/// The native token: amounts are paid as they are.
	#[codec(index = 0)]
	Native,
	/// An asset kind (USDT, or a unit of account such as USD). A program paying in it pays
	/// amounts as they are; a program paying native tokens converts them with
	/// [`Config::BalanceConverter`] at a rate that is not stale.
	#[codec(index = 1)]
	Asset(AssetKind),
}

/// A denomination as the asset kind of a runtime that holds its native token and its assets
/// side by side (`fungible::UnionOf`), so that [`Config::Paymaster`] can be `PayWithFungibles`
/// over that union.
impl<AssetKind: Ord> From<Denomination<AssetKind>> for fungible::NativeOrWithId<AssetKind> {
	fn from(denomination: Denomination<AssetKind>) -> Self {
		match denomination {
			Denomination::Native => Self::Native,
			Denomination::Asset(kind) => Self::WithId(kind),
		}
	}
}

/// How a scored pool shares its period cap among the reports at or above its threshold.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Split {
	/// Each report earns `member_cap x score / 100`; if the total passes the period cap, every
	/// payment is scaled down pro rata. Needs a member cap.
	#[codec(index = 0)]
	Linear,
	/// The period cap is shared in proportion to the scores, each share clipped at the member
	/// cap if there is one (the clipped part stays unspent).
	#[codec(index = 1)]
	Proportional,
}

/// How a pool pays: by the lead's awards, or by the scores of the monthly round.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Payout {
	/// The lead pays amounts of its choosing with `award` / `award_batch`, within the caps.
	#[codec(index = 0)]
	Direct,
	/// The monthly round pays: reports (or claims) scoring at least `threshold` percent share
	/// the pool by `split` when the round is settled. Takes no direct award.
	#[codec(index = 1)]
	Scored {
		/// The lowest score paid, in percent (0..=100): Phala's 40.
		threshold: u8,
		/// How the period cap is shared.
		split: Split,
	},
}

impl Payout {
	/// Whether the pool pays by the round's scores.
	pub fn is_scored(&self) -> bool {
		matches!(self, Payout::Scored { .. })
	}
}

/// A reward pool: who may be paid, and how much per payout period.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct RewardPool<Balance, AssetKind> {
	/// Who may be paid from the pool.
	pub eligibility: Eligibility,
	/// The unit of both caps and of every award from the pool.
	pub denomination: Denomination<AssetKind>,
	/// The most the whole pool pays in one period, in `denomination`. Nonzero.
	pub period_cap: Balance,
	/// The most one beneficiary receives from the pool in one period, in `denomination`, if any.
	/// Nonzero and at most `period_cap`.
	pub member_cap: Option<Balance>,
	/// Direct awards, or the monthly round's scores.
	pub payout: Payout,
}

/// What a lead proposes: the whole program, as the council votes on it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct ProgramSpec<T: Config> {
	/// A short title, nonempty; stored on chain.
	pub title: BoundedVec<u8, T::MaxTitleLen>,
	/// The hash (the runtime's `Hashing`, blake2-256 in most runtimes) of the proposal's full
	/// text, which the lead publishes off chain (a forum post, say): anyone holding the text can
	/// check it is the one proposed. Only the hash is stored, as pallet-multi-asset-bounties does.
	pub description: <T as frame_system::Config>::Hash,
	/// What the program pays in: its budget, tranches and every payment. The native token,
	/// or an asset that [`Config::Assets`] holds (USDT, say). Pools paying an asset are
	/// denominated in it; a program paying native tokens may denominate pools in any asset
	/// with a rate (USD). Bonds and claim deposits are native whatever the asset.
	pub asset: Denomination<T::AssetKind>,
	/// The amount asked for, in `asset`: must equal the sum of the tranches. The council's
	/// approval limit is checked against its value in native tokens.
	pub budget: BalanceOf<T>,
	/// The milestones, in the order they are reported: 1..=[`Config::MaxMilestones`].
	pub milestones: MilestonesOf<T>,
	/// The reward pools: 0..=[`Config::MaxPools`].
	pub pools: PoolsOf<T>,
	/// How long the program runs after its approval, in blocks: 1..=[`Config::MaxDuration`].
	pub duration: BlockNumberOf<T>,
	/// The lowest score, in percent (0..=100), at which a member's report counts as active for
	/// [`Metric::ActiveMembers`]: the seed's 40.
	pub activity_threshold: u8,
	/// The most Senior Ambassadors on the roster at once, if capped (the seed's 10).
	pub max_seniors: Option<u32>,
	/// The crew a Senior Ambassador must lead to be paid from a senior pool (the seed's 2), at
	/// most [`Config::MaxCrew`].
	pub min_crew: u32,
	/// Who scores the monthly rounds: a panel of reviewers, the median of whose scores counts;
	/// `None` for the lead alone (as the seed proposal was approved).
	pub panel: Option<Panel<T>>,
}

/// Where a program is in its lifecycle. Closed, cancelled and rejected programs are removed.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ProgramStatus<BlockNumber> {
	/// Waiting for the council; the proposer's bond is held.
	#[codec(index = 0)]
	Proposed,
	/// Approved and running until `ends_at`; payout periods count from `approved_at`.
	#[codec(index = 1)]
	Active {
		/// The block of approval, the start of period 0.
		approved_at: BlockNumber,
		/// The last block of the program; anyone may close it after this block.
		ends_at: BlockNumber,
	},
}

/// A program as stored.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Program<T: Config> {
	/// Who runs the program: the proposer, or whom the council named.
	pub lead: AccountIdOf<T>,
	/// The title, as proposed.
	pub title: BoundedVec<u8, T::MaxTitleLen>,
	/// The hash of the proposal's full text, as proposed (see [`ProgramSpec::description`]).
	pub description: <T as frame_system::Config>::Hash,
	/// Proposed or Active, with its blocks.
	pub status: ProgramStatusOf<T>,
	/// What the program pays in (see [`ProgramSpec::asset`]); every amount of the record but
	/// the bond is in it.
	pub asset: Denomination<T::AssetKind>,
	/// The sum of the planned tranches.
	pub budget: BalanceOf<T>,
	/// Moved from the treasury into the program account so far.
	pub released: BalanceOf<T>,
	/// Tranches approved by the council that the treasury could not pay yet, oldest first. They
	/// are paid in this order, each as soon as the treasury can.
	pub owed: OwedTranchesOf<T>,
	/// Paid out of the program account as rewards so far.
	pub paid: BalanceOf<T>,
	/// The bond held from the lead while the program is Proposed; zero once released.
	pub bond: BalanceOf<T>,
	/// The milestones, as proposed.
	pub milestones: MilestonesOf<T>,
	/// The reward pools, as proposed.
	pub pools: PoolsOf<T>,
	/// What each pool (in the order of `pools`) spent in its latest period, in its denomination:
	/// kept in the program record, which every award reads and writes anyway.
	pub pool_spent: PoolSpentOf<T>,
	/// How long the program runs after approval.
	pub duration: BlockNumberOf<T>,
	/// The block of the proposal.
	pub proposed_at: BlockNumberOf<T>,
	/// How many milestones the council approved; the next milestone to report has this index.
	pub milestones_approved: u32,
	/// Members on the roster, at most [`Config::MaxRoster`].
	pub roster_count: u32,
	/// Beneficiaries of member-capped pools paid in the latest period: at most
	/// [`Config::MaxBeneficiaries`] a period. Records of past periods do not count.
	pub beneficiaries: PeriodCount,
	/// Per-beneficiary spending records in storage, of any period (for the clean-up).
	pub spending_records: u32,
	/// Accounts the council removed from the roster, which the lead cannot add back.
	pub barred: u32,
	/// See [`ProgramSpec::activity_threshold`].
	pub activity_threshold: u8,
	/// See [`ProgramSpec::max_seniors`].
	pub max_seniors: Option<u32>,
	/// See [`ProgramSpec::min_crew`].
	pub min_crew: u32,
	/// Senior Ambassadors on the roster.
	pub seniors: u32,
	/// Monthly rounds in storage (filed to, not yet settled nor dropped).
	pub open_rounds: u32,
	/// What the rounds under settlement will still pay: fixed when a settlement
	/// starts, so that direct awards cannot spend them meanwhile.
	pub committed: BalanceOf<T>,
	/// The latest period whose round the lead finalized or whose settlement started (for
	/// [`Metric::ActiveMembers`]); a round final by itself later is found by its deadline.
	pub last_final: Option<PeriodIndex>,
}

impl<T: Config> Program<T> {
	/// Released but not yet paid out: the most that rewards can still pay.
	pub fn unspent(&self) -> BalanceOf<T> {
		self.released.saturating_sub(self.paid)
	}

	/// Released, not paid out, and not committed to a round under settlement: the most that
	/// direct awards and a new settlement may take.
	pub fn uncommitted(&self) -> BalanceOf<T> {
		self.unspent().saturating_sub(self.committed)
	}

	/// The index of the one scored pool paying Senior Ambassadors, if any.
	pub fn scored_senior_pool(&self) -> Option<PoolIndex> {
		self.pools
			.iter()
			.position(|p| p.eligibility == Eligibility::SeniorAmbassadors && p.payout.is_scored())
			.map(|i| i as PoolIndex)
	}

	/// The sum of the owed tranches.
	pub fn owed_total(&self) -> BalanceOf<T> {
		self.owed.iter().fold(Zero::zero(), |sum: BalanceOf<T>, t| sum.saturating_add(t.amount))
	}

	/// Whether every milestone has been approved.
	pub fn all_milestones_approved(&self) -> bool {
		self.milestones_approved as usize >= self.milestones.len()
	}
}

/// A roster role.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum Role {
	/// Captain of a regional community; paid from `SeniorAmbassadors` pools.
	#[codec(index = 0)]
	SeniorAmbassador,
	/// A member of a senior's crew; counted by `AmbassadorCount`, not paid from senior pools.
	#[codec(index = 1)]
	Ambassador,
}

/// A member of a program's roster.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct RosterMember<T: Config> {
	/// The member's role.
	pub role: Role,
	/// The region or language the member serves ("English", "Korean", ...).
	pub region: TagOf<T>,
	/// For an ambassador, the senior whose crew it belongs to.
	pub senior: Option<AccountIdOf<T>>,
	/// For a senior, how many ambassadors are in its crew (listed in [`crate::Crews`]).
	pub crew: u32,
	/// The block the member was added.
	pub joined_at: BlockNumberOf<T>,
}

/// Where a milestone report stands with the council.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ReportStatus {
	/// Waiting for the council's decision.
	#[codec(index = 0)]
	Pending,
	/// Approved; `figure` is the figure the council approved (for an on-chain metric, the lower
	/// of the counts at the report and at the approval).
	#[codec(index = 1)]
	Approved {
		/// The approved figure.
		figure: u64,
	},
	/// Rejected; the lead may report again, as the next attempt.
	#[codec(index = 2)]
	Rejected,
}

/// A milestone report. The latest attempt is kept: pending, approved (the record of what was
/// approved), or rejected (so that the next report gets the next attempt number).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct MilestoneReport<T: Config> {
	/// The figure the lead claimed.
	pub claimed: u64,
	/// The figure of record: the chain's count for an on-chain metric, else the claim.
	pub figure: u64,
	/// A URL or a hash of the evidence.
	pub evidence: EvidenceOf<T>,
	/// The block of the report.
	pub reported_at: BlockNumberOf<T>,
	/// Which report of this milestone this is, from 1; the council's decision names it.
	pub attempt: u32,
	/// Pending, approved or rejected.
	pub status: ReportStatus,
}

impl<T: Config> MilestoneReport<T> {
	/// Whether the council approved this report.
	pub fn is_approved(&self) -> bool {
		matches!(self.status, ReportStatus::Approved { .. })
	}
}

/// Spending of a pool, or of one beneficiary in a pool, in the pool's denomination.
///
/// Reset lazily: a record of an older period counts as nothing spent.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Spending<Balance> {
	/// The period of `spent`.
	pub period: PeriodIndex,
	/// The amount spent in `period`.
	pub spent: Balance,
}

impl<Balance: Zero + Copy> Spending<Balance> {
	/// What was spent in `period`: zero if the record is of another period.
	pub fn spent_in(&self, period: PeriodIndex) -> Balance {
		if self.period == period {
			self.spent
		} else {
			Zero::zero()
		}
	}
}

/// A count that belongs to one period and resets lazily, like [`Spending`].
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct PeriodCount {
	/// The period of `count`.
	pub period: PeriodIndex,
	/// The count in `period`.
	pub count: u32,
}

impl PeriodCount {
	/// The count in `period`: zero if the record is of another period.
	pub fn count_in(&self, period: PeriodIndex) -> u32 {
		if self.period == period {
			self.count
		} else {
			0
		}
	}
}

/// A tranche the council approved that the treasury has not paid yet.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct OwedTranche<Balance> {
	/// The tranche's index (the milestone it belongs to).
	pub tranche: MilestoneIndex,
	/// The amount owed, in the program's asset, after any cut.
	pub amount: Balance,
}

/// The owed tranches of a program, oldest first, at most [`Config::MaxMilestones`].
pub type OwedTranchesOf<T> = BoundedVec<OwedTranche<BalanceOf<T>>, <T as Config>::MaxMilestones>;

/// Index of a recorded payment within its program, from [`PaymentBook::next`]; never reused.
pub type PaymentIndex = u32;

/// The asset id of [`Config::Assets`], which is also the paymaster's asset kind.
pub type AssetIdOf<T> = <<T as Config>::Assets as fungibles::Inspect<AccountIdOf<T>>>::AssetId;
/// The id [`Config::Paymaster`] gives a payment.
pub type PaymentIdOf<T> = <<T as Config>::Paymaster as PayWithSource>::Id;

/// Where a payment stands that the paymaster did not report done at once.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum PaymentState<Id, BlockNumber> {
	/// Handed to the paymaster as payment `id`, which has not said how it went yet: anyone may
	/// ask with `check_payment`. A program cannot close while one is in progress.
	#[codec(index = 0)]
	InProgress {
		/// The paymaster's id of the payment.
		id: Id,
	},
	/// Not made: the paymaster refused it, or reported it failed, in block `at`. Its amount
	/// stays in the program account, earmarked for the payee and still counted against the cap
	/// it was charged to; anyone may `retry_payment` it. From `at` plus
	/// [`Config::PaymentRetryWindow`], a close returns its amount with the rest.
	#[codec(index = 1)]
	Failed {
		/// The block of the failure.
		at: BlockNumber,
	},
}

/// The paymaster's state of a payment, as stored for a program.
pub type PaymentStateOf<T> = PaymentState<PaymentIdOf<T>, BlockNumberOf<T>>;

/// A payment of a program that is in progress or failed. A payment the paymaster reports done
/// at once leaves no record.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct PaymentRecord<T: Config> {
	/// Who is paid.
	pub payee: AccountIdOf<T>,
	/// The amount paid, in the program's asset: already counted in [`Program::paid`] and against the
	/// caps of its pool and period.
	pub amount: BalanceOf<T>,
	/// The pool it was charged to.
	pub pool: PoolIndex,
	/// The period it was charged to.
	pub period: PeriodIndex,
	/// In progress, or failed.
	pub state: PaymentStateOf<T>,
}

/// What a program's recorded payments stand at: the counters that bound them and keep a close
/// from dropping one in progress or within its retry window, without iterating them.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct PaymentBook<BlockNumber> {
	/// The index the next recorded payment gets.
	pub next: PaymentIndex,
	/// Records in storage, in progress or failed: at most [`Config::MaxOpenPayments`].
	pub open: u32,
	/// Of those, the payments in progress.
	pub in_progress: u32,
	/// The latest block in which a payment of the program failed, if any is recorded.
	pub last_failed_at: Option<BlockNumber>,
}

impl<BlockNumber> PaymentBook<BlockNumber> {
	/// The failed payments recorded.
	pub fn failed(&self) -> u32 {
		self.open.saturating_sub(self.in_progress)
	}
}

/// A program's payment book, as stored.
pub type PaymentBookOf<T> = PaymentBook<BlockNumberOf<T>>;

/// The storage maps a removed program's clean-up goes through, in the order of
/// [`CleanupStage::ALL`]. The codec index of each is its bit in [`CleanupStages`].
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum CleanupStage {
	/// [`crate::Roster`].
	#[codec(index = 0)]
	Roster,
	/// [`crate::Crews`].
	#[codec(index = 1)]
	Crews,
	/// [`crate::Barred`].
	#[codec(index = 2)]
	Barred,
	/// [`crate::MemberSpending`].
	#[codec(index = 3)]
	MemberSpending,
	/// [`crate::Reports`].
	#[codec(index = 5)]
	Reports,
	/// [`crate::Payments`]: records of payments in progress or failed.
	#[codec(index = 8)]
	Payments,
	/// [`crate::RoundPages`]: each claim's deposit is released as its page goes. Cleared
	/// last, a page a step.
	#[codec(index = 6)]
	RoundPages,
	/// [`crate::Rounds`].
	#[codec(index = 7)]
	Rounds,
}

impl CleanupStage {
	/// Every stage, in clean-up order.
	pub const ALL: [CleanupStage; 8] = [
		Self::Roster,
		Self::Crews,
		Self::Barred,
		Self::MemberSpending,
		Self::Reports,
		Self::Payments,
		Self::Rounds,
		Self::RoundPages,
	];

	/// The stage's bit in [`CleanupStages`].
	pub fn bit(self) -> u8 {
		let index: u8 = match self {
			Self::Roster => 0,
			Self::Crews => 1,
			Self::Barred => 2,
			Self::MemberSpending => 3,
			Self::Payments => 4,
			Self::Reports => 5,
			Self::RoundPages => 6,
			Self::Rounds => 7,
		};
		1 << index
	}
}

/// The maps a removed program's clean-up still has to go through: a set of [`CleanupStage`]s,
/// one bit each. A map the program's counters show empty is never in the set, so clearing a
/// small program does not pay a look-up in each of its maps.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct CleanupStages(pub u8);

impl CleanupStages {
	/// The set of `stages`.
	pub fn of(stages: impl IntoIterator<Item = CleanupStage>) -> Self {
		Self(stages.into_iter().fold(0, |set, stage| set | stage.bit()))
	}

	/// The first stage left, in clean-up order.
	pub fn first(self) -> Option<CleanupStage> {
		CleanupStage::ALL.into_iter().find(|stage| self.0 & stage.bit() != 0)
	}

	/// The set without `stage`.
	pub fn without(self, stage: CleanupStage) -> Self {
		Self(self.0 & !stage.bit())
	}

	/// Whether no stage is left.
	pub fn is_empty(self) -> bool {
		self.first().is_none()
	}
}

/// The payee an account named for its pay ([`crate::Payees`]), and the deposit held for it.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Payee<Beneficiary, Balance> {
	/// Where the account's pay goes.
	pub beneficiary: Beneficiary,
	/// The deposit held for the record (as it was when first named).
	pub deposit: Balance,
}

/// [`Payee`] of a runtime.
pub type PayeeOf<T> = Payee<<T as Config>::Beneficiary, BalanceOf<T>>;

/// One payment of an [`crate::Pallet::award_batch`] call.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Award<AccountId, Balance, Reason> {
	/// The pool paying.
	pub pool: PoolIndex,
	/// Who is paid.
	pub beneficiary: AccountId,
	/// The amount, in the pool's denomination.
	pub amount: Balance,
	/// What the reward is for, or a hash of it.
	pub reason: Reason,
}

// The monthly round's types live with it, in `rounds/types.rs`; re-exported here so that
// `types::Round` and the crate root keep naming them.
pub use crate::rounds::types::*;
