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

//! Replays Khala treasury proposal #14 (April 2022, 100,000 PHA) on the demo runtime.
//!
//! Everything runs in process, block by block: each block is initialised and finalised by
//! `Executive`, gets its timestamp inherent, and every action is a signed extrinsic from a dev
//! key, with its signature, nonce and fee checked as on a chain. Months pass by skipping empty
//! blocks. The council decides through
//! `pallet-collective` motions (propose, vote, close).
//!
//! `cargo run --release -p community-bounty-demo` prints the audit trail and a closing ledger;
//! `-- --json` prints the same as one JSON document instead.

use codec::Encode;
use community_bounty_runtime::{
	genesis_config_presets, AccountId, Balance, BlockNumber, Executive, Header, Runtime,
	RuntimeCall, RuntimeEvent, SignedPayload, System, TreasuryAccount, TxExtension,
	UncheckedExtrinsic, DAYS, UNITS, USD, USD_ASSET,
};
use frame_support::{
	dispatch::GetDispatchInfo,
	traits::{fungible::Inspect, Get},
	BoundedVec,
};
use pallet_community_bounty::{Award, Event as CbEvent, Metric, Role};
use serde_json::{json, Value};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	traits::{Hash as _, Header as _},
	FixedPointNumber, FixedU128, MultiAddress, MultiSignature,
};
use std::collections::BTreeMap;

type Balances = pallet_balances::Pallet<Runtime>;
type Cb = pallet_community_bounty::Pallet<Runtime>;

const SENIOR_POOL: u32 = 0;
const CONTRIBUTOR_POOL: u32 = 1;

/// One line of the audit trail.
struct Entry {
	block: BlockNumber,
	who: String,
	pallet: String,
	name: String,
	fields: Value,
	text: String,
}

/// The chain, in process: genesis from the `development` preset, then block by block.
struct Chain {
	ext: sp_io::TestExternalities,
	block: BlockNumber,
	parent: H256,
	now_ms: u64,
	nonces: BTreeMap<AccountId, u32>,
	names: BTreeMap<AccountId, String>,
	trail: Vec<Entry>,
	json: bool,
	fees: Balance,
}

fn pha(amount: Balance) -> String {
	let whole = amount / UNITS;
	let frac = (amount % UNITS) / (UNITS / 100);
	format!("{}.{:02} PHA", group(whole), frac)
}

fn usd(amount: Balance) -> String {
	let whole = amount / USD;
	let cents = (amount % USD) / (USD / 100);
	format!("${}.{:02}", group(whole), cents)
}

