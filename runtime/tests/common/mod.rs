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

//! Helpers shared by the integration tests on the demo runtime: genesis from the `development`
//! preset, council motions, runtime-API calls and `try_state`.

#![allow(dead_code, unused_imports)]

pub use community_bounty_runtime::{
	genesis_config_presets::{preset_storage, ENDOWMENT, TREASURY_FUNDS},
	AccountId, AssetRate, Balance, Balances, CommunityBounty, Council, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System, TreasuryAccount, UNITS, USD, USD_ASSET,
};
pub use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::Inspect, tokens::ConversionFromAssetBalance, Get},
	weights::Weight,
	BoundedVec,
};
pub use pallet_community_bounty::{
	runtime_api::{
		runtime_decl_for_community_bounty_api::CommunityBountyApiV1, ProgramStateView, ProgramView,
	},
	Award, ProgramSpec, ProgramStatus, Role,
};
pub use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
pub use sp_runtime::{
	traits::{Dispatchable, Hash},
	DispatchError, FixedU128, MultiAddress,
};

/// `CommunityBountyApi::program`, as the runtime implements it for clients.
pub fn api_program(
	index: u32,
) -> Option<ProgramView<AccountId, Balance, community_bounty_runtime::BlockNumber, u32>> {
	<Runtime as CommunityBountyApiV1<community_bounty_runtime::Block, _, _, _, _>>::program(index)
}

/// `CommunityBountyApi::program_count`, as the runtime implements it for clients.
pub fn api_program_count() -> u32 {
	<Runtime as CommunityBountyApiV1<
		community_bounty_runtime::Block,
		AccountId,
		Balance,
		community_bounty_runtime::BlockNumber,
		u32,
	>>::program_count()
}

pub fn new_ext() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::new(
		preset_storage(sp_genesis_builder::DEV_RUNTIME_PRESET).expect("development preset"),
	);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

pub fn id(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

pub fn free(who: &AccountId) -> Balance {
	Balances::balance(who)
}

pub fn bounded<S: Get<u32>>(s: &str) -> BoundedVec<u8, S> {
	s.as_bytes().to_vec().try_into().unwrap()
}

pub fn cb(call: pallet_community_bounty::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::CommunityBounty(call)
}

/// Proposal #14, as the seed holds it.
pub fn seed_spec() -> ProgramSpec<Runtime> {
	community_bounty_runtime::seed::proposal_14()
}

/// Not proposal #14, but a program built from it: milestone 1 counts the roster, the lead
/// awards the senior pool directly, no cap on seniors nor minimum crew (the client test's
/// direct-award program is the same).
pub fn direct_spec() -> ProgramSpec<Runtime> {
	let mut spec = seed_spec();
	spec.milestones[0].metric = pallet_community_bounty::Metric::AmbassadorCount;
	spec.pools[0].payout = pallet_community_bounty::Payout::Direct;
	spec.max_seniors = None;
	spec.min_crew = 0;
	spec
}

pub fn council_events() -> Vec<pallet_collective::Event<Runtime, pallet_collective::Instance1>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Council(e) = r.event { Some(e) } else { None })
		.collect()
}

/// A council motion: `proposer` proposes `call` with `threshold` and votes aye, `ayes` vote aye,
/// `nays` nay, then the proposer closes it. Returns the dispatch result of the executed call, if executed.
pub fn motion(
	proposer: Sr25519Keyring,
	threshold: u32,
	call: RuntimeCall,
	ayes: &[Sr25519Keyring],
	nays: &[Sr25519Keyring],
) -> Option<Result<(), DispatchError>> {
	let length_bound = codec::Encode::encoded_size(&call) as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	System::reset_events();
	assert_ok!(Council::propose(
		RuntimeOrigin::signed(id(proposer)),
		threshold,
		Box::new(call),
		length_bound
	));
	// The proposer votes like everyone else.
	for (voters, approve) in [(&[proposer][..], true), (ayes, true), (nays, false)] {
		for voter in voters {
			assert_ok!(Council::vote(RuntimeOrigin::signed(id(*voter)), hash, index, approve));
		}
	}
	assert_ok!(Council::close(
		RuntimeOrigin::signed(id(proposer)),
		hash,
		index,
		weight,
		length_bound
	));
	council_events().into_iter().find_map(|e| match e {
		pallet_collective::Event::Executed { result, .. } => Some(result),
		_ => None,
	})
}

