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

//! Model-based randomized tests: random sequences of every call of the pallet, from random
//! origins (the lead, strangers, the council's two majorities, Root) with random and edge-case
//! arguments, interleaved with blocks jumping across periods and end blocks, rate changes, a
//! treasury drained and refilled, stray transfers, and a paymaster that pays at once, later
//! (payments concluded paid, failed or forgotten) or never.
//!
//! A small reference model predicts each call's outcome (`Ok`, or the exact error). After every
//! call: the outcome matches the model; a failed call left the storage root unchanged; the
//! model's view of every program matches the chain's; `try_state` holds; total issuance is
//! unchanged.
//!
//! The checks on the lead (#26) are in the model too: a member's appeal of a score below its
//! proposal (held deposit, upheld by the approve origin, dismissed to the treasury by the reject
//! origin, lapsed by anyone after the window), the council's strike of an entry and veto of a
//! round (reject origin, before the veto deadline), settlement waiting for both windows, and
//! `ActiveMembers` leaving out struck reports and vetoed rounds. Each sequence runs with appeal
//! and veto windows its strategy chose (none, for some, so that the behaviour without the
//! checks stays covered); the model predicts every appeal deposit held, returned or slashed.
//!
//! `PROPTEST_CASES` sets the number of sequences (default 64, of up to 60 calls each); for a long
//! run (`MODEL_REPORT=1` prints the running count of calls, and how often each call met each
//! outcome): `PROPTEST_CASES=4000 cargo test -p pallet-community-bounty --release --all-features model_`.

use super::direct_spec;
use crate::{mock::*, Error, *};
use frame_support::traits::{fungible::InspectHold, tokens::PaymentStatus, Get};
use proptest::prelude::*;
use sp_runtime::{traits::BadOrigin, DispatchError, FixedPointNumber, FixedU128, StateVersion};
use std::collections::BTreeMap;

type CB = CommunityBounty;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
	Lead,
	Stranger,
	NewLead,
	Approver,
	Rejecter,
	/// An approving body whose spending limit is `SMALL_COUNCIL_LIMIT`.
	SmallCouncil,
	Root,
}

impl Who {
	fn origin(self) -> RuntimeOrigin {
		match self {
			Who::Root => RuntimeOrigin::root(),
			w => RuntimeOrigin::signed(w.account().unwrap_or_default()),
		}
	}
	fn account(self) -> Option<AccountId> {
		match self {
			Who::Lead => Some(LEAD),
			Who::Stranger => Some(STRANGER),
			Who::NewLead => Some(NEW_LEAD),
			Who::Approver => Some(APPROVER),
			Who::Rejecter => Some(REJECTER),
			Who::SmallCouncil => Some(SMALL_COUNCIL),
			Who::Root => None,
		}
	}
	fn approves(self) -> bool {
		matches!(self, Who::Approver | Who::Root | Who::SmallCouncil)
	}
	/// The most an approving origin may release with one decision.
	fn limit(self) -> Balance {
		if self == Who::SmallCouncil {
			SMALL_COUNCIL_LIMIT
		} else {
			Balance::MAX
		}
	}
	fn rejects(self) -> bool {
		matches!(self, Who::Rejecter | Who::Root)
	}
}

#[derive(Clone, Debug)]
enum Action {
	/// `active`: milestone 1 counts the active members (else the roster); `panel`: the spec
	/// names [`REVIEWERS`] as its scoring panel, two of whom make a quorum.
	Propose {
		who: Who,
		valid: bool,
		active: bool,
		panel: bool,
	},
	Approve {
		who: Who,
		index: u32,
	},
	Reject {
		who: Who,
		index: u32,
	},
	Cancel {
		who: Who,
		index: u32,
	},
	Close {
		who: Who,
		index: u32,
	},
	SetLead {
		who: Who,
		index: u32,
		new_lead: bool,
	},
	Release {
		who: Who,
		index: u32,
	},
	Reclaim {
		who: Who,
		index: u32,
	},
	AddMember {
		who: Who,
		index: u32,
		member: u8,
		senior: Option<u8>,
	},
	AddSenior {
		who: Who,
		index: u32,
		member: u8,
		with_senior: bool,
	},
	RemoveMember {
		who: Who,
		index: u32,
		member: u8,
	},
	Report {
		who: Who,
		index: u32,
		milestone: u32,
		claimed: u64,
	},
	/// `attempt` and `expected` are offsets from what the report says: 0 names the report as it
	/// is; anything else names another attempt, or expects more than the figure of record.
	ApproveMilestone {
		who: Who,
		index: u32,
		milestone: u32,
		attempt: i8,
		expected: i8,
		cut: Option<Balance>,
	},
	RejectMilestone {
		who: Who,
		index: u32,
		milestone: u32,
		attempt: i8,
	},
	Award {
		who: Who,
		index: u32,
		pool: u32,
		beneficiary: u8,
		usd: Balance,
	},
	Batch {
		who: Who,
		index: u32,
		awards: Vec<(u32, u8, Balance)>,
	},
	Advance {
		blocks: u64,
	},
	SetRate {
		rate: Option<(u128, u128)>,
	},
	SetTreasury {
		amount: Balance,
	},
	Stray {
		index: u32,
	},
	Clear {
		who: Who,
		index: u32,
	},
	Unbar {
		who: Who,
		index: u32,
		member: u8,
	},
	/// A member (or anyone) files a report for the period `back` periods before the current
	/// one (2: the next one, not begun; 3: two before), proposing a score for itself.
	FileReport {
		member: u8,
		index: u32,
		back: u8,
		proposed: Option<u8>,
	},
	FileClaim {
		member: u8,
		index: u32,
		back: u8,
		pool: u32,
	},
	Score {
		who: Who,
		index: u32,
		back: u8,
		scores: Vec<(u8, u8)>,
	},
	/// `reviewer` (a member index: a reviewer of [`REVIEWERS`] or not) reviews a round.
	Review {
		reviewer: u8,
		index: u32,
		back: u8,
		scores: Vec<(u8, u8)>,
	},
	Spam {
		who: Who,
		index: u32,
		back: u8,
		member: u8,
	},
	Finalize {
		who: Who,
		index: u32,
		back: u8,
	},
	Settle {
		who: Who,
		index: u32,
		back: u8,
	},
	Promote {
		who: Who,
		index: u32,
		member: u8,
	},
	/// How the paymaster treats the next payments.
	SetPayMode {
		mode: PayMode,
	},
	/// The paymaster concludes its deferred payment `payment` (of an award, a round or a retry):
	/// 0 paid, 1 failed (the money comes back), 2 forgotten (`Unknown`).
	Conclude {
		payment: u8,
		status: u8,
	},
	CheckPayment {
		who: Who,
		index: u32,
		payment: u8,
	},
	RetryPayment {
		who: Who,
		index: u32,
		payment: u8,
	},
	/// A member with no account opens one (so that it can receive a small payment).
	Endow {
		member: u8,
	},
	/// `member` appeals its score in a round. In the checks on the lead, `back` may also name
	/// the oldest stored round (4) or the latest final one (5), and `member` a filer of the round
	/// or one with an open appeal (see [`target_period`] and [`chosen`]), as a client picks them.
	Appeal {
		member: u8,
		index: u32,
		back: u8,
	},
	/// The council upholds `member`'s appeal, setting its score to `score`.
	UpholdAppeal {
		who: Who,
		index: u32,
		back: u8,
		member: u8,
		score: u8,
	},
	/// The council dismisses `member`'s appeal: its deposit goes to the treasury.
	DismissAppeal {
		who: Who,
		index: u32,
		back: u8,
		member: u8,
	},
	/// Anyone lapses `member`'s undecided appeal after the window: its deposit comes back.
	LapseAppeal {
		who: Who,
		index: u32,
		back: u8,
		member: u8,
	},
	/// The council strikes `member`'s entry: not paid, not active.
	StrikeEntry {
		who: Who,
		index: u32,
		back: u8,
		member: u8,
	},
	/// The council vetoes a round: nothing paid, no one active.
	VetoRound {
		who: Who,
		index: u32,
		back: u8,
	},
	/// A member receives PHA: enough for an appeal's deposit.
	Fund {
		member: u8,
	},
	/// Time passes until a moment of one of program 0's stored rounds, if it is ahead: 0 when
	/// the oldest round not final yet becomes final; 1 the last block of the latest final
	/// round's appeal window, 2 its appeal deadline; 3 the oldest round's veto deadline. As a
	/// client waits for a deadline it knows.
	Wait {
		until: u8,
	},
}

/// Members 0..8: 0..4 are roster candidates, 4..8 contributors (never on the roster); 8 is the
/// lead, 9 the account of program 0 and 10 the treasury, whom no program may pay or enrol.
/// The scoring panel of a program proposed with one: the lead, members 5 and 6 (who may file
/// claims, never join a roster); two make a quorum.
const REVIEWERS: [u8; 3] = [8, 5, 6];
const QUORUM: usize = 2;

/// The median of `reviews` at or above [`QUORUM`], as the pallet defines it.
fn median(reviews: &BTreeMap<AccountId, u8>) -> Option<u8> {
	let mut scores: Vec<u16> = reviews.values().map(|s| *s as u16).collect();
	if scores.len() < QUORUM {
		return None;
	}
	scores.sort();
	let n = scores.len();
	Some(if n % 2 == 1 { scores[n / 2] } else { (scores[n / 2 - 1] + scores[n / 2]) / 2 } as u8)
}

fn member(m: u8) -> AccountId {
	match m {
		8 => LEAD,
		9 => CB::program_account(0),
		10 => TREASURY,
		m => 500 + m as AccountId,
	}
}

/// A roster candidate, now and then one who may never be on a roster (or a panel's reviewer).
fn candidate() -> impl Strategy<Value = u8> {
	prop_oneof![12 => 0u8..4, 1 => 8u8..11, 1 => Just(5u8)]
}

/// Who reviews: a reviewer of [`REVIEWERS`], now and then a member who is not one.
fn reviewer() -> impl Strategy<Value = u8> {
	prop_oneof![3 => Just(8u8), 3 => Just(5u8), 3 => Just(6u8), 1 => Just(0u8)]
}

/// A beneficiary, now and then one who may never be paid.
fn beneficiary() -> impl Strategy<Value = u8> {
	prop_oneof![12 => 0u8..8, 1 => 8u8..11]
}

/// An offset from what a report says: mostly none.
fn offset() -> impl Strategy<Value = i8> {
	prop_oneof![8 => Just(0i8), 1 => Just(-1), 1 => Just(1)]
}

fn who() -> impl Strategy<Value = Who> {
	prop_oneof![
		7 => Just(Who::Lead),
		1 => Just(Who::Stranger),
		1 => Just(Who::NewLead),
		3 => Just(Who::Approver),
		2 => Just(Who::Rejecter),
		1 => Just(Who::SmallCouncil),
		1 => Just(Who::Root),
	]
}

/// An origin for the council's calls: mostly the right ones, sometimes not.
fn council() -> impl Strategy<Value = Who> {
	prop_oneof![
		5 => Just(Who::Approver),
		3 => Just(Who::Rejecter),
		2 => Just(Who::SmallCouncil),
		1 => Just(Who::Root),
		1 => Just(Who::Lead),
		1 => Just(Who::Stranger),
	]
}

fn milestone() -> impl Strategy<Value = u32> {
	prop_oneof![6 => Just(0u32), 4 => Just(1u32), 1 => Just(2u32)]
}

/// Which period a round action names: 0 the current one, 1 the previous, 2 the next.
fn back() -> impl Strategy<Value = u8> {
	prop_oneof![5 => Just(0u8), 5 => Just(1u8), 1 => Just(2u8)]
}

/// Which period a check on the lead names: mostly the latest final round still stored (5), the
/// likeliest to be in its windows, or the oldest round stored (4), the likeliest to settle, or
/// the previous period's; else the current one or the one before the previous (3).
fn check_back() -> impl Strategy<Value = u8> {
	prop_oneof![1 => Just(0u8), 2 => Just(1u8), 1 => Just(3u8), 2 => Just(4u8), 5 => Just(5u8)]
}

/// The score a member proposes for its report: often none, now and then an invalid one.
fn proposal() -> impl Strategy<Value = Option<u8>> {
	prop_oneof![4 => Just(None), 3 => Just(Some(50u8)), 3 => Just(Some(80)), 1 => Just(Some(100)), 1 => Just(Some(101))]
}

/// The score the council sets when it upholds an appeal (101 is refused).
fn upheld_score() -> impl Strategy<Value = u8> {
	prop_oneof![Just(0u8), Just(39), Just(40), Just(60), Just(100), Just(101)]
}

/// The appeal and veto windows of a sequence, set before it runs: none for some sequences (a
/// round settles once final, as before the checks on the lead), else up to two periods of
/// appeals and a period of veto.
fn windows() -> impl Strategy<Value = (u64, u64)> {
	prop_oneof![
		1 => Just((0u64, 0u64)),
		3 => (
			prop_oneof![Just(0u64), Just(10), Just(30), Just(PERIOD / 2), Just(PERIOD), Just(2 * PERIOD)],
			prop_oneof![Just(0u64), Just(10), Just(PERIOD / 2), Just(PERIOD)],
		),
	]
}

fn index() -> impl Strategy<Value = u32> {
	prop_oneof![12 => Just(0u32), 4 => 1u32..3, 1 => Just(u32::MAX)]
}

fn usd() -> impl Strategy<Value = Balance> {
	prop_oneof![
		Just(0),
		Just(1),
		Just(ED - 1),
		Just(100 * USD),
		Just(499 * USD),
		Just(500 * USD),
		Just(1_000 * USD),
		Just(2_000 * USD),
		Just(2_000 * USD + 1),
		Just(40_000 * USD),
	]
}

