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

//! The monthly round's types: a round's record (its filers, their scores and fixed payments,
//! the pools' tallies), its pages of entries, and the activity a settled round leaves.

use crate::{
	types::{AccountIdOf, BalanceOf, BlockNumberOf, EvidenceOf, PeriodIndex, PoolIndex},
	Config,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	BoundedVec, CloneNoBound, DebugNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::traits::Zero;

/// A score, in percent: 0..=100.
pub type Score = u8;
/// The highest score.
pub const MAX_SCORE: Score = 100;

/// Where a monthly round stands.
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
pub enum RoundStatus {
	/// Members file, the lead scores. It is final all the same once its scoring window passed.
	#[codec(index = 0)]
	Open,
	/// The lead finalized it: scores are fixed; anyone may settle it.
	#[codec(index = 1)]
	Finalized,
	/// The first settlement call fixed every payment (rates, eligibility, amounts) and
	/// committed their sum: entries from `next` on (in the round's order) are still to be paid.
	/// (Index 2 was a tally in progress, in storage version 2.)
	#[codec(index = 3)]
	Paying {
		/// The position of the next entry to pay.
		next: u32,
		/// Payments made so far.
		paid: u32,
		/// Payments skipped so far (the payee could not receive).
		skipped: u32,
	},
}

/// A report or claim as its round keeps it: who filed, what, the score, and (once the first
/// settlement call fixed it) the pool that pays it. The evidence is in the round's pages.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Filer<AccountId> {
	/// Who filed.
	pub who: AccountId,
	/// The pool a contributor's claim is for; `None` for a roster member's report.
	pub claim: Option<PoolIndex>,
	/// The lead's score, 0..=100; `None` until scored (an unscored entry scores 0).
	pub score: Option<Score>,
	/// Fixed by the first settlement call: the pool that pays the entry (eligible at that call,
	/// at or above the pool's threshold), if any.
	pub payable: Option<PoolIndex>,
}

impl<AccountId> Filer<AccountId> {
	/// Whether it is a roster member's report (not a claim).
	pub fn is_report(&self) -> bool {
		self.claim.is_none()
	}

	/// The score, an unscored entry scoring 0.
	pub fn score_or_zero(&self) -> Score {
		self.score.unwrap_or(0)
	}

	/// Whether it is a report scored at or above `threshold` (an activity threshold).
	pub fn is_active(&self, threshold: Score) -> bool {
		self.is_report() && self.score_or_zero() >= threshold
	}
}

/// A filer of a round of runtime `T`.
pub type FilerOf<T> = Filer<AccountIdOf<T>>;

/// One period's round of one program: the reports and claims filed for it, in filing order,
/// with their scores.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Round<T: Config> {
	/// Open, finalized, or paying.
	pub status: RoundStatus,
	/// Who filed, in filing order (a claim marked as spam gives its place to the last entry),
	/// at most [`Config::MaxEntriesPerRound`], of which claims take at most
	/// `MaxEntriesPerRound - MaxRoster`. Position `i` is entry `i % RoundPageSize` of page
	/// `i / RoundPageSize` in [`crate::RoundPages`].
	pub filers: BoundedVec<FilerOf<T>, <T as Config>::MaxEntriesPerRound>,
	/// Native tokens committed to this round's payments and not yet paid: fixed by the first
	/// settlement call as the sum of every payment, less what was paid since. What is left when
	/// the round ends (payees who could not receive) is released.
	pub committed: BalanceOf<T>,
	/// Per pool (in spec order), once settlement started: the rate and the tally.
	pub pools: BoundedVec<PoolTally<BalanceOf<T>>, <T as Config>::MaxPools>,
}

impl<T: Config> Round<T> {
	/// The claims filed (not marked as spam).
	pub fn claims(&self) -> u32 {
		self.filers.iter().filter(|f| !f.is_report()).count() as u32
	}

