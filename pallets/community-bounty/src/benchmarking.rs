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

//! Benchmarks of the community-bounty pallet (FRAME v2 syntax). Every benchmark sets up the
//! worst case: the longest texts, the most milestones and pools, pools denominated in an asset
//! with member caps, payments that create the beneficiary's account, programs paying the asset
//! the runtime's `BenchmarkHelper::program_asset` names (its dearest payments).
//!
//! Components: the title length `t`, milestones `m` and pools `p` of a proposal; the storage
//! entries `n` one clean-up step visits (close, cancel, clear) and the claims `c` of a round's
//! page one step removes (`clear_program_page`); the crew `c` removed with a
//! senior; the evidence length `e` of a report; the reason length `r` of an award (benchmarked
//! at its costliest pool, and as `award_plain` at a pool that reads no roster entry and keeps no
//! spending record); the awards `n` of a batch (of the costliest kind, and as
//! `award_batch_plain` of plain ones); the scores `n` of a `score_round`; the entries `p` of a
//! tally page and of a pay page (of claims, and as `settle_round_pay_reports` of reports). The
//! short tags (a member's region, an off-chain metric's name) and the reasons inside a batch are
//! charged at their bound.
//!
//! Only the signer of a call is whitelisted (its account is in the block already, for the fee).
//! Every other account a call touches, such as the lead's when the council approves or rejects
//! its program, is a plain `account(..)` and is charged.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as CommunityBounty;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	tokens::{ConversionFromAssetBalance, PayWithSource},
	EnsureOrigin,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{BlockNumberProvider, Bounded, Convert, Hash, Saturating, StaticLookup};

const SEED: u32 = 0;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn ed<T: Config>() -> BalanceOf<T> {
	use frame_support::traits::fungibles::Inspect as _;
	let asset_min = T::Assets::minimum_balance(program_asset::<T>().into());
	T::Currency::minimum_balance().max(asset_min).max(1u32.into())
}

/// The asset the benchmarked programs pay in (the runtime's dearest, as its helper names it),
/// with a fresh rate, which the council's limit needs to value a budget in it.
fn program_asset<T: Config>() -> Denomination<T::AssetKind> {
	let asset = T::BenchmarkHelper::program_asset();
	if let Denomination::Asset(kind) = &asset {
		T::BalanceConverter::ensure_successful(kind.clone());
		T::RateClock::ensure_fresh(kind);
	}
	asset
}

/// A pool's denomination: for a program paying native tokens, asset kind `seed` with a rate
/// (the dearer: a conversion each payment); for one paying an asset, that asset (no other is
/// allowed).
fn pool_denomination<T: Config>(seed: u32) -> Denomination<T::AssetKind> {
	match program_asset::<T>() {
		Denomination::Native => Denomination::Asset(asset_kind::<T>(seed)),
		asset => asset,
	}
}

/// Makes `who` hold `amount` of the programs' asset.
fn set_program_balance<T: Config>(who: &T::AccountId, amount: BalanceOf<T>) {
	match program_asset::<T>() {
		Denomination::Native => {
			T::Currency::set_balance(who, amount);
		},
		Denomination::Asset(kind) => T::BenchmarkHelper::set_asset_balance(&kind, who, amount),
	}
}

/// What `who` holds of the programs' asset.
fn program_balance<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
	use frame_support::traits::fungibles::Inspect as _;
	T::Assets::balance(program_asset::<T>().into(), who)
}

/// A tranche: large enough for every award of the benchmarks.
fn tranche<T: Config>() -> BalanceOf<T> {
	ed::<T>().saturating_mul(1_000_000u32.into())
}

/// An award amount (in the pool's denomination) that converts to more than the existential
/// deposit at any sane rate.
fn award_amount<T: Config>() -> BalanceOf<T> {
	ed::<T>().saturating_mul(100u32.into())
}

fn bytes<S: Get<u32>>(len: u32) -> BoundedVec<u8, S> {
	vec![b'x'; len as usize].try_into().unwrap_or_default()
}

/// Asset kind `seed`, with a rate set in this block.
fn asset_kind<T: Config>(seed: u32) -> T::AssetKind {
	let kind = T::BenchmarkHelper::create_asset_kind(seed);
	T::BalanceConverter::ensure_successful(kind.clone());
	T::RateClock::ensure_fresh(&kind);
	kind
}

/// A spec with a title of `t` bytes, `m` milestones and `p` pools; every pool pays Senior
/// Ambassadors (whose eligibility costs a roster read) in an asset of its own (a rate read each)
/// with a member cap (a spending record per beneficiary).
fn spec<T: Config>(t: u32, m: u32, p: u32) -> ProgramSpec<T> {
	let milestones: Vec<_> = (0..m.max(1))
		.map(|i| Milestone {
			metric: if i == 0 {
				Metric::AmbassadorCount
			} else {
				Metric::OffChain(bytes(T::MaxTagLen::get()))
			},
			target: if i == 0 { T::MaxRoster::get() as u64 } else { u64::MAX },
			tranche: tranche::<T>(),
		})
		.collect();
	let pools: Vec<_> = (0..p)
		.map(|i| RewardPool {
			eligibility: Eligibility::SeniorAmbassadors,
			denomination: pool_denomination::<T>(i + 1),
			period_cap: BalanceOf::<T>::max_value(),
			member_cap: Some(BalanceOf::<T>::max_value()),
			payout: Payout::Direct,
		})
		.collect();
	let budget = tranche::<T>().saturating_mul((milestones.len() as u32).into());
	ProgramSpec {
		title: bytes(t),
		description: T::Hashing::hash(b"the proposal's full text, published off chain"),
		asset: program_asset::<T>(),
		budget,
		milestones: milestones.try_into().unwrap_or_default(),
		pools: pools.try_into().unwrap_or_default(),
		duration: T::MaxDuration::get(),
		activity_threshold: 40,
		max_seniors: None,
		min_crew: 0,
		panel: None,
	}
}

/// A full final round of program `index` (period 0), every entry scored 0 below the 100 its
/// member proposed and reviewed by all but one of a full panel; returns its last report's
/// filer, the costliest report to find, with the appeal deposit to spare, and the round's
/// appeal deadline.
fn appealable_round<T: Config>(
	index: ProgramIndex,
) -> Result<(T::AccountId, BlockNumberOf<T>), BenchmarkError> {
	let max = T::MaxEntriesPerRound::get();
	let filers = filed_round::<T>(index, max, Some(0));
	assess_round::<T>(index, max)?;
	// The last report (reports come first, then claims): only a report is appealed.
	let reports = max.min(T::MaxRoster::get()) as usize;
	let who = filers.get(reports.saturating_sub(1)).cloned().ok_or(BenchmarkError::Weightless)?;
	T::Currency::set_balance(&who, tranche::<T>());
	let schedule = schedule::<T>(index)?;
	T::BlockNumberProvider::set_block_number(schedule.scoring_deadline(0));
	Ok((who, schedule.appeal_deadline(0, None)))
}