fn action() -> impl Strategy<Value = Action> {
	prop_oneof![
		3 => (who(), prop::bool::weighted(0.85), any::<bool>(), prop::bool::weighted(0.3)).prop_map(|(who, valid, active, panel)| Action::Propose { who, valid, active, panel }),
		3 => (council(), index()).prop_map(|(who, index)| Action::Approve { who, index }),
		1 => (council(), index()).prop_map(|(who, index)| Action::Reject { who, index }),
		1 => (council(), index()).prop_map(|(who, index)| Action::Cancel { who, index }),
		2 => (who(), index()).prop_map(|(who, index)| Action::Close { who, index }),
		1 => (council(), index(), any::<bool>()).prop_map(|(who, index, new_lead)| Action::SetLead { who, index, new_lead }),
		1 => (who(), index()).prop_map(|(who, index)| Action::Release { who, index }),
		1 => (who(), index()).prop_map(|(who, index)| Action::Reclaim { who, index }),
		4 => (who(), index(), candidate(), prop::option::of(0u8..4)).prop_map(|(who, index, member, senior)| Action::AddMember { who, index, member, senior }),
		3 => (who(), index(), candidate(), prop::bool::weighted(0.1)).prop_map(|(who, index, member, with_senior)| Action::AddSenior { who, index, member, with_senior }),
		2 => (prop_oneof![3 => who(), 1 => council()], index(), 0u8..4).prop_map(|(who, index, member)| Action::RemoveMember { who, index, member }),
		1 => (council(), index(), 0u8..4).prop_map(|(who, index, member)| Action::Unbar { who, index, member }),
		1 => (who(), index()).prop_map(|(who, index)| Action::Clear { who, index }),
		4 => (who(), index(), milestone(), prop_oneof![Just(0u64), Just(32), Just(40), Just(45_500), Just(u64::MAX)]).prop_map(|(who, index, milestone, claimed)| Action::Report { who, index, milestone, claimed }),
		4 => (council(), index(), milestone(), offset(), offset(), prop::option::of(prop_oneof![Just(0), Just(4_000 * PHA), Just(20_000 * PHA), Just(20_000 * PHA + 1)])).prop_map(|(who, index, milestone, attempt, expected, cut)| Action::ApproveMilestone { who, index, milestone, attempt, expected, cut }),
		2 => (council(), index(), milestone(), offset()).prop_map(|(who, index, milestone, attempt)| Action::RejectMilestone { who, index, milestone, attempt }),
		6 => (who(), index(), 0u32..5, beneficiary(), usd()).prop_map(|(who, index, pool, beneficiary, usd)| Action::Award { who, index, pool, beneficiary, usd }),
		2 => (who(), index(), prop::collection::vec((0u32..2, beneficiary(), usd()), 0..4)).prop_map(|(who, index, awards)| Action::Batch { who, index, awards }),
		4 => prop_oneof![Just(0u64), Just(1), Just(50), Just(PERIOD - 1), Just(PERIOD), Just(PERIOD + 1), Just(GRACE), Just(SCORING), Just(6 * PERIOD)].prop_map(|blocks| Action::Advance { blocks }),
		1 => prop::option::of(prop_oneof![Just((0u128, 1u128)), Just((1, 1_000)), Just((5, 2)), Just((4, 1))]).prop_map(|rate| Action::SetRate { rate }),
		1 => prop_oneof![Just(0), Just(ED), Just(50_000 * PHA), Just(TREASURY_FUNDS)].prop_map(|amount| Action::SetTreasury { amount }),
		1 => index().prop_map(|index| Action::Stray { index }),
		5 => (prop_oneof![12 => 0u8..8, 1 => 8u8..11], index(), back(), proposal()).prop_map(|(member, index, back, proposed)| Action::FileReport { member, index, back, proposed }),
		3 => (prop_oneof![12 => 0u8..8, 1 => 8u8..11], index(), back(), prop_oneof![6 => Just(3u32), 1 => Just(2u32), 1 => Just(1u32), 1 => Just(7u32)]).prop_map(|(member, index, back, pool)| Action::FileClaim { member, index, back, pool }),
		4 => (who(), index(), back(), prop::collection::vec((0u8..9, prop_oneof![Just(0u8), Just(39), Just(40), Just(41), Just(75), Just(100), Just(101)]), 0..5)).prop_map(|(who, index, back, scores)| Action::Score { who, index, back, scores }),
		3 => (reviewer(), index(), back(), prop::collection::vec((0u8..9, prop_oneof![Just(0u8), Just(40), Just(75), Just(100), Just(101)]), 0..4)).prop_map(|(reviewer, index, back, scores)| Action::Review { reviewer, index, back, scores }),
		1 => (who(), index(), back(), 0u8..9).prop_map(|(who, index, back, member)| Action::Spam { who, index, back, member }),
		2 => (who(), index(), back()).prop_map(|(who, index, back)| Action::Finalize { who, index, back }),
		4 => (who(), index(), back()).prop_map(|(who, index, back)| Action::Settle { who, index, back }),
		1 => (who(), index(), 0u8..9).prop_map(|(who, index, member)| Action::Promote { who, index, member }),
		1 => pay_mode().prop_map(|mode| Action::SetPayMode { mode }),
		2 => (0u8..6, 0u8..3).prop_map(|(payment, status)| Action::Conclude { payment, status }),
		2 => (who(), index(), 0u8..4).prop_map(|(who, index, payment)| Action::CheckPayment { who, index, payment }),
		2 => (who(), index(), 0u8..4).prop_map(|(who, index, payment)| Action::RetryPayment { who, index, payment }),
		1 => (0u8..8).prop_map(|member| Action::Endow { member }),
		2 => (prop_oneof![12 => 0u8..8, 1 => 8u8..11], index(), check_back()).prop_map(|(member, index, back)| Action::Appeal { member, index, back }),
		1 => (council(), index(), check_back(), 0u8..9, upheld_score()).prop_map(|(who, index, back, member, score)| Action::UpholdAppeal { who, index, back, member, score }),
		1 => (council(), index(), check_back(), 0u8..9).prop_map(|(who, index, back, member)| Action::DismissAppeal { who, index, back, member }),
		1 => (who(), index(), check_back(), 0u8..9).prop_map(|(who, index, back, member)| Action::LapseAppeal { who, index, back, member }),
		1 => (council(), index(), check_back(), 0u8..9).prop_map(|(who, index, back, member)| Action::StrikeEntry { who, index, back, member }),
		1 => (council(), index(), check_back()).prop_map(|(who, index, back)| Action::VetoRound { who, index, back }),
		1 => (0u8..8).prop_map(|member| Action::Fund { member }),
	]
}

/// How the paymaster pays: mostly at once.
fn pay_mode() -> impl Strategy<Value = PayMode> {
	prop_oneof![3 => Just(PayMode::Instant), 2 => Just(PayMode::Deferred), 1 => Just(PayMode::Refuse)]
}

#[derive(Clone, Debug, Default, PartialEq)]
struct ModelMember {
	senior_role: bool,
	senior: Option<AccountId>,
}

