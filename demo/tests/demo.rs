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

//! Runs the demo binary with `--json` and checks its audit trail and ledger: the README's first
//! command is exercised by the test suite.

use serde_json::Value;
use std::process::Command;

fn amount(v: &Value) -> u128 {
	v.as_str().and_then(|s| s.parse().ok()).expect("amounts are decimal strings")
}

#[test]
fn demo_replays_proposal_14_and_its_ledger_balances() {
	let out = Command::new(env!("CARGO_BIN_EXE_community-bounty-demo"))
		.arg("--json")
		.output()
		.expect("the demo runs");
	assert!(out.status.success(), "demo failed: {}", String::from_utf8_lossy(&out.stderr));
	let doc: Value = serde_json::from_slice(&out.stdout).expect("--json prints one JSON document");

	let events = doc["events"].as_array().expect("events");
	let names: Vec<&str> = events.iter().map(|e| e["name"].as_str().unwrap_or("")).collect();
	for expected in [
		"ProgramProposed",
		"ProgramApproved",
		"TrancheReleased",
		"MemberAdded",
		"Awarded",
		"AssetRateUpdated",
		"MilestoneReported",
		"MilestoneApproved",
		"MilestoneRejected",
		"ProgramClosed",
		"Filed",
		"Scored",
		"RoundFinalized",
		"RoundSettled",
		"MemberPromoted",
	] {
		assert!(names.contains(&expected), "the trail has no {expected}");
	}
	// The steps the chain refused are in the document too, each with its signer and error:
	// the direct award from the scored pool, and a late report every month.
	let refusals = doc["refusals"].as_array().expect("refusals");
	assert!(refusals.iter().any(|r| r["error"] == "PoolIsScored"), "{refusals:?}");
	assert!(refusals.iter().any(|r| r["error"] == "FilingClosed"), "{refusals:?}");
	assert!(refusals.iter().all(|r| r["block"].is_u64() && r["signer"].is_string()));
	// Month 1's settlement at the genesis rate, older than MaxRateAge by then, is refused; in the
	// same block the council sets the rate again and the settlement starts.
	let stale = refusals.iter().find(|r| r["error"] == "RateStale").expect("a stale rate refused");
	let in_block =
		|name: &str| events.iter().any(|e| e["name"] == name && e["block"] == stale["block"]);
	assert!(in_block("AssetRateUpdated") && in_block("RoundSettlementStarted"), "{stale:?}");

	// Every event names its block and pallet; blocks never go back.
	let blocks: Vec<u64> = events.iter().map(|e| e["block"].as_u64().expect("block")).collect();
	assert!(blocks.windows(2).all(|w| w[0] <= w[1]));
	assert!(events.iter().all(|e| e["pallet"].is_string()));

	// Milestone 1: the chain's figure is the active members of the last finalized round (month
	// 2), counted from the members' own reports, not the lead's claim: the seed's 32 of 40.
	let report = events
		.iter()
		.find(|e| e["name"] == "MilestoneReported" && e["fields"]["milestone"] == 0)
		.expect("milestone 1 report");
	let month_2 = events
		.iter()
		.find(|e| e["name"] == "RoundFinalized" && e["fields"]["period"] == 1)
		.expect("month 2's round is finalized");
	let active = month_2["fields"]["active"].as_u64();
	assert_eq!(report["fields"]["figure"].as_u64(), active);
	assert_eq!(active, Some(32));
	assert_eq!(report["fields"]["claimed"].as_u64(), Some(32));
	assert_eq!(report["fields"]["target"].as_u64(), Some(40));
	// Month 2's active members are those whose report scored at least 40.
	let scored_active = events
		.iter()
		.filter(|e| e["name"] == "Scored" && e["fields"]["period"] == 1)
		.filter(|e| e["fields"]["score"].as_u64().is_some_and(|s| s >= 40))
		.count() as u64;
	assert_eq!(Some(scored_active), active);
	// The senior pool pays by score: a senior under 40% is never paid from it.
	let under: Vec<&Value> = events
		.iter()
		.filter(|e| e["name"] == "Scored" && e["fields"]["score"].as_u64().is_some_and(|s| s < 40))
		.collect();
	assert!(!under.is_empty(), "someone scores under 40%");
	for e in under {
		let who = &e["fields"]["who"];
		assert!(!events.iter().any(|a| a["name"] == "Awarded"
			&& a["fields"]["beneficiary"] == *who
			&& a["fields"]["period"] == e["fields"]["period"]));
	}

	// No month pays a pool more than $2,000.
	// (Program #0's; program #1's caps are in USDT.)
	let mut per_month_pool = std::collections::BTreeMap::<(u64, u64), u128>::new();
	for e in events.iter().filter(|e| e["name"] == "Awarded" && e["fields"]["index"] == 0) {
		let key = (e["fields"]["period"].as_u64().unwrap(), e["fields"]["pool"].as_u64().unwrap());
		*per_month_pool.entry(key).or_default() += amount(&e["fields"]["amount_usd"]);
	}
	assert_eq!(per_month_pool.keys().map(|(p, _)| *p).max(), Some(2), "three monthly runs");
	assert!(per_month_pool.values().all(|usd| *usd <= 2_000 * 1_000_000_000_000));

	// The ledger: issuance unchanged, the treasury lost the rewards and gained the fees.
	let ledger = &doc["ledger"];
	assert_eq!(ledger["total_issuance_before"], ledger["total_issuance_after"]);
	let paid = amount(&ledger["rewards_paid"]);
	assert!(paid > 0);
	assert_eq!(
		amount(&ledger["treasury_after"]),
		amount(&ledger["treasury_before"]) - paid
			+ amount(&ledger["fees_to_treasury"])
			+ amount(&ledger["deposits_slashed_to_treasury"])
	);
	assert_eq!(amount(&ledger["program_account_after"]), 0);
	let paid_by = |index: u64, names: &[&str]| -> u128 {
		events
			.iter()
			.filter(|e| e["fields"]["index"] == index)
			.filter_map(|e| match e["name"].as_str() {
				Some("Awarded") if names.contains(&"Awarded") => {
					Some(amount(&e["fields"]["native"]))
				},
				Some("PaymentConfirmed") if names.contains(&"PaymentConfirmed") => {
					Some(amount(&e["fields"]["amount"]))
				},
				_ => None,
			})
			.sum()
	};
	// The PHA programs: #0 (proposal #14) and #2 (scored by a panel).
	assert_eq!(
		paid_by(0, &["Awarded"]) + paid_by(2, &["Awarded"]),
		paid,
		"the beneficiaries hold exactly what the events say they were paid"
	);

	// Program #1 pays the contributors in USDT: the treasury's USDT lost exactly what they were
	// paid, USDT's issuance is unchanged, and no PHA paid them.
	let proposed = events
		.iter()
		.find(|e| e["name"] == "ProgramProposed" && e["fields"]["index"] == 1)
		.expect("program #1 is proposed");
	assert_eq!(proposed["fields"]["asset"], "Asset(1984)");
	let usdt = &ledger["usdt"];
	assert_eq!(usdt["total_issuance_before"], usdt["total_issuance_after"]);
	let usdt_paid = amount(&usdt["rewards_paid"]);
	assert_eq!(usdt_paid, paid_by(1, &["Awarded", "PaymentConfirmed"]));
	assert_eq!(amount(&usdt["treasury_after"]), amount(&usdt["treasury_before"]) - usdt_paid);
	assert_eq!(amount(&usdt["program_account_after"]), 0);
	// The tip below USDT's minimum balance failed, was kept, and was paid once by a retry.
	let failed = events
		.iter()
		.find(|e| e["name"] == "PaymentFailed" && e["fields"]["index"] == 1)
		.expect("a USDT payment failed");
	let confirmed: Vec<_> = events
		.iter()
		.filter(|e| e["name"] == "PaymentConfirmed" && e["fields"]["index"] == 1)
		.collect();
	assert_eq!(confirmed.len(), 1, "retried once, paid once");
	assert_eq!(confirmed[0]["fields"]["amount"], failed["fields"]["amount"]);
	assert_eq!(confirmed[0]["fields"]["payee"], failed["fields"]["payee"]);
	assert!(amount(&failed["fields"]["amount"]) < 10_000, "below USDT's minimum balance");

	// Program #2, scored by a panel: the lead alone is refused, a reviewer cannot join the
	// roster, Dave's 100 for his friend Wuti leaves Wuti the median (60), and Kyle, whom one
	// reviewer scored (two make the quorum), is paid nothing.
	assert!(refusals.iter().any(|r| r["error"] == "PanelScores"), "{refusals:?}");
	assert!(refusals.iter().any(|r| r["error"] == "ReviewerCannotJoin"), "{refusals:?}");
	let median_of = |who: &str| {
		events
			.iter()
			.rfind(|e| e["name"] == "Reviewed" && e["fields"]["who"] == who)
			.map(|e| e["fields"]["median"].clone())
	};
	assert_eq!(median_of("Wuti"), Some(Value::from(60)));
	assert_eq!(median_of("Cappex"), Some(Value::from(45)));
	assert_eq!(median_of("Kyle"), Some(Value::Null));
	let paid: Vec<(String, u128)> = events
		.iter()
		.filter(|e| e["name"] == "Awarded" && e["fields"]["index"] == 2)
		.map(|e| {
			(
				e["fields"]["beneficiary"].as_str().unwrap_or("").into(),
				amount(&e["fields"]["native"]),
			)
		})
		.collect();
	// Cappex's appeal is upheld (70), Kyle's dismissed, Wuti's entry struck in the veto window:
	// only Cappex is paid, his 70 of the 130 the pool is shared by; Wuti's share stays.
	let appeals: Vec<&str> = events
		.iter()
		.filter_map(|e| e["name"].as_str().filter(|n| n.starts_with("Appeal")))
		.collect();
	assert_eq!(appeals, ["Appealed", "Appealed", "AppealUpheld", "AppealDismissed"]);
	assert!(refusals.iter().any(|r| r["error"] == "AppealsOpen"), "{refusals:?}");
	assert!(events.iter().any(|e| e["name"] == "EntryStruck" && e["fields"]["who"] == "Wuti"));
	let names: Vec<&str> = paid.iter().map(|(n, _)| n.as_str()).collect();
	assert_eq!(names, ["Cappex"]);
	// $2,000 x 70 / 130 at 2.5 PHA per USD (amounts round down).
	assert_eq!(paid[0].1, 2_000 * 1_000_000_000_000 * 70 / 130 * 5 / 2);
}

