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

//! The contributors paid in USDT (program #1, the seed's `contributors_in_usdt`): a program pays
//! in one asset, so the lead runs proposal #14's contributors as a program of their own, funded
//! from the treasury's USDT. Its caps are in USDT and need no rate; the council's limit counts
//! its budget at its value in PHA, at a rate the council sets first. One contributor's tip is
//! below USDT's minimum balance and their account holds no USDT: the payment fails, its USDT stays
//! in the program for them, and once they hold USDT anyone retries it, paid once.

use crate::{
	chain::{bounded, named, Chain},
	scenario::{cb, council_motion, AYES},
};
use community_bounty_runtime::{
	configs::USDT, genesis_config_presets::USDT_UNIT, seed, RuntimeCall, DAYS,
};
use pallet_community_bounty::Award;
use sp_core::sr25519;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{FixedPointNumber, FixedU128};

/// Program #1's index.
const INDEX: u32 = 1;
/// Its direct pool and its pool of tips.
const DIRECT: u32 = 0;
const TIPS: u32 = 1;

/// The contributor `i` of the seed, by name.
fn contributor(i: usize) -> &'static str {
	seed::CONTRIBUTORS[i].0
}

/// Replays program #1 from block `start`, with `lead` signing the lead's steps.
pub(crate) fn replay(chain: &mut Chain, lead: &sr25519::Pair, start: u32) {
	chain.start_block(start);
	chain.say(
		"Program #1: Rhee proposes to pay the contributors in USDT (4,000 USDT, two months): a \
		 program pays in one asset, so they get a program of their own",
	);
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::propose_program {
				spec: Box::new(seed::contributors_in_usdt()),
			}),
		)
		.expect("the USDT program is valid");
	chain.end_block();

	let approved_at = start + 1;
	let day = |m: u32, d: u32| approved_at + m * 30 * DAYS + d * DAYS;
	chain.start_block(approved_at);
	chain.say(
		"   The council's limit counts a USDT budget at its value in PHA: it sets the PHA/USDT \
		 rate (2.5 PHA a USDT; the genesis rate is months old), then approves; 4,000 USDT leave \
		 the treasury's USDT for the program account",
	);
	council_motion(
		chain,
		RuntimeCall::DatedRates(community_bounty_runtime::dated_rates::Call::update {
			asset_kind: Box::new(USDT),
			// Per smallest unit: a USDT unit is 10^-6, a PHA unit 10^-12.
			rate: FixedU128::saturating_from_integer(2_500_000u32),
		}),
		&AYES,
		&[],
	);
	council_motion(
		chain,
		cb(pallet_community_bounty::Call::approve_program { index: INDEX }),
		&AYES,
		&[],
	);
	chain.end_block();

	chain.start_block(day(0, 25));
	chain.say(
		"Program #1, month 1, day 25: Rhee pays two contributors in USDT (one batch); two others \
		 claim a tip from the pool of tips (1 USDT a month, shared by score)",
	);
	pay(chain, lead, &[(0, 750), (1, 500)]);
	for i in [2, 3] {
		let who = crate::chain::named_pair(contributor(i));
		chain
			.submit(
				&who,
				cb(pallet_community_bounty::Call::file_claim {
					index: INDEX,
					period: 0,
					pool: TIPS,
					evidence: bounded(seed::CONTRIBUTORS[i].1),
				}),
			)
			.expect("a contributor may claim a tip");
	}
	chain.end_block();

	chain.start_block(day(1, 3));
	chain.say("Program #1, month 2, day 3: Rhee scores the claims: 100, and 1");
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::score_round {
				index: INDEX,
				period: 0,
				scores: vec![(named(contributor(2)), 100), (named(contributor(3)), 1)]
					.try_into()
					.expect("two scores fit a call"),
			}),
		)
		.expect("the lead scores the claims");
	chain.end_block();

	let eve = Sr25519Keyring::Eve.pair();
	chain.start_block(day(1, 6));
	chain.say(&format!(
		"Program #1, month 2, day 6: Rhee finalizes the round; Eve will settle it. {}'s tip \
		 (0.0099 USDT) is below USDT's minimum balance (0.01) and their account holds no USDT: \
		 the payment fails, and its USDT stays in the program, kept for them",
		contributor(3)
	));
	chain
		.submit(lead, cb(pallet_community_bounty::Call::finalize_round { index: INDEX, period: 0 }))
		.expect("the grace window is over");
	chain.end_block();

	chain.start_block(day(1, 14));
	chain.say("Program #1, month 2, day 14: the appeal and veto windows are over; Eve settles");
	while chain.ext.execute_with(|| {
		pallet_community_bounty::Rounds::<community_bounty_runtime::Runtime>::contains_key(INDEX, 0)
	}) {
		chain
			.submit(
				&eve,
				cb(pallet_community_bounty::Call::settle_round { index: INDEX, period: 0 }),
			)
			.expect("a final round settles");
	}
	chain.end_block();

	chain.start_block(day(1, 25));
	chain.say(&format!(
		"Program #1, month 2, day 25: Rhee's run pays {} and {}; {} now holds USDT, and Eve \
		 retries the failed tip: paid once",
		contributor(2),
		contributor(3),
		contributor(3)
	));
	pay(chain, lead, &[(2, 600), (3, 400)]);
	chain
		.submit(&eve, cb(pallet_community_bounty::Call::retry_payment { index: INDEX, payment: 0 }))
		.expect("the payee can receive the tip now");
	chain.end_block();

	chain.start_block(day(2, 6));
	chain.say(
		"Program #1 has ended: Eve closes it and the rest of its USDT returns to the treasury",
	);
	chain
		.submit(&eve, cb(pallet_community_bounty::Call::close_program { index: INDEX }))
		.expect("anyone closes an ended program");
	chain.end_block();
}

/// Rhee's batch from the direct pool: whole USDT to the contributors named by their index.
fn pay(chain: &mut Chain, lead: &sr25519::Pair, awards: &[(usize, u128)]) {
	let awards: Vec<_> = awards
		.iter()
		.map(|(i, usdt)| Award {
			pool: DIRECT,
			beneficiary: named(contributor(*i)),
			amount: usdt * USDT_UNIT,
			reason: bounded(seed::CONTRIBUTORS[*i].1),
		})
		.collect();
	chain
		.submit(
			lead,
			cb(pallet_community_bounty::Call::award_batch {
				index: INDEX,
				awards: awards.try_into().expect("a run fits a batch"),
			}),
		)
		.expect("the run is within the USDT caps");
}
