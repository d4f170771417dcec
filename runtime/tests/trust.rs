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

//! The trust rules on the demo runtime, with storage committed between blocks as a node commits
//! it: a hostile lead against council motions.

mod common;
use common::*;
use pallet_community_bounty::{Programs, Roster};

#[test]
fn program_accounts_never_collide_with_the_treasury_or_pallet_bounties() {
	new_ext().execute_with(|| {
		let ours: std::collections::BTreeSet<AccountId> =
			(0..1_000).map(CommunityBounty::program_account).collect();
		assert_eq!(ours.len(), 1_000, "each program has its own account");
		// pallet-bounties derives its bounty accounts from the treasury's `py/trsry`.
		for i in 0..1_000 {
			let bounty = pallet_bounties::Pallet::<Runtime>::bounty_account_id(i);
			assert!(!ours.contains(&bounty), "bounty {i}'s account is a program's");
		}
		assert!(!ours.contains(&TreasuryAccount::get()));
	});
}

#[test]
fn the_council_motion_has_a_spending_limit_and_root_none() {
	let mut chain = Chain::new();
	chain.block(|| {
		let mut spec = seed_spec();
		spec.milestones[0].tranche = community_bounty_runtime::CouncilSpendLimit::get() + 1;
		spec.budget = spec.milestones.iter().map(|m| m.tranche).sum();
		assert_ok!(CommunityBounty::propose_program(RuntimeOrigin::signed(lead()), Box::new(spec)));
	});
	chain.block(|| {
		let approve = cb(pallet_community_bounty::Call::approve_program { index: 0 });
		assert_eq!(
			motion(Alice, 3, approve.clone(), &[Bob, Charlie, Dave, Eve], &[]),
			Some(Err(pallet_community_bounty::Error::<Runtime>::InsufficientPermission.into()))
		);
		assert_ok!(approve.dispatch(RuntimeOrigin::root()).map_err(|e| e.error));
	});
}

/// Proposes the seed, with its first milestone counting the roster (`AmbassadorCount`) and no
/// cap on seniors, and approves it with a 3/5 council motion; returns the program index.
fn active_seed(chain: &mut Chain) -> u32 {
	chain.block(|| {
		let mut spec = seed_spec();
		spec.milestones[0].metric = pallet_community_bounty::Metric::AmbassadorCount;
		spec.max_seniors = None;
		assert_ok!(CommunityBounty::propose_program(RuntimeOrigin::signed(lead()), Box::new(spec)));
	});
	chain.block(|| {
		let approve = cb(pallet_community_bounty::Call::approve_program { index: 0 });
		assert_eq!(motion(Alice, 3, approve, &[Bob, Charlie], &[]), Some(Ok(())));
	});
	0
}

fn add_seniors(index: u32, n: u32) {
	for i in 0..n {
		assert_ok!(CommunityBounty::add_member(
			RuntimeOrigin::signed(lead()),
			index,
			MultiAddress::Id(senior(i)),
			Role::SeniorAmbassador,
			bounded("English"),
			None
		));
	}
}

#[test]
fn roster_padding_cannot_pass_an_ambassador_count_milestone() {
	let mut chain = Chain::new();
	let index = active_seed(&mut chain);
	chain.block(|| {
		add_seniors(index, 40);
		assert_ok!(CommunityBounty::report_milestone(
			RuntimeOrigin::signed(lead()),
			index,
			0,
			40,
			bounded("padded")
		));
	});
	// The motion runs; meanwhile the lead empties the roster.
	chain.block(|| {
		for i in 0..40 {
			assert_ok!(CommunityBounty::remove_member(
				RuntimeOrigin::signed(lead()),
				index,
				MultiAddress::Id(senior(i))
			));
		}
	});
	chain.block(|| {
		// The motion was made for the report as filed: attempt 1, 40 members.
		let approve = cb(pallet_community_bounty::Call::approve_milestone {
			index,
			milestone: 0,
			attempt: 1,
			expected_figure: 40,
			cut: None,
		});
		let result = motion(Alice, 3, approve, &[Bob, Charlie], &[]);
		assert_eq!(
			result,
			Some(Err(pallet_community_bounty::Error::<Runtime>::FigureBelowExpected.into())),
			"approved a roster of 0 as 40"
		);
		assert_eq!(Programs::<Runtime>::get(index).unwrap().released, 80_000 * UNITS);
	});
}

#[test]
fn nothing_of_a_cancelled_program_outlives_it() {
	let mut chain = Chain::new();
	let index = active_seed(&mut chain);
	chain.block(|| add_seniors(index, 5));
	chain.block(|| {
		assert_ok!(CommunityBounty::remove_member(
			RuntimeOrigin::signed(lead()),
			index,
			MultiAddress::Id(senior(2))
		));
		let cancel = cb(pallet_community_bounty::Call::cancel_program { index });
		assert_eq!(motion(Alice, 3, cancel, &[Bob, Charlie], &[]), Some(Ok(())));
	});
	chain.block(|| {
		assert!(Programs::<Runtime>::get(index).is_none());
		assert!(!pallet_community_bounty::Cleanups::<Runtime>::contains_key(index));
		assert_eq!(Roster::<Runtime>::iter_prefix(index).count(), 0, "roster outlived the program");
	});
}

#[test]
fn a_program_never_pays_its_own_account() {
	let mut chain = Chain::new();
	let index = active_seed(&mut chain);
	chain.block(|| {
		let own = CommunityBounty::program_account(index);
		use pallet_community_bounty::Error::ReservedAccount;
		let reserved = || ReservedAccount::<Runtime>;
		assert_noop!(
			CommunityBounty::add_member(
				RuntimeOrigin::signed(lead()),
				index,
				MultiAddress::Id(own.clone()),
				Role::SeniorAmbassador,
				bounded("Nowhere"),
				None
			),
			reserved()
		);
		for to in [own, TreasuryAccount::get()] {
			assert_noop!(
				CommunityBounty::award(
					RuntimeOrigin::signed(lead()),
					index,
					1,
					MultiAddress::Id(to),
					100 * USD,
					bounded("to myself")
				),
				reserved()
			);
		}
		assert_eq!(Programs::<Runtime>::get(index).unwrap().paid, 0);
	});
}