fn group(n: u128) -> String {
	let s = n.to_string();
	let mut out = String::new();
	for (i, c) in s.chars().enumerate() {
		if i > 0 && (s.len() - i).is_multiple_of(3) {
			out.push(',');
		}
		out.push(c);
	}
	out
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

fn bounded<S: Get<u32>>(s: &str) -> BoundedVec<u8, S> {
	s.as_bytes().to_vec().try_into().expect("demo texts fit the runtime's bounds")
}

/// An account of the seed's roster or contributors: a key derived from its name.
fn named(name: &str) -> AccountId {
	let pair = sr25519::Pair::from_string(&format!("//{}", name.replace(' ', "")), None)
		.expect("valid derivation path");
	pair.public().into()
}

impl Chain {
	fn new(json: bool) -> Self {
		let storage =
			genesis_config_presets::preset_storage(sp_genesis_builder::DEV_RUNTIME_PRESET)
				.expect("the development preset builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		let parent = ext.execute_with(|| System::block_hash(0));
		let mut names = BTreeMap::new();
		for (k, name) in [
			(Sr25519Keyring::Alice, "Alice (council)"),
			(Sr25519Keyring::Bob, "Bob (council)"),
			(Sr25519Keyring::Charlie, "Charlie (council)"),
			(Sr25519Keyring::Dave, "Dave (council)"),
			(Sr25519Keyring::Eve, "Eve (council)"),
			(Sr25519Keyring::Ferdie, "Rhee (lead, Ferdie)"),
		] {
			names.insert(k.to_account_id(), name.to_string());
		}
		names.insert(TreasuryAccount::get(), "Treasury".into());
		names.insert(Cb::program_account(0), "Program #0 account".into());
		Chain {
			ext,
			block: 0,
			parent,
			now_ms: 1_651_190_400_000, // 2022-04-29, the day proposal #14 was tabled.
			nonces: BTreeMap::new(),
			names,
			trail: Vec::new(),
			json,
			fees: 0,
		}
	}

	fn name(&self, who: &AccountId) -> String {
		self.names.get(who).cloned().unwrap_or_else(|| format!("{who}"))
	}

	/// Starts block `number` with its timestamp inherent. A jump ahead stands for that many empty
	/// blocks: they would change nothing this scenario reads (no hook of these pallets acts on
	/// them), so the demo skips them by moving System's block number, as FRAME tests do.
	fn start_block(&mut self, number: BlockNumber) {
		let skipped = number.saturating_sub(self.block) as u64;
		self.now_ms += skipped * community_bounty_runtime::MILLI_SECS_PER_BLOCK;
		self.block = number;
		let header = Header::new(
			number,
			Default::default(),
			Default::default(),
			self.parent,
			Default::default(),
		);
		let now = self.now_ms;
		self.ext.execute_with(|| {
			System::set_block_number(number - 1);
			Executive::initialize_block(&header);
			let inherent =
				UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
					now,
				}));
			Executive::apply_extrinsic(inherent)
				.expect("the timestamp inherent is valid")
				.expect("the timestamp inherent dispatches");
		});
	}

	fn end_block(&mut self) {
		let header = self.ext.execute_with(Executive::finalize_block);
		self.parent = header.hash();
	}

	/// Signs `call` with `signer`'s dev key and applies it through `Executive`. Returns the
	/// dispatch outcome; records the events it raised.
	fn submit(&mut self, signer: &sr25519::Pair, call: RuntimeCall) -> Result<(), String> {
		let who: AccountId = signer.public().into();
		let nonce = *self.nonces.get(&who).unwrap_or(&0);
		let extension: TxExtension = community_bounty_runtime::tx_extension(nonce);
		let (outcome, events) = self.ext.execute_with(|| {
			let payload = SignedPayload::new(call.clone(), extension.clone())
				.expect("the extension's implicit data is available");
			let signature = MultiSignature::from(payload.using_encoded(|p| signer.sign(p)));
			let xt = UncheckedExtrinsic::new_signed(
				call,
				MultiAddress::Id(who.clone()),
				signature,
				extension,
			);
			let before = System::event_count();
			let outcome = Executive::apply_extrinsic(xt);
			let events: Vec<RuntimeEvent> =
				System::read_events_no_consensus().skip(before as usize).map(|r| r.event).collect();
			(outcome, events)
		});
		let outcome = outcome.map_err(|e| format!("invalid transaction: {e:?}"))?;
		self.nonces.insert(who.clone(), nonce + 1);
		let signer_name = self.name(&who);
		for event in events {
			self.record(&signer_name, event);
		}
		outcome.map_err(|e| match e {
			sp_runtime::DispatchError::Module(sp_runtime::ModuleError {
				message: Some(message),
				..
			}) => message.to_string(),
			e => format!("{e:?}"),
		})
	}

	fn record(&mut self, who: &str, event: RuntimeEvent) {
		let (pallet, name, fields, text) = match describe(self, &event) {
			Some(d) => d,
			None => return,
		};
		if !self.json {
			println!("  #{:<7} {:<22} {}", self.block, truncate(who, 22), text);
		}
		self.trail.push(Entry {
			block: self.block,
			who: who.to_string(),
			pallet: pallet.into(),
			name,
			fields,
			text,
		});
	}

	fn say(&self, line: &str) {
		if !self.json {
			println!("\n{line}");
		}
	}

	fn balance(&mut self, who: &AccountId) -> Balance {
		self.ext.execute_with(|| Balances::balance(who))
	}
}