/// The latest report of the next milestone.
#[derive(Clone, Debug, PartialEq)]
struct ModelReport {
	milestone: u32,
	attempt: u32,
	figure: u64,
	pending: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct ModelProgram {
	lead: AccountId,
	/// Whether milestone 1 counts the active members (else the roster).
	counts_active: bool,
	/// Whether [`REVIEWERS`] score its rounds (else the lead).
	panel: bool,
	active: Option<(u64, u64)>,
	released: Balance,
	owed: Vec<Balance>,
	paid: Balance,
	approved: u32,
	report: Option<ModelReport>,
	roster: BTreeMap<AccountId, ModelMember>,
	barred: std::collections::BTreeSet<AccountId>,
	pool_spent: [(u32, Balance); 2],
	member_spent: BTreeMap<AccountId, (u32, Balance)>,
	rounds: BTreeMap<u32, ModelRound>,
	committed: Balance,
	/// The latest period the lead finalized, or whose settlement started.
	finalized: Option<u32>,
	/// Who was active in a period whose settlement started (the latest such), as DESIGN keeps
	/// it once the round is gone.
	activity: Option<(u32, Vec<AccountId>)>,
	/// Recorded payments (in progress or failed), by index.
	payments: BTreeMap<u32, ModelPayment>,
	next_payment: u32,
	/// The latest failure, while a failed payment is recorded (DESIGN: it holds a close).
	last_failed: Option<u64>,
}

/// A payment the paymaster did not report done at once.
#[derive(Clone, Debug, PartialEq)]
struct ModelPayment {
	payee: AccountId,
	amount: Balance,
	/// The paymaster's id while in progress; `None` once failed.
	in_progress: Option<u32>,
	failed_at: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
enum ModelStatus {
	Open,
	Finalized,
	Paying(usize),
}

#[derive(Clone, Debug, PartialEq)]
struct ModelEntry {
	/// The pool of a claim; `None` for a report.
	claim: Option<u32>,
	score: Option<u8>,
	payable: Option<u32>,
	/// With a panel: each reviewer's score.
	reviews: BTreeMap<AccountId, u8>,
	/// The score the member proposed for its report.
	proposed: Option<u8>,
	/// The member's appeal of its score, if it appealed.
	appeal: Option<ModelAppeal>,
	/// Whether the council struck the entry: not paid, not active, still in its pool's tally.
	struck: bool,
}

/// Where an appeal stands; an open one holds [`APPEAL_DEPOSIT`].
#[derive(Clone, Copy, Debug, PartialEq)]
enum ModelAppeal {
	Open,
	Upheld,
	Dismissed,
	Lapsed,
}

#[derive(Clone, Debug, PartialEq)]
struct ModelRound {
	status: ModelStatus,
	filers: Vec<AccountId>,
	entries: BTreeMap<AccountId, ModelEntry>,
	committed: Balance,
	/// Per scored pool (2 and 3): the cap in native at the first settlement call, and the sum.
	tallies: [(Balance, u128); 2],
	/// The block the lead finalized it, if it did (its appeal window opens then).
	finalized_at: Option<u64>,
	/// Whether the council vetoed it: nothing paid, no one active.
	vetoed: bool,
}

impl ModelRound {
	fn open_appeals(&self) -> u32 {
		self.entries.values().filter(|e| e.appeal == Some(ModelAppeal::Open)).count() as u32
	}
	/// Who is active in it, in the round's order: the reports scored at or above the threshold
	/// that the council did not strike; no one in a vetoed round.
	fn active(&self) -> Vec<AccountId> {
		if self.vetoed {
			return Vec::new();
		}
		self.filers
			.iter()
			.filter(|who| {
				self.entries.get(who).is_some_and(|e| {
					e.claim.is_none() && e.score.unwrap_or(0) >= THRESHOLD && !e.struck
				})
			})
			.copied()
			.collect()
	}
}

impl ModelProgram {
	fn period(&self) -> Option<u32> {
		self.active.map(|(approved_at, _)| ((now() - approved_at) / PERIOD) as u32)
	}
	fn beneficiaries_this_period(&self) -> u32 {
		let period = self.period();
		self.member_spent.values().filter(|(p, _)| Some(*p) == period).count() as u32
	}
	fn crew(&self, senior: AccountId) -> usize {
		self.roster.values().filter(|m| m.senior == Some(senior)).count()
	}
	/// DESIGN's `ActiveMembers`: the distinct accounts on the roster now whose report for the
	/// last finalized period scored at or above the activity threshold, not struck by the
	/// council, in a round it did not veto.
	fn active_members(&self) -> u64 {
		let Some((approved_at, ends)) = self.active else { return 0 };
		// The last finalized period: finalized by the lead or by its settlement, or final by
		// itself, never past the program's last period.
		let by_time = (0..=last_period(approved_at, ends))
			.filter(|q| scoring_deadline(approved_at, *q) <= now())
			.max();
		let Some(last) = by_time.max(self.finalized) else { return 0 };
		let active: Vec<AccountId> = match (self.rounds.get(&last), &self.activity) {
			(Some(round), _) => round.active(),
			(None, Some((period, members))) if *period == last => members.clone(),
			_ => Vec::new(),
		};
		active.iter().filter(|who| self.roster.contains_key(who)).count() as u64
	}
	/// The figure of record of milestone 1 now.
	fn figure(&self) -> u64 {
		if self.counts_active {
			self.active_members()
		} else {
			self.roster.len() as u64
		}
	}
	/// Records a payment (the paymaster's id, or the block it failed) if fewer than
	/// `MaxOpenPayments` are; returns whether it did.
	fn record(&mut self, payee: AccountId, amount: Balance, state: Result<u32, u64>) -> bool {
		if self.payments.len() >= MAX_OPEN_PAYMENTS {
			return false;
		}
		let (in_progress, failed_at) = match state {
			Ok(id) => (Some(id), None),
			Err(at) => {
				self.last_failed = Some(at);
				(None, Some(at))
			},
		};
		self.payments
			.insert(self.next_payment, ModelPayment { payee, amount, in_progress, failed_at });
		self.next_payment += 1;
		true
	}
	/// A recorded payment is done: its record goes.
	fn close_record(&mut self, payment: u32) {
		self.payments.remove(&payment);
		if self.payments.values().all(|p| p.failed_at.is_none()) {
			self.last_failed = None;
		}
	}
	fn in_progress(&self) -> bool {
		self.payments.values().any(|p| p.in_progress.is_some())
	}
	/// Takes `m` off the roster, a senior with its crew.
	fn take_off_roster(&mut self, m: AccountId) {
		self.roster.retain(|who, member| *who != m && member.senior != Some(m));
	}
}

/// What the model knows: the programs, and the rate. Balances it reads from the chain, as any
/// client would.
#[derive(Default)]
struct Model {
	count: u32,
	programs: BTreeMap<u32, ModelProgram>,
	rate: Option<FixedU128>,
	/// How the paymaster pays.
	mode: PayMode,
	/// The id the paymaster gives its next deferred payment.
	next_mock: std::cell::Cell<u32>,
	/// Open appeals of rounds of removed programs, by (program, period, member): their deposits
	/// stay held until the clean-up removes the round's record, then return.
	orphan_appeals: Vec<(u32, u32, AccountId)>,
	/// What the last call predicted moves in accounts' free PHA (an appeal's deposit held,
	/// returned or slashed to the treasury), checked once it ran.
	deltas: Vec<(AccountId, i128)>,
}

const TRANCHES: [Balance; 2] = [80_000 * PHA, 20_000 * PHA];
/// The scored pools of the model's spec: 2 pays seniors by score (proportional), 3 pays claims
/// (linear, with the member cap).
const SCORED_CAP: Balance = 2_000 * USD;
const MAX_FILERS: usize = 72;
/// DESIGN: claims use only what the roster cannot (`MaxEntriesPerRound - MaxRoster`).
const CLAIM_ROOM: usize = MAX_FILERS - 64;
/// The spec's activity threshold, and the scored pools' threshold.
const THRESHOLD: u8 = 40;
/// The crew a senior must lead to be paid from a senior pool, in the model's spec.
const MIN_CREW: usize = 1;
const PAGE: usize = 4;
const CAPS: [Balance; 2] = [2_000 * USD, 2_000 * USD];
const MEMBER_CAP: Balance = 500 * USD;
const DURATION: u64 = 6 * PERIOD;
const MAX_OPEN_PAYMENTS: usize = 16;

fn now() -> u64 {
	System::block_number()
}
fn period_of(approved_at: u64, at: u64) -> u32 {
	((at.saturating_sub(approved_at)) / PERIOD) as u32
}
fn filing_deadline(approved_at: u64, period: u32) -> u64 {
	approved_at + (period as u64 + 1) * PERIOD + GRACE
}
fn scoring_deadline(approved_at: u64, period: u32) -> u64 {
	filing_deadline(approved_at, period) + SCORING
}
fn is_final(round: &ModelRound, approved_at: u64, period: u32) -> bool {
	round.status != ModelStatus::Open || now() >= scoring_deadline(approved_at, period)
}
/// The block the round of `period` became final: its scoring deadline, or the block the lead
/// finalized it if earlier.
fn final_at(approved_at: u64, round: &ModelRound, period: u32) -> u64 {
	let deadline = scoring_deadline(approved_at, period);
	round.finalized_at.map_or(deadline, |at| at.min(deadline))
}
/// The first block at which the round of `period` takes no appeal and no decision on one.
fn appeal_deadline(approved_at: u64, round: &ModelRound, period: u32) -> u64 {
	final_at(approved_at, round, period) + AppealWindow::get()
}
/// The first block at which the round of `period` may settle, and the council may no longer
/// strike or veto.
fn veto_deadline(approved_at: u64, round: &ModelRound, period: u32) -> u64 {
	appeal_deadline(approved_at, round, period) + VetoWindow::get()
}
/// The last period of a program: the last that began before its end block.
fn last_period(approved_at: u64, ends: u64) -> u32 {
	period_of(approved_at, ends - 1)
}
/// `amount x numerator / denominator`, rounded down, as the pallet computes it.
fn share(amount: u128, numerator: u128, denominator: u128) -> u128 {
	if denominator == 0 {
		return 0;
	}
	sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
		amount,
		numerator,
		denominator,
		sp_runtime::Rounding::Down,
	)
	.unwrap_or(0)
}
/// The period a round action names, from the chain's program and rounds (0 if there is no
/// program), as a client picks it before it signs.
fn target_period(index: u32, back: u8) -> u32 {
	let Some(schedule) = Programs::<Test>::get(index).and_then(|p| p.schedule()) else {
		return 0;
	};
	let current = period_of(schedule.approved_at, now());
	match back {
		0 => current,
		1 => current.saturating_sub(1),
		3 => current.saturating_sub(2),
		// The oldest round the chain still stores (the current period if none is).
		4 => Rounds::<Test>::iter_key_prefix(index).min().unwrap_or(current),
		// The latest final round the chain still stores (the current period if none is).
		5 => Rounds::<Test>::iter_prefix(index)
			.filter(|(period, round)| schedule.is_final(round, *period, now()))
			.map(|(period, _)| period)
			.max()
			.unwrap_or(current),
		_ => current + 1,
	}
}
fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
/// The account a check on the lead names, as a client picks it from the chain: member `m`
/// (below 100); the filer at position `m - 100` of the round of `period` (100..200); or, from
/// 200, the `m - 200`th filer of that round with an open appeal. Member 0 if there is none.
fn chosen(index: u32, period: u32, m: u8) -> AccountId {
	if m < 100 {
		return member(m);
	}
	let Some(round) = Rounds::<Test>::get(index, period) else { return member(0) };
	let filers = round.filers.iter().map(|f| f.who);
	let who = if m < 200 {
		filers.clone().nth((m - 100) as usize)
	} else {
		let assessments = Assessments::<Test>::get(index, period).unwrap_or_default();
		filers
			.enumerate()
			.filter(|(position, _)| {
				assessments.get(*position).and_then(|a| a.open_appeal()).is_some()
			})
			.map(|(_, who)| who)
			.nth((m - 200) as usize)
	};
	who.unwrap_or(member(0))
}

thread_local! {
	/// Whether the sequence's programs pay USDT (an asset of `pallet-assets`) instead of PHA.
	static PAYS_USDT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}
fn pays_usdt() -> bool {
	PAYS_USDT.with(|p| p.get())
}
/// What the programs pay in.
fn asset() -> Denomination<u32> {
	if pays_usdt() {
		IN_USDT
	} else {
		Denomination::Native
	}
}
/// What `who` holds of the programs' asset.
fn held(who: AccountId) -> Balance {
	if pays_usdt() {
		usdt(who)
	} else {
		free(who)
	}
}
/// The programs' asset's minimum balance: PHA's existential deposit, or USDT's minimum.
fn min() -> Balance {
	if pays_usdt() {
		USDT_MIN
	} else {
		ED
	}
}
/// Sets what `who` holds of the programs' asset (moving it from or to the whale).
fn set_held(who: AccountId, amount: Balance) {
	if pays_usdt() {
		set_usdt(who, amount)
	} else {
		set_free(who, amount)
	}
}
/// What an amount of the programs' asset is worth in PHA, for the council's limit: USDT at the
/// mock's PHA/USDT rate (which the model never changes).
fn value_in_pha(amount: Balance) -> Balance {
	if pays_usdt() {
		UsdtRate::get().map_or(Balance::MAX, |rate| rate.saturating_mul_int(amount))
	} else {
		amount
	}
}
fn treasury_can_pay(amount: Balance) -> bool {
	held(TREASURY).saturating_sub(min()) >= amount
}

type Outcome = Result<(), DispatchError>;

impl Model {
	fn program(&self, index: u32) -> Result<&ModelProgram, DispatchError> {
		self.programs.get(&index).ok_or(Error::<Test>::UnknownProgram.into())
	}
	fn active(p: &ModelProgram) -> Outcome {
		p.active.ok_or(Error::<Test>::NotActive)?;
		Ok(())
	}
	/// The pending report of `milestone`, if the decision names its attempt (`offset` 0).
	fn pending(p: &ModelProgram, milestone: u32, offset: i8) -> Result<ModelReport, DispatchError> {
		let report = p
			.report
			.clone()
			.filter(|r| r.milestone == milestone && r.pending)
			.ok_or(Error::<Test>::NoPendingReport)?;
		if report.attempt.saturating_add_signed(offset as i32) != report.attempt {
			return Err(Error::<Test>::WrongAttempt.into());
		}
		Ok(report)
	}
	fn open(p: &ModelProgram) -> Outcome {
		let (_, ends) = p.active.ok_or(Error::<Test>::NotActive)?;
		if now() > ends {
			return Err(Error::<Test>::ProgramExpired.into());
		}
		Ok(())
	}
	fn lead_program(&self, who: Who, index: u32) -> Result<ModelProgram, DispatchError> {
		let caller = who.account().ok_or(BadOrigin)?;
		let p = self.program(index)?;
		if p.lead != caller {
			return Err(Error::<Test>::NotLead.into());
		}
		Self::open(p)?;
		Ok(p.clone())
	}
	fn fund(&self, p: &mut ModelProgram, amount: Balance) {
		if amount == 0 {
			return;
		}
		// A tranche counts as released once the paymaster took it.
		if p.owed.is_empty() && treasury_can_pay(amount) && self.mode != PayMode::Refuse {
			p.released += amount;
		} else {
			p.owed.push(amount);
		}
	}
	/// The sweep of a close, cancel or reclaim: refused with the paymaster's refusal.
	fn sweep(&self, index: u32) -> Outcome {
		if self.mode == PayMode::Refuse && held(CB::program_account(index)) > 0 {
			return Err(Error::<Test>::PaymentRefused.into());
		}
		Ok(())
	}
	/// The paymaster's id of its next deferred payment.
	fn take_mock_id(&self) -> u32 {
		let id = self.next_mock.get();
		self.next_mock.set(id + 1);
		id
	}
	/// What a cap amount pays: in USD at the rate for a program paying PHA; as it is for one
	/// paying USDT, whose caps are in USDT (no rate).
	fn native(&self, usd: Balance) -> Result<Balance, DispatchError> {
		if pays_usdt() {
			return Ok(usd);
		}
		self.rate.map(|r| r.saturating_mul_int(usd)).ok_or(Error::<Test>::NoRate.into())
	}

	/// Predicts one award against `p` (which it updates), with the program account's free
	/// balance `account_free` (which it updates).
	fn award(
		&self,
		index: u32,
		p: &mut ModelProgram,
		account_free: &mut Balance,
		paid_to: &mut BTreeMap<AccountId, Balance>,
		pool: u32,
		beneficiary: AccountId,
		usd: Balance,
	) -> Outcome {
		let (approved_at, _) = p.active.ok_or(Error::<Test>::NotActive)?;
		if pool >= 4 {
			return Err(Error::<Test>::UnknownPool.into());
		}
		if pool >= 2 {
			return Err(Error::<Test>::PoolIsScored.into());
		}
		if usd == 0 {
			return Err(Error::<Test>::ZeroAmount.into());
		}
		if beneficiary == CB::program_account(index) || beneficiary == TREASURY {
			return Err(Error::<Test>::ReservedAccount.into());
		}
		if beneficiary == p.lead {
			return Err(Error::<Test>::LeadNotEligible.into());
		}
		if pool == 0 && !p.roster.get(&beneficiary).is_some_and(|m| m.senior_role) {
			return Err(Error::<Test>::NotEligible.into());
		}
		if pool == 0 && p.crew(beneficiary) < MIN_CREW {
			return Err(Error::<Test>::CrewTooSmall.into());
		}
		let period = ((now() - approved_at) / PERIOD) as u32;
		let (pp, ps) = p.pool_spent[pool as usize];
		let pool_spent = if pp == period { ps } else { 0 } + usd;
		if pool_spent > CAPS[pool as usize] {
			return Err(Error::<Test>::PoolCapExceeded.into());
		}
		let mut member = None;
		if pool == 1 {
			let record = p.member_spent.get(&beneficiary).copied();
			let first_this_period = record.is_none_or(|(rp, _)| rp != period);
			if first_this_period && p.beneficiaries_this_period() >= 64 {
				return Err(Error::<Test>::TooManyBeneficiaries.into());
			}
			let spent = record.map_or(0, |(rp, s)| if rp == period { s } else { 0 }) + usd;
			if spent > MEMBER_CAP {
				return Err(Error::<Test>::MemberCapExceeded.into());
			}
			member = Some(spent);
		}
		let native = self.native(usd)?;
		if native == 0 {
			return Err(Error::<Test>::ZeroAmount.into());
		}
		if native > p.released - p.paid - p.committed
			|| account_free.saturating_sub(min()).saturating_sub(p.committed) < native
		{
			return Err(Error::<Test>::InsufficientProgramFunds.into());
		}
		let has = paid_to.get(&beneficiary).copied().unwrap_or_else(|| held(beneficiary));
		let receivable = has > 0 || native >= min();
		if !receivable {
			return Err(Error::<Test>::CannotReceive.into());
		}
		if self.mode == PayMode::Refuse {
			return Err(Error::<Test>::PaymentRefused.into());
		}
		if self.mode == PayMode::Deferred {
			// Past `MaxOpenPayments`, a payment in flight is not tracked.
			let id = self.take_mock_id();
			p.record(beneficiary, native, Ok(id));
		}
		*account_free -= native;
		*paid_to.entry(beneficiary).or_insert(has) += native;
		p.pool_spent[pool as usize] = (period, pool_spent);
		if let Some(spent) = member {
			p.member_spent.insert(beneficiary, (period, spent));
		}
		p.paid += native;
		Ok(())
	}

