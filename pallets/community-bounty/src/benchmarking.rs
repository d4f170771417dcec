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
//! with member caps, payments that create the beneficiary's account.
//!
//! Components: the title `t` and description `d` lengths, milestones `m` and pools `p` of a
//! proposal; the roster `r` and beneficiary records `b` that cancel and close clear; the evidence
//! length `e` of a report; the reason length `r` of an award; the batch length `n`. The short
//! tags (a member's region, an off-chain metric's name) and the reasons inside a batch are
//! charged at their bound.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as CommunityBounty;
use alloc::{boxed::Box, vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, StaticLookup};

const SEED: u32 = 0;

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

fn ed<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance().max(1u32.into())
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

/// Asset kind `seed`, with a rate.
fn asset_kind<T: Config>(seed: u32) -> T::AssetKind {
	let kind = T::BenchmarkHelper::create_asset_kind(seed);
	T::BalanceConverter::ensure_successful(kind.clone());
	kind
}

/// A spec with a title of `t` bytes, a description of `d` bytes, `m` milestones and `p` pools;
/// every pool pays Senior Ambassadors (whose eligibility costs a roster read) in an asset of its
/// own (a rate read each) with a member cap (a spending record per beneficiary).
fn spec<T: Config>(t: u32, d: u32, m: u32, p: u32) -> ProgramSpec<T> {
	let milestones: Vec<_> = (0..m.max(1))
		.map(|i| Milestone {
			metric: if i == 0 {
				Metric::AmbassadorCount
			} else {
				Metric::OffChain(bytes(T::MaxTagLen::get()))
			},
			target: u64::MAX,
			tranche: tranche::<T>(),
		})
		.collect();
	let pools: Vec<_> = (0..p)
		.map(|i| RewardPool {
			eligibility: Eligibility::SeniorAmbassadors,
			denomination: Denomination::Asset(asset_kind::<T>(i + 1)),
			period_cap: BalanceOf::<T>::max_value(),
			member_cap: Some(BalanceOf::<T>::max_value()),
		})
		.collect();
	let budget = tranche::<T>().saturating_mul((milestones.len() as u32).into());
	ProgramSpec {
		title: bytes(t),
		description: bytes(d),
		budget,
		milestones: milestones.try_into().unwrap_or_default(),
		pools: pools.try_into().unwrap_or_default(),
		duration: T::MaxDuration::get(),
	}
}

fn fund_treasury<T: Config>() {
	let amount = tranche::<T>().saturating_mul(1_000u32.into());
	T::Currency::set_balance(&T::TreasuryAccount::get(), amount);
}

fn funded_lead<T: Config>() -> T::AccountId {
	let lead: T::AccountId = whitelisted_caller();
	T::Currency::set_balance(&lead, tranche::<T>());
	lead
}

/// Proposes the worst-case program; returns its index and lead.
fn proposed<T: Config>() -> (ProgramIndex, T::AccountId) {
	let lead = funded_lead::<T>();
	let spec = spec::<T>(
		T::MaxTitleLen::get(),
		T::MaxDescriptionLen::get(),
		T::MaxMilestones::get(),
		T::MaxPools::get().max(1),
	);
	let index = ProgramCount::<T>::get();
	CommunityBounty::<T>::propose_program(RawOrigin::Signed(lead.clone()).into(), Box::new(spec))
		.expect("benchmark spec is valid");
	(index, lead)
}