fn truncate(s: &str, n: usize) -> String {
	if s.chars().count() <= n {
		s.to_string()
	} else {
		s.chars().take(n - 1).collect::<String>() + "…"
	}
}

/// A readable line and JSON fields for the events a council member reads; `None` for the rest
/// (extrinsic bookkeeping, deposits of fees), which the ledger sums up instead.
fn describe(
	chain: &mut Chain,
	event: &RuntimeEvent,
) -> Option<(&'static str, String, Value, String)> {
	let n = |who: &AccountId| chain.name(who);
	Some(match event {
		RuntimeEvent::CommunityBounty(e) => {
			let (name, fields, text) = community_event(e, &n);
			("CommunityBounty", name, fields, text)
		},
		RuntimeEvent::Council(e) => {
			use pallet_collective::Event as C;
			let (name, fields, text) = match e {
				C::Proposed { account, proposal_index, proposal_hash, threshold } => (
					"Proposed",
					json!({"account": n(account), "proposal_index": proposal_index, "proposal_hash": format!("{proposal_hash:?}"), "threshold": threshold}),
					format!(
						"council motion #{proposal_index} proposed by {}, needs {threshold} ayes",
						n(account)
					),
				),
				C::Voted { account, proposal_hash: _, voted, yes, no } => (
					"Voted",
					json!({"account": n(account), "aye": voted, "yes": yes, "no": no}),
					format!(
						"{} votes {} (tally: {yes} aye, {no} nay)",
						n(account),
						if *voted { "aye" } else { "nay" }
					),
				),
				C::Closed { proposal_hash: _, yes, no } => (
					"Closed",
					json!({"yes": yes, "no": no}),
					format!("motion closed: {yes} aye, {no} nay of 5"),
				),
				C::Approved { .. } => ("Approved", json!({}), "motion approved".to_string()),
				C::Disapproved { .. } => {
					("Disapproved", json!({}), "motion disapproved".to_string())
				},
				C::Executed { result, .. } => (
					"Executed",
					json!({"result": format!("{result:?}")}),
					format!(
						"motion executed: {}",
						if result.is_ok() { "ok".to_string() } else { format!("{result:?}") }
					),
				),
				_ => return None,
			};
			("Council", name.to_string(), fields, text)
		},
		RuntimeEvent::AssetRate(e) => {
			use pallet_asset_rate::Event as A;
			let (name, rate) = match e {
				A::AssetRateCreated { rate, .. } => ("AssetRateCreated", *rate),
				A::AssetRateUpdated { new, .. } => ("AssetRateUpdated", *new),
				_ => return None,
			};
			(
				"AssetRate",
				name.to_string(),
				json!({"asset": "USD", "pha_per_usd": rate.to_float()}),
				format!("PHA/USD rate set: {} PHA per USD", rate.to_float()),
			)
		},
		RuntimeEvent::TransactionPayment(
			pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
		) => {
			chain.fees += actual_fee;
			return None;
		},
		_ => return None,
	})
}

