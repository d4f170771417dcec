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

//! Writes `docs/PERFORMANCE.md`: every call of pallet-community-bounty beside its closest
//! neighbour in `pallet-bounties` or `pallet-balances`, all measured in one frame-omni-bencher
//! run on the demo runtime (`scripts/benchmark.sh`), and a month's reward run against a block.
//!
//! The figures are not parsed from text: they are the weights the demo runtime charges, got by
//! calling its generated `WeightInfo` impls (`community_bounty_runtime::weights`), storage
//! accesses at `RocksDbWeight` included.
//!
//!     cargo run -p community-bounty-demo --bin performance             # rewrites the file
//!     cargo run -p community-bounty-demo --bin performance -- --check  # fails if it is stale

use community_bounty_runtime::{weights, Runtime, RuntimeBlockWeights};
use frame_support::{dispatch::DispatchClass, weights::Weight};
use pallet_balances::WeightInfo as _;
use pallet_bounties::WeightInfo as _;
use pallet_community_bounty::{Config, WeightInfo as _};
use sp_runtime::traits::Get;
use std::fmt::Write as _;

type Ours = weights::pallet_community_bounty::WeightInfo<Runtime>;
type Bounties = weights::pallet_bounties::WeightInfo<Runtime>;
type Balances = weights::pallet_balances::WeightInfo<Runtime>;

/// Where the document lives, from the workspace root.
const OUTPUT: &str = "docs/PERFORMANCE.md";
/// The weight files the figures come from, with the commands that measured them; their headers
/// say how, where and when. (`pallets/community-bounty/src/weights.rs` is the same benchmarks in
/// the pallet's layout, from the same script run.)
const RUN: [(&str, &str); 3] = [
	(
		"runtime/src/weights/pallet_community_bounty.rs",
		include_str!("../../../runtime/src/weights/pallet_community_bounty.rs"),
	),
	(
		"runtime/src/weights/pallet_bounties.rs",
		include_str!("../../../runtime/src/weights/pallet_bounties.rs"),
	),
	(
		"runtime/src/weights/pallet_balances.rs",
		include_str!("../../../runtime/src/weights/pallet_balances.rs"),
	),
];

/// Senior Ambassadors and contributors paid in the month of the target ("a month's run").
const MONTH_SENIORS: u32 = 10;
const MONTH_CONTRIBUTORS: u32 = 50;

