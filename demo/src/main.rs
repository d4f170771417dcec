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

//! Replays Khala treasury proposal #14 (April 2022, 100,000 PHA) on the demo runtime, then its
//! contributors paid in USDT as a program of their own (program #1), then one more month of its
//! senior pool scored by a panel of three (program #2).
//!
//! Everything runs in process, block by block: each block is initialised and finalised by
//! `Executive`, gets its timestamp inherent, and every action is a signed extrinsic from a dev
//! key, with its signature, nonce and fee checked as on a chain. Months pass by skipping empty
//! blocks. The council decides through
//! `pallet-collective` motions (propose, vote, close).
//!
//! `cargo run --release -p community-bounty-demo` prints the audit trail and a closing ledger;
//! `-- --json` prints the same as one JSON document instead.

mod chain;
mod narrate;
mod panel;
mod scenario;
mod usdt;

use chain::{named, Balances, Cb, Chain};
use community_bounty_runtime::{AccountId, Balance, TreasuryAccount};
use narrate::{pha, usdt as in_usdt};
use serde_json::json;
use sp_keyring::Sr25519Keyring;

fn main() {
	let json_mode = std::env::args().any(|a| a == "--json");
	let mut chain = Chain::new(json_mode);
	let lead = Sr25519Keyring::Ferdie.pair();
	let lead_id: AccountId = Sr25519Keyring::Ferdie.to_account_id();
	let treasury = TreasuryAccount::get();
	let program = Cb::program_account(0);
	for member in community_bounty_runtime::seed::CAST {
		chain.names.insert(named(member.name), member.name.to_string());
	}
	for (name, _) in community_bounty_runtime::seed::CONTRIBUTORS {
		chain.names.insert(named(name), name.to_string());
	}

	let issuance_before = chain.ext.execute_with(|| Balances::total_issuance());
	let treasury_before = chain.balance(&treasury);
	let usdt_issuance_before = chain.usdt_issuance();
	let treasury_usdt_before = chain.usdt(&treasury);
	let started = std::time::Instant::now();
	if !json_mode {
		println!("Khala treasury proposal #14, replayed on the community-bounty demo runtime");
		println!("(in-process chain: every step is a signed extrinsic applied through Executive)");
		println!(
			"genesis: treasury {}, total issuance {}",
			pha(treasury_before),
			pha(issuance_before)
		);
	}

	let scenario::Replayed { program_before_close: program_before } =
		scenario::replay(&mut chain, &lead);
	let next_day = chain.block + community_bounty_runtime::DAYS;
	usdt::replay(&mut chain, &lead, next_day);
	let next_day = chain.block + community_bounty_runtime::DAYS;
	panel::replay(&mut chain, &lead, next_day);

	// The ledger.
	let issuance_after = chain.ext.execute_with(|| Balances::total_issuance());
	let treasury_after = chain.balance(&treasury);
	// What each beneficiary received, from the `Awarded` events.
	let beneficiaries: Vec<(String, Balance)> =
		chain.rewards.iter().map(|(who, amount)| (chain.name(who), *amount)).collect();
	let paid_total: Balance = beneficiaries.iter().map(|(_, b)| b).sum();
	// Deposits of appeals the council dismissed, sent to the treasury.
	let slashed: Balance = chain
		.trail
		.iter()
		.filter(|e| e.name == "AppealDismissed")
		.filter_map(|e| e.fields["slashed"].as_str().and_then(|s| s.parse::<Balance>().ok()))
		.sum();
	let lead_balance = chain.balance(&lead_id);
	let program_after = chain.balance(&program);
	let usdt_issuance_after = chain.usdt_issuance();
	let treasury_usdt_after = chain.usdt(&treasury);
	let usdt_program_after = chain.usdt(&Cb::program_account(1));
	let usdt_paid: Vec<(String, Balance)> =
		chain.asset_rewards.iter().map(|(who, amount)| (chain.name(who), *amount)).collect();
	let usdt_paid_total: Balance = usdt_paid.iter().map(|(_, b)| b).sum();
	let elapsed = started.elapsed();

	if json_mode {
		let doc = json!({
			"scenario": "Khala treasury proposal #14 (April 2022, 100,000 PHA)",
			"events": chain.trail.iter().map(|e| json!({
				"block": e.block, "signer": e.who, "pallet": e.pallet, "name": e.name, "fields": e.fields, "text": e.text,
			})).collect::<Vec<_>>(),
			"refusals": chain.refusals.iter().map(|r| json!({
				"block": r.block, "signer": r.who, "error": r.error,
			})).collect::<Vec<_>>(),
			"ledger": {
				"treasury_before": treasury_before.to_string(),
				"treasury_after": treasury_after.to_string(),
				"program_account_before_close": program_before.to_string(),
				"program_account_after": program_after.to_string(),
				"lead_after": lead_balance.to_string(),
				"beneficiaries": beneficiaries.iter().map(|(n, b)| json!({"name": n, "received": b.to_string()})).collect::<Vec<_>>(),
				"rewards_paid": paid_total.to_string(),
				"fees_to_treasury": chain.fees.to_string(),
				"deposits_slashed_to_treasury": slashed.to_string(),
				"total_issuance_before": issuance_before.to_string(),
				"total_issuance_after": issuance_after.to_string(),
				"usdt": {
					"treasury_before": treasury_usdt_before.to_string(),
					"treasury_after": treasury_usdt_after.to_string(),
					"program_account_after": usdt_program_after.to_string(),
					"beneficiaries": usdt_paid.iter().map(|(n, b)| json!({"name": n, "received": b.to_string()})).collect::<Vec<_>>(),
					"rewards_paid": usdt_paid_total.to_string(),
					"total_issuance_before": usdt_issuance_before.to_string(),
					"total_issuance_after": usdt_issuance_after.to_string(),
				},
			},
		});
		println!("{}", serde_json::to_string_pretty(&doc).expect("JSON serialises"));
	} else {
		println!(
			"\nClosing ledger: PHA (program #0, proposal #14, and program #2, scored by a panel)"
		);
		println!("  treasury            {} → {}", pha(treasury_before), pha(treasury_after));
		println!(
			"    = before − rewards paid ({}) + fees received ({}) + deposits slashed ({})",
			pha(paid_total),
			pha(chain.fees),
			pha(slashed)
		);
		println!(
			"  program account     {} before close → {}",
			pha(program_before),
			pha(program_after)
		);
		for (name, b) in &beneficiaries {
			println!("  {:<24}  {}", name, pha(*b));
		}
		println!(
			"  total issuance      {} → {} ({})",
			pha(issuance_before),
			pha(issuance_after),
			if issuance_before == issuance_after {
				"unchanged: fees go to the treasury, nothing is burned"
			} else {
				"CHANGED"
			}
		);
		println!("\nClosing ledger: USDT (program #1)");
		println!(
			"  treasury            {} → {} (= before − rewards paid, {})",
			in_usdt(treasury_usdt_before),
			in_usdt(treasury_usdt_after),
			in_usdt(usdt_paid_total)
		);
		println!("  program account     {} after its close", in_usdt(usdt_program_after));
		for (name, b) in &usdt_paid {
			println!("  {:<24}  {}", name, in_usdt(*b));
		}
		println!(
			"  total issuance      {} → {} ({})",
			in_usdt(usdt_issuance_before),
			in_usdt(usdt_issuance_after),
			if usdt_issuance_before == usdt_issuance_after { "unchanged" } else { "CHANGED" }
		);
		println!("\n{} events in the audit trail; replay took {:.2?}", chain.trail.len(), elapsed);
	}
	assert_eq!(issuance_before, issuance_after, "total issuance is unchanged");
	assert_eq!(usdt_issuance_before, usdt_issuance_after, "USDT's total issuance is unchanged");
	assert_eq!(
		treasury_usdt_after,
		treasury_usdt_before - usdt_paid_total,
		"the treasury's USDT lost exactly the USDT rewards"
	);
	assert_eq!(usdt_program_after, 0, "the closed USDT program keeps nothing");
	assert_eq!(
		treasury_after,
		treasury_before - paid_total + chain.fees + slashed,
		"the treasury lost exactly the rewards and gained exactly the fees and the slashed deposits"
	);
}
