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

//! BOOTSTRAP PLACEHOLDER, NOT A MEASUREMENT: `scripts/benchmark.sh` overwrites this file with the
//! weights frame-omni-bencher measures. Until then every call is charged a deliberately high flat
//! weight plus its storage accesses.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(dead_code)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_community_bounty`.
pub trait WeightInfo {
	fn propose_program(d: u32, m: u32, p: u32, ) -> Weight;
	fn approve_program() -> Weight;
	fn reject_program() -> Weight;
	fn cancel_program(r: u32, b: u32, ) -> Weight;
	fn close_program(r: u32, b: u32, ) -> Weight;
	fn set_lead() -> Weight;
	fn release_tranche() -> Weight;
	fn reclaim() -> Weight;
	fn add_member() -> Weight;
	fn remove_member() -> Weight;
	fn report_milestone() -> Weight;
	fn approve_milestone() -> Weight;
	fn reject_milestone() -> Weight;
	fn award() -> Weight;
	fn award_batch(n: u32, ) -> Weight;
}

const FLAT: Weight = Weight::from_parts(100_000_000, 20_000);

fn flat<D: Get<frame_support::weights::RuntimeDbWeight>>(reads: u64, writes: u64) -> Weight {
	FLAT.saturating_add(D::get().reads_writes(reads, writes))
}

/// Weights for `pallet_community_bounty` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn propose_program(_d: u32, _m: u32, _p: u32, ) -> Weight { flat::<T::DbWeight>(2, 4) }
	fn approve_program() -> Weight { flat::<T::DbWeight>(4, 4) }
	fn reject_program() -> Weight { flat::<T::DbWeight>(3, 4) }
	fn cancel_program(r: u32, b: u32, ) -> Weight { flat::<T::DbWeight>(3, 6 + r as u64 + b as u64) }
	fn close_program(r: u32, b: u32, ) -> Weight { flat::<T::DbWeight>(3, 6 + r as u64 + b as u64) }
	fn set_lead() -> Weight { flat::<T::DbWeight>(1, 1) }
	fn release_tranche() -> Weight { flat::<T::DbWeight>(3, 3) }
	fn reclaim() -> Weight { flat::<T::DbWeight>(4, 2) }
	fn add_member() -> Weight { flat::<T::DbWeight>(3, 3) }
	fn remove_member() -> Weight { flat::<T::DbWeight>(3, 3) }
	fn report_milestone() -> Weight { flat::<T::DbWeight>(2, 1) }
	fn approve_milestone() -> Weight { flat::<T::DbWeight>(4, 4) }
	fn reject_milestone() -> Weight { flat::<T::DbWeight>(2, 1) }
	fn award() -> Weight { flat::<T::DbWeight>(6, 5) }
	fn award_batch(n: u32, ) -> Weight { flat::<T::DbWeight>(2 + 5 * n as u64, 1 + 4 * n as u64) }
}

impl WeightInfo for () {
	fn propose_program(_d: u32, _m: u32, _p: u32, ) -> Weight { FLAT }
	fn approve_program() -> Weight { FLAT }
	fn reject_program() -> Weight { FLAT }
	fn cancel_program(_r: u32, _b: u32, ) -> Weight { FLAT }
	fn close_program(_r: u32, _b: u32, ) -> Weight { FLAT }
	fn set_lead() -> Weight { FLAT }
	fn release_tranche() -> Weight { FLAT }
	fn reclaim() -> Weight { FLAT }
	fn add_member() -> Weight { FLAT }
	fn remove_member() -> Weight { FLAT }
	fn report_milestone() -> Weight { FLAT }
	fn approve_milestone() -> Weight { FLAT }
	fn reject_milestone() -> Weight { FLAT }
	fn award() -> Weight { FLAT }
	fn award_batch(n: u32, ) -> Weight { FLAT.saturating_mul(n as u64) }
}