fn community_event(
	e: &CbEvent<Runtime>,
	n: &dyn Fn(&AccountId) -> String,
) -> (String, Value, String) {
	let (name, fields, text): (&str, Value, String) = match e {
		CbEvent::ProgramProposed { index, lead, budget, bond, milestones, pools, duration } => (
			"ProgramProposed",
			json!({"index": index, "lead": n(lead), "budget": budget.to_string(), "bond": bond.to_string(), "milestones": milestones, "pools": pools, "duration_blocks": duration}),
			format!("program #{index} proposed by {}: budget {}, {milestones} milestones, {pools} pools, {} days; bond {} held", n(lead), pha(*budget), duration / DAYS, pha(*bond)),
		),
		CbEvent::ProgramApproved { index, lead, account: _, bond_released, approved_at, ends_at } => (
			"ProgramApproved",
			json!({"index": index, "lead": n(lead), "bond_released": bond_released.to_string(), "approved_at": approved_at, "ends_at": ends_at}),
			format!("program #{index} approved: bond {} released, runs blocks {approved_at}..={ends_at}", pha(*bond_released)),
		),
		CbEvent::ProgramRejected { index, lead, slashed } => (
			"ProgramRejected",
			json!({"index": index, "lead": n(lead), "slashed": slashed.to_string()}),
			format!("program #{index} rejected, bond {} slashed", pha(*slashed)),
		),
		CbEvent::TrancheReleased { index, tranche, amount, account } => (
			"TrancheReleased",
			json!({"index": index, "tranche": tranche, "amount": amount.to_string(), "account": n(account)}),
			format!("tranche {} of program #{index}: {} from the treasury to the program account", tranche + 1, pha(*amount)),
		),
		CbEvent::TrancheOwed { index, tranche, amount } => (
			"TrancheOwed",
			json!({"index": index, "tranche": tranche, "amount": amount.to_string()}),
			format!("tranche {} of program #{index} owed: {}", tranche + 1, pha(*amount)),
		),
		CbEvent::ProgramStorageCleared { index, removed, complete } => (
			"ProgramStorageCleared",
			json!({"index": index, "removed": removed, "complete": complete}),
			format!("program #{index}: {removed} storage entries removed{}", if *complete { ", nothing left" } else { "; clear_program takes the rest" }),
		),
		CbEvent::MemberUnbarred { index, who } => (
			"MemberUnbarred",
			json!({"index": index, "who": n(who)}),
			format!("program #{index}: the council lets the lead add {} again", n(who)),
		),
		CbEvent::ProgramCancelled { index, refunded, owed_dropped, paid } => (
			"ProgramCancelled",
			json!({"index": index, "refunded": refunded.to_string(), "owed_dropped": owed_dropped.to_string(), "paid": paid.to_string()}),
			format!("program #{index} cancelled: {} back to the treasury", pha(*refunded)),
		),
		CbEvent::ProgramClosed { index, by, expired, refunded, owed_dropped, paid } => (
			"ProgramClosed",
			json!({"index": index, "by": n(by), "expired": expired, "refunded": refunded.to_string(), "owed_dropped": owed_dropped.to_string(), "paid": paid.to_string()}),
			format!("program #{index} closed{}: {} paid out as rewards, {} back to the treasury", if *expired { " (expired)" } else { "" }, pha(*paid), pha(*refunded)),
		),
		CbEvent::LeadChanged { index, old, new } => (
			"LeadChanged",
			json!({"index": index, "old": n(old), "new": n(new)}),
			format!("program #{index}: lead {} replaced by {}", n(old), n(new)),
		),
		CbEvent::Reclaimed { index, amount } => (
			"Reclaimed",
			json!({"index": index, "amount": amount.to_string()}),
			format!("program #{index}: {} swept to the treasury", pha(*amount)),
		),
		CbEvent::MemberAdded { index, who, role, region, senior, roster_count } => (
			"MemberAdded",
			json!({"index": index, "who": n(who), "role": format!("{role:?}"), "region": text(region), "senior": senior.as_ref().map(n), "roster_count": roster_count}),
			format!("roster +{} ({:?}, {}{}) → {roster_count}", n(who), role, text(region), senior.as_ref().map(|s| format!(", crew of {}", n(s))).unwrap_or_default()),
		),
		CbEvent::MemberRemoved { index, who, by_council, barred, roster_count } => (
			"MemberRemoved",
			json!({"index": index, "who": n(who), "by_council": by_council, "barred": barred, "roster_count": roster_count}),
			format!("roster -{}{} → {roster_count}", n(who), if *barred { " (barred by the council)" } else { "" }),
		),
		CbEvent::MilestoneReported { index, milestone, attempt, metric, target, claimed, figure, evidence } => (
			"MilestoneReported",
			json!({"index": index, "milestone": milestone, "attempt": attempt, "metric": format!("{metric:?}"), "target": target, "claimed": claimed, "figure": figure, "evidence": text(evidence)}),
			format!("milestone {} reported (attempt {attempt}, {metric:?}): target {target}, lead claims {claimed}, figure of record {figure}{} [{}]", milestone + 1, if metric == &Metric::AmbassadorCount { " (the roster's size)" } else { "" }, text(evidence)),
		),
		CbEvent::MilestoneApproved { index, milestone, attempt, target, figure, below_target, cut, next_tranche } => (
			"MilestoneApproved",
			json!({"index": index, "milestone": milestone, "attempt": attempt, "target": target, "figure": figure, "below_target": below_target, "cut": cut.to_string(), "next_tranche": next_tranche.to_string()}),
			format!("milestone {} report {attempt} approved{}: {figure} against {target}; next tranche {} (cut {})", milestone + 1, if *below_target { " BELOW TARGET" } else { "" }, pha(*next_tranche), pha(*cut)),
		),
		CbEvent::MilestoneRejected { index, milestone, attempt, target, figure } => (
			"MilestoneRejected",
			json!({"index": index, "milestone": milestone, "attempt": attempt, "target": target, "figure": figure}),
			format!("milestone {} report {attempt} rejected ({figure} against {target})", milestone + 1),
		),
		CbEvent::Awarded { index, pool, period, beneficiary, amount, native, reason } => (
			"Awarded",
			json!({"index": index, "pool": pool, "period": period, "beneficiary": n(beneficiary), "amount_usd": amount.to_string(), "native": native.to_string(), "reason": text(reason)}),
			format!("{} paid {} ({}) from pool {pool}, month {}: {}", n(beneficiary), pha(*native), usd(*amount), period + 1, text(reason)),
		),
		_ => ("Other", json!({}), format!("{e:?}")),
	};
	(name.to_string(), fields, text)
}

