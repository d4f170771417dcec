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

//! The seed's monthly round on the demo runtime, block by block with storage committed between
//! blocks: members file their own reports, the lead scores, anyone settles by the scored pool's
//! rule, and milestone 1 is decided by a council motion on the active members it counted.

mod common;
use common::*;
use community_bounty_runtime::{FilingGrace, PayoutPeriod, DAYS};
use pallet_community_bounty::{Error, Event, Rounds};

#[test]
fn the_seeds_monthly_round_pays_by_score_and_counts_the_active_members() {
	let mut chain = Chain::new();
	let approved_at = active(&mut chain, seed_spec());
	// 6 seniors with crews of 3 or 4 (the seed's minimum is 2); senior 5 leads only one.
	chain.block(|| {
		for s in 0..6 {
			assert_ok!(CommunityBounty::add_member(
				RuntimeOrigin::signed(lead()),
				0,
				MultiAddress::Id(senior(s)),
				Role::SeniorAmbassador,
				bounded("English"),
				None
			));
		}
		for a in 0..16 {
			assert_ok!(CommunityBounty::add_member(
				RuntimeOrigin::signed(lead()),
				0,
				MultiAddress::Id(ambassador(a)),
				Role::Ambassador,
				bounded("Chinese"),
				Some(MultiAddress::Id(senior(if a == 15 { 5 } else { a % 5 })))
			));
		}
	});
	let members: Vec<AccountId> = (0..6).map(senior).chain((0..16).map(ambassador)).collect();

	// Day 25 of month 1: every member but the last files its own report for period 0.
	let day = |d: u32| Some(approved_at + d * DAYS);
	chain.block_at(day(25), || {
		for who in &members[..members.len() - 1] {
			assert_ok!(CommunityBounty::file_report(
				RuntimeOrigin::signed(who.clone()),
				0,
				0,
				bounded("https://github.com/Phala-Network/growth-program/issues/1"),
				Some(80)
			));
		}
		// The lead never files in its own program.
		assert_noop!(
			CommunityBounty::file_report(RuntimeOrigin::signed(lead()), 0, 0, bounded("me"), None),
			Error::<Runtime>::LeadCannotFile
		);
	});
	// After the 5th of month 2: the last report is late; the lead scores and finalizes.
	let filing_over = approved_at + PayoutPeriod::get() + FilingGrace::get();
	chain.block_at(Some(filing_over), || {
		assert_noop!(
			CommunityBounty::file_report(
				RuntimeOrigin::signed(members[members.len() - 1].clone()),
				0,
				0,
				bounded("late"),
				None
			),
			Error::<Runtime>::FilingClosed
		);
		// Seniors 0..3 score 100, 80, 60, 60; senior 4 scores 35 (under 40%: nothing);
		// senior 5 scores 90 but leads a crew of 1; every ambassador scores 50.
		let mut scores: Vec<(AccountId, u8)> = [100u8, 80, 60, 60, 35, 90]
			.into_iter()
			.enumerate()
			.map(|(s, score)| (senior(s as u32), score))
			.collect();
		scores.extend(members[6..members.len() - 1].iter().map(|a| (a.clone(), 50)));
		assert_ok!(CommunityBounty::score_round(
			RuntimeOrigin::signed(lead()),
			0,
			0,
			scores.try_into().unwrap()
		));
		assert_ok!(CommunityBounty::finalize_round(RuntimeOrigin::signed(lead()), 0, 0));
		assert!(cb_events().contains(&Event::RoundFinalized { index: 0, period: 0, active: 20 }));
	});
	// Once the appeal and veto windows are over, the council confirms its rate, and anyone
	// settles, page by page.
	past_the_checks(&mut chain, 0, 0);
	chain.block(confirm_rate);
	let program = CommunityBounty::program_account(0);
	let before: Vec<Balance> = chain.block(|| (0..6).map(|s| free(&senior(s))).collect());
	let program_before = chain.block(|| free(&program));
	let mut paid = Vec::new();
	while chain.block(|| Rounds::<Runtime>::contains_key(0, 0)) {
		chain.block(|| {
			assert_ok!(CommunityBounty::settle_round(RuntimeOrigin::signed(id(Eve)), 0, 0));
			paid.extend(cb_events().into_iter().filter_map(|e| match e {
				Event::Awarded { beneficiary, amount, native, .. } => {
					Some((beneficiary, amount, native))
				},
				_ => None,
			}));
		});
	}
	// $2,000 shared 100 : 80 : 60 : 60 at 2.5 PHA per USD.
	let share = |score: u128| 2_000 * USD * score / 300;
	let expected: Vec<_> = [100u128, 80, 60, 60]
		.into_iter()
		.enumerate()
		.map(|(s, score)| (senior(s as u32), share(score), share(score) * 5 / 2))
		.collect();
	assert_eq!(paid, expected);
	chain.block(|| {
		for (s, (who, _, native)) in expected.iter().enumerate() {
			assert_eq!(free(who), before[s] + native);
		}
		assert_eq!(free(&senior(4)), before[4]);
		assert_eq!(free(&senior(5)), before[5]);
		let total: Balance = expected.iter().map(|(_, _, n)| n).sum();
		assert_eq!(free(&program), program_before - total);
		let view = api_program(0).unwrap();
		assert_eq!((view.paid, view.committed, view.open_rounds), (total, 0, 0));
		assert_eq!(view.active_members, 20);
	});

	// Milestone 1 counts the members active in the last final round: the lead's claim of 32
	// is kept beside it, and the council's motion names the figure it saw.
	chain.block(|| {
		assert_ok!(CommunityBounty::report_milestone(
			RuntimeOrigin::signed(lead()),
			0,
			0,
			32,
			bounded("ms1")
		));
		let report = pallet_community_bounty::Reports::<Runtime>::get(0, 0).unwrap();
		assert_eq!((report.claimed, report.figure), (32, 20));
	});
	chain.block(|| {
		let approve = |expected_figure| {
			cb(pallet_community_bounty::Call::approve_milestone {
				index: 0,
				milestone: 0,
				attempt: 1,
				expected_figure,
				cut: Some(6_000 * UNITS),
			})
		};
		assert_eq!(
			motion(Alice, 3, approve(32), &[Bob, Charlie], &[]),
			Some(Err(Error::<Runtime>::FigureBelowExpected.into()))
		);
		assert_eq!(motion(Alice, 3, approve(20), &[Bob, Charlie], &[]), Some(Ok(())));
		assert!(cb_events().iter().any(|e| matches!(
			e,
			Event::MilestoneApproved { figure: 20, target: 40, below_target: true, .. }
		)));
	});
}