	/// The reports that count as active for [`crate::Metric::ActiveMembers`]: scored at or
	/// above `threshold`, and not struck by the council (`assessments` are the round's, at the
	/// filers' positions). A round the council vetoed has none: its caller checks
	/// [`RoundCheck::vetoed`] first (`Pallet::active_in_round` does both).
	pub fn active_filers<'a>(
		&'a self,
		threshold: Score,
		assessments: &'a [Assessment<T>],
	) -> impl Iterator<Item = &'a FilerOf<T>> + 'a {
		self.filers.iter().enumerate().filter_map(move |(position, filer)| {
			let struck = assessments.get(position).is_some_and(|a| a.struck);
			(filer.is_active(threshold) && !struck).then_some(filer)
		})
	}

	/// How many reports count as active: see [`Self::active_filers`].
	pub fn active(&self, threshold: Score, assessments: &[Assessment<T>]) -> u32 {
		self.active_filers(threshold, assessments).count() as u32
	}

	/// The position of `who`'s entry, if it filed.
	pub fn position(&self, who: &AccountIdOf<T>) -> Option<u32> {
		self.filers.iter().position(|f| &f.who == who).map(|p| p as u32)
	}

	/// Whether its settlement started: every payment is fixed.
	pub fn is_paying(&self) -> bool {
		matches!(self.status, RoundStatus::Paying { .. })
	}
}

/// A pool's part of a round's settlement.
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
pub struct PoolTally<Balance> {
	/// The pool's period cap in native tokens at the rate of the first settlement call (zero
	/// for a direct pool): every payment converts at this rate.
	pub native_cap: Balance,
	/// The sum that shares the pool out among the payable entries: their scores
	/// (`Proportional`) or their unscaled amounts (`Linear`).
	pub sum: u128,
}

impl<T: Config> Default for Round<T> {
	fn default() -> Self {
		Self {
			status: RoundStatus::Open,
			filers: Default::default(),
			committed: Zero::zero(),
			pools: Default::default(),
		}
	}
}

/// Who was active in a final period: the accounts whose report scored at or above the
/// program's activity threshold and that the council did not strike (none if it vetoed the
/// round), as the first call of the round's settlement found them. [`Metric::ActiveMembers`]
/// counts those still on the roster once the round is gone.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct PeriodActivity<T: Config> {
	/// The period.
	pub period: PeriodIndex,
	/// The accounts active in it, in the round's order.
	pub members: BoundedVec<AccountIdOf<T>, <T as Config>::MaxEntriesPerRound>,
}

/// What was filed: a roster member's activity report, or a contributor's claim to a pool.
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
pub enum EntryKind<Balance> {
	/// A roster member's monthly report: counts for [`Metric::ActiveMembers`], and is paid from
	/// the scored senior pool if the member is an eligible Senior Ambassador.
	#[codec(index = 0)]
	Report,
	/// A claim to a scored `Contributors` pool by an account not on the roster, with a deposit
	/// held until the round goes (or slashed if the lead marks it spam).
	#[codec(index = 1)]
	Claim {
		/// The pool claimed from.
		pool: PoolIndex,
		/// The deposit held.
		deposit: Balance,
	},
}

/// A payment of a round: what a view shows, and what settlement pays.
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
pub struct Payment<Balance> {
	/// The pool paying.
	pub pool: PoolIndex,
	/// In the pool's denomination.
	pub amount: Balance,
	/// In native tokens, at the rate of the settlement's first call (or, in a view before
	/// settlement, today's).
	pub native: Balance,
}

/// A report or claim of a round as its page stores it: what was filed, with its evidence. Its
/// filer is at the same position in the round's `filers`, with its score.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct RoundEntry<T: Config> {
	/// Who filed it.
	pub who: AccountIdOf<T>,
	/// Report or claim.
	pub kind: EntryKind<BalanceOf<T>>,
	/// A URL or a hash of what the member did.
	pub evidence: EvidenceOf<T>,
	/// The block it was filed.
	pub filed_at: BlockNumberOf<T>,
}

/// A page of a round's entries: [`Config::RoundPageSize`] of them, so that one settlement
/// step reads and removes one page.
pub type RoundPageOf<T> = BoundedVec<RoundEntry<T>, <T as Config>::RoundPageSize>;

/// One `(account, score)` pair of a [`crate::Pallet::score_round`] call.
pub type ScoresOf<T> = BoundedVec<(AccountIdOf<T>, Score), <T as Config>::MaxScoresPerCall>;

/// The scoring panel a program's spec names: who scores its rounds, and how many scores an
/// entry needs. Without one, the lead scores alone.
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
pub struct Panel<T: Config> {
	/// The reviewers, 1..=[`Config::MaxReviewers`], each once; the lead may be one. None is on
	/// the roster, the program account or the treasury.
	pub reviewers: BoundedVec<AccountIdOf<T>, <T as Config>::MaxReviewers>,
	/// How many reviewers must score an entry for it to have a score (the median of theirs):
	/// 1..=the number of reviewers. Below it the entry scores nothing and pays nothing.
	pub quorum: u32,
}