/// A council motion of the development preset's council: Alice proposes and votes aye, `ayes`
/// vote aye, `nays` nay, and Alice closes it.
fn council_motion(
	chain: &mut Chain,
	call: RuntimeCall,
	ayes: &[Sr25519Keyring],
	nays: &[Sr25519Keyring],
) {
	let threshold = 3u32;
	let length_bound = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let proposal_hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = chain.ext.execute_with(pallet_collective::ProposalCount::<Runtime, _>::get);
	let alice = Sr25519Keyring::Alice.pair();
	chain
		.submit(
			&alice,
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold,
				proposal: Box::new(call),
				length_bound,
			}),
		)
		.expect("council members may propose");
	// The proposer votes like everyone else.
	let proposer = [Sr25519Keyring::Alice];
	for (voters, approve) in [(&proposer[..], true), (ayes, true), (nays, false)] {
		for voter in voters {
			chain
				.submit(
					&voter.pair(),
					RuntimeCall::Council(pallet_collective::Call::vote {
						proposal: proposal_hash,
						index,
						approve,
					}),
				)
				.expect("council members may vote");
		}
	}
	chain
		.submit(
			&alice,
			RuntimeCall::Council(pallet_collective::Call::close {
				proposal_hash,
				index,
				proposal_weight_bound: weight,
				length_bound,
			}),
		)
		.expect("the motion can be closed");
}

/// The lead reports `milestone` of program #0 with `claimed` and an evidence reference.
fn report_milestone(
	chain: &mut Chain,
	lead: &sr25519::Pair,
	milestone: u32,
	claimed: u64,
	evidence: &str,
) -> Result<(), String> {
	chain.submit(
		lead,
		cb(pallet_community_bounty::Call::report_milestone {
			index: 0,
			milestone,
			claimed,
			evidence: bounded(evidence),
		}),
	)
}

/// The attempt number and figure of record of the latest report of `milestone`: what the
/// council reads before it votes, and what its motion names.
fn report_seen(chain: &mut Chain, milestone: u32) -> (u32, u64) {
	chain.ext.execute_with(|| {
		pallet_community_bounty::Reports::<Runtime>::get(0, milestone)
			.map_or((0, 0), |report| (report.attempt, report.figure))
	})
}

