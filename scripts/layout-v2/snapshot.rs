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

//! Builds, with the code of the tag `layout-v2` (storage version 2), a demo-runtime state that
//! holds programs in every status, and writes all of its storage to the file named by
//! `SNAPSHOT_OUT`. Not part of the workspace: `scripts/layout-v2/snapshot.sh` copies it into a
//! worktree of the tag as `runtime/tests/snapshot.rs` and runs it there; the runtime's migration
//! test (`runtime/tests/migration.rs`) loads the file.
//!
//! The programs, by index:
//! 0. Proposed (the seed), its bond held.
//! 1. Rejected: removed, its bond slashed.
//! 2. Active, paid directly: a roster of 3 seniors with crews of 2, a member the council removed
//!    (barred), awards from both pools (pool and member spending records), milestone 1 reported
//!    and pending.
//! 3. Active, the seed with a scored contributors pool: period 0's round (40 reports, 3 claims)
//!    half paid (`Paying`, one page of 32 paid), period 1's round open with scores and a claim.
//! 4. Active, approved a period before 3: period 0's round `Tallying` (one page of 32 tallied),
//!    period 1's round `Finalized`.
//! 5. Cancelled with 100 members and an open round of claims: its clean-up under way.
//! 6. Cancelled while empty: its clean-up done, nothing left.

mod common;
use common::*;
use community_bounty_runtime::{RewardPeriod, DAYS};
use pallet_community_bounty::{
	Denomination, Eligibility, Payout, RewardPool, RoundStatus, Rounds, Split,
};

