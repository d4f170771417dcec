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

//! A mock runtime for the pallet's tests: `frame-system`, `pallet-balances`, `pallet-assets` (a
//! USDT of 6 decimals) and this pallet, with a treasury account, a council account for each
//! origin, settable USD and USDT rates and a paymaster that pays at once, later or never.

use crate as pallet_community_bounty;
use crate::*;
use frame_support::traits::fungible::NativeOrWithId;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		tokens::{PayWithSource, PaymentStatus},
		ConstU64, EitherOf, EitherOfDiverse,
	},
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSignedBy, EnsureWithSuccess};
use sp_runtime::DispatchError;
use sp_runtime::{traits::IdentityLookup, BuildStorage, FixedPointNumber, FixedU128};

pub type AccountId = u128;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		CommunityBounty: pallet_community_bounty,
		Assets: pallet_assets,
	}
);

/// One PHA, in the smallest unit.
pub const PHA: Balance = 1_000_000_000_000;
/// One US dollar, in the smallest unit of the USD asset (same decimals as PHA).
pub const USD: Balance = 1_000_000_000_000;
/// The asset kind of the USD denomination.
pub const USD_ASSET: u32 = 1;
/// An asset kind that has no rate.
pub const NO_RATE_ASSET: u32 = 2;
/// The mock's stablecoin, an asset of `pallet-assets` as on Asset Hub.
pub const USDT: u32 = 1984;
/// One USDT in its smallest unit (6 decimals).
pub const USDT_UNIT: Balance = 1_000_000;
/// The least USDT an account holds (a cent).
pub const USDT_MIN: Balance = USDT_UNIT / 100;
/// What the treasury holds in USDT at genesis.
pub const TREASURY_USDT: Balance = 1_000_000 * USDT_UNIT;
/// A program paying USDT.
pub const IN_USDT: Denomination<u32> = Denomination::Asset(USDT);
/// The existential deposit.
pub const ED: Balance = PHA / 100;
/// A payout period ("a month") in the mock, in blocks.
pub const PERIOD: u64 = 100;
/// The blocks after a period in which its reports are still accepted ("by the 5th").
pub const GRACE: u64 = 15;
/// The blocks after the grace window in which the lead may still score a round.
pub const SCORING: u64 = 20;
/// The blocks after the last period's round is final by itself in which anyone may still settle
/// an ended program's rounds before a close drops them.
pub const SETTLEMENT: u64 = 25;
/// The deposit of a contributor's claim.
pub const CLAIM_DEPOSIT: Balance = PHA;
/// The deposit held while an account names a payee.
pub const PAYEE_DEPOSIT: Balance = PHA / 2;

pub const TREASURY: AccountId = 1_000;
/// Stands for the council deciding with a qualified majority.
pub const APPROVER: AccountId = 1_001;
/// Stands for the council deciding with a simple majority.
pub const REJECTER: AccountId = 1_002;
/// Stands for a smaller approving body whose spending limit is [`SMALL_COUNCIL_LIMIT`].
pub const SMALL_COUNCIL: AccountId = 1_003;
/// The most [`SMALL_COUNCIL`] may release with one decision.
pub const SMALL_COUNCIL_LIMIT: Balance = 50_000 * PHA;
/// The seed's community lead.
pub const LEAD: AccountId = 10;
/// The deposit of an appeal.
pub const APPEAL_DEPOSIT: Balance = 3 * PHA;
pub const STRANGER: AccountId = 11;
pub const NEW_LEAD: AccountId = 12;
/// Holds most of the issuance; tests move funds to and from it instead of minting.
pub const WHALE: AccountId = 13;
/// Funds in the treasury at genesis.
pub const TREASURY_FUNDS: Balance = 1_000_000 * PHA;

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Currency = Balances;
	type CreateOrigin =
		frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
}

/// The native token and the assets as one `fungibles`, as a runtime with assets names it.
pub type NativeAndAssets = frame_support::traits::fungible::UnionOf<
	Balances,
	Assets,
	frame_support::traits::fungible::NativeFromLeft,
	NativeOrWithId<u32>,
	AccountId,
>;

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ConstU64<ED>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

frame_support::ord_parameter_types! {
	pub const Approver: AccountId = APPROVER;
	pub const Rejecter: AccountId = REJECTER;
	pub const SmallCouncil: AccountId = SMALL_COUNCIL;
}

