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

//! Genesis values for `pallet-asset-rate`, which has no genesis config of its own: the presets
//! set the PHA/USD rate with it, so that a fresh chain can pay USD-capped rewards at once.
//!
//! Checked for polkadot-sdk stable2609 (pallet-asset-rate 29): the pallet still has no genesis
//! config, and a genesis preset is a JSON patch of the pallets' configs, which cannot carry a
//! raw storage entry. So this small pallet stays, until asset-rate gains a genesis config.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use sp_runtime::FixedU128;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// This pallet only writes `pallet-asset-rate` storage at genesis.
	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_asset_rate::Config<AssetKind = u32> {}

	/// The conversion rates to native tokens to set at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(asset kind, native tokens per unit of the asset in 10^-18 parts)`: the inner value
		/// of a `FixedU128`, so `2_500_000_000_000_000_000` is 2.5.
		pub rates: Vec<(u32, u128)>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (kind, rate) in &self.rates {
				pallet_asset_rate::ConversionRateToNative::<T>::insert(
					kind,
					FixedU128::from_inner(*rate),
				);
			}
		}
	}
}