impl<T: Config> Panel<T> {
	/// The position of `who` on the panel, if it is a reviewer.
	pub fn position(&self, who: &AccountIdOf<T>) -> Option<ReviewerIndex> {
		self.reviewers.iter().position(|r| r == who).map(|p| p as ReviewerIndex)
	}
}

/// A reviewer's position on its program's panel.
pub type ReviewerIndex = u8;

/// What an entry of a round was given besides its score: the member's own proposal, and each
/// reviewer's score. Kept in [`crate::Assessments`], at the entry's position.
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
	DefaultNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound(T: Config))]
pub struct Assessment<T: Config> {
	/// The score the member proposed for its report (0..=100), if it did.
	pub proposed: Option<Score>,
	/// Each reviewer's score, by the reviewer's position on the panel, in the order given;
	/// a reviewer scores an entry at most once (a new score replaces its last).
	pub reviews: BoundedVec<(ReviewerIndex, Score), <T as Config>::MaxReviewers>,
	/// The member's appeal of its score, if it appealed.
	pub appeal: Option<AppealState<BalanceOf<T>>>,
	/// Whether the council struck the entry in the veto window: it pays nothing, and a struck
	/// report does not count for [`crate::Metric::ActiveMembers`].
	pub struck: bool,
}

impl<T: Config> Assessment<T> {
	/// Whether it holds nothing: no proposal, no review, no appeal, no strike.
	pub fn is_empty(&self) -> bool {
		self.proposed.is_none() && self.reviews.is_empty() && self.appeal.is_none() && !self.struck
	}

	/// The deposit of its appeal, if one is open.
	pub fn open_appeal(&self) -> Option<BalanceOf<T>> {
		match self.appeal {
			Some(AppealState::Open { deposit }) => Some(deposit),
			_ => None,
		}
	}

	/// The median of the reviews if at least `quorum` reviewers scored (the mean of the two
	/// middle scores, rounded down, for an even count); `None` below the quorum.
	pub fn median(&self, quorum: u32) -> Option<Score> {
		let count = self.reviews.len();
		if count == 0 || (count as u32) < quorum {
			return None;
		}
		// At most `MaxReviewers` (256 at most, `integrity_test` checks) scores, sorted on the
		// stack: no allocation per entry.
		let mut buffer = [0 as Score; 256];
		for (slot, (_, score)) in buffer.iter_mut().zip(self.reviews.iter()) {
			*slot = *score;
		}
		let scores = buffer.get_mut(..count)?;
		scores.sort_unstable();
		let high = *scores.get(count / 2)?;
		if !count.is_multiple_of(2) {
			return Some(high);
		}
		let low = *scores.get((count / 2).saturating_sub(1))?;
		// Both at most 100: their sum fits a u16.
		Some(((low as u16 + high as u16) / 2) as Score)
	}
}

/// The assessments of a round's entries, by position: shorter than the round's filers when its
/// last entries hold nothing.
pub type AssessmentsOf<T> = BoundedVec<Assessment<T>, <T as Config>::MaxEntriesPerRound>;

/// Where a member's appeal of its score stands.
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
pub enum AppealState<Balance> {
	/// Waiting for the council, with `deposit` held ([`crate::HoldReason::AppealDeposit`]).
	#[codec(index = 0)]
	Open {
		/// The deposit held.
		deposit: Balance,
	},
	/// The council upheld it and set the score; the deposit was returned.
	#[codec(index = 1)]
	Upheld,
	/// The council dismissed it; the deposit went to the treasury.
	#[codec(index = 2)]
	Dismissed,
	/// The council did not decide it within the appeal window: dismissed without a slash, the
	/// deposit returned.
	#[codec(index = 3)]
	Lapsed,
}

/// The council's checks on a final round: when the lead finalized it (its appeal window opens
/// then), the appeals still open, and whether the council vetoed it. Kept in
/// [`crate::RoundChecks`] while the round is stored.
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
	DefaultNoBound,
)]
pub struct RoundCheck<BlockNumber> {
	/// The block the lead finalized the round, if it did before its scoring deadline.
	pub finalized_at: Option<BlockNumber>,
	/// Appeals of the round's entries that wait for the council (or, after the appeal window,
	/// for anyone to lapse them): settlement does not start while there are any.
	pub open_appeals: u32,
	/// Whether the council vetoed the round: nothing is paid from it, and none of its reports
	/// counts for [`crate::Metric::ActiveMembers`].
	pub vetoed: bool,
}

/// The council's checks on a round of runtime `T`.
pub type RoundCheckOf<T> = RoundCheck<BlockNumberOf<T>>;
