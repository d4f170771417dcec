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
use frame_support::{
	dispatch::DispatchClass,
	weights::{constants::RocksDbWeight, Weight},
};
use pallet_balances::WeightInfo as _;
use pallet_bounties::WeightInfo as _;
use pallet_community_bounty::{Config, WeightInfo as _};
use pallet_treasury::WeightInfo as _;
use sp_runtime::traits::Get;
use std::fmt::Write as _;

type Ours = pallet_community_bounty::weights::SubstrateWeight<Runtime>;
type CommunityBounty = pallet_community_bounty::Pallet<Runtime>;
type Bounties = weights::pallet_bounties::WeightInfo<Runtime>;
type Balances = weights::pallet_balances::WeightInfo<Runtime>;
type Treasury = weights::pallet_treasury::WeightInfo<Runtime>;

/// Where the document lives, from the workspace root.
const OUTPUT: &str = "docs/PERFORMANCE.md";
/// The weight files the figures come from, with the commands that measured them; their headers
/// say how, where and when. (`pallets/community-bounty/src/weights.rs` is the same benchmarks in
/// the pallet's layout, from the same script run.)
const RUN: [(&str, &str); 4] = [
	(
		"pallets/community-bounty/src/weights.rs",
		include_str!("../../../pallets/community-bounty/src/weights.rs"),
	),
	(
		"runtime/src/weights/pallet_bounties.rs",
		include_str!("../../../runtime/src/weights/pallet_bounties.rs"),
	),
	(
		"runtime/src/weights/pallet_balances.rs",
		include_str!("../../../runtime/src/weights/pallet_balances.rs"),
	),
	(
		"runtime/src/weights/pallet_treasury.rs",
		include_str!("../../../runtime/src/weights/pallet_treasury.rs"),
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

	fn worst_values(&self) -> Vec<u32> {
		self.components.iter().map(|(_, max)| *max).collect()
	}

	fn worst(&self) -> Weight {
		self.at(&self.worst_values())
	}

	/// `name(c = max, ...)`: the call at its worst case.
	fn worst_label(&self) -> String {
		match self.label {
			Some(label) => label.to_string(),
			None => self.label_at(&self.worst_values()),
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
	/// What the two calls do, and where ours costs more, why; its figures come from the
	/// weights.
	note: String,
}

/// Reads and writes in words: "2 reads and 1 write".
fn ops_text((reads, writes): (u64, u64)) -> String {
	let plural = |n: u64, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
	format!("{} and {}", plural(reads, "read"), plural(writes, "write"))
}

/// The ref_time of `ops` (reads, writes) at `RocksDbWeight`.
fn db_time((reads, writes): (u64, u64)) -> u64 {
	RocksDbWeight::get().reads_writes(reads, writes).ref_time()
}

/// [`db_time`] in whole microseconds.
fn db_us(ops: (u64, u64)) -> u64 {
	db_time(ops) / 1_000_000
}

/// The reads and writes that one more of component `c` adds to `function` of our weights.
fn per_unit(function: &str, c: &str) -> (u64, u64) {
	let (one, none) =
		(db_ops(RUN[0].1, function, &[(c, 1)]), db_ops(RUN[0].1, function, &[(c, 0)]));
	(one.0.saturating_sub(none.0), one.1.saturating_sub(none.1))
}

/// `a - b`, op by op.
fn ops_minus(a: (u64, u64), b: (u64, u64)) -> (u64, u64) {
	(a.0.saturating_sub(b.0), a.1.saturating_sub(b.1))
}

/// What converting at an asset's rate reads: the rate, and the block it was set (the demo
/// runtime's `DatedRates::SetAt`, for `MaxRateAge`).
const RATE_READS: u64 = 2;

/// The storage figures the notes cite, all read from the weights.
struct Figures {
	/// A plain award's reads and writes, the rate's reads left out.
	plain_award: (u64, u64),
	/// What a senior pool with a member cap adds to an award.
	capped_extra: (u64, u64),
	/// One award of a batch from senior pools with a member cap.
	capped_in_batch: (u64, u64),
	/// What a claim's payment adds to a report's in a settlement page.
	claim_extra: (u64, u64),
	/// `transfer_keep_alive`'s reads and writes and its whole ref_time.
	transfer: (u64, u64),
	transfer_ref_time: u64,
}

impl Figures {
	fn read() -> Self {
		// The award benchmarks pay from a pool in an asset: its rate's reads are left out.
		let award = |function: &str| {
			let (reads, writes) = db_ops(RUN[0].1, function, &[("r", REASON())]);
			(reads.saturating_sub(RATE_READS), writes)
		};
		let plain_award = award("award_plain");
		Self {
			plain_award,
			capped_extra: ops_minus(award("award"), plain_award),
			capped_in_batch: per_unit("award_batch", "n"),
			claim_extra: ops_minus(
				per_unit("settle_round_pay", "p"),
				per_unit("settle_round_pay_reports", "p"),
			),
			transfer: db_ops(RUN[2].1, "transfer_keep_alive", &[]),
			transfer_ref_time: Balances::transfer_keep_alive().ref_time(),
		}
	}

	/// `ops`' storage time as a share of a whole `transfer_keep_alive`.
	fn of_a_transfer(&self, ops: (u64, u64)) -> String {
		format!("{:.2}x", ratio(db_time(ops), self.transfer_ref_time))
	}
}

/// The worst-case components of the demo runtime's bounds.
fn max_settle() -> u32 {
	<Runtime as Config>::RoundPageSize::get()
}
fn max_awards() -> u32 {
	<Runtime as Config>::MaxAwardsPerCall::get()
}
const REASON: fn() -> u32 = || <Runtime as Config>::MaxReasonLen::get();

fn ours() -> Vec<Call> {
	let step = <Runtime as Config>::RemovalLimit::get();
	let crew = <Runtime as Config>::MaxCrew::get();
	vec![
		Call::new(
			"propose_program",
			vec![
				("t", <Runtime as Config>::MaxTitleLen::get()),
				("m", <Runtime as Config>::MaxMilestones::get()),
				("p", <Runtime as Config>::MaxPools::get()),
			],
			|c| Ours::propose_program(c[0], c[1], c[2]),
		),
		Call::new("approve_program", vec![], |_| Ours::approve_program()),
		Call::new("reject_program", vec![], |_| Ours::reject_program()),
		Call::new("cancel_program", vec![("n", step)], |c| Ours::cancel_program(c[0])),
		Call::new("close_program", vec![("n", step)], |c| Ours::close_program(c[0])),
		Call::new("clear_program", vec![("n", step)], |c| Ours::clear_program(c[0])),
		Call::new("clear_program_page", vec![("c", max_settle())], |c| {
			Ours::clear_program_page(c[0])
		}),
		Call::new("unbar_member", vec![], |_| Ours::unbar_member()),
		Call::new("set_lead", vec![("c", crew)], |c| Ours::set_lead(c[0])),
		Call::new("release_tranche", vec![], |_| Ours::release_tranche()),
		Call::new("reclaim", vec![], |_| Ours::reclaim()),
		Call::new("add_member", vec![], |_| Ours::add_member()),
		Call::new("remove_member", vec![("c", crew)], |c| Ours::remove_member(c[0])),
		Call::new(
			"report_milestone",
			vec![
				("e", <Runtime as Config>::MaxEvidenceLen::get()),
				("n", <Runtime as Config>::MaxEntriesPerRound::get()),
			],
			|c| Ours::report_milestone(c[0], c[1]),
		),
		Call::new(
			"approve_milestone",
			vec![("n", <Runtime as Config>::MaxEntriesPerRound::get())],
			|c| Ours::approve_milestone(c[0]),
		),
		Call::new("reject_milestone", vec![], |_| Ours::reject_milestone()),
		Call::new("award", vec![("r", REASON())], |c| Ours::award(c[0])),
		Call::new("award_plain", vec![("r", REASON())], |c| Ours::award_plain(c[0])),
		Call::new("award_batch", vec![("n", max_awards())], |c| Ours::award_batch(c[0])),
		Call::new("award_batch_plain", vec![("n", max_awards())], |c| {
			Ours::award_batch_plain(c[0])
		}),
		Call::new("promote_member", vec![], |_| Ours::promote_member()),
		Call::new("file_report", vec![("e", <Runtime as Config>::MaxEvidenceLen::get())], |c| {
			Ours::file_report(c[0])
		}),
		Call::new(
			"file_report_opening",
			vec![("e", <Runtime as Config>::MaxEvidenceLen::get())],
			|c| Ours::file_report_opening(c[0]),
		),
		Call::new("file_claim", vec![("e", <Runtime as Config>::MaxEvidenceLen::get())], |c| {
			Ours::file_claim(c[0])
		}),
		Call::new(
			"file_claim_opening",
			vec![("e", <Runtime as Config>::MaxEvidenceLen::get())],
			|c| Ours::file_claim_opening(c[0]),
		),
		Call::new("score_round", vec![("n", <Runtime as Config>::MaxScoresPerCall::get())], |c| {
			Ours::score_round(c[0])
		}),
		Call::new("review_round", vec![("n", <Runtime as Config>::MaxScoresPerCall::get())], |c| {
			Ours::review_round(c[0])
		}),
		Call::new("mark_spam", vec![], |_| Ours::mark_spam()),
		Call::new("mark_spam_emptying", vec![], |_| Ours::mark_spam_emptying()),
		Call::new("finalize_round", vec![], |_| Ours::finalize_round()),
		Call::new("appeal", vec![], |_| Ours::appeal()),
		Call::new("uphold_appeal", vec![], |_| Ours::uphold_appeal()),
		Call::new("dismiss_appeal", vec![], |_| Ours::dismiss_appeal()),
		Call::new("lapse_appeal", vec![], |_| Ours::lapse_appeal()),
		Call::new("strike_entry", vec![], |_| Ours::strike_entry()),
		Call::new("veto_round", vec![], |_| Ours::veto_round()),
		Call::new(
			"settle_round_start",
			vec![("n", <Runtime as Config>::MaxEntriesPerRound::get())],
			|c| Ours::settle_round_start(c[0]),
		),
		Call::new("settle_round_pay", vec![("p", max_settle())], |c| Ours::settle_round_pay(c[0])),
		Call::new("settle_round_pay_reports", vec![("p", max_settle())], |c| {
			Ours::settle_round_pay_reports(c[0])
		}),
		Call::new("check_payment", vec![], |_| Ours::check_payment()),
		Call::new("retry_payment", vec![], |_| Ours::retry_payment()),
		Call::new("set_payee", vec![], |_| Ours::set_payee()),
		Call::new("clear_payee", vec![], |_| Ours::clear_payee()),
	]
}

/// The seed's round as the demo settles it: 33 reports (month 2: 34 members, one late).
const SEED_ROUND: u32 = 33;

/// The weight of settling a round of `reports` reports and `claims` claims (reports first),
/// extrinsic by extrinsic: the first call that fixes every payment, then the pay pages, each
/// with the base extrinsic weight; and how many extrinsics.
fn settle_weight(reports: u32, claims: u32, base_extrinsic: Weight) -> (Weight, u32) {
	let page = max_settle();
	let n = reports + claims;
	let pages = n.div_ceil(page).max(1);
	let mut total = Ours::settle_round_start(n.max(1)).saturating_add(base_extrinsic);
	for k in 0..pages {
		let first = k * page;
		let this = n.saturating_sub(first).min(page);
		let r = reports.saturating_sub(first).min(this);
		total = total
			.saturating_add(CommunityBounty::settle_pay_weight(r, this - r))
			.saturating_add(base_extrinsic);
	}
	(total, 1 + pages)
}

/// The weight of paying `n` direct awards from member-capped pools in batches of at most
/// `MaxAwardsPerCall`.
fn batches_weight(n: u32, base_extrinsic: Weight) -> (Weight, u32) {
	let max = max_awards();
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
		Call::new("payout", vec![], |_| Treasury::payout()),
		Call::new("check_status", vec![], |_| Treasury::check_status()),
	]
}

/// One entry's share of a call over `n` entries, as a call.
fn share(weight: Weight, n: u32) -> Weight {
	Weight::from_parts(weight.ref_time() / n as u64, weight.proof_size() / n as u64)
}

/// Ours, as shares of a call: only in the side-by-side.
fn our_shares() -> Vec<Call> {
	vec![
		Call::composite("plain_award_in_a_batch", "`award_batch_plain(n=64)` / 64", |_| {
			share(Ours::award_batch_plain(max_awards()), max_awards())
		}),
		Call::composite("capped_award_in_a_batch", "`award_batch(n=64)` / 64", |_| {
			share(Ours::award_batch(max_awards()), max_awards())
		}),
		Call::composite(
			"report_payment_in_a_settlement",
			"`settle_round_pay_reports(p=32)` / 32",
			|_| share(Ours::settle_round_pay_reports(max_settle()), max_settle()),
		),
		Call::composite("claim_payment_in_a_settlement", "`settle_round_pay(p=32)` / 32", |_| {
			share(Ours::settle_round_pay(max_settle()), max_settle())
		}),
	]
}

/// What a row's target bounds.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
	/// Both ref_time and proof_size.
	Both,
	/// ref_time only.
	RefTime,
	/// proof_size only.
	Proof,
}

fn rows() -> Vec<(Row, Bound)> {
	let figures = Figures::read();
	let row = |ours, at, neighbour, target, note: &str| Row {
		ours,
		at,
		neighbour,
		target,
		note: note.to_string(),
	};
	let row_with =
		|ours, at, neighbour, target, note: String| Row { ours, at, neighbour, target, note };
	vec![
		(
			row(
				"propose_program",
				None,
				"propose_bounty",
				1.0,
				"Both hold a bond and store the proposal; a bounty stores its text (up to 16 KiB) in \
				 its own record, ours keeps the text off chain and stores its hash with the title, \
				 milestones and pools in the program record (2 reads, 3 writes against 2 and 4).",
			),
			Bound::Both,
		),
		(
			row(
				"approve_program",
				None,
				"approve_and_fund_bounty",
				1.0,
				"The same work: approve, then move the money from the treasury. A bounty is funded \
				 later by `spend_funds` at the spend period; ours releases the bond and pays \
				 tranche 0 at once (the lead's account is charged: the council signs).",
			),
			Bound::Both,
		),
		(
			row(
				"reject_program",
				None,
				"close_bounty_proposed",
				1.0,
				"Both slash the bond to the treasury and remove the proposal; ours reads the lead's \
				 hold and account (a hold, where a bounty slashes a reserve).",
			),
			Bound::Both,
		),
		(
			row(
				"cancel_program",
				Some(vec![0]),
				"close_bounty_active",
				1.0,
				"An empty program: the refund and the record's removal, and a look-up in each map the \
				 step may visit (charged in every step).",
			),
			Bound::Both,
		),
		(
			row(
				"cancel_program",
				None,
				"close_bounty_active",
				1.0,
				"A bounty has no roster nor rounds: ours takes a clean-up step of up to \
				 `RemovalLimit` entries in the same call, measured on the largest kind (full crews), \
				 charged at the bound and refunded to what it visited; the rest, and the rounds' \
				 pages, go in free `clear_program` steps.",
			),
			Bound::Both,
		),
		(row("close_program", Some(vec![0]), "close_bounty_active", 1.0, "As `cancel_program(n=0)`."), Bound::Both),
		(
			row("close_program", None, "close_bounty_active", 1.0, "As `cancel_program` at its bound."),
			Bound::Both,
		),
		(
			row(
				"set_lead",
				None,
				"propose_curator",
				1.0,
				"The council names who runs the money: one record read and written by both; ours is \
				 the larger record (title, milestones, pools and their spending).",
			),
			Bound::Both,
		),
		(
			row(
				"release_tranche",
				None,
				"claim_bounty",
				1.0,
				"A payout: ours pays every owed tranche from the treasury to the program account.",
			),
			Bound::Both,
		),
		(
			row(
				"reclaim",
				None,
				"reclaim_bounty_funds",
				1.0,
				"Both sweep what is left in a finished account to the treasury; ours also reads \
				 `ProgramCount` to tell a removed program from one that never existed.",
			),
			Bound::Both,
		),
		(
			row(
				"check_payment",
				None,
				"check_status",
				1.0,
				"Both ask the paymaster how a payment in progress went and record the answer; ours \
				 also reads the program (a removed one has no payment to ask about) and writes the \
				 program's payment book.",
			),
			Bound::Both,
		),
		(
			row(
				"retry_payment",
				None,
				"payout",
				1.0,
				"Both hand a payment to the paymaster (here `PayWithFungibles`, a transfer that \
				 creates the payee's account) and write its status: the treasury's spend is paid \
				 from the treasury, ours from the program account where the failed payment's money \
				 was kept, and its record goes once done.",
			),
			Bound::Both,
		),
		(
			row(
				"add_member",
				None,
				"accept_curator",
				1.0,
				"Someone takes a role. Ours checks the council's bars and the roster, then writes the \
				 member, its Senior Ambassador, the crew list and the program (at a crew one short \
				 of `MaxCrew`); accepting a curator writes the bounty and the curator's deposit.",
			),
			Bound::Both,
		),
		(
			row(
				"remove_member",
				Some(vec![0]),
				"unassign_curator",
				1.0,
				"Someone leaves a role, removed by the council: ours removes the member, bars it \
				 (one more write) and updates the roster count and the crew list.",
			),
			Bound::Both,
		),
		(
			row(
				"remove_member",
				None,
				"unassign_curator",
				1.0,
				"A Senior Ambassador leaves with its crew (up to `MaxCrew`, 16): one roster write \
				 per crew member.",
			),
			Bound::Both,
		),
		(
			row(
				"report_milestone",
				None,
				"award_bounty",
				1.0,
				"The one who runs the work declares it done. Ours reads the program and the \
				 milestone's last report (its attempt number), then stores the report with up to \
				 256 bytes of evidence; theirs updates the bounty (1 read).",
			),
			Bound::Both,
		),
		(
			row(
				"approve_milestone",
				None,
				"approve_and_fund_bounty",
				1.0,
				"Approve, then pay the next tranche from the treasury at once.",
			),
			Bound::Both,
		),
		(
			row(
				"reject_milestone",
				None,
				"close_bounty_proposed",
				1.0,
				"The council turns down a claim; ours only marks the report (no bond to slash).",
			),
			Bound::Both,
		),
		(
			row(
				"award_plain",
				None,
				"claim_bounty",
				1.0,
				"A payout to a beneficiary, from a contributors pool without a member cap in USD.",
			),
			Bound::Both,
		),
		(
			row(
				"award",
				None,
				"claim_bounty",
				1.0,
				"The costliest award: a senior pool (the roster entry is read) with a member cap (the \
				 member's spending record is read and written) in USD.",
			),
			Bound::Both,
		),
		(
			row_with(
				"award_plain",
				None,
				"transfer_keep_alive",
				2.5,
				format!(
					"A transfer from the signer reads and writes one account (the signer's is \
					 loaded for the fee); an award moves money between two accounts neither of \
					 which signed and records what the pool spent in the program record: {}, \
					 and the rate.",
					ops_text(figures.plain_award)
				),
			),
			Bound::RefTime,
		),
		(
			row_with(
				"award",
				None,
				"transfer_keep_alive",
				2.5,
				format!(
					"As the plain award, and a member cap needs its own record per beneficiary and \
					 period, a senior pool the beneficiary's roster entry: {} more ({} us at \
					 `RocksDbWeight`), {} a transfer on their own.",
					ops_text(figures.capped_extra),
					db_us(figures.capped_extra),
					figures.of_a_transfer(figures.capped_extra)
				),
			),
			Bound::RefTime,
		),
		(
			row(
				"award_plain",
				None,
				"force_transfer",
				1.0,
				"Against a transfer between two accounts neither of which signed, as an award is.",
			),
			Bound::Proof,
		),
		(
			row(
				"award",
				None,
				"force_transfer",
				1.0,
				"The proof is the largest item read: the two accounts, as for a transfer.",
			),
			Bound::Proof,
		),
		(
			row(
				"promote_member",
				None,
				"accept_curator",
				1.0,
				"Someone takes a role: ours rewrites the member, takes it out of its senior's crew \
				 (the crew list and the senior) and counts the seniors.",
			),
			Bound::Both,
		),
		(
			row(
				"file_report",
				None,
				"award_bounty",
				1.0,
				"The one who did the work declares it. Ours checks the filer is on the roster and in \
				 the round's list of filers (up to 160 accounts, read and written whole), then \
				 writes the entry into its page of up to 32 entries.",
			),
			Bound::Both,
		),
		(
			row(
				"file_claim",
				None,
				"propose_bounty",
				1.0,
				"Both hold a deposit and store a record with a text; ours also reads and writes the \
				 round's list of filers and the entry's page.",
			),
			Bound::Both,
		),
		(
			row(
				"mark_spam",
				None,
				"close_bounty_proposed",
				1.0,
				"Both slash a deposit to the treasury and remove a record; ours moves the round's \
				 last entry into the claim's place (its page and the last page).",
			),
			Bound::Both,
		),
		(
			row(
				"finalize_round",
				None,
				"award_bounty",
				1.0,
				"The one who runs the work closes it for payment: one record read and written by \
				 both; ours is the round with its list of filers, and the program (its last final \
				 round).",
			),
			Bound::Both,
		),
		(
			row(
				"plain_award_in_a_batch",
				None,
				"transfer_keep_alive",
				1.0,
				"One award of a full batch from pools without a member cap: the program, its account \
				 and the rates are read once per batch, each award adds its beneficiary's account \
				 (read and written, created), as a transfer does.",
			),
			Bound::Both,
		),
		(
			row_with(
				"capped_award_in_a_batch",
				None,
				"transfer_keep_alive",
				1.5,
				format!(
					"One award of a full batch from senior pools with a member cap: the \
					 beneficiary's account, its roster entry and its spending record ({}, {} us at \
					 `RocksDbWeight`, against a transfer's {}, {} us).",
					ops_text(figures.capped_in_batch),
					db_us(figures.capped_in_batch),
					ops_text(figures.transfer),
					db_us(figures.transfer)
				),
			),
			Bound::Both,
		),
		(
			row(
				"report_payment_in_a_settlement",
				None,
				"transfer_keep_alive",
				1.0,
				"One payment of a full pay page of reports: the page is read and removed once, each \
				 payment writes its payee's account (created) as a transfer does. A member cap costs \
				 nothing here (the round's payments are clipped, no record is kept).",
			),
			Bound::Both,
		),
		(
			row_with(
				"claim_payment_in_a_settlement",
				None,
				"transfer_keep_alive",
				1.0,
				format!(
					"As a report's payment, and the claim's deposit is released: the claimant's \
					 hold record ({}, {} us at `RocksDbWeight`).",
					ops_text(figures.claim_extra),
					db_us(figures.claim_extra)
				),
			),
			Bound::Both,
		),
	]
}

/// The goals of issue #16 as main measured them before this layout (`docs/PERFORMANCE.md` at
/// the tag `layout-v1`, one frame-omni-bencher run of 2026-11-25 on this machine type): the
/// "before" column of the goals' table.
mod before {
	/// The largest proof of a call at its worst case, and which.
	pub const MAX_PROOF: (&str, u64) = ("`cancel_program(n=88)`", 254_205);
	/// The largest ref_time of a call at its worst case, and which.
	pub const MAX_REF_TIME: (&str, u64) = ("`cancel_program(n=88)`", 39_191_666_482);
	/// `award(r=256)` against `transfer_keep_alive`, ref_time (one weight for every pool).
	pub const AWARD_VS_TRANSFER: f64 = 4.44;
	/// `award(r=256)` against `force_transfer`, proof.
	pub const AWARD_PROOF_VS_FORCE_TRANSFER: f64 = 1.00;
	/// `award(r=256)`'s reads and writes, the rate left out.
	pub const AWARD_DB: (u64, u64) = (6, 5);
	/// One award of `award_batch(n=64)`, against `transfer_keep_alive` (one weight for every
	/// award).
	pub const AWARD_IN_BATCH: f64 = 2.06;
	/// One payment of `settle_round_pay(p=32)` (half reports, half claims).
	pub const PAYMENT_IN_SETTLEMENT: f64 = 2.66;
	/// Calls at or under their neighbour (ref_time and proof): met, of rows.
	pub const AT_NEIGHBOUR: (usize, usize) = (3, 21);
}

/// The reads and writes of `function` in `source` (a generated weights file) at `values` of its
/// components, from the `reads(..)` and `writes(..)` terms of its body: `reads(9_u64)` or
/// `reads((3_u64).saturating_mul(n.into()))`, one a line.
fn db_ops(source: &str, function: &str, values: &[(&str, u32)]) -> (u64, u64) {
	// A pallet's weights file declares the trait first: read the measured implementation.
	let source = source.find("for SubstrateWeight<T>").map_or(source, |at| &source[at..]);
	let start =
		source.find(&format!("fn {function}(")).unwrap_or_else(|| panic!("no `{function}`"));
	let body = &source[start..];
	let body = &body[..body.find("\n\t}").unwrap_or(body.len())];
	let number =
		|text: &str| -> u64 { text.split("_u64").next().unwrap_or("0").parse().unwrap_or(0) };
	let mut ops = [0u64; 2];
	for line in body.lines() {
		for (slot, kind) in ["reads", "writes"].iter().enumerate() {
			let Some((_, arg)) = line.split_once(&format!(".{kind}(")) else { continue };
			ops[slot] += match arg.strip_prefix('(') {
				Some(scaled) => {
					let component = scaled
						.split_once("saturating_mul(")
						.map(|(_, rest)| rest.split(".into()").next().unwrap_or(""))
						.unwrap_or("");
					let value = values.iter().find(|(n, _)| *n == component).map_or(0, |(_, v)| *v);
					number(scaled) * u64::from(value)
				},
				None => number(arg),
			};
		}
	}
	(ops[0], ops[1])
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
		if command.is_empty() {
			// Not from a bencher run: the file says what it is in its first comment.
			let what = source.lines().find_map(|line| line.strip_prefix("// ")).unwrap_or("");
			let _ = writeln!(out, "- `{path}`: **not measured on this runtime.** {what}");
		} else {
			let _ = writeln!(out, "- `{path}`: `{}`", command.join(" "));
		}
	}
	// Functions the file marks provisional (counted from the code, not measured).
	let mut provisional = Vec::new();
	let mut marked = false;
	for line in RUN[0].1.lines() {
		if line.contains("PROVISIONAL") {
			marked = true;
		} else if let Some(name) = line.trim().strip_prefix("fn ").filter(|_| marked) {
			provisional.push(name.split('(').next().unwrap_or(name).to_string());
			marked = false;
		}
	}
	provisional.sort();
	provisional.dedup();
	if !provisional.is_empty() {
		let names: Vec<String> = provisional.iter().map(|n| format!("`{n}`")).collect();
		let _ = writeln!(
			out,
			"- **Provisional, not measured:** {} (reads and writes counted from the code, time \
			 and proof set no lower than `reclaim`'s transfer; `runtime/tests/weights.rs` checks \
			 they cover a recorded proof). The next `scripts/benchmark.sh` run replaces them.",
			names.join(", ")
		);
	}
	out
}