fn lead() -> AccountId {
	id(Ferdie)
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

/// The seed with a third pool: contributors' claims, scored linearly, $100 each at most.
fn scored_claims_spec() -> ProgramSpec<Runtime> {
	let mut spec = seed_spec();
	spec.pools
		.try_push(RewardPool {
			eligibility: Eligibility::Contributors,
			denomination: Denomination::Asset(USD_ASSET),
			period_cap: 1_000 * USD,
			member_cap: Some(100 * USD),
			payout: Payout::Scored { threshold: 40, split: Split::Linear },
		})
		.expect("room for a third pool");
	spec
}

fn propose(spec: ProgramSpec<Runtime>) -> u32 {
	let index = pallet_community_bounty::ProgramCount::<Runtime>::get();
	assert_ok!(CommunityBounty::propose_program(signed(&lead()), Box::new(spec)));
	index
}

fn approve(index: u32) {
	assert_ok!(CommunityBounty::approve_program(RuntimeOrigin::root(), index));
}

/// Seniors `first..first + seniors`, each with a crew of `crew` (accounts from `base`).
fn roster(index: u32, base: u8, seniors: u8, crew: u8) -> Vec<AccountId> {
	let mut members = Vec::new();
	for s in 0..seniors {
		let senior = AccountId::from([base + s * (crew + 1), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
		assert_ok!(CommunityBounty::add_member(
			signed(&lead()),
			index,
			MultiAddress::Id(senior.clone()),
			Role::SeniorAmbassador,
			bounded("English"),
			None
		));
		members.push(senior.clone());
		for c in 0..crew {
			let mut raw = [1u8; 32];
			raw[0] = base + s * (crew + 1) + 1 + c;
			let ambassador = AccountId::from(raw);
			assert_ok!(CommunityBounty::add_member(
				signed(&lead()),
				index,
				MultiAddress::Id(ambassador.clone()),
				Role::Ambassador,
				bounded("English"),
				Some(MultiAddress::Id(senior.clone()))
			));
			members.push(ambassador);
		}
	}
	members
}

/// The claimants: accounts off every roster, endowed by Alice for their deposits.
fn claimant(i: u8) -> AccountId {
	AccountId::from([250 - i; 32])
}

fn file_all(index: u32, period: u32, members: &[AccountId]) {
	for who in members {
		assert_ok!(CommunityBounty::file_report(signed(who), index, period, bounded("https://x")));
	}
}

fn score_all(index: u32, period: u32, filers: &[AccountId], score: u8) {
	for chunk in filers.chunks(64) {
		let scores: Vec<_> = chunk.iter().map(|who| (who.clone(), score)).collect();
		assert_ok!(CommunityBounty::score_round(
			signed(&lead()),
			index,
			period,
			scores.try_into().expect("64 scores a call")
		));
	}
}

#[test]
fn write_a_state_with_programs_in_every_status() {
	let mut chain = Chain::new();
	let period = RewardPeriod::get();
	chain.block(|| {
		for i in 0..8 {
			assert_ok!(Balances::transfer_keep_alive(
				signed(&id(Alice)),
				MultiAddress::Id(claimant(i)),
				100 * UNITS
			));
		}
	});
	// Program 0 stays proposed, program 1 is rejected.
	chain.block(|| {
		assert_eq!(propose(seed_spec()), 0);
		assert_eq!(propose(seed_spec()), 1);
		assert_ok!(CommunityBounty::reject_program(RuntimeOrigin::root(), 1));
	});
	// Program 4 first: approved a period before program 3.
	let start = 10;
	chain.block_at(Some(start), || {
		assert_eq!(propose(direct_seed_spec()), 2);
		assert_eq!(propose(scored_claims_spec()), 3);
		assert_eq!(propose(scored_claims_spec()), 4);
		let mut crowded = scored_claims_spec();
		crowded.max_seniors = None;
		assert_eq!(propose(crowded), 5);
		assert_eq!(propose(seed_spec()), 6);
		approve(4);
	});
	let p4_members = chain.block(|| roster(4, 2, 10, 3));
	// Program 4, period 0: 40 reports and 3 claims, scored; program 4's period 1 begins.
	chain.block(|| {
		file_all(4, 0, &p4_members);
		for i in 0..3 {
			assert_ok!(CommunityBounty::file_claim(signed(&claimant(i)), 4, 0, 2, bounded("pr")));
		}
		score_all(4, 0, &p4_members, 70);
		let claims: Vec<_> = (0..3).map(claimant).collect();
		score_all(4, 0, &claims, 90);
	});
	let p3_start = start + period;
	chain.block_at(Some(p3_start), || {
		approve(2);
		approve(3);
		approve(5);
		approve(6);
	});
	let (p2_members, p3_members, p5_members) =
		chain.block(|| (roster(2, 2, 3, 2), roster(3, 2, 10, 3), roster(5, 2, 20, 4)));
	chain.block(|| {
		// Program 2: a council removal (barred), awards, a pending report.
		assert_ok!(CommunityBounty::remove_member(
			RuntimeOrigin::root(),
			2,
			MultiAddress::Id(p2_members[2].clone())
		));
		assert_ok!(CommunityBounty::award(
			signed(&lead()),
			2,
			0,
			MultiAddress::Id(p2_members[0].clone()),
			300 * USD,
			bounded("AMA")
		));
		assert_ok!(CommunityBounty::award(
			signed(&lead()),
			2,
			1,
			MultiAddress::Id(claimant(7)),
			200 * USD,
			bounded("article")
		));
		assert_ok!(CommunityBounty::report_milestone(
			signed(&lead()),
			2,
			0,
			9,
			bounded("https://roster")
		));
		// Program 4, period 1: a few reports.
		file_all(4, 1, &p4_members[..5]);
		// Programs 3 and 5, period 0.
		file_all(3, 0, &p3_members);
		for i in 0..3 {
			assert_ok!(CommunityBounty::file_claim(signed(&claimant(i)), 3, 0, 2, bounded("pr")));
			assert_ok!(CommunityBounty::file_claim(signed(&claimant(i)), 5, 0, 2, bounded("pr")));
		}
		score_all(3, 0, &p3_members, 60);
		let claims: Vec<_> = (0..3).map(claimant).collect();
		score_all(3, 0, &claims, 50);
	});
	// Program 5 is cancelled with 100 members and a round of claims: more than one step.
	chain.block(|| {
		assert_eq!(p5_members.len(), 100);
		assert_ok!(CommunityBounty::cancel_program(RuntimeOrigin::root(), 5));
		assert_ok!(CommunityBounty::cancel_program(RuntimeOrigin::root(), 6));
		assert!(pallet_community_bounty::Cleanups::<Runtime>::contains_key(5));
		assert!(!pallet_community_bounty::Cleanups::<Runtime>::contains_key(6));
	});
	// After program 3's period 0 filing window (and program 4's period 1's): program 4's
	// period 1 finalized and period 0 half tallied; program 3's period 0 half paid.
	let later = p3_start + period + 6 * DAYS;
	chain.block_at(Some(later), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 4, 1));
		assert_ok!(CommunityBounty::settle_round(signed(&id(Eve)), 4, 0));
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 3, 0));
		for _ in 0..3 {
			assert_ok!(CommunityBounty::settle_round(signed(&id(Eve)), 3, 0));
		}
		// Program 3, period 1: open, some scored, a claim.
		file_all(3, 1, &p3_members[..8]);
		assert_ok!(CommunityBounty::file_claim(signed(&claimant(4)), 3, 1, 2, bounded("talk")));
		score_all(3, 1, &p3_members[..4], 80);
	});
	chain.ext.execute_with(|| {
		let status = |index, period| Rounds::<Runtime>::get(index, period).map(|r| r.status);
		assert!(matches!(status(3, 0), Some(RoundStatus::Paying { next: 32, .. })));
		assert_eq!(status(3, 1), Some(RoundStatus::Open));
		assert_eq!(status(4, 0), Some(RoundStatus::Tallying { next: 32 }));
		assert_eq!(status(4, 1), Some(RoundStatus::Finalized));
		check_try_state();
	});

	// Everything in storage, as hex keys and values.
	chain.ext.commit_all().expect("storage commits");
	let out = chain.ext.execute_with(|| {
		let mut out = String::from("{\n");
		let mut key = Vec::new();
		while let Some(next) = sp_io::storage::next_key(&key) {
			let value = sp_io::storage::get(&next).expect("a key has a value");
			if !key.is_empty() {
				out.push_str(",\n");
			}
			out.push_str(&format!("\"0x{}\": \"0x{}\"", hex(&next), hex(&value)));
			key = next;
		}
		out.push_str("\n}\n");
		out
	});
	let path = std::env::var("SNAPSHOT_OUT").expect("SNAPSHOT_OUT names the file to write");
	std::fs::write(&path, out).expect("the snapshot is written");
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}
