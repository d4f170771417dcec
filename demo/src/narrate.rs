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
//! The telling: events in words (and as JSON fields) for the audit trail, and amounts as a
//! council member reads them.

use community_bounty_runtime::{
	configs::USDT, genesis_config_presets::USDT_UNIT, AccountId, Balance, Runtime, RuntimeEvent,
	DAYS, UNITS, USD,
};
use pallet_community_bounty::{Denomination, Event as CbEvent, Metric};
use serde_json::{json, Value};
use std::{cell::RefCell, collections::BTreeMap};

thread_local! {
	/// The asset each program pays in, as its `ProgramProposed` event named it.
	static ASSETS: RefCell<BTreeMap<u32, Denomination<u32>>> = const { RefCell::new(BTreeMap::new()) };
}

/// The asset program `index` pays in (PHA unless its proposal said otherwise).
pub(crate) fn asset_of(index: u32) -> Denomination<u32> {
	ASSETS.with(|assets| assets.borrow().get(&index).cloned().unwrap_or(Denomination::Native))
}

/// `amount` of `asset`, as a council member reads it.
pub(crate) fn in_asset(asset: &Denomination<u32>, amount: Balance) -> String {
	match asset {
		Denomination::Native => pha(amount),
		Denomination::Asset(USDT) => usdt(amount),
		Denomination::Asset(kind) => format!("{amount} of asset {kind}"),
	}
}

/// `amount` in the asset program `index` pays in.
fn money(index: u32, amount: Balance) -> String {
	in_asset(&asset_of(index), amount)
}

/// What a payment of `paid` (in the program's asset) was worth in its pool's denomination
/// (`amount`): "12.00 PHA ($4.80)" for a USD cap paid in PHA, the amount alone otherwise.
fn paid_for(index: u32, amount: Balance, paid: Balance) -> String {
	match asset_of(index) {
		Denomination::Native if amount != paid => format!("{} ({})", pha(paid), usd(amount)),
		asset => in_asset(&asset, paid),
	}
}

/// USDT with cents, or with all six decimals when it holds part of a cent (a tip of 0.0099 USDT
/// never reads as nothing).
pub(crate) fn usdt(amount: Balance) -> String {
	let whole = amount / USDT_UNIT;
	let fraction = amount % USDT_UNIT;
	if fraction.is_multiple_of(USDT_UNIT / 100) {
		format!("{}.{:02} USDT", group(whole), fraction / (USDT_UNIT / 100))
	} else {
		format!("{}.{:06} USDT", group(whole), fraction)
	}
}

pub(crate) fn pha(amount: Balance) -> String {
	let whole = amount / UNITS;
	let frac = (amount % UNITS) / (UNITS / 100);
	format!("{}.{:02} PHA", group(whole), frac)
}

pub(crate) fn usd(amount: Balance) -> String {
	let whole = amount / USD;
	let cents = (amount % USD) / (USD / 100);
	format!("${}.{:02}", group(whole), cents)
}

