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

//! # Community Bounty Pallet
//!
//! Treasury-funded community and ambassador programs: a community lead proposes a program, the
//! council approves it, the treasury funds it in tranches tied to milestones, and the lead pays
//! monthly rewards out of it under caps set in any denomination (USD, say) and paid in the native
//! token. Everything a council member needs to audit is in storage and events.
//!
//! ## Overview
//!
//! The model case is Khala treasury proposal #14 (April 2022): a lead asks for 100,000 PHA;
//! milestone 1 "grow to 40+ ambassadors" costs 80,000 PHA, milestone 2 "grow to 50,000 community
//! users" costs 20,000 PHA; the money is paid out as rewards of at most $2,000 a month to the
//! Senior Ambassadors and at most $2,000 a month to educators and contributors.
//!
//! ### Terminology
//!
//! - **Program**: what a lead proposes ([`ProgramSpec`]): a title, a description, a budget, the
//!   milestones, the reward pools and a duration. Its funds live in a **program account** derived
//!   from [`Config::PalletId`] and the program index; no key controls it.
//! - **Milestone**: a target for a [`Metric`] and a **tranche** (a native amount). The budget is
//!   the sum of the tranches.
//! - **Roster**: the program's Senior Ambassadors and their crews of ambassadors.
//! - **Reward pool**: who may be paid ([`Eligibility`]), a cap per period for the whole pool and
//!   an optional cap per beneficiary, both in the pool's [`Denomination`].
//! - **Period**: [`Config::PayoutPeriod`] blocks (a month), counted from the program's approval.
//!
//! ## Lifecycle
//!
//! ```text
//!  propose ─► Proposed ─approve─► Active ──report k──► milestone k Reported
//!                │                  │  ▲                 │ approve (full, or with the next tranche cut)
//!                │ reject            │  └─────────────────┘   releases tranche k+1
//!                ▼                  │ cancel (council)      │ reject: stays Active, lead may report again
//!            removed, bond          ▼                       ▼
//!            slashed to treasury   Closed ◄── close: by the lead after the last milestone is approved,
//!                                             or by anyone after the end block
//! ```
//!
//! 1. [`propose_program`](Pallet::propose_program) (signed; the caller becomes the lead). A bond
//!    of [`Config::ProgramBondBase`] plus [`Config::ProgramBondPerByte`] per description byte is
//!    held from the caller under [`HoldReason::ProgramBond`].
//! 2. [`approve_program`](Pallet::approve_program) ([`Config::ApproveOrigin`]). The bond is
//!    released; tranche 0 moves from [`Config::TreasuryAccount`] to the program account. If the
//!    treasury cannot pay, the tranche is recorded as owed and anyone may later call
//!    [`release_tranche`](Pallet::release_tranche): the council's vote is never wasted.
//! 3. [`reject_program`](Pallet::reject_program) ([`Config::RejectOrigin`], while Proposed). The
//!    bond is slashed to the treasury and the program removed.
//! 4. [`report_milestone`](Pallet::report_milestone) (lead, in order). For
//!    [`Metric::AmbassadorCount`] the figure of record is the roster's size at that block, not the
//!    lead's claim.
//! 5. [`approve_milestone`](Pallet::approve_milestone) ([`Config::ApproveOrigin`], with an optional
//!    cut of the next tranche) releases tranche `k + 1`; a figure below target may be approved, and
//!    the event says so. [`reject_milestone`](Pallet::reject_milestone) ([`Config::RejectOrigin`])
//!    clears the report; the lead may report again.
//! 6. [`award`](Pallet::award) / [`award_batch`](Pallet::award_batch) (lead) pay rewards from the
//!    program account within the caps of the current period, converted at the current rate.
//! 7. [`cancel_program`](Pallet::cancel_program) ([`Config::ApproveOrigin`]) or
//!    [`close_program`](Pallet::close_program) (the lead once every milestone is approved, anyone
//!    after the end block): the program account's whole balance returns to the treasury, owed
//!    tranches are dropped, and the program's storage is removed in bounded work.
//! 8. [`reclaim`](Pallet::reclaim) (anyone) sweeps tokens sent to a removed program's account to
//!    the treasury. [`set_lead`](Pallet::set_lead) ([`Config::ApproveOrigin`]) replaces the lead.
//!
//! ## Rules that always hold
//!
//! Checked by `try_state` (and after every unit test):
//!
//! 1. No call creates or destroys funds: tokens only move between the treasury, program accounts,
//!    beneficiaries and holds.
//! 2. For each program: `released + owed <= budget`, `paid <= released`, and the program account
//!    holds at least `released - paid`.
//! 3. In the current period, each pool's spending is within its cap and each beneficiary's within
//!    the member cap.
//! 4. A Proposed program has its bond held; an Active one has none.
//! 5. The stored roster count equals the members stored, and is at most [`Config::MaxRoster`].
//!
//! ## Design decisions
//!
//! - Per-beneficiary spending is only recorded for pools with a member cap, and a program keeps at
//!   most [`Config::MaxBeneficiaries`] such records, so that closing a program clears a bounded
//!   amount of storage.
//! - Lead calls ([`add_member`](Pallet::add_member), [`report_milestone`](Pallet::report_milestone),
//!   [`award`](Pallet::award), ...) are refused after the end block; the program then only waits
//!   to be closed.
//! - A cut of the next tranche is final: the cut part stays in the treasury and never counts as
//!   released or owed.
//!
//! ## Weights
//!
//! Every call is benchmarked at its worst case (`benchmarking.rs`) with a component for each
//! variable-size input: the title and description lengths, milestones and pools of a proposal,
//! the evidence of a report, the reason of an award, the length of a batch, and the roster and
//! beneficiary records that [`cancel_program`](Pallet::cancel_program) and
//! [`close_program`](Pallet::close_program) clear. Those two are charged at
//! [`Config::MaxRoster`] and [`Config::MaxBeneficiaries`] and refund down to what they cleared.
//! [`weights`] is frame-omni-bencher's output for the demo runtime; a runtime should generate
//! its own (`scripts/benchmark.sh` in the repository).
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the calls, events, errors, storage and configuration.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{
			ConversionFromAssetBalance, DepositConsequence, Fortitude, Precision, Preservation,
			Provenance, Restriction,
		},
	},
	PalletId,
};
use sp_runtime::{
	traits::{AccountIdConversion, BlockNumberProvider, CheckedAdd, Saturating, Zero},
	ArithmeticError, SaturatedConversion,
};

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::community-bounty";

