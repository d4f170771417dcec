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

//! People by name: `pallet-identity` in the demo runtime, with the seed's people named at genesis
//! (the dashboard shows these names beside addresses).

mod common;
use common::*;
use community_bounty_runtime::{seed, Identity};
use pallet_identity::{legacy::IdentityInfo, Data, IdentityOf};

fn display(who: &AccountId) -> Option<Data> {
	IdentityOf::<Runtime>::get(who).map(|registration| registration.info.display)
}

fn named(name: &str) -> AccountId {
	seed::dev_account(&seed::dev_uri(name)).expect("a valid development key")
}

fn info(name: &str) -> Box<IdentityInfo<community_bounty_runtime::IdentityMaxAdditionalFields>> {
	Box::new(IdentityInfo {
		additional: Default::default(),
		display: Data::Raw(bounded(name)),
		legal: Data::None,
		web: Data::None,
		riot: Data::None,
		email: Data::None,
		pgp_fingerprint: None,
		image: Data::None,
		twitter: Data::None,
	})
}

#[test]
fn the_development_preset_names_every_person_of_the_seed() {
	new_ext().execute_with(|| {
		let people: Vec<_> = seed::people().collect();
		// The council (5), the lead, the roster (34) and the contributors (4).
		assert_eq!(people.len(), 5 + 1 + seed::CAST.len() + seed::CONTRIBUTORS.len());
		for (name, uri) in &people {
			let who = seed::dev_account(uri).expect("a valid development key");
			let registration = IdentityOf::<Runtime>::get(&who)
				.unwrap_or_else(|| panic!("{name} ({uri}) has an identity"));
			assert_eq!(registration.info.display, Data::Raw(bounded(name)), "{uri}");
			assert!(registration.judgements.is_empty(), "no registrar judged {name}");
			assert_eq!(registration.deposit, 0, "{name}'s name holds nothing");
		}
		// The lead signs as Ferdie and is named Rhee; a council member by their key's name.
		assert_eq!(display(&id(Ferdie)), Some(Data::Raw(bounded("Rhee"))));
		assert_eq!(display(&id(Alice)), Some(Data::Raw(bounded("Alice"))));
		assert_eq!(display(&named("MC (overmarck)")), Some(Data::Raw(bounded("MC (overmarck)"))));
		// Nobody outside the seed is named.
		assert_eq!(display(&stranger(1)), None);
		assert_eq!(display(&TreasuryAccount::get()), None);
	});
}

#[test]
fn a_person_renames_themselves_holding_a_deposit_and_clearing_returns_it() {
	let mut chain = Chain::new();
	let alice = id(Alice);
	let (free_before, deposit) = chain.block(|| {
		let free_before = free(&alice);
		assert_ok!(Identity::set_identity(signed(&alice), info("Alice of the council")));
		let deposit = IdentityOf::<Runtime>::get(&alice).expect("still named").deposit;
		// The basic deposit and a cent a byte of the encoded information, reserved.
		assert!(deposit > community_bounty_runtime::IdentityBasicDeposit::get());
		assert_eq!(Balances::reserved_balance(&alice), deposit);
		assert_eq!(free(&alice), free_before - deposit);
		assert_eq!(display(&alice), Some(Data::Raw(bounded("Alice of the council"))));
		(free_before, deposit)
	});
	assert!(deposit > 0);
	chain.block(|| {
		assert_ok!(Identity::clear_identity(signed(&alice)));
		assert_eq!(display(&alice), None);
		assert_eq!(free(&alice), free_before, "the whole deposit is back");
	});
}

#[test]
fn clearing_a_genesis_name_releases_nothing_it_did_not_hold() {
	let mut chain = Chain::new();
	let ferdie = id(Ferdie);
	chain.block(|| {
		let free_before = free(&ferdie);
		assert_ok!(Identity::clear_identity(signed(&ferdie)));
		assert_eq!(display(&ferdie), None);
		assert_eq!(free(&ferdie), free_before);
		assert_eq!(Balances::reserved_balance(&ferdie), 0);
	});
}

#[test]
fn the_council_removes_a_name_by_motion_and_its_deposit_goes_to_the_treasury() {
	let mut chain = Chain::new();
	let stranger = stranger(7);
	chain.block(|| {
		assert_ok!(Balances::transfer_keep_alive(
			signed(&id(Bob)),
			stranger.clone().into(),
			100 * UNITS
		));
		assert_ok!(Identity::set_identity(signed(&stranger), info("Cappex")));
	});
	let deposit = chain.block(|| IdentityOf::<Runtime>::get(&stranger).expect("named").deposit);
	let treasury_before = chain.block(|| free(&TreasuryAccount::get()));
	chain.block(|| {
		let kill = RuntimeCall::Identity(pallet_identity::Call::kill_identity {
			target: stranger.clone().into(),
		});
		// Two of the five cannot.
		assert_eq!(
			motion(Alice, 2, kill.clone(), &[Bob], &[]),
			Some(Err(DispatchError::BadOrigin))
		);
		assert!(display(&stranger).is_some());
		assert_eq!(motion(Alice, 3, kill, &[Bob, Charlie], &[]), Some(Ok(())));
		assert_eq!(display(&stranger), None);
		assert_eq!(Balances::reserved_balance(&stranger), 0);
		assert_eq!(free(&TreasuryAccount::get()), treasury_before + deposit);
	});
}
