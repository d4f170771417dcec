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

//! Builds, with the code of the tag `layout-v3` (storage version 3), a demo-runtime state that
//! holds programs in every status, and writes all of its storage to the file named by
//! `SNAPSHOT_OUT`. Not part of the workspace: `scripts/layout-v3/snapshot.sh` copies it into a
//! worktree of the tag as `runtime/tests/snapshot.rs` and runs it there; the runtime's migration
//! test (`runtime/tests/migration_v4.rs`) loads the file.
//!
//! The programs, by index:
//! 0. Active, a senior pool of 1 PHA a month shared by score: period 0's round settled with one
//!    payment failed (below the existential deposit to an empty account), recorded and its
//!    money earmarked; period 1's round open with reports.
//! 1. Proposed (the seed), its bond held.
//! 2. Rejected: removed, its bond slashed.
//! 3. Active, paid directly: a roster, awards from both pools, milestone 1 reported and pending.
//! 4. Cancelled with a roster: its clean-up under way or done.

mod common;
use common::*;
use pallet_community_bounty::{
	Denomination, PaymentBooks, PaymentState, Payments, Payout, Split, MAX_SCORE,
};

/// Proposal #14 whose senior pool pays 1 PHA a month, shared by score: a member scored 1 against
/// another's 100 earns less than the existential deposit.
fn one_pha_spec() -> ProgramSpec<Runtime> {
	let mut spec = seed_spec();
	let pool = &mut spec.pools[0];
	pool.denomination = Denomination::Native;
	pool.period_cap = UNITS;
	pool.member_cap = None;
	pool.payout = Payout::Scored { threshold: 0, split: Split::Proportional };
	spec
}

fn propose(spec: ProgramSpec<Runtime>) -> u32 {
	let index = pallet_community_bounty::ProgramCount::<Runtime>::get();
	assert_ok!(CommunityBounty::propose_program(signed(&lead()), Box::new(spec)));
	index
}

fn add_to(index: u32, who: &AccountId, senior_of: Option<&AccountId>) {
	let role = if senior_of.is_some() { Role::Ambassador } else { Role::SeniorAmbassador };
	assert_ok!(CommunityBounty::add_member(
		signed(&lead()),
		index,
		MultiAddress::Id(who.clone()),
		role,
		bounded("English"),
		senior_of.map(|s| MultiAddress::Id(s.clone()))
	));
}

#[test]
fn write_a_state_with_programs_in_every_status() {
	let mut chain = Chain::new();
	// Program 0: a round whose small payment fails.
	let approved_at = active(&mut chain, one_pha_spec());
	let seniors: Vec<AccountId> = (0..2).map(senior).collect();
	chain.block(|| {
		for (s, senior) in seniors.iter().enumerate() {
			add(senior, None);
			for a in 0..2 {
				add(&ambassador(2 * s as u32 + a), Some(senior));
			}
		}
		for who in &seniors {
			assert_ok!(file(who, 0));
		}
		assert_ok!(CommunityBounty::score_round(
			signed(&lead()),
			0,
			0,
			vec![(seniors[0].clone(), MAX_SCORE), (seniors[1].clone(), 1)].try_into().unwrap()
		));
	});
	// Programs 1 to 4.
	chain.block(|| {
		assert_eq!(propose(seed_spec()), 1);
		assert_eq!(propose(seed_spec()), 2);
		assert_ok!(CommunityBounty::reject_program(RuntimeOrigin::root(), 2));
		assert_eq!(propose(direct_spec()), 3);
		assert_eq!(propose(direct_spec()), 4);
		assert_ok!(CommunityBounty::approve_program(RuntimeOrigin::root(), 3));
		assert_ok!(CommunityBounty::approve_program(RuntimeOrigin::root(), 4));
	});
	chain.block(|| {
		for i in 0..3 {
			add_to(3, &stranger(i), None);
			add_to(4, &stranger(10 + i), None);
		}
		assert_ok!(CommunityBounty::award(
			signed(&lead()),
			3,
			0,
			MultiAddress::Id(stranger(0)),
			300 * USD,
			bounded("AMA")
		));
		assert_ok!(CommunityBounty::award(
			signed(&lead()),
			3,
			1,
			MultiAddress::Id(stranger(50)),
			200 * USD,
			bounded("article")
		));
		assert_ok!(CommunityBounty::report_milestone(
			signed(&lead()),
			3,
			0,
			3,
			bounded("https://roster")
		));
		assert_ok!(CommunityBounty::cancel_program(RuntimeOrigin::root(), 4));
	});
	let (filing, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
		confirm_rate();
	});
	settle_all(&mut chain, 0);
	chain.block(|| {
		for who in &seniors {
			assert_ok!(file(who, 1));
		}
	});
	chain.ext.execute_with(|| {
		let record = Payments::<Runtime>::get(0, 0).expect("the failed payment is recorded");
		assert!(matches!(record.state, PaymentState::Failed { .. }));
		assert_eq!(PaymentBooks::<Runtime>::get(0).open, 1);
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
