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

//! # community-bounty demo runtime
//!
//! A small FRAME runtime that shows how a treasury chain wires `pallet-community-bounty`:
//! balances, a treasury, a council (`pallet-collective`), asset rates for USD-denominated caps,
//! `pallet-bounties` (the pallet most treasury chains run already), on-chain identity (so that
//! people are shown by name) and the community bounties.
//!
//! It is a parachain runtime in the shape of the polkadot-sdk parachain template: para id
//! [`genesis_config_presets::PARA_ID`] (2000) set at genesis in `ParachainInfo`,
//! `cumulus-pallet-parachain-system` (with `register_validate_block!`, so a relay chain can
//! validate its blocks), and collators that author blocks in Aura slots of 6 seconds
//! (`pallet-aura` with `cumulus-pallet-aura-ext`), chosen by `pallet-collator-selection` (Alice
//! and Bob, invulnerable, in the presets) through `pallet-session`. It has no XCM. It runs on
//! `polkadot-omni-node --dev` (manual seal) or chopsticks, and in process in the demo and the
//! integration tests.
//!
//! The council approves programs, milestone reports, leads and cancels with 3/5 of its members
//! (or Root), and rejects with a simple majority (or Root). Transaction fees go to the treasury,
//! so total issuance only changes through the pallets that mint or burn (none here do).

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod dated_rates;
pub mod genesis_config_presets;
pub mod genesis_identities;
pub mod seed;
pub mod weights;

use alloc::vec::Vec;
use frame_support::{
	derive_impl,
	genesis_builder_helper::{build_state, get_preset},
	parameter_types,
	traits::{
		tokens::{imbalance::ResolveTo, PayFromAccount, UnityAssetBalanceConversion},
		ConstU32, ConstU64, ConstU8, EitherOf, EitherOfDiverse, VariantCountOf,
	},
	weights::{
		constants::{RocksDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
	PalletId,
};
use frame_system::{
	limits::BlockWeights as SystemBlockWeights, EnsureRoot, EnsureRootWithSuccess,
	EnsureWithSuccess,
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_genesis_builder::PresetId;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{AccountIdConversion, BlakeTwo256, Block as BlockT, IdentifyAccount, Verify},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, MultiAddress, MultiSignature, Perbill, Permill,
};
use sp_version::RuntimeVersion;

pub use configs::*;
pub use pallet_community_bounty;

/// An index to a block.
pub type BlockNumber = u32;
/// A signature on the chain.
pub type Signature = MultiSignature;
/// An account id: the public key behind a signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance, in the smallest unit of PHA (10^-12 PHA).
pub type Balance = u128;
/// A transaction index of an account.
pub type Nonce = u32;
/// A hash of some data.
pub type Hash = sp_core::H256;
/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;
/// The block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// The block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// The transaction extensions checked for every signed extrinsic, in the order of the
/// polkadot-sdk parachain template: `AuthorizeCall` first, `CheckMetadataHash` (for offline
/// signers) after the fee, and all of them wrapped in `StorageWeightReclaim`, which gives back
/// the block weight a transaction was charged and did not use: its unused computation, as
/// `frame_system::WeightReclaim` would, and its unused proof size, as the collator's proof
/// recorder measured it (a parachain block's proof of validity is the scarcer of the two).
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::AuthorizeCall<Runtime>,
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
		frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	),
>;

/// The extensions a signer of this runtime attaches to a transaction with `nonce` and no tip,
/// immortal, metadata hash not checked: what the demo, tests and tools sign with, so that they and
/// the runtime never disagree on the tuple.
pub fn tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
	)
		.into()
}
/// An extrinsic as it travels.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// Migrations to apply on runtime upgrade (each runs once, from the version it expects): the
/// community bounties' storage from version 1 to 2, from 2 to 3, then from 3 to 4 (a new chain
/// starts at 4 and skips them all).
pub type Migrations = (
	pallet_community_bounty::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_community_bounty::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_community_bounty::migrations::v4::MigrateV3ToV4<Runtime>,
);
/// Executive: dispatches to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Opaque types, for the node's CLI.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;
	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	impl_opaque_keys! {
		/// The session keys of a collator: its Aura key.
		pub struct SessionKeys {
			pub aura: Aura,
		}
	}
}
pub use opaque::SessionKeys;

