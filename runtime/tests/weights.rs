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

//! The weights never undercharge the proof a call needs: each call's costliest path runs on the
//! demo runtime, on a program as large as the runtime's bounds allow (a full roster, full crews,
//! a full round), with storage committed before and after, under a storage-proof recorder (what
//! a collator sends the relay chain). The proof of what the call read must fit in the proof
//! size it was charged, refund included, and its reads and writes at the runtime's database
//! weights must fit in the time it was charged. The three paths a review found undercharged are here:
//! an ambassador's removal, an `ActiveMembers` milestone (which reads the round), and a cancel
//! that cannot finish its clean-up at once.

mod common;
use common::*;
use pallet_community_bounty::{Call, Payout, Split, MAX_SCORE};

fn max<G: Get<u32>>() -> u32 {
	G::get()
}

/// The `i`-th ambassador of a full roster (the common `ambassador` accounts run into the
/// seniors' past a hundred).
fn crew_member(i: u32) -> AccountId {
	let mut raw = [9u8; 32];
	raw[..4].copy_from_slice(&i.to_le_bytes());
	AccountId::from(raw)
}

/// Dispatches `call` from `origin` with a proof recorder and checks that the proof fits the
/// proof size the call was charged, and that its reads and writes, at the runtime's database
/// weights, fit the time it was charged.
#[track_caller]
fn assert_fits(chain: &mut Chain, what: &str, origin: RuntimeOrigin, call: Call<Runtime>) {
	let Proven { charged, proof, reads, writes } = chain.prove(origin, cb(call));
	assert!(
		proof <= charged.proof_size(),
		"{what}: a proof of {proof} bytes, {} charged",
		charged.proof_size()
	);
	assert!(proof > 0 && reads > 0, "{what}: nothing was read");
	assert!(writes > 0, "{what}: nothing was written");
	let db = <Runtime as frame_system::Config>::DbWeight::get().reads_writes(reads, writes);
	assert!(
		db.ref_time() <= charged.ref_time(),
		"{what}: {reads} reads and {writes} writes take {} ps, {} charged",
		db.ref_time(),
		charged.ref_time()
	);
	// Shown with `--nocapture`: how much room each worst case leaves.
	eprintln!(
		"{what}: a proof of {proof} bytes, {} charged; {reads} reads and {writes} writes, {:.0}% \
		 of the time charged",
		charged.proof_size(),
		100.0 * db.ref_time() as f64 / charged.ref_time() as f64
	);
}

/// Program 0 from the seed, with the largest roster the runtime allows: `MaxRoster` members,
/// `max_seniors` seniors each leading a crew, and every crew filled in order. Returns the
/// block of the approval, the seniors and the ambassadors.
fn full_roster(chain: &mut Chain) -> (u32, Vec<AccountId>, Vec<AccountId>) {
	full_roster_of(chain, seed_spec())
}

/// As [`full_roster`], for program 0 proposed from `spec`.
fn full_roster_of(
	chain: &mut Chain,
	spec: ProgramSpec<Runtime>,
) -> (u32, Vec<AccountId>, Vec<AccountId>) {
	let seniors_allowed = spec.max_seniors.unwrap_or(1);
	let approved_at = active(chain, spec);
	let roster = max::<<Runtime as pallet_community_bounty::Config>::MaxRoster>();
	let crew = max::<<Runtime as pallet_community_bounty::Config>::MaxCrew>();
	let seniors: Vec<_> = (0..seniors_allowed).map(senior).collect();
	let ambassadors: Vec<_> = (0..roster - seniors_allowed).map(crew_member).collect();
	chain.block(|| {
		seniors.iter().for_each(|s| add(s, None));
		for (i, a) in ambassadors.iter().enumerate() {
			add(a, Some(&seniors[i / crew as usize]));
		}
	});
	(approved_at, seniors, ambassadors)
}

/// Every member files its report for period 0 and the lead scores them all 100 and finalizes
/// the round at its filing deadline: a final round as large as the roster.
fn final_full_round(chain: &mut Chain, approved_at: u32, members: &[AccountId]) {
	chain.block(|| {
		members.iter().for_each(|m| {
			assert_ok!(file(m, 0));
		})
	});
	let (filing_over, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing_over), || {
		score(members, 0, MAX_SCORE);
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
	});
	// Past the appeal and veto windows, the round may settle; the genesis rate is older than
	// `MaxRateAge` by now: the council confirms it.
	past_the_checks(chain, 0, 0);
	chain.block(confirm_rate);
}