parameter_types! {
	pub const Treasury: AccountId = TREASURY;
	pub const MaxBalance: Balance = Balance::MAX;
	pub const SmallCouncilLimit: Balance = SMALL_COUNCIL_LIMIT;
	/// PHA per USD; `None` means no rate is set. Tests change it.
	pub static UsdRate: Option<FixedU128> = Some(FixedU128::from_rational(5, 2));
	/// PHA (12 decimals) per USDT (6 decimals), per smallest unit: 2.5 PHA a USDT.
	pub static UsdtRate: Option<FixedU128> = Some(FixedU128::from_u32(2_500_000));
	/// Assets the benchmarks gave a rate (`ensure_successful`); they convert at [`UsdRate`].
	pub static BenchmarkAssets: alloc::vec::Vec<u32> = alloc::vec::Vec::new();
	/// The block the council set the rates; `None` stands for a council that keeps them fresh
	/// (set in the current block). Tests of stale rates set it.
	pub static RatesSetAt: Option<Option<u64>> = None;
	/// The appeal and veto windows: none by default (a round settles once final, as before
	/// the checks on the lead); the tests of those checks set them.
	pub static AppealWindow: u64 = 0;
	pub static VetoWindow: u64 = 0;
}

/// The oldest rate a conversion uses: a period, as a council that confirms its rate monthly.
pub const MAX_RATE_AGE: u64 = PERIOD;

/// Dates the mock's rates by [`RatesSetAt`].
pub struct MockRateClock;
impl crate::RateClock<u32, u64> for MockRateClock {
	fn set_at(_: &u32) -> Option<u64> {
		RatesSetAt::get().unwrap_or_else(|| Some(System::block_number()))
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_fresh(_: &u32) {
		RatesSetAt::set(None);
	}
}

/// Converts USD into PHA at [`UsdRate`] and USDT at [`UsdtRate`]; other assets have no rate.
pub struct MockConverter;
impl frame_support::traits::tokens::ConversionFromAssetBalance<Balance, u32, Balance>
	for MockConverter
{
	type Error = ();
	fn from_asset_balance(balance: Balance, asset_id: u32) -> Result<Balance, ()> {
		let rated = asset_id == USD_ASSET || BenchmarkAssets::get().contains(&asset_id);
		let rate = match asset_id {
			USDT => UsdtRate::get(),
			_ if rated => UsdRate::get(),
			_ => None,
		};
		rate.map(|rate| rate.saturating_mul_int(balance)).ok_or(())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(asset_id: u32) {
		UsdRate::set(Some(FixedU128::from_rational(5, 2)));
		UsdtRate::set(Some(FixedU128::from_u32(2_500_000)));
		BenchmarkAssets::mutate(|assets| assets.push(asset_id));
	}
}

/// How the mock's paymaster treats the payments it is handed.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum PayMode {
	/// A local transfer, done at once (as `PayWithFungibles`).
	#[default]
	Instant,
	/// The transfer is made, but the paymaster reports the payment in progress until a test
	/// concludes it ([`conclude_payment`]), as a payment over XCM would.
	Deferred,
	/// Every payment is refused and nothing moves.
	Refuse,
}

/// A payment the mock's paymaster took in [`PayMode::Deferred`].
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MockPayment {
	pub asset: NativeOrWithId<u32>,
	pub source: AccountId,
	pub payee: AccountId,
	pub amount: Balance,
	pub status: PaymentStatus,
}

parameter_types! {
	/// How the next payments are made. Tests change it.
	pub static PaymentMode: PayMode = PayMode::Instant;
	/// The payments taken in [`PayMode::Deferred`], by id.
	pub static MockPayments: alloc::vec::Vec<MockPayment> = alloc::vec::Vec::new();
}

/// Moves `amount` of `asset` from `from` to `to`, as `PayWithFungibles` does.
fn transfer(
	asset: &NativeOrWithId<u32>,
	from: &AccountId,
	to: &AccountId,
	amount: Balance,
) -> Result<Balance, DispatchError> {
	use frame_support::traits::{fungibles::Mutate, tokens::Preservation::Expendable};
	<NativeAndAssets as Mutate<_>>::transfer(asset.clone(), from, to, amount, Expendable)
}

/// A `PayWithSource` of the native token and the assets that pays at once, later, or never
/// ([`PaymentMode`]).
pub struct MockPaymaster;
impl PayWithSource for MockPaymaster {
	type Balance = Balance;
	type Source = AccountId;
	type Beneficiary = AccountId;
	type AssetKind = NativeOrWithId<u32>;
	type Id = u32;
	type Error = DispatchError;

