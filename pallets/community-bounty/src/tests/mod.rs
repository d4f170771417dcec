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

//! The pallet's tests on the mock runtime, a file a concept as the pallet has them: the program
//! (`program`), a program paying an asset (`assets`), the roster (`roster`), milestones
//! (`milestones`), direct awards (`rewards`), the monthly round (`rounds`), payments and their
//! status (`payments`), rates (`rates`), the trust rules (`trust`), the view functions
//! (`views`), the weights charged (`weights`), a whole program end to end (`whole_program`),
//! and model-based random call sequences (`model`). This file holds the fixtures they share.
//!
//! `ExtBuilder::build_and_execute` checks the pallet's invariants (`do_try_state`) and that total
//! issuance is unchanged after every test.

mod assets;
mod checks;
mod milestones;
mod model;
mod panel;
mod payees;
mod payments;
mod program;
mod rates;
mod rewards;
mod roster;
mod rounds;
mod trust;
mod views;
mod weights;
mod whole_program;

use crate::{mock::*, Error, Event, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_runtime::{
	traits::{BadOrigin, Hash},
	FixedU128,
};

pub(super) type CB = CommunityBounty;

pub(super) fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}
pub(super) fn council() -> RuntimeOrigin {
	signed(APPROVER)
}
pub(super) fn majority() -> RuntimeOrigin {
	signed(REJECTER)
}
pub(super) fn bytes<S: Get<u32>>(s: &str) -> BoundedVec<u8, S> {
	s.as_bytes().to_vec().try_into().expect("test strings fit their bounds")
}
pub(super) fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}
pub(super) fn bond_held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProgramBond.into(), &who)
}
pub(super) fn account(index: ProgramIndex) -> AccountId {
	CB::program_account(index)
}
pub(super) fn program(index: ProgramIndex) -> Program<Test> {
	Programs::<Test>::get(index).expect("program exists")
}
pub(super) fn go_to(block: u64) {
	System::set_block_number(block);
}
/// The events of this pallet, in order, and clears the event log.
pub(super) fn events() -> Vec<Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::CommunityBounty(e) = r.event { Some(e) } else { None })
		.collect();
	System::reset_events();
	events
}

/// The first block at which anyone may close the direct program approved at block 1 (if no round
/// is open): after its end block and its last period's filing window.
pub(super) const CLOSABLE: u64 = 1 + 6 * PERIOD + GRACE;

pub(super) const SENIOR_CAP: Balance = 2_000 * USD;
pub(super) const CONTRIBUTOR_CAP: Balance = 2_000 * USD;
pub(super) const CONTRIBUTOR_MEMBER_CAP: Balance = 500 * USD;
pub(super) const SENIOR_POOL: PoolIndex = 0;
pub(super) const CONTRIBUTOR_POOL: PoolIndex = 1;
pub(crate) const DESCRIPTION: &str =
	"Expand the Phala global community: reward Senior Ambassadors, educators and contributors.";

/// The pallet tests' program: proposal #14's budget, milestones and pools (100,000 PHA, two
/// milestones, two $2,000/month pools), but paid directly by the lead (no monthly round) and
/// with milestone 1 counting the roster (`AmbassadorCount`), no cap on seniors and no minimum
/// crew: the simplest program, which each test changes for what it checks. Proposal #14 itself
/// (a scored senior pool, `ActiveMembers`) is the runtime's seed (`runtime/src/seed.rs`).
pub(crate) fn direct_spec() -> ProgramSpec<Test> {
	ProgramSpec {
		title: bytes("Phala community bounty - April 2022"),
		description: description_hash(),
		asset: Denomination::Native,
		budget: 100_000 * PHA,
		milestones: vec![
			Milestone { metric: Metric::AmbassadorCount, target: 40, tranche: 80_000 * PHA },
			Milestone { metric: Metric::CommunitySize, target: 50_000, tranche: 20_000 * PHA },
		]
		.try_into()
		.unwrap(),
		pools: vec![
			RewardPool {
				eligibility: Eligibility::SeniorAmbassadors,
				denomination: Denomination::Asset(USD_ASSET),
				period_cap: SENIOR_CAP,
				member_cap: None,
				payout: Payout::Direct,
			},
			RewardPool {
				eligibility: Eligibility::Contributors,
				denomination: Denomination::Asset(USD_ASSET),
				period_cap: CONTRIBUTOR_CAP,
				member_cap: Some(CONTRIBUTOR_MEMBER_CAP),
				payout: Payout::Direct,
			},
		]
		.try_into()
		.unwrap(),
		duration: 6 * PERIOD,
		activity_threshold: 40,
		max_seniors: None,
		min_crew: 0,
		panel: None,
	}
}

