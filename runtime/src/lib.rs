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
//! `pallet-bounties` (the pallet most treasury chains run already) and the community bounties.
//! It has no consensus pallets: it runs on `polkadot-omni-node --dev-block-time` (manual seal) or
//! chopsticks, and in process in the demo and the integration tests.
//!
//! The council approves programs, milestone reports, leads and cancels with 3/5 of its members
//! (or Root), and rejects with a simple majority (or Root). Transaction fees go to the treasury,
//! so total issuance only changes through the pallets that mint or burn (none here do).

#![cfg_attr(not(feature = "std"), no_std)]
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod genesis_config_presets;
pub mod genesis_rates;
#[cfg(feature = "std")]
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
/// polkadot-sdk templates: `AuthorizeCall` first, `CheckMetadataHash` (for offline signers) after
/// the fee, `WeightReclaim` last.
pub type TxExtension = (
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
	frame_system::WeightReclaim<Runtime>,
);

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
		frame_system::WeightReclaim::new(),
	)
}
/// An extrinsic as it travels.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;
/// Migrations to apply on runtime upgrade (each runs once, from the version it expects): the
/// community bounties' storage from version 1 to 2, then from 2 to 3 (a new chain starts at 3
/// and skips both).
pub type Migrations = (
	pallet_community_bounty::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_community_bounty::migrations::v3::MigrateV2ToV3<Runtime>,
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
		/// This runtime has no session keys.
		pub struct SessionKeys {}
	}
}

