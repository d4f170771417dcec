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

//! The monthly round's rules against a hostile lead and a crowd of strangers, on the demo
//! runtime with storage committed between blocks: a metric padded with accounts that leave, a
//! round flooded with claims, a round the program can afford, a crew moved between two
//! settlement calls, and the last round closed away.

mod common;
use common::*;
use frame_support::traits::{fungible::Mutate, tokens::Preservation};
use pallet_community_bounty::{Error, Event, Payout, Programs, Split, MAX_SCORE};

#[test]
fn a_council_motion_approves_only_active_members_still_on_the_roster() {
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, seed_spec());
	// Three real seniors, and 40 accounts the lead controls, enrolled in their crews.
	let seniors: Vec<_> = (0..3).map(senior).collect();
	let controlled: Vec<_> = (0..40).map(ambassador).collect();
	chain.block(|| {
		seniors.iter().for_each(|s| add(s, None));
		for (i, a) in controlled.iter().enumerate() {
			add(a, Some(&seniors[i % 3]));
		}
	});
	chain.block(|| {
		for who in seniors.iter().chain(&controlled) {
			assert_ok!(file(who, 0));
		}
	});
	let (filing_over, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing_over), || {
		let all: Vec<_> = seniors.iter().chain(&controlled).cloned().collect();
		score(&all, 0, MAX_SCORE);
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
		assert_ok!(CommunityBounty::report_milestone(signed(&lead()), 0, 0, 43, bounded("43")));
		assert_eq!(pallet_community_bounty::Reports::<Runtime>::get(0, 0).unwrap().figure, 43);
	});
	// While the motion runs, the lead removes the 40 accounts again.
	chain.block(|| {
		for a in &controlled {
			assert_ok!(CommunityBounty::remove_member(
				signed(&lead()),
				0,
				MultiAddress::Id(a.clone())
			));
		}
	});
	chain.block(|| {
		let approve = |expected_figure| {
			cb(pallet_community_bounty::Call::approve_milestone {
				index: 0,
				milestone: 0,
				attempt: 1,
				expected_figure,
				cut: None,
			})
		};
		assert_eq!(
			motion(Alice, 3, approve(43), &[Bob, Charlie], &[]),
			Some(Err(Error::<Runtime>::FigureBelowExpected.into())),
			"the council approved 43 active members with a roster of 3"
		);
		assert_eq!(api_program(0).unwrap().active_members, 3);
		assert_eq!(motion(Alice, 3, approve(3), &[Bob, Charlie], &[]), Some(Ok(())));
		assert!(cb_events()
			.iter()
			.any(|e| matches!(e, Event::MilestoneApproved { figure: 3, below_target: true, .. })));
	});
}

#[test]
fn a_flood_of_claims_never_keeps_a_member_from_reporting() {
	let mut chain = Chain::new();
	let mut spec = seed_spec();
	spec.pools[1].payout = Payout::Scored { threshold: 40, split: Split::Linear };
	active(&mut chain, spec);
	let max_entries =
		<<Runtime as pallet_community_bounty::Config>::MaxEntriesPerRound as Get<u32>>::get();
	let senior0 = senior(0);
	chain.block(|| {
		add(&senior0, None);
		for i in 0..max_entries {
			assert_ok!(<Balances as Mutate<_>>::transfer(
				&id(Alice),
				&stranger(i),
				10 * UNITS,
				Preservation::Preserve
			));
		}
	});
	// At the start of the month the strangers file claims until the chain refuses them.
	let accepted = chain.block(|| {
		let mut accepted = 0;
		for i in 0..max_entries {
			let claim = CommunityBounty::file_claim(signed(&stranger(i)), 0, 0, 1, bounded("x"))
				.map(|_| ())
				.map_err(|e| e.error);
			if claim.is_err() {
				assert_eq!(claim, Err(Error::<Runtime>::NoRoomForClaims.into()));
				break;
			}
			accepted += 1;
		}
		accepted
	});
	let max_roster = <<Runtime as pallet_community_bounty::Config>::MaxRoster as Get<u32>>::get();
	assert_eq!(accepted, max_entries - max_roster);
	chain.block(|| {
		assert_ok!(file(&senior0, 0));
	});
}