	fn pay(
		source: &AccountId,
		payee: &AccountId,
		asset: NativeOrWithId<u32>,
		amount: Balance,
	) -> Result<u32, DispatchError> {
		match PaymentMode::get() {
			PayMode::Refuse => Err(DispatchError::Other("refused")),
			PayMode::Instant => {
				transfer(&asset, source, payee, amount)?;
				Ok(u32::MAX)
			},
			PayMode::Deferred => {
				transfer(&asset, source, payee, amount)?;
				let payment = MockPayment {
					asset,
					source: *source,
					payee: *payee,
					amount,
					status: PaymentStatus::InProgress,
				};
				Ok(MockPayments::mutate(|payments| {
					payments.push(payment);
					payments.len() as u32 - 1
				}))
			},
		}
	}

	fn check_payment(id: u32) -> PaymentStatus {
		MockPayments::get().get(id as usize).map_or(PaymentStatus::Success, |p| p.status.clone())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(_: &AccountId, _: &AccountId, _: NativeOrWithId<u32>, _: Balance) {
		PaymentMode::set(PayMode::Instant);
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_concluded(id: u32) {
		let _ = conclude_payment(id, PaymentStatus::Success);
	}
}

/// Concludes deferred payment `id`, in progress, with `status`; returns whether it did. A failed
/// payment did not pay: its amount returns from the payee to the source, as a paymaster's
/// refund would (a payee who no longer holds it, or would be left with dust, leaves the payment
/// in progress).
pub fn conclude_payment(id: u32, status: PaymentStatus) -> bool {
	let Some(payment) = MockPayments::get().get(id as usize).cloned() else { return false };
	if payment.status != PaymentStatus::InProgress {
		return false;
	}
	let refund = || {
		use frame_support::traits::fungibles::Inspect;
		// A refund never leaves the payee dust to burn: the mock would lose what a real
		// paymaster, which never delivered, keeps.
		let held = <NativeAndAssets as Inspect<_>>::balance(payment.asset.clone(), &payment.payee);
		let left = held.checked_sub(payment.amount).ok_or(DispatchError::Other("spent"))?;
		let minimum = <NativeAndAssets as Inspect<_>>::minimum_balance(payment.asset.clone());
		if left != 0 && left < minimum {
			return Err(DispatchError::Other("the refund would leave dust"));
		}
		transfer(&payment.asset, &payment.payee, &payment.source, payment.amount)
	};
	if status == PaymentStatus::Failure && refund().is_err() {
		return false;
	}
	MockPayments::mutate(|payments| payments[id as usize].status = status);
	true
}

/// Blocks a failed payment keeps its money earmarked against a close.
pub const RETRY_WINDOW: u64 = 30;

#[derive_impl(pallet_community_bounty::config_preludes::TestDefaultConfig)]
impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApproveOrigin = EitherOf<
		EnsureRootWithSuccess<AccountId, MaxBalance>,
		EitherOf<
			EnsureWithSuccess<EnsureSignedBy<Approver, AccountId>, AccountId, MaxBalance>,
			EnsureWithSuccess<
				EnsureSignedBy<SmallCouncil, AccountId>,
				AccountId,
				SmallCouncilLimit,
			>,
		>,
	>;
	type RejectOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureSignedBy<Rejecter, AccountId>>;
	type TreasuryAccount = Treasury;
	type Assets = NativeAndAssets;
	type Paymaster = MockPaymaster;
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type AccountBeneficiary = sp_runtime::traits::Identity;
	type PayeeDeposit = ConstU64<PAYEE_DEPOSIT>;
	type PaymentRetryWindow = ConstU64<RETRY_WINDOW>;
	type AssetKind = u32;
	type BalanceConverter = MockConverter;
	type RateClock = MockRateClock;
	type MaxRateAge = ConstU64<MAX_RATE_AGE>;
	type BlockNumberProvider = System;
	type ProgramBondBase = ConstU64<{ 100 * PHA }>;
	type ProgramBondPerByte = ConstU64<{ PHA / 10 }>;
	type PayoutPeriod = ConstU64<PERIOD>;
	type MaxDuration = ConstU64<{ 12 * PERIOD }>;
	type FilingGrace = ConstU64<GRACE>;
	type ScoringWindow = ConstU64<SCORING>;
	type SettlementWindow = ConstU64<SETTLEMENT>;
	type ClaimDeposit = ConstU64<CLAIM_DEPOSIT>;
	type AppealWindow = AppealWindow;
	type VetoWindow = VetoWindow;
	type AppealDeposit = ConstU64<APPEAL_DEPOSIT>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = UsdtPrograms;
}

/// The benchmarks' programs pay USDT, as the demo runtime's do: the asset path of every payment
/// runs in the benchmark tests.
#[cfg(feature = "runtime-benchmarks")]
pub struct UsdtPrograms;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u32, AccountId, Balance> for UsdtPrograms {
	fn create_asset_kind(seed: u32) -> u32 {
		seed
	}
	fn program_asset() -> Denomination<u32> {
		IN_USDT
	}
	fn set_asset_balance(asset: &u32, who: &AccountId, amount: Balance) {
		use frame_support::traits::fungibles::Mutate;
		let _ = <Assets as Mutate<_>>::set_balance(*asset, who, amount);
	}
}

/// Builds the genesis of a test: a funded treasury, lead and a few other accounts.
pub struct ExtBuilder {
	treasury: Balance,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { treasury: TREASURY_FUNDS }
	}
}

impl ExtBuilder {
	/// Sets what the treasury holds at genesis.
	pub fn treasury(mut self, amount: Balance) -> Self {
		self.treasury = amount;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		UsdRate::set(Some(FixedU128::from_rational(5, 2)));
		UsdtRate::set(Some(FixedU128::from_u32(2_500_000)));
		BenchmarkAssets::set(Default::default());
		RatesSetAt::set(None);
		PaymentMode::set(PayMode::Instant);
		MockPayments::set(Default::default());
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let mut balances = vec![
			(LEAD, 10_000 * PHA),
			(STRANGER, 10_000 * PHA),
			(NEW_LEAD, 10_000 * PHA),
			(APPROVER, 10 * PHA),
			(REJECTER, 10 * PHA),
			(SMALL_COUNCIL, 10 * PHA),
			(WHALE, 10_000_000 * PHA),
		];
		if self.treasury > 0 {
			balances.push((TREASURY, self.treasury));
		}
		pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		// USDT is sufficient (an account holds it without PHA), as on Asset Hub.
		pallet_assets::GenesisConfig::<Test> {
			assets: vec![(USDT, WHALE, true, USDT_MIN)],
			accounts: vec![(USDT, TREASURY, TREASURY_USDT), (USDT, WHALE, TREASURY_USDT)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants and that the total issuance of PHA and
	/// of USDT is unchanged.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			let issuance = (pallet_balances::TotalIssuance::<Test>::get(), usdt_issuance());
			test();
			CommunityBounty::do_try_state().expect("pallet invariants hold after the test");
			assert_eq!(
				(pallet_balances::TotalIssuance::<Test>::get(), usdt_issuance()),
				issuance,
				"no call of ours creates or destroys funds"
			);
		})
	}
}

/// Test externalities with the default genesis, for the benchmark test suite: with appeal
/// and veto windows, as a runtime has, so that their calls have a window to run in.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	AppealWindow::set(20);
	VetoWindow::set(10);
	ExtBuilder::default().build()
}