/// [`appealable_round`], with the last filer's appeal open.
fn appealed_round<T: Config>(
	index: ProgramIndex,
) -> Result<(T::AccountId, BlockNumberOf<T>), BenchmarkError> {
	let (who, deadline) = appealable_round::<T>(index)?;
	CommunityBounty::<T>::appeal(RawOrigin::Signed(who.clone()).into(), index, 0)?;
	Ok((who, deadline))
}

/// A full scoring panel, `MaxReviewers` reviewers with `last` the last of them, and a quorum of
/// all of them.
fn full_panel<T: Config>(last: T::AccountId) -> Result<Panel<T>, BenchmarkError> {
	let max = T::MaxReviewers::get().max(1);
	let mut reviewers: Vec<T::AccountId> = (1..max).map(|i| account("reviewer", i, SEED)).collect();
	reviewers.push(last);
	Ok(Panel {
		reviewers: reviewers.try_into().map_err(|_| BenchmarkError::Weightless)?,
		quorum: max,
	})
}

/// Stores, for the first `n` entries of round 0 of program `index`, the same assessment: a
/// proposed score, the scores of the first `reviewers` reviewers of a full panel, and `appeal`.
fn store_assessments<T: Config>(
	index: ProgramIndex,
	n: u32,
	reviewers: u32,
	appeal: Option<AppealState<BalanceOf<T>>>,
) -> Result<(), BenchmarkError> {
	let assessment = Assessment::<T> {
		proposed: Some(MAX_SCORE),
		reviews: (0..reviewers)
			.map(|r| (r as ReviewerIndex, MAX_SCORE))
			.collect::<Vec<_>>()
			.try_into()
			.map_err(|_| BenchmarkError::Weightless)?,
		appeal,
		struck: false,
	};
	let all: AssessmentsOf<T> = (0..n)
		.map(|_| assessment.clone())
		.collect::<Vec<_>>()
		.try_into()
		.map_err(|_| BenchmarkError::Weightless)?;
	Assessments::<T>::insert(index, 0, all);
	Ok(())
}

/// Stores, for the first `n` entries of round 0 of program `index`, a proposed score and the
/// reviews of every reviewer of a full panel but the last: the largest assessments a round
/// holds before the last reviewer scores.
fn assess_round<T: Config>(index: ProgramIndex, n: u32) -> Result<(), BenchmarkError> {
	store_assessments::<T>(index, n, T::MaxReviewers::get().saturating_sub(1), None)
}

fn fund_treasury<T: Config>() {
	let amount = tranche::<T>().saturating_mul(1_000u32.into());
	T::Currency::set_balance(&T::TreasuryAccount::get(), amount);
	set_program_balance::<T>(&T::TreasuryAccount::get(), amount);
}

/// The lead when it signs the benchmarked call: whitelisted, like any signer.
fn signing_lead<T: Config>() -> T::AccountId {
	let lead: T::AccountId = whitelisted_caller();
	T::Currency::set_balance(&lead, tranche::<T>());
	lead
}

/// The lead when someone else signs (the council): not whitelisted, so its account is charged.
fn other_lead<T: Config>() -> T::AccountId {
	let lead: T::AccountId = account("lead", 0, SEED);
	T::Currency::set_balance(&lead, tranche::<T>());
	lead
}

/// Proposes the worst-case program with `lead`; returns its index and lead.
fn proposed<T: Config>(lead: T::AccountId) -> (ProgramIndex, T::AccountId) {
	let spec = spec::<T>(T::MaxTitleLen::get(), T::MaxMilestones::get(), T::MaxPools::get().max(1));
	propose::<T>(lead, spec)
}

/// Proposes `spec` with `lead`; returns its index and lead.
fn propose<T: Config>(lead: T::AccountId, spec: ProgramSpec<T>) -> (ProgramIndex, T::AccountId) {
	let index = ProgramCount::<T>::get();
	CommunityBounty::<T>::propose_program(RawOrigin::Signed(lead.clone()).into(), Box::new(spec))
		.expect("benchmark spec is valid");
	(index, lead)
}

/// Proposes and approves the worst-case program, with tranche 0 paid; the lead signs the
/// benchmarked call.
fn active<T: Config>() -> Result<(ProgramIndex, T::AccountId), BenchmarkError> {
	active_with::<T>(signing_lead::<T>())
}

/// As [`active`], with a lead who does not sign the benchmarked call.
fn active_with<T: Config>(
	lead: T::AccountId,
) -> Result<(ProgramIndex, T::AccountId), BenchmarkError> {
	fund_treasury::<T>();
	let (index, lead) = proposed::<T>(lead);
	let approve =
		T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	CommunityBounty::<T>::approve_program(approve, index)?;
	Ok((index, lead))
}

fn add_senior<T: Config>(index: ProgramIndex, lead: &T::AccountId, who: &T::AccountId) {
	CommunityBounty::<T>::add_member(
		RawOrigin::Signed(lead.clone()).into(),
		index,
		T::Lookup::unlookup(who.clone()),
		Role::SeniorAmbassador,
		bytes(T::MaxTagLen::get()),
		None,
	)
	.expect("roster has room");
}

/// Funds `who` and holds a claim's deposit from it, as `file_claim` does; returns the deposit.
fn hold_claim_deposit<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
	let deposit = T::ClaimDeposit::get();
	T::Currency::set_balance(who, deposit.saturating_add(ed::<T>()).saturating_mul(2u32.into()));
	let _ = T::Currency::hold(&HoldReason::ClaimDeposit.into(), who, deposit);
	deposit
}

/// Puts `who` on program `index`'s roster as a Senior Ambassador, straight into storage (the
/// caller updates the program's counts).
fn insert_senior<T: Config>(index: ProgramIndex, who: &T::AccountId) {
	Roster::<T>::insert(
		index,
		who,
		RosterMember {
			role: Role::SeniorAmbassador,
			region: bytes(T::MaxTagLen::get()),
			senior: None,
			crew: 0,
			joined_at: T::BlockNumberProvider::current_block_number(),
		},
	);
}

/// Puts the entries of a clean-up step of `n` (at least 2) in storage: the costliest kind, full
/// crews (of `MaxCrew` accounts each, the largest entry of a program's maps other than a round),
/// `n - 2` of them, and the counters of a program with a roster and crews, so that the step also
/// looks into the roster (found empty, one more) and past the last crew (one more).
fn fill_crews<T: Config>(index: ProgramIndex, n: u32) {
	let crew: Vec<T::AccountId> =
		(0..T::MaxCrew::get()).map(|i| account("ambassador", i, SEED)).collect();
	let crew: BoundedVec<T::AccountId, T::MaxCrew> = BoundedVec::truncate_from(crew);
	for i in 0..n.saturating_sub(2) {
		let senior: T::AccountId = account("senior", i, SEED);
		Crews::<T>::insert(index, senior, crew.clone());
	}
	Programs::<T>::mutate(index, |program| {
		if let Some(program) = program {
			program.roster_count = 1;
			program.seniors = 0;
		}
	});
}

