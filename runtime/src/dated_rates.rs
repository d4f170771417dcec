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

//! Dated rates: `pallet-asset-rate`'s conversion rates, each with the block it was set.
//!
//! `pallet-asset-rate` (29, polkadot-sdk stable2609) stores a rate per asset kind and nothing
//! else: no date, no hook when a rate changes, and no genesis config. This pallet wraps it. Its
//! `create`, `update` and `remove` calls take the same origins and arguments, call
//! `pallet-asset-rate`'s own, and record the block in [`SetAt`] in the same transaction, so the
//! date is written exactly when the council's motion sets the rate, and a refused call writes
//! neither. The runtime's call filter refuses `pallet-asset-rate`'s calls made directly (all
//! but Root's), so no rate changes without its date. Its genesis config sets the presets' rates
//! and dates them at genesis. It is the runtime's [`pallet_community_bounty::RateClock`].
//!
//! Each call is charged `pallet-asset-rate`'s weight for the call it makes (measured on this
//! runtime: `weights/pallet_asset_rate.rs`) and one database write more, for the date.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use pallet_asset_rate::WeightInfo as _;
	use sp_runtime::FixedU128;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config + pallet_asset_rate::Config<AssetKind = u32> {}

	/// The block in which each asset kind's rate was last created or updated.
	#[pallet::storage]
	pub type SetAt<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetKind, BlockNumberFor<T>, OptionQuery>;

	/// The conversion rates to native tokens to set, and date, at genesis.
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
				Pallet::<T>::date(*kind);
			}
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates the rate of `asset_kind` (`pallet-asset-rate`'s `create`, with its origin)
		/// and dates it in this block.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as pallet_asset_rate::Config>::WeightInfo::create()
			.saturating_add(T::DbWeight::get().writes(1)))]
		pub fn create(
			origin: OriginFor<T>,
			asset_kind: Box<T::AssetKind>,
			rate: FixedU128,
		) -> DispatchResult {
			pallet_asset_rate::Pallet::<T>::create(origin, asset_kind.clone(), rate)?;
			Self::date(*asset_kind);
			Ok(())
		}

		/// Updates the rate of `asset_kind` (`pallet-asset-rate`'s `update`, with its origin)
		/// and dates it in this block, even if the rate is the same: the council confirmed it.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as pallet_asset_rate::Config>::WeightInfo::update()
			.saturating_add(T::DbWeight::get().writes(1)))]
		pub fn update(
			origin: OriginFor<T>,
			asset_kind: Box<T::AssetKind>,
			rate: FixedU128,
		) -> DispatchResult {
			pallet_asset_rate::Pallet::<T>::update(origin, asset_kind.clone(), rate)?;
			Self::date(*asset_kind);
			Ok(())
		}

		/// Removes the rate of `asset_kind` (`pallet-asset-rate`'s `remove`, with its origin)
		/// and its date.
		#[pallet::call_index(2)]
		#[pallet::weight(<T as pallet_asset_rate::Config>::WeightInfo::remove()
			.saturating_add(T::DbWeight::get().writes(1)))]
		pub fn remove(origin: OriginFor<T>, asset_kind: Box<T::AssetKind>) -> DispatchResult {
			pallet_asset_rate::Pallet::<T>::remove(origin, asset_kind.clone())?;
			SetAt::<T>::remove(*asset_kind);
			Ok(())
		}
	}

	impl<T: Config> pallet_community_bounty::RateClock<T::AssetKind, BlockNumberFor<T>> for Pallet<T> {
		fn set_at(asset: &T::AssetKind) -> Option<BlockNumberFor<T>> {
			SetAt::<T>::get(asset)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn ensure_fresh(asset: &T::AssetKind) {
			Self::date(*asset);
		}
	}

	impl<T: Config> Pallet<T> {
		/// Dates the rate of `asset` in the current block.
		fn date(asset: T::AssetKind) {
			SetAt::<T>::insert(asset, frame_system::Pallet::<T>::block_number());
		}
	}
}