/// The council's approval of the report of `milestone` it saw: its attempt and figure.
fn approve_milestone(chain: &mut Chain, milestone: u32, cut: Option<Balance>) -> RuntimeCall {
	let (attempt, expected_figure) = report_seen(chain, milestone);
	cb(pallet_community_bounty::Call::approve_milestone {
		index: 0,
		milestone,
		attempt,
		expected_figure,
		cut,
	})
}

/// The council's rejection of the report of `milestone` it saw.
fn reject_milestone(chain: &mut Chain, milestone: u32) -> RuntimeCall {
	let (attempt, _) = report_seen(chain, milestone);
	cb(pallet_community_bounty::Call::reject_milestone { index: 0, milestone, attempt })
}

fn cb(call: pallet_community_bounty::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::CommunityBounty(call)
}

/// The seed's Senior Ambassadors (one per region) and their crews, from the milestone 1 report.
fn roster() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
	let seniors = [
		("Cappex", "English"),
		("Alexandre Baciu", "French"),
		("MC (overmarck)", "Italian"),
		("Salih Iyigul", "German"),
		("Kyle", "Korean"),
		("Wuti", "Chinese"),
	];
	let crews: [(&str, &[&str]); 6] = [
		("Cappex", &["Jaime Flores", "Hoang Nguyen", "Sirash S S", "Amir"]),
		("Alexandre Baciu", &["Kbconsulting45", "Tioneb44", "Redofre"]),
		("MC (overmarck)", &["zaketac", "Darknight", "pigro85"]),
		("Salih Iyigul", &["GatorKorps", "Serhat", "Marco (Sequaja)"]),
		("Kyle", &["Sonji"]),
		(
			"Wuti",
			&["LSVT", "Newsletter", "Dishi", "Zhangyang", "Biezuo meng", "Sanqi", "Sure", "Wuzhe"],
		),
	];
	let mut out: Vec<_> = seniors.iter().map(|(n, r)| (*n, *r, None)).collect();
	for (senior, crew) in crews {
		let region =
			seniors.iter().find(|(n, _)| *n == senior).map(|(_, r)| *r).unwrap_or("English");
		let region = match *crew.first().unwrap_or(&"") {
			"Jaime Flores" => "English/Spanish",
			_ => region,
		};
		for member in crew {
			let region = if *member == "Amir" { "Persian" } else { region };
			out.push((*member, region, Some(senior)));
		}
	}
	out
}

