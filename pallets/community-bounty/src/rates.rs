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

//! Converting a cap into what a program pays, at a rate that is never stale.
//!
//! A cap in the asset its program pays in ("2,000 USDT a month", paid in USDT) needs no rate.
//! A cap denominated in an asset ("$2,000 a month") of a program paying native tokens is paid
//! at the rate
//! [`Config::BalanceConverter`] holds (for example `pallet-asset-rate`, which the council sets).
//! Such a rate carries no date, so a council that forgets it for three months while the token
//! halves would pay half of what it approved, and nothing would say so. [`Config::RateClock`]
//! says when each rate was last set; a conversion at a rate set more than
//! [`Config::MaxRateAge`] blocks ago, or whose date is unknown, is refused with
//! [`Error::RateStale`], and changes nothing. That covers a direct award and the first step of a
//! round's settlement (which fixes the round's rates); what the council must do then is set the
//! rate again. The council's approval limit, in native tokens, is checked against a budget's
//! or a tranche's value at the same fresh rate when the program pays an asset.
//!
//! A direct award's `Awarded` event names the block its rate was set (`rate_set_at`); a round's
//! payments convert at the rates fixed by its first settlement step, whose `RoundTallied`
//! event names the block each scored pool's rate was set.

use crate::{pallet::*, *};
use core::marker::PhantomData;
use frame_support::traits::tokens::ConversionFromAssetBalance;
use sp_runtime::traits::{BlockNumberProvider, Saturating};

/// When the rate of each asset kind was last set (created or updated): what makes a conversion
/// fresh or stale. A runtime implements it beside its rates, writing the block whenever the rate
/// is set and forgetting it when the rate is removed (the demo runtime's `dated_rates` pallet
/// does, for the council's motions). Blocks are counted as [`Config::BlockNumberProvider`]
/// counts them; a date after the current block counts as stale.
pub trait RateClock<AssetKind, BlockNumber> {
	/// The block in which the rate of `asset` was last set, if known.
	fn set_at(asset: &AssetKind) -> Option<BlockNumber>;

	/// Makes the rate of `asset` fresh now (for benchmarks, with the converter's
	/// `ensure_successful`).
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_fresh(asset: &AssetKind);
}

/// A clock for a runtime that checks its rates' age elsewhere: every rate counts as set in the
/// current block of `P`, so no conversion is ever stale. Name it only if something else
/// guarantees that the rates are current.
pub struct AlwaysFresh<P>(PhantomData<P>);

impl<AssetKind, P: BlockNumberProvider> RateClock<AssetKind, P::BlockNumber> for AlwaysFresh<P> {
	fn set_at(_: &AssetKind) -> Option<P::BlockNumber> {
		Some(P::current_block_number())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_fresh(_: &AssetKind) {}
}

impl<T: Config> Pallet<T> {
	/// Converts `amount` in `denomination` into native tokens at the current rate, which must
	/// have been set at most [`Config::MaxRateAge`] blocks ago. Returns the native amount and
	/// the block the rate was set (`None` for a native amount, which needs no rate).
	pub fn to_native_dated(
		amount: BalanceOf<T>,
		denomination: &Denomination<T::AssetKind>,
	) -> Result<(BalanceOf<T>, Option<BlockNumberOf<T>>), Error<T>> {
		match denomination {
			Denomination::Native => Ok((amount, None)),
			Denomination::Asset(kind) => {
				let native = T::BalanceConverter::from_asset_balance(amount, kind.clone())
					.map_err(|_| Error::<T>::NoRate)?;
				let set_at = Self::fresh_rate(kind)?;
				Ok((native, Some(set_at)))
			},
		}
	}

	/// Converts `amount` in `denomination` into the `asset` a program pays in: as it is if
	/// `asset` is the denomination, else into native tokens at a rate that is not stale (as
	/// [`Pallet::to_native_dated`]). Returns the amount and the block its rate was set, if one
	/// was used. A program paying an asset takes caps in that asset only (its spec was checked
	/// so); any other pair is refused with [`Error::DenominationMismatch`].
	pub fn to_paid_dated(
		amount: BalanceOf<T>,
		denomination: &Denomination<T::AssetKind>,
		asset: &Denomination<T::AssetKind>,
	) -> Result<(BalanceOf<T>, Option<BlockNumberOf<T>>), Error<T>> {
		match asset {
			_ if denomination == asset => Ok((amount, None)),
			Denomination::Native => Self::to_native_dated(amount, denomination),
			Denomination::Asset(_) => Err(Error::<T>::DenominationMismatch),
		}
	}

	/// Converts `amount` in `denomination` into the `asset` a program pays in (see
	/// [`Pallet::to_paid_dated`]).
	pub fn to_paid(
		amount: BalanceOf<T>,
		denomination: &Denomination<T::AssetKind>,
		asset: &Denomination<T::AssetKind>,
	) -> Result<BalanceOf<T>, Error<T>> {
		Self::to_paid_dated(amount, denomination, asset).map(|(paid, _)| paid)
	}

	/// Converts `amount` in `denomination` into native tokens at the current rate, which must
	/// not be stale: also the value of a budget or tranche in `denomination` that the
	/// council's approval limit is checked against.
	pub fn to_native(
		amount: BalanceOf<T>,
		denomination: &Denomination<T::AssetKind>,
	) -> Result<BalanceOf<T>, Error<T>> {
		Self::to_native_dated(amount, denomination).map(|(native, _)| native)
	}

	/// The block the rate of `asset` was set, if that was at most [`Config::MaxRateAge`] blocks
	/// ago; else [`Error::RateStale`] (also for a rate whose date is unknown).
	pub fn fresh_rate(asset: &T::AssetKind) -> Result<BlockNumberOf<T>, Error<T>> {
		let set_at = T::RateClock::set_at(asset).ok_or(Error::<T>::RateStale)?;
		let now = T::BlockNumberProvider::current_block_number();
		// A date after now is a clock that does not count this pallet's blocks: not fresh.
		ensure!(set_at <= now, Error::<T>::RateStale);
		ensure!(now.saturating_sub(set_at) <= T::MaxRateAge::get(), Error::<T>::RateStale);
		Ok(set_at)
	}
}
