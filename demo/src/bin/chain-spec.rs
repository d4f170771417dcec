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

//! Writes a chain spec of the demo runtime from one of its genesis presets, with the wasm built
//! from this commit, in the format `sc-chain-spec` reads: raw (genesis storage, `:code` included;
//! what chopsticks runs) or plain (`--plain`: the wasm and the preset's patch, built by the node).
//! It carries the `relay_chain` and `para_id` extensions that polkadot-omni-node requires, and
//! `codeSubstitutes` as a map.
//!
//!     cargo run --release -p community-bounty-demo --bin chain-spec -- [development|local_testnet] [--plain] > chain-spec.json
//!
//! The polkadot-sdk's own builder (`sc-chain-spec` 53, the stable2609 line) would pull networking
//! into this workspace: measured on this machine (2 cores, `cargo build --timings`, cold), it adds
//! 210 crates that the runtime does not build (litep2p, sc-network, hickory, rustls, OpenSSL
//! from source through `openssl-sys`), 583 s of compile units, 345 s of them OpenSSL's: about 5
//! minutes more on a cold CI build of 18. This writer stays small instead, and
//! `demo/tests/demo.rs` checks its output against the format `sc-chain-spec` reads and its
//! genesis against the presets, to the byte.

use community_bounty_runtime::{
	genesis_config_presets::{get_preset, preset_storage, PARA_ID},
	WASM_BINARY,
};
use serde_json::{json, Map, Value};
use sp_core::storage::well_known_keys::CODE;

fn hex(bytes: &[u8]) -> String {
	let mut out = String::with_capacity(2 + bytes.len() * 2);
	out.push_str("0x");
	for b in bytes {
		out.push_str(&format!("{b:02x}"));
	}
	out
}

/// The relay chain the spec names (omni-node's `--dev` mode does not connect to it). The spec's
/// `para_id` is the presets' ([`PARA_ID`]), which the genesis sets in `ParachainInfo`.
const RELAY_CHAIN: &str = "rococo-local";

fn main() -> Result<(), String> {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let plain = args.iter().any(|a| a == "--plain");
	let preset =
		args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or("development".into());
	let code = WASM_BINARY.ok_or("the runtime was built without its wasm (SKIP_WASM_BUILD?)")?;
	let genesis = if plain {
		let patch = get_preset(&preset).ok_or(format!("no preset {preset}"))?;
		let patch: Value = serde_json::from_slice(&patch).map_err(|e| e.to_string())?;
		json!({ "runtimeGenesis": { "code": hex(code), "patch": patch } })
	} else {
		let mut storage = preset_storage(&preset)?;
		storage.top.insert(CODE.to_vec(), code.to_vec());
		let top: Map<String, Value> =
			storage.top.iter().map(|(k, v)| (hex(k), Value::String(hex(v)))).collect();
		json!({ "raw": { "top": top, "childrenDefault": {} } })
	};
	// The protocol id names the chain's peer-to-peer protocols, so that its nodes do not take a
	// peer of another chain for one of theirs: without one, a node uses Substrate's default
	// ("sup") and warns so at start.
	let (name, id, chain_type, protocol_id) = match preset.as_str() {
		"development" => (
			"Community Bounty Development",
			"community_bounty_dev",
			"Development",
			"community-bounty-dev",
		),
		_ => (
			"Community Bounty Local Testnet",
			"community_bounty_local",
			"Local",
			"community-bounty-local",
		),
	};
	let spec = json!({
		"name": name,
		"id": id,
		"chainType": chain_type,
		"bootNodes": [],
		"telemetryEndpoints": null,
		"protocolId": protocol_id,
		"properties": { "tokenSymbol": "PHA", "tokenDecimals": 12, "ss58Format": 42 },
		"relay_chain": RELAY_CHAIN,
		"para_id": PARA_ID,
		"codeSubstitutes": {},
		"genesis": genesis,
	});
	println!("{}", serde_json::to_string_pretty(&spec).map_err(|e| e.to_string())?);
	Ok(())
}