fn main() {
	let json_mode = std::env::args().any(|a| a == "--json");
	let mut chain = Chain::new(json_mode);
	let lead = Sr25519Keyring::Ferdie.pair();
	let lead_id: AccountId = Sr25519Keyring::Ferdie.to_account_id();
	let treasury = TreasuryAccount::get();
	let program = Cb::program_account(0);
	for (name, _, _) in roster() {
		chain.names.insert(named(name), name.to_string());
	}
	let contributors = [
		("phala_stat_bot builder", "Telegram bot for solo-miners and delegators"),
		("l00k#1990", "Discord bot for solo-miners and delegators"),
		("mining tutorial author", "Solo-mining setup tutorial (video)"),
		("Fat Contract educator", "Fat Contract workshop materials"),
	];
	for (name, _) in contributors {
		chain.names.insert(named(name), name.to_string());
	}

	let issuance_before = chain.ext.execute_with(|| Balances::total_issuance());
	let treasury_before = chain.balance(&treasury);
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

	// Block 1: the lead proposes the program.
	chain.start_block(1);
	chain.say("1. Rhee proposes the Phala community bounty (100,000 PHA)");
	let spec = community_bounty_runtime::seed::proposal_14();
	chain
		.submit(&lead, cb(pallet_community_bounty::Call::propose_program { spec: Box::new(spec) }))
		.expect("the seed proposal is valid");
	chain.end_block();

	// Block 2: the council approves it with a motion.
	chain.start_block(2);
	chain.say("2. The council approves it: a motion needing 3 of 5 ayes");
	council_motion(
		&mut chain,
		cb(pallet_community_bounty::Call::approve_program { index: 0 }),
		&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie],
		&[Sr25519Keyring::Dave],
	);
	chain.end_block();

	// Block 3: the roster.
	chain.start_block(3);
	chain.say("3. Rhee enters the roster of Senior Ambassadors and their crews");
	for (name, region, senior) in roster() {
		chain
			.submit(
				&lead,
				cb(pallet_community_bounty::Call::add_member {
					index: 0,
					who: MultiAddress::Id(named(name)),
					role: if senior.is_some() { Role::Ambassador } else { Role::SeniorAmbassador },
					region: bounded(region),
					senior: senior.map(|s| MultiAddress::Id(named(s))),
				}),
			)
			.expect("roster entries are valid");
	}
	chain.end_block();

	// Three monthly reward runs.
	let seniors: Vec<_> =
		roster().into_iter().filter(|(_, _, s)| s.is_none()).map(|(n, _, _)| n).collect();
	let senior_shares = [400u128, 350, 350, 300, 300, 300];
	let approved_at = 2;
	let month = 30 * DAYS;
	for m in 0..3u32 {
		let block = approved_at + m * month + 25 * DAYS;
		if m == 1 {
			chain.start_block(block - DAYS);
			chain.say("   The council updates the PHA/USD rate (PHA fell: 3.2 PHA per USD)");
			council_motion(
				&mut chain,
				RuntimeCall::AssetRate(pallet_asset_rate::Call::update {
					asset_kind: Box::new(USD_ASSET),
					rate: FixedU128::saturating_from_rational(32, 10),
				}),
				&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie],
				&[],
			);
			chain.end_block();
		}
		chain.start_block(block);
		chain.say(&format!(
			"{}. Month {}: the monthly reward run, one batch, all or nothing",
			4 + m,
			m + 1
		));
		let mut awards: Vec<_> = seniors
			.iter()
			.zip(senior_shares)
			.map(|(name, share)| Award {
				pool: SENIOR_POOL,
				beneficiary: named(name),
				amount: share * USD,
				reason: bounded(&format!(
					"Senior Ambassador, month {}: AMA, posts, translations",
					m + 1
				)),
			})
			.collect();
		for (i, (name, what)) in contributors.iter().enumerate() {
			if (i + m as usize).is_multiple_of(2) {
				awards.push(Award {
					pool: CONTRIBUTOR_POOL,
					beneficiary: named(name),
					amount: 750 * USD,
					reason: bounded(what),
				});
			}
		}
		chain
			.submit(
				&lead,
				cb(pallet_community_bounty::Call::award_batch {
					index: 0,
					awards: awards.try_into().expect("a month's run fits a batch"),
				}),
			)
			.expect("the month's awards are within the caps");
		if m == 0 {
			chain.say("   A late extra award would break the senior cap: refused, nothing changes");
			let refused = chain.submit(
				&lead,
				cb(pallet_community_bounty::Call::award {
					index: 0,
					pool: SENIOR_POOL,
					beneficiary: MultiAddress::Id(named("Kyle")),
					amount: 50 * USD,
					reason: bounded("extra"),
				}),
			);
			if !json_mode {
				println!(
					"  #{:<7} {:<22} refused: {}",
					chain.block,
					"Rhee (lead, Ferdie)",
					refused.err().unwrap_or_default()
				);
			}
		}
		chain.end_block();
	}

	// Milestone 1: reported, approved below target with a cut.
	let block = approved_at + 3 * month + 5 * DAYS;
	chain.start_block(block);
	chain.say("7. Milestone 1 (40+ ambassadors): Rhee claims 32; the chain counts the roster");
	report_milestone(
		&mut chain,
		&lead,
		0,
		32,
		"https://forum.phala.network/t/community-bounty-april-2022/ms1",
	)
	.expect("milestone 1 can be reported");
	chain.say("   The council approves below target and cuts milestone 2's tranche by 6,000 PHA");
	let motion = approve_milestone(&mut chain, 0, Some(6_000 * UNITS));
	council_motion(
		&mut chain,
		motion,
		&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie],
		&[Sr25519Keyring::Eve],
	);
	chain.end_block();

	// Milestone 2: reported, first rejected by a majority, reported again, approved.
	chain.start_block(block + 20 * DAYS);
	chain.say(
		"8. Milestone 2 (50,000 users): Rhee reports 45,500; the council rejects the first report",
	);
	report_milestone(&mut chain, &lead, 1, 45_500, "tg 40,000+ / discord ~5,500")
		.expect("milestone 2 can be reported");
	let motion = reject_milestone(&mut chain, 1);
	council_motion(&mut chain, motion, &[Sr25519Keyring::Bob, Sr25519Keyring::Charlie], &[]);
	chain
		.say("   Rhee reports again with exported member lists; the council approves below target");
	report_milestone(&mut chain, &lead, 1, 45_500, "ipfs://bafy-member-exports-tg-discord-2022-07")
		.expect("milestone 2 can be reported again");
	let motion = approve_milestone(&mut chain, 1, None);
	council_motion(
		&mut chain,
		motion,
		&[Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave],
		&[],
	);
	chain.end_block();

	// The lead closes the program: the rest goes back to the treasury.
	chain.start_block(block + 21 * DAYS);
	chain.say(
		"9. Every milestone decided: Rhee closes the program; the rest returns to the treasury",
	);
	let program_before = chain.balance(&program);
	chain
		.submit(&lead, cb(pallet_community_bounty::Call::close_program { index: 0 }))
		.expect("the lead may close after the last milestone");
	chain.end_block();

	// The ledger.
	let issuance_after = chain.ext.execute_with(|| Balances::total_issuance());
	let treasury_after = chain.balance(&treasury);
	let mut beneficiaries: Vec<(String, Balance)> = Vec::new();
	let mut paid_total = 0;
	let mut names: Vec<&str> = seniors.clone();
	names.extend(contributors.iter().map(|(n, _)| *n));
	for name in names {
		let b = chain.balance(&named(name));
		paid_total += b;
		beneficiaries.push((name.to_string(), b));
	}
	let lead_balance = chain.balance(&lead_id);
	let program_after = chain.balance(&program);
	let elapsed = started.elapsed();

	if json_mode {
		let doc = json!({
			"scenario": "Khala treasury proposal #14 (April 2022, 100,000 PHA)",
			"events": chain.trail.iter().map(|e| json!({
				"block": e.block, "signer": e.who, "pallet": e.pallet, "name": e.name, "fields": e.fields, "text": e.text,
			})).collect::<Vec<_>>(),
			"ledger": {
				"treasury_before": treasury_before.to_string(),
				"treasury_after": treasury_after.to_string(),
				"program_account_before_close": program_before.to_string(),
				"program_account_after": program_after.to_string(),
				"lead_after": lead_balance.to_string(),
				"beneficiaries": beneficiaries.iter().map(|(n, b)| json!({"name": n, "balance": b.to_string()})).collect::<Vec<_>>(),
				"rewards_paid": paid_total.to_string(),
				"fees_to_treasury": chain.fees.to_string(),
				"total_issuance_before": issuance_before.to_string(),
				"total_issuance_after": issuance_after.to_string(),
			},
		});
		println!("{}", serde_json::to_string_pretty(&doc).expect("JSON serialises"));
	} else {
		println!("\nClosing ledger");
		println!("  treasury            {} → {}", pha(treasury_before), pha(treasury_after));
		println!(
			"    = before − rewards paid ({}) + fees received ({})",
			pha(paid_total),
			pha(chain.fees)
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
		println!("\n{} events in the audit trail; replay took {:.2?}", chain.trail.len(), elapsed);
	}
	assert_eq!(issuance_before, issuance_after, "total issuance is unchanged");
	assert_eq!(
		treasury_after,
		treasury_before - paid_total + chain.fees,
		"the treasury lost exactly the rewards and gained exactly the fees"
	);
}
