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

//! The seed (`community_bounty_runtime::seed`): its cast holds together, its first month pays on
//! the demo runtime as the story says, and its JSON export, which the client and browser tests
//! read, is current. `SEED_JSON=write cargo test -p community-bounty-runtime --test seed`
//! rewrites the export after a change to the seed.

mod common;
use codec::Encode;
use common::*;
use community_bounty_runtime::seed::{self, Member, CAST, CONTRIBUTORS, LATE, PROMOTED};
use pallet_community_bounty::{Denomination, Eligibility, Metric, Payout, Split};
use serde_json::{json, Value};
use sp_core::Pair;
use std::collections::BTreeSet;

const EXPORT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seed/proposal-14.json");

fn account(name: &str) -> AccountId {
	sp_core::sr25519::Pair::from_string(&seed::dev_uri(name), None)
		.expect("a seed name is a valid derivation")
		.public()
		.into()
}

#[test]
fn the_cast_holds_together() {
	let names: BTreeSet<_> = CAST.iter().map(|m| m.name).collect();
	assert_eq!(names.len(), CAST.len(), "names are unique");
	let keys: BTreeSet<_> = CAST.iter().map(|m| account(m.name)).collect();
	assert_eq!(keys.len(), CAST.len(), "each name derives its own key");
	let spec = seed::proposal_14();
	for member in CAST {
		assert!(member.score <= 100, "{} scores out of 100", member.name);
		if let Some(senior) = member.senior {
			let senior = CAST.iter().find(|m| m.name == senior).expect("the senior is in the cast");
			assert!(senior.is_senior() && senior.joins <= member.joins, "{}", member.name);
		}
	}
	let seniors = CAST.iter().filter(|m| m.is_senior()).count() as u32;
	assert!(seniors < spec.max_seniors.unwrap(), "room for the promotion");
	// The story's roles are played by members of the cast.
	let promoted = CAST.iter().find(|m| m.name == PROMOTED).unwrap();
	assert!(!promoted.is_senior() && promoted.joins == 0);
	assert!(CAST.iter().any(|m| m.name == LATE && !m.is_senior()));
	assert!(CAST.iter().any(|m| m.is_senior() && m.score < spec.activity_threshold));
	assert_eq!(seed::score("nobody"), 0);
	assert_eq!(seed::members(0).count() + 2, CAST.len(), "two join in month 2");
}

/// The first month on the demo runtime: the whole starting roster reports, the lead scores by
/// the seed, and the round pays the $2,000 senior pool to exactly the seniors the story pays
/// (at or above 40, leading a crew of at least 2), shared by score, at 2.5 PHA per USD.
#[test]
fn the_seed_s_first_month_pays_the_seniors_the_story_pays() {
	let mut chain = Chain::new();
	let spec = seed::proposal_14();
	let (threshold, min_crew) = (spec.activity_threshold, spec.min_crew);
	let approved_at = active(&mut chain, spec);
	let starting: Vec<&Member> = seed::members(0).collect();
	chain.block(|| {
		for member in &starting {
			assert_ok!(Balances::transfer_keep_alive(
				signed(&id(Alice)),
				MultiAddress::Id(account(member.name)),
				10 * UNITS
			));
			let role = if member.is_senior() { Role::SeniorAmbassador } else { Role::Ambassador };
			assert_ok!(CommunityBounty::add_member(
				signed(&lead()),
				0,
				MultiAddress::Id(account(member.name)),
				role,
				bounded(member.region),
				member.senior.map(|s| MultiAddress::Id(account(s)))
			));
		}
	});
	chain.block(|| {
		for member in &starting {
			assert_ok!(file(&account(member.name), 0));
		}
		let scores: Vec<_> = starting.iter().map(|m| (account(m.name), m.score)).collect();
		for chunk in scores.chunks(16) {
			assert_ok!(CommunityBounty::score_round(
				signed(&lead()),
				0,
				0,
				chunk.to_vec().try_into().unwrap()
			));
		}
	});
	let (filing, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
		// The genesis rate is older than `MaxRateAge` by now: the council confirms it.
		confirm_rate();
	});
	let paid = settle_all(&mut chain, 0);

	let crew = |senior: &str| starting.iter().filter(|m| m.senior == Some(senior)).count() as u32;
	let payees: Vec<&Member> = starting
		.iter()
		.copied()
		.filter(|m| m.is_senior() && m.score >= threshold && crew(m.name) >= min_crew)
		.collect();
	let names: Vec<_> = payees.iter().map(|m| m.name).collect();
	assert_eq!(names, ["Cappex", "Alexandre Baciu", "Salih Iyigul", "Wuti"], "MC and Kyle wait");
	let total: u128 = payees.iter().map(|m| u128::from(m.score)).sum();
	let expected: Vec<_> = payees
		.iter()
		.map(|m| (account(m.name), 2_000 * USD * u128::from(m.score) / total * 5 / 2))
		.collect();
	assert_eq!(paid, expected);
}