#[test]
fn a_promoted_ambassador_is_paid_as_a_senior_and_max_seniors_holds() {
	let mut chain = Chain::new();
	active(&mut chain, seed_spec());
	chain.block(|| {
		for s in 0..10 {
			assert_ok!(CommunityBounty::add_member(
				RuntimeOrigin::signed(lead()),
				0,
				MultiAddress::Id(senior(s)),
				Role::SeniorAmbassador,
				bounded("English"),
				None
			));
		}
		// The seed's cap: 10 seniors.
		assert_noop!(
			CommunityBounty::add_member(
				RuntimeOrigin::signed(lead()),
				0,
				MultiAddress::Id(senior(10)),
				Role::SeniorAmbassador,
				bounded("English"),
				None
			),
			Error::<Runtime>::TooManySeniors
		);
		assert_ok!(CommunityBounty::add_member(
			RuntimeOrigin::signed(lead()),
			0,
			MultiAddress::Id(ambassador(0)),
			Role::Ambassador,
			bounded("Korean"),
			Some(MultiAddress::Id(senior(0)))
		));
		assert_noop!(
			CommunityBounty::promote_member(
				RuntimeOrigin::signed(lead()),
				0,
				MultiAddress::Id(ambassador(0))
			),
			Error::<Runtime>::TooManySeniors
		);
	});
	chain.block(|| {
		assert_ok!(CommunityBounty::remove_member(
			RuntimeOrigin::signed(lead()),
			0,
			MultiAddress::Id(senior(9))
		));
		assert_ok!(CommunityBounty::promote_member(
			RuntimeOrigin::signed(lead()),
			0,
			MultiAddress::Id(ambassador(0))
		));
		let member = pallet_community_bounty::Roster::<Runtime>::get(0, ambassador(0)).unwrap();
		assert_eq!((member.role, member.senior), (Role::SeniorAmbassador, None));
		assert_eq!(api_program(0).unwrap().seniors, 10);
	});
}
