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

//! Integration tests on the real demo runtime: real `pallet-balances`, `pallet-treasury`,
//! `pallet-collective` and `pallet-asset-rate`, genesis from the `development` preset, and every
//! council decision taken by a `Council` motion (propose, vote, close).

mod common;
use common::*;

#[test]
fn genesis_presets_seat_the_council_fund_the_treasury_and_set_the_rate() {
	new_ext().execute_with(|| {
		let mut council = vec![id(Alice), id(Bob), id(Charlie), id(Dave), id(Eve)];
		council.sort();
		assert_eq!(
			pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(),
			council
		);
		assert_eq!(free(&TreasuryAccount::get()), TREASURY_FUNDS);
		assert_eq!(free(&id(Ferdie)), ENDOWMENT);
		assert_eq!(
			pallet_asset_rate::ConversionRateToNative::<Runtime>::get(USD_ASSET),
			Some(FixedU128::from_rational(5, 2))
		);
	});
	assert!(preset_storage(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).is_ok());
	assert!(preset_storage("no-such-preset").is_err());
}

/// Proposal #14 as first proposed (a roster count for milestone 1, the lead's own awards from
/// the senior pool: `tests/round.rs` runs the monthly round of today's seed) through council
/// motions, with balances and events checked at each step.
#[test]
fn seed_flow_through_council_motions() {
	new_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		let treasury = TreasuryAccount::get();
		let program = CommunityBounty::program_account(0);
		let lead = id(Ferdie);
		let lead0 = free(&lead);

		assert_ok!(CommunityBounty::propose_program(
			RuntimeOrigin::signed(lead.clone()),
			Box::new(direct_spec())
		));
		let bond = pallet_community_bounty::Programs::<Runtime>::get(0).unwrap().bond;
		assert_eq!(free(&lead), lead0 - bond);
		// The runtime API, as a wallet would call it.
		assert_eq!(api_program_count(), 1);
		let view = api_program(0).expect("program 0 exists");
		assert_eq!(
			(view.status, view.budget, view.bond),
			(ProgramStateView::Proposed, 100_000 * UNITS, bond)
		);

		// 3 of 5: Alice proposes (her aye counts), Bob and Charlie vote aye, Dave nay.
		let result = motion(
			Alice,
			3,
			cb(pallet_community_bounty::Call::approve_program { index: 0 }),
			&[Bob, Charlie],
			&[Dave],
		);
		assert_eq!(result, Some(Ok(())));
		assert!(council_events()
			.iter()
			.any(|e| matches!(e, pallet_collective::Event::Closed { yes: 3, no: 1, .. })));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::CommunityBounty(pallet_community_bounty::Event::ProgramApproved {
				index: 0,
				..
			})
		)));
		assert_eq!(free(&lead), lead0);
		assert_eq!(free(&treasury), TREASURY_FUNDS - 80_000 * UNITS);
		assert_eq!(free(&program), 80_000 * UNITS);

		// The roster: 6 seniors, 22 ambassadors.
		for s in 0..6 {
			assert_ok!(CommunityBounty::add_member(
				RuntimeOrigin::signed(lead.clone()),
				0,
				MultiAddress::Id(senior(s)),
				Role::SeniorAmbassador,
				bounded("English"),
				None
			));
		}
		for a in 0..22 {
			assert_ok!(CommunityBounty::add_member(
				RuntimeOrigin::signed(lead.clone()),
				0,
				MultiAddress::Id(ambassador(a)),
				Role::Ambassador,
				bounded("Chinese"),
				Some(MultiAddress::Id(senior(a % 6)))
			));
		}

		// A month of awards at 2.5 PHA per USD, then at the council's new rate.
		let awards: Vec<_> = (0..6)
			.map(|s| Award {
				pool: 0,
				beneficiary: senior(s),
				amount: 300 * USD,
				reason: bounded("month 1"),
			})
			.collect();
		assert_ok!(CommunityBounty::award_batch(
			RuntimeOrigin::signed(lead.clone()),
			0,
			awards.try_into().unwrap()
		));
		assert_eq!(free(&senior(0)), 750 * UNITS);
		set_rate(FixedU128::from_u32(3));
		assert_eq!(
			<AssetRate as ConversionFromAssetBalance<_, _, _>>::from_asset_balance(
				200 * USD,
				USD_ASSET
			)
			.ok(),
			Some(600 * UNITS)
		);
		assert_ok!(CommunityBounty::award(
			RuntimeOrigin::signed(lead.clone()),
			0,
			0,
			MultiAddress::Id(senior(0)),
			200 * USD,
			bounded("month 1, late")
		));
		assert_eq!(free(&senior(0)), 750 * UNITS + 600 * UNITS);
		let view = api_program(0).expect("program 0 exists");
		assert_eq!((view.pools[0].remaining, view.pools[0].remaining_paid), (0, Some(0)));
		assert_eq!(view.pools[1].remaining_paid, Some(2_000 * 3 * UNITS));
		assert_eq!(view.roster_count, 28);
		// The senior pool is now exhausted for the month.
		assert_noop!(
			CommunityBounty::award(
				RuntimeOrigin::signed(lead.clone()),
				0,
				0,
				MultiAddress::Id(senior(1)),
				1,
				bounded("over")
			),
			pallet_community_bounty::Error::<Runtime>::PoolCapExceeded
		);
		let paid = 6 * 750 * UNITS + 600 * UNITS;

		// Milestone 1: the lead claims 40, the chain counts 28; approved with a 6,000 PHA cut.
		assert_ok!(CommunityBounty::report_milestone(
			RuntimeOrigin::signed(lead.clone()),
			0,
			0,
			40,
			bounded("ms1")
		));
		assert_eq!(pallet_community_bounty::Reports::<Runtime>::get(0, 0).unwrap().figure, 28);
		assert_eq!(
			motion(
				Alice,
				3,
				// The motion names the report it decides and the figure it saw.
				cb(pallet_community_bounty::Call::approve_milestone {
					index: 0,
					milestone: 0,
					attempt: 1,
					expected_figure: 28,
					cut: Some(6_000 * UNITS)
				}),
				&[Bob, Charlie],
				&[]
			),
			Some(Ok(()))
		);
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::CommunityBounty(pallet_community_bounty::Event::MilestoneApproved {
				figure: 28,
				target: 40,
				below_target: true,
				..
			})
		)));
		assert_eq!(free(&treasury), TREASURY_FUNDS - 94_000 * UNITS);
		assert_eq!(free(&program), 94_000 * UNITS - paid);

		// Milestone 2: rejected by a simple majority, reported again, approved.
		assert_ok!(CommunityBounty::report_milestone(
			RuntimeOrigin::signed(lead.clone()),
			0,
			1,
			45_500,
			bounded("ms2")
		));
		assert_eq!(
			motion(
				Bob,
				3,
				cb(pallet_community_bounty::Call::reject_milestone {
					index: 0,
					milestone: 1,
					attempt: 1
				}),
				&[Charlie, Dave],
				&[Alice]
			),
			Some(Ok(()))
		);
		assert_eq!(
			pallet_community_bounty::Reports::<Runtime>::get(0, 1).map(|r| r.status),
			Some(pallet_community_bounty::ReportStatus::Rejected)
		);
		assert_ok!(CommunityBounty::report_milestone(
			RuntimeOrigin::signed(lead.clone()),
			0,
			1,
			45_500,
			bounded("ms2, exports")
		));
		assert_eq!(
			motion(
				Alice,
				3,
				cb(pallet_community_bounty::Call::approve_milestone {
					index: 0,
					milestone: 1,
					attempt: 2,
					expected_figure: 45_500,
					cut: None
				}),
				&[Bob, Eve],
				&[]
			),
			Some(Ok(()))
		);

		// Closed by the lead: everything unspent goes back.
		assert_ok!(CommunityBounty::close_program(RuntimeOrigin::signed(lead.clone()), 0));
		assert_eq!(free(&program), 0);
		assert_eq!(free(&treasury), TREASURY_FUNDS - paid);
		assert_eq!(Balances::total_issuance(), issuance);
		assert!(pallet_community_bounty::Programs::<Runtime>::get(0).is_none());
		check_try_state();
	});
}