/// One goal of issue #16: what it bounds, its target, before and now, and why it is missed
/// when it is.
struct Goal {
	goal: String,
	target: String,
	before: String,
	now: String,
	met: bool,
	why: String,
}

fn goals(ours: &[Call], neighbours: &[Call], rows: &[(Row, Bound)]) -> Vec<Goal> {
	let figures = Figures::read();
	let block = RuntimeBlockWeights::get().max_block;
	let transfer = find(neighbours, "transfer_keep_alive").worst();
	let force_transfer = find(neighbours, "force_transfer").worst();
	let shares = our_shares();
	let (proof_call, max_proof) = ours
		.iter()
		.map(|call| (call.worst_label(), call.worst().proof_size()))
		.max_by_key(|(_, proof)| *proof)
		.unwrap_or_default();
	let (ref_call, max_ref) = ours
		.iter()
		.map(|call| (call.worst_label(), call.worst().ref_time()))
		.max_by_key(|(_, time)| *time)
		.unwrap_or_default();
	let proof_limit = 256 * 1024;
	let ref_limit = block.ref_time() / 20;
	let award = find(ours, "award");
	let plain_award = find(ours, "award_plain");
	let plain = plain_award.worst();
	let worst = award.worst();
	let ratio_to = |weight: Weight, other: Weight| ratio(weight.ref_time(), other.ref_time());
	// Both benchmarks pay from a pool in an asset: its rate's reads are left out.
	let award_db = |function: &str| {
		let (reads, writes) = db_ops(RUN[0].1, function, &[("r", REASON())]);
		(reads.saturating_sub(RATE_READS), writes)
	};
	let (plain_db, worst_db) = (award_db("award_plain"), award_db("award"));
	let per = |name: &str| find_ours(ours, &shares, name).worst();
	let at_neighbour: Vec<bool> = rows
		.iter()
		.filter(|(row, _)| {
			row.target == 1.0 && !row.ours.contains("award") && !row.ours.contains("payment")
		})
		.map(|(row, bound)| row_met(ours, neighbours, row, *bound))
		.collect();
	let met_count = at_neighbour.iter().filter(|met| **met).count();
	let x = |value: f64| format!("{value:.2}x");
	vec![
		Goal {
			goal: "The largest proof of any call at its worst case".into(),
			target: format!("<= {} bytes (256 KiB)", grouped(proof_limit)),
			before: format!("{} ({})", grouped(before::MAX_PROOF.1), before::MAX_PROOF.0),
			now: format!("{} ({proof_call})", grouped(max_proof)),
			met: max_proof <= proof_limit,
			why: String::new(),
		},
		Goal {
			goal: "The largest ref_time of any call at its worst case".into(),
			target: format!("<= {} ps (5% of the block)", grouped(ref_limit)),
			before: format!("{} ({})", grouped(before::MAX_REF_TIME.1), before::MAX_REF_TIME.0),
			now: format!("{} ({ref_call})", grouped(max_ref)),
			met: max_ref <= ref_limit,
			why: String::new(),
		},
		Goal {
			goal: format!("`award` from a plain pool (contributors, no member cap, USD: {}) against `transfer_keep_alive`, ref_time", plain_award.worst_label()),
			target: "<= 2.5x".into(),
			before: x(before::AWARD_VS_TRANSFER),
			now: x(ratio_to(plain, transfer)),
			met: ratio_to(plain, transfer) <= 2.5,
			why: format!(
				"{} are {} a transfer at `RocksDbWeight`; the rate's reads (the rate and its date) and \
				 the award's own checks and event take it past 2.5x.",
				ops_text(figures.plain_award),
				figures.of_a_transfer(figures.plain_award)
			),
		},
		Goal {
			goal: format!("`award` from the costliest pool (seniors, a member cap, USD: {}) against `transfer_keep_alive`, ref_time", award.worst_label()),
			target: "<= 2.5x".into(),
			before: x(before::AWARD_VS_TRANSFER),
			now: x(ratio_to(worst, transfer)),
			met: ratio_to(worst, transfer) <= 2.5,
			why: format!(
				"A member cap needs a spending record per beneficiary and period, a senior pool \
				 the beneficiary's roster entry: {} more than a plain award, {} a transfer on \
				 their own.",
				ops_text(figures.capped_extra),
				figures.of_a_transfer(figures.capped_extra)
			),
		},
		Goal {
			goal: "`award` (either kind) against `force_transfer`, proof".into(),
			target: "<= 1.0x".into(),
			before: x(before::AWARD_PROOF_VS_FORCE_TRANSFER),
			now: x(ratio(worst.proof_size().max(plain.proof_size()), force_transfer.proof_size())),
			met: worst.proof_size().max(plain.proof_size()) <= force_transfer.proof_size(),
			why: String::new(),
		},
		Goal {
			goal: "`award`'s reads and writes, an asset pool's rate left out: plain pool / costliest"
				.into(),
			target: "<= 3 and 3".into(),
			before: format!("{} and {}", before::AWARD_DB.0, before::AWARD_DB.1),
			now: format!(
				"{} and {} / {} and {}",
				plain_db.0, plain_db.1, worst_db.0, worst_db.1
			),
			met: plain_db.0 <= 3 && plain_db.1 <= 3 && worst_db.0 <= 3 && worst_db.1 <= 3,
			why: "Met by a plain award (the program, its account, the beneficiary); a senior pool \
			      reads the roster entry, a member cap reads and writes the member's spending \
			      record."
				.into(),
		},
		Goal {
			goal: "One award of a full `award_batch`, a pool without a member cap, against `transfer_keep_alive`".into(),
			target: "<= 1.0x".into(),
			before: x(before::AWARD_IN_BATCH),
			now: x(ratio_to(per("plain_award_in_a_batch"), transfer)),
			met: ratio_to(per("plain_award_in_a_batch"), transfer) <= 1.0
				&& per("plain_award_in_a_batch").proof_size() <= transfer.proof_size(),
			why: "Each award writes its beneficiary's account as a transfer does, and also checks \
			      the caps, converts at the rate and records an `Awarded` event with its reason."
				.into(),
		},
		Goal {
			goal: "One award of a full `award_batch`, a pool with a member cap, against `transfer_keep_alive`".into(),
			target: "<= 1.5x".into(),
			before: x(before::AWARD_IN_BATCH),
			now: x(ratio_to(per("capped_award_in_a_batch"), transfer)),
			met: ratio_to(per("capped_award_in_a_batch"), transfer) <= 1.5,
			why: format!(
				"The member's spending record and, for a senior pool, its roster entry come on top \
				 of the beneficiary's account: {} an award, {} us of storage at `RocksDbWeight` \
				 against a transfer's {} us.",
				ops_text(figures.capped_in_batch),
				db_us(figures.capped_in_batch),
				db_us(figures.transfer)
			),
		},
		Goal {
			goal: "One payment of a full round's settlement, a report, a pool with or without a member cap, against `transfer_keep_alive`".into(),
			target: "<= 1.0x".into(),
			before: x(before::PAYMENT_IN_SETTLEMENT),
			now: x(ratio_to(per("report_payment_in_a_settlement"), transfer)),
			met: ratio_to(per("report_payment_in_a_settlement"), transfer) <= 1.0
				&& per("report_payment_in_a_settlement").proof_size() <= transfer.proof_size(),
			why: "Each payment writes its payee's account as a transfer does; its page's read and \
			      removal are shared by the page, but the payment's event and its reason are its \
			      own."
				.into(),
		},
		Goal {
			goal: "One payment of a full round's settlement, a claim (its deposit released), against `transfer_keep_alive`".into(),
			target: "<= 1.0x".into(),
			before: x(before::PAYMENT_IN_SETTLEMENT),
			now: x(ratio_to(per("claim_payment_in_a_settlement"), transfer)),
			met: ratio_to(per("claim_payment_in_a_settlement"), transfer) <= 1.0,
			why: format!(
				"A claim's deposit is held (DESIGN: \"with a small deposit held\"): releasing it \
				 takes the claimant's hold record, {} ({} us at `RocksDbWeight`), on top of the \
				 payment.",
				ops_text(figures.claim_extra),
				db_us(figures.claim_extra)
			),
		},
		Goal {
			goal: "Every other call at or under its neighbour's ref_time and proof (rows of the side-by-side)".into(),
			target: "1.00x".into(),
			before: format!("{} of {}", before::AT_NEIGHBOUR.0, before::AT_NEIGHBOUR.1),
			now: format!("{met_count} of {}", at_neighbour.len()),
			met: met_count == at_neighbour.len(),
			why: "Each row not met says why in the side-by-side below.".into(),
		},
	]
}