#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("community-bounty"),
	impl_name: alloc::borrow::Cow::Borrowed("community-bounty"),
	authoring_version: 1,
	// 101: storage version 2 of the community bounties (`Migrations` moves version 1's state);
	// 102: storage version 3 (the monthly round fixes its payments at the first settlement call).
	spec_version: 102,
	impl_version: 1,
	apis: RUNTIME_API_VERSIONS,
	// 2: `propose_program`'s spec carries the description's hash, not its text.
	transaction_version: 2,
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

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute and 5 MiB of proof per block.
	pub RuntimeBlockWeights: SystemBlockWeights = SystemBlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, 5 * 1024 * 1024),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB per block, of which 75% for normal extrinsics.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |max| {
				*max = NORMAL_DISPATCH_RATIO * *max
			})
			.build();
	pub const SS58Prefix: u8 = 42;
}

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

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;
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
	pub type GenesisRates = crate::genesis_rates;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type DbWeight = RocksDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = ();
	type MinimumPeriod = ConstU64<{ MILLI_SECS_PER_BLOCK / 2 }>;
	type WeightInfo = ();
}

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Runtime {
	type Balance = Balance;
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type WeightInfo = weights::pallet_balances::WeightInfo<Runtime>;
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::from_u32(1);
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees go to the treasury: nothing is burned.
	type OnChargeTransaction = FungibleAdapter<Balances, ResolveTo<TreasuryAccount, Balances>>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

/// The council's instance of `pallet-collective`.
pub type CouncilCollective = pallet_collective::Instance1;

/// Root, or at least 3/5 of the council: sets the asset rates (`pallet-asset-rate`).
pub type CouncilApprove = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 5>,
>;
/// Root (no limit), or at least 3/5 of the council up to [`CouncilSpendLimit`]: approves
/// programs and milestone reports, names leads, cancels, removes and unbars members. Its success
/// value is the most one decision may release from the treasury.
pub type ProgramApprove = EitherOf<
	EnsureRootWithSuccess<AccountId, MaxBalance>,
	EnsureWithSuccess<
		pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 3, 5>,
		AccountId,
		CouncilSpendLimit,
	>,
>;
/// Root, or more than half of the council: rejects proposals and milestone reports.
pub type CouncilReject = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionMoreThan<AccountId, CouncilCollective, 1, 2>,
>;

parameter_types! {
	pub const CouncilMotionDuration: BlockNumber = 5 * DAYS;
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<100>;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// The treasury's pot: funds the programs and receives refunds, slashes and fees.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
	pub const SpendPeriod: BlockNumber = 6 * DAYS;
	pub const Burn: Permill = Permill::zero();
	pub const MaxBalance: Balance = Balance::MAX;
	pub const PayoutPeriod: BlockNumber = 30 * DAYS;
}

impl pallet_treasury::Config for Runtime {
	type PalletId = TreasuryPalletId;
	type Currency = Balances;
	type RejectOrigin = CouncilReject;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = Burn;
	type BurnDestination = ();
	type SpendFunds = Bounties;
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin = EnsureWithSuccess<EnsureRoot<AccountId>, AccountId, MaxBalance>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = PayoutPeriod;
	type BlockNumberProvider = System;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl pallet_asset_rate::Config for Runtime {
	type CreateOrigin = CouncilApprove;
	type RemoveOrigin = CouncilApprove;
	type UpdateOrigin = CouncilApprove;
	type Currency = Balances;
	type AssetKind = u32;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_asset_rate::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

parameter_types! {
	pub const BountyDepositBase: Balance = UNITS;
	pub const BountyDepositPayoutDelay: BlockNumber = DAYS;
	pub const BountyUpdatePeriod: BlockNumber = 30 * DAYS;
	pub const CuratorDepositMultiplier: Permill = Permill::from_percent(50);
	pub const CuratorDepositMin: Option<Balance> = Some(10 * UNITS);
	pub const CuratorDepositMax: Option<Balance> = Some(200 * UNITS);
	pub const BountyValueMinimum: Balance = 10 * UNITS;
	pub const DataDepositPerByte: Balance = CENTS;
	pub const MaximumReasonLength: u32 = 16_384;
}

impl pallet_bounties::Config for Runtime {
	type BountyDepositBase = BountyDepositBase;
	type BountyDepositPayoutDelay = BountyDepositPayoutDelay;
	type BountyUpdatePeriod = BountyUpdatePeriod;
	type CuratorDepositMultiplier = CuratorDepositMultiplier;
	type CuratorDepositMin = CuratorDepositMin;
	type CuratorDepositMax = CuratorDepositMax;
	type BountyValueMinimum = BountyValueMinimum;
	type DataDepositPerByte = DataDepositPerByte;
	type RuntimeEvent = RuntimeEvent;
	type MaximumReasonLength = MaximumReasonLength;
	type WeightInfo = weights::pallet_bounties::WeightInfo<Runtime>;
	type ChildBountyManager = ();
	type OnSlash = Treasury;
	type TransferAllAssets = pallet_bounties::TransferFungible<AccountId, Balances>;
}

parameter_types! {
	pub const CommunityBountyPalletId: PalletId = pallet_community_bounty::config_preludes::PALLET_ID;
	pub const ProgramBondBase: Balance = 10 * UNITS;
	pub const ProgramBondPerByte: Balance = CENTS;
	/// A month of blocks.
	pub const RewardPeriod: BlockNumber = 30 * DAYS;
	/// The most a 3/5 council motion may release with one decision: a program's budget, or a
	/// milestone's tranche (proposal #14 asks for 100,000 PHA). Root has no limit.
	pub const CouncilSpendLimit: Balance = 250_000 * UNITS;
	pub const MaxProgramDuration: BlockNumber = 2 * 365 * DAYS;
	/// Reports for a month are accepted until the 5th of the next (Phala's rule).
	pub const ClaimGrace: BlockNumber = 5 * DAYS;
	/// Then the lead has 10 days to score the round before it is final by itself.
	pub const ScoringWindow: BlockNumber = 10 * DAYS;
	/// Then anyone has 10 more days to settle the last month's round before a close of the
	/// ended program can drop it.
	pub const SettlementWindow: BlockNumber = 10 * DAYS;
	/// Held from a contributor's claim until its round goes; lost if marked as spam.
	pub const ClaimDeposit: Balance = UNITS;
}

/// How the demo runtime configures the community bounties: the council's two majorities as
/// origins, the treasury's pot as the source of funds, `pallet-asset-rate` for USD caps.
impl pallet_community_bounty::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApproveOrigin = ProgramApprove;
	type RejectOrigin = CouncilReject;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = CommunityBountyPalletId;
	type AssetKind = u32;
	type BalanceConverter = AssetRate;
	type BlockNumberProvider = System;
	type ProgramBondBase = ProgramBondBase;
	type ProgramBondPerByte = ProgramBondPerByte;
	type PayoutPeriod = RewardPeriod;
	type MaxDuration = MaxProgramDuration;
	type MaxTitleLen = ConstU32<128>;
	type MaxMilestones = ConstU32<8>;
	type MaxPools = ConstU32<4>;
	type MaxRoster = ConstU32<128>;
	type MaxCrew = ConstU32<16>;
	type MaxTagLen = ConstU32<32>;
	type MaxEvidenceLen = ConstU32<256>;
	type MaxReasonLen = ConstU32<256>;
	type MaxAwardsPerCall = ConstU32<64>;
	type MaxBeneficiaries = ConstU32<512>;
	/// One clean-up step of the maps stays under 256 KiB of proof (5% of a 5 MiB PoV): about
	/// 3 KiB an entry at the measured weights (the largest entry, a full crew), so 80 entries,
	/// with the step's own reads, fit (docs/PERFORMANCE.md has the figure). A round's pages go
	/// one a step, apart.
	type RemovalLimit = ConstU32<80>;
	type ClaimGrace = ClaimGrace;
	type ScoringWindow = ScoringWindow;
	type SettlementWindow = SettlementWindow;
	type ClaimDeposit = ClaimDeposit;
	/// A full roster's reports (128) and 32 contributors' claims.
	type MaxClaimsPerRound = ConstU32<160>;
	type MaxScoresPerCall = ConstU32<64>;
	/// A page of a round's settlement stays under 256 KiB of proof and 5% of the block.
	type MaxSettlePerCall = ConstU32<32>;
	type WeightInfo = weights::pallet_community_bounty::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

impl genesis_rates::Config for Runtime {}

#[cfg(feature = "runtime-benchmarks")]
mod benches {
	frame_benchmarking::define_benchmarks!(
		[frame_system, SystemBench::<Runtime>]
		[pallet_balances, Balances]
		[pallet_bounties, Bounties]
		[pallet_community_bounty, CommunityBounty]
	);
}

#[cfg(feature = "runtime-benchmarks")]
impl frame_system_benchmarking::Config for Runtime {}

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			opaque::SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			opaque::SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	/// polkadot-omni-node always takes its Aura path: the block time as slot duration and no
	/// authorities (its manual seal authors the blocks). No consensus pallet is needed.
	impl sp_consensus_aura::AuraApi<Block, sp_consensus_aura::sr25519::AuthorityId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(MILLI_SECS_PER_BLOCK)
		}

		fn authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
			Vec::new()
		}
	}

	impl pallet_community_bounty::runtime_api::CommunityBountyApi<Block, AccountId, Balance, BlockNumber, u32> for Runtime {
		fn program_count() -> pallet_community_bounty::ProgramIndex {
			pallet_community_bounty::ProgramCount::<Runtime>::get()
		}

		fn program(
			index: pallet_community_bounty::ProgramIndex,
		) -> Option<pallet_community_bounty::runtime_api::ProgramView<AccountId, Balance, BlockNumber, u32>> {
			pallet_community_bounty::runtime_api::program_view::<Runtime>(index)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, self::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<PresetId> {
			self::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			let storage_info = AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::Pallet as SystemBench;

			let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("execute-block failed")
		}
	}
}