	/// Predicts `action`'s outcome and, on success, applies it to the model.
	fn step(&mut self, action: &Action) -> Outcome {
		use Action::*;
		self.next_mock.set(MockPayments::get().len() as u32);
		match action.clone() {
			Propose { who, valid, active, panel } => {
				let caller = who.account().ok_or(BadOrigin)?;
				if !valid {
					return Err(Error::<Test>::EmptyTitle.into());
				}
				// The bond counts the program's bytes, the panel's too.
				if free(caller).saturating_sub(ED) < super::bond_for(proposed_spec(active, panel)) {
					return Err(Error::<Test>::InsufficientBond.into());
				}
				self.programs.insert(
					self.count,
					ModelProgram {
						lead: caller,
						counts_active: active,
						panel,
						active: None,
						released: 0,
						owed: Vec::new(),
						paid: 0,
						approved: 0,
						report: None,
						roster: Default::default(),
						barred: Default::default(),
						pool_spent: Default::default(),
						member_spent: Default::default(),
						rounds: Default::default(),
						committed: 0,
						finalized: None,
						activity: None,
						payments: Default::default(),
						next_payment: 0,
						last_failed: None,
					},
				);
				self.count += 1;
			},
			Approve { who, index } => {
				if !who.approves() {
					return Err(BadOrigin.into());
				}
				let mut p = self.program(index)?.clone();
				if p.active.is_some() {
					return Err(Error::<Test>::NotProposed.into());
				}
				if who.limit() < value_in_pha(TRANCHES.iter().sum()) {
					return Err(Error::<Test>::InsufficientPermission.into());
				}
				p.active = Some((now(), now() + DURATION));
				self.fund(&mut p, TRANCHES[0]);
				self.programs.insert(index, p);
			},
			Reject { who, index } => {
				if !who.rejects() {
					return Err(BadOrigin.into());
				}
				if self.program(index)?.active.is_some() {
					return Err(Error::<Test>::NotProposed.into());
				}
				self.programs.remove(&index);
			},
			Cancel { who, index } => {
				if !who.approves() {
					return Err(BadOrigin.into());
				}
				let p = self.program(index)?;
				if p.active.is_none() {
					return Err(Error::<Test>::NotActive.into());
				}
				// DESIGN: no cancel while a payment is in progress; a failed one does not
				// hold the council.
				if p.in_progress() {
					return Err(Error::<Test>::PaymentsInProgress.into());
				}
				self.sweep(index)?;
				self.remove_program(index);
			},
			Close { who, index } => {
				let caller = who.account().ok_or(BadOrigin)?;
				let p = self.program(index)?;
				let (approved_at, ends) = p.active.ok_or(Error::<Test>::NotActive)?;
				if !(now() > ends || (caller == p.lead && p.approved == 2)) {
					return Err(Error::<Test>::CannotCloseYet.into());
				}
				if p.report.as_ref().is_some_and(|r| r.pending) {
					return Err(Error::<Test>::ReportPending.into());
				}
				if now() <= ends && !p.rounds.is_empty() {
					// DESIGN: a lead who finished early does not drop the month's rounds: the
					// program ends now, and its rounds get the windows of any end.
					let mut p = p.clone();
					p.active = Some((approved_at, now()));
					self.programs.insert(index, p);
					return Ok(());
				}
				// DESIGN: a final round always gets a real window to be settled before a close
				// can drop it, after its appeal and veto windows.
				let last = last_period(approved_at, ends);
				let settles_until = scoring_deadline(approved_at, last)
					+ AppealWindow::get()
					+ VetoWindow::get()
					+ SETTLEMENT;
				let closable = now() <= ends
					|| (p.rounds.is_empty() && now() >= filing_deadline(approved_at, last))
					|| now() >= settles_until;
				if !closable {
					return Err(Error::<Test>::RoundsOpen.into());
				}
				if p.in_progress() {
					return Err(Error::<Test>::PaymentsInProgress.into());
				}
				// DESIGN: a failed payment holds a close for its retry window.
				if p.last_failed.is_some_and(|at| now() < at + RETRY_WINDOW) {
					return Err(Error::<Test>::PaymentRetryOpen.into());
				}
				self.sweep(index)?;
				self.remove_program(index);
			},
			SetLead { who, index, new_lead } => {
				if !who.approves() {
					return Err(BadOrigin.into());
				}
				let p = self.programs.get_mut(&index).ok_or(Error::<Test>::UnknownProgram)?;
				let lead = if new_lead { NEW_LEAD } else { LEAD };
				if p.active.is_none() {
					return Err(Error::<Test>::NotActive.into());
				}
				// DESIGN: the lead is never on its own roster.
				p.take_off_roster(lead);
				p.lead = lead;
			},
			Release { who, index } => {
				who.account().ok_or(BadOrigin)?;
				let mut p = self.program(index)?.clone();
				Self::active(&p)?;
				if p.owed.is_empty() {
					return Err(Error::<Test>::NothingOwed.into());
				}
				// Oldest first, each in full, while the treasury (read as it drains) can pay.
				let mut treasury = held(TREASURY);
				let mut paid = 0;
				for amount in p.owed.clone() {
					if treasury.saturating_sub(min()) < amount || self.mode == PayMode::Refuse {
						break;
					}
					treasury -= amount;
					p.released += amount;
					paid += 1;
				}
				if paid == 0 {
					return Err(Error::<Test>::InsufficientTreasury.into());
				}
				p.owed.drain(..paid);
				self.programs.insert(index, p);
			},
			Reclaim { who, index } => {
				who.account().ok_or(BadOrigin)?;
				if index >= self.count {
					return Err(Error::<Test>::UnknownProgram.into());
				}
				if self.programs.contains_key(&index) {
					return Err(Error::<Test>::ProgramStillOpen.into());
				}
				if held(CB::program_account(index)) == 0 {
					return Err(Error::<Test>::NothingToReclaim.into());
				}
				self.sweep(index)?;
			},
			AddMember { who, index, member: m, senior } => {
				return self.add(who, index, member(m), false, senior.map(member))
			},
			AddSenior { who, index, member: m, with_senior } => {
				return self.add(who, index, member(m), true, with_senior.then(|| member(0)))
			},
			RemoveMember { who, index, member: m } => {
				let mut p = if who.approves() {
					let p = self.program(index)?.clone();
					if p.active.is_none() {
						return Err(Error::<Test>::NotActive.into());
					}
					p
				} else {
					self.lead_program(who, index)?
				};
				let m = member(m);
				if !p.roster.contains_key(&m) {
					// The council's removal of an account no longer on the roster still bars it.
					if !who.approves() || !p.barred.insert(m) {
						return Err(Error::<Test>::NotMember.into());
					}
					self.programs.insert(index, p);
					return Ok(());
				}
				// A senior's crew leaves with it.
				p.take_off_roster(m);
				if who.approves() {
					p.barred.insert(m);
				}
				self.programs.insert(index, p);
			},
			Report { who, index, milestone, .. } => {
				let mut p = self.lead_program(who, index)?;
				if milestone >= 2 {
					return Err(Error::<Test>::UnknownMilestone.into());
				}
				if milestone != p.approved {
					return Err(Error::<Test>::OutOfOrder.into());
				}
				let attempt = match &p.report {
					Some(r) if r.milestone == milestone && r.pending => {
						return Err(Error::<Test>::AlreadyReported.into())
					},
					Some(r) if r.milestone == milestone => r.attempt + 1,
					_ => 1,
				};
				let Action::Report { claimed, .. } = action else { unreachable!() };
				let figure = if milestone == 0 { p.figure() } else { *claimed };
				p.report = Some(ModelReport { milestone, attempt, figure, pending: true });
				self.programs.insert(index, p);
			},
			ApproveMilestone { who, index, milestone, attempt, expected, cut } => {
				if !who.approves() {
					return Err(BadOrigin.into());
				}
				let mut p = self.program(index)?.clone();
				Self::active(&p)?;
				let report = Self::pending(&p, milestone, attempt)?;
				// The figure of record: for an on-chain metric counted again now, never above the
				// count at the report; else the claim.
				let figure =
					if milestone == 0 { report.figure.min(p.figure()) } else { report.figure };
				if figure < report.figure.saturating_add_signed(expected as i64) {
					return Err(Error::<Test>::FigureBelowExpected.into());
				}
				let cut = cut.unwrap_or(0);
				let next = match TRANCHES.get(milestone as usize + 1) {
					Some(planned) if cut > *planned => {
						return Err(Error::<Test>::CutAboveTranche.into())
					},
					Some(planned) => planned - cut,
					None if cut > 0 => return Err(Error::<Test>::NoNextTranche.into()),
					None => 0,
				};
				if next > 0 && value_in_pha(next) > who.limit() {
					return Err(Error::<Test>::InsufficientPermission.into());
				}
				p.report = None;
				p.approved += 1;
				self.fund(&mut p, next);
				self.programs.insert(index, p);
			},
			RejectMilestone { who, index, milestone, attempt } => {
				if !who.rejects() {
					return Err(BadOrigin.into());
				}
				let p = self.programs.get_mut(&index).ok_or(Error::<Test>::UnknownProgram)?;
				Self::active(p)?;
				Self::pending(p, milestone, attempt)?;
				if let Some(report) = p.report.as_mut() {
					report.pending = false;
				}
			},
			Clear { who, index } => {
				who.account().ok_or(BadOrigin)?;
				// Whether a clean-up is under way depends on how many entries each step met: the
				// model reads it from the chain, as a client would.
				if !Cleanups::<Test>::contains_key(index) {
					return Err(Error::<Test>::NothingToClear.into());
				}
			},
			Unbar { who, index, member: m } => {
				if !who.approves() {
					return Err(BadOrigin.into());
				}
				let p = self.programs.get_mut(&index).ok_or(Error::<Test>::UnknownProgram)?;
				Self::active(p)?;
				if !p.barred.remove(&member(m)) {
					return Err(Error::<Test>::NotBarred.into());
				}
			},
			Award { who, index, pool, beneficiary, usd } => {
				let mut p = self.lead_program(who, index)?;
				let mut account_free = held(CB::program_account(index));
				self.award(
					index,
					&mut p,
					&mut account_free,
					&mut BTreeMap::new(),
					pool,
					member(beneficiary),
					usd,
				)?;
				self.programs.insert(index, p);
			},
			Batch { who, index, awards } => {
				let mut p = self.lead_program(who, index)?;
				if awards.is_empty() {
					return Err(Error::<Test>::EmptyBatch.into());
				}
				let mut account_free = held(CB::program_account(index));
				let mut paid_to = BTreeMap::new();
				for (pool, beneficiary, usd) in awards {
					self.award(
						index,
						&mut p,
						&mut account_free,
						&mut paid_to,
						pool,
						member(beneficiary),
						usd,
					)?;
				}
				self.programs.insert(index, p);
			},
			FileReport { member: m, index, back, proposed } => {
				return self.file(member(m), index, target_period(index, back), None, proposed)
			},
			FileClaim { member: m, index, back, pool } => {
				return self.file(member(m), index, target_period(index, back), Some(pool), None)
			},
			Score { who, index, back, scores } => {
				let period = target_period(index, back);
				let (mut p, mut round, _) = self.open_round(who, index, period)?;
				if p.panel {
					return Err(Error::<Test>::PanelScores.into());
				}
				if scores.is_empty() {
					return Err(Error::<Test>::NoScores.into());
				}
				for (m, score) in scores {
					if score > 100 {
						return Err(Error::<Test>::InvalidScore.into());
					}
					if member(m) == p.lead {
						return Err(Error::<Test>::LeadCannotFile.into());
					}
					let entry = round.entries.get_mut(&member(m)).ok_or(Error::<Test>::NotFiled)?;
					entry.score = Some(score);
				}
				p.rounds.insert(period, round);
				self.programs.insert(index, p);
			},
			Review { reviewer, index, back, scores } => {
				let caller = member(reviewer);
				let mut p = self.program(index)?.clone();
				if !p.panel {
					return Err(Error::<Test>::NoPanel.into());
				}
				if !REVIEWERS.contains(&reviewer) {
					return Err(Error::<Test>::NotReviewer.into());
				}
				let (approved_at, _) = p.active.ok_or(Error::<Test>::NotActive)?;
				let period = target_period(index, back);
				let mut round = p.rounds.get(&period).cloned().ok_or(Error::<Test>::NoRound)?;
				if is_final(&round, approved_at, period) {
					return Err(Error::<Test>::RoundFinal.into());
				}
				if scores.is_empty() {
					return Err(Error::<Test>::NoScores.into());
				}
				for (m, score) in scores {
					if score > 100 {
						return Err(Error::<Test>::InvalidScore.into());
					}
					if member(m) == caller {
						return Err(Error::<Test>::OwnEntry.into());
					}
					if member(m) == p.lead {
						return Err(Error::<Test>::LeadCannotFile.into());
					}
					let entry = round.entries.get_mut(&member(m)).ok_or(Error::<Test>::NotFiled)?;
					entry.reviews.insert(caller, score);
					entry.score = median(&entry.reviews);
				}
				p.rounds.insert(period, round);
				self.programs.insert(index, p);
			},
			Spam { who, index, back, member: m } => {
				let period = target_period(index, back);
				let (mut p, mut round, _) = self.open_round(who, index, period)?;
				let m = member(m);
				let entry = round.entries.get(&m).ok_or(Error::<Test>::NotFiled)?;
				if entry.claim.is_none() {
					return Err(Error::<Test>::NotAClaim.into());
				}
				round.entries.remove(&m);
				round.filers.retain(|f| *f != m);
				if round.filers.is_empty() {
					// Nothing left to score or pay: the round is gone.
					p.rounds.remove(&period);
				} else {
					p.rounds.insert(period, round);
				}
				self.programs.insert(index, p);
			},
			Finalize { who, index, back } => {
				let period = target_period(index, back);
				let (mut p, mut round, approved_at) = self.open_round(who, index, period)?;
				if now() < filing_deadline(approved_at, period) {
					return Err(Error::<Test>::FilingNotOver.into());
				}
				round.status = ModelStatus::Finalized;
				// Its appeal window opens now.
				round.finalized_at = Some(now());
				p.rounds.insert(period, round);
				p.finalized = p.finalized.max(Some(period));
				self.programs.insert(index, p);
			},
			Settle { who, index, back } => {
				return self.settle(who, index, target_period(index, back))
			},
			Promote { who, index, member: m } => {
				let mut p = self.lead_program(who, index)?;
				let m = member(m);
				let current = p.roster.get(&m).ok_or(Error::<Test>::NotMember)?;
				if current.senior_role {
					return Err(Error::<Test>::NotAnAmbassador.into());
				}
				p.roster.insert(m, ModelMember { senior_role: true, senior: None });
				self.programs.insert(index, p);
			},
			SetPayMode { mode } => self.mode = mode,
			CheckPayment { who, index, payment } => {
				who.account().ok_or(BadOrigin)?;
				let p = self.programs.get_mut(&index).ok_or(Error::<Test>::UnknownProgram)?;
				let record =
					p.payments.get_mut(&(payment as u32)).ok_or(Error::<Test>::UnknownPayment)?;
				let id = record.in_progress.ok_or(Error::<Test>::PaymentNotInProgress)?;
				let status = MockPayments::get().get(id as usize).map(|m| m.status.clone());
				match status {
					Some(PaymentStatus::InProgress) => {
						return Err(Error::<Test>::PaymentInconclusive.into())
					},
					Some(PaymentStatus::Failure) => {
						record.in_progress = None;
						record.failed_at = Some(now());
						p.last_failed = Some(now());
					},
					// DESIGN: `Unknown` counts as done, as pallet-treasury decides.
					_ => p.close_record(payment as u32),
				}
			},
			RetryPayment { who, index, payment } => {
				who.account().ok_or(BadOrigin)?;
				let mode = self.mode;
				let id = self.next_mock.get();
				let p = self.programs.get_mut(&index).ok_or(Error::<Test>::UnknownProgram)?;
				let record =
					p.payments.get_mut(&(payment as u32)).ok_or(Error::<Test>::UnknownPayment)?;
				if record.in_progress.is_some() {
					return Err(Error::<Test>::PaymentNotFailed.into());
				}
				let receivable = held(record.payee) > 0 || record.amount >= min();
				match mode {
					_ if !receivable => return Err(Error::<Test>::PaymentRefused.into()),
					PayMode::Refuse => return Err(Error::<Test>::PaymentRefused.into()),
					PayMode::Instant => p.close_record(payment as u32),
					PayMode::Deferred => {
						record.in_progress = Some(id);
						record.failed_at = None;
					},
				}
			},
			Advance { .. }
			| SetTreasury { .. }
			| Stray { .. }
			| Conclude { .. }
			| Endow { .. }
			| Fund { .. }
			| Wait { .. } => {},
			Appeal { member: m, index, back } => {
				let period = target_period(index, back);
				let m = chosen(index, period, m);
				let (mut p, mut round, approved_at) = self.final_round(index, period)?;
				if now() >= appeal_deadline(approved_at, &round, period) {
					return Err(Error::<Test>::AppealWindowClosed.into());
				}
				let entry = round.entries.get_mut(&m).ok_or(Error::<Test>::NotFiled)?;
				if entry.appeal.is_some() {
					return Err(Error::<Test>::AlreadyAppealed.into());
				}
				// Only a report scored below the score its member proposed.
				let score = entry.score.unwrap_or(0);
				if entry.claim.is_some() || entry.proposed.is_none_or(|proposed| score >= proposed)
				{
					return Err(Error::<Test>::NothingToAppeal.into());
				}
				if free(m).saturating_sub(ED) < APPEAL_DEPOSIT {
					return Err(Error::<Test>::InsufficientDeposit.into());
				}
				entry.appeal = Some(ModelAppeal::Open);
				self.deltas.push((m, -(APPEAL_DEPOSIT as i128)));
				p.rounds.insert(period, round);
				self.programs.insert(index, p);
			},
			UpholdAppeal { who, index, back, member: m, score } => {
				if !who.approves() {
					return Err(BadOrigin.into());
				}
				if score > 100 {
					return Err(Error::<Test>::InvalidScore.into());
				}
				let period = target_period(index, back);
				let m = chosen(index, period, m);
				let (p, mut round) = self.open_appeal(index, period, m, true)?;
				// The council's score replaces the lead's (or the panel's median).
				if let Some(entry) = round.entries.get_mut(&m) {
					entry.score = Some(score);
				}
				self.deltas.push((m, APPEAL_DEPOSIT as i128));
				self.close_appeal(index, period, p, round, m, ModelAppeal::Upheld);
			},
			DismissAppeal { who, index, back, member: m } => {
				if !who.rejects() {
					return Err(BadOrigin.into());
				}
				let period = target_period(index, back);
				let m = chosen(index, period, m);
				let (p, round) = self.open_appeal(index, period, m, true)?;
				// The deposit goes to the treasury.
				self.deltas.push((TREASURY, APPEAL_DEPOSIT as i128));
				self.deltas.push((m, 0));
				self.close_appeal(index, period, p, round, m, ModelAppeal::Dismissed);
			},
			LapseAppeal { who, index, back, member: m } => {
				who.account().ok_or(BadOrigin)?;
				let period = target_period(index, back);
				let m = chosen(index, period, m);
				let (p, round) = self.open_appeal(index, period, m, false)?;
				self.deltas.push((m, APPEAL_DEPOSIT as i128));
				self.close_appeal(index, period, p, round, m, ModelAppeal::Lapsed);
			},
			StrikeEntry { who, index, back, member: m } => {
				if !who.rejects() {
					return Err(BadOrigin.into());
				}
				let period = target_period(index, back);
				let (mut p, mut round) = self.vetoable_round(index, period)?;
				let entry = round
					.entries
					.get_mut(&chosen(index, period, m))
					.ok_or(Error::<Test>::NotFiled)?;
				if entry.struck {
					return Err(Error::<Test>::AlreadyStruck.into());
				}
				entry.struck = true;
				p.rounds.insert(period, round);
				self.programs.insert(index, p);
			},
			VetoRound { who, index, back } => {
				if !who.rejects() {
					return Err(BadOrigin.into());
				}
				let period = target_period(index, back);
				let (mut p, mut round) = self.vetoable_round(index, period)?;
				if round.vetoed {
					return Err(Error::<Test>::AlreadyVetoed.into());
				}
				round.vetoed = true;
				p.rounds.insert(period, round);
				self.programs.insert(index, p);
			},
			SetRate { rate } => self.rate = rate.map(|(n, d)| FixedU128::from_rational(n, d)),
		}
		Ok(())
	}