/// Marks a round of program `index` as open, so that a close or cancel cannot finish its
/// clean-up in one step (the round pages are a step of their own) and writes the record of
/// what is left: the worst case of that step.
fn leave_round_open<T: Config>(index: ProgramIndex) {
	Programs::<T>::mutate(index, |program| {
		if let Some(program) = program {
			program.open_rounds = 1;
		}
	});
}

/// A page of period 0 of program `index`: `RoundPageSize` entries, the first `c` of them
/// claims with their deposits held, the others reports.
fn fill_page<T: Config>(index: ProgramIndex, c: u32) {
	let now = T::BlockNumberProvider::current_block_number();
	let deposit = T::ClaimDeposit::get();
	let entries: Vec<_> = (0..CommunityBounty::<T>::page_size())
		.map(|i| {
			let who: T::AccountId = account("filer", i, SEED);
			let kind = if i < c {
				hold_claim_deposit::<T>(&who);
				EntryKind::Claim { pool: 0, deposit }
			} else {
				EntryKind::Report
			};
			RoundEntry { who, kind, evidence: bytes(T::MaxEvidenceLen::get()), filed_at: now }
		})
		.collect();
	RoundPages::<T>::insert(index, (0, 0), RoundPageOf::<T>::truncate_from(entries));
}

/// Adds a senior with a crew of `c` ambassadors; returns the senior.
fn senior_with_crew<T: Config>(index: ProgramIndex, lead: &T::AccountId, c: u32) -> T::AccountId {
	let senior: T::AccountId = account("senior", 0, SEED);
	add_senior::<T>(index, lead, &senior);
	for i in 0..c {
		CommunityBounty::<T>::add_member(
			RawOrigin::Signed(lead.clone()).into(),
			index,
			T::Lookup::unlookup(account("ambassador", i, SEED)),
			Role::Ambassador,
			bytes(T::MaxTagLen::get()),
			Some(T::Lookup::unlookup(senior.clone())),
		)
		.expect("crew has room");
	}
	senior
}

/// The worst-case program with a round to settle: pool 0 scored for Senior Ambassadors
/// (proportional, with a member cap) and pool 1 scored for contributors (linear), each in an
/// asset of its own; `lead` leads it.
fn round_program<T: Config>(
	lead: T::AccountId,
) -> Result<(ProgramIndex, T::AccountId), BenchmarkError> {
	fund_treasury::<T>();
	let mut spec =
		spec::<T>(T::MaxTitleLen::get(), T::MaxMilestones::get(), T::MaxPools::get().max(2));
	let cap = award_amount::<T>().saturating_mul(T::MaxEntriesPerRound::get().into());
	let scored = |eligibility, split, seed| RewardPool {
		eligibility,
		denomination: pool_denomination::<T>(seed),
		period_cap: cap,
		member_cap: Some(award_amount::<T>()),
		payout: Payout::Scored { threshold: 40, split },
	};
	let pools: Vec<_> = vec![
		scored(Eligibility::SeniorAmbassadors, Split::Proportional, 1),
		scored(Eligibility::Contributors, Split::Linear, 2),
	];
	spec.pools = pools.try_into().map_err(|_| BenchmarkError::Weightless)?;
	let index = ProgramCount::<T>::get();
	CommunityBounty::<T>::propose_program(RawOrigin::Signed(lead.clone()).into(), Box::new(spec))?;
	let approve =
		T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	CommunityBounty::<T>::approve_program(approve, index)?;
	Ok((index, lead))
}

/// The calendar of program `index`, which must be active.
fn schedule<T: Config>(index: ProgramIndex) -> Result<Schedule<T>, BenchmarkError> {
	Programs::<T>::get(index)
		.and_then(|p| p.schedule())
		.ok_or(BenchmarkError::Stop("the program is not active"))
}

/// Files `n` entries for period 0 of program `index`, straight into storage: reports of Senior
/// Ambassadors (each on the roster, the costlier to check) while the roster has room, then
/// claims with their deposits held; each scored `score`. Returns the filers in order.
fn filed_round<T: Config>(index: ProgramIndex, n: u32, score: Option<Score>) -> Vec<T::AccountId> {
	filed_round_with::<T>(index, n, T::MaxRoster::get(), score)
}

/// As [`filed_round`], with at most `reports` reports before the claims.
fn filed_round_with<T: Config>(
	index: ProgramIndex,
	n: u32,
	reports_at_most: u32,
	score: Option<Score>,
) -> Vec<T::AccountId> {
	let reports = n.min(T::MaxRoster::get()).min(reports_at_most);
	file_round::<T>(index, n, |i| (i < reports).then_some(true), score)
}

/// Files `n` entries for period 0 of program `index`, straight into storage, each scored
/// `score`: entry `i` is a report of a Senior Ambassador on the roster if `report(i)` is
/// `Some(true)`, of a member who left since if `Some(false)`, else a claim (its deposit held).
/// Returns the filers in order.
fn file_round<T: Config>(
	index: ProgramIndex,
	n: u32,
	report: impl Fn(u32) -> Option<bool>,
	score: Option<Score>,
) -> Vec<T::AccountId> {
	let now = T::BlockNumberProvider::current_block_number();
	let deposit = T::ClaimDeposit::get();
	let mut filers = Vec::new();
	let mut entries = Vec::new();
	let mut on_roster = 0u32;
	for i in 0..n {
		let who: T::AccountId = account("filer", i, SEED);
		let (kind, claim) = match report(i) {
			Some(stays) => {
				if stays {
					insert_senior::<T>(index, &who);
					on_roster += 1;
				}
				(EntryKind::Report, None)
			},
			None => {
				hold_claim_deposit::<T>(&who);
				(EntryKind::Claim { pool: 1, deposit }, Some(1))
			},
		};
		entries.push(RoundEntry {
			who: who.clone(),
			kind,
			evidence: bytes(T::MaxEvidenceLen::get()),
			filed_at: now,
		});
		filers.push(Filer { who, claim, score, payable: None });
	}
	for (page, chunk) in entries.chunks(CommunityBounty::<T>::page_size() as usize).enumerate() {
		RoundPages::<T>::insert(
			index,
			(0, page as u32),
			RoundPageOf::<T>::truncate_from(chunk.to_vec()),
		);
	}
	let who = filers.iter().map(|f| f.who.clone()).collect();
	let round = Round::<T> { filers: BoundedVec::truncate_from(filers), ..Default::default() };
	Rounds::<T>::insert(index, 0, round);
	Programs::<T>::mutate(index, |program| {
		if let Some(program) = program {
			program.roster_count = program.roster_count.saturating_add(on_roster);
			program.seniors = program.seniors.saturating_add(on_roster);
			program.open_rounds = 1;
		}
	});
	who
}

