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

//! The parachain pieces of the runtime come from the genesis presets: the para id in
//! `ParachainInfo`, Alice and Bob as invulnerable collators with their Aura keys as session keys,
//! and those keys as Aura's authorities; and the council, the runtime's only governance, sets
//! the collators.

mod common;

use community_bounty_runtime::{
	genesis_config_presets::{preset_storage, CANDIDACY_BOND, PARA_ID},
	AccountId, ParachainInfo, Runtime, SessionKeys, SLOT_DURATION,
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::crypto::ByteArray;
use sp_keyring::Sr25519Keyring;

/// Alice and Bob with their Aura keys, in account order: collator selection keeps its
/// invulnerables sorted, and the session (hence Aura) takes them in that order (Bob first).
fn collators() -> Vec<(AccountId, AuraId)> {
	let mut collators: Vec<(AccountId, AuraId)> = [Sr25519Keyring::Alice, Sr25519Keyring::Bob]
		.iter()
		.map(|k| (k.to_account_id(), k.public().into()))
		.collect();
	collators.sort_by(|a, b| a.0.cmp(&b.0));
	collators
}

fn check_preset(preset: &str) {
	let mut ext = sp_io::TestExternalities::new(preset_storage(preset).expect("the preset builds"));
	ext.execute_with(|| {
		assert_eq!(ParachainInfo::parachain_id(), PARA_ID.into(), "{preset}: para id");
		assert_eq!(u32::from(ParachainInfo::parachain_id()), 2_000);

		let accounts: Vec<AccountId> = collators().into_iter().map(|(who, _)| who).collect();
		let auras: Vec<AuraId> = collators().into_iter().map(|(_, aura)| aura).collect();
		assert_eq!(
			pallet_collator_selection::Invulnerables::<Runtime>::get().into_inner(),
			accounts,
			"{preset}: invulnerables"
		);
		assert_eq!(pallet_collator_selection::CandidacyBond::<Runtime>::get(), CANDIDACY_BOND);
		assert!(pallet_collator_selection::CandidateList::<Runtime>::get().is_empty());

		// The session's validators are the collators, each with its Aura key as session key.
		assert_eq!(pallet_session::Validators::<Runtime>::get(), accounts, "{preset}: validators");
		for (who, aura) in collators() {
			assert_eq!(
				pallet_session::NextKeys::<Runtime>::get(&who),
				Some(SessionKeys { aura: aura.clone() }),
				"{preset}: session keys of {who}"
			);
		}

		// Aura's authorities are those keys, in the same order.
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().into_inner(), auras);
		assert_eq!(pallet_aura::Pallet::<Runtime>::slot_duration(), SLOT_DURATION);
	});
}

#[test]
fn development_preset_is_parachain_2000_with_alice_and_bob_collating() {
	check_preset(sp_genesis_builder::DEV_RUNTIME_PRESET);
}

#[test]
fn local_testnet_preset_is_parachain_2000_with_alice_and_bob_collating() {
	check_preset(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET);
}

/// The runtime APIs a collator asks answer from the preset: the para id, Aura's authorities and
/// slot duration, and the session keys decode to the Aura key.
#[test]
fn collator_runtime_apis_answer_from_the_preset() {
	use community_bounty_runtime::Block;
	use cumulus_primitives_core::runtime_decl_for_get_parachain_info::GetParachainInfoV1;
	use sp_consensus_aura::runtime_decl_for_aura_api::AuraApiV1;
	use sp_session::runtime_decl_for_session_keys::SessionKeysV2;

	let mut ext = sp_io::TestExternalities::new(
		preset_storage(sp_genesis_builder::DEV_RUNTIME_PRESET).expect("the preset builds"),
	);
	ext.execute_with(|| {
		assert_eq!(<Runtime as GetParachainInfoV1<Block>>::parachain_id(), PARA_ID.into());
		let auras: Vec<AuraId> = collators().into_iter().map(|(_, aura)| aura).collect();
		assert_eq!(<Runtime as AuraApiV1<Block, AuraId>>::authorities(), auras);
		assert_eq!(
			<Runtime as AuraApiV1<Block, AuraId>>::slot_duration().as_millis(),
			SLOT_DURATION
		);
		let keys = SessionKeys { aura: auras[0].clone() };
		let decoded =
			<Runtime as SessionKeysV2<Block>>::decode_session_keys(codec::Encode::encode(&keys))
				.expect("the session keys decode");
		assert_eq!(decoded, vec![(auras[0].to_raw_vec(), sp_core::crypto::key_types::AURA)]);
	});
}

/// The council, not a Root key, sets the collators: a 3/5 motion sets how many bonded candidates
/// join the invulnerables; a signed account or a smaller motion may not.
#[test]
fn the_council_sets_how_many_candidates_collate() {
	use common::{id, motion, new_ext, Alice, Bob, Charlie, DispatchError, Dispatchable};
	use community_bounty_runtime::{RuntimeCall, RuntimeOrigin};
	use pallet_collator_selection::DesiredCandidates;

	new_ext().execute_with(|| {
		let call = RuntimeCall::CollatorSelection(
			pallet_collator_selection::Call::set_desired_candidates { max: 1 },
		);
		assert_eq!(DesiredCandidates::<Runtime>::get(), 0, "none at genesis");
		assert_eq!(
			call.clone().dispatch(RuntimeOrigin::signed(id(Alice))).map_err(|e| e.error),
			Err(DispatchError::BadOrigin)
		);
		// Two of five council members pass a motion of threshold 2, which is not 3/5.
		assert_eq!(
			motion(Alice, 2, call.clone(), &[Bob], &[]),
			Some(Err(DispatchError::BadOrigin))
		);
		assert_eq!(DesiredCandidates::<Runtime>::get(), 0);
		assert_eq!(motion(Alice, 3, call, &[Bob, Charlie], &[]), Some(Ok(())));
		assert_eq!(DesiredCandidates::<Runtime>::get(), 1);
	});
}