	/// Predicts a report (`claim: None`, proposing `proposed`) or claim of `m` for `period`.
	fn file(
		&mut self,
		m: AccountId,
		index: u32,
		period: u32,
		claim: Option<u32>,
		proposed: Option<u8>,
	) -> Outcome {
		if proposed.is_some_and(|score| score > 100) {
			return Err(Error::<Test>::InvalidScore.into());
		}
		let mut p = self.program(index)?.clone();
		let (approved_at, ends) = p.active.ok_or(Error::<Test>::NotActive)?;
		if m == p.lead {
			return Err(Error::<Test>::LeadCannotFile.into());
		}
		if m == CB::program_account(index) || m == TREASURY {
			return Err(Error::<Test>::ReservedAccount.into());
		}
		if period > period_of(approved_at, now()) {
			return Err(Error::<Test>::PeriodNotStarted.into());
		}
		if period > period_of(approved_at, ends - 1) {
			return Err(Error::<Test>::PeriodAfterEnd.into());
		}
		if now() >= filing_deadline(approved_at, period) {
			return Err(Error::<Test>::FilingClosed.into());
		}
		let mut round = p.rounds.get(&period).cloned().unwrap_or(ModelRound {
			status: ModelStatus::Open,
			filers: Vec::new(),
			entries: Default::default(),
			committed: 0,
			tallies: Default::default(),
			finalized_at: None,
			vetoed: false,
		});
		if is_final(&round, approved_at, period) {
			return Err(Error::<Test>::RoundFinal.into());
		}
		if round.entries.contains_key(&m) {
			return Err(Error::<Test>::AlreadyFiled.into());
		}
		let on_roster = p.roster.contains_key(&m);
		match claim {
			None if !on_roster => return Err(Error::<Test>::NotMember.into()),
			None => {},
			Some(_) if on_roster => return Err(Error::<Test>::MemberMustReport.into()),
			Some(pool) if pool >= 4 => return Err(Error::<Test>::UnknownPool.into()),
			Some(pool) if pool != 3 => return Err(Error::<Test>::NotAClaimPool.into()),
			Some(_) => {},
		}
		let claims = round.entries.values().filter(|e| e.claim.is_some()).count();
		if claim.is_some() && claims >= CLAIM_ROOM {
			return Err(Error::<Test>::NoRoomForClaims.into());
		}
		if round.filers.len() >= MAX_FILERS {
			return Err(Error::<Test>::RoundFull.into());
		}
		if claim.is_some() && free(m).saturating_sub(ED) < CLAIM_DEPOSIT {
			return Err(Error::<Test>::InsufficientDeposit.into());
		}
		round.filers.push(m);
		round.entries.insert(
			m,
			ModelEntry {
				claim,
				score: None,
				payable: None,
				reviews: Default::default(),
				proposed,
				appeal: None,
				struck: false,
			},
		);
		p.rounds.insert(period, round);
		self.programs.insert(index, p);
		Ok(())
	}

	/// Removes program `index`: the deposits of its open appeals stay held until the clean-up
	/// removes their round's record.
	fn remove_program(&mut self, index: u32) {
		let Some(p) = self.programs.remove(&index) else { return };
		for (period, round) in &p.rounds {
			for (who, entry) in &round.entries {
				if entry.appeal == Some(ModelAppeal::Open) {
					self.orphan_appeals.push((index, *period, *who));
				}
			}
		}
	}

	/// The program `index` and its round of `period`, once final; with the approval.
	fn final_round(
		&self,
		index: u32,
		period: u32,
	) -> Result<(ModelProgram, ModelRound, u64), DispatchError> {
		let p = self.program(index)?;
		let (approved_at, _) = p.active.ok_or(Error::<Test>::NotActive)?;
		let round = p.rounds.get(&period).ok_or(Error::<Test>::NoRound)?;
		if !is_final(round, approved_at, period) {
			return Err(Error::<Test>::RoundNotFinal.into());
		}
		Ok((p.clone(), round.clone(), approved_at))
	}

	/// The open appeal of `m` in the round of `period`: within the appeal window if the council
	/// `decides` it, after it if it lapses.
	fn open_appeal(
		&self,
		index: u32,
		period: u32,
		m: AccountId,
		decides: bool,
	) -> Result<(ModelProgram, ModelRound), DispatchError> {
		let (p, round, approved_at) = self.final_round(index, period)?;
		let open = now() < appeal_deadline(approved_at, &round, period);
		if decides && !open {
			return Err(Error::<Test>::AppealWindowClosed.into());
		}
		if !decides && open {
			return Err(Error::<Test>::AppealWindowOpen.into());
		}
		let entry = round.entries.get(&m).ok_or(Error::<Test>::NotFiled)?;
		if entry.appeal != Some(ModelAppeal::Open) {
			return Err(Error::<Test>::NoOpenAppeal.into());
		}
		Ok((p, round))
	}

	/// Closes the open appeal of `m` as `state`.
	fn close_appeal(
		&mut self,
		index: u32,
		period: u32,
		mut p: ModelProgram,
		mut round: ModelRound,
		m: AccountId,
		state: ModelAppeal,
	) {
		if let Some(entry) = round.entries.get_mut(&m) {
			entry.appeal = Some(state);
		}
		p.rounds.insert(period, round);
		self.programs.insert(index, p);
	}

	/// The round of `period`, final, not settling and before its veto deadline: the council may
	/// strike its entries or veto it (also while its appeal window runs).
	fn vetoable_round(
		&self,
		index: u32,
		period: u32,
	) -> Result<(ModelProgram, ModelRound), DispatchError> {
		let (p, round, approved_at) = self.final_round(index, period)?;
		if now() >= veto_deadline(approved_at, &round, period)
			|| matches!(round.status, ModelStatus::Paying(_))
		{
			return Err(Error::<Test>::VetoWindowClosed.into());
		}
		Ok((p, round))
	}

	/// The program led by `who` and its round of `period`, if not final; with the approval.
	fn open_round(
		&self,
		who: Who,
		index: u32,
		period: u32,
	) -> Result<(ModelProgram, ModelRound, u64), DispatchError> {
		let caller = who.account().ok_or(BadOrigin)?;
		let p = self.program(index)?;
		if p.lead != caller {
			return Err(Error::<Test>::NotLead.into());
		}
		let (approved_at, _) = p.active.ok_or(Error::<Test>::NotActive)?;
		let round = p.rounds.get(&period).ok_or(Error::<Test>::NoRound)?;
		if is_final(round, approved_at, period) {
			return Err(Error::<Test>::RoundFinal.into());
		}
		Ok((p.clone(), round.clone(), approved_at))
	}

	/// Predicts one settlement step of the round of `period`.
	fn settle(&mut self, who: Who, index: u32, period: u32) -> Outcome {
		who.account().ok_or(BadOrigin)?;
		let mut p = self.program(index)?.clone();
		let (approved_at, _) = p.active.ok_or(Error::<Test>::NotActive)?;
		let mut round = p.rounds.get(&period).cloned().ok_or(Error::<Test>::NoRound)?;
		if !is_final(&round, approved_at, period) {
			return Err(Error::<Test>::RoundNotFinal.into());
		}
		match round.status {
			ModelStatus::Open | ModelStatus::Finalized => {
				// DESIGN: no round pays before the council could stop it: no appeal open, and
				// the veto window over.
				if round.open_appeals() > 0 {
					return Err(Error::<Test>::AppealsOpen.into());
				}
				if now() < veto_deadline(approved_at, &round, period) {
					return Err(Error::<Test>::VetoWindowOpen.into());
				}
				// DESIGN: the round's payments are fixed at the first settlement call: the rate
				// of this block (a zero or missing rate refuses), eligibility now (a senior on the
				// roster leading at least `min_crew`, never the lead), the amounts; it commits
				// exactly what it will pay, or fails and changes nothing. A vetoed round pays
				// nothing and needs no rate.
				let native_cap = if round.vetoed { 0 } else { self.native(SCORED_CAP)? };
				if native_cap == 0 && !round.vetoed {
					return Err(Error::<Test>::ZeroRate.into());
				}
				round.tallies = [(native_cap, 0), (native_cap, 0)];
				if round.vetoed {
					round.entries.values_mut().for_each(|entry| entry.payable = None);
				}
				for who in round.filers.clone() {
					if round.vetoed {
						break;
					}
					let Some(entry) = round.entries.get_mut(&who) else { continue };
					let score = entry.score.unwrap_or(0);
					let reserved = who == CB::program_account(index) || who == TREASURY;
					let pool = match entry.claim {
						_ if who == p.lead || reserved || score < THRESHOLD => None,
						None => p
							.roster
							.get(&who)
							.filter(|m| m.senior_role && p.crew(who) >= MIN_CREW)
							.map(|_| 2),
						Some(pool) => Some(pool),
					};
					// A struck entry is not paid, but counts in its pool's tally: its share
					// stays in the program.
					entry.payable = pool.filter(|_| !entry.struck);
					if let Some(pool) = pool {
						let weight = if pool == 2 {
							score as u128
						} else {
							share(MEMBER_CAP.into(), score as u128, 100)
						};
						round.tallies[pool as usize - 2].1 += weight;
					}
				}
				let committed: Balance =
					round.filers.iter().filter_map(|who| Self::payment(&round, who)).sum();
				let spendable = held(CB::program_account(index))
					.saturating_sub(min())
					.saturating_sub(p.committed);
				if committed > p.released - p.paid - p.committed || committed > spendable {
					return Err(Error::<Test>::InsufficientProgramFunds.into());
				}
				round.committed = committed;
				p.committed += committed;
				round.status = ModelStatus::Paying(0);
				p.finalized = p.finalized.max(Some(period));
				if p.activity.as_ref().is_none_or(|(kept, _)| *kept <= period) {
					p.activity = Some((period, round.active()));
				}
			},
			ModelStatus::Paying(next) => {
				self.pay_page(index, &mut p, &mut round, next);
				if matches!(round.status, ModelStatus::Paying(n) if n >= round.filers.len()) {
					// The last page: what was not paid is released, the round goes.
					p.committed -= round.committed;
					p.rounds.remove(&period);
					self.programs.insert(index, p);
					return Ok(());
				}
			},
		}
		p.rounds.insert(period, round);
		self.programs.insert(index, p);
		Ok(())
	}