/// The total issuance of USDT.
pub fn usdt_issuance() -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::total_issuance(USDT)
}

/// What `who` holds of USDT.
pub fn usdt(who: AccountId) -> Balance {
	<Assets as frame_support::traits::fungibles::Inspect<AccountId>>::balance(USDT, &who)
}

/// Sets the USDT balance of `who` by moving USDT to or from [`WHALE`], so that its issuance
/// stays as it is.
pub fn set_usdt(who: AccountId, amount: Balance) {
	let now = usdt(who);
	let usdt = NativeOrWithId::WithId(USDT);
	if amount > now {
		transfer(&usdt, &WHALE, &who, amount - now).unwrap();
	} else if amount < now {
		transfer(&usdt, &who, &WHALE, now - amount).unwrap();
	}
}

/// Sets the free balance of `who` by moving funds to or from [`WHALE`], so that total issuance
/// stays as it is.
pub fn set_free(who: AccountId, amount: Balance) {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation::Expendable};
	let now = Balances::free_balance(who);
	if amount > now {
		<Balances as Mutate<_>>::transfer(&WHALE, &who, amount - now, Expendable).unwrap();
	} else if amount < now {
		<Balances as Mutate<_>>::transfer(&who, &WHALE, now - amount, Expendable).unwrap();
	}
}