#[test]
fn a_round_the_program_can_afford_settles() {
	let mut chain = Chain::new();
	let mut spec = seed_spec();
	// $2,000 shared by score, at most $500 each; 3,000 PHA released.
	spec.pools[0].member_cap = Some(500 * USD);
	spec.milestones[0].tranche = 3_000 * UNITS;
	spec.budget = spec.milestones.iter().map(|m| m.tranche).sum();
	let approved_at = active(&mut chain, spec);
	let seniors: Vec<_> = (0..2).map(senior).collect();
	chain.block(|| {
		for (s, senior) in seniors.iter().enumerate() {
			add(senior, None);
			for a in 0..2 {
				add(&ambassador(2 * s as u32 + a), Some(senior));
			}
		}
		for s in &seniors {
			assert_ok!(file(s, 0));
		}
	});
	let (_, settleable) = deadlines(approved_at, 0);
	chain.block_at(Some(settleable - 1), || score(&seniors, 0, MAX_SCORE));
	chain.block_at(Some(settleable), confirm_rate);
	let paid = settle_all(&mut chain, 0);
	// $500 = 1,250 PHA each at 2.5 PHA/USD.
	let each = 500 * USD * 5 / 2;
	assert_eq!(paid, vec![(seniors[0].clone(), each), (seniors[1].clone(), each)]);
	chain.block(|| assert_eq!(Programs::<Runtime>::get(0).unwrap().committed, 0));
}

#[test]
fn a_crew_moved_between_two_settlement_calls_changes_no_payment() {
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, seed_spec());
	let page = <<Runtime as pallet_community_bounty::Config>::RoundPageSize as Get<u32>>::get();
	// Senior 0 leads two ambassadors; seniors 1 and 2 lead crews that fill page 0; senior 3
	// (page 1) leads one.
	let (paid_senior, unpaid_senior) = (senior(0), senior(3));
	let mut page0 = vec![paid_senior.clone()];
	chain.block(|| {
		for s in 0..4 {
			add(&senior(s), None);
		}
		for a in 0..2 {
			add(&ambassador(a), Some(&paid_senior));
			page0.push(ambassador(a));
		}
		for a in 2..page + 1 {
			add(&ambassador(a), Some(&senior(1 + a % 2)));
			if page0.len() < page as usize {
				page0.push(ambassador(a));
			}
		}
		add(&ambassador(page + 1), Some(&unpaid_senior));
		for who in page0.iter().chain([&unpaid_senior]) {
			assert_ok!(file(who, 0));
		}
	});
	let (_, settleable) = deadlines(approved_at, 0);
	chain.block_at(Some(settleable - 1), || {
		score(&[paid_senior.clone(), unpaid_senior.clone()], 0, MAX_SCORE);
	});
	let settles = chain.block(|| settles_from(0, 0));
	chain.block_at(Some(settles), || {
		confirm_rate();
		assert_ok!(CommunityBounty::settle_round(signed(&id(Eve)), 0, 0));
	});
	// The lead moves senior 0's crew under senior 3.
	chain.block(|| {
		for a in 0..2 {
			assert_ok!(CommunityBounty::remove_member(
				signed(&lead()),
				0,
				MultiAddress::Id(ambassador(a))
			));
			add(&ambassador(a), Some(&unpaid_senior));
		}
	});
	let paid = settle_all(&mut chain, 0);
	let payees: Vec<_> = paid.into_iter().map(|(who, _)| who).collect();
	assert_eq!(payees, vec![paid_senior], "a senior with a crew of one was paid");
}

#[test]
fn the_last_round_gets_a_window_before_anyone_can_close_the_program() {
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, seed_spec());
	let schedule = chain.block(|| Programs::<Runtime>::get(0).and_then(|p| p.schedule()));
	let schedule = schedule.expect("program 0 is active");
	assert_eq!(schedule.approved_at, approved_at);
	let (ends_at, last) = (schedule.ends_at, schedule.last_period());
	let captain = senior(0);
	chain.block_at(Some(schedule.period_start(last)), || {
		add(&captain, None);
		add(&ambassador(0), Some(&captain));
		add(&ambassador(1), Some(&captain));
		assert_ok!(file(&captain, last));
		score(&[captain.clone()], last, MAX_SCORE);
	});
	// The lead never finalizes: at the scoring deadline the round is final and the program long
	// ended; nobody may close it yet.
	let (_, settleable) = deadlines(approved_at, last);
	assert!(settleable > ends_at);
	chain.block_at(Some(settleable), || {
		assert_noop!(
			CommunityBounty::close_program(signed(&id(Eve)), 0),
			Error::<Runtime>::RoundsOpen
		);
		confirm_rate();
	});
	let paid = settle_all(&mut chain, last);
	assert_eq!(paid.len(), 1);
	chain.block(|| {
		assert_ok!(CommunityBounty::close_program(signed(&id(Eve)), 0));
	});
}
