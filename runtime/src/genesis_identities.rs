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

//! Genesis identities: display names in `pallet-identity`, set at genesis.
//!
//! `pallet-identity` (50, polkadot-sdk stable2609) has no genesis config: an identity is set by
//! its owner, who holds a deposit. A demo chain starts with its people already named, so that the
//! dashboard shows "Cappex (5Fx…)" rather than an address. This pallet has no calls, storage or
//! events: its genesis config writes each name into `pallet_identity::IdentityOf`, as a
//! registration with no judgement and no deposit held (nothing was reserved, so clearing it later
//! releases nothing). The development presets name the seed's people
//! ([`crate::seed::people`]); a production chain leaves it empty.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use pallet_identity::{legacy::IdentityInfo, Data, Registration};
	use sp_runtime::traits::Zero;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Writes `pallet-identity`'s storage, whose identity information is the legacy
	/// `IdentityInfo` (display name, legal name, web, …).
	#[pallet::config]
	pub trait Config:
		frame_system::Config
		+ pallet_identity::Config<IdentityInformation = IdentityInfo<Self::MaxFields>>
	{
		/// The bound of `IdentityInfo`'s additional fields in `pallet-identity`'s config.
		type MaxFields: Get<u32> + 'static;
	}

	/// The identities to set at genesis.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// `(account, display name)`: UTF-8, at most 32 bytes (a `Data::Raw` of
		/// `pallet-identity`). Each account at most once.
		pub identities: Vec<(T::AccountId, Vec<u8>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (who, name) in &self.identities {
				let display = Data::Raw(
					name.clone().try_into().expect("a genesis display name is at most 32 bytes"),
				);
				assert!(
					!pallet_identity::IdentityOf::<T>::contains_key(who),
					"an account is named twice at genesis"
				);
				let info = IdentityInfo {
					additional: Default::default(),
					display,
					legal: Data::None,
					web: Data::None,
					riot: Data::None,
					email: Data::None,
					pgp_fingerprint: None,
					image: Data::None,
					twitter: Data::None,
				};
				let registration =
					Registration { judgements: Default::default(), deposit: Zero::zero(), info };
				pallet_identity::IdentityOf::<T>::insert(who, registration);
			}
		}
	}
}
