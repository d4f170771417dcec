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
//! The configuration of each pallet of the runtime, as the polkadot-sdk templates lay it out:
//! the block's limits, then one `impl Config` a pallet.

use super::*;

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

/// Every call but `pallet-asset-rate`'s: a rate is set through `DatedRates` (same origins and
/// arguments), which dates it, so no rate changes without its date. Root is never filtered (it
/// can write any storage); this runtime has no way to dispatch as Root but a chain's own
/// governance, which should set rates through `DatedRates` too.
pub struct NoUndatedRates;
impl frame_support::traits::Contains<RuntimeCall> for NoUndatedRates {
	fn contains(call: &RuntimeCall) -> bool {
		!matches!(call, RuntimeCall::AssetRate(_))
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = NoUndatedRates;
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
	/// A runtime upgrade goes through the relay chain: parachain-system schedules it.
	type OnSetCode = cumulus_pallet_parachain_system::ParachainSetCode<Self>;
}

/// The pallet behind [`crate::TxExtension`]'s `StorageWeightReclaim`: it only weighs the
/// extension. Its `()` weights are the ones cumulus generated on reference hardware, as for the
/// other parachain pallets here.
impl cumulus_pallet_weight_reclaim::Config for Runtime {
	type WeightInfo = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	/// Aura checks that the timestamp's slot is the block's slot.
	type OnTimestampSet = Aura;
	/// Aura sets the pace: with asynchronous backing two blocks may share a slot, and a time.
	type MinimumPeriod = ConstU64<0>;
	type WeightInfo = ();
}

parameter_types! {
	/// The most of a block's weight the relay chain's downward messages and other parachains'
	/// messages may take (a quarter, as in the template). This runtime's handlers are `()`: none
	/// is processed, so none of it is used.
	pub ReservedXcmpWeight: Weight = RuntimeBlockWeights::get().max_block.saturating_div(4);
	pub ReservedDmpWeight: Weight = RuntimeBlockWeights::get().max_block.saturating_div(4);
}

/// The parachain's link to its relay chain: validation data each block, runtime upgrades, and
/// the unincluded segment ([`ConsensusHook`]). This runtime has no XCM: there is no message
/// queue, outbound messages come from nowhere (`()`), and downward and horizontal messages are
/// dropped (`()` handlers), as a chain that opens no HRMP channel and accepts no XCM from its
/// relay chain would.
impl cumulus_pallet_parachain_system::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnSystemEvent = ();
	type SelfParaId = staging_parachain_info::Pallet<Runtime>;
	type OutboundXcmpMessageSource = ();
	type DmpQueue = frame_support::traits::EnqueueWithOrigin<(), sp_core::ConstU8<0>>;
	type ReservedDmpWeight = ReservedDmpWeight;
	type XcmpMessageHandler = ();
	type ReservedXcmpWeight = ReservedXcmpWeight;
	/// Asynchronous backing (the unincluded segment of [`ConsensusHook`]): blocks may be built on
	/// the same relay parent, never on an older one.
	type CheckAssociatedRelayNumber =
		cumulus_pallet_parachain_system::RelayNumberMonotonicallyIncreases;
	type WeightInfo = cumulus_pallet_parachain_system::weights::SubstrateWeight<Runtime>;
	type ConsensusHook = ConsensusHook;
	/// Blocks are built on the relay chain's tip (no offset), as in the template.
	type RelayParentOffset = ConstU32<0>;
	/// V3 scheduling stays off, as cumulus asks for now.
	type SchedulingSignatureVerifier = ();
}

/// The para id, set at genesis (`genesis_config_presets::PARA_ID`).
impl staging_parachain_info::Config for Runtime {}

/// The author of each block, from Aura's pre-runtime digest; collator selection notes it.
impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = (CollatorSelection,);
}