/// Builds the arguments that benchmarks cannot construct generically.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AssetKind> {
	/// An asset kind for pools denominated in an asset, with a rate the converter can use once
	/// `ensure_successful` was called for it.
	fn create_asset_kind(seed: u32) -> AssetKind;
}

#[cfg(feature = "runtime-benchmarks")]
impl<AssetKind: From<u32>> BenchmarkHelper<AssetKind> for () {
	fn create_asset_kind(seed: u32) -> AssetKind {
		seed.into()
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_system::pallet_prelude::{ensure_signed, OriginFor};
	use sp_runtime::traits::StaticLookup;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// An account id as given to a call: an address the runtime's lookup resolves.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default values of the configuration items that have one.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, parameter_types, traits::ConstU32};

		/// The pallet's own [`PalletId`]: never the bounties' `py/bount`, so that the two pallets
		/// never derive the same accounts.
		pub const PALLET_ID: PalletId = PalletId(*b"py/cmbty");

		parameter_types! {
			/// See [`PALLET_ID`].
			pub const CommunityBountyPalletId: PalletId = PALLET_ID;
		}

		/// Bounds for tests and mocks, sized for the seed proposal.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type PalletId = CommunityBountyPalletId;
			type MaxTitleLen = ConstU32<64>;
			type MaxDescriptionLen = ConstU32<1024>;
			type MaxMilestones = ConstU32<4>;
			type MaxPools = ConstU32<4>;
			type MaxRoster = ConstU32<64>;
			type MaxTagLen = ConstU32<32>;
			type MaxEvidenceLen = ConstU32<128>;
			type MaxReasonLen = ConstU32<64>;
			type MaxAwardsPerCall = ConstU32<16>;
			type MaxBeneficiaries = ConstU32<64>;
			type WeightInfo = ();
		}
	}

	/// The pallet's configuration.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The native currency: holds the bonds, funds the programs and pays the rewards.
		#[pallet::no_default]
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reason, which includes this pallet's [`HoldReason`].
		#[pallet::no_default]
		type RuntimeHoldReason: From<HoldReason>;

		/// Who approves a program, a milestone report, a new lead or a cancel (the council's
		/// qualified majority, or Root).
		#[pallet::no_default]
		type ApproveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who rejects a proposal or a milestone report (the council's simple majority, or Root).
		#[pallet::no_default]
		type RejectOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The account that funds programs and receives refunds and slashed bonds: the
		/// treasury's pot. It is kept alive by every transfer out of it.
		#[pallet::no_default]
		type TreasuryAccount: Get<Self::AccountId>;

		/// This pallet's id, from which each program's account is derived. Must differ from
		/// every other pallet's id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The kinds of asset a cap may be denominated in (besides the native token).
		#[pallet::no_default]
		type AssetKind: Parameter + MaxEncodedLen;

		/// Converts an amount of an [`Config::AssetKind`] into native tokens at the current rate
		/// (e.g. `pallet-asset-rate`). A failed conversion refuses the payment.
		#[pallet::no_default]
		type BalanceConverter: ConversionFromAssetBalance<
			BalanceOf<Self>,
			Self::AssetKind,
			BalanceOf<Self>,
		>;

		/// The source of block numbers for periods and deadlines (the local chain's, or the relay
		/// chain's on a parachain).
		#[pallet::no_default]
		type BlockNumberProvider: BlockNumberProvider;

		/// The fixed part of a proposal's bond.
		#[pallet::constant]
		#[pallet::no_default]
		type ProgramBondBase: Get<BalanceOf<Self>>;

		/// The part of a proposal's bond per byte of its description.
		#[pallet::constant]
		#[pallet::no_default]
		type ProgramBondPerByte: Get<BalanceOf<Self>>;

		/// The length of a payout period, in blocks of [`Config::BlockNumberProvider`]. Nonzero.
		#[pallet::constant]
		#[pallet::no_default]
		type PayoutPeriod: Get<BlockNumberOf<Self>>;

		/// The longest a program may run after its approval, in blocks. Nonzero.
		#[pallet::constant]
		#[pallet::no_default]
		type MaxDuration: Get<BlockNumberOf<Self>>;

		/// The longest title, in bytes.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;

		/// The longest description, in bytes. Benchmarks of `propose_program` depend on it.
		#[pallet::constant]
		type MaxDescriptionLen: Get<u32>;

		/// The most milestones a program may have. Nonzero.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// The most reward pools a program may have.
		#[pallet::constant]
		type MaxPools: Get<u32>;

		/// The most members a program's roster may hold. Benchmarks of `close_program` and
		/// `cancel_program` depend on it.
		#[pallet::constant]
		type MaxRoster: Get<u32>;

		/// The longest region tag or off-chain metric name, in bytes.
		#[pallet::constant]
		type MaxTagLen: Get<u32>;

		/// The longest evidence reference of a milestone report, in bytes.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// The longest reason of an award, in bytes.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;

		/// The most awards in one `award_batch` call. Benchmarks of `award_batch` depend on it.
		#[pallet::constant]
		type MaxAwardsPerCall: Get<u32>;

		/// The most per-beneficiary spending records (one per pool with a member cap and
		/// beneficiary) a program keeps. Benchmarks of `close_program` and `cancel_program`
		/// depend on it.
		#[pallet::constant]
		type MaxBeneficiaries: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Builds benchmark arguments.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AssetKind>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The bond of a proposed program, released on approval and slashed on rejection.
		#[codec(index = 0)]
		ProgramBond,
	}

	/// The number of programs ever proposed; the next program gets this index.
	#[pallet::storage]
	pub type ProgramCount<T> = StorageValue<_, ProgramIndex, ValueQuery>;

	/// Proposed and active programs.
	#[pallet::storage]
	pub type Programs<T: Config> = StorageMap<_, Twox64Concat, ProgramIndex, Program<T>>;

	/// The title and description of each proposed or active program.
	#[pallet::storage]
	pub type Descriptions<T: Config> = StorageMap<_, Twox64Concat, ProgramIndex, ProgramText<T>>;

	/// Milestone reports: the pending one, and the approved ones as a record.
	#[pallet::storage]
	pub type Reports<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		MilestoneIndex,
		MilestoneReport<T>,
	>;

	/// The roster of each program: Senior Ambassadors and ambassadors.
	#[pallet::storage]
	pub type Roster<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Blake2_128Concat,
		T::AccountId,
		RosterMember<T>,
	>;

	/// What each pool spent in its latest period, in the pool's denomination.
	#[pallet::storage]
	pub type PoolSpending<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		PoolIndex,
		Spending<BalanceOf<T>>,
		ValueQuery,
	>;

	/// What each beneficiary received from a pool with a member cap in its latest period, in the
	/// pool's denomination.
	#[pallet::storage]
	pub type MemberSpending<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Blake2_128Concat,
		(PoolIndex, T::AccountId),
		Spending<BalanceOf<T>>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A program was proposed and its bond held.
		ProgramProposed {
			index: ProgramIndex,
			lead: T::AccountId,
			budget: BalanceOf<T>,
			bond: BalanceOf<T>,
			milestones: u32,
			pools: u32,
			duration: BlockNumberOf<T>,
		},
		/// The council approved a program; its bond was released and its periods start now.
		ProgramApproved {
			index: ProgramIndex,
			lead: T::AccountId,
			account: T::AccountId,
			bond_released: BalanceOf<T>,
			approved_at: BlockNumberOf<T>,
			ends_at: BlockNumberOf<T>,
		},
		/// The council rejected a proposed program; its bond was slashed to the treasury.
		ProgramRejected { index: ProgramIndex, lead: T::AccountId, slashed: BalanceOf<T> },
		/// A tranche (by milestone index) moved from the treasury into the program account.
		TrancheReleased {
			index: ProgramIndex,
			tranche: MilestoneIndex,
			amount: BalanceOf<T>,
			account: T::AccountId,
		},
		/// A tranche was approved but the treasury could not pay it: it is owed, and anyone may
		/// call `release_tranche` once the treasury can.
		TrancheOwed { index: ProgramIndex, tranche: MilestoneIndex, amount: BalanceOf<T> },
		/// The owed tranches were paid from the treasury into the program account.
		OwedReleased { index: ProgramIndex, amount: BalanceOf<T>, account: T::AccountId },
		/// The council cancelled a program: its account's balance went back to the treasury.
		ProgramCancelled {
			index: ProgramIndex,
			refunded: BalanceOf<T>,
			owed_dropped: BalanceOf<T>,
			paid: BalanceOf<T>,
		},
		/// A program was closed: by its lead after the last milestone, or by anyone after its end
		/// block (`expired`). Its account's balance went back to the treasury.
		ProgramClosed {
			index: ProgramIndex,
			by: T::AccountId,
			expired: bool,
			refunded: BalanceOf<T>,
			owed_dropped: BalanceOf<T>,
			paid: BalanceOf<T>,
		},
		/// The council named a new lead.
		LeadChanged { index: ProgramIndex, old: T::AccountId, new: T::AccountId },
		/// Tokens found in a removed program's account were swept to the treasury.
		Reclaimed { index: ProgramIndex, amount: BalanceOf<T> },
		/// A member joined a program's roster.
		MemberAdded {
			index: ProgramIndex,
			who: T::AccountId,
			role: Role,
			region: TagOf<T>,
			senior: Option<T::AccountId>,
			roster_count: u32,
		},
		/// A member left a program's roster, removed by the lead or (`by_council`) the council.
		MemberRemoved {
			index: ProgramIndex,
			who: T::AccountId,
			by_council: bool,
			roster_count: u32,
		},
		/// The lead reported a milestone. `figure` is the figure of record: the roster's size
		/// for `AmbassadorCount`, else the lead's `claimed` figure.
		MilestoneReported {
			index: ProgramIndex,
			milestone: MilestoneIndex,
			metric: Metric<TagOf<T>>,
			target: u64,
			claimed: u64,
			figure: u64,
			evidence: EvidenceOf<T>,
		},
		/// The council approved a milestone report, possibly `below_target`. The next tranche,
		/// less `cut`, is `next_tranche` (zero after the last milestone).
		MilestoneApproved {
			index: ProgramIndex,
			milestone: MilestoneIndex,
			target: u64,
			figure: u64,
			below_target: bool,
			cut: BalanceOf<T>,
			next_tranche: BalanceOf<T>,
		},
		/// The council rejected a milestone report; the lead may report again.
		MilestoneRejected {
			index: ProgramIndex,
			milestone: MilestoneIndex,
			target: u64,
			figure: u64,
		},
		/// A reward was paid from a program account: `amount` in the pool's denomination,
		/// `native` in native tokens at the rate of this block.
		Awarded {
			index: ProgramIndex,
			pool: PoolIndex,
			period: PeriodIndex,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
			native: BalanceOf<T>,
			reason: ReasonOf<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No proposed or active program has this index.
		UnknownProgram,
		/// Only the program's lead may do this.
		NotLead,
		/// The program is not Proposed.
		NotProposed,
		/// The program is not Active.
		NotActive,
		/// The program's end block has passed: it can only be closed.
		ProgramExpired,
		/// The program cannot be closed yet: milestones remain and its end block has not passed.
		CannotCloseYet,
		/// The title is empty.
		EmptyTitle,
		/// A program needs at least one milestone.
		NoMilestones,
		/// A milestone's target is zero.
		ZeroTarget,
		/// A tranche is below the existential deposit.
		TrancheBelowMinimum,
		/// The budget does not equal the sum of the tranches.
		BudgetMismatch,
		/// The duration is zero or above `MaxDuration`.
		InvalidDuration,
		/// A pool's cap, or its member cap, is zero.
		ZeroCap,
		/// A pool's member cap is above its period cap.
		MemberCapAbovePoolCap,
		/// The proposer cannot afford the bond.
		InsufficientBond,
		/// The program owes nothing.
		NothingOwed,
		/// The treasury cannot pay the owed tranches yet.
		InsufficientTreasury,
		/// The program is still proposed or active: close or cancel it instead.
		ProgramStillOpen,
		/// The removed program's account holds nothing to sweep.
		NothingToReclaim,
		/// The roster is full (`MaxRoster`).
		RosterFull,
		/// The account is already on the roster.
		AlreadyMember,
		/// The account is not on the roster.
		NotMember,
		/// An ambassador needs a senior.
		MissingSenior,
		/// A Senior Ambassador has no senior of its own.
		UnexpectedSenior,
		/// The named senior is not a Senior Ambassador on the roster.
		NotASenior,
		/// A senior with crew members cannot be removed; remove the crew first.
		SeniorHasCrew,
		/// The program has no milestone with this index.
		UnknownMilestone,
		/// Milestones are reported in order: this is not the next one.
		OutOfOrder,
		/// This milestone's report is awaiting the council.
		AlreadyReported,
		/// There is no pending report of this milestone.
		NoPendingReport,
		/// The cut is above the next tranche's planned amount.
		CutAboveTranche,
		/// The last milestone has no next tranche to cut.
		NoNextTranche,
		/// The program has no pool with this index.
		UnknownPool,
		/// The beneficiary may not be paid from this pool.
		NotEligible,
		/// The award would take the pool above its cap for this period.
		PoolCapExceeded,
		/// The award would take the beneficiary above the member cap for this period.
		MemberCapExceeded,
		/// The pool's denomination cannot be converted to native tokens (no rate).
		NoRate,
		/// The program account cannot pay this much (released minus paid, keeping it alive).
		InsufficientProgramFunds,
		/// The amount, or its native value, is zero.
		ZeroAmount,
		/// The beneficiary cannot receive this payment (below the existential deposit, say).
		CannotReceive,
		/// The program keeps no more per-beneficiary records (`MaxBeneficiaries`).
		TooManyBeneficiaries,
		/// A batch needs at least one award.
		EmptyBatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<frame_system::pallet_prelude::BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::PayoutPeriod::get().is_zero(), "PayoutPeriod must be nonzero");
			assert!(!T::MaxDuration::get().is_zero(), "MaxDuration must be nonzero");
			assert!(T::MaxMilestones::get() > 0, "MaxMilestones must be nonzero");
			assert!(T::MaxTitleLen::get() > 0, "MaxTitleLen must be nonzero");
			assert!(T::MaxRoster::get() > 0, "MaxRoster must be nonzero");
			assert!(T::MaxAwardsPerCall::get() > 0, "MaxAwardsPerCall must be nonzero");
			assert!(T::MaxTagLen::get() > 0, "MaxTagLen must be nonzero");
			assert!(T::MaxReasonLen::get() > 0, "MaxReasonLen must be nonzero");
			assert!(T::MaxEvidenceLen::get() > 0, "MaxEvidenceLen must be nonzero");
			assert!(
				<PalletId as AccountIdConversion<T::AccountId>>::try_into_sub_account(
					&T::PalletId::get(),
					ProgramIndex::MAX,
				)
				.is_some(),
				"AccountId is too small to hold the program accounts"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: frame_system::pallet_prelude::BlockNumberFor<T>,
		) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Propose a program; the caller becomes its lead.
		///
		/// ## Dispatch Origin
		/// Signed. The bond (`ProgramBondBase` + `ProgramBondPerByte` × description length) is
		/// held from the caller.
		///
		/// ## Details
		/// The spec must be consistent: a nonempty title, 1..=`MaxMilestones` milestones with
		/// nonzero targets and tranches of at least the existential deposit, a budget equal to
		/// the sum of the tranches, pools with nonzero caps and member caps at most the pool cap,
		/// and a duration in 1..=`MaxDuration`.
		///
		/// ## Events
		/// `ProgramProposed`.
		///
		/// ## Complexity
		/// O(t + d + m + p) in the title and description lengths, milestones and pools.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose_program(
			spec.title.len() as u32,
			spec.description.len() as u32,
			spec.milestones.len() as u32,
			spec.pools.len() as u32,
		))]
		pub fn propose_program(origin: OriginFor<T>, spec: Box<ProgramSpec<T>>) -> DispatchResult {
			let lead = ensure_signed(origin)?;
			Self::validate_spec(&spec)?;

			let bond = T::ProgramBondPerByte::get()
				.saturating_mul((spec.description.len() as u32).into())
				.saturating_add(T::ProgramBondBase::get());
			let index = ProgramCount::<T>::get();
			let next = index.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			T::Currency::hold(&HoldReason::ProgramBond.into(), &lead, bond)
				.map_err(|_| Error::<T>::InsufficientBond)?;

			let ProgramSpec { title, description, budget, milestones, pools, duration } = *spec;
			let (milestone_count, pool_count) = (milestones.len() as u32, pools.len() as u32);
			Programs::<T>::insert(
				index,
				Program {
					lead: lead.clone(),
					status: ProgramStatus::Proposed,
					budget,
					released: Zero::zero(),
					owed: Zero::zero(),
					paid: Zero::zero(),
					bond,
					milestones,
					pools,
					duration,
					proposed_at: T::BlockNumberProvider::current_block_number(),
					milestones_approved: 0,
					roster_count: 0,
					beneficiaries: 0,
				},
			);
			Descriptions::<T>::insert(index, ProgramText { title, description });
			ProgramCount::<T>::put(next);

			Self::deposit_event(Event::ProgramProposed {
				index,
				lead,
				budget,
				bond,
				milestones: milestone_count,
				pools: pool_count,
				duration,
			});
			Ok(())
		}

		/// Approve a proposed program: release the bond and fund the first tranche.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`.
		///
		/// ## Details
		/// The program becomes Active; periods count from this block and it ends `duration`
		/// blocks later. Tranche 0 moves from the treasury to the program account, keeping the
		/// treasury alive; if the treasury cannot pay, the tranche is owed (see
		/// `release_tranche`).
		///
		/// ## Events
		/// `ProgramApproved`, then `TrancheReleased` or `TrancheOwed`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::approve_program())]
		pub fn approve_program(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResult {
			T::ApproveOrigin::ensure_origin(origin)?;
			let mut program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
			ensure!(program.status == ProgramStatus::Proposed, Error::<T>::NotProposed);

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

		/// Reject a proposed program: slash its bond to the treasury and remove it.
		///
		/// ## Dispatch Origin
		/// `RejectOrigin`.
		///
		/// ## Events
		/// `ProgramRejected`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject_program())]
		pub fn reject_program(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResult {
			T::RejectOrigin::ensure_origin(origin)?;
			let program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
			ensure!(program.status == ProgramStatus::Proposed, Error::<T>::NotProposed);

			let slashed = T::Currency::transfer_on_hold(
				&HoldReason::ProgramBond.into(),
				&program.lead,
				&T::TreasuryAccount::get(),
				program.bond,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)?;
			Programs::<T>::remove(index);
			Descriptions::<T>::remove(index);
			Self::deposit_event(Event::ProgramRejected { index, lead: program.lead, slashed });
			Ok(())
		}

		/// Cancel an active program: refund its account to the treasury and remove it.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`.
		///
		/// ## Details
		/// The whole balance of the program account, stray transfers included, goes back to the
		/// treasury; owed tranches are dropped; the roster, reports and spending records are
		/// removed.
		///
		/// ## Events
		/// `ProgramCancelled`.
		///
		/// ## Complexity
		/// O(r + b) in the roster size and the beneficiary records; the unused weight is
		/// refunded.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel_program(
			T::MaxRoster::get(),
			T::MaxBeneficiaries::get(),
		))]
		pub fn cancel_program(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResultWithPostInfo {
			T::ApproveOrigin::ensure_origin(origin)?;
			let program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
			ensure!(matches!(program.status, ProgramStatus::Active { .. }), Error::<T>::NotActive);

			let (roster, beneficiaries) = (program.roster_count, program.beneficiaries);
			let (owed_dropped, paid) = (program.owed, program.paid);
			let refunded = Self::wind_up(index, program)?;
			Self::deposit_event(Event::ProgramCancelled { index, refunded, owed_dropped, paid });
			Ok(Some(T::WeightInfo::cancel_program(roster, beneficiaries)).into())
		}

		/// Close an active program: refund its account to the treasury and remove it.
		///
		/// ## Dispatch Origin
		/// Signed: the lead once every milestone is approved, or anyone after the end block.
		///
		/// ## Details
		/// As `cancel_program`. No one is slashed for letting a program expire.
		///
		/// ## Events
		/// `ProgramClosed`.
		///
		/// ## Complexity
		/// O(r + b) in the roster size and the beneficiary records; the unused weight is
		/// refunded.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close_program(
			T::MaxRoster::get(),
			T::MaxBeneficiaries::get(),
		))]
		pub fn close_program(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
			let ProgramStatus::Active { ends_at, .. } = program.status else {
				return Err(Error::<T>::NotActive.into());
			};
			let expired = T::BlockNumberProvider::current_block_number() > ends_at;
			let finished = who == program.lead && program.all_milestones_approved();
			ensure!(expired || finished, Error::<T>::CannotCloseYet);

			let (roster, beneficiaries) = (program.roster_count, program.beneficiaries);
			let (owed_dropped, paid) = (program.owed, program.paid);
			let refunded = Self::wind_up(index, program)?;
			Self::deposit_event(Event::ProgramClosed {
				index,
				by: who,
				expired: !finished,
				refunded,
				owed_dropped,
				paid,
			});
			Ok(Some(T::WeightInfo::close_program(roster, beneficiaries)).into())
		}

		/// Name a new lead for an active program.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`.
		///
		/// ## Events
		/// `LeadChanged`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_lead())]
		pub fn set_lead(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			new_lead: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::ApproveOrigin::ensure_origin(origin)?;
			let new = T::Lookup::lookup(new_lead)?;
			Programs::<T>::try_mutate(index, |maybe| {
				let program = maybe.as_mut().ok_or(Error::<T>::UnknownProgram)?;
				ensure!(
					matches!(program.status, ProgramStatus::Active { .. }),
					Error::<T>::NotActive
				);
				let old = core::mem::replace(&mut program.lead, new.clone());
				Self::deposit_event(Event::LeadChanged { index, old, new });
				Ok(())
			})
		}

		/// Pay the tranches the council approved while the treasury could not.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Details
		/// Pays everything owed at once, keeping the treasury alive, or fails with
		/// `InsufficientTreasury` and changes nothing.
		///
		/// ## Events
		/// `OwedReleased`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::release_tranche())]
		pub fn release_tranche(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let mut program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
			Self::ensure_open(&program)?;
			let amount = program.owed;
			ensure!(!amount.is_zero(), Error::<T>::NothingOwed);
			let account = Self::program_account(index);
			ensure!(Self::pay_from_treasury(&account, amount), Error::<T>::InsufficientTreasury);
			program.owed = Zero::zero();
			program.released = program.released.saturating_add(amount);
			Programs::<T>::insert(index, program);
			Self::deposit_event(Event::OwedReleased { index, amount, account });
			Ok(())
		}

		/// Sweep tokens that reached a removed (closed, cancelled or rejected) program's account
		/// to the treasury.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Events
		/// `Reclaimed`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reclaim())]
		pub fn reclaim(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			ensure!(index < ProgramCount::<T>::get(), Error::<T>::UnknownProgram);
			ensure!(!Programs::<T>::contains_key(index), Error::<T>::ProgramStillOpen);
			let account = Self::program_account(index);
			let amount = Self::sweep(&account)?;
			ensure!(!amount.is_zero(), Error::<T>::NothingToReclaim);
			Self::deposit_event(Event::Reclaimed { index, amount });
			Ok(())
		}

		/// Add a member to an active program's roster.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// A Senior Ambassador has no `senior`; an ambassador names the Senior Ambassador whose
		/// crew it joins. At most `MaxRoster` members.
		///
		/// ## Events
		/// `MemberAdded`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			who: AccountIdLookupOf<T>,
			role: Role,
			region: TagOf<T>,
			senior: Option<AccountIdLookupOf<T>>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let senior = senior.map(T::Lookup::lookup).transpose()?;
			let mut program = Self::lead_program(index, &caller)?;
			ensure!(program.roster_count < T::MaxRoster::get(), Error::<T>::RosterFull);
			ensure!(!Roster::<T>::contains_key(index, &who), Error::<T>::AlreadyMember);
			match (role, &senior) {
				(Role::SeniorAmbassador, Some(_)) => Err(Error::<T>::UnexpectedSenior)?,
				(Role::Ambassador, None) => Err(Error::<T>::MissingSenior)?,
				(Role::Ambassador, Some(senior)) => {
					let mut captain =
						Roster::<T>::get(index, senior).ok_or(Error::<T>::NotASenior)?;
					ensure!(captain.role == Role::SeniorAmbassador, Error::<T>::NotASenior);
					captain.crew = captain.crew.saturating_add(1);
					Roster::<T>::insert(index, senior, captain);
				},
				(Role::SeniorAmbassador, None) => {},
			}

			program.roster_count = program.roster_count.saturating_add(1);
			let member = RosterMember {
				role,
				region: region.clone(),
				senior: senior.clone(),
				crew: 0,
				joined_at: T::BlockNumberProvider::current_block_number(),
			};
			Roster::<T>::insert(index, &who, member);
			let roster_count = program.roster_count;
			Programs::<T>::insert(index, program);
			Self::deposit_event(Event::MemberAdded {
				index,
				who,
				role,
				region,
				senior,
				roster_count,
			});
			Ok(())
		}

		/// Remove a member from an active program's roster.
		///
		/// ## Dispatch Origin
		/// Signed by the lead (before the end block), or `ApproveOrigin`.
		///
		/// ## Details
		/// A Senior Ambassador with crew members cannot be removed until its crew is. A removed
		/// senior is no longer paid from senior pools.
		///
		/// ## Events
		/// `MemberRemoved`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let maybe_lead = match T::ApproveOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			let who = T::Lookup::lookup(who)?;
			let mut program = match &maybe_lead {
				Some(caller) => Self::lead_program(index, caller)?,
				None => {
					let program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
					ensure!(
						matches!(program.status, ProgramStatus::Active { .. }),
						Error::<T>::NotActive
					);
					program
				},
			};
			let member = Roster::<T>::get(index, &who).ok_or(Error::<T>::NotMember)?;
			ensure!(member.crew == 0, Error::<T>::SeniorHasCrew);
			if let Some(senior) = &member.senior {
				Roster::<T>::mutate(index, senior, |captain| {
					if let Some(captain) = captain {
						captain.crew = captain.crew.saturating_sub(1);
					}
				});
			}
			Roster::<T>::remove(index, &who);
			program.roster_count = program.roster_count.saturating_sub(1);
			let roster_count = program.roster_count;
			Programs::<T>::insert(index, program);
			Self::deposit_event(Event::MemberRemoved {
				index,
				who,
				by_council: maybe_lead.is_none(),
				roster_count,
			});
			Ok(())
		}

		/// Report the next milestone.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// Milestones are reported in order, one pending report at a time. For
		/// `AmbassadorCount` the figure of record is the roster's size now; `claimed` is kept
		/// beside it. `evidence` is a URL or a hash.
		///
		/// ## Events
		/// `MilestoneReported`.
		///
		/// ## Complexity
		/// O(e) in the evidence length, at most `MaxEvidenceLen`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::report_milestone(evidence.len() as u32))]
		pub fn report_milestone(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] milestone: MilestoneIndex,
			#[pallet::compact] claimed: u64,
			evidence: EvidenceOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let program = Self::lead_program(index, &caller)?;
			let spec =
				program.milestones.get(milestone as usize).ok_or(Error::<T>::UnknownMilestone)?;
			ensure!(milestone == program.milestones_approved, Error::<T>::OutOfOrder);
			ensure!(!Reports::<T>::contains_key(index, milestone), Error::<T>::AlreadyReported);

			let figure =
				if spec.metric.is_on_chain() { program.roster_count as u64 } else { claimed };
			Reports::<T>::insert(
				index,
				milestone,
				MilestoneReport {
					claimed,
					figure,
					evidence: evidence.clone(),
					reported_at: T::BlockNumberProvider::current_block_number(),
					approved: false,
				},
			);
			Self::deposit_event(Event::MilestoneReported {
				index,
				milestone,
				metric: spec.metric.clone(),
				target: spec.target,
				claimed,
				figure,
				evidence,
			});
			Ok(())
		}

		/// Approve the pending report of a milestone, releasing the next tranche less `cut`.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`.
		///
		/// ## Details
		/// A figure below target may be approved: the event says so. `cut` (at most the next
		/// tranche's planned amount) stays in the treasury. After the last milestone there is no
		/// next tranche, and the lead may close the program. A tranche the treasury cannot pay
		/// is owed.
		///
		/// ## Events
		/// `MilestoneApproved`, then `TrancheReleased` or `TrancheOwed` if a tranche follows.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::approve_milestone())]
		pub fn approve_milestone(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] milestone: MilestoneIndex,
			cut: Option<BalanceOf<T>>,
		) -> DispatchResult {
			T::ApproveOrigin::ensure_origin(origin)?;
			let mut program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
			Self::ensure_open(&program)?;
			let mut report = Self::pending_report(index, milestone)?;
			let target = program
				.milestones
				.get(milestone as usize)
				.map(|m| m.target)
				.ok_or(Error::<T>::UnknownMilestone)?;
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

			report.approved = true;
			let figure = report.figure;
			Reports::<T>::insert(index, milestone, report);
			program.milestones_approved = next;
			Self::deposit_event(Event::MilestoneApproved {
				index,
				milestone,
				target,
				figure,
				below_target: figure < target,
				cut,
				next_tranche,
			});
			Self::fund_tranche(index, &mut program, next, next_tranche)?;
			Programs::<T>::insert(index, program);
			Ok(())
		}

		/// Reject the pending report of a milestone; the lead may report it again.
		///
		/// ## Dispatch Origin
		/// `RejectOrigin`.
		///
		/// ## Events
		/// `MilestoneRejected`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::reject_milestone())]
		pub fn reject_milestone(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] milestone: MilestoneIndex,
		) -> DispatchResult {
			T::RejectOrigin::ensure_origin(origin)?;
			let program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
			ensure!(matches!(program.status, ProgramStatus::Active { .. }), Error::<T>::NotActive);
			let report = Self::pending_report(index, milestone)?;
			let target =
				program.milestones.get(milestone as usize).map(|m| m.target).unwrap_or_default();
			Reports::<T>::remove(index, milestone);
			Self::deposit_event(Event::MilestoneRejected {
				index,
				milestone,
				target,
				figure: report.figure,
			});
			Ok(())
		}

		/// Pay a reward from a pool of an active program.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// `amount` is in the pool's denomination. The beneficiary must be eligible (a Senior
		/// Ambassador on the roster for a senior pool; any account but the program's for a
		/// contributor pool). Both caps of the current period are checked, the amount is
		/// converted at the current rate, and the native value is paid from the program account,
		/// which stays alive, within `released - paid`.
		///
		/// ## Events
		/// `Awarded`.
		///
		/// ## Complexity
		/// O(r) in the reason length, at most `MaxReasonLen`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::award(reason.len() as u32))]
		pub fn award(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] pool: PoolIndex,
			beneficiary: AccountIdLookupOf<T>,
			#[pallet::compact] amount: BalanceOf<T>,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let beneficiary = T::Lookup::lookup(beneficiary)?;
			let mut program = Self::lead_program(index, &caller)?;
			Self::do_award(index, &mut program, Award { pool, beneficiary, amount, reason })?;
			Programs::<T>::insert(index, program);
			Ok(())
		}

		/// Pay several rewards at once (the monthly run): all of them, or none.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// Each entry is checked and paid as by `award`, in order, so caps apply across the
		/// batch. If any entry fails, the whole call fails and nothing is paid.
		///
		/// ## Events
		/// `Awarded` for each entry.
		///
		/// ## Complexity
		/// O(n) in the number of awards, at most `MaxAwardsPerCall`; each reason is charged at
		/// `MaxReasonLen`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::award_batch(awards.len() as u32))]
		pub fn award_batch(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			awards: AwardsOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			ensure!(!awards.is_empty(), Error::<T>::EmptyBatch);
			let mut program = Self::lead_program(index, &caller)?;
			for award in awards {
				Self::do_award(index, &mut program, award)?;
			}
			Programs::<T>::insert(index, program);
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The account holding a program's funds, derived from [`Config::PalletId`] and the index.
	pub fn program_account(index: ProgramIndex) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(index)
	}

	/// The current payout period of a program approved at `approved_at`.
	pub fn period_at(approved_at: BlockNumberOf<T>, now: BlockNumberOf<T>) -> PeriodIndex {
		let elapsed = now.saturating_sub(approved_at);
		let period = T::PayoutPeriod::get();
		if period.is_zero() {
			return 0;
		}
		(elapsed / period).saturated_into()
	}

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

	/// The view of a program that [`runtime_api::CommunityBountyApi`] returns.
	pub fn program_view(
		index: ProgramIndex,
	) -> Option<runtime_api::ProgramView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>, T::AssetKind>>
	{
		use runtime_api::*;
		let program = Programs::<T>::get(index)?;
		let now = T::BlockNumberProvider::current_block_number();
		let (status, period) = match program.status {
			ProgramStatus::Proposed => (ProgramStateView::Proposed, 0),
			ProgramStatus::Active { approved_at, ends_at } => (
				ProgramStateView::Active { approved_at, ends_at, expired: now > ends_at },
				Self::period_at(approved_at, now),
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
				},
				target: m.target,
				tranche: m.tranche,
				report: Reports::<T>::get(index, k as MilestoneIndex).map(|r| ReportView {
					claimed: r.claimed,
					figure: r.figure,
					evidence: r.evidence.to_vec(),
					reported_at: r.reported_at,
					approved: r.approved,
				}),
			})
			.collect();
		let pools = program
			.pools
			.iter()
			.enumerate()
			.map(|(p, pool)| {
				let spent = PoolSpending::<T>::get(index, p as PoolIndex).spent_in(period);
				let remaining = pool.period_cap.saturating_sub(spent);
				PoolView {
					eligibility: pool.eligibility,
					denomination: pool.denomination.clone(),
					period_cap: pool.period_cap,
					member_cap: pool.member_cap,
					spent,
					remaining,
					remaining_native: Self::to_native(remaining, &pool.denomination).ok(),
				}
			})
			.collect();
		Some(ProgramView {
			index,
			lead: program.lead,
			status,
			account: Self::program_account(index),
			title: Descriptions::<T>::get(index).map(|t| t.title.to_vec()).unwrap_or_default(),
			budget: program.budget,
			released: program.released,
			owed: program.owed,
			paid: program.paid,
			bond: program.bond,
			roster_count: program.roster_count,
			period,
			milestones,
			pools,
		})
	}

	/// Checks a spec's consistency (see [`Pallet::propose_program`]).
	fn validate_spec(spec: &ProgramSpec<T>) -> DispatchResult {
		ensure!(!spec.title.is_empty(), Error::<T>::EmptyTitle);
		ensure!(!spec.milestones.is_empty(), Error::<T>::NoMilestones);
		let minimum = T::Currency::minimum_balance();
		let mut sum = BalanceOf::<T>::zero();
		for milestone in &spec.milestones {
			ensure!(milestone.target > 0, Error::<T>::ZeroTarget);
			ensure!(milestone.tranche >= minimum, Error::<T>::TrancheBelowMinimum);
			sum = sum.checked_add(&milestone.tranche).ok_or(Error::<T>::BudgetMismatch)?;
		}
		ensure!(sum == spec.budget, Error::<T>::BudgetMismatch);
		ensure!(
			!spec.duration.is_zero() && spec.duration <= T::MaxDuration::get(),
			Error::<T>::InvalidDuration
		);
		for pool in &spec.pools {
			ensure!(!pool.period_cap.is_zero(), Error::<T>::ZeroCap);
			if let Some(member_cap) = pool.member_cap {
				ensure!(!member_cap.is_zero(), Error::<T>::ZeroCap);
				ensure!(member_cap <= pool.period_cap, Error::<T>::MemberCapAbovePoolCap);
			}
		}
		Ok(())
	}

	/// The program, if `caller` leads it and it is open for the lead's calls.
	fn lead_program(
		index: ProgramIndex,
		caller: &T::AccountId,
	) -> Result<Program<T>, DispatchError> {
		let program = Programs::<T>::get(index).ok_or(Error::<T>::UnknownProgram)?;
		ensure!(&program.lead == caller, Error::<T>::NotLead);
		Self::ensure_open(&program)?;
		Ok(program)
	}

	/// Ensures the program is Active and its end block has not passed.
	fn ensure_open(program: &Program<T>) -> DispatchResult {
		let ProgramStatus::Active { ends_at, .. } = program.status else {
			return Err(Error::<T>::NotActive.into());
		};
		ensure!(
			T::BlockNumberProvider::current_block_number() <= ends_at,
			Error::<T>::ProgramExpired
		);
		Ok(())
	}

	/// The pending (not yet approved) report of `milestone`.
	fn pending_report(
		index: ProgramIndex,
		milestone: MilestoneIndex,
	) -> Result<MilestoneReport<T>, Error<T>> {
		Reports::<T>::get(index, milestone)
			.filter(|report| !report.approved)
			.ok_or(Error::<T>::NoPendingReport)
	}

	/// Moves `amount` from the treasury to `account`, keeping the treasury alive. Returns
	/// whether it did; on `false` nothing changed.
	fn pay_from_treasury(account: &T::AccountId, amount: BalanceOf<T>) -> bool {
		let treasury = T::TreasuryAccount::get();
		if T::Currency::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite)
			< amount
		{
			return false;
		}
		with_storage_layer(|| {
			T::Currency::transfer(&treasury, account, amount, Preservation::Preserve)
		})
		.is_ok()
	}

	/// Funds tranche `tranche` of `amount`: paid now if the treasury can, else owed.
	fn fund_tranche(
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
		if program.owed.is_zero() && Self::pay_from_treasury(&account, amount) {
			program.released = program.released.saturating_add(amount);
			Self::deposit_event(Event::TrancheReleased { index, tranche, amount, account });
		} else {
			program.owed = program.owed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
			Self::deposit_event(Event::TrancheOwed { index, tranche, amount });
		}
		Ok(())
	}

	/// Moves the whole balance of `account` to the treasury. Returns the amount moved.
	fn sweep(account: &T::AccountId) -> Result<BalanceOf<T>, DispatchError> {
		let amount =
			T::Currency::reducible_balance(account, Preservation::Expendable, Fortitude::Polite);
		if amount.is_zero() {
			return Ok(amount);
		}
		T::Currency::transfer(account, &T::TreasuryAccount::get(), amount, Preservation::Expendable)
	}

	/// Refunds a program's account to the treasury and removes all of its storage, in work
	/// bounded by the program's roster and beneficiary counts. Returns the amount refunded.
	fn wind_up(index: ProgramIndex, program: Program<T>) -> Result<BalanceOf<T>, DispatchError> {
		let refunded = Self::sweep(&Self::program_account(index))?;
		Programs::<T>::remove(index);
		Descriptions::<T>::remove(index);
		let _ = Reports::<T>::clear_prefix(index, T::MaxMilestones::get(), None);
		let _ = PoolSpending::<T>::clear_prefix(index, T::MaxPools::get(), None);
		let _ = Roster::<T>::clear_prefix(index, program.roster_count, None);
		let _ = MemberSpending::<T>::clear_prefix(index, program.beneficiaries, None);
		Ok(refunded)
	}

	/// Checks and pays one award, updating `program` (which the caller stores).
	fn do_award(
		index: ProgramIndex,
		program: &mut Program<T>,
		award: AwardOf<T>,
	) -> DispatchResult {
		let Award { pool: pool_index, beneficiary, amount, reason } = award;
		let ProgramStatus::Active { approved_at, .. } = program.status else {
			return Err(Error::<T>::NotActive.into());
		};
		let pool = program.pools.get(pool_index as usize).ok_or(Error::<T>::UnknownPool)?;
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let account = Self::program_account(index);
		match pool.eligibility {
			Eligibility::SeniorAmbassadors => ensure!(
				Roster::<T>::get(index, &beneficiary)
					.is_some_and(|member| member.role == Role::SeniorAmbassador),
				Error::<T>::NotEligible
			),
			Eligibility::Contributors => ensure!(beneficiary != account, Error::<T>::NotEligible),
		}

		let now = T::BlockNumberProvider::current_block_number();
		let period = Self::period_at(approved_at, now);
		let pool_spent = PoolSpending::<T>::get(index, pool_index)
			.spent_in(period)
			.checked_add(&amount)
			.filter(|spent| *spent <= pool.period_cap)
			.ok_or(Error::<T>::PoolCapExceeded)?;
		let member_key = (pool_index, beneficiary.clone());
		let member_spent = match pool.member_cap {
			Some(cap) => {
				let record = MemberSpending::<T>::get(index, &member_key);
				if record.is_none() {
					ensure!(
						program.beneficiaries < T::MaxBeneficiaries::get(),
						Error::<T>::TooManyBeneficiaries
					);
				}
				let spent = record
					.map_or_else(Zero::zero, |r| r.spent_in(period))
					.checked_add(&amount)
					.filter(|spent| *spent <= cap)
					.ok_or(Error::<T>::MemberCapExceeded)?;
				Some((record.is_none(), spent))
			},
			None => None,
		};

		let native = Self::to_native(amount, &pool.denomination)?;
		ensure!(!native.is_zero(), Error::<T>::ZeroAmount);
		ensure!(native <= program.unspent(), Error::<T>::InsufficientProgramFunds);
		ensure!(
			T::Currency::can_deposit(&beneficiary, native, Provenance::Extant)
				== DepositConsequence::Success,
			Error::<T>::CannotReceive
		);
		T::Currency::transfer(&account, &beneficiary, native, Preservation::Preserve)
			.map_err(|_| Error::<T>::InsufficientProgramFunds)?;

		PoolSpending::<T>::insert(index, pool_index, Spending { period, spent: pool_spent });
		if let Some((new_record, spent)) = member_spent {
			if new_record {
				program.beneficiaries = program.beneficiaries.saturating_add(1);
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

#[cfg(any(feature = "try-runtime", test))]
impl<T: Config> Pallet<T> {
	/// Checks the rules of the crate docs for every program. Work is linear in the programs and
	/// their (bounded) rosters and spending records.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let count = ProgramCount::<T>::get();
		let now = T::BlockNumberProvider::current_block_number();
		let mut bonds: alloc::collections::BTreeMap<T::AccountId, BalanceOf<T>> =
			Default::default();
		for (index, program) in Programs::<T>::iter() {
			ensure!(index < count, "program index at or above ProgramCount");
			ensure!(Descriptions::<T>::contains_key(index), "program without description");
			ensure!(
				program.released.saturating_add(program.owed) <= program.budget,
				"released + owed above budget"
			);
			ensure!(program.paid <= program.released, "paid above released");
			let held = T::Currency::balance(&Self::program_account(index));
			ensure!(held >= program.unspent(), "program account holds less than released - paid");
			match program.status {
				ProgramStatus::Proposed => {
					ensure!(program.released.is_zero(), "proposed program with released funds");
					let bond = bonds.entry(program.lead.clone()).or_default();
					*bond = bond.saturating_add(program.bond);
				},
				ProgramStatus::Active { approved_at, .. } => {
					ensure!(program.bond.is_zero(), "active program with a bond");
					let period = Self::period_at(approved_at, now);
					for (pool_index, spending) in PoolSpending::<T>::iter_prefix(index) {
						let pool = program
							.pools
							.get(pool_index as usize)
							.ok_or("spending of an unknown pool")?;
						ensure!(spending.spent_in(period) <= pool.period_cap, "pool above its cap");
					}
					let mut records = 0u32;
					for ((pool_index, _), spending) in MemberSpending::<T>::iter_prefix(index) {
						records += 1;
						let cap = program
							.pools
							.get(pool_index as usize)
							.and_then(|pool| pool.member_cap)
							.ok_or("member spending of a pool without member cap")?;
						ensure!(spending.spent_in(period) <= cap, "member above its cap");
					}
					ensure!(records == program.beneficiaries, "beneficiary count mismatch");
					ensure!(records <= T::MaxBeneficiaries::get(), "too many beneficiaries");
				},
			}
			let mut members = 0u32;
			for (_, member) in Roster::<T>::iter_prefix(index) {
				members += 1;
				if let Some(senior) = member.senior {
					ensure!(
						Roster::<T>::get(index, senior)
							.is_some_and(|s| s.role == Role::SeniorAmbassador),
						"ambassador without a senior on the roster"
					);
				}
			}
			ensure!(members == program.roster_count, "roster count mismatch");
			ensure!(members <= T::MaxRoster::get(), "roster above MaxRoster");
			for (milestone, report) in Reports::<T>::iter_prefix(index) {
				ensure!(
					milestone <= program.milestones_approved,
					"report of a milestone beyond the next one"
				);
				ensure!(
					report.approved == (milestone < program.milestones_approved),
					"report approval out of step with milestones_approved"
				);
			}
		}
		for (lead, bond) in bonds {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProgramBond.into(), &lead) == bond,
				"held bond differs from the bonds of proposed programs"
			);
		}
		for index in Descriptions::<T>::iter_keys() {
			ensure!(Programs::<T>::contains_key(index), "orphaned description");
		}
		Ok(())
	}
}