/// Runs every pallet's `try_state` (with the `try-runtime` feature).
pub fn check_try_state() {
	#[cfg(feature = "try-runtime")]
	{
		use frame_support::traits::{TryState, TryStateSelect};
		community_bounty_runtime::AllPalletsWithSystem::try_state(
			System::block_number(),
			TryStateSelect::All,
		)
		.expect("every pallet's invariants hold");
	}
}

pub fn senior(i: u32) -> AccountId {
	AccountId::from([100 + i as u8; 32])
}
pub fn ambassador(i: u32) -> AccountId {
	AccountId::from([200 - i as u8; 32])
}

/// What a call proved to cost: see [`Chain::prove`].
pub struct Proven {
	/// The weight it charged, refund included.
	pub charged: Weight,
	/// The encoded size of the storage proof of what it read.
	pub proof: u64,
	/// The storage keys it read from the committed state.
	pub reads: u64,
	/// The storage keys it changed.
	pub writes: u64,
}

/// Whether `key` is the block's own bookkeeping, which every block reads and writes whatever
/// it holds and which the benchmarks leave out: the well-known keys and `frame_system`'s
/// (its events, block number, weight), but not its accounts, which a payment changes.
fn is_bookkeeping(key: &[u8]) -> bool {
	let system = sp_io::hashing::twox_128(b"System");
	let accounts = <frame_system::Account<Runtime> as frame_support::storage::StoragePrefixedMap<
		_,
	>>::final_prefix();
	key.starts_with(b":") || (key.starts_with(&system) && !key.starts_with(&accounts))
}

/// A chain: each closure is one block, and storage is committed after it, as a node commits it.
pub struct Chain {
	pub ext: sp_io::TestExternalities,
	issuance: Balance,
}

impl Chain {
	pub fn new() -> Self {
		Self::from_ext(new_ext())
	}

	/// A chain whose state is `ext`'s.
	pub fn from_ext(mut ext: sp_io::TestExternalities) -> Self {
		let issuance = ext.execute_with(|| Balances::total_issuance());
		Self { ext, issuance }
	}

	/// Runs `f` in the next block, then commits storage.
	pub fn block<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.block_at(None, f)
	}

	/// Dispatches `call` from `origin` in the next block (storage committed before and after)
	/// with a storage-proof recorder, as a collator proves its block to the relay chain. Returns
	/// what the call charged (its actual weight, else what it declared), the size of the proof
	/// of what it read, and the storage it read and wrote. Checks what [`Self::block_at`] checks.
	pub fn prove(&mut self, origin: RuntimeOrigin, call: RuntimeCall) -> Proven {
		self.ext.execute_with(|| {
			System::set_block_number(System::block_number() + 1);
			System::reset_events();
		});
		self.ext.commit_all().expect("storage commits");
		let info = call.get_dispatch_info();
		let recorder = sp_trie::recorder::Recorder::<sp_core::Blake2Hasher>::default();
		let result = self.ext.execute_with_recorder(recorder.clone(), || call.dispatch(origin));
		let post = result.unwrap_or_else(|e| panic!("the call fails: {:?}", e.error));
		let proof = codec::Encode::encoded_size(&recorder.to_storage_proof()) as u64;
		// Every key of every trie read from the committed state (the block's own bookkeeping
		// aside), and every key the call changed (the overlay held nothing before it).
		let reads = recorder
			.recorded_keys()
			.values()
			.flat_map(|keys| keys.keys())
			.filter(|key| !is_bookkeeping(key))
			.count() as u64;
		let writes =
			self.ext.overlayed_changes().changes().filter(|(key, _)| !is_bookkeeping(key)).count()
				as u64;
		self.ext.execute_with(|| {
			check_try_state();
			assert_eq!(Balances::total_issuance(), self.issuance, "issuance unchanged");
		});
		self.ext.commit_all().expect("storage commits");
		Proven { charged: post.calc_actual_weight(&info), proof, reads, writes }
	}

	/// Runs `f` in block `number` (or the next block), then commits storage; checks the
	/// pallets' invariants and that total issuance did not change.
	pub fn block_at<R>(&mut self, number: Option<u32>, f: impl FnOnce() -> R) -> R {
		let result = self.ext.execute_with(|| {
			System::set_block_number(number.unwrap_or(System::block_number() + 1));
			System::reset_events();
			let result = f();
			check_try_state();
			assert_eq!(Balances::total_issuance(), self.issuance, "issuance unchanged");
			result
		});
		self.ext.commit_all().expect("storage commits");
		result
	}
}

