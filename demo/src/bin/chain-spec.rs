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

//! Writes a raw chain spec of the demo runtime from one of its genesis presets, with the wasm
//! built from this commit as `:code`: usable by `polkadot-omni-node --chain` and by chopsticks.
//!
//!     cargo run --release -p community-bounty-demo --bin chain-spec -- [development|local_testnet] > chain-spec.json

use community_bounty_runtime::{genesis_config_presets::preset_storage, WASM_BINARY};
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

fn main() -> Result<(), String> {
	let preset = std::env::args().nth(1).unwrap_or_else(|| "development".into());
	let code = WASM_BINARY.ok_or("the runtime was built without its wasm (SKIP_WASM_BUILD?)")?;
	let mut storage = preset_storage(&preset)?;
	storage.top.insert(CODE.to_vec(), code.to_vec());
	let top: Map<String, Value> =
		storage.top.iter().map(|(k, v)| (hex(k), Value::String(hex(v)))).collect();
	let (name, id, chain_type) = match preset.as_str() {
		"development" => ("Community Bounty Development", "community_bounty_dev", "Development"),
		_ => ("Community Bounty Local Testnet", "community_bounty_local", "Local"),
	};
	let spec = json!({
		"name": name,
		"id": id,
		"chainType": chain_type,
		"bootNodes": [],
		"telemetryEndpoints": null,
		"protocolId": null,
		"properties": { "tokenSymbol": "PHA", "tokenDecimals": 12, "ss58Format": 42 },
		"codeSubstitutes": {},
		"genesis": { "raw": { "top": top, "childrenDefault": {} } },
	});
	println!("{}", serde_json::to_string_pretty(&spec).map_err(|e| e.to_string())?);
	Ok(())
}