#[test]
fn a_motion_short_of_three_fifths_cannot_approve() {
	new_ext().execute_with(|| {
		assert_ok!(CommunityBounty::propose_program(
			RuntimeOrigin::signed(id(Ferdie)),
			Box::new(seed_spec())
		));
		// A motion with threshold 2 passes the council with 2 ayes, but 2/5 is not our origin.
		let result = motion(
			Alice,
			2,
			cb(pallet_community_bounty::Call::approve_program { index: 0 }),
			&[Bob],
			&[],
		);
		assert_eq!(result, Some(Err(DispatchError::BadOrigin)));
		assert_eq!(
			pallet_community_bounty::Programs::<Runtime>::get(0).unwrap().status,
			ProgramStatus::Proposed
		);
		assert_eq!(free(&TreasuryAccount::get()), TREASURY_FUNDS);

		// A simple majority may reject: the bond goes to the treasury.
		let bond = pallet_community_bounty::Programs::<Runtime>::get(0).unwrap().bond;
		let result = motion(
			Alice,
			3,
			cb(pallet_community_bounty::Call::reject_program { index: 0 }),
			&[Bob, Charlie],
			&[],
		);
		assert_eq!(result, Some(Ok(())));
		assert!(pallet_community_bounty::Programs::<Runtime>::get(0).is_none());
		assert_eq!(free(&TreasuryAccount::get()), TREASURY_FUNDS + bond);
	});
}

#[test]
fn a_non_member_cannot_move_a_motion_and_a_signed_call_is_not_the_council() {
	new_ext().execute_with(|| {
		assert_ok!(CommunityBounty::propose_program(
			RuntimeOrigin::signed(id(Ferdie)),
			Box::new(seed_spec())
		));
		let call = cb(pallet_community_bounty::Call::approve_program { index: 0 });
		let length_bound = codec::Encode::encoded_size(&call) as u32;
		assert_noop!(
			Council::propose(
				RuntimeOrigin::signed(id(Ferdie)),
				3,
				Box::new(call.clone()),
				length_bound
			),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
		);
		// A council member acting alone is just a signed account.
		assert_noop!(
			call.dispatch(RuntimeOrigin::signed(id(Alice))).map_err(|e| e.error),
			DispatchError::BadOrigin
		);
	});
}
