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

//! The roster: members, crews, removals and bars.

use super::*;

// ---------------------------------------------------------------------------------------------
// Roster
// ---------------------------------------------------------------------------------------------

#[test]
fn add_member_records_role_region_and_crew() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			senior(0),
			Role::SeniorAmbassador,
			bytes("Korean"),
			None
		));
		go_to(3);
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			200,
			Role::Ambassador,
			bytes("Korean"),
			Some(senior(0))
		));
		let member = Roster::<Test>::get(index, 200).unwrap();
		assert_eq!(member.role, Role::Ambassador);
		assert_eq!(member.region.to_vec(), b"Korean".to_vec());
		assert_eq!(member.senior, Some(senior(0)));
		assert_eq!(member.joined_at, 3);
		assert_eq!(Roster::<Test>::get(index, senior(0)).unwrap().crew, 1);
		assert_eq!(program(index).roster_count, 2);
		assert_eq!(
			events().last(),
			Some(&Event::MemberAdded {
				index,
				who: 200,
				role: Role::Ambassador,
				region: bytes("Korean"),
				senior: Some(senior(0)),
				roster_count: 2,
			})
		);
	});
}

#[test]
fn add_member_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let proposed = propose(direct_spec());
		let add = |who: AccountId, caller, role, senior: Option<AccountId>, index| {
			CB::add_member(signed(caller), index, who, role, bytes("English"), senior)
		};
		assert_noop!(
			add(1, LEAD, Role::SeniorAmbassador, None, proposed),
			Error::<Test>::NotActive
		);
		let index = active_direct();
		assert_noop!(add(1, LEAD, Role::SeniorAmbassador, None, 77), Error::<Test>::UnknownProgram);
		assert_noop!(add(1, STRANGER, Role::SeniorAmbassador, None, index), Error::<Test>::NotLead);
		assert_noop!(
			CB::add_member(council(), index, 1, Role::SeniorAmbassador, bytes("x"), None),
			Error::<Test>::NotLead
		);
		assert_noop!(
			CB::add_member(
				RuntimeOrigin::root(),
				index,
				1,
				Role::SeniorAmbassador,
				bytes("x"),
				None
			),
			BadOrigin
		);
		assert_noop!(add(1, LEAD, Role::Ambassador, None, index), Error::<Test>::MissingSenior);
		assert_noop!(add(1, LEAD, Role::Ambassador, Some(2), index), Error::<Test>::NotASenior);
		assert_ok!(add(2, LEAD, Role::SeniorAmbassador, None, index));
		assert_noop!(
			add(1, LEAD, Role::SeniorAmbassador, Some(2), index),
			Error::<Test>::UnexpectedSenior
		);
		assert_noop!(
			add(2, LEAD, Role::SeniorAmbassador, None, index),
			Error::<Test>::AlreadyMember
		);
		assert_ok!(add(3, LEAD, Role::Ambassador, Some(2), index));
		// An ambassador cannot lead a crew.
		assert_noop!(add(4, LEAD, Role::Ambassador, Some(3), index), Error::<Test>::NotASenior);
		go_to(CLOSABLE);
		assert_noop!(
			add(5, LEAD, Role::SeniorAmbassador, None, index),
			Error::<Test>::ProgramExpired
		);
	});
}

#[test]
fn roster_is_bounded() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		let max = <<Test as Config>::MaxRoster as Get<u32>>::get();
		let crew = <<Test as Config>::MaxCrew as Get<u32>>::get();
		// 8 seniors with full crews of 7 (56 ambassadors): 64 members.
		let seniors = max / crew;
		fill_roster(index, seniors, max - seniors);
		assert_eq!(program(index).roster_count, max);
		assert_noop!(
			CB::add_member(signed(LEAD), index, 9_999, Role::SeniorAmbassador, bytes("x"), None),
			Error::<Test>::RosterFull
		);
		// A crew is bounded too: free a slot (in another crew) and fill senior 0's crew.
		let add_crew = |who| {
			CB::add_member(signed(LEAD), index, who, Role::Ambassador, bytes("x"), Some(senior(0)))
		};
		assert_ok!(CB::remove_member(signed(LEAD), index, 201));
		assert_ok!(add_crew(9_999));
		assert_eq!(Crews::<Test>::get(index, senior(0)).len() as u32, crew);
		assert_ok!(CB::remove_member(signed(LEAD), index, 202));
		assert_noop!(add_crew(9_998), Error::<Test>::CrewFull);
	});
}

#[test]
fn remove_member_by_lead_or_council() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 2, 2);
		events();
		assert_noop!(CB::remove_member(signed(STRANGER), index, 200), Error::<Test>::NotLead);
		assert_noop!(CB::remove_member(majority(), index, 200), Error::<Test>::NotLead);
		assert_noop!(CB::remove_member(RuntimeOrigin::none(), index, 200), BadOrigin);
		assert_noop!(CB::remove_member(signed(LEAD), index, 999), Error::<Test>::NotMember);
		assert_noop!(CB::remove_member(council(), 42, 200), Error::<Test>::UnknownProgram);

		assert_ok!(CB::remove_member(signed(LEAD), index, 200));
		assert_eq!(Roster::<Test>::get(index, senior(0)).unwrap().crew, 0);
		assert_ok!(CB::remove_member(council(), index, senior(0)));
		assert_eq!(program(index).roster_count, 2);
		assert!(Roster::<Test>::get(index, senior(0)).is_none());
		assert_eq!(
			events(),
			vec![
				Event::MemberRemoved {
					index,
					who: 200,
					by_council: false,
					barred: false,
					roster_count: 3
				},
				Event::MemberRemoved {
					index,
					who: senior(0),
					by_council: true,
					barred: true,
					roster_count: 2
				},
			]
		);
		// The council may still remove after the end block; the lead may not.
		go_to(CLOSABLE);
		assert_noop!(CB::remove_member(signed(LEAD), index, 201), Error::<Test>::ProgramExpired);
		assert_ok!(CB::remove_member(RuntimeOrigin::root(), index, 201));
		let proposed = propose(direct_spec());
		assert_noop!(CB::remove_member(council(), proposed, 201), Error::<Test>::NotActive);
	});
}