#[test]
fn chain_spec_is_raw_with_the_runtime_code() {
	let out = Command::new(env!("CARGO_BIN_EXE_chain-spec"))
		.arg("development")
		.output()
		.expect("the chain-spec writer runs");
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	let spec: Value = serde_json::from_slice(&out.stdout).expect("a JSON chain spec");
	let top = spec["genesis"]["raw"]["top"].as_object().expect("raw genesis");
	let code = top.get("0x3a636f6465").and_then(Value::as_str).expect(":code is set");
	// The wasm of this build: the compressed blob's magic, then at least some kilobytes.
	assert!(code.len() > 100_000, "runtime code present");
	assert_eq!(
		code,
		format!(
			"0x{}",
			community_bounty_runtime::WASM_BINARY
				.unwrap()
				.iter()
				.map(|b| format!("{b:02x}"))
				.collect::<String>()
		)
	);
	assert_eq!(spec["properties"]["tokenSymbol"], "PHA");
	// A protocol id of its own: a node of this chain does not fall back to Substrate's "sup".
	assert_eq!(spec["protocolId"], "community-bounty-dev");
	// What sc-chain-spec and omni-node read: the parachain extensions, a map of substitutes.
	assert_eq!(spec["relay_chain"], "rococo-local");
	// The para id is the one the genesis sets in `ParachainInfo`.
	assert_eq!(spec["para_id"], community_bounty_runtime::genesis_config_presets::PARA_ID);
	assert!(spec["codeSubstitutes"].is_object());
	for key in ["name", "id", "chainType", "bootNodes", "protocolId", "properties"] {
		assert!(spec.get(key).is_some(), "{key} is in the spec");
	}
	// The genesis is the preset's, to the byte, with this build's code.
	let mut expected =
		community_bounty_runtime::genesis_config_presets::preset_storage("development").unwrap();
	expected.top.insert(b":code".to_vec(), community_bounty_runtime::WASM_BINARY.unwrap().to_vec());
	assert_eq!(top.len(), expected.top.len());
	for (key, value) in &expected.top {
		let hex =
			|b: &[u8]| format!("0x{}", b.iter().map(|b| format!("{b:02x}")).collect::<String>());
		assert_eq!(top.get(&hex(key)).and_then(Value::as_str), Some(hex(value).as_str()));
	}
}

#[test]
fn plain_chain_spec_carries_the_preset_and_the_code() {
	let out = Command::new(env!("CARGO_BIN_EXE_chain-spec"))
		.args(["local_testnet", "--plain"])
		.output()
		.expect("the chain-spec writer runs");
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	let spec: Value = serde_json::from_slice(&out.stdout).expect("a JSON chain spec");
	assert_eq!(spec["protocolId"], "community-bounty-local");
	let genesis = &spec["genesis"]["runtimeGenesis"];
	let preset =
		community_bounty_runtime::genesis_config_presets::get_preset(&"local_testnet".to_string())
			.expect("the preset exists");
	let preset: Value = serde_json::from_slice(&preset).unwrap();
	assert_eq!(genesis["patch"], preset);
	assert!(genesis["code"].as_str().is_some_and(|c| c.len() > 100_000));
	assert_eq!(spec["relay_chain"], "rococo-local");
}