parameter_types! {
	/// Collators are rotated every 6 hours of blocks, as in the template.
	pub const Period: BlockNumber = 6 * HOURS;
	pub const Offset: BlockNumber = 0;
	pub const PotId: PalletId = PalletId(*b"PotStake");
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	// No stash and controller: a collator's account is its validator id.
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = pallet_session::PeriodicSessions<Period, Offset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<Period, Offset>;
	type SessionManager = CollatorSelection;
	// Aura, through the session keys.
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Setting session keys holds nothing.
	type KeyDeposit = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<100_000>;
	/// The consensus hook, not Aura, limits the blocks of a relay slot (asynchronous backing).
	type AllowMultipleBlocksPerSlot = frame_support::traits::ConstBool<true>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}

/// Keeps Aura's authorities and the relay chain slot of the last block (for the consensus hook).
impl cumulus_pallet_aura_ext::Config for Runtime {}

/// The collators: the invulnerables set at genesis, and up to `DesiredCandidates` (0 at genesis)
/// of the candidates who bond `CandidacyBond`. The council (a 3/5 motion, [`CouncilApprove`])
/// changes the invulnerables, the bond and the number of candidates: this runtime has no Root
/// key and no XCM body.
impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type UpdateOrigin = CouncilApprove;
	type PotId = PotId;
	type MaxCandidates = ConstU32<100>;
	type MinEligibleCollators = ConstU32<4>;
	type MaxInvulnerables = ConstU32<20>;
	// Should be a multiple of the session period.
	type KickThreshold = Period;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	type WeightInfo = pallet_collator_selection::weights::SubstrateWeight<Runtime>;
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

/// Root, or at least 3/5 of the council: sets the asset rates (`pallet-asset-rate`) and the
/// collators (`pallet-collator-selection`).
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
	/// How long a treasury spend may be claimed (not the programs' payout period).
	pub const TreasuryPayoutPeriod: BlockNumber = 30 * DAYS;
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
	type WeightInfo = weights::pallet_treasury::WeightInfo<Runtime>;
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin = EnsureWithSuccess<EnsureRoot<AccountId>, AccountId, MaxBalance>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type Paymaster = PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = TreasuryPayoutPeriod;
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
	type WeightInfo = weights::pallet_asset_rate::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// The demo's stablecoin: USDT, asset 1984 with 6 decimals, as on Polkadot's Asset Hub.
pub const USDT: u32 = 1984;

parameter_types! {
	pub const AssetDeposit: Balance = 10 * UNITS;
	pub const AssetAccountDeposit: Balance = CENTS;
	pub const MetadataDepositBase: Balance = UNITS;
	pub const MetadataDepositPerByte: Balance = CENTS;
	pub const ApprovalDeposit: Balance = CENTS;
}

/// Assets beside the native token (the demo's USDT), as an Asset Hub holds them.
impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = u32;
	type AssetIdParameter = codec::Compact<u32>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin =
		frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = pallet_assets::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// The native token and the assets as one `fungibles`, keyed by `NativeOrWithId`: what the
/// community bounties' paymaster pays from.
pub type NativeAndAssets = frame_support::traits::fungible::UnionOf<
	Balances,
	Assets,
	frame_support::traits::fungible::NativeFromLeft,
	frame_support::traits::fungible::NativeOrWithId<u32>,
	AccountId,
>;

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
	/// What registering an identity holds, and what each byte of it holds more (as on Polkadot's
	/// people chain, in PHA): a name costs about 2 PHA.
	pub const IdentityBasicDeposit: Balance = 2 * UNITS;
	pub const IdentityByteDeposit: Balance = CENTS;
	pub const IdentityUsernameDeposit: Balance = 2 * UNITS;
	pub const IdentitySubAccountDeposit: Balance = 2 * UNITS;
	pub const IdentityMaxAdditionalFields: u32 = 4;
}

