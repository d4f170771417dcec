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

//! Genesis presets of the demo runtime: `development` and `local_testnet`.
//!
//! Both endow the dev accounts, seat a five-member council (Alice, Bob, Charlie, Dave, Eve), fund
//! the treasury's pot in PHA and in USDT (asset 1984, as on Asset Hub) and set the PHA/USD and
//! PHA/USDT rates (2.5 PHA per dollar, about the price of April 2022), and name the seed's
//! people in on-chain identity ([`crate::seed::people`]: the council, the lead Rhee, the
//! ambassadors and the contributors).
//!
//! Both make the chain parachain [`PARA_ID`] and seat Alice and Bob as its collators:
//! invulnerables of collator selection, with their Aura keys as session keys.

use crate::{
	configs::USDT, AccountId, AssetsConfig, BalancesConfig, CollatorSelectionConfig, CouncilConfig,
	DatedRatesConfig, GenesisIdentitiesConfig, ParachainInfoConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, TreasuryAccount, EXISTENTIAL_DEPOSIT, UNITS, USD_ASSET,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::Sr25519Keyring;

/// The parachain id of the presets (and of the chain spec the demo writes): 2000, the first id a
/// local relay chain gives out.
pub const PARA_ID: u32 = 2_000;
/// What a collator candidate bonds (no candidate at genesis: the collators are invulnerable).
pub const CANDIDACY_BOND: crate::Balance = 16 * EXISTENTIAL_DEPOSIT;

/// What each endowed dev account holds at genesis.
pub const ENDOWMENT: crate::Balance = 1_000_000 * UNITS;
/// What the treasury's pot holds at genesis.
pub const TREASURY_FUNDS: crate::Balance = 2_000_000 * UNITS;
/// One USDT in its smallest unit (6 decimals, as on Asset Hub).
pub const USDT_UNIT: crate::Balance = 1_000_000;
/// The least USDT an account may hold (a cent), as Asset Hub's minimum.
pub const USDT_MIN_BALANCE: crate::Balance = USDT_UNIT / 100;
/// What the treasury's pot holds in USDT at genesis.
pub const TREASURY_USDT: crate::Balance = 500_000 * USDT_UNIT;
/// PHA per USD at genesis, as the inner value of a `FixedU128` (2.5).
pub const PHA_PER_USD: u128 = 2_500_000_000_000_000_000;
/// PHA per USDT at genesis, per smallest unit (a USDT unit is 10^-6, a PHA unit 10^-12), as the
/// inner value of a `FixedU128`: 2.5 PHA a USDT, as for a dollar. The council's limit counts a
/// USDT budget at this rate.
pub const PHA_PER_USDT: u128 = 2_500_000 * 1_000_000_000_000_000_000;

/// The seed's people, each with the account of their development key and their name.
pub fn seed_identities() -> Vec<(AccountId, Vec<u8>)> {
	crate::seed::people()
		.filter_map(|(name, uri)| Some((crate::seed::dev_account(&uri)?, name.as_bytes().to_vec())))
		.collect()
}

/// The collators of the presets, Alice and Bob: each account with its Aura key.
pub fn dev_collators() -> Vec<(AccountId, AuraId)> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob]
		.iter()
		.map(|k| (k.to_account_id(), k.public().into()))
		.collect()
}

/// The genesis of a test network with these endowed accounts, council and collators (invulnerable,
/// each with its Aura key as session key), as parachain `para_id`.
pub fn testnet_genesis(
	endowed: Vec<AccountId>,
	council: Vec<AccountId>,
	collators: Vec<(AccountId, AuraId)>,
	para_id: u32,
) -> Value {
	let mut balances: Vec<(AccountId, crate::Balance)> =
		endowed.into_iter().map(|who| (who, ENDOWMENT)).collect();
	balances.push((TreasuryAccount::get(), TREASURY_FUNDS));
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		parachain_info: ParachainInfoConfig { parachain_id: para_id.into() },
		collator_selection: CollatorSelectionConfig {
			invulnerables: collators.iter().map(|(who, _)| who.clone()).collect(),
			candidacy_bond: CANDIDACY_BOND,
		},
		session: SessionConfig {
			keys: collators
				.into_iter()
				.map(|(who, aura)| (who.clone(), who, SessionKeys { aura }))
				.collect(),
		},
		council: CouncilConfig { members: council },
		// USDT is sufficient (an account may hold it without PHA), owned by the treasury, which
		// holds the whole supply.
		assets: AssetsConfig {
			assets: vec![(USDT, TreasuryAccount::get(), true, USDT_MIN_BALANCE)],
			metadata: vec![(USDT, b"Tether USD".to_vec(), b"USDT".to_vec(), 6)],
			accounts: vec![(USDT, TreasuryAccount::get(), TREASURY_USDT)],
			..Default::default()
		},
		dated_rates: DatedRatesConfig {
			rates: vec![(USD_ASSET, PHA_PER_USD), (USDT, PHA_PER_USDT)],
			..Default::default()
		},
		genesis_identities: GenesisIdentitiesConfig { identities: seed_identities() },
	})
}

/// The council of the presets: the first five dev accounts.
pub fn dev_council() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
	]
	.iter()
	.map(|k| k.to_account_id())
	.collect()
}

fn development_config_genesis() -> Value {
	testnet_genesis(
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		dev_council(),
		dev_collators(),
		PARA_ID,
	)
}

fn local_testnet_genesis() -> Value {
	testnet_genesis(
		Sr25519Keyring::iter()
			.filter(|k| k != &Sr25519Keyring::One && k != &Sr25519Keyring::Two)
			.map(|k| k.to_account_id())
			.collect(),
		dev_council(),
		dev_collators(),
		PARA_ID,
	)
}

/// The JSON patch of the preset `id`, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

/// The genesis storage of the preset `id` (e.g. `"development"`), merged over the defaults the
/// way a chain-spec builder does. For the demo, the tests and tools that run this runtime in
/// process.
#[cfg(feature = "std")]
pub fn preset_storage(id: &str) -> Result<sp_runtime::Storage, alloc::string::String> {
	use sp_runtime::BuildStorage;

	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				}
			},
			(base, patch) => *base = patch,
		}
	}

	let patch = get_preset(&PresetId::from(id)).ok_or_else(|| format!("no preset {id}"))?;
	let patch: Value = serde_json::from_slice(&patch).map_err(|e| e.to_string())?;
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).map_err(|e| e.to_string())?;
	config.build_storage()
}