fn metric<Tag: AsRef<[u8]>>(metric: &Metric<Tag>) -> Value {
	match metric {
		Metric::AmbassadorCount => json!("AmbassadorCount"),
		Metric::CommunitySize => json!("CommunitySize"),
		Metric::ActiveMembers => json!("ActiveMembers"),
		Metric::OffChain(tag) => json!({ "OffChain": format!("0x{}", hex(tag.as_ref())) }),
	}
}

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The export: the spec in the JSON shape `@polkadot/api` takes for `propose_program` (amounts as
/// decimal strings), its SCALE encoding (a client checks its own encoding against it), the cast
/// and the contributors.
fn export() -> Value {
	let spec = seed::proposal_14();
	let pools: Vec<_> = spec
		.pools
		.iter()
		.map(|pool| {
			json!({
				"eligibility": match pool.eligibility {
					Eligibility::SeniorAmbassadors => "SeniorAmbassadors",
					Eligibility::Contributors => "Contributors",
					Eligibility::Lead => "Lead",
				},
				"denomination": match pool.denomination {
					Denomination::Native => json!("Native"),
					Denomination::Asset(asset) => json!({ "Asset": asset }),
				},
				"periodCap": pool.period_cap.to_string(),
				"memberCap": pool.member_cap.map(|cap| cap.to_string()),
				"payout": match pool.payout {
					Payout::Direct => json!("Direct"),
					Payout::Scored { threshold, split } => json!({ "Scored": {
						"threshold": threshold,
						"split": match split { Split::Linear => "Linear", Split::Proportional => "Proportional" },
					}}),
				},
			})
		})
		.collect();
	let milestones: Vec<_> = spec
		.milestones
		.iter()
		.map(
			|m| json!({ "metric": metric(&m.metric), "target": m.target, "tranche": m.tranche.to_string() }),
		)
		.collect();
	json!({
		"about": "Khala treasury proposal #14 (April 2022, 100,000 PHA), exported from community_bounty_runtime::seed by runtime/tests/seed.rs. Do not edit: change the seed and run `SEED_JSON=write cargo test -p community-bounty-runtime --test seed`.",
		"text": "phala-treasury-proposal-14.txt",
		"units": { "PHA": UNITS.to_string(), "USD": USD.to_string(), "day": community_bounty_runtime::DAYS },
		// The genesis preset's rate: the asset kind of USD, and PHA per USD as a FixedU128's
		// inner value (what a council motion on `DatedRates.update` passes to confirm it).
		"rate": {
			"usdAsset": USD_ASSET,
			"phaPerUsd": community_bounty_runtime::genesis_config_presets::PHA_PER_USD.to_string(),
		},
		"lead": seed::dev_uri(seed::LEAD),
		"leadName": seed::LEAD_NAME,
		"council": seed::COUNCIL.iter().map(|name| seed::dev_uri(name)).collect::<Vec<_>>(),
		"spec": {
			"title": String::from_utf8(spec.title.to_vec()).expect("the title is text"),
			"description": format!("0x{}", hex(spec.description.as_ref())),
			"budget": spec.budget.to_string(),
			"milestones": milestones,
			"pools": pools,
			"duration": spec.duration,
			"activityThreshold": spec.activity_threshold,
			"maxSeniors": spec.max_seniors,
			"minCrew": spec.min_crew,
			// Proposal #14 was approved with the lead scoring alone.
			"panel": spec.panel.as_ref().map(|panel| json!({
				"reviewers": panel.reviewers.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
				"quorum": panel.quorum,
			})),
		},
		"specScale": format!("0x{}", hex(&spec.encode())),
		"cast": CAST.iter().map(|m| json!({
			"name": m.name,
			"uri": seed::dev_uri(m.name),
			"region": m.region,
			"senior": m.senior,
			"score": m.score,
			"joins": m.joins,
		})).collect::<Vec<_>>(),
		"promoted": PROMOTED,
		"late": LATE,
		"contributors": CONTRIBUTORS.iter().map(|(name, work)| json!({
			"name": name, "uri": seed::dev_uri(name), "work": work,
		})).collect::<Vec<_>>(),
		"contributorAward": seed::CONTRIBUTOR_AWARD.to_string(),
	})
}

#[test]
fn the_json_export_is_current() {
	let fresh = serde_json::to_string_pretty(&export()).unwrap() + "\n";
	if std::env::var("SEED_JSON").as_deref() == Ok("write") {
		std::fs::write(EXPORT, &fresh).expect("the export is writable");
	}
	let committed = std::fs::read_to_string(EXPORT).unwrap_or_default();
	assert!(
		committed == fresh,
		"{EXPORT} is not the seed's export: run `SEED_JSON=write cargo test -p \
		 community-bounty-runtime --test seed` and commit it"
	);
}