/// On-chain identity, so that people are shown by name (with their address beside it). The
/// development presets name the seed's people at genesis ([`crate::genesis_identities`]);
/// anyone else sets their own name and holds the deposit. The council (3/5) or Root adds
/// registrars, removes an identity and names username authorities; slashed deposits go to the
/// treasury.
impl pallet_identity::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type BasicDeposit = IdentityBasicDeposit;
	type ByteDeposit = IdentityByteDeposit;
	type UsernameDeposit = IdentityUsernameDeposit;
	type SubAccountDeposit = IdentitySubAccountDeposit;
	type MaxSubAccounts = ConstU32<16>;
	type IdentityInformation = pallet_identity::legacy::IdentityInfo<IdentityMaxAdditionalFields>;
	type MaxRegistrars = ConstU32<8>;
	type Slashed = Treasury;
	type ForceOrigin = CouncilApprove;
	type RegistrarOrigin = CouncilApprove;
	type OffchainSignature = Signature;
	type SigningPublicKey = <Signature as Verify>::Signer;
	type UsernameAuthorityOrigin = CouncilApprove;
	type PendingUsernameExpiration = ConstU32<{ 7 * DAYS }>;
	type UsernameGracePeriod = ConstU32<{ 30 * DAYS }>;
	type MaxSuffixLength = ConstU32<7>;
	type MaxUsernameLength = ConstU32<32>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
	type WeightInfo = crate::weights::pallet_identity::WeightInfo<Runtime>;
}

impl crate::genesis_identities::Config for Runtime {
	type MaxFields = IdentityMaxAdditionalFields;
}

parameter_types! {
	pub const CommunityBountyPalletId: PalletId = pallet_community_bounty::config_preludes::PALLET_ID;
	pub const ProgramBondBase: Balance = 10 * UNITS;
	pub const ProgramBondPerByte: Balance = CENTS;
	/// A month of blocks.
	pub const PayoutPeriod: BlockNumber = 30 * ROUND_DAY;
	/// The most a 3/5 council motion may release with one decision: a program's budget, or a
	/// milestone's tranche (proposal #14 asks for 100,000 PHA). Root has no limit.
	pub const CouncilSpendLimit: Balance = 250_000 * UNITS;
	pub const MaxProgramDuration: BlockNumber = 2 * 365 * DAYS;
	/// Reports for a month are accepted until the 5th of the next (Phala's rule).
	pub const FilingGrace: BlockNumber = 5 * ROUND_DAY;
	/// Then the lead has 10 days to score the round before it is final by itself.
	pub const ScoringWindow: BlockNumber = 10 * ROUND_DAY;
	/// Then anyone has 10 more days to settle the last month's round before a close of the
	/// ended program can drop it.
	pub const SettlementWindow: BlockNumber = 10 * ROUND_DAY;
	/// Held from a contributor's claim until its round goes; lost if marked as spam.
	pub const ClaimDeposit: Balance = UNITS;
	/// A final round's members may appeal for 5 days after its scoring window (the council
	/// decides by then); the council may strike or veto for 3 days more, then it settles.
	pub const AppealWindow: BlockNumber = 5 * ROUND_DAY;
	pub const VetoWindow: BlockNumber = 3 * ROUND_DAY;
	/// An appeal holds 10 PHA: returned if upheld or undecided, the treasury's if dismissed.
	pub const AppealDeposit: Balance = 10 * UNITS;
	/// Held while an account names a payee for its pay: the record (an account and a
	/// balance, 48 bytes) outlives every program.
	pub const PayeeDeposit: Balance = UNITS / 10;
	/// A rate set longer ago is stale: a period and its filing grace, so that a rate the council
	/// confirms once a month stays fresh from one confirmation to the next with 5 days to spare.
	/// A round settled later than that (it is final 15 days after its period at the latest)
	/// needs the council to confirm the rate first, as the demo shows.
	pub const MaxRateAge: BlockNumber = PayoutPeriod::get() + FilingGrace::get();
}