/// Whether `row` meets its target on `bound`.
fn row_met(ours: &[Call], neighbours: &[Call], row: &Row, bound: Bound) -> bool {
	let shares = our_shares();
	let call = find_ours(ours, &shares, row.ours);
	let weight = match &row.at {
		Some(values) => call.at(values),
		None => call.worst(),
	};
	let theirs = find(neighbours, row.neighbour).worst();
	let ref_ok = ratio(weight.ref_time(), theirs.ref_time()) <= row.target;
	let proof_ok = ratio(weight.proof_size(), theirs.proof_size()) <= row.target;
	match bound {
		Bound::Both => ref_ok && proof_ok,
		Bound::RefTime => ref_ok,
		Bound::Proof => proof_ok,
	}
}

fn render() -> String {
	let ours = ours();
	let neighbours = neighbours();
	let rows = rows();
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
		 writes at `RocksDbWeight` (a read 25 us, a write 100 us). The proof is frame-omni-bencher's \
		 estimate from each item's `MaxEncodedLen`. The \"at 0\" columns are the intercept of the \
		 fitted line (every component at 0, even where its range starts at 1); a component's \
		 figure is what each unit of it adds. A benchmark whitelists only the signer's account \
		 (read for the fee by every extrinsic) and the keys polkadot-sdk whitelists for every \
		 block (the block number, the events, the extrinsic index, ...).\n"
	);
	let _ = writeln!(
		w,
		"Every payment is benchmarked in a program paying USDT (asset 1984 of `pallet-assets`, \
		 the runtime's `BenchmarkHelper::program_asset`): a `pallet-assets` transfer to a new \
		 account reads and writes the asset, both asset accounts and the payee's system account \
		 (for its sufficient reference), more than a PHA transfer, so the weights cover a program \
		 paying either. That is why the payments' ratios to `transfer_keep_alive` (a PHA \
		 transfer) rose from the previous run (a capped entry of a batch 2.02x to the figure \
		 below, a claim's payment 2.04x): the 1.3x and 1.2x aims are not met. A program paying \
		 PHA is charged the same; `runtime/tests/weights.rs` checks both kinds under a proof \
		 recorder.\n"
	);

	let _ = writeln!(w, "## The goals\n");
	let _ = writeln!(
		w,
		"Issue #16's goals, each against its value at the tag `layout-v1` (storage version 1, \
		 the same machine type): met, or why not.\n"
	);
	let _ = writeln!(w, "| goal | target | before (`layout-v1`) | now | met | why not |");
	let _ = writeln!(w, "|---|---|---|---|---|---|");
	for goal in goals(&ours, &neighbours, &rows) {
		let _ = writeln!(
			w,
			"| {} | {} | {} | {} | {} | {} |",
			goal.goal,
			goal.target,
			goal.before,
			goal.now,
			if goal.met { "yes" } else { "**no**" },
			if goal.met { "" } else { goal.why.as_str() },
		);
	}

	let _ = writeln!(w, "\n## The weights of pallet-community-bounty\n");
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
					"`{name}` (worst {max}): {} / {}",
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
	let _ = writeln!(
		w,
		"\nWhere a call's cost depends on what storage holds rather than on its arguments, each kind \
		 is benchmarked on its own over the whole bound, the call is charged as the costlier and \
		 refunded to its own: `award` (a senior pool with a member cap) and `award_plain` (a pool \
		 that reads no roster entry and keeps no spending record); `award_batch` and \
		 `award_batch_plain` likewise, a mixed batch paying the plain batch's weight and each other \
		 award's share of a batch of its kind; `settle_round_pay` (a page of claims, each \
		 releasing a deposit) and `settle_round_pay_reports` (a page of reports) likewise.\n"
	);
	let _ = writeln!(w, "## Side by side with the neighbours\n");
	let _ = writeln!(
		w,
		"Each of our calls at its worst case (unless components are given) beside the call a \
		 chain would otherwise use for the same step, measured in the same run. The target bounds \
		 ref_time and proof_size unless the row says which.\n"
	);
	let _ = writeln!(
		w,
		"| ours | ref_time | proof_size | neighbour | ref_time | proof_size | ref_time ratio | proof_size ratio | target | met | what differs |"
	);
	let _ = writeln!(w, "|---|---:|---:|---|---:|---:|---:|---:|---:|---|---|");
	let (mut missed, mut near) = (Vec::new(), Vec::new());
	let shares = our_shares();
	for (row, bound) in &rows {
		let call = find_ours(&ours, &shares, row.ours);
		let (label, weight) = match &row.at {
			Some(values) => (call.label_at(values), call.at(values)),
			None => (call.worst_label(), call.worst()),
		};
		let theirs_call = find(&neighbours, row.neighbour);
		let theirs = theirs_call.worst();
		let ref_ratio = ratio(weight.ref_time(), theirs.ref_time());
		let proof_ratio = ratio(weight.proof_size(), theirs.proof_size());
		let met = row_met(&ours, &neighbours, row, *bound);
		let pair = format!("{label} against {}", theirs_call.worst_label());
		// Proof sizes are bounds, the same in every run; only execution times are noisy.
		if *bound != Bound::Proof && (0.97..=1.03).contains(&(ref_ratio / row.target)) {
			near.push(pair.clone());
		}
		if !met {
			missed.push(pair);
		}
		let target = match bound {
			Bound::Both => format!("{:.1}x", row.target),
			Bound::RefTime => format!("{:.1}x ref_time", row.target),
			Bound::Proof => format!("{:.1}x proof", row.target),
		};
		let _ = writeln!(
			w,
			"| {label} | {} | {} | {} | {} | {} | {ref_ratio:.2}x | {proof_ratio:.2}x | {target} | {} | {} |",
			grouped(weight.ref_time()),
			grouped(weight.proof_size()),
			theirs_call.worst_label(),
			grouped(theirs.ref_time()),
			grouped(theirs.proof_size()),
			if met { "yes" } else { "**no**" },
			row.note,
		);
	}
	let _ = writeln!(
		w,
		"\nNo neighbour does what these do, so they are only bounded by the hard limits: \
		 `unbar_member` (the council lifts a bar), `clear_program` (a clean-up step: \
		 `clear_program_page` when it removes a round's page), \
		 `score_round` (the lead scores up to `MaxScoresPerCall` entries), \
		 `review_round` (a reviewer of a full panel scores as many, each entry's median over \
		 `MaxReviewers` reviews), \
		 the checks on a final round (`appeal` holds a deposit, `uphold_appeal`, \
		 `dismiss_appeal` and `lapse_appeal` decide it, `strike_entry` and `veto_round` stop \
		 pay: each reads the round's list of filers or its record of checks, and all but the \
		 veto its assessments, a record as large as the round) and \
		 `settle_round_start` (a round's first settlement call, fixing every payment)."
	);

	let _ = writeln!(w, "\n## A month's reward run\n");
	let awards = MONTH_SENIORS + MONTH_CONTRIBUTORS;
	let batch = Ours::award_batch(awards).saturating_add(base_extrinsic);
	let single =
		find(&ours, "award").worst().saturating_add(base_extrinsic).saturating_mul(awards.into());
	let transfers = find(&neighbours, "transfer_keep_alive")
		.worst()
		.saturating_add(base_extrinsic)
		.saturating_mul(awards.into());
	let _ = writeln!(
		w,
		"{MONTH_SENIORS} Senior Ambassadors and {MONTH_CONTRIBUTORS} contributors paid in one \
		 month from member-capped pools, every reason at its bound, each extrinsic with the \
		 runtime's base extrinsic weight ({} ps). The block: {} ps ref_time ({} s) and {} bytes \
		 proof_size ({} MiB). Target: under 5% of the block, for the run as a lead makes it: one \
		 `award_batch`. The same awards as 60 separate extrinsics, and 60 plain transfers, are \
		 there for scale.\n",
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

	let _ = writeln!(w, "\n## Settling a monthly round\n");
	let round = <Runtime as Config>::MaxEntriesPerRound::get();
	let roster: u32 = <Runtime as Config>::MaxRoster::get();
	let page = max_settle();
	let _ = writeln!(
		w,
		"A round's settlement is paged: the first call fixes every payment of the round (the \
		 rate, each entry's eligibility with a roster look-up for each report it would pay, the \
		 exact sum committed: `settle_round_start`), then each call pays one page of \
		 `RoundPageSize` ({page}) entries and removes it (`settle_round_pay` a page of claims, \
		 `settle_round_pay_reports` a page of reports), so that no call passes 5% of the \
		 block. A full round holds `MaxEntriesPerRound` ({round}) entries: a full roster's \
		 {roster} reports and {} claims. Beside it, the same number of payments as direct awards \
		 in `award_batch` calls of at most `MaxAwardsPerCall` each (which a scored pool cannot \
		 take: the lead would compute and type every amount).\n",
		round - roster.min(round)
	);
	let _ = writeln!(
		w,
		"| run | extrinsics | ref_time | % of block | proof_size | % of block | per entry (ref_time) | per entry / `transfer_keep_alive` |"
	);
	let _ = writeln!(w, "|---|---:|---:|---:|---:|---:|---:|---:|");
	let transfer = find(&neighbours, "transfer_keep_alive").worst().saturating_add(base_extrinsic);
	let start = Ours::settle_round_start(round).saturating_add(base_extrinsic);
	let pay = Ours::settle_round_pay_reports(page).saturating_add(base_extrinsic);
	let runs: Vec<(String, (Weight, u32), u32)> = vec![
		(
			format!("the first call on a full round, `settle_round_start(n={round})`"),
			(start, 1),
			round,
		),
		(format!("one pay page of reports, `settle_round_pay_reports(p={page})`"), (pay, 1), page),
		(
			format!("the seed's round ({SEED_ROUND} reports), settled"),
			settle_weight(SEED_ROUND, 0, base_extrinsic),
			SEED_ROUND,
		),
		(
			format!("a full round ({round} entries), settled"),
			settle_weight(roster.min(round), round - roster.min(round), base_extrinsic),
			round,
		),
		(
			format!("{round} direct awards from member-capped pools in `award_batch` calls"),
			batches_weight(round, base_extrinsic),
			round,
		),
	];
	for (label, (weight, calls), entries) in runs {
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
		 weights included (and in the transfer's); a direct award is one entry of a batch."
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
		for (row, _) in rows() {
			let call = find_ours(&ours, &shares, row.ours);
			find(&neighbours, row.neighbour);
			if let Some(values) = row.at {
				assert_eq!(values.len(), call.components.len(), "{}", row.ours);
			}
		}
	}

	#[test]
	fn reads_and_writes_of_a_generated_function() {
		let source = "\tfn award_batch(n: u32, h: u32, ) -> Weight {\n\
			\t\tWeight::from_parts(1, 2)\n\
			\t\t\t.saturating_add(T::DbWeight::get().reads(9_u64))\n\
			\t\t\t.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(h.into())))\n\
			\t\t\t.saturating_add(T::DbWeight::get().writes(6_u64))\n\
			\t\t\t.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))\n\
			\t}\n\tfn other() -> Weight {\n\t\t.reads(100_u64)\n\t}\n";
		assert_eq!(db_ops(source, "award_batch", &[("n", 4), ("h", 5)]), (9 + 15, 6 + 8));
		assert_eq!(db_ops(source, "award_batch", &[]), (9, 6));
	}

	#[test]
	fn grouping() {
		assert_eq!(grouped(0), "0");
		assert_eq!(grouped(999), "999");
		assert_eq!(grouped(1_000), "1_000");
		assert_eq!(grouped(12_345_678), "12_345_678");
	}
}