/// A state saved as a JSON object of hex storage keys and values (`runtime/tests/fixtures/`).
///
/// The fixtures were saved by the runtime before it was a parachain. The pallets it has gained
/// since (parachain-system and -info, collator selection, session, Aura and aura-ext) start from
/// the development preset's genesis, as on a chain that was a parachain from its start, and
/// Aura's current slot is the slot of the fixture's time: only the community bounties' storage is
/// what the fixture's code left.
pub fn fixture_state(json: &str) -> sp_io::TestExternalities {
	let pairs: std::collections::BTreeMap<String, String> =
		serde_json::from_str(json).expect("a JSON object");
	let unhex = |text: &str| -> Vec<u8> {
		let digits = text.trim_start_matches("0x");
		(0..digits.len())
			.step_by(2)
			.map(|i| u8::from_str_radix(&digits[i..i + 2], 16).expect("hex"))
			.collect()
	};
	let mut top: std::collections::BTreeMap<Vec<u8>, Vec<u8>> =
		pairs.iter().map(|(key, value)| (unhex(key), unhex(value))).collect();
	let parachain_pallets = [
		b"ParachainSystem".as_slice(),
		b"ParachainInfo",
		b"CollatorSelection",
		b"Session",
		b"Aura",
		b"AuraExt",
	]
	.map(sp_io::hashing::twox_128);
	let genesis =
		preset_storage(sp_genesis_builder::DEV_RUNTIME_PRESET).expect("development preset");
	for (key, value) in genesis.top {
		if parachain_pallets.iter().any(|prefix| key.starts_with(prefix)) {
			top.entry(key).or_insert(value);
		}
	}
	let mut ext = sp_io::TestExternalities::new(sp_runtime::Storage {
		top,
		children_default: Default::default(),
	});
	ext.execute_with(|| {
		let now = pallet_timestamp::Now::<Runtime>::get();
		pallet_aura::CurrentSlot::<Runtime>::put(sp_consensus_aura::Slot::from(
			now / community_bounty_runtime::SLOT_DURATION,
		));
	});
	ext.commit_all().expect("storage commits");
	ext
}

/// Every claim deposit held, by account.
pub fn deposits_held() -> std::collections::BTreeMap<AccountId, Balance> {
	use frame_support::traits::fungible::InspectHold;
	let mut held = std::collections::BTreeMap::new();
	for (who, _) in frame_system::Account::<Runtime>::iter() {
		let amount = Balances::balance_on_hold(
			&pallet_community_bounty::HoldReason::ClaimDeposit.into(),
			&who,
		);
		if amount > 0 {
			held.insert(who, amount);
		}
	}
	held
}

/// The lead of every program of the tests: Ferdie.
pub fn lead() -> AccountId {
	id(Ferdie)
}

/// `who`'s signed origin.
pub fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

/// An account with no key of the dev keyring: the `i`-th stranger.
pub fn stranger(i: u32) -> AccountId {
	let mut raw = [7u8; 32];
	raw[..4].copy_from_slice(&i.to_le_bytes());
	AccountId::from(raw)
}

/// The community bounties' events of this block.
pub fn cb_events() -> Vec<pallet_community_bounty::Event<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::CommunityBounty(e) = r.event { Some(e) } else { None })
		.collect()
}

/// Proposes `spec` (program 0) and approves it by a 3/5 council motion in the next block;
/// returns the block of the approval.
pub fn active(chain: &mut Chain, spec: ProgramSpec<Runtime>) -> u32 {
	chain.block(|| {
		assert_ok!(CommunityBounty::propose_program(signed(&lead()), Box::new(spec)));
	});
	chain.block(|| {
		let approve = cb(pallet_community_bounty::Call::approve_program { index: 0 });
		assert_eq!(motion(Alice, 3, approve, &[Bob, Charlie], &[]), Some(Ok(())));
		System::block_number()
	})
}