/// The community bounties' benchmarks run programs paying USDT: a `pallet-assets` transfer to a
/// new account costs more than a PHA one, so the weights cover a program paying either (the
/// runtime's tests check the PHA programs against them too).
#[cfg(feature = "runtime-benchmarks")]
pub struct UsdtPrograms;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_community_bounty::BenchmarkHelper<u32, AccountId, Balance> for UsdtPrograms {
	fn create_asset_kind(seed: u32) -> u32 {
		seed
	}
	fn program_asset() -> pallet_community_bounty::Denomination<u32> {
		use frame_support::traits::fungibles::{Create, Inspect};
		// The benchmarks run without genesis: USDT is created as the presets create it.
		if !<Assets as Inspect<AccountId>>::asset_exists(USDT) {
			let _ = <Assets as Create<AccountId>>::create(
				USDT,
				TreasuryAccount::get(),
				true,
				crate::genesis_config_presets::USDT_MIN_BALANCE,
			);
		}
		pallet_community_bounty::Denomination::Asset(USDT)
	}
	fn set_asset_balance(asset: &u32, who: &AccountId, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		let _ = <Assets as Mutate<AccountId>>::set_balance(*asset, who, amount);
	}
}

/// How the demo runtime configures the community bounties: the council's two majorities as
/// origins, the treasury's pot as the source of funds (in PHA or USDT), `pallet-asset-rate`
/// for USD caps and for the native value of a USDT budget.
impl pallet_community_bounty::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApproveOrigin = ProgramApprove;
	type RejectOrigin = CouncilReject;
	type TreasuryAccount = TreasuryAccount;
	/// PHA and USDT side by side: a program pays in either.
	type Assets = NativeAndAssets;
	/// Every payment out, as the SDK's `PayWithFungibles` makes it: a local transfer from the
	/// treasury or a program account, in PHA or USDT, done at once.
	type Paymaster = frame_support::traits::tokens::PayWithFungibles<NativeAndAssets, AccountId>;
	/// The demo pays local accounts; a member may name another account for its pay.
	type Beneficiary = AccountId;
	type BeneficiaryLookup = <Runtime as frame_system::Config>::Lookup;
	type AccountBeneficiary = sp_runtime::traits::Identity;
	type PayeeDeposit = PayeeDeposit;
	/// A round's failures beyond 64 recorded are skipped (their amount stays uncharged).
	type MaxOpenPayments = ConstU32<64>;
	/// A failed payment keeps its money from a close for as long as a round's settlement
	/// window.
	type PaymentRetryWindow = SettlementWindow;
	type PalletId = CommunityBountyPalletId;
	type AssetKind = u32;
	type BalanceConverter = AssetRate;
	/// The council's rates, dated by `dated_rates` when its motions set them.
	type RateClock = DatedRates;
	type MaxRateAge = MaxRateAge;
	type BlockNumberProvider = System;
	type ProgramBondBase = ProgramBondBase;
	type ProgramBondPerByte = ProgramBondPerByte;
	type PayoutPeriod = PayoutPeriod;
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
	type FilingGrace = FilingGrace;
	type ScoringWindow = ScoringWindow;
	type SettlementWindow = SettlementWindow;
	type ClaimDeposit = ClaimDeposit;
	type AppealWindow = AppealWindow;
	type VetoWindow = VetoWindow;
	type AppealDeposit = AppealDeposit;
	/// A full roster's reports (128) and 32 contributors' claims.
	type MaxEntriesPerRound = ConstU32<160>;
	type MaxScoresPerCall = ConstU32<64>;
	/// A council-sized panel: five reviewers score each round.
	type MaxReviewers = ConstU32<5>;
	/// A page of a round's settlement stays under 256 KiB of proof and 5% of the block.
	type RoundPageSize = ConstU32<32>;
	// The pallet's own weights: frame-omni-bencher measures them on this runtime.
	type WeightInfo = pallet_community_bounty::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = UsdtPrograms;
}

impl dated_rates::Config for Runtime {}

#[cfg(feature = "runtime-benchmarks")]
impl frame_system_benchmarking::Config for Runtime {}