/// A call with components, as a linear function of them.
struct Call {
	name: &'static str,
	/// How the table shows the call at its worst case, when not `name(components)`.
	label: Option<&'static str>,
	/// Component names and their worst case in the demo runtime.
	components: Vec<(&'static str, u32)>,
	weight: Box<dyn Fn(&[u32]) -> Weight>,
}

impl Call {
	fn new(
		name: &'static str,
		components: Vec<(&'static str, u32)>,
		weight: impl Fn(&[u32]) -> Weight + 'static,
	) -> Self {
		Self { name, label: None, components, weight: Box::new(weight) }
	}

	/// A neighbour made of more than one call (or share of one), shown as `label`.
	fn composite(
		name: &'static str,
		label: &'static str,
		weight: impl Fn(&[u32]) -> Weight + 'static,
	) -> Self {
		Self { name, label: Some(label), components: vec![], weight: Box::new(weight) }
	}

	fn at(&self, values: &[u32]) -> Weight {
		(self.weight)(values)
	}

	fn base(&self) -> Weight {
		self.at(&vec![0; self.components.len()])
	}

	/// The weight each unit of component `i` adds (the generated functions are linear).
	fn slope(&self, i: usize) -> Weight {
		let mut one = vec![0; self.components.len()];
		one[i] = 1;
		self.at(&one).saturating_sub(self.base())
	}

	fn worst(&self) -> Weight {
		let values: Vec<u32> = self.components.iter().map(|(_, max)| *max).collect();
		self.at(&values)
	}

	/// `name(c = max, ...)`: the call at its worst case.
	fn worst_label(&self) -> String {
		match self.label {
			Some(label) => label.to_string(),
			None => self.label_at(&self.components.iter().map(|(_, max)| *max).collect::<Vec<_>>()),
		}
	}

	/// `name(c = value, ...)`.
	fn label_at(&self, values: &[u32]) -> String {
		let args: Vec<String> = self
			.components
			.iter()
			.zip(values)
			.map(|((name, _), value)| format!("{name}={value}"))
			.collect();
		format!("`{}({})`", self.name, args.join(", "))
	}
}

/// A comparison: ours against a neighbour, with the target and why they differ.
struct Row {
	ours: &'static str,
	/// Components of ours to evaluate at, or `None` for the worst case.
	at: Option<Vec<u32>>,
	neighbour: &'static str,
	/// The ratio allowed (1.0: at most the neighbour).
	target: f64,
	/// What the two calls do, and where ours costs more, why.
	note: &'static str,
}

fn ours() -> Vec<Call> {
	let step = <Runtime as Config>::RemovalLimit::get();
	let crew = <Runtime as Config>::MaxCrew::get();
	vec![
		Call::new(
			"propose_program",
			vec![
				("t", <Runtime as Config>::MaxTitleLen::get()),
				("d", <Runtime as Config>::MaxDescriptionLen::get()),
				("m", <Runtime as Config>::MaxMilestones::get()),
				("p", <Runtime as Config>::MaxPools::get()),
			],
			|c| Ours::propose_program(c[0], c[1], c[2], c[3]),
		),
		Call::new("approve_program", vec![], |_| Ours::approve_program()),
		Call::new("reject_program", vec![], |_| Ours::reject_program()),
		Call::new("cancel_program", vec![("n", step)], |c| Ours::cancel_program(c[0])),
		Call::new("close_program", vec![("n", step)], |c| Ours::close_program(c[0])),
		Call::new("clear_program", vec![("n", step)], |c| Ours::clear_program(c[0])),
		Call::new("unbar_member", vec![], |_| Ours::unbar_member()),
		Call::new("set_lead", vec![], |_| Ours::set_lead()),
		Call::new("release_tranche", vec![], |_| Ours::release_tranche()),
		Call::new("reclaim", vec![], |_| Ours::reclaim()),
		Call::new("add_member", vec![], |_| Ours::add_member()),
		Call::new("remove_member", vec![("c", crew)], |c| Ours::remove_member(c[0])),
		Call::new(
			"report_milestone",
			vec![("e", <Runtime as Config>::MaxEvidenceLen::get())],
			|c| Ours::report_milestone(c[0]),
		),
		Call::new("approve_milestone", vec![], |_| Ours::approve_milestone()),
		Call::new("reject_milestone", vec![], |_| Ours::reject_milestone()),
		Call::new("award", vec![("r", <Runtime as Config>::MaxReasonLen::get())], |c| {
			Ours::award(c[0])
		}),
		Call::new("award_batch", vec![("n", <Runtime as Config>::MaxAwardsPerCall::get())], |c| {
			Ours::award_batch(c[0])
		}),
		Call::new("promote_member", vec![], |_| Ours::promote_member()),
		Call::new("file_report", vec![("e", <Runtime as Config>::MaxEvidenceLen::get())], |c| {
			Ours::file_report(c[0])
		}),
		Call::new("file_claim", vec![("e", <Runtime as Config>::MaxEvidenceLen::get())], |c| {
			Ours::file_claim(c[0])
		}),
		Call::new("score_round", vec![("n", <Runtime as Config>::MaxScoresPerCall::get())], |c| {
			Ours::score_round(c[0])
		}),
		Call::new("mark_spam", vec![], |_| Ours::mark_spam()),
		Call::new("finalize_round", vec![], |_| Ours::finalize_round()),
		Call::new(
			"settle_round_tally",
			vec![("p", <Runtime as Config>::MaxSettlePerCall::get())],
			|c| Ours::settle_round_tally(c[0]),
		),
		Call::new(
			"settle_round_pay",
			vec![("p", <Runtime as Config>::MaxSettlePerCall::get())],
			|c| Ours::settle_round_pay(c[0]),
		),
	]
}

/// The seed's round as the demo settles it: 33 reports (month 2: 34 members, one late).
const SEED_ROUND: u32 = 33;

/// The weight of settling a round of `n` entries, extrinsic by extrinsic: the tally pages, then
/// the pay pages, each with the base extrinsic weight; and how many extrinsics.
fn settle_weight(n: u32, base_extrinsic: Weight) -> (Weight, u32) {
	let page = <Runtime as Config>::MaxSettlePerCall::get();
	let mut total = Weight::zero();
	let mut calls = 0;
	for pages in [Ours::settle_round_tally as fn(u32) -> Weight, Ours::settle_round_pay] {
		let mut left = n;
		// A round of no entries still takes one call of each kind.
		loop {
			let this = left.min(page);
			total = total.saturating_add(pages(this.max(1))).saturating_add(base_extrinsic);
			calls += 1;
			left -= this;
			if left == 0 {
				break;
			}
		}
	}
	(total, calls)
}

/// The weight of paying `n` direct awards in batches of at most `MaxAwardsPerCall`.
fn batches_weight(n: u32, base_extrinsic: Weight) -> (Weight, u32) {
	let max = <Runtime as Config>::MaxAwardsPerCall::get();
	let mut total = Weight::zero();
	let (mut left, mut calls) = (n, 0);
	while left > 0 {
		let this = left.min(max);
		total = total.saturating_add(Ours::award_batch(this)).saturating_add(base_extrinsic);
		calls += 1;
		left -= this;
	}
	(total, calls)
}

fn neighbours() -> Vec<Call> {
	let reason = <Runtime as pallet_bounties::Config>::MaximumReasonLength::get();
	vec![
		Call::new("propose_bounty", vec![("d", reason)], |c| Bounties::propose_bounty(c[0])),
		Call::new("approve_bounty", vec![], |_| Bounties::approve_bounty()),
		Call::composite(
			"approve_and_fund_bounty",
			"`approve_bounty()` + one bounty's share of `spend_funds(b)`",
			|_| {
				let share = Bounties::spend_funds(1).saturating_sub(Bounties::spend_funds(0));
				Bounties::approve_bounty().saturating_add(share)
			},
		),
		Call::new("propose_curator", vec![], |_| Bounties::propose_curator()),
		Call::new("accept_curator", vec![], |_| Bounties::accept_curator()),
		Call::new("unassign_curator", vec![], |_| Bounties::unassign_curator()),
		Call::new("award_bounty", vec![], |_| Bounties::award_bounty()),
		Call::new("claim_bounty", vec![], |_| Bounties::claim_bounty()),
		Call::new("close_bounty_proposed", vec![], |_| Bounties::close_bounty_proposed()),
		Call::new("close_bounty_active", vec![], |_| Bounties::close_bounty_active()),
		Call::new("reclaim_bounty_funds", vec![], |_| Bounties::reclaim_bounty_funds()),
		Call::new("transfer_keep_alive", vec![], |_| Balances::transfer_keep_alive()),
		Call::new("force_transfer", vec![], |_| Balances::force_transfer()),
	]
}

/// Ours, as shares of a call: only in the side-by-side.
fn our_shares() -> Vec<Call> {
	let month = MONTH_SENIORS + MONTH_CONTRIBUTORS;
	let page = <Runtime as Config>::MaxSettlePerCall::get();
	vec![
		Call::composite("award_in_a_batch", "`award_batch(n=60)` / 60", move |_| {
			let batch = Ours::award_batch(month);
			Weight::from_parts(batch.ref_time() / month as u64, batch.proof_size() / month as u64)
		}),
		Call::composite("payment_in_a_settlement", "`settle_round_pay(p=32)` / 32", move |_| {
			let pay = Ours::settle_round_pay(page);
			Weight::from_parts(pay.ref_time() / page as u64, pay.proof_size() / page as u64)
		}),
	]
}

fn rows() -> Vec<Row> {
	let row = |ours, at, neighbour, target, note| Row { ours, at, neighbour, target, note };
	vec![
		row(
			"propose_program",
			None,
			"propose_bounty",
			1.0,
			"Both store a text of up to 16 KiB and a bond (ours a hold in `Balances::Holds`, theirs \
			 a reserve): the same 2 reads and 4 writes. Ours also checks and stores up to 8 \
			 milestones and 4 pools, a record of up to 775 bytes: the extra execution time.",
		),
		row(
			"approve_program",
			None,
			"approve_and_fund_bounty",
			1.0,
			"The same work: approve, then move the money from the treasury. A bounty is funded \
			 later by `spend_funds` at the spend period; ours releases the bond and pays tranche 0 \
			 at once (5 reads, 5 writes: the lead's account is charged, as the council signs).",
		),
		row(
			"reject_program",
			None,
			"close_bounty_proposed",
			1.0,
			"Both slash the bond to the treasury and remove the proposal and its text; ours reads \
			 the lead's account too (4 reads, 5 writes against 3 and 4), slashes a hold and \
			 decodes a larger record.",
		),
		row(
			"cancel_program",
			Some(vec![8]),
			"close_bounty_active",
			1.0,
			"An empty program: the refund, then one look-up in each of its 8 maps to find it empty \
			 (n = 8); a bounty has one record to remove.",
		),
		row(
			"cancel_program",
			None,
			"close_bounty_active",
			1.0,
			"A bounty has no roster nor rounds: ours takes a clean-up step of up to \
			 `RemovalLimit` entries in the same call, measured on the costliest kind (a round's \
			 claim, whose deposit is released), charged at the bound and refunded to what it \
			 visited; the rest goes in `clear_program` steps.",
		),
		row(
			"close_program",
			Some(vec![8]),
			"close_bounty_active",
			1.0,
			"As `cancel_program(n=8)`.",
		),
		row(
			"close_program",
			None,
			"close_bounty_active",
			1.0,
			"As `cancel_program(n=88)`.",
		),
		row(
			"set_lead",
			None,
			"propose_curator",
			1.0,
			"The council names who runs the money: one record read and written by both; ours is \
			 the larger record.",
		),
		row(
			"release_tranche",
			None,
			"claim_bounty",
			1.0,
			"A payout: ours pays an owed tranche from the treasury to the program account.",
		),
		row(
			"reclaim",
			None,
			"reclaim_bounty_funds",
			1.0,
			"Both sweep what is left in a finished account to the treasury; ours also reads \
			 `ProgramCount` to tell a closed program from one that never existed.",
		),
		row(
			"add_member",
			None,
			"accept_curator",
			1.0,
			"Someone takes a role. Ours checks the council's bars, then writes the member, its \
			 Senior Ambassador, the crew list and the program (5 reads, 4 writes, at a crew one \
			 short of `MaxCrew`); accepting a curator writes the bounty and the curator's deposit \
			 (2 and 2).",
		),
		row(
			"remove_member",
			Some(vec![0]),
			"unassign_curator",
			1.0,
			"Someone leaves a role, removed by the council: ours removes the member, bars it \
			 (one more write) and updates the roster count and the crew list.",
		),
		row(
			"remove_member",
			None,
			"unassign_curator",
			1.0,
			"A Senior Ambassador leaves with its crew (up to `MaxCrew`, 16): one roster write per \
			 crew member.",
		),
		row(
			"report_milestone",
			None,
			"award_bounty",
			1.0,
			"The one who runs the work declares it done. Ours reads the program and checks no \
			 report is pending (2 reads), then stores the report with up to 256 bytes of \
			 evidence; theirs updates the bounty (1 read).",
		),
		row(
			"approve_milestone",
			None,
			"approve_and_fund_bounty",
			1.0,
			"Approve, then pay the next tranche from the treasury at once.",
		),
		row(
			"reject_milestone",
			None,
			"close_bounty_proposed",
			1.0,
			"The council turns down a claim; ours only removes the report (no bond to slash).",
		),
		row(
			"award",
			None,
			"claim_bounty",
			1.0,
			"A payout to a beneficiary. Ours also reads the roster entry and the rate and reads \
			 and writes the pool's and the member's spending for the caps (7 reads, 5 writes \
			 against 4 and 5).",
		),
		row(
			"award",
			None,
			"transfer_keep_alive",
			1.5,
			"Not reachable by a single payment under caps: a transfer from the signer reads and \
			 writes one account (the signer's is already loaded for the fee), while an award pays \
			 from the program account (a second account) and must record what the pool and the \
			 member spent (DESIGN: caps per period). At `RocksDbWeight` a write costs 100 us, so \
			 the floor is about 5 writes against 1. A month's run uses `award_batch` (below).",
		),
		row(
			"award",
			None,
			"force_transfer",
			1.5,
			"Against a transfer between two accounts neither of which signed, as an award is: the \
			 difference is the cap bookkeeping (the program, pool and member records, the roster \
			 entry, the rate).",
		),
		row(
			"promote_member",
			None,
			"accept_curator",
			1.0,
			"Someone takes a role: ours rewrites the member, takes it out of its senior's crew \
			 (the crew list and the senior) and counts the seniors.",
		),
		row(
			"file_report",
			None,
			"award_bounty",
			1.0,
			"The one who did the work declares it. Ours checks the filer is on the roster and has \
			 not filed, and writes the report and the round's list of filers (up to 160 accounts, \
			 read and written whole).",
		),
		row(
			"file_claim",
			None,
			"propose_bounty",
			1.0,
			"Both hold a deposit and store a record with a text; ours also reads and writes the \
			 round's list of filers.",
		),
		row(
			"mark_spam",
			None,
			"close_bounty_proposed",
			1.0,
			"Both slash a deposit to the treasury and remove a record; ours takes the filer out of \
			 the round's list.",
		),
		row(
			"finalize_round",
			None,
			"award_bounty",
			1.0,
			"The one who runs the work closes it for payment: one record read and written by both; \
			 ours is the round with its list of filers.",
		),
		row(
			"payment_in_a_settlement",
			None,
			"transfer_keep_alive",
			1.0,
			"One payment of a settlement page (half senior reports creating their payee's \
			 account, half claims releasing a deposit): the entry is read and removed, the \
			 payee's account written, and for a claim its hold released, against a transfer's \
			 one account read and write (the signer's is loaded for the fee).",
		),
		row(
			"award_in_a_batch",
			None,
			"transfer_keep_alive",
			1.5,
			"One award inside the monthly batch (spread over all 4 pools, each in its own asset): \
			 the program, the pools' spending records and the rates are read once per batch, so \
			 each award adds the roster entry, the member's spending record and the beneficiary's \
			 account (3 reads, 2 writes) to a transfer's 1 and 1.",
		),
	]
}

fn find<'a>(calls: &'a [Call], name: &str) -> &'a Call {
	calls
		.iter()
		.find(|call| call.name == name)
		.unwrap_or_else(|| panic!("no weight function `{name}`"))
}