	/// The payment fixed for `who` in a settling round, in native.
	fn payment(round: &ModelRound, who: &AccountId) -> Option<Balance> {
		let entry = round.entries.get(who)?;
		let pool = entry.payable?;
		let (native_cap, sum) = round.tallies[pool as usize - 2];
		let score = entry.score.unwrap_or(0) as u128;
		let cap = SCORED_CAP as u128;
		let amount = if pool == 2 {
			share(cap, score, sum)
		} else {
			let own = share(MEMBER_CAP.into(), score, 100);
			if sum > cap {
				share(own, cap, sum)
			} else {
				own
			}
		};
		Some(share(native_cap.into(), amount, cap) as Balance).filter(|native| *native > 0)
	}

	/// Pays a page of a settling round; the model reads who can receive from the chain.
	fn pay_page(&self, index: u32, p: &mut ModelProgram, round: &mut ModelRound, next: usize) {
		let end = (next + PAGE).min(round.filers.len());
		// A paid entry stays in the round's record until the round goes (its score still
		// counts for `ActiveMembers`): only its page goes.
		for who in round.filers[next..end].to_vec() {
			let Some(native) = Self::payment(round, &who) else { continue };
			let Some(entry) = round.entries.get(&who).cloned() else { continue };
			let native = native.min(round.committed);
			round.committed -= native;
			p.committed -= native;
			// A claim's deposit (PHA) comes back first: it opens the account for a PHA payment.
			let deposit = if entry.claim.is_some() && !pays_usdt() { CLAIM_DEPOSIT } else { 0 };
			let has = held(who) + deposit;
			let receivable = has > 0 || native >= min();
			if receivable && self.mode != PayMode::Refuse {
				p.paid += native;
				if self.mode == PayMode::Deferred {
					let id = self.take_mock_id();
					p.record(who, native, Ok(id));
				}
			} else if p.record(who, native, Err(now())) {
				// DESIGN: a failed payment is charged and earmarked for a retry; beyond
				// `MaxOpenPayments`, skipped and uncharged.
				p.paid += native;
			}
		}
		let _ = index;
		round.status = ModelStatus::Paying(end);
	}