#[test]
fn the_councils_removal_of_an_ambassador_from_a_full_crew_fits_its_weight() {
	let mut chain = Chain::new();
	let (_, _, ambassadors) = full_roster(&mut chain);
	let crew = max::<<Runtime as pallet_community_bounty::Config>::MaxCrew>() as usize;
	// The last of the first crew: its senior's crew list is full.
	let who = ambassadors[crew - 1].clone();
	assert_fits(
		&mut chain,
		"remove_member (ambassador)",
		RuntimeOrigin::root(),
		Call::remove_member { index: 0, who: MultiAddress::Id(who) },
	);
}

#[test]
fn a_seniors_removal_with_its_full_crew_fits_its_weight() {
	let mut chain = Chain::new();
	let (_, seniors, _) = full_roster(&mut chain);
	assert_fits(
		&mut chain,
		"remove_member (senior)",
		RuntimeOrigin::root(),
		Call::remove_member { index: 0, who: MultiAddress::Id(seniors[0].clone()) },
	);
}

#[test]
fn an_active_members_milestone_on_a_full_round_fits_its_weights() {
	let mut chain = Chain::new();
	let (approved_at, seniors, ambassadors) = full_roster(&mut chain);
	let members: Vec<_> = seniors.into_iter().chain(ambassadors).collect();
	final_full_round(&mut chain, approved_at, &members);
	let figure = members.len() as u64;
	let evidence_len = max::<<Runtime as pallet_community_bounty::Config>::MaxEvidenceLen>();
	assert_fits(
		&mut chain,
		"report_milestone (ActiveMembers)",
		signed(&lead()),
		Call::report_milestone {
			index: 0,
			milestone: 0,
			claimed: figure,
			evidence: vec![b'e'; evidence_len as usize].try_into().unwrap(),
		},
	);
	assert_fits(
		&mut chain,
		"approve_milestone (ActiveMembers)",
		RuntimeOrigin::root(),
		Call::approve_milestone {
			index: 0,
			milestone: 0,
			attempt: 1,
			expected_figure: figure,
			cut: None,
		},
	);
}

#[test]
fn every_step_of_a_full_rounds_settlement_fits_its_weight() {
	let mut chain = Chain::new();
	let (approved_at, seniors, ambassadors) = full_roster(&mut chain);
	let members: Vec<_> = seniors.into_iter().chain(ambassadors).collect();
	final_full_round(&mut chain, approved_at, &members);
	let mut step = 0;
	while chain.block(|| pallet_community_bounty::Rounds::<Runtime>::contains_key(0, 0)) {
		assert_fits(
			&mut chain,
			&format!("settle_round (step {step})"),
			signed(&id(Eve)),
			Call::settle_round { index: 0, period: 0 },
		);
		step += 1;
	}
	let page = max::<<Runtime as pallet_community_bounty::Config>::RoundPageSize>() as usize;
	assert_eq!(step, 1 + members.len().div_ceil(page), "a start, then a step a page");
}

#[test]
fn filing_into_a_full_round_fits_its_weight() {
	let mut chain = Chain::new();
	let (_, seniors, ambassadors) = full_roster(&mut chain);
	let members: Vec<_> = seniors.into_iter().chain(ambassadors).collect();
	let (last, others) = members.split_last().unwrap();
	chain.block(|| {
		others.iter().for_each(|m| {
			assert_ok!(file(m, 0));
		})
	});
	let evidence_len = max::<<Runtime as pallet_community_bounty::Config>::MaxEvidenceLen>();
	assert_fits(
		&mut chain,
		"file_report (the roster's last)",
		signed(last),
		Call::file_report {
			index: 0,
			period: 0,
			evidence: vec![b'e'; evidence_len as usize].try_into().unwrap(),
			proposed: Some(100),
		},
	);
}

