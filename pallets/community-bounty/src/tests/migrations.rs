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

//! Tests of the storage migrations.

#![cfg(feature = "try-runtime")]

use crate::mock::{ExtBuilder, Test};
use crate::{migrations::v1::MigrateV0ToV1, Pallet};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn migrates_from_v0_once() {
	ExtBuilder::default().build_and_execute(|| {
		StorageVersion::new(0).put::<Pallet<Test>>();
		let state = MigrateV0ToV1::<Test>::pre_upgrade().unwrap();
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		MigrateV0ToV1::<Test>::post_upgrade(state).unwrap();
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(1));
		// A second run finds version 1 and changes nothing.
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}