/// One of ours for the side-by-side: a share of a call, or a call.
fn find_ours<'a>(ours: &'a [Call], shares: &'a [Call], name: &str) -> &'a Call {
	shares.iter().find(|call| call.name == name).unwrap_or_else(|| find(ours, name))
}

fn ratio(ours: u64, theirs: u64) -> f64 {
	if theirs == 0 {
		f64::INFINITY
	} else {
		ours as f64 / theirs as f64
	}
}

/// `1_234_567` for 1234567.
fn grouped(value: u64) -> String {
	let digits = value.to_string();
	let mut out = String::new();
	for (i, ch) in digits.chars().enumerate() {
		if i > 0 && (digits.len() - i).is_multiple_of(3) {
			out.push('_');
		}
		out.push(ch);
	}
	out
}

fn percent(part: u64, whole: u64) -> f64 {
	ratio(part, whole) * 100.0
}

/// How the run was made: the settings and machine from the first file's header, and the
/// command that measured each file.
fn provenance() -> String {
	let mut out = String::new();
	for line in RUN[0].1.lines() {
		let Some(text) = line.strip_prefix("//! ") else { continue };
		if ["Autogenerated", "STEPS", "HOSTNAME", "WASM-EXECUTION"]
			.iter()
			.any(|key| text.starts_with(key))
		{
			let _ = writeln!(out, "- {text}");
		}
	}
	for (path, source) in RUN {
		let command: Vec<&str> = source
			.lines()
			.skip_while(|line| !line.starts_with("// Executed Command:"))
			.skip(1)
			.map_while(|line| line.strip_prefix("// "))
			.collect();
		let _ = writeln!(out, "- `{path}`: `{}`", command.join(" "));
	}
	out
}