/// [`direct_spec`] with a third pool, index 2: `eligibility`, paid directly, no member cap.
pub(crate) fn direct_with_pool(
	eligibility: Eligibility,
	denomination: Denomination<u32>,
	period_cap: Balance,
) -> ProgramSpec<Test> {
	let mut spec = direct_spec();
	spec.pools
		.try_push(RewardPool {
			eligibility,
			denomination,
			period_cap,
			member_cap: None,
			payout: Payout::Direct,
		})
		.expect("room for a third pool");
	spec
}

/// The hash of [`DESCRIPTION`]: what a spec carries of its text.
pub(crate) fn description_hash() -> <Test as frame_system::Config>::Hash {
	<Test as frame_system::Config>::Hashing::hash(DESCRIPTION.as_bytes())
}

/// The bond of a proposal: the base, and the per-byte part for its program record and its
/// panel, if any, as stored.
pub(crate) fn bond_for(spec: ProgramSpec<Test>) -> Balance {
	let panel = spec.panel.as_ref().map_or(0, |panel| panel.encoded_size());
	let record = CB::proposed_record(LEAD, spec, 1).expect("a record");
	100 * PHA + (record.encoded_size() + panel) as Balance * (PHA / 10)
}

/// The bond of [`direct_spec`]'s proposal.
pub(crate) fn direct_bond() -> Balance {
	bond_for(direct_spec())
}

/// What `pool` of program `index` spent in its latest period.
pub(super) fn pool_spent(index: ProgramIndex, pool: PoolIndex) -> Spending<Balance> {
	program(index).pool_spent[pool as usize]
}

/// The council's approval of the report of `milestone` it saw: it names that report's attempt and
/// figure of record (as a motion built from the report would).
pub(super) fn approve_ms(
	origin: RuntimeOrigin,
	index: ProgramIndex,
	milestone: MilestoneIndex,
	cut: Option<Balance>,
) -> DispatchResult {
	let (attempt, figure) =
		Reports::<Test>::get(index, milestone).map_or((1, 0), |r| (r.attempt, r.figure));
	CB::approve_milestone(origin, index, milestone, attempt, figure, cut)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// The council's rejection of the report of `milestone` it saw.
pub(super) fn reject_ms(
	origin: RuntimeOrigin,
	index: ProgramIndex,
	milestone: MilestoneIndex,
) -> DispatchResult {
	let attempt = Reports::<Test>::get(index, milestone).map_or(1, |r| r.attempt);
	CB::reject_milestone(origin, index, milestone, attempt)
}

/// Takes the clean-up steps of removed program `index` until nothing of it is left.
pub(super) fn clear_all(index: ProgramIndex) {
	while Cleanups::<Test>::contains_key(index) {
		assert_ok!(CB::clear_program(signed(STRANGER), index));
	}
	assert_noop!(CB::clear_program(signed(STRANGER), index), Error::<Test>::NothingToClear);
}

pub(super) fn propose(spec: ProgramSpec<Test>) -> ProgramIndex {
	let index = ProgramCount::<Test>::get();
	assert_ok!(CB::propose_program(signed(LEAD), Box::new(spec)));
	index
}

/// Proposes and approves [`direct_spec`]; returns its index. Events are cleared.
pub(super) fn active_direct() -> ProgramIndex {
	let index = propose(direct_spec());
	assert_ok!(CB::approve_program(council(), index));
	events();
	index
}

/// The lead adds `who` to program `index` as a Senior Ambassador (region "English").
pub(super) fn add_senior(index: ProgramIndex, who: AccountId) {
	assert_ok!(CB::add_member(
		signed(LEAD),
		index,
		who,
		Role::SeniorAmbassador,
		bytes("English"),
		None
	));
}

/// Adds `seniors` Senior Ambassadors (accounts 100..) and `crew` ambassadors (200..) spread over
/// them.
pub(super) fn fill_roster(index: ProgramIndex, seniors: u32, crew: u32) {
	for s in 0..seniors {
		add_senior(index, senior(s));
	}
	for a in 0..crew {
		assert_ok!(CB::add_member(
			signed(LEAD),
			index,
			200 + a as AccountId,
			Role::Ambassador,
			bytes("Korean"),
			Some(senior(a % seniors))
		));
	}
}
pub(super) fn senior(s: u32) -> AccountId {
	100 + s as AccountId
}

pub(super) fn usd_to_pha(usd: Balance) -> Balance {
	usd * 5 / 2
}

/// The lead awards `usd` (in the pool's denomination) to `who` from `pool` of program `index`.
pub(super) fn award(
	index: ProgramIndex,
	pool: PoolIndex,
	who: AccountId,
	usd: Balance,
) -> DispatchResult {
	CB::award(signed(LEAD), index, pool, who, usd, bytes("monthly reward"))
		.map(|_| ())
		.map_err(|e| e.error)
}

/// One award of a batch: `usd` dollars (whole) to `beneficiary` from `pool`.
pub(super) fn entry(pool: PoolIndex, beneficiary: AccountId, usd: Balance) -> AwardOf<Test> {
	Award { pool, beneficiary, amount: usd * USD, reason: bytes("april run") }
}
