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
//! - **Program**: what a lead proposes ([`ProgramSpec`]): a title, the hash of its full text
//!   (published off chain), a budget, the milestones, the reward pools and a duration. Its funds
//!   live in a **program account** derived from [`Config::PalletId`] and the program index; no
//!   key controls it.
//! - **Milestone**: a target for a [`Metric`] and a **tranche** (a native amount). The budget is
//!   the sum of the tranches.
//! - **Roster**: the program's Senior Ambassadors and their crews of ambassadors.
//! - **Reward pool**: who may be paid ([`Eligibility`]), a cap per period for the whole pool and
//!   an optional cap per beneficiary, both in the pool's [`Denomination`].
//! - **Period**: [`Config::PayoutPeriod`] blocks (a month), counted from the program's approval.
//! - **Round**: one period of one program's monthly reports and claims, scored by the lead and
//!   settled by a scored pool's rule ([`Payout::Scored`]).
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
//!    of [`Config::ProgramBondBase`] plus [`Config::ProgramBondPerByte`] per byte of the program
//!    record it stores is held from the caller under [`HoldReason::ProgramBond`]. The proposal's
//!    full text stays off chain: the spec names its hash.
//! 2. [`approve_program`](Pallet::approve_program) ([`Config::ApproveOrigin`], whose spending
//!    limit must cover the budget). The bond is released; tranche 0 moves from
//!    [`Config::TreasuryAccount`] to the program account. If the treasury cannot pay, the
//!    tranche is recorded as owed and anyone may later call
//!    [`release_tranche`](Pallet::release_tranche), which pays owed tranches oldest first as far
//!    as the treasury can: the council's vote is never wasted.
//! 3. [`reject_program`](Pallet::reject_program) ([`Config::RejectOrigin`], while Proposed). The
//!    bond is slashed to the treasury and the program removed.
//! 4. [`report_milestone`](Pallet::report_milestone) (lead, in order): report number `attempt`
//!    of that milestone. For an on-chain metric the figure of record is counted by the chain at
//!    that block ([`Metric::AmbassadorCount`]: the roster's count; [`Metric::ActiveMembers`]:
//!    the members still on the roster who were active in the last final round), not the lead's
//!    claim.
//! 5. [`approve_milestone`](Pallet::approve_milestone) ([`Config::ApproveOrigin`], naming the
//!    attempt and the figure it expects, with an optional cut of the next tranche) releases
//!    tranche `k + 1`; a figure below target may be approved, and the event says so.
//!    [`reject_milestone`](Pallet::reject_milestone) ([`Config::RejectOrigin`]) rejects the named
//!    attempt; the lead may report again.
//! 6. [`award`](Pallet::award) / [`award_batch`](Pallet::award_batch) (lead) pay rewards from the
//!    program account within the caps of the current period, converted at the current rate.
//! 7. [`cancel_program`](Pallet::cancel_program) ([`Config::ApproveOrigin`]) or
//!    [`close_program`](Pallet::close_program) (the lead once every milestone is approved, anyone
//!    after the end block): the program account's whole balance returns to the treasury at once,
//!    owed tranches are dropped, and the program's storage is removed in bounded steps (up to
//!    [`Config::RemovalLimit`] entries of its maps, or one page of a round's entries): the first
//!    in the same call (maps only), the rest by anyone with
//!    [`clear_program`](Pallet::clear_program).
//! 8. [`check_payment`](Pallet::check_payment) and [`retry_payment`](Pallet::retry_payment)
//!    (anyone): every payment out goes through [`Config::Paymaster`]; one it does not report
//!    done at once is recorded in progress or failed, asked about, and retried (see "Payments
//!    and their status" below).
//! 9. [`reclaim`](Pallet::reclaim) (anyone) sweeps tokens of any asset sent to a removed
//!    program's account to the treasury. [`set_lead`](Pallet::set_lead)
//!    ([`Config::ApproveOrigin`]) replaces the lead. [`unbar_member`](Pallet::unbar_member) ([`Config::ApproveOrigin`]) lets the lead add again
//!    an account the council removed. [`promote_member`](Pallet::promote_member) (lead) turns an
//!    ambassador into a Senior Ambassador, within the spec's `max_seniors`.
//!
//! ## The monthly round
//!
//! How a scored pool pays, after Phala's own ambassador program (its `growth-program` rules):
//! members report, the lead scores, the chain pays by the program's rule. Every rule is in
//! `rounds/` (filing and scoring in `filing.rs`, payout maths in `payout.rs`, settlement in
//! `settlement.rs`, the activity metric in `activity.rs`, and the only writer of a round's
//! storage, `RoundStore`, in `store.rs`); the windows (periods, filing, scoring and settlement
//! deadlines) are counted by [`Schedule`] in `schedule.rs`, who may be paid by `payable` in `rewards.rs`, and what a
//! program may spend by `spendable` in `program.rs`.
//!
//! 1. [`file_report`](Pallet::file_report): each roster member files one report per period,
//!    signed by themselves, naming the period, with a URL or hash of what they did; accepted
//!    during the period and [`Config::FilingGrace`] blocks after it (Phala's "by the 5th"), also
//!    after the end block for a period that began before it. [`file_claim`](Pallet::file_claim):
//!    an account not on the roster claims from a scored `Contributors` pool, with
//!    [`Config::ClaimDeposit`] held. The lead never files in its own program. A round holds at
//!    most [`Config::MaxEntriesPerRound`] entries, in filing order, their evidence in pages of
//!    [`Config::RoundPageSize`] ([`RoundPages`]); the roster's part is reserved: claims take
//!    at most `MaxEntriesPerRound - MaxRoster` of them, so strangers never keep a member from
//!    filing.
//!    A report carries the score its member proposes for it (0..=100, optional), kept in
//!    [`Assessments`] and shown beside the score it gets.
//! 2. [`score_round`](Pallet::score_round): the lead scores entries 0..=100 (unscored: 0) and
//!    may revise them until the round is final. If the spec named a scoring panel ([`Panel`],
//!    stored in [`Panels`]), its reviewers score instead, with
//!    [`review_round`](Pallet::review_round): an entry's score is the median of its reviews once
//!    at least the panel's quorum scored it, and none (so it pays nothing) below that; a reviewer
//!    never scores an entry of its own. [`mark_spam`](Pallet::mark_spam) removes a claim
//!    (the round's last entry takes its place; a round left empty goes) and sends its deposit to
//!    the treasury.
//! 3. [`finalize_round`](Pallet::finalize_round): the lead fixes the scores once the filing
//!    window is over; a round is final by itself [`Config::ScoringWindow`] blocks later.
//!    Then the checks on the lead ([`RoundChecks`]): for [`Config::AppealWindow`] blocks a
//!    member scored below its proposal may [`appeal`](Pallet::appeal) with
//!    [`Config::AppealDeposit`] held, which the council upholds (setting the score) or
//!    dismisses (the deposit to the treasury), or which lapses undecided (the deposit back);
//!    from the round's being final until [`Config::VetoWindow`] blocks after that, the council
//!    may [`strike_entry`](Pallet::strike_entry) (it pays nothing; its share stays in the program)
//!    or [`veto_round`](Pallet::veto_round) (nothing is paid from the round).
//! 4. [`settle_round`](Pallet::settle_round) (anyone). The first call fixes every payment of the
//!    round: the rates of its block (a missing or zero rate refuses it), each entry's
//!    eligibility as of that block (on the roster, a senior leading at least `min_crew`, never
//!    the lead), and so each amount; it commits their exact sum ([`Program::committed`]: direct
//!    awards cannot spend it), or fails and changes nothing if the program cannot afford it.
//!    Roster changes after it change nothing in the round. The next calls pay a page of
//!    [`Config::RoundPageSize`] entries each. [`Split::Linear`] pays `member_cap x score`,
//!    scaled down pro rata above the period cap; [`Split::Proportional`] shares the period cap by
//!    score, clipped at the member cap. Below the pool's threshold nothing is paid; amounts round
//!    down and the dust stays. A payment the paymaster refuses (a payee who cannot receive) is recorded as failed, for
//!    anyone to retry (`PaymentFailed`);
//!    deposits come back; the round's storage goes. Whoever makes the first call picks the block,
//!    and so the rate, for the whole round: before it changes a rate, a council should see the
//!    rounds that are final settled (anyone may settle them), or accept that they settle at the
//!    new one.
//! 5. [`Metric::ActiveMembers`]: the accounts on the roster now (at the report, and again at the
//!    approval: the lower counts) whose report for the last final period scored at least the
//!    spec's `activity_threshold` (an upheld appeal's score like any other). A report the
//!    council struck does not count, and a round it vetoed counts no one: the council judged
//!    those reports not worth paying, so a lead does not reach a milestone with them. A member
//!    who left does not count, so the figure never exceeds the roster the council sees. Members
//!    sign their own reports, so the figure is not the lead's word alone; nothing stops one
//!    person from holding several keys.
//! 6. After the end block, rounds of periods that began before it run their windows. Anyone
//!    closes the program once they are settled, or once [`Config::SettlementWindow`] blocks
//!    have passed since the last period's round was final by itself: a final round always gets
//!    that window to be settled before a close drops it. A lead who finished early and closes
//!    with rounds open ends the program there (`ProgramEnded`): the same rules then apply.
//!
//! ## Paying in any asset
//!
//! A program pays in one asset, named in its spec ([`ProgramSpec::asset`]): the native token or
//! any asset of [`Config::Assets`] (a stablecoin of `pallet-assets`, say). Its budget, tranches
//! (from the treasury's balance of that asset), awards, round payments, retries and sweeps are
//! all in it; bonds and claim deposits stay holds on the native token. A cap in the program's
//! own asset is paid as it is, with no rate; a cap in another denomination (USD) of a program
//! paying native tokens converts at the council's rate, never a stale one (`rates.rs`); a
//! program paying an asset takes caps in that asset only. The council's approval limit, in
//! native tokens, is checked against the value of the budget (or of the tranche a milestone
//! releases) at a fresh rate, as pallet-treasury and pallet-multi-asset-bounties check theirs.
//!
//! ## Payments and their status
//!
//! Every payment out (a tranche from the treasury, an award, a round's payment, a retry, the
//! sweep on close or cancel) is made in `payments.rs` by [`Config::Paymaster`], a
//! `PayWithSource` (the SDK's `PayWithFungibles` for local transfers, or a paymaster over XCM).
//! A payment it reports done at once writes no record, so a local payment costs what a transfer
//! costs. Any other is recorded in [`Payments`] (at most [`Config::MaxOpenPayments`] a program):
//!
//! - **in progress**: anyone calls [`check_payment`](Pallet::check_payment), which records the
//!   paymaster's answer; `Unknown` counts as done (the paymaster forgets a payment only after
//!   its outcome, and the money left the account when it was handed over: counting it failed
//!   could pay it twice);
//! - **failed**: a round's payment the paymaster refused, or one it reported failed. Its amount
//!   stays in the program account, earmarked for the payee and still charged to its pool and
//!   period, and anyone may [`retry_payment`](Pallet::retry_payment) it: it is paid once, never
//!   twice. A direct award the paymaster refuses fails the call instead (the lead is there to
//!   fix it), changing nothing.
//!
//! A program cannot close or be cancelled while a payment is in progress. A failed payment holds
//! a close for [`Config::PaymentRetryWindow`] after its failure; then the close returns its
//! amount to the treasury with the rest (a council's cancel does not wait). Beyond
//! `MaxOpenPayments` records, a round's failed payment is skipped (`PaymentSkipped`), its amount
//! uncharged.
//!
//! ## Payees
//!
//! A program knows, caps and scores accounts; where an account's pay goes is a
//! [`Config::Beneficiary`], as in pallet-treasury: its own account unless it named another with
//! [`set_payee`](Pallet::set_payee) (a runtime paying beyond its accounts may take an XCM
//! location or a mapped EVM account; the demo runtime pays local accounts), for every program,
//! with [`Config::PayeeDeposit`] held until [`clear_payee`](Pallet::clear_payee). The payee is
//! read when a payment is handed over: a payment in progress is not redirected, and a retry
//! goes to the payee named at the retry. Records and events name the account (`payees.rs`).
//!
//! ## Trust model
//!
//! - **The lead alone** proposes (with a bond), keeps the roster, reports milestones, pays
//!   direct rewards within the caps of the spec the council approved, and scores the monthly
//!   round unless the spec names a scoring panel. The lead is never on its own roster, never
//!   files a report or claim in its own program, and is paid only from a direct pool whose
//!   [`Eligibility`] is `Lead`, visible in the spec. A scored pool pays only by the scores,
//!   under the spec's threshold and split.
//! - **No round pays before the council could stop it**: settlement starts only after the
//!   appeal and veto windows, with no appeal open. Appeal deposits are returned or slashed on
//!   every path, a cancel or close included. The council must act within the windows: if it
//!   does nothing, the round settles as the scores say.
//! - **A scoring panel** the council approved in the spec scores the rounds instead of the
//!   lead alone: an entry's score is the median of the reviewers' scores at or above the
//!   quorum, so one reviewer (the lead too, if it sits on the panel) who scores a friend 100
//!   moves it only to the middle score; below the quorum an entry pays nothing. No reviewer is
//!   on the roster, the program account or the treasury, and none scores its own entry. A
//!   panel does not stop a majority of its reviewers acting together, and the lead still
//!   finalizes: finalizing before the quorum scored leaves entries unpaid, never overpaid.
//! - **Members** file their own reports (and contributors their claims, with a deposit): the
//!   lead cannot file for them, and the `ActiveMembers` figure counts their signatures. Only an
//!   account names its payee: no lead or council can redirect its pay.
//! - **The council** ([`Config::ApproveOrigin`], [`Config::RejectOrigin`]) approves or rejects
//!   programs and reports, names leads, cancels, and removes members; a member it removed is
//!   barred until it says otherwise, and a senior leaves with its crew. A decision on a report
//!   names its attempt and the expected figure, so a motion decides what the council saw, or
//!   nothing. The approve origin's success value is the most it may release with one decision.
//!   Decisions on reports made before the end block still count after it.
//! - **The chain verifies** the `AmbassadorCount` figure (the roster's count, counted at the
//!   report and at the approval), the `ActiveMembers` figure (members still on the roster whose
//!   report in the last final round scored at the threshold, not struck, in a round not
//!   vetoed), the filing window, that a round
//!   keeps room for every member of the roster, that a round's payments are fixed (eligibility,
//!   rate, amounts) at its first settlement call and that it commits exactly what it will pay,
//!   the caps, that no program pays its own account or the treasury, that the lead is never on
//!   its own roster (a member the council names lead leaves it), that every token returns on
//!   close or cancel, that nothing of a removed program is left once its clean-up finished, and
//!   that owed tranches are paid in order (`try_state` checks all but issuance, which the
//!   tests check).
//! - **The chain cannot verify** off-chain figures (the lead's claim, for the council to judge),
//!   nor that roster accounts belong to distinct people.
//!
//! ## Rules that always hold
//!
//! Each rule names the file that enforces it. Rules 2 to 8 are checked again by `try_state`
//! (`try_state.rs`, after every unit test and on `try-runtime` upgrades); rule 1 is checked by
//! the tests, which compare total issuance before and after each unit test (`mock.rs`) and
//! assert every balance a runtime test moves.
//!
//! 1. No call creates or destroys funds, of any asset: tokens only move between the treasury,
//!    program accounts, beneficiaries and holds. Every payment out (tranches, awards, a round's
//!    payments, retries, the sweep on close or cancel) is made in `payments.rs`, by
//!    [`Config::Paymaster`]; holds are taken, released and slashed in `program.rs` (the bond)
//!    and `rounds/` (claim deposits).
//! 2. For each program: `released + owed <= budget`, `paid <= released`, and the program account
//!    holds, in the program's asset, at least `released - paid` (`program.rs`, `milestones.rs`;
//!    `check_funds`).
//! 3. In the current period, each pool's spending is within its cap and each beneficiary's within
//!    the member cap (`rewards.rs` for awards, `rounds/settlement.rs`; `check_spending`).
//! 4. A Proposed program has its bond held; an Active one has none (`program.rs`).
//! 5. The stored roster count equals the members stored, and is at most [`Config::MaxRoster`];
//!    each crew matches its senior's count; no barred, reserved or lead account is a member
//!    (`roster.rs`; `check_roster`).
//! 6. Nothing of a removed program is in storage unless its clean-up is under way (`cleanup.rs`;
//!    `check_no_leftovers`).
//! 7. A round's claims fit the room the roster leaves (`MaxEntriesPerRound - MaxRoster`); a round
//!    under settlement has every payment fixed, commits exactly what it will still pay, and pays
//!    no pool above its cap (`rounds/`; `check_rounds`).
//! 8. Each program's [`PaymentBooks`] counts its recorded payments (at most
//!    [`Config::MaxOpenPayments`]), and its account holds, in the program's asset, what its
//!    failed payments owe on top of `released - paid` (`payments.rs`; `check_payments`).
//!
//! ## Design decisions
//!
//! - The layout follows what the calls read most (storage version 4, [`migrations`]): an
//!   award reads and writes the program record anyway, so each pool's spending of its latest
//!   period lives in it (`pool_spent`), and so does the title; a round's entries live in pages
//!   of [`Config::RoundPageSize`], so that a settlement step reads and removes one record.
//! - The proposal's full text is kept off chain, as pallet-multi-asset-bounties keeps a bounty's
//!   metadata: the spec names its hash ([`ProgramSpec::description`]), the lead publishes it
//!   (Phala's proposals live on its forum), and anyone holding it can check it is the text the
//!   council approved. The bond prices what the proposal stores: its program record.
//! - Per-beneficiary spending is only recorded for pools with a member cap, and a program pays at
//!   most [`Config::MaxBeneficiaries`] such beneficiaries in one period; a record of a past
//!   period holds no slot, so a program can pay new beneficiaries in every period of its life.
//! - A report is paid by the one scored pool of its kind (at most one scored pool pays Senior
//!   Ambassadors and one pays contributors), so each entry has one payment.
//! - A round's record keeps each filer's score and, once settling, the pool that pays it, so
//!   that the first settlement call fixes the whole round in one bounded step (a roster look-up
//!   for each report it would pay, at most [`Config::MaxEntriesPerRound`]) and commits the exact
//!   sum; its evidence stays in pages, which the pay steps remove. A round whose period is
//!   settled late is charged to its own period: a scored pool takes no direct award, so its
//!   spending in a period is only its round's.
//! - [`Metric::ActiveMembers`] is counted when it is read (a report, an approval): one roster
//!   look-up for each active report of the last final round, read from the round while it is
//!   stored (with its [`RoundChecks`] for a veto and, unless vetoed, its [`Assessments`] for
//!   strikes) and from the [`Activity`] its settlement keeps once it is gone (struck reports
//!   and vetoed rounds already left out).
//! - A lead closing a program early (every milestone approved) with no round open closes it at
//!   once; with rounds open it ends the program there, so that no new period opens and the open
//!   rounds run their windows; after the end block anyone may close once the rounds are settled,
//!   or once the last round had its [`Config::SettlementWindow`] (what is left unsettled is
//!   dropped, deposits returned).
//! - Removing a Senior Ambassador removes its crew too (at most [`Config::MaxCrew`]), rather than
//!   leaving it without a senior: an ambassador always has a senior on the roster, and the lead
//!   can place the crew under another senior. Only the removed senior is barred, and only when the
//!   council removed it.
//! - A clean-up step iterates the keys left under the program's prefix and removes them one by
//!   one, instead of `clear_prefix` with a limit: in a runtime that call takes no cursor and counts
//!   keys removed earlier in the same block against its limit again. It visits only the maps the
//!   program's counters show non-empty ([`CleanupStages`]).
//! - A claim marked as spam gives its place to the round's last entry, so that the pages stay
//!   full (two pages are written, not every page after it): filing order is kept otherwise.
//! - Lead calls ([`add_member`](Pallet::add_member), [`report_milestone`](Pallet::report_milestone),
//!   [`award`](Pallet::award), ...) are refused after the end block; the program then only waits
//!   to be closed.
//! - A cut of the next tranche is final: the cut part stays in the treasury and never counts as
//!   released or owed.
//! - A rate is dated, and a stale one refused (`rates.rs`): a conversion at a rate set more than
//!   [`Config::MaxRateAge`] blocks ago, or whose date [`Config::RateClock`] does not know, fails
//!   with [`Error::RateStale`]. An unknown date counts as stale, so a runtime that starts dating
//!   its rates pays nothing at an old rate until its council confirms it.
//!
//! ## Weights
//!
//! Every call is benchmarked at its worst case (`benchmarking.rs`) with a component for each
//! variable-size input: the title length, milestones and pools of a proposal, the evidence of a
//! report, the active reports an `ActiveMembers` report or approval counts, the reason of an
//! award, the awards of a batch, the crew removed with a senior (or with a member named lead),
//! the scores of a `score_round`, the entries a settlement's first call fixes, the page of a pay
//! step, the claims of a round's page a clean-up step removes, and the entries one clean-up
//! step removes
//! ([`cancel_program`](Pallet::cancel_program), [`close_program`](Pallet::close_program),
//! [`clear_program`](Pallet::clear_program): charged at [`Config::RemovalLimit`] and refunded to
//! what the step visited; a step that removes a round's page is `clear_program_page`). Where
//! the cost depends on storage the arguments do not show, each kind is benchmarked on its own
//! and a call is charged as the costlier, refunded to its own: [`award`](Pallet::award) from a
//! plain pool (no roster read, no spending record) or not, [`award_batch`](Pallet::award_batch)
//! by how many of its awards are plain ([`Pallet::award_batch_weight`]), a filing by whether it
//! opens its round (which writes the program record), [`mark_spam`](Pallet::mark_spam) by
//! whether it empties its round, a pay step of
//! [`settle_round`](Pallet::settle_round) by how many of its page's entries are claims, each
//! releasing a deposit ([`Pallet::settle_pay_weight`]).
//! [`weights`] is frame-omni-bencher's output for the demo runtime; a runtime should generate
//! its own (`scripts/benchmark.sh` in the repository).
//!
//! ## Parachains
//!
//! Periods and deadlines are counted in blocks of [`Config::BlockNumberProvider`]. On a
//! parachain, use the relay chain's block number
//! (`cumulus_pallet_parachain_system::RelaychainDataProvider<Runtime>`), as pallet-salary and
//! pallet-treasury advise: relay blocks come every 6 seconds, while a parachain's own blocks may
//! come at another or a changing rate (asynchronous backing, elastic scaling, coretime bought on
//! demand), so a "month" of local blocks would not stay a month. [`Config::PayoutPeriod`] and
//! [`Config::MaxDuration`] are then in relay blocks. Changing the provider of a live chain
//! changes the meaning of every stored block number (`proposed_at`, `approved_at`, `ends_at`,
//! `reported_at`, `joined_at`, `filed_at`) and of the period indices in spending records and
//! rounds: it needs a migration, in the same runtime upgrade, that converts them to the new
//! provider's numbers. [`Config::FilingGrace`] and [`Config::ScoringWindow`] are in the
//! provider's blocks too.
//!
//! ## Pallet API
//!
//! See the [`pallet`] module for the calls, events, errors, storage and configuration.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod cleanup;
pub mod migrations;
mod milestones;
#[cfg(test)]
mod mock;
mod payees;
mod payments;
mod program;
mod rates;
mod rewards;
mod roster;
mod rounds;
pub mod runtime_api;
mod schedule;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod views;
pub mod weights;