fn render() -> String {
	let ours = ours();
	let neighbours = neighbours();
	let block = RuntimeBlockWeights::get();
	let max_block = block.max_block;
	let base_extrinsic = block.get(DispatchClass::Normal).base_extrinsic;

	let mut doc = String::new();
	let w = &mut doc;
	let _ = writeln!(w, "# Performance\n");
	let _ = writeln!(
		w,
		"Generated by `cargo run -p community-bounty-demo --bin performance` from the weights \
		 the demo runtime charges (`runtime/src/weights/`), which one run of \
		 `scripts/benchmark.sh` measured on the demo runtime's wasm (one frame-omni-bencher \
		 invocation per file, listed below). Do not edit by hand.\n"
	);
	let _ = writeln!(w, "The run:\n");
	let _ = writeln!(w, "{}", provenance());
	let _ = writeln!(
		w,
		"ref_time is in picoseconds, proof_size in bytes; both include the storage reads and \
		 writes at `RocksDbWeight`. The \"at 0\" columns are the intercept of the fitted line \
		 (every component at 0, even where its range starts at 1); a component's figure is what \
		 each unit of it adds.\n"
	);

	let _ = writeln!(w, "## The weights of pallet-community-bounty\n");
	let _ = writeln!(
		w,
		"| call | ref_time at 0 | proof_size at 0 | per component (ref_time / proof_size) | worst case | ref_time | proof_size |"
	);
	let _ = writeln!(w, "|---|---:|---:|---|---|---:|---:|");
	for call in &ours {
		let base = call.base();
		let per: Vec<String> = call
			.components
			.iter()
			.enumerate()
			.map(|(i, (name, max))| {
				let slope = call.slope(i);
				format!(
					"`{name}` (up to {max}): {} / {}",
					grouped(slope.ref_time()),
					grouped(slope.proof_size())
				)
			})
			.collect();
		let worst = call.worst();
		let _ = writeln!(
			w,
			"| `{}` | {} | {} | {} | {} | {} | {} |",
			call.name,
			grouped(base.ref_time()),
			grouped(base.proof_size()),
			if per.is_empty() { "-".to_string() } else { per.join("<br>") },
			call.worst_label(),
			grouped(worst.ref_time()),
			grouped(worst.proof_size()),
		);
	}

	let _ = writeln!(w, "\n## Side by side with the neighbours\n");
	let _ = writeln!(
		w,
		"Each of our calls at its worst case (unless components are given) beside the call a \
		 chain would otherwise use for the same step, measured in the same run. Target: at most \
		 the neighbour's ref_time and proof_size (1.00x), and `award` within 1.5x of \
		 `transfer_keep_alive`.\n"
	);
	let _ = writeln!(
		w,
		"| ours | ref_time | proof_size | neighbour | ref_time | proof_size | ref_time ratio | proof_size ratio | target | met | what differs |"
	);
	let _ = writeln!(w, "|---|---:|---:|---|---:|---:|---:|---:|---:|---|---|");
	let (mut missed, mut near) = (Vec::new(), Vec::new());
	let shares = our_shares();
	for row in rows() {
		let call = find_ours(&ours, &shares, row.ours);
		let (label, weight) = match &row.at {
			Some(values) => (call.label_at(values), call.at(values)),
			None => (call.worst_label(), call.worst()),
		};
		let theirs_call = find(&neighbours, row.neighbour);
		let theirs = theirs_call.worst();
		let ref_ratio = ratio(weight.ref_time(), theirs.ref_time());
		let proof_ratio = ratio(weight.proof_size(), theirs.proof_size());
		let met = ref_ratio <= row.target && proof_ratio <= row.target;
		let pair = format!("{label} against {}", theirs_call.worst_label());
		// Proof sizes are bounds, the same in every run; only execution times are noisy.
		if (0.97..=1.03).contains(&(ref_ratio / row.target)) {
			near.push(pair.clone());
		}
		if !met {
			missed.push(pair);
		}
		let _ = writeln!(
			w,
			"| {label} | {} | {} | {} | {} | {} | {ref_ratio:.2}x | {proof_ratio:.2}x | {:.1}x | {} | {} |",
			grouped(weight.ref_time()),
			grouped(weight.proof_size()),
			theirs_call.worst_label(),
			grouped(theirs.ref_time()),
			grouped(theirs.proof_size()),
			row.target,
			if met { "yes" } else { "**no**" },
			row.note,
		);
	}

	let _ = writeln!(w, "\n## A month's reward run\n");
	let awards = MONTH_SENIORS + MONTH_CONTRIBUTORS;
	let batch = find(&ours, "award_batch").at(&[awards]).saturating_add(base_extrinsic);
	let single =
		find(&ours, "award").worst().saturating_add(base_extrinsic).saturating_mul(awards.into());
	let transfers = find(&neighbours, "transfer_keep_alive")
		.worst()
		.saturating_add(base_extrinsic)
		.saturating_mul(awards.into());
	let _ = writeln!(
		w,
		"{MONTH_SENIORS} Senior Ambassadors and {MONTH_CONTRIBUTORS} contributors paid in one \
		 month, every reason at its bound, each extrinsic with the runtime's base extrinsic \
		 weight ({} ps). The block: {} ps ref_time ({} s) and {} bytes proof_size ({} MiB). \
		 Target: under 5% of the block, for the run as a lead makes it: one `award_batch`. The \
		 same awards as 60 separate extrinsics, and 60 plain transfers, are there for scale.\n",
		grouped(base_extrinsic.ref_time()),
		grouped(max_block.ref_time()),
		max_block.ref_time() as f64 / 1e12,
		grouped(max_block.proof_size()),
		max_block.proof_size() as f64 / (1024.0 * 1024.0),
	);
	let _ = writeln!(w, "| run | ref_time | % of block | proof_size | % of block | under 5% |");
	let _ = writeln!(w, "|---|---:|---:|---:|---:|---|");
	for (label, weight) in [
		(format!("one `award_batch(n={awards})`"), batch),
		(format!("{awards} × {}", find(&ours, "award").worst_label()), single),
		(format!("{awards} × `transfer_keep_alive` (for scale)"), transfers),
	] {
		let ref_pct = percent(weight.ref_time(), max_block.ref_time());
		let proof_pct = percent(weight.proof_size(), max_block.proof_size());
		let _ = writeln!(
			w,
			"| {label} | {} | {ref_pct:.2}% | {} | {proof_pct:.2}% | {} |",
			grouped(weight.ref_time()),
			grouped(weight.proof_size()),
			if ref_pct < 5.0 && proof_pct < 5.0 { "yes" } else { "**no**" },
		);
	}

	if let Some(normal) = block.get(DispatchClass::Normal).max_total {
		let _ = writeln!(
			w,
			"\nNormal extrinsics may fill {:.0}% of a block, so the batch takes {:.2}% of their \
			 ref_time and {:.2}% of their proof_size.",
			percent(normal.ref_time(), max_block.ref_time()),
			percent(batch.ref_time(), normal.ref_time()),
			percent(batch.proof_size(), normal.proof_size()),
		);
	}

	let _ = writeln!(w, "\n## Settling a monthly round\n");
	let round = <Runtime as Config>::MaxClaimsPerRound::get();
	let page = <Runtime as Config>::MaxSettlePerCall::get();
	let _ = writeln!(
		w,
		"A round's settlement is paged: the first call fixes the rate, each call checks and \
		 tallies (`settle_round_tally`, the last one committing what the round may pay) or pays \
		 (`settle_round_pay`) at most `MaxSettlePerCall` ({page}) entries, so that no call \
		 passes 5% of the block. A full round holds `MaxClaimsPerRound` ({round}) reports and \
		 claims. Beside it, the same number of payments as direct awards in `award_batch` calls \
		 of at most `MaxAwardsPerCall` each (which a scored pool cannot take: the lead would \
		 compute and type every amount).\n"
	);
	let _ = writeln!(
		w,
		"| run | extrinsics | ref_time | % of block | proof_size | % of block | per entry (ref_time) | per entry / `transfer_keep_alive` |"
	);
	let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|---:|");
	let transfer = find(&neighbours, "transfer_keep_alive").worst().saturating_add(base_extrinsic);
	let tally = find(&ours, "settle_round_tally").worst().saturating_add(base_extrinsic);
	let pay = find(&ours, "settle_round_pay").worst().saturating_add(base_extrinsic);
	let rows: Vec<(String, (Weight, u32), u32)> = vec![
		(format!("one tally page, `settle_round_tally(p={page})`"), (tally, 1), page),
		(format!("one pay page, `settle_round_pay(p={page})`"), (pay, 1), page),
		(
			format!("the seed's round ({SEED_ROUND} reports), settled"),
			settle_weight(SEED_ROUND, base_extrinsic),
			SEED_ROUND,
		),
		(
			format!("a full round ({round} entries), settled"),
			settle_weight(round, base_extrinsic),
			round,
		),
		(
			format!("{round} direct awards in `award_batch` calls"),
			batches_weight(round, base_extrinsic),
			round,
		),
	];
	for (label, (weight, calls), entries) in rows {
		let per = weight.ref_time() / u64::from(entries.max(1));
		let _ = writeln!(
			w,
			"| {label} | {calls} | {} | {:.2}% | {} | {:.2}% | {} | {:.2}x |",
			grouped(weight.ref_time()),
			percent(weight.ref_time(), max_block.ref_time()),
			grouped(weight.proof_size()),
			percent(weight.proof_size(), max_block.proof_size()),
			grouped(per),
			ratio(per, transfer.ref_time()),
		);
	}
	let _ = writeln!(
		w,
		"\nEach page is one extrinsic: the percentages of a page are what one block must carry; \
		 a whole round spreads over as many blocks as it likes. Per entry: the run's weight over \
		 the entries it checks (each is tallied once and paid, or skipped, once), base extrinsic \
		 weights included; a direct award is one entry of a batch."
	);

	let _ = writeln!(w, "\n## Targets missed\n");
	if missed.is_empty() {
		let _ = writeln!(w, "None.");
	} else {
		let _ = writeln!(
			w,
			"{}.\n\nThe \"what differs\" column says why each costs more.",
			missed.join("; ")
		);
	}
	if !near.is_empty() {
		let _ = writeln!(
			w,
			"\nref_time within 3% of the target either way, so a rerun can flip them: {}.",
			near.join("; ")
		);
	}
	doc
}

