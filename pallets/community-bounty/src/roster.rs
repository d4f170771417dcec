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

//! The roster: Senior Ambassadors and their crews.
//!
//! The lead adds and removes members; the council may remove too, and a member the council
//! removed is barred: the lead cannot add it back until the council lifts the bar (a council
//! removal of an account the lead removed meanwhile bars it all the same). Removing a
//! senior removes its crew (listed in [`Crews`], at most [`Config::MaxCrew`]), so a crew can
//! never keep a senior on the roster. The lead, the program's own account and the treasury are
//! never members: a program never pays itself, and the lead is paid only from a `Lead` pool.

use crate::{pallet::*, *};
use sp_runtime::traits::BlockNumberProvider;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_member(
		index: ProgramIndex,
		caller: &T::AccountId,
		who: T::AccountId,
		role: Role,
		region: TagOf<T>,
		senior: Option<T::AccountId>,
	) -> DispatchResult {
		let mut program = Self::lead_program(index, caller)?;
		ensure!(!Self::is_reserved(index, &who), Error::<T>::ReservedAccount);
		ensure!(who != program.lead, Error::<T>::LeadCannotBeMember);
		ensure!(!Self::is_reviewer(index, &who), Error::<T>::ReviewerCannotJoin);
		ensure!(!Barred::<T>::contains_key(index, &who), Error::<T>::MemberBarred);
		ensure!(program.roster_count < T::MaxRoster::get(), Error::<T>::RosterFull);
		ensure!(!Roster::<T>::contains_key(index, &who), Error::<T>::AlreadyMember);
		if role == Role::SeniorAmbassador {
			ensure!(
				program.max_seniors.is_none_or(|max| program.seniors < max),
				Error::<T>::TooManySeniors
			);
			program.seniors = program.seniors.saturating_add(1);
		}
		match (role, &senior) {
			(Role::SeniorAmbassador, Some(_)) => Err(Error::<T>::UnexpectedSenior)?,
			(Role::Ambassador, None) => Err(Error::<T>::MissingSenior)?,
			(Role::Ambassador, Some(senior)) => {
				let mut captain = Roster::<T>::get(index, senior).ok_or(Error::<T>::NotASenior)?;
				ensure!(captain.role == Role::SeniorAmbassador, Error::<T>::NotASenior);
				let mut crew = Crews::<T>::get(index, senior);
				crew.try_push(who.clone()).map_err(|_| Error::<T>::CrewFull)?;
				captain.crew = crew.len() as u32;
				Crews::<T>::insert(index, senior, crew);
				Roster::<T>::insert(index, senior, captain);
			},
			(Role::SeniorAmbassador, None) => {},
		}

		program.roster_count = program.roster_count.saturating_add(1);
		let member = RosterMember {
			role,
			region: region.clone(),
			senior: senior.clone(),
			crew: 0,
			joined_at: T::BlockNumberProvider::current_block_number(),
		};
		Roster::<T>::insert(index, &who, member);
		let roster_count = program.roster_count;
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::MemberAdded { index, who, role, region, senior, roster_count });
		Ok(())
	}

	/// Removes `who` (and, for a senior, its crew) by the lead (`Some(lead)`) or the council
	/// (`None`, which bars `who`). Returns the weight it used: a senior's grows with the crew
	/// removed with it, an ambassador's takes it out of its senior's crew.
	pub(crate) fn do_remove_member(
		index: ProgramIndex,
		maybe_lead: Option<T::AccountId>,
		who: T::AccountId,
	) -> Result<Weight, DispatchError> {
		let by_council = maybe_lead.is_none();
		let mut program = match &maybe_lead {
			Some(caller) => Self::lead_program(index, caller)?,
			None => {
				let program = Self::program(index)?;
				Self::ensure_active(&program)?;
				program
			},
		};
		let member = Roster::<T>::get(index, &who);
		// The council's removal of an account that already left (the lead removed it while the
		// motion ran) still bars it: a council removal sticks.
		ensure!(
			member.is_some() || (by_council && !Barred::<T>::contains_key(index, &who)),
			Error::<T>::NotMember
		);
		let weight = match member {
			// An ambassador's removal also updates its senior's crew and roster entry.
			Some(member) if member.senior.is_some() => {
				Self::take_off_roster(index, &mut program, &who, member, by_council);
				T::WeightInfo::remove_member_ambassador()
			},
			Some(member) => {
				let crew = Self::take_off_roster(index, &mut program, &who, member, by_council);
				T::WeightInfo::remove_member(crew)
			},
			None => T::WeightInfo::remove_member(0),
		};
		if by_council {
			Barred::<T>::insert(index, &who, ());
			program.barred = program.barred.saturating_add(1);
		}
		let roster_count = program.roster_count;
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::MemberRemoved {
			index,
			who,
			by_council,
			barred: by_council,
			roster_count,
		});
		Ok(weight)
	}

	/// Takes `who`, whom the council names lead, off the roster as a council removal would (a
	/// senior with its crew), without a bar: the lead is never on its own roster. Returns the
	/// size of the crew that left with it.
	pub(crate) fn leave_roster_to_lead(
		index: ProgramIndex,
		program: &mut Program<T>,
		who: &T::AccountId,
	) -> u32 {
		let Some(member) = Roster::<T>::get(index, who) else { return 0 };
		let crew = Self::take_off_roster(index, program, who, member, true);
		Self::deposit_event(Event::MemberRemoved {
			index,
			who: who.clone(),
			by_council: true,
			barred: false,
			roster_count: program.roster_count,
		});
		crew
	}

	/// Removes `who` from the roster with its crew (if a senior) or from its senior's crew (if
	/// an ambassador), updating `program`'s count; emits `MemberRemoved` for each crew member.
	/// Returns the size of the crew removed.
	fn take_off_roster(
		index: ProgramIndex,
		program: &mut Program<T>,
		who: &T::AccountId,
		member: RosterMember<T>,
		by_council: bool,
	) -> u32 {
		let crew = Crews::<T>::take(index, who);
		for ambassador in crew.iter() {
			Roster::<T>::remove(index, ambassador);
			program.roster_count = program.roster_count.saturating_sub(1);
			Self::deposit_event(Event::MemberRemoved {
				index,
				who: ambassador.clone(),
				by_council,
				barred: false,
				roster_count: program.roster_count,
			});
		}
		if let Some(senior) = &member.senior {
			Self::leave_crew(index, senior, who);
		}
		Roster::<T>::remove(index, who);
		program.roster_count = program.roster_count.saturating_sub(1);
		if member.role == Role::SeniorAmbassador {
			program.seniors = program.seniors.saturating_sub(1);
		}
		crew.len() as u32
	}

	/// Promotes the ambassador `who` to Senior Ambassador, within `max_seniors`: it leaves its
	/// senior's crew and leads a crew of its own. Its reports and spending records are keyed by
	/// account, so they stay as they are.
	pub(crate) fn do_promote_member(
		index: ProgramIndex,
		caller: &T::AccountId,
		who: T::AccountId,
	) -> DispatchResult {
		let mut program = Self::lead_program(index, caller)?;
		let mut member = Roster::<T>::get(index, &who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.role == Role::Ambassador, Error::<T>::NotAnAmbassador);
		ensure!(
			program.max_seniors.is_none_or(|max| program.seniors < max),
			Error::<T>::TooManySeniors
		);
		if let Some(senior) = member.senior.take() {
			Self::leave_crew(index, &senior, &who);
		}
		member.role = Role::SeniorAmbassador;
		member.crew = 0;
		Roster::<T>::insert(index, &who, member);
		program.seniors = program.seniors.saturating_add(1);
		let seniors = program.seniors;
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::MemberPromoted { index, who, seniors });
		Ok(())
	}

	/// Takes `who` out of the crew of `senior`, and the crew count of the senior down by one.
	fn leave_crew(index: ProgramIndex, senior: &T::AccountId, who: &T::AccountId) {
		Crews::<T>::mutate_exists(index, senior, |maybe_crew| {
			if let Some(crew) = maybe_crew {
				crew.retain(|a| a != who);
				if crew.is_empty() {
					*maybe_crew = None;
				}
			}
		});
		Roster::<T>::mutate(index, senior, |captain| {
			if let Some(captain) = captain {
				captain.crew = captain.crew.saturating_sub(1);
			}
		});
	}

	pub(crate) fn do_unbar_member(index: ProgramIndex, who: T::AccountId) -> DispatchResult {
		let mut program = Self::program(index)?;
		Self::ensure_active(&program)?;
		ensure!(Barred::<T>::take(index, &who).is_some(), Error::<T>::NotBarred);
		program.barred = program.barred.saturating_sub(1);
		Programs::<T>::insert(index, program);
		Self::deposit_event(Event::MemberUnbarred { index, who });
		Ok(())
	}
}