pub use pallet::*;
pub use rates::{AlwaysFresh, RateClock};
pub(crate) use rounds::RoundStore;
pub use schedule::Schedule;
pub use types::*;
pub use weights::WeightInfo;

use frame_support::{pallet_prelude::*, PalletId};
use sp_runtime::traits::{AccountIdConversion, Zero};

/// The log target of this pallet.
pub const LOG_TARGET: &str = "runtime::community-bounty";

/// Builds the arguments that benchmarks cannot construct generically.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AssetKind, AccountId, Balance> {
	/// An asset kind for pools denominated in an asset, with a rate the converter can use once
	/// `ensure_successful` was called for it.
	fn create_asset_kind(seed: u32) -> AssetKind;

	/// The asset the benchmarked programs pay in: the one whose payments cost the runtime the
	/// most (an asset of `pallet-assets`, whose transfer to a new account reads and writes more
	/// than a native one), created if the benchmark's genesis lacks it. The native token by
	/// default. The weights then cover a program paying it; the runtime's own tests should
	/// check that a program paying the native token fits them too.
	fn program_asset() -> Denomination<AssetKind> {
		Denomination::Native
	}

	/// Makes `who` hold `amount` of `asset`, the asset [`Self::program_asset`] names (never the
	/// native token, which the benchmarks set themselves).
	fn set_asset_balance(_asset: &AssetKind, _who: &AccountId, _amount: Balance) {}
}