pub(crate) fn group(n: u128) -> String {
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

pub(crate) fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

pub(crate) fn truncate(s: &str, n: usize) -> String {
	if s.chars().count() <= n {
		s.to_string()
	} else {
		s.chars().take(n - 1).collect::<String>() + "…"
	}
}

/// A readable line and JSON fields for the events a council member reads, naming accounts with
/// `n`; `None` for the rest (extrinsic bookkeeping, deposits of fees), which the ledger sums up
/// instead. It only formats: the ledger is kept by the chain (`Chain::record`).
pub(crate) fn describe(
	event: &RuntimeEvent,
	n: &dyn Fn(&AccountId) -> String,
) -> Option<(&'static str, String, Value, String)> {
	Some(match event {
		RuntimeEvent::CommunityBounty(e) => {
			let (name, fields, text) = community_event(e, n);
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
		_ => return None,
	})
}

pub(crate) fn community_event(
	e: &CbEvent<Runtime>,
	n: &dyn Fn(&AccountId) -> String,
) -> (String, Value, String) {
	let (name, fields, text): (&str, Value, String) = match e {
		CbEvent::ProgramProposed { index, lead, description, asset, budget, bond, milestones, pools, duration } => {
			ASSETS.with(|assets| assets.borrow_mut().insert(*index, asset.clone()));
			(
				"ProgramProposed",
				json!({"index": index, "lead": n(lead), "description": format!("{description:?}"), "asset": format!("{asset:?}"), "budget": budget.to_string(), "bond": bond.to_string(), "milestones": milestones, "pools": pools, "duration_blocks": duration}),
				format!("program #{index} proposed by {}: budget {}, {milestones} milestones, {pools} pools, {} days; bond {} held; text off chain, blake2-256 {description:?}", n(lead), money(*index, *budget), duration / DAYS, pha(*bond)),
			)
		},
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
			format!("tranche {} of program #{index}: {} from the treasury to the program account", tranche + 1, money(*index, *amount)),
		),
		CbEvent::TrancheOwed { index, tranche, amount } => (
			"TrancheOwed",
			json!({"index": index, "tranche": tranche, "amount": amount.to_string()}),
			format!("tranche {} of program #{index} owed: {}", tranche + 1, money(*index, *amount)),
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
			format!("program #{index} cancelled: {} back to the treasury", money(*index, *refunded)),
		),
		CbEvent::ProgramClosed { index, by, expired, refunded, owed_dropped, paid } => (
			"ProgramClosed",
			json!({"index": index, "by": n(by), "expired": expired, "refunded": refunded.to_string(), "owed_dropped": owed_dropped.to_string(), "paid": paid.to_string()}),
			format!("program #{index} closed{}: {} paid out as rewards, {} back to the treasury", if *expired { " (expired)" } else { "" }, money(*index, *paid), money(*index, *refunded)),
		),
		CbEvent::LeadChanged { index, old, new } => (
			"LeadChanged",
			json!({"index": index, "old": n(old), "new": n(new)}),
			format!("program #{index}: lead {} replaced by {}", n(old), n(new)),
		),
		CbEvent::Reclaimed { index, asset, amount } => (
			"Reclaimed",
			json!({"index": index, "asset": format!("{asset:?}"), "amount": amount.to_string()}),
			format!("program #{index}: {} swept to the treasury", in_asset(asset, *amount)),
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
			format!("milestone {} reported (attempt {attempt}, {metric:?}): target {target}, lead claims {claimed}, figure of record {figure}{} [{}]", milestone + 1, match metric { Metric::AmbassadorCount => " (the roster's size)", Metric::ActiveMembers => " (active members of the last final month)", _ => "" }, text(evidence)),
		),
		CbEvent::MilestoneApproved { index, milestone, attempt, target, figure, below_target, cut, next_tranche } => (
			"MilestoneApproved",
			json!({"index": index, "milestone": milestone, "attempt": attempt, "target": target, "figure": figure, "below_target": below_target, "cut": cut.to_string(), "next_tranche": next_tranche.to_string()}),
			format!("milestone {} report {attempt} approved{}: {figure} against {target}; next tranche {} (cut {})", milestone + 1, if *below_target { " BELOW TARGET" } else { "" }, money(*index, *next_tranche), money(*index, *cut)),
		),
		CbEvent::MilestoneRejected { index, milestone, attempt, target, figure } => (
			"MilestoneRejected",
			json!({"index": index, "milestone": milestone, "attempt": attempt, "target": target, "figure": figure}),
			format!("milestone {} report {attempt} rejected ({figure} against {target})", milestone + 1),
		),
		CbEvent::Awarded { index, pool, period, beneficiary, amount, native, reason, rate_set_at } => (
			"Awarded",
			json!({"index": index, "pool": pool, "period": period, "beneficiary": n(beneficiary), "amount_usd": amount.to_string(), "native": native.to_string(), "reason": text(reason), "rate_set_at": rate_set_at}),
			format!(
				"{} paid {} from pool {pool}, month {}: {}{}",
				n(beneficiary), paid_for(*index, *amount, *native), period + 1, text(reason),
				rate_set_at.map(|b| format!(" (rate set at #{b})")).unwrap_or_default(),
			),
		),
		CbEvent::MemberPromoted { index, who, seniors } => (
			"MemberPromoted",
			json!({"index": index, "who": n(who), "seniors": seniors}),
			format!("{} promoted to Senior Ambassador ({seniors} seniors now)", n(who)),
		),
		CbEvent::Filed { index, period, who, pool, deposit, evidence, proposed } => (
			"Filed",
			json!({"index": index, "period": period, "who": n(who), "pool": pool, "deposit": deposit.to_string(), "evidence": text(evidence), "proposed": proposed}),
			match pool {
				None => format!(
					"{} reports for month {}{} [{}]",
					n(who),
					period + 1,
					proposed.map(|p| format!(", proposing {p}/100")).unwrap_or_default(),
					text(evidence)
				),
				Some(pool) => format!("{} claims from pool {pool} for month {}, deposit {} [{}]", n(who), period + 1, pha(*deposit), text(evidence)),
			},
		),
		CbEvent::Scored { index, period, who, score } => (
			"Scored",
			json!({"index": index, "period": period, "who": n(who), "score": score}),
			format!("{} scored {score}/100 for month {}", n(who), period + 1),
		),
		CbEvent::Appealed { index, period, who, score, proposed, deposit } => (
			"Appealed",
			json!({"index": index, "period": period, "who": n(who), "score": score, "proposed": proposed, "deposit": deposit.to_string()}),
			format!(
				"{} appeals their score for month {} ({}, proposed {proposed}): {} held until the council decides",
				n(who),
				period + 1,
				score.map(|s| format!("{s}/100")).unwrap_or_else(|| "none".into()),
				pha(*deposit)
			),
		),
		CbEvent::AppealUpheld { index, period, who, score, returned } => (
			"AppealUpheld",
			json!({"index": index, "period": period, "who": n(who), "score": score, "returned": returned.to_string()}),
			format!("the council upholds {}'s appeal for month {}: scored {score}/100, {} returned", n(who), period + 1, pha(*returned)),
		),
		CbEvent::AppealDismissed { index, period, who, slashed } => (
			"AppealDismissed",
			json!({"index": index, "period": period, "who": n(who), "slashed": slashed.to_string()}),
			format!("the council dismisses {}'s appeal for month {}: {} to the treasury", n(who), period + 1, pha(*slashed)),
		),
		CbEvent::AppealLapsed { index, period, who, returned } => (
			"AppealLapsed",
			json!({"index": index, "period": period, "who": n(who), "returned": returned.to_string()}),
			format!("{}'s appeal for month {} lapsed undecided: {} returned", n(who), period + 1, pha(*returned)),
		),
		CbEvent::EntryStruck { index, period, who, reason } => (
			"EntryStruck",
			json!({"index": index, "period": period, "who": n(who), "reason": text(reason)}),
			format!("the council strikes {}'s entry for month {}: {}", n(who), period + 1, text(reason)),
		),
		CbEvent::RoundVetoed { index, period, reason } => (
			"RoundVetoed",
			json!({"index": index, "period": period, "reason": text(reason)}),
			format!("the council vetoes month {}'s round: {}; nothing is paid from it", period + 1, text(reason)),
		),
		CbEvent::Reviewed { index, period, reviewer, who, score, median } => (
			"Reviewed",
			json!({"index": index, "period": period, "reviewer": n(reviewer), "who": n(who), "score": score, "median": median}),
			format!(
				"{} scored {} {score}/100 for month {}: {}",
				n(reviewer),
				n(who),
				period + 1,
				match median {
					Some(m) => format!("median {m}/100"),
					None => "below the panel's quorum, no score yet".into(),
				}
			),
		),
		CbEvent::ClaimSpam { index, period, who, slashed } => (
			"ClaimSpam",
			json!({"index": index, "period": period, "who": n(who), "slashed": slashed.to_string()}),
			format!("{}'s claim for month {} marked as spam: deposit {} to the treasury", n(who), period + 1, pha(*slashed)),
		),
		CbEvent::RoundFinalized { index, period, active } => (
			"RoundFinalized",
			json!({"index": index, "period": period, "active": active}),
			format!("month {}'s round finalized: {active} active members (scored at least the activity threshold)", period + 1),
		),
		CbEvent::RoundSettlementStarted { index, period } => (
			"RoundSettlementStarted",
			json!({"index": index, "period": period}),
			format!("month {}'s round settles at today's rate", period + 1),
		),
		CbEvent::RoundTallied { index, period, committed, rates } => (
			"RoundTallied",
			json!({"index": index, "period": period, "committed": committed.to_string(), "rates_set_at": rates.iter().map(|(pool, at)| json!({"pool": pool, "set_at": at})).collect::<Vec<_>>()}),
			format!(
				"month {}'s round tallied: eligibility checked, payments fixed{}, {} set aside for them",
				period + 1,
				if rates.is_empty() {
					String::new()
				} else {
					format!(
						" at the rate{} set at {}",
						if rates.len() == 1 { "" } else { "s" },
						rates.iter().map(|(_, at)| format!("#{at}")).collect::<Vec<_>>().join(", ")
					)
				},
				money(*index, *committed)
			),
		),
		CbEvent::PaymentSkipped { index, period, pool, beneficiary, amount, native } => (
			"PaymentSkipped",
			json!({"index": index, "period": period, "pool": pool, "beneficiary": n(beneficiary), "amount": amount.to_string(), "native": native.to_string()}),
			format!("{} cannot receive {}: skipped", n(beneficiary), paid_for(*index, *amount, *native)),
		),
		CbEvent::PaymentInProgress { index, payment, payee, amount } => (
			"PaymentInProgress",
			json!({"index": index, "payment": payment, "payee": n(payee), "amount": amount.to_string()}),
			format!("payment #{payment} of {} to {} is in progress: anyone may check it", money(*index, *amount), n(payee)),
		),
		CbEvent::PaymentFailed { index, payment, pool, period, payee, amount, retry_until } => (
			"PaymentFailed",
			json!({"index": index, "payment": payment, "pool": pool, "period": period, "payee": n(payee), "amount": amount.to_string(), "retry_until": retry_until}),
			format!(
				"payment #{payment} of {} to {} failed: kept for {} in the program, anyone may retry it (a close waits until #{retry_until})",
				money(*index, *amount),
				n(payee),
				n(payee)
			),
		),
		CbEvent::PaymentConfirmed { index, payment, payee, amount } => (
			"PaymentConfirmed",
			json!({"index": index, "payment": payment, "payee": n(payee), "amount": amount.to_string()}),
			format!("payment #{payment} of {} to {} is done", money(*index, *amount), n(payee)),
		),
		CbEvent::RoundSettled { index, period, paid, skipped } => (
			"RoundSettled",
			json!({"index": index, "period": period, "paid": paid, "skipped": skipped}),
			format!("month {}'s round settled: {paid} paid, {skipped} not paid; its storage is gone", period + 1),
		),
		_ => ("Other", json!({}), format!("{e:?}")),
	};
	(name.to_string(), fields, text)
}