/// Program `index`'s milestone 0 counts [`Metric::ActiveMembers`], and its last final round
/// (period 0, finalized) holds `n` reports scored 100: of seniors on the roster while it has
/// room, then of members who left since. Each is looked up on the roster to count the figure.
///
/// The worst case of the council's checks that the count reads: the round's checks are stored
/// and say it was not vetoed (so its assessments are read too), and each entry has the largest
/// assessment (a proposal, every reviewer's score, a decided appeal), none struck (so every
/// report is still looked up).
fn active_members_round<T: Config>(index: ProgramIndex, n: u32) -> Result<(), BenchmarkError> {
	let roster = T::MaxRoster::get();
	if n > 0 {
		let _ = file_round::<T>(index, n, |i| Some(i < roster), Some(MAX_SCORE));
	}
	Rounds::<T>::mutate(index, 0, |round| {
		if let Some(round) = round {
			round.status = RoundStatus::Finalized;
		}
	});
	let now = T::BlockNumberProvider::current_block_number();
	RoundChecks::<T>::insert(
		index,
		0,
		RoundCheck { finalized_at: Some(now), open_appeals: 0, vetoed: false },
	);
	store_assessments::<T>(index, n, T::MaxReviewers::get(), Some(AppealState::Upheld))?;
	Programs::<T>::mutate(index, |program| {
		if let Some(program) = program {
			program.last_final = Some(0);
			if let Some(milestone) = program.milestones.get_mut(0) {
				milestone.metric = Metric::ActiveMembers;
			}
		}
	});
	Ok(())
}

/// The entry of `who` in round 0 of program `index`, if any.
fn entry_of<T: Config>(index: ProgramIndex, who: &T::AccountId) -> Option<RoundEntry<T>> {
	RoundPages::<T>::iter_prefix_values(index)
		.flat_map(|page| page.into_inner())
		.find(|entry| &entry.who == who)
}

/// Pools for awards of kind (`senior`, `capped`, `asset`): pool 0 is of that kind.
fn award_pool<T: Config>(senior: bool, capped: bool, asset: bool, seed: u32) -> RewardPoolOf<T> {
	RewardPool {
		eligibility: if senior {
			Eligibility::SeniorAmbassadors
		} else {
			Eligibility::Contributors
		},
		denomination: match program_asset::<T>() {
			Denomination::Native if asset => Denomination::Asset(asset_kind::<T>(seed)),
			// A program paying an asset takes caps in it only.
			paid => paid,
		},
		period_cap: BalanceOf::<T>::max_value(),
		member_cap: capped.then(BalanceOf::<T>::max_value),
		payout: Payout::Direct,
	}
}

/// An active program (its lead signs) whose pools are `pools`.
fn active_with_pools<T: Config>(
	pools: Vec<RewardPoolOf<T>>,
) -> Result<(ProgramIndex, T::AccountId), BenchmarkError> {
	fund_treasury::<T>();
	let mut spec = spec::<T>(T::MaxTitleLen::get(), T::MaxMilestones::get(), 0);
	spec.pools = pools.try_into().map_err(|_| BenchmarkError::Weightless)?;
	let (index, lead) = propose::<T>(signing_lead::<T>(), spec);
	let approve =
		T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
	CommunityBounty::<T>::approve_program(approve, index)?;
	Ok((index, lead))
}

/// An active program whose lead signs, with every pool (at most `MaxPools`) plain
/// (contributors, no member cap) or not (seniors, a member cap), each in an asset of its own,
/// and a batch of `n` awards spread over them (to new accounts, or to seniors on the roster).
fn batch<T: Config>(
	n: u32,
	plain: bool,
) -> Result<(ProgramIndex, T::AccountId, AwardsOf<T>), BenchmarkError> {
	let count = T::MaxPools::get().max(1);
	let pools: Vec<_> = (0..count).map(|i| award_pool::<T>(!plain, !plain, true, i + 1)).collect();
	let (index, lead) = active_with_pools::<T>(pools)?;
	let beneficiary = |i: u32| -> T::AccountId {
		if plain {
			account("contributor", i, SEED)
		} else {
			account("senior", i, SEED)
		}
	};
	if !plain {
		for i in 0..n {
			add_senior::<T>(index, &lead, &beneficiary(i));
		}
	}
	let awards: Vec<_> = (0..n)
		.map(|i| Award {
			pool: i % count,
			beneficiary: beneficiary(i),
			amount: award_amount::<T>(),
			reason: bytes(T::MaxReasonLen::get()),
		})
		.collect();
	let awards = awards.try_into().map_err(|_| BenchmarkError::Weightless)?;
	Ok((index, lead, awards))
}

/// A final round of `p` entries (`reports` senior reports first, then claims), all payable,
/// whose settlement a first call started: its next call pays the page. Returns the program and the
/// caller.
fn round_paying<T: Config>(
	p: u32,
	reports: u32,
) -> Result<(ProgramIndex, T::AccountId), BenchmarkError> {
	let (index, _) = round_program::<T>(other_lead::<T>())?;
	let _ = filed_round_with::<T>(index, p, reports, Some(MAX_SCORE));
	round_final::<T>(index)?;
	let caller: T::AccountId = whitelisted_caller();
	CommunityBounty::<T>::settle_round(RawOrigin::Signed(caller.clone()).into(), index, 0)?;
	if !Rounds::<T>::get(index, 0).is_some_and(|r| r.is_paying()) {
		return Err(BenchmarkError::Stop("the round's settlement did not start"));
	}
	Ok((index, caller))
}