#[cfg(feature = "runtime-benchmarks")]
impl<AssetKind: From<u32>, AccountId, Balance> BenchmarkHelper<AssetKind, AccountId, Balance>
	for ()
{
	fn create_asset_kind(seed: u32) -> AssetKind {
		seed.into()
	}
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::boxed::Box;
	use frame_support::traits::{
		fungible::{Inspect, Mutate, MutateHold},
		fungibles,
		tokens::{ConversionFromAssetBalance, PayWithSource},
	};
	use frame_system::pallet_prelude::{ensure_signed, OriginFor};
	use sp_runtime::traits::{BlockNumberProvider, Convert, StaticLookup};

	/// The in-code storage version. Version 1 was the first layout; version 2 keeps each pool's
	/// spending and the title in the program record, stores the description's hash instead of
	/// its text, keeps a round's entries in pages and a clean-up's maps as a set
	/// ([`migrations::v2`] moves a chain from 1 to 2); version 3 keeps each filer's score and
	/// fixed pool in the round's record, and who was active in a settled round
	/// ([`migrations::v3`] moves a chain from 2 to 3); version 4 names the asset each program
	/// pays in ([`migrations::v4`] moves a chain from 3 to 4, every program paying native
	/// tokens).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	/// An account id as given to a call: an address the runtime's lookup resolves.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	/// How a call names a [`Config::Beneficiary`].
	pub type BeneficiaryLookupOf<T> = <<T as Config>::BeneficiaryLookup as StaticLookup>::Source;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Default values of the configuration items that have one.
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, parameter_types, traits::ConstU32};

		/// The pallet's own [`PalletId`]: never the bounties' `py/bount` nor the treasury's
		/// `py/trsry` (from which pallet-bounties derives its bounty accounts), so that no two
		/// pallets derive the same accounts.
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
			type MaxMilestones = ConstU32<4>;
			type MaxPools = ConstU32<4>;
			type MaxRoster = ConstU32<64>;
			type MaxCrew = ConstU32<8>;
			type MaxTagLen = ConstU32<32>;
			type MaxEvidenceLen = ConstU32<128>;
			type MaxReasonLen = ConstU32<64>;
			type MaxAwardsPerCall = ConstU32<16>;
			type MaxBeneficiaries = ConstU32<64>;
			type RemovalLimit = ConstU32<40>;
			type MaxEntriesPerRound = ConstU32<72>;
			type MaxScoresPerCall = ConstU32<18>;
			type MaxReviewers = ConstU32<5>;
			type RoundPageSize = ConstU32<4>;
			type MaxOpenPayments = ConstU32<16>;
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
		/// qualified majority, or Root). Its success value is the most it may release with one
		/// decision, like pallet-treasury's `SpendOrigin`: approving a program needs at least its
		/// budget, approving a milestone at least the tranche it releases.
		#[pallet::no_default]
		type ApproveOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = BalanceOf<Self>>;

		/// Who rejects a proposal or a milestone report (the council's simple majority, or Root).
		#[pallet::no_default]
		type RejectOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The account that funds programs and receives refunds and slashed bonds: the
		/// treasury's pot. It is kept alive by every transfer out of it, and is never paid a
		/// reward nor put on a roster.
		#[pallet::no_default]
		type TreasuryAccount: Get<Self::AccountId>;

		/// The native token and the assets a program may pay in, side by side, keyed by
		/// [`Denomination`] (through `From`): what the pallet reads of the treasury's and a
		/// program account's balances in the program's asset ([`ProgramSpec::asset`]). A runtime
		/// with `pallet-assets` names `fungible::UnionOf<Balances, Assets, NativeFromLeft,
		/// NativeOrWithId<AssetId>, AccountId>`.
		#[pallet::no_default]
		type Assets: fungibles::Inspect<
			Self::AccountId,
			Balance = BalanceOf<Self>,
			AssetId: From<Denomination<Self::AssetKind>>,
		>;

		/// Makes every payment out: tranches (from [`Config::TreasuryAccount`]), awards, a
		/// round's payments and the sweep on close or cancel (from the program account), in the
		/// program's asset. A payment it reports done at once leaves no record; any other is
		/// recorded ([`Payments`]) as in progress or failed, for `check_payment` and
		/// `retry_payment`. A runtime holding its native token and its assets side by side names
		/// `PayWithFungibles` over the union it names as [`Config::Assets`].
		#[pallet::no_default]
		type Paymaster: PayWithSource<
			Balance = BalanceOf<Self>,
			Source = Self::AccountId,
			Beneficiary = Self::Beneficiary,
			AssetKind = AssetIdOf<Self>,
		>;

		/// Whom [`Config::Paymaster`] pays: a local account, or, in a runtime whose paymaster
		/// pays beyond it, an XCM location or a mapped EVM account (as pallet-treasury's
		/// `Beneficiary`). A member names one for its pay with `set_payee` ([`Payees`]).
		#[pallet::no_default]
		type Beneficiary: Parameter + MaxEncodedLen;

		/// How a call names a [`Config::Beneficiary`] (the runtime's account lookup, when the
		/// beneficiary is a local account).
		#[pallet::no_default]
		type BeneficiaryLookup: StaticLookup<Target = Self::Beneficiary>;

		/// Names a local account as a beneficiary: the program account a tranche pays, the
		/// treasury a sweep pays, and an account that named no payee (`Identity` when the
		/// beneficiary is a local account).
		#[pallet::no_default]
		type AccountBeneficiary: Convert<Self::AccountId, Self::Beneficiary>;

		/// The deposit held from an account while it names a payee ([`Payees`]), for the
		/// storage the record takes; released when it clears it.
		#[pallet::constant]
		#[pallet::no_default]
		type PayeeDeposit: Get<BalanceOf<Self>>;

		/// The most payments of one program recorded at once (in progress or failed). A round's
		/// payment that fails while that many are recorded is skipped (`PaymentSkipped`): its
		/// amount stays with the program, uncharged.
		#[pallet::constant]
		type MaxOpenPayments: Get<u32>;

		/// How long a failed payment keeps its money earmarked against a close, in blocks: the
		/// window in which anyone may retry it before the program's close returns its amount to
		/// the treasury with the rest. (A retry is possible until the program is removed.)
		#[pallet::constant]
		#[pallet::no_default]
		type PaymentRetryWindow: Get<BlockNumberOf<Self>>;

		/// This pallet's id, from which each program's account is derived. Must differ from
		/// every other pallet's id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The kinds of asset a program may pay in and a cap may be denominated in (besides the
		/// native token): the key of [`Config::BalanceConverter`]'s rates and, as
		/// [`Denomination::Asset`], of [`Config::Assets`].
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

		/// When each rate of [`Config::BalanceConverter`] was last set (see `rates.rs`). A
		/// runtime that dates its rates elsewhere may name [`AlwaysFresh`].
		#[pallet::no_default]
		type RateClock: RateClock<Self::AssetKind, BlockNumberOf<Self>>;

		/// The age, in blocks, past which a rate is stale: a conversion at a rate set longer ago
		/// (or at a rate whose date is unknown) is refused with [`Error::RateStale`].
		#[pallet::constant]
		#[pallet::no_default]
		type MaxRateAge: Get<BlockNumberOf<Self>>;

		/// The source of block numbers for periods and deadlines. On a parachain, see the crate
		/// docs ("Parachains") before choosing it.
		#[pallet::no_default]
		type BlockNumberProvider: BlockNumberProvider;

		/// The fixed part of a proposal's bond.
		#[pallet::constant]
		#[pallet::no_default]
		type ProgramBondBase: Get<BalanceOf<Self>>;

		/// The part of a proposal's bond per byte the proposal stores: its program record as
		/// encoded (title, description hash, milestones, pools). The full text stays off chain.
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

		/// The longest title, in bytes. Benchmarks of `propose_program` depend on it.
		#[pallet::constant]
		type MaxTitleLen: Get<u32>;

		/// The most milestones a program may have. Nonzero.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// The most reward pools a program may have.
		#[pallet::constant]
		type MaxPools: Get<u32>;

		/// The most members a program's roster may hold, and so the highest `AmbassadorCount`
		/// target a spec may set. Nonzero.
		#[pallet::constant]
		type MaxRoster: Get<u32>;

		/// The most ambassadors in one Senior Ambassador's crew. Benchmarks of `remove_member`
		/// depend on it (removing a senior removes its crew).
		#[pallet::constant]
		type MaxCrew: Get<u32>;

		/// The longest region tag or off-chain metric name, in bytes.
		#[pallet::constant]
		type MaxTagLen: Get<u32>;

		/// The longest evidence reference of a milestone report, or of a round's report or claim,
		/// in bytes.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// The longest reason of an award, in bytes.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;

		/// The most awards in one `award_batch` call. Benchmarks of `award_batch` depend on it.
		#[pallet::constant]
		type MaxAwardsPerCall: Get<u32>;

		/// The most per-beneficiary spending records (one per member-capped pool and beneficiary)
		/// one program writes in one period. Records of past periods do not count.
		#[pallet::constant]
		type MaxBeneficiaries: Get<u32>;

		/// The most storage entries one clean-up step removes from a removed program's maps (a
		/// round's record counts [`Pallet::round_cost`]; a round's pages go one a step, apart):
		/// `close_program` and `cancel_program` take one step, `clear_program` one more each
		/// time. At least a round's cost. Benchmarks of those calls depend on it.
		#[pallet::constant]
		type RemovalLimit: Get<u32>;

		/// How long after the end of a period its reports and claims may still be filed, in
		/// blocks (Phala's "by the 5th of the following month"). At most `PayoutPeriod`.
		#[pallet::constant]
		#[pallet::no_default]
		type FilingGrace: Get<BlockNumberOf<Self>>;

		/// How long after the grace window the lead may still score a round before it is final by
		/// itself, in blocks. At most `PayoutPeriod`.
		#[pallet::constant]
		#[pallet::no_default]
		type ScoringWindow: Get<BlockNumberOf<Self>>;

		/// How long after the last period's round is final by itself anyone may still settle the
		/// rounds of an ended program before a close can drop them, in blocks: a final round
		/// always gets this window. Nonzero, at most `PayoutPeriod`.
		#[pallet::constant]
		#[pallet::no_default]
		type SettlementWindow: Get<BlockNumberOf<Self>>;

		/// How long a final round's members may appeal their scores, and the council decide the
		/// appeals, in blocks after the round's scoring deadline (appeals open as soon as the
		/// round is final). An appeal undecided at its end lapses, its deposit returned.
		#[pallet::constant]
		#[pallet::no_default]
		type AppealWindow: Get<BlockNumberOf<Self>>;

		/// How long after the appeal window the council may strike a round's entries or veto
		/// the round, in blocks; the round settles only after it.
		#[pallet::constant]
		#[pallet::no_default]
		type VetoWindow: Get<BlockNumberOf<Self>>;

		/// The deposit held from a member who appeals its score: returned if the council upholds
		/// the appeal or does not decide it, sent to the treasury if it dismisses it.
		#[pallet::constant]
		#[pallet::no_default]
		type AppealDeposit: Get<BalanceOf<Self>>;

		/// The deposit held from a contributor who files a claim; returned when the round goes,
		/// sent to the treasury if the lead marks the claim as spam.
		#[pallet::constant]
		#[pallet::no_default]
		type ClaimDeposit: Get<BalanceOf<Self>>;

		/// The most reports and claims one round (one period of one program) holds. Benchmarks
		/// of `file_report`, `file_claim`, `score_round` and `settle_round` depend on it.
		#[pallet::constant]
		type MaxEntriesPerRound: Get<u32>;

		/// The most scores in one `score_round` call. Benchmarks of `score_round` depend on it.
		#[pallet::constant]
		type MaxScoresPerCall: Get<u32>;

		/// The most reviewers on a program's scoring panel ([`Panel`]). Benchmarks of
		/// `propose_program`, `file_report` and `review_round` depend on it.
		#[pallet::constant]
		type MaxReviewers: Get<u32>;

		/// The most entries one `settle_round` call checks or pays: the size of a page of a
		/// round's entries in storage ([`RoundPages`]), so changing it on a live chain needs a
		/// migration of the open rounds' pages. Nonzero. Benchmarks of `settle_round`,
		/// `file_report`, `file_claim`, `score_round` and the clean-up depend on it.
		#[pallet::constant]
		type RoundPageSize: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Builds benchmark arguments.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: BenchmarkHelper<Self::AssetKind, Self::AccountId, BalanceOf<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The bond of a proposed program, released on approval and slashed on rejection.
		#[codec(index = 0)]
		ProgramBond,
		/// The deposit of a contributor's claim in a monthly round, released when the round goes
		/// and slashed to the treasury if the lead marks the claim as spam.
		#[codec(index = 1)]
		ClaimDeposit,
		/// The deposit of an account naming a payee ([`Payees`]), released when it clears it.
		#[codec(index = 2)]
		PayeeDeposit,
		/// The deposit of a member's appeal of its score, returned if the council upholds it or
		/// lets it lapse, slashed to the treasury if it dismisses it.
		#[codec(index = 3)]
		AppealDeposit,
	}

	/// The number of programs ever proposed; the next program gets this index.
	#[pallet::storage]
	pub type ProgramCount<T> = StorageValue<_, ProgramIndex, ValueQuery>;

	/// Proposed and active programs, with their title, description hash, milestones, pools and
	/// what each pool spent in its latest period.
	#[pallet::storage]
	pub type Programs<T: Config> = StorageMap<_, Twox64Concat, ProgramIndex, Program<T>>;

	/// The latest report of each milestone: pending, approved (the record) or rejected.
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

	/// The crew of each Senior Ambassador: the ambassadors removed with it.
	#[pallet::storage]
	pub type Crews<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<T::AccountId, T::MaxCrew>,
		ValueQuery,
	>;

	/// Accounts the council removed from a program's roster: the lead cannot add them back
	/// until the council lifts the bar (`unbar_member`).
	#[pallet::storage]
	pub type Barred<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProgramIndex, Blake2_128Concat, T::AccountId, ()>;

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

	/// The monthly rounds of each program, by period: open, finalized or settling. A round is
	/// created by its first report or claim and removed once settled (or with its program).
	#[pallet::storage]
	pub type Rounds<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProgramIndex, Twox64Concat, PeriodIndex, Round<T>>;

	/// The reports and claims of each round, by program and (period, page): page `k` holds the
	/// entries of the round's filers `k x RoundPageSize ..`, in the same order.
	#[pallet::storage]
	pub type RoundPages<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		(PeriodIndex, u32),
		RoundPageOf<T>,
	>;

	/// The scoring panel of each program whose spec names one: its reviewers score its rounds
	/// ([`Pallet::review_round`]) instead of the lead alone. Removed with the program.
	#[pallet::storage]
	pub type Panels<T: Config> = StorageMap<_, Twox64Concat, ProgramIndex, Panel<T>>;

	/// What each round's entries were given besides their score, by program and period: the
	/// members' proposed scores and the reviewers' scores, at the positions of the round's
	/// filers (shorter when the last ones hold nothing). Removed with the round.
	#[pallet::storage]
	pub type Assessments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		PeriodIndex,
		AssessmentsOf<T>,
	>;

	/// The council's checks on each final round: its open appeals and whether it was vetoed.
	/// Removed with the round.
	#[pallet::storage]
	pub type RoundChecks<T: Config> =
		StorageDoubleMap<_, Twox64Concat, ProgramIndex, Twox64Concat, PeriodIndex, RoundCheckOf<T>>;

	/// Who was active in the latest final period whose round's settlement started (the round
	/// itself is removed once paid; struck reports left out, no one of a vetoed round): what
	/// [`Metric::ActiveMembers`] counts, of those still on the roster, while that period is the
	/// last final one.
	#[pallet::storage]
	pub type Activity<T: Config> = StorageMap<_, Twox64Concat, ProgramIndex, PeriodActivity<T>>;

	/// Payments of each program that the paymaster did not report done at once: in progress
	/// or failed, by their index in the program's [`PaymentBooks`]. At most
	/// [`Config::MaxOpenPayments`] a program; removed once done, and with the program.
	#[pallet::storage]
	pub type Payments<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgramIndex,
		Twox64Concat,
		PaymentIndex,
		PaymentRecord<T>,
	>;

	/// The counters of each program's recorded payments: the next index, how many are open and
	/// in progress, and the latest failure. Absent for a program that never recorded one.
	#[pallet::storage]
	pub type PaymentBooks<T: Config> =
		StorageMap<_, Twox64Concat, ProgramIndex, PaymentBookOf<T>, ValueQuery>;

	/// Removed programs whose storage is still being cleared, and the maps left to clear.
	#[pallet::storage]
	pub type Cleanups<T: Config> = StorageMap<_, Twox64Concat, ProgramIndex, CleanupStages>;

	/// The payee each account named for its pay from every program (awards and a round's
	/// payments, retries included), with the deposit held for it. An account with none is
	/// paid at its own account ([`Config::AccountBeneficiary`]).
	#[pallet::storage]
	pub type Payees<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, PayeeOf<T>>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A program was proposed and its bond held. `description` is the hash of its full text.
		ProgramProposed {
			index: ProgramIndex,
			lead: T::AccountId,
			description: T::Hash,
			asset: Denomination<T::AssetKind>,
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
		/// The council cancelled a program: its account's balance went back to the treasury.
		ProgramCancelled {
			index: ProgramIndex,
			refunded: BalanceOf<T>,
			owed_dropped: BalanceOf<T>,
			paid: BalanceOf<T>,
		},
		/// A program was closed: by its lead after the last milestone, or by anyone after its end
		/// block. `expired` says whether the end block had passed. Its account's balance went
		/// back to the treasury.
		ProgramClosed {
			index: ProgramIndex,
			by: T::AccountId,
			expired: bool,
			refunded: BalanceOf<T>,
			owed_dropped: BalanceOf<T>,
			paid: BalanceOf<T>,
		},
		/// A step of a removed program's clean-up removed `removed` storage entries; `complete`
		/// once nothing of the program is left. Until then anyone may call `clear_program`.
		ProgramStorageCleared { index: ProgramIndex, removed: u32, complete: bool },
		/// The council named a new lead.
		LeadChanged { index: ProgramIndex, old: T::AccountId, new: T::AccountId },
		/// Tokens found in a removed program's account were swept to the treasury.
		Reclaimed { index: ProgramIndex, asset: Denomination<T::AssetKind>, amount: BalanceOf<T> },
		/// A member joined a program's roster.
		MemberAdded {
			index: ProgramIndex,
			who: T::AccountId,
			role: Role,
			region: TagOf<T>,
			senior: Option<T::AccountId>,
			roster_count: u32,
		},
		/// A member left a program's roster, removed by the lead or (`by_council`) the council;
		/// `barred` if the lead may not add it back. A senior's crew leaves with it.
		MemberRemoved {
			index: ProgramIndex,
			who: T::AccountId,
			by_council: bool,
			barred: bool,
			roster_count: u32,
		},
		/// The council lifted the bar on an account it had removed: the lead may add it again.
		MemberUnbarred { index: ProgramIndex, who: T::AccountId },
		/// `who` named `payee` for its pay from every program, with `deposit` held.
		PayeeSet { who: T::AccountId, payee: T::Beneficiary, deposit: BalanceOf<T> },
		/// `who` cleared its payee: it is paid at its own account again, and `deposit` is
		/// released.
		PayeeCleared { who: T::AccountId, deposit: BalanceOf<T> },
		/// The lead reported a milestone, as report number `attempt`. `figure` is the figure of
		/// record: the chain's count for `AmbassadorCount` and `ActiveMembers`, else the lead's
		/// `claimed` figure.
		MilestoneReported {
			index: ProgramIndex,
			milestone: MilestoneIndex,
			attempt: u32,
			metric: Metric<TagOf<T>>,
			target: u64,
			claimed: u64,
			figure: u64,
			evidence: EvidenceOf<T>,
		},
		/// The council approved report `attempt` of a milestone, possibly `below_target`.
		/// `figure` is the approved figure of record (for an on-chain metric, the lower of the
		/// counts at the report and at the approval). The next tranche, less `cut`, is `next_tranche` (zero after the last
		/// milestone).
		MilestoneApproved {
			index: ProgramIndex,
			milestone: MilestoneIndex,
			attempt: u32,
			target: u64,
			figure: u64,
			below_target: bool,
			cut: BalanceOf<T>,
			next_tranche: BalanceOf<T>,
		},
		/// The council rejected report `attempt` of a milestone; the lead may report again.
		MilestoneRejected {
			index: ProgramIndex,
			milestone: MilestoneIndex,
			attempt: u32,
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
			/// For a direct award in an asset, the block in which the rate `amount` was
			/// converted at was set. `None` for an amount in native tokens, and for a round's
			/// payment, whose rate the round's `RoundTallied` event dates.
			rate_set_at: Option<BlockNumberOf<T>>,
		},
		/// A Senior Ambassador's crew member became a Senior Ambassador, keeping its reports
		/// and spending history; `seniors` is the new count of seniors.
		MemberPromoted { index: ProgramIndex, who: T::AccountId, seniors: u32 },
		/// A roster member filed its activity report (`pool: None`), or a contributor a claim to
		/// `pool` with `deposit` held, for `period`.
		Filed {
			index: ProgramIndex,
			period: PeriodIndex,
			who: T::AccountId,
			pool: Option<PoolIndex>,
			deposit: BalanceOf<T>,
			evidence: EvidenceOf<T>,
			/// The score the member proposed for its report, if it did.
			proposed: Option<Score>,
		},
		/// The lead scored a report or claim of `period` (0..=100).
		Scored { index: ProgramIndex, period: PeriodIndex, who: T::AccountId, score: Score },
		/// `who` appealed its score of `period` (below the score it proposed), with `deposit`
		/// held; the council decides it by the round's appeal deadline.
		Appealed {
			index: ProgramIndex,
			period: PeriodIndex,
			who: T::AccountId,
			score: Option<Score>,
			proposed: Score,
			deposit: BalanceOf<T>,
		},
		/// The council upheld `who`'s appeal: its score is now `score`, its deposit returned.
		AppealUpheld {
			index: ProgramIndex,
			period: PeriodIndex,
			who: T::AccountId,
			score: Score,
			returned: BalanceOf<T>,
		},
		/// The council dismissed `who`'s appeal: its deposit went to the treasury.
		AppealDismissed {
			index: ProgramIndex,
			period: PeriodIndex,
			who: T::AccountId,
			slashed: BalanceOf<T>,
		},
		/// `who`'s appeal was not decided within the appeal window: dismissed without a slash,
		/// its deposit returned.
		AppealLapsed {
			index: ProgramIndex,
			period: PeriodIndex,
			who: T::AccountId,
			returned: BalanceOf<T>,
		},
		/// The council struck `who`'s entry of `period`, for `reason`: it pays nothing.
		EntryStruck {
			index: ProgramIndex,
			period: PeriodIndex,
			who: T::AccountId,
			reason: ReasonOf<T>,
		},
		/// The council vetoed the round of `period`, for `reason`: nothing is paid from it and
		/// its money stays in the program account.
		RoundVetoed { index: ProgramIndex, period: PeriodIndex, reason: ReasonOf<T> },
		/// A reviewer of the program's panel scored `who`'s entry of `period` (0..=100); the
		/// entry's score is now `median`, the median of its reviews, or `None` below the quorum.
		Reviewed {
			index: ProgramIndex,
			period: PeriodIndex,
			reviewer: T::AccountId,
			who: T::AccountId,
			score: Score,
			median: Option<Score>,
		},
		/// The lead marked a claim as spam: it was removed and its deposit sent to the treasury.
		ClaimSpam {
			index: ProgramIndex,
			period: PeriodIndex,
			who: T::AccountId,
			slashed: BalanceOf<T>,
		},
		/// The lead finalized the round of `period`; `active` reports scored at or above the
		/// program's activity threshold (`ActiveMembers` counts those of members still on the
		/// roster).
		RoundFinalized { index: ProgramIndex, period: PeriodIndex, active: u32 },
		/// The settlement of a round started: the rates of this block, and every entry's
		/// eligibility as of this block, are fixed for its payments.
		RoundSettlementStarted { index: ProgramIndex, period: PeriodIndex },
		/// Every entry of a round was checked and tallied: its payments are fixed, their sum
		/// (`committed`, native) is set aside, and the next `settle_round` calls pay them.
		/// `rates` names, for each scored pool denominated in an asset, the block in which the
		/// rate its payments convert at was set.
		RoundTallied {
			index: ProgramIndex,
			period: PeriodIndex,
			committed: BalanceOf<T>,
			rates: BoundedVec<(PoolIndex, BlockNumberOf<T>), T::MaxPools>,
		},
		/// A fixed payment could not be made (the beneficiary cannot receive it): it was
		/// skipped, and its amount stays in the program.
		PaymentSkipped {
			index: ProgramIndex,
			period: PeriodIndex,
			pool: PoolIndex,
			beneficiary: T::AccountId,
			amount: BalanceOf<T>,
			native: BalanceOf<T>,
		},
		/// A round was settled to the end: its storage and its claims' deposits were released.
		/// `skipped` counts the payments not made: failed (recorded for a retry) or skipped.
		RoundSettled { index: ProgramIndex, period: PeriodIndex, paid: u32, skipped: u32 },
		/// The paymaster took payment `payment` of a program but has not said how it went:
		/// anyone may ask with `check_payment`. The payment is charged (it was `Awarded`).
		PaymentInProgress {
			index: ProgramIndex,
			payment: PaymentIndex,
			payee: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A payment was not made: refused by the paymaster (a round's payment), or reported
		/// failed (`check_payment`). Its amount stays in the program account, earmarked for the
		/// payee and charged to its pool and period; anyone may `retry_payment` it, and from
		/// `retry_until` a close returns it to the treasury with the rest.
		PaymentFailed {
			index: ProgramIndex,
			payment: PaymentIndex,
			pool: PoolIndex,
			period: PeriodIndex,
			payee: T::AccountId,
			amount: BalanceOf<T>,
			retry_until: BlockNumberOf<T>,
		},
		/// A recorded payment is done: the paymaster reported it paid (or, after its answer,
		/// no longer knows it), or a retry paid it at once. Its record is gone.
		PaymentConfirmed {
			index: ProgramIndex,
			payment: PaymentIndex,
			payee: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// The lead, every milestone approved, closed the program while rounds were open: it
		/// ends at `ends_at` instead, so that members file, are scored and are paid for the
		/// period under way within its windows, and anyone closes it after them.
		ProgramEnded { index: ProgramIndex, by: T::AccountId, ends_at: BlockNumberOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No proposed or active program has this index.
		UnknownProgram,
		/// A Senior Ambassador on the roster already, or promoted would pass `max_seniors`.
		TooManySeniors,
		/// Only an ambassador (a crew member) can be promoted.
		NotAnAmbassador,
		/// The Senior Ambassador leads a smaller crew than the program's `min_crew`: it is not
		/// paid from a senior pool.
		CrewTooSmall,
		/// `min_crew` is above `MaxCrew`, or `max_seniors` is zero or above `MaxRoster`.
		InvalidSeniorRules,
		/// A threshold or score is above 100.
		InvalidScore,
		/// A `Linear` scored pool needs a member cap.
		LinearNeedsMemberCap,
		/// A scored pool must pay Senior Ambassadors or Contributors, at most one of each.
		InvalidScoredPool,
		/// A scored pool takes no direct award: its round pays it.
		PoolIsScored,
		/// That period has not begun.
		PeriodNotStarted,
		/// That period began after the program's end block.
		PeriodAfterEnd,
		/// The filing window of that period (the period and its `FilingGrace`) is over.
		FilingClosed,
		/// The lead never files a report or claim in its own program, nor scores one it filed
		/// before the council named it lead.
		LeadCannotFile,
		/// A roster member files a report, not a claim.
		MemberMustReport,
		/// Claims go to a scored `Contributors` pool.
		NotAClaimPool,
		/// This account already filed for that period.
		AlreadyFiled,
		/// The round holds `MaxEntriesPerRound` reports and claims.
		RoundFull,
		/// The claimant's free balance cannot cover the claim deposit.
		InsufficientDeposit,
		/// No round of that period (nobody filed, or it was settled).
		NoRound,
		/// Nothing was filed by this account for that period.
		NotFiled,
		/// The round is final: its scores are fixed.
		RoundFinal,
		/// The round's filing window is not over: it cannot be finalized yet.
		FilingNotOver,
		/// The round is not final yet: the lead has not finalized it and its scoring window
		/// has not passed.
		RoundNotFinal,
		/// Only a claim can be marked as spam.
		NotAClaim,
		/// No scores given.
		NoScores,
		/// Rounds of this program are still open: settle them, or wait until their scoring
		/// windows have passed.
		RoundsOpen,
		/// Only the program's lead may do this.
		NotLead,
		/// The program is not Proposed.
		NotProposed,
		/// The program is not Active.
		NotActive,
		/// The program's end block has passed: the lead can no longer act.
		ProgramExpired,
		/// The program cannot be closed yet: milestones remain and its end block has not passed.
		CannotCloseYet,
		/// A milestone report awaits the council's decision: an expired program closes once it
		/// is decided.
		ReportPending,
		/// The title is empty.
		EmptyTitle,
		/// A program needs at least one milestone.
		NoMilestones,
		/// A milestone's target is zero.
		ZeroTarget,
		/// An `AmbassadorCount` target is above `MaxRoster`: no roster can reach it.
		UnreachableTarget,
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
		/// The proposer's free balance cannot cover the bond.
		InsufficientBond,
		/// The approving origin may release less than this decision releases (its spending
		/// limit is below the budget, or below the tranche).
		InsufficientPermission,
		/// The program owes nothing.
		NothingOwed,
		/// The treasury cannot pay the oldest owed tranche yet.
		InsufficientTreasury,
		/// The program is still proposed or active: close or cancel it instead.
		ProgramStillOpen,
		/// The removed program's account holds nothing to sweep.
		NothingToReclaim,
		/// No removed program with this index has storage left to clear.
		NothingToClear,
		/// The roster is full (`MaxRoster`).
		RosterFull,
		/// The senior's crew is full (`MaxCrew`).
		CrewFull,
		/// The account is already on the roster.
		AlreadyMember,
		/// The account is not on the roster.
		NotMember,
		/// The council removed this account from the roster; only the council can lift that.
		MemberBarred,
		/// The account is not barred from the roster.
		NotBarred,
		/// The lead cannot add itself to its own program's roster.
		LeadCannotBeMember,
		/// The program's own account and the treasury are never paid nor put on a roster.
		ReservedAccount,
		/// An ambassador needs a senior.
		MissingSenior,
		/// A Senior Ambassador has no senior of its own.
		UnexpectedSenior,
		/// The named senior is not a Senior Ambassador on the roster.
		NotASenior,
		/// The program has no milestone with this index.
		UnknownMilestone,
		/// Milestones are reported in order: this is not the next one.
		OutOfOrder,
		/// This milestone's report is awaiting the council.
		AlreadyReported,
		/// There is no pending report of this milestone.
		NoPendingReport,
		/// The pending report is not the attempt the decision names: the lead reported again
		/// since the motion was made.
		WrongAttempt,
		/// The figure of record is now below the figure the decision expects (members left
		/// since the report).
		FigureBelowExpected,
		/// The cut is above the next tranche's planned amount.
		CutAboveTranche,
		/// The last milestone has no next tranche to cut.
		NoNextTranche,
		/// The program has no pool with this index.
		UnknownPool,
		/// The beneficiary may not be paid from this pool.
		NotEligible,
		/// The lead is paid only from a pool whose eligibility is `Lead`.
		LeadNotEligible,
		/// The award would take the pool above its cap for this period.
		PoolCapExceeded,
		/// The award would take the beneficiary above the member cap for this period.
		MemberCapExceeded,
		/// The pool's denomination (or the asset of the budget or tranche the council decides
		/// on) cannot be converted to native tokens: no rate.
		NoRate,
		/// The program account cannot pay this much (released minus paid minus what rounds under
		/// settlement have committed, keeping it alive).
		InsufficientProgramFunds,
		/// The amount, or its native value, is zero.
		ZeroAmount,
		/// The beneficiary, paid at its own account, cannot receive this payment (below the
		/// existential deposit, say).
		CannotReceive,
		/// The program has paid `MaxBeneficiaries` beneficiaries of member-capped pools this
		/// period.
		TooManyBeneficiaries,
		/// A batch needs at least one award.
		EmptyBatch,
		/// The round's claims fill the room the roster does not reserve: `MaxEntriesPerRound`
		/// less `MaxRoster` entries, so that every member can always file its report.
		NoRoomForClaims,
		/// The rate converts a scored pool's cap to zero native tokens: a settlement would pay
		/// nobody, so it is refused until the rate is set.
		ZeroRate,
		/// Storage does not hold what the pallet wrote (a page its round names, say): a defect,
		/// reported as defensive. Nothing changed.
		Inconsistent,
		/// The rate of the pool's denomination was set more than `MaxRateAge` blocks ago (or
		/// its date is unknown): the council must set it again before it pays.
		RateStale,
		/// The paymaster refused the payment (the payee is not one it can pay, say). Nothing
		/// changed.
		PaymentRefused,
		/// The program has no recorded payment with this index (it was done, or never
		/// recorded).
		UnknownPayment,
		/// The payment is not in progress: there is nothing to ask the paymaster.
		PaymentNotInProgress,
		/// The payment has not failed: only a failed payment is retried.
		PaymentNotFailed,
		/// The paymaster has not said how the payment went yet: ask again later.
		PaymentInconclusive,
		/// A payment of the program is in progress: it cannot close until the paymaster says
		/// how it went (`check_payment`).
		PaymentsInProgress,
		/// A failed payment of the program is within its retry window: retry it, or close after
		/// the window, when its amount returns to the treasury with the rest.
		PaymentRetryOpen,
		/// The asset a program would pay in is not one the runtime holds.
		UnknownAsset,
		/// A pool of a program paying an asset is denominated in another one: such a program's
		/// caps are in its own asset (only a program paying native tokens converts caps).
		DenominationMismatch,
		/// The account has named no payee: there is nothing to clear.
		NoPayee,
		/// A panel needs at least one reviewer and a quorum of 1 up to its number of
		/// reviewers.
		InvalidPanel,
		/// An account is named twice on the panel.
		DuplicateReviewer,
		/// A reviewer of the program's panel cannot join its roster: no one scores its own
		/// report.
		ReviewerCannotJoin,
		/// The program has a scoring panel: its reviewers score (`review_round`), not the lead
		/// alone.
		PanelScores,
		/// The program has no scoring panel: its lead scores (`score_round`).
		NoPanel,
		/// The caller is not a reviewer of the program's panel.
		NotReviewer,
		/// The appeal window of the round is over (or, for `lapse_appeal`, not over yet).
		AppealWindowClosed,
		/// The appeal window of the round is not over: the appeal may still be decided.
		AppealWindowOpen,
		/// Only a report scored below the score its member proposed may be appealed.
		NothingToAppeal,
		/// The entry was appealed already: one appeal an entry.
		AlreadyAppealed,
		/// The entry has no open appeal.
		NoOpenAppeal,
		/// The round's veto window is over: the council can no longer strike or veto.
		VetoWindowClosed,
		/// The round's veto window is not over (or an appeal is still open): it cannot settle
		/// yet.
		VetoWindowOpen,
		/// An appeal of the round is still open: it is decided (or lapses) before the round
		/// settles.
		AppealsOpen,
		/// The entry is struck already.
		AlreadyStruck,
		/// The round is vetoed already.
		AlreadyVetoed,
		/// A reviewer never scores an entry of its own.
		OwnEntry,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<frame_system::pallet_prelude::BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(!T::PayoutPeriod::get().is_zero(), "PayoutPeriod must be nonzero");
			assert!(!T::MaxDuration::get().is_zero(), "MaxDuration must be nonzero");
			assert!(T::MaxMilestones::get() > 0, "MaxMilestones must be nonzero");
			assert!(T::MaxTitleLen::get() > 0, "MaxTitleLen must be nonzero");
			assert!(T::MaxRoster::get() > 0, "MaxRoster must be nonzero");
			assert!(T::MaxCrew::get() > 0, "MaxCrew must be nonzero");
			assert!(T::MaxAwardsPerCall::get() > 0, "MaxAwardsPerCall must be nonzero");
			assert!(T::MaxTagLen::get() > 0, "MaxTagLen must be nonzero");
			assert!(T::MaxReasonLen::get() > 0, "MaxReasonLen must be nonzero");
			assert!(T::MaxEvidenceLen::get() > 0, "MaxEvidenceLen must be nonzero");
			// A review names its reviewer by a `ReviewerIndex` (u8).
			assert!((1..=256).contains(&T::MaxReviewers::get()), "MaxReviewers must be 1..=256");
			assert!(T::RemovalLimit::get() > 0, "RemovalLimit must be nonzero");
			assert!(T::RoundPageSize::get() > 0, "RoundPageSize must be nonzero");
			assert!(
				T::RemovalLimit::get() >= Self::round_cost(),
				"RemovalLimit must reach a round's cost: a clean-up step removes a round's record"
			);
			assert!(
				T::MaxScoresPerCall::get()
					>= T::MaxEntriesPerRound::get().div_ceil(T::RoundPageSize::get()),
				"MaxScoresPerCall must reach every page of a round"
			);
			assert!(T::MaxEntriesPerRound::get() > 0, "MaxEntriesPerRound must be nonzero");
			assert!(
				T::MaxEntriesPerRound::get() >= T::MaxRoster::get(),
				"MaxEntriesPerRound must hold a report of every member of a full roster"
			);
			assert!(!T::SettlementWindow::get().is_zero(), "SettlementWindow must be nonzero");
			assert!(
				T::SettlementWindow::get() <= T::PayoutPeriod::get(),
				"SettlementWindow above PayoutPeriod"
			);
			assert!(T::MaxScoresPerCall::get() > 0, "MaxScoresPerCall must be nonzero");
			// A round's windows end within the next period, so that a close waits at most a
			// period past the end block.
			assert!(
				T::FilingGrace::get() <= T::PayoutPeriod::get(),
				"FilingGrace above PayoutPeriod"
			);
			assert!(
				T::ScoringWindow::get() <= T::PayoutPeriod::get(),
				"ScoringWindow above PayoutPeriod"
			);
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

	#[pallet::view_functions]
	impl<T: Config> Pallet<T> {
		/// Programs with indices `start..start + limit` (at most 64), removed ones skipped.
		pub fn programs(
			start: ProgramIndex,
			limit: u32,
		) -> alloc::vec::Vec<
			runtime_api::ProgramView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>, T::AssetKind>,
		> {
			Self::view_programs(start, limit)
		}

		/// A program's roster, at most `limit` (and 64) members after `after`.
		pub fn roster(
			index: ProgramIndex,
			after: Option<T::AccountId>,
			limit: u32,
		) -> alloc::vec::Vec<views::MemberView<T::AccountId>> {
			Self::view_roster(index, after, limit)
		}

		/// What `beneficiary` may still receive from `pool` this period, in the pool's
		/// denomination and in native tokens, or why it may receive nothing.
		pub fn remaining(
			index: ProgramIndex,
			pool: PoolIndex,
			beneficiary: T::AccountId,
		) -> Result<views::RemainingView<BalanceOf<T>>, DispatchError> {
			Self::view_remaining(index, pool, beneficiary)
		}

		/// The monthly round of `period`: each report or claim with its score and the pay it
		/// would get if the round settled now, and its totals against the pools' caps and the
		/// program's funds.
		pub fn round(
			index: ProgramIndex,
			period: PeriodIndex,
		) -> Result<views::RoundView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>>, DispatchError>
		{
			Self::view_round(index, period)
		}

		/// How old the rate of `asset` is: when it was set, until which block conversions use it
		/// (after [`Config::MaxRateAge`], they fail with `RateStale`), and whether it is fresh.
		pub fn rate(asset: T::AssetKind) -> views::RateView<BlockNumberOf<T>> {
			Self::view_rate(asset)
		}

		/// A program's payments in progress or failed (at most `MaxOpenPayments`): whom, how
		/// much, and until when a failed one may be retried before a close returns its amount.
		pub fn payments(
			index: ProgramIndex,
		) -> alloc::vec::Vec<views::PaymentView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>>> {
			Self::view_payments(index)
		}

		/// Program `index` as its page shows it, in one call: the program (as the runtime API's
		/// `program`), each pool's rate age, the rounds of the current period and the two before
		/// it still in storage, and the payments in progress or failed. `None` if there is no
		/// such program.
		pub fn page(
			index: ProgramIndex,
		) -> Option<views::PageView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>, T::AssetKind>> {
			Self::view_page(index)
		}

		/// A dry run of `awards` as the lead's `award_batch` would pay them now: for each entry,
		/// the native amount or the error it would meet. Writes nothing.
		pub fn dry_run_awards(
			index: ProgramIndex,
			awards: AwardsOf<T>,
		) -> alloc::vec::Vec<Result<BalanceOf<T>, DispatchError>> {
			Self::view_dry_run(index, awards)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Propose a program; the caller becomes its lead.
		///
		/// ## Dispatch Origin
		/// Signed. The bond (`ProgramBondBase` + `ProgramBondPerByte` × the bytes the program
		/// record stores) is held from the caller.
		///
		/// ## Details
		/// The spec must be consistent: a nonempty title, an asset the runtime holds,
		/// 1..=`MaxMilestones` milestones with nonzero targets (an `AmbassadorCount` or
		/// `ActiveMembers` target at most `MaxRoster`) and tranches of at least the asset's
		/// minimum balance, a budget equal to the sum of the tranches, pools in the program's
		/// asset (any denomination if it pays native tokens) with nonzero caps and member caps at most the pool cap, at most one
		/// scored pool for seniors and one for contributors (a `Linear` one with a member cap,
		/// thresholds at most 100, never a scored `Lead` pool), an activity threshold at most
		/// 100, `min_crew` at most `MaxCrew`, `max_seniors` (if any) in 1..=`MaxRoster`, and a
		/// duration in 1..=`MaxDuration`.
		///
		/// ## Events
		/// `ProgramProposed`.
		///
		/// ## Complexity
		/// O(t + m + p) in the title length, milestones and pools (the description is a hash).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose_program(
			spec.title.len() as u32,
			spec.milestones.len() as u32,
			spec.pools.len() as u32,
		))]
		pub fn propose_program(origin: OriginFor<T>, spec: Box<ProgramSpec<T>>) -> DispatchResult {
			let lead = ensure_signed(origin)?;
			Self::do_propose_program(lead, *spec)
		}

		/// Approve a proposed program: release the bond and fund the first tranche.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`, whose spending limit must be at least the program's budget.
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
			let limit = T::ApproveOrigin::ensure_origin(origin)?;
			Self::do_approve_program(index, limit)
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
			Self::do_reject_program(index)
		}

		/// Cancel an active program: refund its account to the treasury and remove it.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`.
		///
		/// ## Details
		/// The whole balance of the program account, stray transfers included, goes back to the
		/// treasury at once; owed tranches are dropped. The program's storage (roster, crews,
		/// bars, spending records, reports, rounds, then the rounds' pages) is removed in
		/// bounded steps: this call takes the first (maps only), and `clear_program` the rest
		/// if any (see `cleanup.rs`).
		///
		/// ## Events
		/// `ProgramCancelled`, `ProgramStorageCleared`.
		///
		/// ## Complexity
		/// O(`RemovalLimit`); the unused weight is refunded.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel_program(T::RemovalLimit::get()))]
		pub fn cancel_program(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResultWithPostInfo {
			T::ApproveOrigin::ensure_origin(origin)?;
			Ok(Some(Self::do_cancel_program(index)?).into())
		}

		/// Close an active program: refund its account to the treasury and remove it.
		///
		/// ## Dispatch Origin
		/// Signed: the lead once every milestone is approved, or anyone after the end block.
		///
		/// ## Details
		/// As `cancel_program`. No one is slashed for letting a program expire. While a milestone
		/// report awaits the council, the program does not close: the council decides it (a
		/// report made before the end block may be decided after it), or cancels.
		///
		/// Members are paid for the periods they worked. After the end block, anyone closes once
		/// the last period's filing window is over and every round is settled, or once
		/// `SettlementWindow` blocks have passed since the last period's round was final by
		/// itself (what is left is dropped, deposits returned by the clean-up): a final round
		/// always gets that window to be settled. The lead closing early with rounds open ends
		/// the program now instead (`ProgramEnded`): the same rules then apply, so that no
		/// stranger's claim can keep a program open for long.
		///
		/// ## Events
		/// `ProgramClosed`, `ProgramStorageCleared`; or `ProgramEnded`.
		///
		/// ## Complexity
		/// O(`RemovalLimit`); the unused weight is refunded.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close_program(T::RemovalLimit::get()))]
		pub fn close_program(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Some(Self::do_close_program(index, who)?).into())
		}

		/// Name a new lead for an active program.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`.
		///
		/// ## Details
		/// A roster member may be named (the lead cannot block the council's choice by
		/// enrolling it): it leaves the roster as a council removal would take it off (a senior
		/// with its crew), without a bar, since the lead is never on its own roster. As lead it
		/// is paid from no pool but a `Lead` one. The program's account and the treasury are
		/// never leads.
		///
		/// ## Events
		/// `MemberRemoved` for each member leaving the roster, then `LeadChanged`.
		///
		/// ## Complexity
		/// O(c) in the crew of a senior named lead, at most `MaxCrew`; the unused weight is
		/// refunded.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_lead(T::MaxCrew::get()))]
		pub fn set_lead(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			new_lead: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			T::ApproveOrigin::ensure_origin(origin)?;
			let new = T::Lookup::lookup(new_lead)?;
			Ok(Some(Self::do_set_lead(index, new)?).into())
		}

		/// Pay the tranches the council approved while the treasury could not.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Details
		/// Pays the owed tranches oldest first, each in full, as far as the treasury can while
		/// staying alive; fails with `InsufficientTreasury` and changes nothing if it cannot pay
		/// the oldest. Works while the program exists, after its end block too.
		///
		/// ## Events
		/// `TrancheReleased` for each tranche paid.
		///
		/// ## Complexity
		/// O(m) in the owed tranches, at most `MaxMilestones`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::release_tranche())]
		pub fn release_tranche(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_release_tranche(index)
		}

		/// Sweep tokens of `asset` that reached a removed (closed, cancelled or rejected)
		/// program's account to the treasury.
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
			asset: Denomination<T::AssetKind>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_reclaim(index, asset)
		}

		/// Add a member to an active program's roster.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// A Senior Ambassador has no `senior`; an ambassador names the Senior Ambassador whose
		/// crew it joins (at most `MaxCrew`). At most `MaxRoster` members. The lead, the
		/// program's account, the treasury and accounts the council removed cannot be added.
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
			Self::do_add_member(index, &caller, who, role, region, senior)
		}

		/// Remove a member from an active program's roster; a Senior Ambassador's crew leaves
		/// with it.
		///
		/// ## Dispatch Origin
		/// Signed by the lead (before the end block), or `ApproveOrigin`.
		///
		/// ## Details
		/// A member the council removes is barred: the lead cannot add it back until the council
		/// calls `unbar_member`. The crew of a removed senior is removed too (not barred), so no
		/// crew can keep a senior on the roster.
		///
		/// ## Events
		/// `MemberRemoved` for each crew member, then for `who`.
		///
		/// ## Complexity
		/// O(c) in the senior's crew, at most `MaxCrew`; charged as the costlier of a full crew
		/// and an ambassador's removal, and refunded to what the removal was.
		#[pallet::call_index(9)]
		#[pallet::weight(
			T::WeightInfo::remove_member(T::MaxCrew::get())
				.max(T::WeightInfo::remove_member_ambassador())
		)]
		pub fn remove_member(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			who: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			let maybe_lead = match T::ApproveOrigin::try_origin(origin) {
				Ok(_) => None,
				Err(origin) => Some(ensure_signed(origin)?),
			};
			let who = T::Lookup::lookup(who)?;
			Ok(Some(Self::do_remove_member(index, maybe_lead, who)?).into())
		}

		/// Report the next milestone.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// Milestones are reported in order, one pending report at a time; each report of a
		/// milestone is a new attempt (1, 2, ...), which the council's decision names. For an
		/// on-chain metric the figure of record is the chain's count now (`AmbassadorCount`: the
		/// roster's count; `ActiveMembers`: the active members still on the roster, not counting
		/// reports the council struck or rounds it vetoed); `claimed` is
		/// kept beside it. `evidence` is a URL or a hash.
		///
		/// ## Events
		/// `MilestoneReported`.
		///
		/// ## Complexity
		/// O(e + n) in the evidence length, at most `MaxEvidenceLen`, and for `ActiveMembers`
		/// the active reports whose filers are looked up on the roster, at most
		/// `MaxEntriesPerRound`; the unused weight is refunded.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::report_milestone(
			evidence.len() as u32,
			T::MaxEntriesPerRound::get(),
		))]
		pub fn report_milestone(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] milestone: MilestoneIndex,
			#[pallet::compact] claimed: u64,
			evidence: EvidenceOf<T>,
		) -> DispatchResultWithPostInfo {
			let caller = ensure_signed(origin)?;
			Ok(Some(Self::do_report_milestone(index, &caller, milestone, claimed, evidence)?)
				.into())
		}

		/// Approve report `attempt` of a milestone, releasing the next tranche less `cut`.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`, whose spending limit must be at least the tranche released.
		///
		/// ## Details
		/// The decision names what the council saw: the report's `attempt` and the figure it
		/// expects. If the lead reported again meanwhile, or the figure of record (for an
		/// on-chain metric, counted again now, and never above the count at the report) is below
		/// `expected_figure`, the call fails and changes nothing. A figure below target may be approved: the event says so. `cut` (at
		/// most the next tranche's planned amount) stays in the treasury. A report made before
		/// the end block may be decided after it. A tranche the treasury cannot pay is owed.
		///
		/// ## Events
		/// `MilestoneApproved`, then `TrancheReleased` or `TrancheOwed` if a tranche follows.
		///
		/// ## Complexity
		/// O(n) for `ActiveMembers` in the active reports whose filers are looked up on the
		/// roster, at most `MaxEntriesPerRound`; O(1) otherwise. The unused weight is refunded.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::approve_milestone(T::MaxEntriesPerRound::get()))]
		pub fn approve_milestone(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] milestone: MilestoneIndex,
			#[pallet::compact] attempt: u32,
			#[pallet::compact] expected_figure: u64,
			cut: Option<BalanceOf<T>>,
		) -> DispatchResultWithPostInfo {
			let limit = T::ApproveOrigin::ensure_origin(origin)?;
			Ok(Some(Self::do_approve_milestone(
				index,
				milestone,
				attempt,
				expected_figure,
				cut,
				limit,
			)?)
			.into())
		}

		/// Reject report `attempt` of a milestone; the lead may report it again.
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
			#[pallet::compact] attempt: u32,
		) -> DispatchResult {
			T::RejectOrigin::ensure_origin(origin)?;
			Self::do_reject_milestone(index, milestone, attempt)
		}

		/// Pay a reward from a pool of an active program.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// `amount` is in the pool's denomination. The beneficiary must be eligible (a Senior
		/// Ambassador on the roster for a senior pool; the lead for a lead pool; any other
		/// account for a contributor pool) and is never the lead outside a lead pool, the
		/// program's account or the treasury. Both caps of the current period are checked, the
		/// amount is converted at the current rate, and the native value is paid from the
		/// program account, which stays alive, within `released - paid - committed`.
		///
		/// ## Events
		/// `Awarded`.
		///
		/// ## Complexity
		/// O(r) in the reason length, at most `MaxReasonLen`. Charged as an award from a senior
		/// pool with a member cap (the costliest: a roster read and a spending record) whose
		/// payment the paymaster records in progress (a record, charged as a `retry_payment`),
		/// refunded to a plain award's weight when the pool needs neither and the payment is
		/// done at once.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::award(reason.len() as u32)
			.max(T::WeightInfo::award_plain(reason.len() as u32))
			.saturating_add(T::WeightInfo::retry_payment()))]
		pub fn award(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] pool: PoolIndex,
			beneficiary: AccountIdLookupOf<T>,
			#[pallet::compact] amount: BalanceOf<T>,
			reason: ReasonOf<T>,
		) -> DispatchResultWithPostInfo {
			let caller = ensure_signed(origin)?;
			let beneficiary = T::Lookup::lookup(beneficiary)?;
			Ok(Some(Self::do_award(index, &caller, Award { pool, beneficiary, amount, reason })?)
				.into())
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
		/// `MaxReasonLen`. The program, its account and each pool's rate are read once for the
		/// batch. Charged as if every award were of the costlier kind (a senior pool with a
		/// member cap: a roster read and a spending record each; or plain), each with a
		/// record of a payment in progress (charged as a `retry_payment`), refunded to what the
		/// awards were.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::award_batch(awards.len() as u32)
			.max(T::WeightInfo::award_batch_plain(awards.len() as u32))
			.saturating_add(T::WeightInfo::retry_payment().saturating_mul(awards.len() as u64)))]
		pub fn award_batch(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			awards: AwardsOf<T>,
		) -> DispatchResultWithPostInfo {
			let caller = ensure_signed(origin)?;
			Ok(Some(Self::do_award_batch(index, &caller, awards)?).into())
		}

		/// Take the next step of a removed program's clean-up.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone. Free of fees when it clears something.
		///
		/// ## Details
		/// Removes up to `RemovalLimit` storage entries of a closed or cancelled program whose
		/// close or cancel could not remove everything at once, or, once its other maps are
		/// empty, one page of its rounds' entries (releasing the page's claim deposits).
		///
		/// ## Events
		/// `ProgramStorageCleared`.
		///
		/// ## Complexity
		/// O(`RemovalLimit`) or O(`RoundPageSize`); the unused weight is refunded.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::clear_program(T::RemovalLimit::get())
			.max(T::WeightInfo::clear_program_page(T::RoundPageSize::get())))]
		pub fn clear_program(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Ok((Some(Self::do_clear_program(index)?), Pays::No).into())
		}

		/// Lift the bar on an account the council removed from a program's roster, so that the
		/// lead may add it again.
		///
		/// ## Dispatch Origin
		/// `ApproveOrigin`.
		///
		/// ## Events
		/// `MemberUnbarred`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::unbar_member())]
		pub fn unbar_member(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::ApproveOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_unbar_member(index, who)
		}

		/// Turn an ambassador into a Senior Ambassador, within the spec's `max_seniors`.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead.
		///
		/// ## Details
		/// The member leaves its senior's crew and leads a crew of its own (empty at first). Its
		/// reports and spending records are kept: they are keyed by account, not by role.
		///
		/// ## Events
		/// `MemberPromoted`.
		///
		/// ## Complexity
		/// O(1) (the old crew is at most `MaxCrew`).
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::promote_member())]
		pub fn promote_member(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_promote_member(index, &caller, who)
		}

		/// File the caller's monthly activity report for `period`.
		///
		/// ## Dispatch Origin
		/// Signed, by a roster member (never the lead).
		///
		/// ## Details
		/// One report per member and period, during the period or its `FilingGrace` blocks after
		/// it (also after the end block, for a period that began before it). `evidence` is a URL
		/// or a hash of what the member did; `proposed` the score (0..=100) the member proposes
		/// for it, as Phala's reports give one, shown beside the score it gets.
		///
		/// ## Events
		/// `Filed`.
		///
		/// ## Complexity
		/// O(e) in the evidence length; the round's filer list is at most `MaxEntriesPerRound`.
		/// Charged as the costlier of a filing into a round nearly full and the first filing of
		/// a round (which writes the program record too), refunded to its own.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::file_report(evidence.len() as u32)
			.max(T::WeightInfo::file_report_opening(evidence.len() as u32)))]
		pub fn file_report(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			evidence: EvidenceOf<T>,
			proposed: Option<Score>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Some(Self::do_file(index, period, who, None, evidence, proposed)?).into())
		}

		/// File a contributor's claim to a scored `Contributors` pool for `period`, with
		/// `ClaimDeposit` held.
		///
		/// ## Dispatch Origin
		/// Signed, by an account not on the roster (never the lead).
		///
		/// ## Details
		/// As `file_report`. Claims take at most `MaxEntriesPerRound - MaxRoster` entries of a
		/// round: the rest is the roster's, so that claims never keep a member from filing. The
		/// deposit comes back when the round is settled or dropped; it goes to the treasury if
		/// the lead marks the claim as spam.
		///
		/// ## Events
		/// `Filed`.
		///
		/// ## Complexity
		/// As `file_report`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::file_claim(evidence.len() as u32)
			.max(T::WeightInfo::file_claim_opening(evidence.len() as u32)))]
		pub fn file_claim(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			#[pallet::compact] pool: PoolIndex,
			evidence: EvidenceOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Ok(Some(Self::do_file(index, period, who, Some(pool), evidence, None)?).into())
		}

		/// Score reports and claims of a round, 0 to 100 each.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead (also after the end block), of a program without a scoring panel
		/// (`PanelScores` otherwise: its reviewers score with `review_round`).
		///
		/// ## Details
		/// Scores may be revised until the round is final: finalized by the lead, or
		/// `ScoringWindow` blocks after its grace window by itself.
		///
		/// ## Events
		/// `Scored` for each pair.
		///
		/// ## Complexity
		/// O(n) in the scores given, at most `MaxScoresPerCall`; the round's record (which keeps
		/// the scores) is read and written once.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::score_round(scores.len() as u32))]
		pub fn score_round(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			scores: ScoresOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_score_round(index, period, &caller, scores)
		}

		/// Mark a claim as spam: it is removed, its slot freed, its deposit sent to the treasury.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead, until the round is final.
		///
		/// ## Details
		/// The last entry of the round takes the claim's place, so that its pages stay full. A
		/// round left empty is removed.
		///
		/// ## Events
		/// `ClaimSpam`.
		///
		/// ## Complexity
		/// O(1); the round's filer list is at most `MaxEntriesPerRound`. Charged as the costlier
		/// of moving the last entry into the claim's place and removing an emptied round,
		/// refunded to its own.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::mark_spam().max(T::WeightInfo::mark_spam_emptying()))]
		pub fn mark_spam(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			who: AccountIdLookupOf<T>,
		) -> DispatchResultWithPostInfo {
			let caller = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Ok(Some(Self::do_mark_spam(index, period, &caller, who)?).into())
		}

		/// Finalize a round once its filing window is over: its scores are fixed and anyone may
		/// settle it.
		///
		/// ## Dispatch Origin
		/// Signed, by the lead. (A round is final by itself `ScoringWindow` blocks after its
		/// grace window, without this call.)
		///
		/// ## Events
		/// `RoundFinalized`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::finalize_round())]
		pub fn finalize_round(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_finalize_round(index, period, &caller)
		}

		/// Settle a final round, one bounded step at a time.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Details
		/// The first call fixes every payment of the round: the rates of this block (refused if
		/// a scored pool's denomination has no rate, a rate set more than `MaxRateAge` blocks
		/// ago (`RateStale`), or a rate that makes its cap worth nothing), each entry's eligibility as of this block (a member removed before it is
		/// not paid; roster changes after it change nothing), and so each amount. It commits
		/// their exact sum, so that direct awards cannot spend it, or fails with
		/// `InsufficientProgramFunds` and changes nothing if the program cannot afford it (the
		/// round can be settled later). Whoever makes that call picks the block, and so the rate,
		/// for the whole round: a council should settle the rounds that are final before it
		/// changes a rate. The next calls pay `RoundPageSize` entries at a time, in the round's
		/// order, skipping a payee who cannot receive and releasing claim deposits. The last
		/// removes the round and releases what it did not pay. Payments are charged to the
		/// round's own period.
		///
		/// ## Events
		/// `RoundSettlementStarted`, `RoundTallied`; `Awarded` or `PaymentSkipped` for each
		/// payment, and `RoundSettled` at the end.
		///
		/// ## Complexity
		/// The first call O(n) in the round's entries, at most `MaxEntriesPerRound` (a roster
		/// look-up for each report it would pay); the next O(p) in the page, at most
		/// `RoundPageSize` (one page read and removed). Charged as the costliest step (a
		/// first call on a full round, or a full page of the costlier kind: claims release a
		/// deposit each, a report's payee may be a new account), each payment with a record of
		/// a payment in progress or failed (charged as a `retry_payment`), refunded to what it
		/// did.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::settle_round_start(T::MaxEntriesPerRound::get())
			.max(T::WeightInfo::settle_round_pay(T::RoundPageSize::get())
				.max(T::WeightInfo::settle_round_pay_reports(T::RoundPageSize::get()))
				.saturating_add(T::WeightInfo::retry_payment()
					.saturating_mul(T::RoundPageSize::get().into()))))]
		pub fn settle_round(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Ok(Some(Self::do_settle_round(index, period)?).into())
		}

		/// Ask the paymaster how a payment in progress went, and record it.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Details
		/// Payment `payment` of program `index` must be in progress. If the paymaster reports it
		/// paid, its record goes. If it reports it failed, it becomes a failed payment that
		/// anyone may retry, its amount earmarked in the program account. If the paymaster says
		/// `Unknown`, the payment counts as done: a paymaster forgets a payment only after it
		/// gave its outcome, and the money left the program account when it was handed over, so
		/// treating it as failed could pay it twice (pallet-treasury's `check_status` decides the
		/// same). If the payment is still in progress, the call fails with
		/// `PaymentInconclusive` and changes nothing.
		///
		/// ## Events
		/// `PaymentConfirmed` or `PaymentFailed`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::check_payment())]
		pub fn check_payment(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] payment: PaymentIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_check_payment(index, payment)
		}

		/// Try a failed payment again.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone.
		///
		/// ## Details
		/// Payment `payment` of program `index` must have failed. It is paid again, from the
		/// program account where its amount stayed earmarked, for the same account (to the
		/// payee it names now, [`Payees`]): it was charged to its pool and period once and is
		/// not charged again, so a payment is never made twice. If the paymaster refuses it again, the call fails with `PaymentRefused` and
		/// changes nothing; if it takes it without saying how it went, the payment is in
		/// progress again. A retry is possible until the program is removed; a close after the
		/// window ([`Config::PaymentRetryWindow`]) returns its amount to the treasury instead.
		///
		/// ## Events
		/// `PaymentConfirmed`, or `PaymentInProgress`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::retry_payment())]
		pub fn retry_payment(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] payment: PaymentIndex,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_retry_payment(index, payment)
		}

		/// Names where the caller's pay goes, from every program.
		///
		/// ## Dispatch Origin
		/// Signed, by the account whose pay it is: no one else can name its payee.
		///
		/// ## Details
		/// Awards, a round's payments and retries of failed ones for the caller go to `payee`
		/// from now on; a payment already in progress is not redirected. A runtime paying
		/// beyond its accounts may take an XCM location or a mapped EVM account here. The
		/// first time, [`Config::PayeeDeposit`] is held from the caller; naming another payee
		/// keeps it.
		///
		/// ## Events
		/// `PayeeSet`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::set_payee())]
		pub fn set_payee(origin: OriginFor<T>, payee: BeneficiaryLookupOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let payee = T::BeneficiaryLookup::lookup(payee)?;
			Self::do_set_payee(who, payee)
		}

		/// Clears the caller's payee.
		///
		/// ## Dispatch Origin
		/// Signed, by an account that named a payee ([`Error::NoPayee`] otherwise).
		///
		/// ## Details
		/// The caller is paid at its own account again, and its deposit is released.
		///
		/// ## Events
		/// `PayeeCleared`.
		///
		/// ## Complexity
		/// O(1).
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::clear_payee())]
		pub fn clear_payee(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_clear_payee(who)
		}

		/// Score reports and claims of a round as a reviewer of the program's scoring panel,
		/// 0 to 100 each.
		///
		/// ## Dispatch Origin
		/// Signed, by a reviewer of the program's panel (the lead too, if it sits on it).
		///
		/// ## Details
		/// Each score replaces the reviewer's last score of the entry, until the round is final
		/// (as with `score_round`). An entry's score is the median of its reviews (the mean of
		/// the two middle ones, rounded down, for an even count) once at least the panel's
		/// quorum scored it; below that it has none, and pays nothing. A reviewer never scores
		/// an entry of its own.
		///
		/// ## Events
		/// `Reviewed` for each pair, with the entry's median.
		///
		/// ## Complexity
		/// O(n) in the scores given, at most `MaxScoresPerCall`, each over at most
		/// `MaxReviewers` reviews; the round's record and its assessments are read and written
		/// once each.
		#[pallet::call_index(28)]
		#[pallet::weight(T::WeightInfo::review_round(scores.len() as u32))]
		pub fn review_round(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			scores: ScoresOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			Self::do_review_round(index, period, &caller, scores)
		}

		/// Appeal the caller's score of a final round, with `AppealDeposit` held.
		///
		/// ## Dispatch Origin
		/// Signed, by a member whose report of `period` scored below the score it proposed.
		///
		/// ## Details
		/// From the round being final until its appeal deadline (`AppealWindow` blocks after its
		/// scoring deadline). One appeal an entry. The round does not settle while the appeal
		/// is open.
		///
		/// ## Events
		/// `Appealed`.
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::appeal())]
		pub fn appeal(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_appeal(index, period, who)
		}

		/// Uphold `who`'s appeal: its score becomes `score` and its deposit is returned.
		///
		/// ## Dispatch Origin
		/// [`Config::ApproveOrigin`] (the council, by motion), before the round's appeal
		/// deadline.
		///
		/// ## Events
		/// `AppealUpheld`.
		#[pallet::call_index(30)]
		#[pallet::weight(T::WeightInfo::uphold_appeal())]
		pub fn uphold_appeal(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			who: AccountIdLookupOf<T>,
			score: Score,
		) -> DispatchResult {
			T::ApproveOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_uphold_appeal(index, period, who, score)
		}

		/// Dismiss `who`'s appeal: its deposit goes to the treasury.
		///
		/// ## Dispatch Origin
		/// [`Config::RejectOrigin`] (the council, by motion), before the round's appeal
		/// deadline.
		///
		/// ## Events
		/// `AppealDismissed`.
		#[pallet::call_index(31)]
		#[pallet::weight(T::WeightInfo::dismiss_appeal())]
		pub fn dismiss_appeal(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			T::RejectOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_dismiss_appeal(index, period, who)
		}

		/// Lapse `who`'s appeal, which the council did not decide by the round's appeal
		/// deadline: it is dismissed without a slash and its deposit is returned.
		///
		/// ## Dispatch Origin
		/// Signed, by anyone, from the round's appeal deadline.
		///
		/// ## Events
		/// `AppealLapsed`.
		#[pallet::call_index(32)]
		#[pallet::weight(T::WeightInfo::lapse_appeal())]
		pub fn lapse_appeal(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_lapse_appeal(index, period, who)
		}

		/// Strike `who`'s entry of a final round, for `reason`: it pays nothing.
		///
		/// ## Dispatch Origin
		/// [`Config::RejectOrigin`] (the council, by motion), before the round's veto deadline.
		///
		/// ## Events
		/// `EntryStruck`.
		#[pallet::call_index(33)]
		#[pallet::weight(T::WeightInfo::strike_entry())]
		pub fn strike_entry(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			who: AccountIdLookupOf<T>,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			T::RejectOrigin::ensure_origin(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_strike_entry(index, period, who, reason)
		}

		/// Veto a final round, for `reason`: nothing is paid from it, and its money stays in
		/// the program account. It still settles, to release its claims' deposits.
		///
		/// ## Dispatch Origin
		/// [`Config::RejectOrigin`] (the council, by motion), before the round's veto deadline.
		///
		/// ## Events
		/// `RoundVetoed`.
		#[pallet::call_index(34)]
		#[pallet::weight(T::WeightInfo::veto_round())]
		pub fn veto_round(
			origin: OriginFor<T>,
			#[pallet::compact] index: ProgramIndex,
			#[pallet::compact] period: PeriodIndex,
			reason: ReasonOf<T>,
		) -> DispatchResult {
			T::RejectOrigin::ensure_origin(origin)?;
			Self::do_veto_round(index, period, reason)
		}
	}
}