#[test]
fn a_cancel_that_leaves_clean_up_for_later_fits_its_weight() {
	let mut chain = Chain::new();
	let (_, seniors, ambassadors) = full_roster(&mut chain);
	let members: Vec<_> = seniors.into_iter().chain(ambassadors).collect();
	chain.block(|| {
		members.iter().for_each(|m| {
			assert_ok!(file(m, 0));
		})
	});
	assert_fits(
		&mut chain,
		"cancel_program",
		RuntimeOrigin::root(),
		Call::cancel_program { index: 0 },
	);
	assert!(
		chain.block(|| pallet_community_bounty::Cleanups::<Runtime>::contains_key(0)),
		"the cancel left clean-up for later steps"
	);
	while chain.block(|| pallet_community_bounty::Cleanups::<Runtime>::contains_key(0)) {
		assert_fits(
			&mut chain,
			"clear_program",
			signed(&id(Eve)),
			Call::clear_program { index: 0 },
		);
	}
}

#[test]
fn scoring_and_finalizing_a_full_round_fit_their_weights() {
	let mut chain = Chain::new();
	let (approved_at, seniors, ambassadors) = full_roster(&mut chain);
	let members: Vec<_> = seniors.into_iter().chain(ambassadors).collect();
	chain.block(|| {
		members.iter().for_each(|m| {
			assert_ok!(file(m, 0));
		})
	});
	let (filing_over, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing_over), || {});
	let per_call = max::<<Runtime as pallet_community_bounty::Config>::MaxScoresPerCall>();
	// The last entries of the round: the costliest to find among the filers.
	let scores: Vec<_> =
		members.iter().rev().take(per_call as usize).map(|m| (m.clone(), MAX_SCORE)).collect();
	assert_fits(
		&mut chain,
		"score_round (a full call)",
		signed(&lead()),
		Call::score_round { index: 0, period: 0, scores: scores.try_into().unwrap() },
	);
	assert_fits(
		&mut chain,
		"finalize_round",
		signed(&lead()),
		Call::finalize_round { index: 0, period: 0 },
	);
}

#[test]
fn a_full_batch_of_capped_awards_fits_its_weight() {
	let mut chain = Chain::new();
	full_roster(&mut chain);
	let per_call = max::<<Runtime as pallet_community_bounty::Config>::MaxAwardsPerCall>();
	// The contributors' pool: $2,000 a month, at most $1,000 each, so a spending record each.
	let awards: Vec<_> = (0..per_call)
		.map(|i| Award {
			pool: 1,
			beneficiary: crew_member(1_000 + i),
			amount: 30 * USD,
			reason: vec![b'r'; 64].try_into().unwrap(),
		})
		.collect();
	assert_fits(
		&mut chain,
		"award_batch (a full batch)",
		signed(&lead()),
		Call::award_batch { index: 0, awards: awards.try_into().unwrap() },
	);
}

#[test]
fn roster_changes_on_a_full_roster_fit_their_weights() {
	let mut chain = Chain::new();
	let (_, seniors, ambassadors) = full_roster(&mut chain);
	// A place on the roster and in the first crew, then a newcomer takes it.
	chain.block(|| {
		assert_ok!(CommunityBounty::remove_member(
			signed(&lead()),
			0,
			MultiAddress::Id(ambassadors[0].clone())
		));
	});
	assert_fits(
		&mut chain,
		"add_member (into a crew)",
		signed(&lead()),
		Call::add_member {
			index: 0,
			who: MultiAddress::Id(crew_member(9_999)),
			role: Role::Ambassador,
			region: bounded("English"),
			senior: Some(MultiAddress::Id(seniors[0].clone())),
		},
	);
	// The council names the first senior lead: it leaves the roster with its full crew.
	assert_fits(
		&mut chain,
		"set_lead (a senior with a full crew)",
		RuntimeOrigin::root(),
		Call::set_lead { index: 0, new_lead: MultiAddress::Id(seniors[0].clone()) },
	);
}