/// The lead adds `who` to program 0: an ambassador in `senior_of`'s crew, else a senior.
pub fn add(who: &AccountId, senior_of: Option<&AccountId>) {
	let role = if senior_of.is_some() { Role::Ambassador } else { Role::SeniorAmbassador };
	assert_ok!(CommunityBounty::add_member(
		signed(&lead()),
		0,
		MultiAddress::Id(who.clone()),
		role,
		bounded("English"),
		senior_of.map(|s| MultiAddress::Id(s.clone()))
	));
}

/// `who` files its report for `period` of program 0.
pub fn file(who: &AccountId, period: u32) -> Result<(), DispatchError> {
	CommunityBounty::file_report(signed(who), 0, period, bounded("https://forum/report"), None)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// The lead scores `who` `score` each in period `period`, in calls of `MaxScoresPerCall`.
pub fn score(who: &[AccountId], period: u32, score: u8) {
	let per_call =
		<<Runtime as pallet_community_bounty::Config>::MaxScoresPerCall as Get<u32>>::get()
			as usize;
	for chunk in who.chunks(per_call) {
		let scores: Vec<_> = chunk.iter().map(|w| (w.clone(), score)).collect();
		assert_ok!(CommunityBounty::score_round(
			signed(&lead()),
			0,
			period,
			scores.try_into().unwrap()
		));
	}
}

/// The first block at which round `period` of program `index` may settle: after its appeal
/// and veto windows (`AppealWindow`, `VetoWindow`), counted from when it became final.
pub fn settles_from(index: u32, period: u32) -> u32 {
	let program = pallet_community_bounty::Programs::<Runtime>::get(index).expect("the program");
	let schedule = program.schedule().expect("an active program");
	let finalized_at = pallet_community_bounty::RoundChecks::<Runtime>::get(index, period)
		.and_then(|c| c.finalized_at);
	schedule.veto_deadline(period, finalized_at)
}

/// Moves the chain past round `period`'s appeal and veto windows, if it is not there yet.
pub fn past_the_checks(chain: &mut Chain, index: u32, period: u32) {
	let (now, from) = chain.block(|| (System::block_number(), settles_from(index, period)));
	if now < from {
		chain.block_at(Some(from), || {});
	}
}

/// Settles round `period` to the end, one call a block, once its appeal and veto windows are
/// over; returns the `Awarded` payees in order.
pub fn settle_all(chain: &mut Chain, period: u32) -> Vec<(AccountId, Balance)> {
	past_the_checks(chain, 0, period);
	let mut paid = Vec::new();
	while chain.block(|| pallet_community_bounty::Rounds::<Runtime>::contains_key(0, period)) {
		chain.block(|| {
			assert_ok!(CommunityBounty::settle_round(signed(&id(Eve)), 0, period));
			paid.extend(cb_events().into_iter().filter_map(|e| match e {
				pallet_community_bounty::Event::Awarded { beneficiary, native, .. } => {
					Some((beneficiary, native))
				},
				_ => None,
			}));
		});
	}
	paid
}

/// The council sets the PHA/USD rate to `pha_per_usd` by motion (`DatedRates::update`, which
/// dates it in this block), in the current block: what it does at least every `MaxRateAge`
/// blocks for a program to pay. Runs inside a block.
pub fn set_rate(pha_per_usd: FixedU128) {
	let call = RuntimeCall::DatedRates(community_bounty_runtime::dated_rates::Call::update {
		asset_kind: Box::new(USD_ASSET),
		rate: pha_per_usd,
	});
	assert_eq!(motion(Alice, 3, call, &[Bob, Charlie], &[]), Some(Ok(())));
}

/// The council confirms the genesis rate (2.5 PHA per USD) in the current block.
pub fn confirm_rate() {
	set_rate(FixedU128::from_rational(5, 2));
}

/// The filing and scoring deadlines of `period` of program 0, approved at `approved_at`.
pub fn deadlines(approved_at: u32, period: u32) -> (u32, u32) {
	// Neither deadline depends on the end block.
	let schedule = pallet_community_bounty::Schedule::<Runtime>::new(approved_at, u32::MAX);
	(schedule.filing_deadline(period), schedule.scoring_deadline(period))
}