	fn add(
		&mut self,
		who: Who,
		index: u32,
		m: AccountId,
		senior_role: bool,
		senior: Option<AccountId>,
	) -> Outcome {
		who.account().ok_or(BadOrigin)?;
		let mut p = self.lead_program(who, index)?;
		if m == CB::program_account(index) || m == TREASURY {
			return Err(Error::<Test>::ReservedAccount.into());
		}
		if m == p.lead {
			return Err(Error::<Test>::LeadCannotBeMember.into());
		}
		if p.panel && REVIEWERS.iter().any(|r| member(*r) == m) {
			return Err(Error::<Test>::ReviewerCannotJoin.into());
		}
		if p.barred.contains(&m) {
			return Err(Error::<Test>::MemberBarred.into());
		}
		if p.roster.len() as u32 >= <<Test as Config>::MaxRoster as Get<u32>>::get() {
			return Err(Error::<Test>::RosterFull.into());
		}
		if p.roster.contains_key(&m) {
			return Err(Error::<Test>::AlreadyMember.into());
		}
		match (senior_role, senior) {
			(true, Some(_)) => return Err(Error::<Test>::UnexpectedSenior.into()),
			(false, None) => return Err(Error::<Test>::MissingSenior.into()),
			(false, Some(s)) => {
				p.roster.get(&s).filter(|c| c.senior_role).ok_or(Error::<Test>::NotASenior)?;
				let crew = p.roster.values().filter(|c| c.senior == Some(s)).count() as u32;
				if crew >= <<Test as Config>::MaxCrew as Get<u32>>::get() {
					return Err(Error::<Test>::CrewFull.into());
				}
			},
			(true, None) => {},
		}
		p.roster.insert(m, ModelMember { senior_role, senior });
		self.programs.insert(index, p);
		Ok(())
	}
}

/// [`direct_spec`] with two scored pools: 2 for seniors (40%, proportional), 3 for contributors'
/// claims (40%, linear, member cap $500); a senior is paid from a senior pool if it leads a crew
/// of at least one; milestone 1 counts the active members if `active`, else the roster.
/// [`model_spec`], scored by [`REVIEWERS`] if `panel`.
fn proposed_spec(active: bool, panel: bool) -> ProgramSpec<Test> {
	let mut spec = model_spec(active);
	if panel {
		spec.panel = Some(Panel {
			reviewers: REVIEWERS.map(member).to_vec().try_into().expect("3 reviewers"),
			quorum: QUORUM as u32,
		});
	}
	spec
}

fn model_spec(active: bool) -> ProgramSpec<Test> {
	let mut spec = direct_spec();
	spec.min_crew = MIN_CREW as u32;
	if active {
		spec.milestones[0].metric = Metric::ActiveMembers;
	}
	let scored = |eligibility, member_cap, split| RewardPool {
		eligibility,
		denomination: Denomination::Asset(USD_ASSET),
		period_cap: SCORED_CAP,
		member_cap,
		payout: Payout::Scored { threshold: 40, split },
	};
	spec.pools
		.try_push(scored(Eligibility::SeniorAmbassadors, None, Split::Proportional))
		.expect("room for 4 pools");
	spec.pools
		.try_push(scored(Eligibility::Contributors, Some(MEMBER_CAP), Split::Linear))
		.expect("room for 4 pools");
	// A program paying USDT: the same figures, in USDT, every cap in USDT.
	spec.asset = asset();
	if pays_usdt() {
		for pool in spec.pools.iter_mut() {
			pool.denomination = IN_USDT;
		}
	}
	spec
}

/// Runs `action` on the chain.
fn run(action: &Action) -> Outcome {
	use Action::*;
	fn bytes<S: Get<u32>>(s: &str) -> frame_support::BoundedVec<u8, S> {
		s.as_bytes().to_vec().try_into().expect("fits")
	}
	match action.clone() {
		Propose { who, valid, active, panel } => {
			let mut spec = proposed_spec(active, panel);
			if !valid {
				spec.title = Default::default();
			}
			CB::propose_program(who.origin(), Box::new(spec))
		},
		Approve { who, index } => CB::approve_program(who.origin(), index),
		Reject { who, index } => CB::reject_program(who.origin(), index),
		Cancel { who, index } => {
			CB::cancel_program(who.origin(), index).map(|_| ()).map_err(|e| e.error)
		},
		Close { who, index } => {
			CB::close_program(who.origin(), index).map(|_| ()).map_err(|e| e.error)
		},
		SetLead { who, index, new_lead } => {
			CB::set_lead(who.origin(), index, if new_lead { NEW_LEAD } else { LEAD })
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Release { who, index } => CB::release_tranche(who.origin(), index),
		Reclaim { who, index } => CB::reclaim(who.origin(), index, asset()),
		AddMember { who, index, member: m, senior } => CB::add_member(
			who.origin(),
			index,
			member(m),
			Role::Ambassador,
			bytes("Korean"),
			senior.map(member),
		),
		AddSenior { who, index, member: m, with_senior } => CB::add_member(
			who.origin(),
			index,
			member(m),
			Role::SeniorAmbassador,
			bytes("English"),
			with_senior.then(|| member(0)),
		),
		RemoveMember { who, index, member: m } => {
			CB::remove_member(who.origin(), index, member(m)).map(|_| ()).map_err(|e| e.error)
		},
		Report { who, index, milestone, claimed } => {
			CB::report_milestone(who.origin(), index, milestone, claimed, bytes("evidence"))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		ApproveMilestone { who, index, milestone, attempt, expected, cut } => {
			// The motion names the report as the council saw it, shifted by the offsets.
			let (named, figure) =
				Reports::<Test>::get(index, milestone).map_or((1, 0), |r| (r.attempt, r.figure));
			let named = named.saturating_add_signed(attempt as i32);
			let expected = figure.saturating_add_signed(expected as i64);
			CB::approve_milestone(who.origin(), index, milestone, named, expected, cut)
				.map(|_| ())
				.map_err(|e| e.error)
		},
		RejectMilestone { who, index, milestone, attempt } => {
			let named = Reports::<Test>::get(index, milestone).map_or(1, |r| r.attempt);
			CB::reject_milestone(
				who.origin(),
				index,
				milestone,
				named.saturating_add_signed(attempt as i32),
			)
		},
		Clear { who, index } => {
			CB::clear_program(who.origin(), index).map(|_| ()).map_err(|e| e.error)
		},
		Unbar { who, index, member: m } => CB::unbar_member(who.origin(), index, member(m)),
		Award { who, index, pool, beneficiary, usd } => {
			CB::award(who.origin(), index, pool, member(beneficiary), usd, bytes("reward"))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Batch { who, index, awards } => {
			let awards: Vec<_> = awards
				.into_iter()
				.map(|(pool, b, amount)| crate::Award {
					pool,
					beneficiary: member(b),
					amount,
					reason: bytes("run"),
				})
				.collect();
			CB::award_batch(who.origin(), index, awards.try_into().expect("at most 4 awards"))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Advance { blocks } => {
			System::set_block_number(now() + blocks);
			Ok(())
		},
		SetRate { rate } => {
			UsdRate::set(rate.map(|(n, d)| FixedU128::from_rational(n, d)));
			Ok(())
		},
		SetTreasury { amount } => {
			set_held(TREASURY, amount);
			Ok(())
		},
		Stray { index } => {
			set_held(CB::program_account(index), held(CB::program_account(index)) + PHA);
			Ok(())
		},
		FileReport { member: m, index, back, proposed } => CB::file_report(
			signed(member(m)),
			index,
			target_period(index, back),
			bytes("issue"),
			proposed,
		)
		.map(|_| ())
		.map_err(|e| e.error),
		FileClaim { member: m, index, back, pool } => CB::file_claim(
			signed(member(m)),
			index,
			target_period(index, back),
			pool,
			bytes("article"),
		)
		.map(|_| ())
		.map_err(|e| e.error),
		Score { who, index, back, scores } => {
			let scores: Vec<_> = scores.into_iter().map(|(m, s)| (member(m), s)).collect();
			CB::score_round(
				who.origin(),
				index,
				target_period(index, back),
				scores.try_into().expect("at most 4 scores"),
			)
		},
		Review { reviewer, index, back, scores } => {
			let scores: Vec<_> = scores.into_iter().map(|(m, s)| (member(m), s)).collect();
			CB::review_round(
				signed(member(reviewer)),
				index,
				target_period(index, back),
				scores.try_into().expect("at most 4 scores"),
			)
		},
		Spam { who, index, back, member: m } => {
			CB::mark_spam(who.origin(), index, target_period(index, back), member(m))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Finalize { who, index, back } => {
			CB::finalize_round(who.origin(), index, target_period(index, back))
		},
		Settle { who, index, back } => {
			CB::settle_round(who.origin(), index, target_period(index, back))
				.map(|_| ())
				.map_err(|e| e.error)
		},
		Promote { who, index, member: m } => CB::promote_member(who.origin(), index, member(m)),
		SetPayMode { mode } => {
			PaymentMode::set(mode);
			Ok(())
		},
		Conclude { payment, status } => {
			// Only payments out of a program account: a tranche or a sweep is between accounts
			// of this chain, which a paymaster completes at once.
			let local = MockPayments::get()
				.get(payment as usize)
				.is_none_or(|p| p.source == TREASURY || p.payee == TREASURY);
			if !local {
				let status = match status {
					0 => PaymentStatus::Success,
					1 => PaymentStatus::Failure,
					_ => PaymentStatus::Unknown,
				};
				let _ = conclude_payment(payment as u32, status);
			}
			Ok(())
		},
		CheckPayment { who, index, payment } => {
			CB::check_payment(who.origin(), index, payment as u32)
		},
		RetryPayment { who, index, payment } => {
			CB::retry_payment(who.origin(), index, payment as u32)
		},
		Endow { member: m } => {
			if held(member(m)) == 0 {
				set_held(member(m), min());
			}
			Ok(())
		},
		Fund { member: m } => {
			set_free(member(m), free(member(m)) + 5 * PHA);
			Ok(())
		},
		Wait { until } => {
			let Some(schedule) = Programs::<Test>::get(0).and_then(|p| p.schedule()) else {
				return Ok(());
			};
			let rounds: Vec<(u32, bool)> = Rounds::<Test>::iter_prefix(0)
				.map(|(period, round)| (period, schedule.is_final(&round, period, now())))
				.collect();
			let period = match until {
				0 => rounds.iter().filter(|(_, is_final)| !is_final).map(|(p, _)| *p).min(),
				1 | 2 => rounds.iter().filter(|(_, is_final)| *is_final).map(|(p, _)| *p).max(),
				_ => rounds.iter().map(|(p, _)| *p).min(),
			};
			if let Some(period) = period {
				let finalized_at = RoundChecks::<Test>::get(0, period).and_then(|c| c.finalized_at);
				let at = match until {
					0 => schedule.final_at(period, finalized_at),
					1 => schedule.appeal_deadline(period, finalized_at).saturating_sub(1),
					2 => schedule.appeal_deadline(period, finalized_at),
					_ => schedule.veto_deadline(period, finalized_at),
				};
				if at > now() {
					System::set_block_number(at);
				}
			}
			Ok(())
		},
		Appeal { member: m, index, back } => {
			let period = target_period(index, back);
			CB::appeal(signed(chosen(index, period, m)), index, period)
		},
		UpholdAppeal { who, index, back, member: m, score } => {
			let period = target_period(index, back);
			CB::uphold_appeal(who.origin(), index, period, chosen(index, period, m), score)
		},
		DismissAppeal { who, index, back, member: m } => {
			let period = target_period(index, back);
			CB::dismiss_appeal(who.origin(), index, period, chosen(index, period, m))
		},
		LapseAppeal { who, index, back, member: m } => {
			let period = target_period(index, back);
			CB::lapse_appeal(who.origin(), index, period, chosen(index, period, m))
		},
		StrikeEntry { who, index, back, member: m } => {
			let period = target_period(index, back);
			CB::strike_entry(who.origin(), index, period, chosen(index, period, m), bytes("copied"))
		},
		VetoRound { who, index, back } => {
			CB::veto_round(who.origin(), index, target_period(index, back), bytes("gamed"))
		},
	}
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

/// The model's view of every program equals the chain's.
fn compare(model: &Model) {
	assert_eq!(ProgramCount::<Test>::get(), model.count);
	assert_eq!(Programs::<Test>::iter_keys().count(), model.programs.len());
	for (index, m) in &model.programs {
		let p = Programs::<Test>::get(index).expect("the model's program exists");
		let active = match p.status {
			ProgramStatus::Proposed => None,
			ProgramStatus::Active { approved_at, ends_at } => Some((approved_at, ends_at)),
		};
		assert_eq!(p.lead, m.lead, "lead of #{index}");
		assert_eq!(active, m.active, "status of #{index}");
		let owed: Vec<Balance> = p.owed.iter().map(|t| t.amount).collect();
		assert_eq!((p.released, &owed, p.paid), (m.released, &m.owed, m.paid), "funds of #{index}");
		assert_eq!(p.milestones_approved, m.approved, "milestones of #{index}");
		assert_eq!(p.roster_count as usize, m.roster.len(), "roster of #{index}");
		assert_eq!(p.barred as usize, m.barred.len(), "bars of #{index}");
		assert_eq!(p.spending_records as usize, m.member_spent.len(), "records of #{index}");
		if let Some(period) = m.period() {
			assert_eq!(
				p.beneficiaries.count_in(period),
				m.beneficiaries_this_period(),
				"beneficiaries of #{index} this period"
			);
		}
		assert_eq!(p.open_rounds as usize, m.rounds.len(), "rounds of #{index}");
		assert_eq!(p.committed, m.committed, "committed of #{index}");
		for (period, round) in &m.rounds {
			let stored = Rounds::<Test>::get(index, period).expect("the model's round exists");
			let filers: Vec<AccountId> = stored.filers.iter().map(|f| f.who).collect();
			assert_eq!(filers, round.filers, "filers of #{index}/{period}");
			let status = match stored.status {
				RoundStatus::Open => ModelStatus::Open,
				RoundStatus::Finalized => ModelStatus::Finalized,
				RoundStatus::Paying { next, .. } => ModelStatus::Paying(next as usize),
			};
			assert_eq!(status, round.status, "status of #{index}/{period}");
			assert_eq!(stored.committed, round.committed, "committed of #{index}/{period}");
			let scores: Vec<Option<u8>> = stored.filers.iter().map(|f| f.score).collect();
			let expected: Vec<Option<u8>> = round
				.filers
				.iter()
				.map(|who| round.entries.get(who).and_then(|e| e.score))
				.collect();
			assert_eq!(scores, expected, "scores of #{index}/{period}");
			// The council's checks: the round's, and each entry's.
			let check = RoundChecks::<Test>::get(index, period).unwrap_or_default();
			assert_eq!(
				(check.finalized_at, check.open_appeals, check.vetoed),
				(round.finalized_at, round.open_appeals(), round.vetoed),
				"checks of #{index}/{period}"
			);
			let assessments = Assessments::<Test>::get(index, period).unwrap_or_default();
			for (position, who) in round.filers.iter().enumerate() {
				let assessment = assessments.get(position).cloned().unwrap_or_default();
				let appeal = assessment.appeal.map(|state| match state {
					AppealState::Open { deposit } => {
						assert_eq!(deposit, APPEAL_DEPOSIT, "appeal deposit of #{index}/{period}");
						ModelAppeal::Open
					},
					AppealState::Upheld => ModelAppeal::Upheld,
					AppealState::Dismissed => ModelAppeal::Dismissed,
					AppealState::Lapsed => ModelAppeal::Lapsed,
				});
				let entry = round.entries.get(who).expect("the model's filer has an entry");
				assert_eq!(
					(assessment.proposed, appeal, assessment.struck),
					(entry.proposed, entry.appeal, entry.struck),
					"assessment of {who} in #{index}/{period}"
				);
			}
			// Who counts as active in the round (the round view's `active`).
			assert_eq!(
				CB::active_in_round(*index, *period, &p, &stored),
				round.active(),
				"active in #{index}/{period}"
			);
		}
		// The `ActiveMembers` figure now.
		assert_eq!(
			CB::active_members(*index, &p),
			m.active_members(),
			"active members of #{index}"
		);
		let payments: BTreeMap<u32, ModelPayment> = Payments::<Test>::iter_prefix(index)
			.map(|(payment, r)| {
				let (in_progress, failed_at) = match r.state {
					PaymentState::InProgress { id } => (Some(id), None),
					PaymentState::Failed { at } => (None, Some(at)),
				};
				(payment, ModelPayment { payee: r.payee, amount: r.amount, in_progress, failed_at })
			})
			.collect();
		assert_eq!(payments, m.payments, "payments of #{index}");
		let book = PaymentBooks::<Test>::get(index);
		assert_eq!(
			(book.next, book.open as usize, book.last_failed_at),
			(m.next_payment, m.payments.len(), m.last_failed),
			"payment book of #{index}"
		);
		let report = m.report.as_ref().map(|r| (r.attempt, r.figure, r.pending));
		let stored = Reports::<Test>::get(index, m.approved)
			.map(|r| (r.attempt, r.figure, r.status == ReportStatus::Pending));
		assert_eq!(stored, report, "report of #{index}");
	}
	// Every appeal deposit: held for each open appeal (of a removed program's round too, until
	// its clean-up removes the round), and nothing else held for appeals.
	let mut expected: BTreeMap<AccountId, Balance> = BTreeMap::new();
	for round in model.programs.values().flat_map(|p| p.rounds.values()) {
		for (who, entry) in &round.entries {
			if entry.appeal == Some(ModelAppeal::Open) {
				*expected.entry(*who).or_default() += APPEAL_DEPOSIT;
			}
		}
	}
	for (_, _, who) in &model.orphan_appeals {
		*expected.entry(*who).or_default() += APPEAL_DEPOSIT;
	}
	for who in (0..11).map(member) {
		let held = Balances::balance_on_hold(&HoldReason::AppealDeposit.into(), &who);
		assert_eq!(held, expected.get(&who).copied().unwrap_or(0), "appeal deposits of {who}");
	}
}

/// Calls run so far in this process; printed after each sequence when `MODEL_REPORT` is set.
static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How often each outcome (`Ok` or an error's name) was predicted and met, for `MODEL_REPORT`:
/// which rules the random sequences reached.
static OUTCOMES: std::sync::Mutex<BTreeMap<String, usize>> = std::sync::Mutex::new(BTreeMap::new());

/// How often each call (by its action's name) met each outcome, for `MODEL_REPORT`.
static CALL_OUTCOMES: std::sync::Mutex<BTreeMap<(String, String), usize>> =
	std::sync::Mutex::new(BTreeMap::new());

/// The name of an action's variant.
fn action_name(action: &Action) -> String {
	format!("{action:?}").chars().take_while(|c| c.is_alphanumeric()).collect()
}

fn outcome_name(outcome: &Outcome) -> String {
	match outcome {
		Ok(()) => "Ok".into(),
		Err(DispatchError::Module(e)) => e.message.unwrap_or("module error").into(),
		Err(e) => format!("{e:?}"),
	}
}

fn cases() -> u32 {
	std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64)
}

/// A running program with milestone 1 counting `active` members (else the roster), two seniors
/// (members 0 and 1) and, with `crews`, an ambassador in each one's crew (members 2 and 3).
fn running(active: bool, crews: bool) -> Vec<Action> {
	running_scored(active, crews, false)
}

/// As [`running`], scored by [`REVIEWERS`] if `panel`.
fn running_scored(active: bool, crews: bool, panel: bool) -> Vec<Action> {
	let mut prelude = vec![
		Action::Propose { who: Who::Lead, valid: true, active, panel },
		Action::Approve { who: Who::Approver, index: 0 },
		Action::AddSenior { who: Who::Lead, index: 0, member: 0, with_senior: false },
		Action::AddSenior { who: Who::Lead, index: 0, member: 1, with_senior: false },
	];
	if crews {
		prelude.push(Action::AddMember { who: Who::Lead, index: 0, member: 2, senior: Some(0) });
		prelude.push(Action::AddMember { who: Who::Lead, index: 0, member: 3, senior: Some(1) });
	}
	prelude
}

/// Calls that a month's round and its milestone go through, for sequences that reach deep into
/// rounds: members reporting (proposing their scores) and leaving, scores, finality, appeals
/// and their decisions, strikes and vetoes, settlement, the `ActiveMembers` milestone reported
/// and decided, time passing by days and months.
fn round_action() -> impl Strategy<Value = Action> {
	let roster = || 0u8..4;
	let score = || prop_oneof![Just(0u8), Just(39), Just(40), Just(100)];
	let proposed = || prop_oneof![3 => Just(None), 3 => Just(Some(50u8)), 4 => Just(Some(80)), 1 => Just(Some(100)), 1 => Just(Some(101))];
	prop_oneof![
		6 => (roster(), prop_oneof![Just(0u8), Just(1)], proposed()).prop_map(|(member, back, proposed)| Action::FileReport { member, index: 0, back, proposed }),
		4 => (roster(), check_back()).prop_map(|(member, back)| Action::Appeal { member, index: 0, back }),
		2 => (prop_oneof![6 => Just(Who::Approver), 1 => Just(Who::Rejecter)], check_back(), roster(), upheld_score()).prop_map(|(who, back, member, score)| Action::UpholdAppeal { who, index: 0, back, member, score }),
		2 => (prop_oneof![6 => Just(Who::Rejecter), 1 => Just(Who::Approver)], check_back(), roster()).prop_map(|(who, back, member)| Action::DismissAppeal { who, index: 0, back, member }),
		2 => (prop_oneof![6 => Just(Who::Stranger), 1 => Just(Who::Root)], check_back(), roster()).prop_map(|(who, back, member)| Action::LapseAppeal { who, index: 0, back, member }),
		2 => (prop_oneof![6 => Just(Who::Rejecter), 1 => Just(Who::Lead)], check_back(), 0u8..8).prop_map(|(who, back, member)| Action::StrikeEntry { who, index: 0, back, member }),
		1 => (prop_oneof![6 => Just(Who::Rejecter), 1 => Just(Who::SmallCouncil)], check_back()).prop_map(|(who, back)| Action::VetoRound { who, index: 0, back }),
		1 => (0u8..4).prop_map(|member| Action::Fund { member }),
		2 => (4u8..8, prop_oneof![Just(0u8), Just(1)]).prop_map(|(member, back)| Action::FileClaim { member, index: 0, back, pool: 3 }),
		5 => (prop_oneof![Just(0u8), Just(1)], prop::collection::vec((0u8..8, score()), 1..4)).prop_map(|(back, scores)| Action::Score { who: Who::Lead, index: 0, back, scores }),
		5 => (reviewer(), prop_oneof![Just(0u8), Just(1)], prop::collection::vec((0u8..8, score()), 1..4)).prop_map(|(reviewer, back, scores)| Action::Review { reviewer, index: 0, back, scores }),
		2 => Just(Action::Finalize { who: Who::Lead, index: 0, back: 1 }),
		4 => prop_oneof![Just(0u8), Just(1)].prop_map(|back| Action::Settle { who: Who::Stranger, index: 0, back }),
		2 => (prop_oneof![Just(Who::Lead), Just(Who::Approver)], roster()).prop_map(|(who, member)| Action::RemoveMember { who, index: 0, member }),
		2 => (roster(), prop::option::of(0u8..2)).prop_map(|(member, senior)| Action::AddMember { who: Who::Lead, index: 0, member, senior }),
		1 => roster().prop_map(|member| Action::AddSenior { who: Who::Lead, index: 0, member, with_senior: false }),
		1 => roster().prop_map(|member| Action::Promote { who: Who::Lead, index: 0, member }),
		1 => any::<bool>().prop_map(|new_lead| Action::SetLead { who: Who::Approver, index: 0, new_lead }),
		3 => prop_oneof![Just(0u64), Just(2), Just(40)].prop_map(|claimed| Action::Report { who: Who::Lead, index: 0, milestone: 0, claimed }),
		3 => offset().prop_map(|expected| Action::ApproveMilestone { who: Who::Approver, index: 0, milestone: 0, attempt: 0, expected, cut: None }),
		1 => Just(Action::RejectMilestone { who: Who::Rejecter, index: 0, milestone: 0, attempt: 0 }),
		4 => prop_oneof![Just(1u64), Just(GRACE), Just(SCORING), Just(50), Just(PERIOD)].prop_map(|blocks| Action::Advance { blocks }),
		1 => Just(Action::Close { who: Who::Lead, index: 0 }),
		1 => prop::option::of(prop_oneof![Just((0u128, 1u128)), Just((5, 2))]).prop_map(|rate| Action::SetRate { rate }),
		1 => pay_mode().prop_map(|mode| Action::SetPayMode { mode }),
		1 => (0u8..6, 0u8..3).prop_map(|(payment, status)| Action::Conclude { payment, status }),
		1 => (0u8..3).prop_map(|payment| Action::CheckPayment { who: Who::Stranger, index: 0, payment }),
		2 => (0u8..3).prop_map(|payment| Action::RetryPayment { who: Who::Stranger, index: 0, payment }),
		1 => (0u8..4).prop_map(|member| Action::Endow { member }),
	]
}

/// Calls that run a month's round through the checks on the lead: members reporting with the
/// scores they propose, the lead or the panel scoring, finality, appeals decided, dismissed or
/// lapsed, strikes and vetoes, settlement waiting for both windows, the `ActiveMembers`
/// milestone reported and decided, time passing by days and weeks.
fn check_action() -> impl Strategy<Value = Action> {
	let roster = || 0u8..4;
	let score = || prop_oneof![Just(0u8), Just(39), Just(40), Just(60), Just(100)];
	let proposed = || prop_oneof![2 => Just(None), 4 => Just(Some(80u8)), 4 => Just(Some(100)), 1 => Just(Some(101))];
	let back = || prop_oneof![Just(0u8), Just(1)];
	prop_oneof![
		8 => (roster(), back(), proposed()).prop_map(|(member, back, proposed)| Action::FileReport { member, index: 0, back, proposed }),
		1 => (4u8..8, back()).prop_map(|(member, back)| Action::FileClaim { member, index: 0, back, pool: 3 }),
		4 => (back(), prop::collection::vec((0u8..4, score()), 1..4)).prop_map(|(back, scores)| Action::Score { who: Who::Lead, index: 0, back, scores }),
		4 => (reviewer(), back(), prop::collection::vec((0u8..4, score()), 1..4)).prop_map(|(reviewer, back, scores)| Action::Review { reviewer, index: 0, back, scores }),
		3 => Just(Action::Finalize { who: Who::Lead, index: 0, back: 1 }),
		7 => prop_oneof![Just(1u64), Just(10), Just(GRACE), Just(SCORING), Just(PERIOD / 2), Just(PERIOD)].prop_map(|blocks| Action::Advance { blocks }),
		4 => prop_oneof![3 => Just(0u8), 2 => Just(1), 1 => Just(2), 1 => Just(3)].prop_map(|until| Action::Wait { until }),
		8 => (prop_oneof![2 => 0u8..8, 5 => 100u8..104], check_back()).prop_map(|(member, back)| Action::Appeal { member, index: 0, back }),
		5 => (approver(), check_back(), appellant(), upheld_score()).prop_map(|(who, back, member, score)| Action::UpholdAppeal { who, index: 0, back, member, score }),
		4 => (rejecter(), check_back(), appellant()).prop_map(|(who, back, member)| Action::DismissAppeal { who, index: 0, back, member }),
		4 => (prop_oneof![5 => Just(Who::Stranger), 1 => Just(Who::Lead), 1 => Just(Who::Root)], check_back(), appellant()).prop_map(|(who, back, member)| Action::LapseAppeal { who, index: 0, back, member }),
		3 => (rejecter(), check_back(), prop_oneof![1 => 0u8..8, 2 => 100u8..106]).prop_map(|(who, back, member)| Action::StrikeEntry { who, index: 0, back, member }),
		1 => (rejecter(), check_back()).prop_map(|(who, back)| Action::VetoRound { who, index: 0, back }),
		5 => check_back().prop_map(|back| Action::Settle { who: Who::Stranger, index: 0, back }),
		2 => prop_oneof![Just(0u64), Just(2), Just(40)].prop_map(|claimed| Action::Report { who: Who::Lead, index: 0, milestone: 0, claimed }),
		2 => offset().prop_map(|expected| Action::ApproveMilestone { who: Who::Approver, index: 0, milestone: 0, attempt: 0, expected, cut: None }),
		1 => Just(Action::RejectMilestone { who: Who::Rejecter, index: 0, milestone: 0, attempt: 0 }),
		1 => (prop_oneof![Just(Who::Lead), Just(Who::Approver)], roster()).prop_map(|(who, member)| Action::RemoveMember { who, index: 0, member }),
		1 => (roster(), prop::option::of(0u8..2)).prop_map(|(member, senior)| Action::AddMember { who: Who::Lead, index: 0, member, senior }),
		1 => roster().prop_map(|member| Action::Fund { member }),
		1 => prop_oneof![Just(Who::Lead), Just(Who::Stranger)].prop_map(|who| Action::Close { who, index: 0 }),
		1 => (0u8..3).prop_map(|payment| Action::RetryPayment { who: Who::Stranger, index: 0, payment }),
	]
}

/// Whose appeal the council or anyone decides: mostly a member with an open appeal (see
/// [`chosen`]), else any member or filer.
fn appellant() -> impl Strategy<Value = u8> {
	prop_oneof![1 => 0u8..4, 1 => 100u8..104, 5 => 200u8..202]
}

/// The approve origin, mostly: Root, the council's qualified majority or its smaller body; now
/// and then an origin that may not approve.
fn approver() -> impl Strategy<Value = Who> {
	prop_oneof![6 => Just(Who::Approver), 1 => Just(Who::SmallCouncil), 1 => Just(Who::Root), 1 => Just(Who::Rejecter), 1 => Just(Who::Stranger)]
}

/// The reject origin, mostly: Root or the council's simple majority; now and then an origin
/// that may not reject.
fn rejecter() -> impl Strategy<Value = Who> {
	prop_oneof![6 => Just(Who::Rejecter), 1 => Just(Who::Root), 1 => Just(Who::Approver), 1 => Just(Who::Lead)]
}

/// Appeal and veto windows that are never both zero: the checks on the lead always run, with
/// appeal windows of a few blocks to two periods (mostly long enough to decide in).
fn open_windows() -> impl Strategy<Value = (u64, u64)> {
	(
		prop_oneof![1 => Just(10u64), 1 => Just(30), 2 => Just(PERIOD / 2), 2 => Just(PERIOD), 2 => Just(2 * PERIOD)],
		prop_oneof![Just(0u64), Just(10), Just(PERIOD / 2), Just(PERIOD)],
	)
}

/// Calls that pay and the paymaster's moods: awards and rounds paid at once, later or never,
/// payments concluded, checked and retried, members opening accounts, the program closing or
/// cancelled with payments open, time passing over retry windows.
fn payment_action() -> impl Strategy<Value = Action> {
	let score = || prop_oneof![Just(0u8), Just(40), Just(100)];
	prop_oneof![
		3 => pay_mode().prop_map(|mode| Action::SetPayMode { mode }),
		5 => (prop_oneof![Just(1u32), Just(0)], 0u8..8, prop_oneof![Just(1u64), Just(100 * USD), Just(500 * USD)]).prop_map(|(pool, beneficiary, usd)| Action::Award { who: Who::Lead, index: 0, pool, beneficiary, usd }),
		2 => prop::collection::vec((Just(1u32), 0u8..8, prop_oneof![Just(1u64), Just(100 * USD)]), 1..4).prop_map(|awards| Action::Batch { who: Who::Lead, index: 0, awards }),
		4 => ((0u8..4), prop_oneof![Just(0u8), Just(1)]).prop_map(|(member, back)| Action::FileReport { member, index: 0, back, proposed: None }),
		2 => (4u8..8, prop_oneof![Just(0u8), Just(1)]).prop_map(|(member, back)| Action::FileClaim { member, index: 0, back, pool: 3 }),
		3 => (prop_oneof![Just(0u8), Just(1)], prop::collection::vec((0u8..8, score()), 1..4)).prop_map(|(back, scores)| Action::Score { who: Who::Lead, index: 0, back, scores }),
		4 => prop_oneof![Just(0u8), Just(1)].prop_map(|back| Action::Settle { who: Who::Stranger, index: 0, back }),
		5 => (0u8..8, 0u8..3).prop_map(|(payment, status)| Action::Conclude { payment, status }),
		5 => (0u8..3).prop_map(|payment| Action::CheckPayment { who: Who::Stranger, index: 0, payment }),
		5 => (0u8..3).prop_map(|payment| Action::RetryPayment { who: Who::Stranger, index: 0, payment }),
		2 => (0u8..8).prop_map(|member| Action::Endow { member }),
		2 => prop_oneof![Just(Who::Lead), Just(Who::Stranger)].prop_map(|who| Action::Close { who, index: 0 }),
		1 => prop::bool::weighted(0.3).prop_map(|council| if council { Action::Cancel { who: Who::Approver, index: 0 } } else { Action::SetRate { rate: Some((5, 2)) } }),
		4 => prop_oneof![4 => Just(1u64), 2 => Just(RETRY_WINDOW), 2 => Just(SCORING), 3 => Just(PERIOD), 1 => Just(2 * PERIOD)].prop_map(|blocks| Action::Advance { blocks }),
	]
}

/// Runs `actions` on the chain and on the model, with appeal and veto windows of `windows`
/// blocks: after every call, the outcome is the model's prediction, a failed call changed no
/// storage, the model's programs equal the chain's, the pallet's rules hold and total issuance
/// is unchanged.
fn check(actions: &[Action], windows: (u64, u64)) {
	check_paying(actions, Denomination::Native, windows)
}

/// [`check`], with programs paying `paid_in`: PHA, or USDT (the same figures in USDT units).
fn check_paying(actions: &[Action], paid_in: Denomination<u32>, (appeals, vetoes): (u64, u64)) {
	PAYS_USDT.with(|p| p.set(paid_in == IN_USDT));
	// The mock's windows are this thread's: each sequence sets its own.
	AppealWindow::set(appeals);
	VetoWindow::set(vetoes);
	// Blocks are real blocks: storage is committed whenever time moves on, so that what a
	// call removes or writes is in the backend for the next, as on a node.
	let mut ext = ExtBuilder::default().build();
	// Contributors (members 4..8) can afford a claim's deposit; roster candidates cannot
	// until they are paid.
	ext.execute_with(|| (4..8).for_each(|m| set_free(member(m), 100 * PHA)));
	if pays_usdt() {
		// The treasury holds as many USDT units as PHA units, and the whale enough to set it.
		ext.execute_with(|| {
			use frame_support::traits::fungibles::Mutate;
			<Assets as Mutate<_>>::mint_into(USDT, &TREASURY, TREASURY_FUNDS).expect("USDT mints");
			<Assets as Mutate<_>>::mint_into(USDT, &WHALE, 2 * TREASURY_FUNDS).expect("USDT mints");
		});
	}
	let mut model = Model { rate: UsdRate::get(), ..Default::default() };
	let issuance =
		ext.execute_with(|| (pallet_balances::TotalIssuance::<Test>::get(), usdt_issuance()));
	for (i, action) in actions.iter().enumerate() {
		ext.execute_with(|| {
			let expected = model.step(action);
			let deltas = std::mem::take(&mut model.deltas);
			let before: Vec<Balance> = deltas.iter().map(|(who, _)| free(*who)).collect();
			let root = sp_io::storage::root(StateVersion::V1);
			let actual = run(action);
			assert_eq!(actual, expected, "call {i}: {action:?}");
			if let Ok(mut outcomes) = OUTCOMES.lock() {
				*outcomes.entry(outcome_name(&actual)).or_default() += 1;
			}
			if let Ok(mut outcomes) = CALL_OUTCOMES.lock() {
				*outcomes.entry((action_name(action), outcome_name(&actual))).or_default() += 1;
			}
			// The free PHA the call moved: an appeal's deposit held, returned, or slashed.
			for ((who, delta), before) in deltas.iter().zip(before) {
				assert_eq!(
					free(*who) as i128,
					before as i128 + delta,
					"call {i} moved {who}'s free balance otherwise: {action:?}"
				);
			}
			// A removed program's open appeals are returned once the clean-up removed their
			// round.
			model
				.orphan_appeals
				.retain(|(index, period, _)| Rounds::<Test>::contains_key(index, period));
			if actual.is_err() {
				assert_eq!(
					sp_io::storage::root(StateVersion::V1),
					root,
					"call {i} failed but changed storage: {action:?}"
				);
			}
			compare(&model);
			CB::do_try_state()
				.unwrap_or_else(|e| panic!("call {i} broke a rule: {e:?} {action:?}"));
			assert_eq!((pallet_balances::TotalIssuance::<Test>::get(), usdt_issuance()), issuance);
		});
		if matches!(action, Action::Advance { blocks } if *blocks > 0)
			|| matches!(action, Action::Wait { .. })
		{
			ext.commit_all().expect("storage commits");
		}
	}
	let total =
		CALLS.fetch_add(actions.len(), std::sync::atomic::Ordering::Relaxed) + actions.len();
	if std::env::var_os("MODEL_REPORT").is_some() {
		eprintln!("model: {total} calls checked");
		if let Ok(outcomes) = OUTCOMES.lock() {
			eprintln!("model outcomes: {outcomes:?}");
		}
		if let Ok(outcomes) = CALL_OUTCOMES.lock() {
			eprintln!("model calls: {outcomes:?}");
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

	#[test]
	fn model_random_call_sequences_match_the_model_and_keep_the_rules(
		actions in prop::collection::vec(action(), 1..60),
		windows in windows(),
	) {
		// Most sequences start from a running program with two seniors, so that deep states
		// (milestones, caps, periods) are reached; the rest start from nothing.
		let skip_prelude = actions.len() % 5 == 0;
		let prelude = if skip_prelude { Vec::new() } else { running(actions.len() % 2 == 0, false) };
		check(&prelude.into_iter().chain(actions).collect::<Vec<_>>(), windows);
	}

	#[test]
	fn model_rounds_and_their_milestone_match_the_model(
		actions in prop::collection::vec(round_action(), 1..80),
		windows in windows(),
	) {
		// A running program counting its active members, with seniors that have crews: the
		// sequences go deep into rounds, members leaving, and the milestone they count. Half
		// of them are scored by a panel (whose medians the milestone then counts). With
		// windows, the seniors can afford an appeal from the start.
		let panel = actions.len() % 2 == 0;
		let mut prelude = running_scored(true, true, panel);
		if windows != (0, 0) {
			prelude.extend([Action::Fund { member: 0 }, Action::Fund { member: 1 }]);
		}
		check(&prelude.into_iter().chain(actions).collect::<Vec<_>>(), windows);
	}

	#[test]
	fn model_checks_on_the_lead_match_the_model(
		actions in prop::collection::vec(check_action(), 20..150),
		windows in open_windows(),
	) {
		// A running program counting its active members, with crews so that its seniors are
		// paid, and seniors and crews who can afford an appeal: rounds go through appeals,
		// strikes, vetoes and settlement, and the milestone counts what the council left. A
		// third of them are scored by a panel (an upheld appeal replaces the median).
		let panel = actions.len() % 3 == 0;
		let mut prelude = running_scored(true, true, panel);
		prelude.extend((0..4).map(|member| Action::Fund { member }));
		check(&prelude.into_iter().chain(actions).collect::<Vec<_>>(), windows);
	}

	#[test]
	fn model_payments_and_their_status_match_the_model(
		actions in prop::collection::vec(payment_action(), 1..80)
	) {
		// A running program with crews, so that rounds pay; the paymaster pays at once, later
		// or never, and payments are concluded, checked and retried. No appeal or veto
		// window: rounds settle once final, as before the checks on the lead.
		check(&running(false, true).into_iter().chain(actions).collect::<Vec<_>>(), (0, 0));
	}

	#[test]
	fn model_a_program_paying_usdt_matches_the_model(
		actions in prop::collection::vec(payment_action(), 1..80)
	) {
		// The same, paid in USDT: caps in USDT with no rate, USDT's minimum balance instead of
		// PHA's existential deposit, claim deposits still in PHA, and USDT's issuance kept.
		let prelude = running(false, true);
		check_paying(&prelude.into_iter().chain(actions).collect::<Vec<_>>(), IN_USDT, (0, 0));
	}
}