#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("community-bounty"),
	impl_name: alloc::borrow::Cow::Borrowed("community-bounty"),
	authoring_version: 1,
	// 101: storage version 2 of the community bounties (`Migrations` moves version 1's state);
	// 102: storage version 3 (the monthly round fixes its payments at the first settlement call);
	// 103: dated rates (`DatedRates` at index 9, `MaxRateAge`, new event fields). Rates set
	// before it are undated, so stale until the council sets them again; 104: every payment
	// through `PayWithFungibles` with a status (`Assets` at index 10 holds USDT), and storage
	// version 4 (a program pays in the asset its spec names); 105: on-chain identity
	// (`Identity` at 11, the seed's names set at genesis by `GenesisIdentities` at 12); 106: the
	// `page` view function (a program's page in one runtime call); 107: the scoring panel and
	// the proposed score (`review_round`, `Assessments`); 108: appeals, strikes and the veto
	// (`AppealWindow`, `VetoWindow`, `AppealDeposit`, `RoundChecks`); 109: the round view gives
	// the checks (the appeal and veto deadlines, open appeals, the veto, each entry's appeal and
	// strike); 110: a parachain runtime (`ParachainSystem` 13, `ParachainInfo` 14, `Authorship`
	// 15, `CollatorSelection` 16, `Session` 17, `Aura` 18, `AuraExt` 19); 111: unused proof
	// size is reclaimed (`WeightReclaim` 20, the extensions wrapped in `StorageWeightReclaim`).
	spec_version: 111,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	// 2: `propose_program`'s spec carries the description's hash, not its text; 3: the spec
	// names its asset, and `reclaim` the asset it sweeps; 4: `file_report` carries the score
	// the member proposes; 5: the extensions are wrapped in `StorageWeightReclaim`, which ends
	// the list in place of `WeightReclaim`.
	transaction_version: 5,
	system_version: 1,
};

/// One PHA.
pub const UNITS: Balance = 1_000_000_000_000;
/// A hundredth of a PHA.
pub const CENTS: Balance = UNITS / 100;
/// The existential deposit.
pub const EXISTENTIAL_DEPOSIT: Balance = CENTS;
/// One US dollar in the smallest unit of the USD asset kind (12 decimals, like PHA).
pub const USD: Balance = 1_000_000_000_000;
/// The asset kind of US dollars in `pallet-asset-rate` and the community bounties.
pub const USD_ASSET: u32 = 1;

/// Target block time, in milliseconds.
pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;
/// Blocks per day of the community bounties' calendar: their month, filing grace, windows and
/// rate age are counted in these. A day; or 3 blocks (18 s) in a runtime built with
/// `COMMUNITY_BOUNTY_FAST_RUNTIME=1` (`cfg(fast_runtime)`, see `build.rs`), which only the local
/// network of `scripts/network.sh` builds: there a monthly round runs in about ten minutes of
/// real blocks, as the relay chains' `fast-runtime` shortens their epochs.
#[cfg(not(fast_runtime))]
pub const ROUND_DAY: BlockNumber = DAYS;
/// Blocks per day of the community bounties' calendar (`cfg(fast_runtime)`: 3 blocks).
#[cfg(fast_runtime)]
pub const ROUND_DAY: BlockNumber = 3;
/// The Aura slot duration, in milliseconds: one block a slot. It cannot change once the chain has
/// started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// The most parachain blocks the runtime accepts that the relay chain has not yet included (the
/// parachain template's setting for 6-second blocks).
pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
/// How many parachain blocks the relay chain processes per relay parent: at most this many
/// blocks are authored in a relay chain slot.
pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
/// The relay chain's slot duration, in milliseconds.
pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6_000;

/// The consensus hook of `cumulus-pallet-parachain-system`: Aura slots aligned with the relay
/// chain's, [`BLOCK_PROCESSING_VELOCITY`] blocks a relay slot, at most
/// [`UNINCLUDED_SEGMENT_CAPACITY`] unincluded blocks.
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Pallets are declared in the parachain template's order (hooks and genesis run in this
	// order); the indices of the pallets that came before the parachain ones are unchanged.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(13)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(14)]
	pub type ParachainInfo = staging_parachain_info;
	#[runtime::pallet_index(20)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Collator support: the order of these five matters (as in the template).
	#[runtime::pallet_index(15)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(16)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(17)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(18)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(19)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	#[runtime::pallet_index(4)]
	pub type Treasury = pallet_treasury;
	#[runtime::pallet_index(5)]
	pub type Council = pallet_collective<Instance1>;
	#[runtime::pallet_index(6)]
	pub type AssetRate = pallet_asset_rate;
	#[runtime::pallet_index(7)]
	pub type Bounties = pallet_bounties;
	#[runtime::pallet_index(8)]
	pub type CommunityBounty = pallet_community_bounty;
	#[runtime::pallet_index(9)]
	pub type DatedRates = crate::dated_rates;
	#[runtime::pallet_index(10)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(11)]
	pub type Identity = pallet_identity;
	#[runtime::pallet_index(12)]
	pub type GenesisIdentities = crate::genesis_identities;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