fn workspace_root() -> std::path::PathBuf {
	std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn main() -> Result<(), String> {
	let path = workspace_root().join(OUTPUT);
	let doc = render();
	if std::env::args().any(|arg| arg == "--check") {
		let current = std::fs::read_to_string(&path).map_err(|e| format!("{OUTPUT}: {e}"))?;
		if current != doc {
			return Err(format!(
				"{OUTPUT} is stale: run `cargo run -p community-bounty-demo --bin performance`"
			));
		}
		println!("{OUTPUT} is up to date");
		return Ok(());
	}
	std::fs::write(&path, &doc).map_err(|e| format!("{OUTPUT}: {e}"))?;
	print!("{doc}");
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn performance_doc_matches_the_weights() {
		let current = std::fs::read_to_string(workspace_root().join(OUTPUT))
			.expect("docs/PERFORMANCE.md exists");
		assert!(
			current == render(),
			"{OUTPUT} is stale: run `cargo run -p community-bounty-demo --bin performance`"
		);
	}

	#[test]
	fn slopes_of_a_linear_function() {
		let call = Call::new("f", vec![("a", 10), ("b", 3)], |c| {
			Weight::from_parts(100 + 7 * c[0] as u64 + 2 * c[1] as u64, 50 + 3 * c[1] as u64)
		});
		assert_eq!(call.base(), Weight::from_parts(100, 50));
		assert_eq!(call.slope(0), Weight::from_parts(7, 0));
		assert_eq!(call.slope(1), Weight::from_parts(2, 3));
		assert_eq!(call.worst(), Weight::from_parts(176, 59));
		assert_eq!(call.worst_label(), "`f(a=10, b=3)`");
	}

	#[test]
	fn every_row_names_known_calls() {
		let (ours, neighbours, shares) = (ours(), neighbours(), our_shares());
		for row in rows() {
			let call = find_ours(&ours, &shares, row.ours);
			find(&neighbours, row.neighbour);
			if let Some(values) = row.at {
				assert_eq!(values.len(), call.components.len(), "{}", row.ours);
			}
		}
	}

	#[test]
	fn grouping() {
		assert_eq!(grouped(0), "0");
		assert_eq!(grouped(999), "999");
		assert_eq!(grouped(1_000), "1_000");
		assert_eq!(grouped(12_345_678), "12_345_678");
	}
}