#[test]
fn claims_and_spam_in_a_full_round_fit_their_weights() {
	let mut chain = Chain::new();
	let mut spec = seed_spec();
	spec.pools[1].payout = Payout::Scored { threshold: 40, split: Split::Linear };
	let (_, seniors, ambassadors) = full_roster_of(&mut chain, spec);
	let members: Vec<_> = seniors.into_iter().chain(ambassadors).collect();
	let room = max::<<Runtime as pallet_community_bounty::Config>::MaxEntriesPerRound>()
		- members.len() as u32;
	let claimants: Vec<_> = (0..room).map(stranger).collect();
	chain.block(|| {
		for who in &claimants {
			assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
				&id(Alice),
				who,
				10 * UNITS,
				frame_support::traits::tokens::Preservation::Preserve
			));
		}
		members.iter().for_each(|m| {
			assert_ok!(file(m, 0));
		});
	});
	let (last, first) = claimants.split_last().unwrap();
	chain.block(|| {
		for who in first {
			assert_ok!(CommunityBounty::file_claim(signed(who), 0, 0, 1, bounded("https://x")));
		}
	});
	let evidence_len = max::<<Runtime as pallet_community_bounty::Config>::MaxEvidenceLen>();
	assert_fits(
		&mut chain,
		"file_claim (the round's last)",
		signed(last),
		Call::file_claim {
			index: 0,
			period: 0,
			pool: 1,
			evidence: vec![b'e'; evidence_len as usize].try_into().unwrap(),
		},
	);
	// The first claim is spam: the round's last entry, in another page, takes its place.
	assert_fits(
		&mut chain,
		"mark_spam",
		signed(&lead()),
		Call::mark_spam { index: 0, period: 0, who: MultiAddress::Id(first[0].clone()) },
	);
}

#[test]
fn closing_an_expired_program_with_a_full_roster_fits_its_weight() {
	let mut chain = Chain::new();
	let (approved_at, _, _) = full_roster(&mut chain);
	let ends_at = chain.block(|| {
		pallet_community_bounty::Programs::<Runtime>::get(0)
			.and_then(|p| p.schedule())
			.map(|s| s.ends_at)
			.expect("program 0 is active")
	});
	assert!(ends_at > approved_at);
	// Long after the end and every window: anyone closes.
	chain.block_at(Some(ends_at + 60 * community_bounty_runtime::DAYS), || {});
	assert_fits(&mut chain, "close_program", signed(&id(Eve)), Call::close_program { index: 0 });
}

/// A full page of a round's payments that all fail (each below the existential deposit, to
/// members without an account): every one is recorded for a retry. Then a retry, which creates
/// the payee's account.
#[test]
fn a_page_of_failed_payments_and_a_retry_fit_their_weights() {
	let mut chain = Chain::new();
	let page = max::<<Runtime as pallet_community_bounty::Config>::RoundPageSize>();
	let mut spec = seed_spec();
	spec.max_seniors = None;
	spec.min_crew = 0;
	let pool = &mut spec.pools[0];
	pool.denomination = pallet_community_bounty::Denomination::Native;
	// Half the existential deposit for each member of a full page.
	pool.period_cap = community_bounty_runtime::EXISTENTIAL_DEPOSIT / 2 * page as Balance;
	pool.member_cap = None;
	pool.payout = Payout::Scored { threshold: 0, split: Split::Proportional };
	let approved_at = active(&mut chain, spec);
	let members: Vec<AccountId> = (0..page).map(crew_member).collect();
	chain.block(|| {
		for who in &members {
			add(who, None);
		}
	});
	chain.block(|| {
		for who in &members {
			assert_ok!(file(who, 0));
		}
		score(&members, 0, MAX_SCORE);
	});
	let (filing, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing), || {
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
	});
	past_the_checks(&mut chain, 0, 0);
	chain.block(confirm_rate);
	let mut step = 0;
	while chain.block(|| pallet_community_bounty::Rounds::<Runtime>::contains_key(0, 0)) {
		assert_fits(
			&mut chain,
			&format!("settle_round with failed payments (step {step})"),
			signed(&id(Eve)),
			Call::settle_round { index: 0, period: 0 },
		);
		step += 1;
	}
	chain.block(|| {
		assert_eq!(pallet_community_bounty::PaymentBooks::<Runtime>::get(0).open, page);
		assert_ok!(Balances::transfer_keep_alive(
			signed(&id(Ferdie)),
			MultiAddress::Id(members[0].clone()),
			community_bounty_runtime::EXISTENTIAL_DEPOSIT
		));
	});
	assert_fits(
		&mut chain,
		"retry_payment",
		signed(&id(Eve)),
		Call::retry_payment { index: 0, payment: 0 },
	);
}