/// Moves to the first block at which period 0's round of program `index` may settle: final by
/// itself, and past its appeal and veto windows.
fn round_final<T: Config>(index: ProgramIndex) -> Result<(), BenchmarkError> {
	// Past its appeal and veto windows, with no appeal open: the round may settle.
	T::BlockNumberProvider::set_block_number(schedule::<T>(index)?.veto_deadline(0, None));
	// The council keeps the rates fresh: set again in this block.
	let program = Programs::<T>::get(index).ok_or(BenchmarkError::Stop("no program"))?;
	for pool in program.pools.iter() {
		if let Denomination::Asset(kind) = &pool.denomination {
			T::RateClock::ensure_fresh(kind);
		}
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose_program(
		t: Linear<1, { T::MaxTitleLen::get() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
		p: Linear<0, { T::MaxPools::get() }>,
	) -> Result<(), BenchmarkError> {
		let lead = signing_lead::<T>();
		let mut spec = spec::<T>(t, m, p);
		spec.panel = Some(full_panel::<T>(account("reviewer", 0, SEED))?);

		#[extrinsic_call]
		_(RawOrigin::Signed(lead.clone()), Box::new(spec));

		assert!(Programs::<T>::contains_key(0) && Panels::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn approve_program() -> Result<(), BenchmarkError> {
		fund_treasury::<T>();
		let (index, _) = proposed::<T>(other_lead::<T>());
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		let account = CommunityBounty::<T>::program_account(index);
		assert_last_event::<T>(Event::TrancheReleased {
			index,
			tranche: 0,
			amount: tranche::<T>(),
			account,
		});
		Ok(())
	}

	#[benchmark]
	fn reject_program() -> Result<(), BenchmarkError> {
		fund_treasury::<T>();
		let (index, _) = proposed::<T>(other_lead::<T>());
		let origin =
			T::RejectOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		assert!(!Programs::<T>::contains_key(index));
		Ok(())
	}

	/// One clean-up step of `n` entries (full crews, the largest kind, and two look-ups) that
	/// leaves the round pages to later steps, so it writes the clean-up record.
	#[benchmark]
	fn cancel_program(n: Linear<2, { T::RemovalLimit::get() }>) -> Result<(), BenchmarkError> {
		let (index, _) = active_with::<T>(other_lead::<T>())?;
		fill_crews::<T>(index, n);
		leave_round_open::<T>(index);
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		assert!(!Programs::<T>::contains_key(index));
		assert!(Cleanups::<T>::contains_key(index));
		Ok(())
	}

	/// Closed by anyone once the last period's round had its window to be settled.
	#[benchmark]
	fn close_program(n: Linear<2, { T::RemovalLimit::get() }>) -> Result<(), BenchmarkError> {
		let (index, _) = active_with::<T>(other_lead::<T>())?;
		fill_crews::<T>(index, n);
		leave_round_open::<T>(index);
		let schedule = schedule::<T>(index)?;
		T::BlockNumberProvider::set_block_number(
			schedule.settlement_deadline(schedule.last_period()),
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index);

		assert!(!Programs::<T>::contains_key(index));
		assert!(Cleanups::<T>::contains_key(index));
		Ok(())
	}

	#[benchmark]
	fn clear_program(n: Linear<2, { T::RemovalLimit::get() }>) -> Result<(), BenchmarkError> {
		let (index, _) = active::<T>()?;
		fill_crews::<T>(index, n);
		// Closed, with its roster and crews still to clear.
		Programs::<T>::remove(index);
		Cleanups::<T>::insert(
			index,
			CleanupStages::of([CleanupStage::Roster, CleanupStage::Crews]),
		);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index);

		assert!(Crews::<T>::iter_prefix(index).next().is_none(), "the step removed the crews");
		Ok(())
	}

	/// A clean-up step removing a page of a round's entries, `c` of them claims (each releasing
	/// its deposit's hold).
	#[benchmark]
	fn clear_program_page(c: Linear<0, { T::RoundPageSize::get() }>) -> Result<(), BenchmarkError> {
		let (index, _) = active::<T>()?;
		fill_page::<T>(index, c);
		Programs::<T>::remove(index);
		Cleanups::<T>::insert(index, CleanupStages::of([CleanupStage::RoundPages]));
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		clear_program(RawOrigin::Signed(caller), index);

		assert!(RoundPages::<T>::iter_prefix(index).next().is_none(), "the step removed the page");
		Ok(())
	}

	/// The new lead is a senior with a crew of `c`: both leave the roster.
	#[benchmark]
	fn set_lead(c: Linear<0, { T::MaxCrew::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let new = senior_with_crew::<T>(index, &lead, c);
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, T::Lookup::unlookup(new.clone()));

		assert_eq!(Programs::<T>::get(index).map(|p| (p.lead, p.roster_count)), Some((new, 0)));
		Ok(())
	}

	/// Every tranche owed (the treasury could pay none when they were approved), all paid now.
	#[benchmark]
	fn release_tranche() -> Result<(), BenchmarkError> {
		fund_treasury::<T>();
		let (index, _) = proposed::<T>(other_lead::<T>());
		let treasury = T::TreasuryAccount::get();
		let funds = program_balance::<T>(&treasury);
		set_program_balance::<T>(&treasury, ed::<T>());
		let approve =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		CommunityBounty::<T>::approve_program(approve, index)?;
		Programs::<T>::mutate(index, |program| {
			if let Some(program) = program {
				let owed: Vec<_> = (0..program.milestones.len() as u32)
					.map(|k| OwedTranche { tranche: k, amount: tranche::<T>() })
					.collect();
				program.owed = owed.try_into().unwrap_or_default();
			}
		});
		set_program_balance::<T>(&treasury, funds);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index);

		assert_eq!(Programs::<T>::get(index).map(|p| p.owed.len()), Some(0));
		Ok(())
	}

	#[benchmark]
	fn reclaim() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		Programs::<T>::mutate(index, |program| {
			if let Some(program) = program {
				program.milestones_approved = program.milestones.len() as u32;
			}
		});
		CommunityBounty::<T>::close_program(RawOrigin::Signed(lead).into(), index)?;
		set_program_balance::<T>(&CommunityBounty::<T>::program_account(index), tranche::<T>());
		let caller: T::AccountId = whitelisted_caller();
		let asset = program_asset::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index, asset.clone());

		assert_last_event::<T>(Event::Reclaimed { index, asset, amount: tranche::<T>() });
		Ok(())
	}

	/// An ambassador joins a crew one short of `MaxCrew`.
	#[benchmark]
	fn add_member() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let senior = senior_with_crew::<T>(index, &lead, T::MaxCrew::get().saturating_sub(1));
		let who: T::AccountId = account("newcomer", 0, SEED);
		// A full panel, checked to the end: the newcomer is not on it.
		Panels::<T>::insert(index, full_panel::<T>(account("reviewer", 0, SEED))?);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(lead),
			index,
			T::Lookup::unlookup(who.clone()),
			Role::Ambassador,
			bytes(T::MaxTagLen::get()),
			Some(T::Lookup::unlookup(senior.clone())),
		);

		assert_eq!(Roster::<T>::get(index, &senior).map(|m| m.crew), Some(T::MaxCrew::get()));
		Ok(())
	}

	/// The council removes (and bars) a senior with a crew of `c`.
	#[benchmark]
	fn remove_member(c: Linear<0, { T::MaxCrew::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let senior = senior_with_crew::<T>(index, &lead, c);
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, T::Lookup::unlookup(senior.clone()));

		assert!(!Roster::<T>::contains_key(index, &senior));
		assert!(Barred::<T>::contains_key(index, &senior));
		Ok(())
	}

	/// The council removes (and bars) an ambassador from a full crew: the senior's crew and
	/// roster entry are read and written too.
	#[benchmark]
	fn remove_member_ambassador() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let senior = senior_with_crew::<T>(index, &lead, T::MaxCrew::get());
		let ambassador: T::AccountId =
			account("ambassador", T::MaxCrew::get().saturating_sub(1), SEED);
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		remove_member(origin as T::RuntimeOrigin, index, T::Lookup::unlookup(ambassador.clone()));

		assert!(!Roster::<T>::contains_key(index, &ambassador));
		assert!(Barred::<T>::contains_key(index, &ambassador));
		assert_eq!(
			Roster::<T>::get(index, &senior).map(|m| m.crew),
			Some(T::MaxCrew::get().saturating_sub(1))
		);
		Ok(())
	}

	#[benchmark]
	fn unbar_member() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let senior = senior_with_crew::<T>(index, &lead, 0);
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		CommunityBounty::<T>::remove_member(
			origin.clone(),
			index,
			T::Lookup::unlookup(senior.clone()),
		)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, T::Lookup::unlookup(senior.clone()));

		assert!(!Barred::<T>::contains_key(index, &senior));
		Ok(())
	}

	/// The second attempt, after a rejected one, of an `ActiveMembers` milestone whose last
	/// final round holds `n` active reports, each looked up on the roster.
	#[benchmark]
	fn report_milestone(
		e: Linear<0, { T::MaxEvidenceLen::get() }>,
		// From 1: with a round stored the figure reads it (its record is the largest thing the
		// count reads); with none it reads the smaller `Activity` a settled round left.
		n: Linear<1, { T::MaxEntriesPerRound::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		active_members_round::<T>(index, n)?;
		CommunityBounty::<T>::report_milestone(
			RawOrigin::Signed(lead.clone()).into(),
			index,
			0,
			u64::MAX,
			bytes(T::MaxEvidenceLen::get()),
		)?;
		let reject =
			T::RejectOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		CommunityBounty::<T>::reject_milestone(reject, index, 0, 1)?;
		let evidence = bytes(e);

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, 0, u64::MAX, evidence);

		assert_eq!(Reports::<T>::get(index, 0).map(|r| r.attempt), Some(2));
		// Every report on the roster counted: none struck, the round not vetoed.
		let on_roster = u64::from(n.min(T::MaxRoster::get()));
		assert_eq!(Reports::<T>::get(index, 0).map(|r| r.figure), Some(on_roster));
		Ok(())
	}

	/// The approval of an `ActiveMembers` milestone whose last final round holds `n` active
	/// reports, each looked up on the roster again.
	#[benchmark]
	fn approve_milestone(
		// From 1, as `report_milestone`.
		n: Linear<1, { T::MaxEntriesPerRound::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, lead) = active_with::<T>(other_lead::<T>())?;
		active_members_round::<T>(index, n)?;
		CommunityBounty::<T>::report_milestone(
			RawOrigin::Signed(lead).into(),
			index,
			0,
			u64::MAX,
			bytes(T::MaxEvidenceLen::get()),
		)?;
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let cut = Some(ed::<T>());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, 0, 1, 0, cut);

		assert_eq!(Programs::<T>::get(index).map(|p| p.milestones_approved), Some(1));
		Ok(())
	}

	#[benchmark]
	fn reject_milestone() -> Result<(), BenchmarkError> {
		let (index, lead) = active_with::<T>(other_lead::<T>())?;
		CommunityBounty::<T>::report_milestone(
			RawOrigin::Signed(lead).into(),
			index,
			0,
			u64::MAX,
			bytes(T::MaxEvidenceLen::get()),
		)?;
		let origin =
			T::RejectOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, 0, 1);

		assert_eq!(Reports::<T>::get(index, 0).map(|r| r.status), Some(ReportStatus::Rejected));
		Ok(())
	}

	/// The costliest award, of the reason length `r`: from a senior pool (the beneficiary's
	/// roster entry is read) with a member cap (its spending record is read and written) in an
	/// asset (the rate is read); the payment creates the beneficiary's account.
	#[benchmark]
	fn award(r: Linear<0, { T::MaxReasonLen::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = active_with_pools::<T>(vec![award_pool::<T>(true, true, true, 1)])?;
		let beneficiary: T::AccountId = account("beneficiary", 0, SEED);
		add_senior::<T>(index, &lead, &beneficiary);
		let amount = award_amount::<T>();

		#[extrinsic_call]
		award(
			RawOrigin::Signed(lead),
			index,
			0,
			T::Lookup::unlookup(beneficiary.clone()),
			amount,
			bytes(r),
		);

		assert_eq!(
			MemberSpending::<T>::get(index, (0, beneficiary)).map(|s| s.spent),
			Some(amount)
		);
		Ok(())
	}

	/// A plain award, of the reason length `r`: from a contributors pool without a member cap
	/// in an asset (the rate is read); the payment creates the beneficiary's account.
	#[benchmark]
	fn award_plain(r: Linear<0, { T::MaxReasonLen::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = active_with_pools::<T>(vec![award_pool::<T>(false, false, true, 1)])?;
		let beneficiary: T::AccountId = account("beneficiary", 0, SEED);
		let amount = award_amount::<T>();

		#[extrinsic_call]
		award(
			RawOrigin::Signed(lead),
			index,
			0,
			T::Lookup::unlookup(beneficiary),
			amount,
			bytes(r),
		);

		let spent = Programs::<T>::get(index).and_then(|p| p.pool_spent.first().map(|s| s.spent));
		assert_eq!(spent, Some(amount));
		Ok(())
	}

	/// A batch of `n` awards from senior pools with a member cap (a roster read and a spending
	/// record each), spread over every pool, each in an asset of its own; every reason at its
	/// bound, each payment creating its beneficiary's account.
	#[benchmark]
	fn award_batch(n: Linear<1, { T::MaxAwardsPerCall::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead, awards) = batch::<T>(n, false)?;

		#[extrinsic_call]
		award_batch(RawOrigin::Signed(lead), index, awards);

		assert_eq!(MemberSpending::<T>::iter_prefix(index).count() as u32, n);
		Ok(())
	}

	/// A batch of `n` plain awards (from contributors pools without a member cap), spread over
	/// every pool, each in an asset of its own; every reason at its bound, each payment creating
	/// its beneficiary's account.
	#[benchmark]
	fn award_batch_plain(
		n: Linear<1, { T::MaxAwardsPerCall::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, lead, awards) = batch::<T>(n, true)?;

		#[extrinsic_call]
		award_batch(RawOrigin::Signed(lead), index, awards);

		let paid = Programs::<T>::get(index).map(|p| p.paid).unwrap_or_default();
		assert!(!paid.is_zero());
		Ok(())
	}

	/// An ambassador of a full crew becomes a senior.
	#[benchmark]
	fn promote_member() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let _senior = senior_with_crew::<T>(index, &lead, T::MaxCrew::get());
		let who: T::AccountId = account("ambassador", T::MaxCrew::get().saturating_sub(1), SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, T::Lookup::unlookup(who.clone()));

		assert_eq!(Roster::<T>::get(index, &who).map(|m| m.role), Some(Role::SeniorAmbassador));
		Ok(())
	}

	/// A senior's report into a round one short of full.
	#[benchmark]
	fn file_report(e: Linear<0, { T::MaxEvidenceLen::get() }>) -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let before = T::MaxEntriesPerRound::get().saturating_sub(1);
		let _ = filed_round::<T>(index, before, None);
		// The report's proposed score joins the round's largest assessments.
		assess_round::<T>(index, before)?;
		let who: T::AccountId = whitelisted_caller();
		insert_senior::<T>(index, &who);
		Programs::<T>::mutate(index, |p| {
			if let Some(p) = p {
				p.roster_count += 1;
				p.seniors += 1;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), index, 0, bytes(e), Some(MAX_SCORE));

		assert!(entry_of::<T>(index, &who).is_some());
		Ok(())
	}

	/// The first report of a round: it opens the round, in the program record too.
	#[benchmark]
	fn file_report_opening(
		e: Linear<0, { T::MaxEvidenceLen::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, lead) = round_program::<T>(other_lead::<T>())?;
		let who: T::AccountId = whitelisted_caller();
		add_senior::<T>(index, &lead, &who);

		#[extrinsic_call]
		file_report(RawOrigin::Signed(who.clone()), index, 0, bytes(e), Some(MAX_SCORE));

		assert!(entry_of::<T>(index, &who).is_some());
		Ok(())
	}

	/// A contributor's claim (with its deposit) into a round one short of full, the last the
	/// claims' part of it holds.
	#[benchmark]
	fn file_claim(e: Linear<0, { T::MaxEvidenceLen::get() }>) -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let _ = filed_round::<T>(index, T::MaxEntriesPerRound::get().saturating_sub(1), None);
		let who: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&who, tranche::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), index, 0, 1, bytes(e));

		assert!(entry_of::<T>(index, &who).is_some());
		Ok(())
	}

	/// The first claim of a round: it opens the round, in the program record too.
	#[benchmark]
	fn file_claim_opening(
		e: Linear<0, { T::MaxEvidenceLen::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let who: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&who, tranche::<T>());

		#[extrinsic_call]
		file_claim(RawOrigin::Signed(who.clone()), index, 0, 1, bytes(e));

		assert!(entry_of::<T>(index, &who).is_some());
		Ok(())
	}

	/// `n` scores in a full round, each making a report active.
	#[benchmark]
	fn score_round(n: Linear<1, { T::MaxScoresPerCall::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = round_program::<T>(signing_lead::<T>())?;
		let filers = filed_round::<T>(index, T::MaxEntriesPerRound::get(), None);
		// The last filers first: each score is found at the end of the list.
		let scores: Vec<_> =
			filers.iter().rev().take(n as usize).map(|who| (who.clone(), MAX_SCORE)).collect();
		let scores: ScoresOf<T> = scores.try_into().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, 0, scores);

		assert!(
			Rounds::<T>::get(index, 0).is_some_and(|r| r.filers.iter().any(|f| f.score.is_some()))
		);
		Ok(())
	}

	/// The last reviewer of a full panel scores `n` entries of a full round, the last ones
	/// first, each already reviewed by every other reviewer: each review is found at the end
	/// of the list and every median takes the whole panel.
	#[benchmark]
	fn review_round(n: Linear<1, { T::MaxScoresPerCall::get() }>) -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let reviewer: T::AccountId = whitelisted_caller();
		Panels::<T>::insert(index, full_panel::<T>(reviewer.clone())?);
		let max = T::MaxEntriesPerRound::get();
		let filers = filed_round::<T>(index, max, None);
		assess_round::<T>(index, max)?;
		let scores: Vec<_> =
			filers.iter().rev().take(n as usize).map(|who| (who.clone(), MAX_SCORE)).collect();
		let scores: ScoresOf<T> = scores.try_into().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer), index, 0, scores);

		let round = Rounds::<T>::get(index, 0).ok_or(BenchmarkError::Weightless)?;
		assert_eq!(round.filers.last().and_then(|f| f.score), Some(MAX_SCORE));
		Ok(())
	}

	/// The first claim of a full round is marked as spam: the last entry, in another page,
	/// takes its place.
	#[benchmark]
	fn mark_spam() -> Result<(), BenchmarkError> {
		let (index, lead) = round_program::<T>(signing_lead::<T>())?;
		let max = T::MaxEntriesPerRound::get();
		let filers = filed_round::<T>(index, max, None);
		// The last entry's assessment moves too.
		assess_round::<T>(index, max)?;
		let who = filers.first().cloned().ok_or(BenchmarkError::Weightless)?;
		// Turn the first report into a claim, in the first page.
		Roster::<T>::remove(index, &who);
		let deposit = hold_claim_deposit::<T>(&who);
		RoundPages::<T>::mutate(index, (0, 0), |page| {
			if let Some(entry) = page.as_mut().and_then(|page| page.get_mut(0)) {
				entry.kind = EntryKind::Claim { pool: 1, deposit };
			}
		});
		Rounds::<T>::mutate(index, 0, |round| {
			if let Some(filer) = round.as_mut().and_then(|r| r.filers.get_mut(0)) {
				filer.claim = Some(1);
			}
		});
		Programs::<T>::mutate(index, |p| {
			if let Some(p) = p {
				p.roster_count -= 1;
				p.seniors -= 1;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, 0, T::Lookup::unlookup(who.clone()));

		assert!(entry_of::<T>(index, &who).is_none());
		Ok(())
	}

	/// The only claim of a round is marked as spam: the round is removed.
	#[benchmark]
	fn mark_spam_emptying() -> Result<(), BenchmarkError> {
		let (index, lead) = round_program::<T>(signing_lead::<T>())?;
		let filers = filed_round_with::<T>(index, 1, 0, None);
		assess_round::<T>(index, 1)?;
		let who = filers.first().cloned().ok_or(BenchmarkError::Weightless)?;

		#[extrinsic_call]
		mark_spam(RawOrigin::Signed(lead), index, 0, T::Lookup::unlookup(who.clone()));

		assert!(!Rounds::<T>::contains_key(index, 0));
		Ok(())
	}

	#[benchmark]
	fn finalize_round() -> Result<(), BenchmarkError> {
		let (index, lead) = round_program::<T>(signing_lead::<T>())?;
		let _ = filed_round::<T>(index, T::MaxEntriesPerRound::get(), Some(MAX_SCORE));
		T::BlockNumberProvider::set_block_number(schedule::<T>(index)?.filing_deadline(0));

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, 0);

		assert!(Rounds::<T>::get(index, 0).is_some_and(|r| r.status == RoundStatus::Finalized));
		Ok(())
	}

	/// The last member of a full final round appeals its score, its assessment among the
	/// largest a round holds.
	#[benchmark]
	fn appeal() -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let (who, _) = appealable_round::<T>(index)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), index, 0);

		assert_eq!(RoundChecks::<T>::get(index, 0).map(|c| c.open_appeals), Some(1));
		Ok(())
	}

	/// The council upholds the appeal of a full round's last member.
	#[benchmark]
	fn uphold_appeal() -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let (who, _) = appealed_round::<T>(index)?;
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, 0, T::Lookup::unlookup(who.clone()), MAX_SCORE);

		assert!(RoundChecks::<T>::get(index, 0).is_none_or(|c| c.open_appeals == 0));
		Ok(())
	}

	/// The council dismisses the appeal of a full round's last member: its deposit goes to the
	/// treasury.
	#[benchmark]
	fn dismiss_appeal() -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let (who, _) = appealed_round::<T>(index)?;
		let origin =
			T::RejectOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, 0, T::Lookup::unlookup(who.clone()));

		assert!(RoundChecks::<T>::get(index, 0).is_none_or(|c| c.open_appeals == 0));
		Ok(())
	}

	/// Anyone lapses the undecided appeal of a full round's last member, after the window.
	#[benchmark]
	fn lapse_appeal() -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let (who, deadline) = appealed_round::<T>(index)?;
		T::BlockNumberProvider::set_block_number(deadline);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index, 0, T::Lookup::unlookup(who.clone()));

		assert!(RoundChecks::<T>::get(index, 0).is_none_or(|c| c.open_appeals == 0));
		Ok(())
	}

	/// The council strikes the last entry of a full final round, with the longest reason.
	#[benchmark]
	fn strike_entry() -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let (who, _) = appealable_round::<T>(index)?;
		let origin =
			T::RejectOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			index,
			0,
			T::Lookup::unlookup(who.clone()),
			bytes(T::MaxReasonLen::get()),
		);

		let assessments = Assessments::<T>::get(index, 0).unwrap_or_default();
		assert!(assessments.iter().any(|a| a.struck));
		Ok(())
	}

	/// The council vetoes a full final round, with the longest reason.
	#[benchmark]
	fn veto_round() -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let _ = appealable_round::<T>(index)?;
		let origin =
			T::RejectOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, 0, bytes(T::MaxReasonLen::get()));

		assert!(RoundChecks::<T>::get(index, 0).is_some_and(|c| c.vetoed));
		Ok(())
	}

	/// The first settlement call on a round of `n` entries, each payable: fixes the rates of
	/// every pool, looks up each report's filer on the roster, and commits every payment.
	#[benchmark]
	fn settle_round_start(
		n: Linear<1, { T::MaxEntriesPerRound::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, _) = round_program::<T>(other_lead::<T>())?;
		let _ = filed_round::<T>(index, n, Some(MAX_SCORE));
		round_final::<T>(index)?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		settle_round(RawOrigin::Signed(caller), index, 0);

		assert!(Rounds::<T>::get(index, 0).is_some_and(|r| r.is_paying()));
		assert!(Activity::<T>::contains_key(index));
		Ok(())
	}

	/// A page paying `p` claims (each releasing its deposit) that ends the round.
	#[benchmark]
	fn settle_round_pay(p: Linear<1, { T::RoundPageSize::get() }>) -> Result<(), BenchmarkError> {
		let (index, caller) = round_paying::<T>(p, 0)?;

		#[extrinsic_call]
		settle_round(RawOrigin::Signed(caller), index, 0);

		assert!(!Rounds::<T>::contains_key(index, 0));
		Ok(())
	}

	/// A page paying `p` senior reports (each payment creating its payee's account) that ends
	/// the round.
	#[benchmark]
	fn settle_round_pay_reports(
		p: Linear<1, { T::RoundPageSize::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, caller) = round_paying::<T>(p, p)?;

		#[extrinsic_call]
		settle_round(RawOrigin::Signed(caller), index, 0);

		assert!(!Rounds::<T>::contains_key(index, 0));
		Ok(())
	}

	/// A payment in progress that the paymaster now reports concluded: its record and the
	/// book are written (a success removes the record; a failure rewrites it, no costlier).
	#[benchmark]
	fn check_payment() -> Result<(), BenchmarkError> {
		let (index, _) = active::<T>()?;
		let source = CommunityBounty::<T>::program_account(index);
		let payee: T::AccountId = account("payee", 0, SEED);
		let amount = award_amount::<T>();
		let asset = program_asset::<T>();
		let beneficiary = T::AccountBeneficiary::convert(payee.clone());
		T::Paymaster::ensure_successful(&source, &beneficiary, asset.clone().into(), amount);
		let id = T::Paymaster::pay(&source, &beneficiary, asset.into(), amount)
			.map_err(|_| BenchmarkError::Stop("the paymaster refused a payment it ensured"))?;
		T::Paymaster::ensure_concluded(id);
		let state = PaymentState::InProgress { id };
		let record = PaymentRecord { payee: payee.clone(), amount, pool: 0, period: 0, state };
		let payment = CommunityBounty::<T>::record_payment(index, record)
			.ok_or(BenchmarkError::Stop("MaxOpenPayments is zero"))?;
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index, payment);

		assert!(
			!Payments::<T>::contains_key(index, payment) || {
				let record = Payments::<T>::get(index, payment);
				matches!(record.map(|r| r.state), Some(PaymentState::Failed { .. }))
			}
		);
		Ok(())
	}

	/// A failed payment paid again at once, to a payee whose account it creates: the record
	/// goes and the book is written.
	#[benchmark]
	fn retry_payment() -> Result<(), BenchmarkError> {
		let (index, _) = active::<T>()?;
		let source = CommunityBounty::<T>::program_account(index);
		let payee: T::AccountId = account("payee", 0, SEED);
		let amount = award_amount::<T>();
		let at = T::BlockNumberProvider::current_block_number();
		let state = PaymentState::Failed { at };
		let record = PaymentRecord { payee: payee.clone(), amount, pool: 0, period: 0, state };
		let payment = CommunityBounty::<T>::record_payment(index, record)
			.ok_or(BenchmarkError::Stop("MaxOpenPayments is zero"))?;
		let asset = program_asset::<T>();
		let beneficiary = T::AccountBeneficiary::convert(payee.clone());
		T::Paymaster::ensure_successful(&source, &beneficiary, asset.into(), amount);
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index, payment);

		assert_last_event::<T>(Event::PaymentConfirmed { index, payment, payee, amount });
		Ok(())
	}

	/// An account naming its first payee: the deposit is held and the record written.
	#[benchmark]
	fn set_payee() -> Result<(), BenchmarkError> {
		// Not whitelisted: the account holding the deposit is read and written like any other.
		let caller: T::AccountId = account("caller", 0, SEED);
		T::Currency::set_balance(&caller, tranche::<T>());
		let payee = T::AccountBeneficiary::convert(account("payee", 0, SEED));
		let source = T::BeneficiaryLookup::unlookup(payee.clone());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), source);

		let deposit = T::PayeeDeposit::get();
		assert_last_event::<T>(Event::PayeeSet { who: caller, payee, deposit });
		Ok(())
	}

	/// An account clearing its payee: the record goes and the deposit is released.
	#[benchmark]
	fn clear_payee() -> Result<(), BenchmarkError> {
		// Not whitelisted: the account holding the deposit is read and written like any other.
		let caller: T::AccountId = account("caller", 0, SEED);
		T::Currency::set_balance(&caller, tranche::<T>());
		let payee = T::AccountBeneficiary::convert(account("payee", 0, SEED));
		CommunityBounty::<T>::do_set_payee(caller.clone(), payee)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		let deposit = T::PayeeDeposit::get();
		assert_last_event::<T>(Event::PayeeCleared { who: caller, deposit });
		Ok(())
	}

	impl_benchmark_test_suite!(CommunityBounty, crate::mock::new_test_ext(), crate::mock::Test);
}
