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

//! Weights measured on this runtime's wasm by frame-omni-bencher with `scripts/benchmark.sh`
//! (each file's header has its command and date): the bounties and balances pallets, for the side-by-side in
//! `docs/PERFORMANCE.md`, pallet-asset-rate, whose calls `DatedRates` wraps (charging their
//! weight and one write more, for the date), and pallet-identity, with this runtime's limits. The community bounties charge the pallet's own weights
//! (`pallets/community-bounty/src/weights.rs`), measured in the same run on this runtime.

pub mod pallet_asset_rate;
pub mod pallet_balances;
pub mod pallet_bounties;
pub mod pallet_identity;
pub mod pallet_treasury;