/// A program paying USDT (an asset of `pallet-assets`, whose transfers read and write more than
/// a PHA transfer): the seed's spec in USDT, a full roster, and program 0's account funded.
fn usdt_program(chain: &mut Chain, scored_seniors: bool) -> (u32, Vec<AccountId>) {
	use community_bounty_runtime::{configs::USDT, genesis_config_presets::USDT_UNIT};
	let usdt = pallet_community_bounty::Denomination::Asset(USDT);
	let mut spec = seed_spec();
	spec.asset = usdt.clone();
	spec.budget = 100_000 * USDT_UNIT;
	spec.milestones[0].tranche = 80_000 * USDT_UNIT;
	spec.milestones[1].tranche = 20_000 * USDT_UNIT;
	for pool in spec.pools.iter_mut() {
		pool.denomination = usdt.clone();
		pool.period_cap = 2_000 * USDT_UNIT;
		pool.member_cap = pool.member_cap.map(|_| 1_000 * USDT_UNIT);
	}
	if scored_seniors {
		// Every senior with a crew is paid from the senior pool, whatever its score.
		spec.pools[0].payout = Payout::Scored { threshold: 0, split: Split::Proportional };
	}
	// The council dates the PHA/USDT rate its limit needs (genesis dated it at block 0).
	chain.block(|| {
		let call = RuntimeCall::DatedRates(community_bounty_runtime::dated_rates::Call::update {
			asset_kind: Box::new(USDT),
			rate: FixedU128::from_u32(2_500_000),
		});
		assert_eq!(motion(Alice, 3, call, &[Bob, Charlie], &[]), Some(Ok(())));
	});
	let (approved_at, seniors, ambassadors) = full_roster_of(chain, spec);
	(approved_at, seniors.into_iter().chain(ambassadors).collect())
}

#[test]
fn a_full_batch_of_usdt_awards_fits_its_weight() {
	use community_bounty_runtime::genesis_config_presets::USDT_UNIT;
	let mut chain = Chain::new();
	usdt_program(&mut chain, false);
	let per_call = max::<<Runtime as pallet_community_bounty::Config>::MaxAwardsPerCall>();
	// Capped USDT awards to accounts holding no USDT: each creates an asset account.
	let awards: Vec<_> = (0..per_call)
		.map(|i| Award {
			pool: 1,
			beneficiary: crew_member(1_000 + i),
			amount: 30 * USDT_UNIT,
			reason: vec![b'r'; 64].try_into().unwrap(),
		})
		.collect();
	assert_fits(
		&mut chain,
		"award_batch (a full batch in USDT)",
		signed(&lead()),
		Call::award_batch { index: 0, awards: awards.try_into().unwrap() },
	);
}

#[test]
fn every_step_of_a_full_rounds_settlement_in_usdt_fits_its_weight() {
	let mut chain = Chain::new();
	let (approved_at, members) = usdt_program(&mut chain, true);
	chain.block(|| {
		members.iter().for_each(|m| {
			assert_ok!(file(m, 0));
		})
	});
	let (filing_over, _) = deadlines(approved_at, 0);
	chain.block_at(Some(filing_over), || {
		score(&members, 0, MAX_SCORE);
		assert_ok!(CommunityBounty::finalize_round(signed(&lead()), 0, 0));
	});
	past_the_checks(&mut chain, 0, 0);
	let mut step = 0;
	while chain.block(|| pallet_community_bounty::Rounds::<Runtime>::contains_key(0, 0)) {
		assert_fits(
			&mut chain,
			&format!("settle_round in USDT (step {step})"),
			signed(&id(Eve)),
			Call::settle_round { index: 0, period: 0 },
		);
		step += 1;
	}
}

#[test]
fn naming_and_clearing_a_payee_fit_their_weights() {
	let mut chain = Chain::new();
	let payee = MultiAddress::Id(id(Dave));
	assert_fits(
		&mut chain,
		"set_payee",
		signed(&id(Eve)),
		Call::set_payee { payee: payee.clone() },
	);
	// Naming another keeps the deposit: no costlier than the first.
	assert_fits(&mut chain, "set_payee again", signed(&id(Eve)), Call::set_payee { payee });
	assert_fits(&mut chain, "clear_payee", signed(&id(Eve)), Call::clear_payee {});
}