/// Proposes and approves the worst-case program, with tranche 0 paid.
fn active<T: Config>() -> Result<(ProgramIndex, T::AccountId), BenchmarkError> {
	fund_treasury::<T>();
	let (index, lead) = proposed::<T>();
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

/// Fills a program's roster with `r` members and `b` beneficiary records, and its reports and
/// pool spending, directly in storage.
fn fill_storage<T: Config>(index: ProgramIndex, r: u32, b: u32) {
	let now = T::BlockNumberProvider::current_block_number();
	for i in 0..r {
		let who: T::AccountId = account("member", i, SEED);
		Roster::<T>::insert(
			index,
			who,
			RosterMember {
				role: Role::SeniorAmbassador,
				region: bytes(T::MaxTagLen::get()),
				senior: None,
				crew: 0,
				joined_at: now,
			},
		);
	}
	for i in 0..b {
		let who: T::AccountId = account("beneficiary", i, SEED);
		MemberSpending::<T>::insert(index, (0, who), Spending { period: 0, spent: ed::<T>() });
	}
	for pool in 0..T::MaxPools::get() {
		PoolSpending::<T>::insert(index, pool, Spending { period: 0, spent: ed::<T>() });
	}
	let milestones = T::MaxMilestones::get();
	for milestone in 0..milestones {
		Reports::<T>::insert(
			index,
			milestone,
			MilestoneReport {
				claimed: u64::MAX,
				figure: u64::MAX,
				evidence: bytes(T::MaxEvidenceLen::get()),
				reported_at: now,
				approved: true,
			},
		);
	}
	Programs::<T>::mutate(index, |program| {
		if let Some(program) = program {
			program.roster_count = r;
			program.beneficiaries = b;
			program.milestones_approved = milestones;
		}
	});
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose_program(
		t: Linear<1, { T::MaxTitleLen::get() }>,
		d: Linear<0, { T::MaxDescriptionLen::get() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
		p: Linear<0, { T::MaxPools::get() }>,
	) -> Result<(), BenchmarkError> {
		let lead = funded_lead::<T>();
		let spec = spec::<T>(t, d, m, p);

		#[extrinsic_call]
		_(RawOrigin::Signed(lead.clone()), Box::new(spec));

		assert!(Programs::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn approve_program() -> Result<(), BenchmarkError> {
		fund_treasury::<T>();
		let (index, _) = proposed::<T>();
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
		let (index, _) = proposed::<T>();
		let origin =
			T::RejectOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		assert!(!Programs::<T>::contains_key(index));
		Ok(())
	}

	#[benchmark]
	fn cancel_program(
		r: Linear<0, { T::MaxRoster::get() }>,
		b: Linear<0, { T::MaxBeneficiaries::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, _) = active::<T>()?;
		fill_storage::<T>(index, r, b);
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index);

		assert!(!Programs::<T>::contains_key(index));
		assert_eq!(Roster::<T>::iter_prefix(index).count(), 0);
		Ok(())
	}

	#[benchmark]
	fn close_program(
		r: Linear<0, { T::MaxRoster::get() }>,
		b: Linear<0, { T::MaxBeneficiaries::get() }>,
	) -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		fill_storage::<T>(index, r, b);

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index);

		assert!(!Programs::<T>::contains_key(index));
		assert_eq!(MemberSpending::<T>::iter_prefix(index).count(), 0);
		Ok(())
	}

	#[benchmark]
	fn set_lead() -> Result<(), BenchmarkError> {
		let (index, _) = active::<T>()?;
		let new: T::AccountId = account("new", 0, SEED);
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, index, T::Lookup::unlookup(new.clone()));

		assert_eq!(Programs::<T>::get(index).map(|p| p.lead), Some(new));
		Ok(())
	}

	#[benchmark]
	fn release_tranche() -> Result<(), BenchmarkError> {
		let (index, _) = active::<T>()?;
		// The second tranche was approved while the treasury was short.
		Programs::<T>::mutate(index, |program| {
			if let Some(program) = program {
				program.owed = tranche::<T>();
			}
		});
		let caller: T::AccountId = account("anyone", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index);

		assert_eq!(Programs::<T>::get(index).map(|p| p.owed), Some(Zero::zero()));
		Ok(())
	}

	#[benchmark]
	fn reclaim() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		fill_storage::<T>(index, 0, 0);
		CommunityBounty::<T>::close_program(RawOrigin::Signed(lead).into(), index)?;
		T::Currency::set_balance(&CommunityBounty::<T>::program_account(index), tranche::<T>());
		let caller: T::AccountId = account("anyone", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), index);

		assert_last_event::<T>(Event::Reclaimed { index, amount: tranche::<T>() });
		Ok(())
	}

	#[benchmark]
	fn add_member() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let senior: T::AccountId = account("senior", 0, SEED);
		add_senior::<T>(index, &lead, &senior);
		let who: T::AccountId = account("ambassador", 0, SEED);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(lead),
			index,
			T::Lookup::unlookup(who.clone()),
			Role::Ambassador,
			bytes(T::MaxTagLen::get()),
			Some(T::Lookup::unlookup(senior.clone())),
		);

		assert_eq!(Roster::<T>::get(index, &senior).map(|m| m.crew), Some(1));
		Ok(())
	}

	#[benchmark]
	fn remove_member() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let senior: T::AccountId = account("senior", 0, SEED);
		add_senior::<T>(index, &lead, &senior);
		let who: T::AccountId = account("ambassador", 0, SEED);
		CommunityBounty::<T>::add_member(
			RawOrigin::Signed(lead.clone()).into(),
			index,
			T::Lookup::unlookup(who.clone()),
			Role::Ambassador,
			bytes(T::MaxTagLen::get()),
			Some(T::Lookup::unlookup(senior.clone())),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, T::Lookup::unlookup(who.clone()));

		assert!(!Roster::<T>::contains_key(index, &who));
		Ok(())
	}

	#[benchmark]
	fn report_milestone(e: Linear<0, { T::MaxEvidenceLen::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let evidence = bytes(e);

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, 0, u64::MAX, evidence);

		assert!(Reports::<T>::contains_key(index, 0));
		Ok(())
	}

	#[benchmark]
	fn approve_milestone() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
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
		_(origin as T::RuntimeOrigin, index, 0, cut);

		assert_eq!(Programs::<T>::get(index).map(|p| p.milestones_approved), Some(1));
		Ok(())
	}

	#[benchmark]
	fn reject_milestone() -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
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
		_(origin as T::RuntimeOrigin, index, 0);

		assert!(!Reports::<T>::contains_key(index, 0));
		Ok(())
	}

	#[benchmark]
	fn award(r: Linear<0, { T::MaxReasonLen::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let senior: T::AccountId = account("senior", 0, SEED);
		add_senior::<T>(index, &lead, &senior);
		let amount = award_amount::<T>();
		let reason = bytes(r);

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, 0, T::Lookup::unlookup(senior.clone()), amount, reason);

		assert_eq!(MemberSpending::<T>::get(index, (0, senior)).map(|s| s.spent), Some(amount));
		Ok(())
	}

	#[benchmark]
	fn award_batch(n: Linear<1, { T::MaxAwardsPerCall::get() }>) -> Result<(), BenchmarkError> {
		let (index, lead) = active::<T>()?;
		let seniors = n.min(T::MaxRoster::get());
		for i in 0..seniors {
			add_senior::<T>(index, &lead, &account("senior", i, SEED));
		}
		// Spread over every pool: each adds its spending record and its asset's rate.
		let pools = T::MaxPools::get().max(1);
		let awards: Vec<_> = (0..n)
			.map(|i| Award {
				pool: i % pools,
				beneficiary: account("senior", i % seniors, SEED),
				amount: award_amount::<T>(),
				reason: bytes(T::MaxReasonLen::get()),
			})
			.collect();
		let awards: AwardsOf<T> = awards.try_into().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(lead), index, awards);

		let paid = Programs::<T>::get(index).map(|p| p.paid).unwrap_or_default();
		assert!(!paid.is_zero());
		Ok(())
	}

	impl_benchmark_test_suite!(CommunityBounty, crate::mock::new_test_ext(), crate::mock::Test);
}
