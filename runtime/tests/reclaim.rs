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

//! A signed transaction's unused proof size goes back to the block. The transaction extensions
//! are wrapped in `StorageWeightReclaim`: a collator records the storage proof and tells the
//! runtime its size before and after each transaction, and the block is charged what was
//! recorded, not the benchmarked worst case. Here a recorder stands in for the collator's.

mod common;

use codec::Encode;
use community_bounty_runtime::{
	tx_extension, Executive, Runtime, RuntimeCall, SignedPayload, System, UncheckedExtrinsic,
};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	weights::Weight,
};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{MultiAddress, MultiSignature};
use sp_trie::{proof_size_extension::ProofSizeExt, ProofSizeProvider};
use std::sync::{
	atomic::{AtomicUsize, Ordering},
	Arc,
};

/// The proof the block already carries: more than the recorder's figures, so that the node-side
/// proof never exceeds the runtime's bookkeeping (which would add the difference).
const CARRIED: u64 = 100_000;
/// What the recorder reports before the transaction, and what the transaction adds to the proof.
const BEFORE: usize = 90_000;
const MEASURED: usize = 500;

/// A recorder that reports `BEFORE`, then `BEFORE + MEASURED`, and counts how often it was read.
struct Recorder(Arc<AtomicUsize>);

impl ProofSizeProvider for Recorder {
	fn estimate_encoded_size(&self) -> usize {
		match self.0.fetch_add(1, Ordering::Relaxed) {
			0 => BEFORE,
			_ => BEFORE + MEASURED,
		}
	}
}

/// Alice signs a remark and the runtime applies it; returns how much the block's proof size grew,
/// the proof size the transaction was benchmarked at, and its length (which `CheckWeight` adds to
/// the block's proof: the transaction itself is part of the proof of validity).
fn apply_remark() -> (u64, u64, u64) {
	let alice = Sr25519Keyring::Alice;
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 32] });
	let extension = tx_extension(0);
	let payload = SignedPayload::new(call.clone(), extension.clone()).expect("implicit data");
	let signature = MultiSignature::from(payload.using_encoded(|p| alice.sign(p)));
	let xt = UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(alice.to_account_id()),
		signature,
		extension,
	);
	let benchmarked = xt.get_dispatch_info().total_weight().proof_size();
	let len = xt.encoded_size() as u64;
	frame_system::BlockWeight::<Runtime>::mutate(|w| {
		w.set(Weight::from_parts(0, CARRIED), DispatchClass::Normal)
	});
	let block_proof = || System::block_weight().total().proof_size();
	let before = block_proof();
	Executive::apply_extrinsic(xt).expect("valid").expect("dispatched");
	(block_proof() - before, benchmarked, len)
}

#[test]
fn the_block_is_charged_the_proof_a_transaction_recorded_not_its_benchmark() {
	let mut ext = common::new_ext();
	let reads = Arc::new(AtomicUsize::new(0));
	ext.register_extension(ProofSizeExt::new(Recorder(reads.clone())));
	ext.execute_with(|| {
		let (grown, benchmarked, len) = apply_remark();
		assert!(
			benchmarked > MEASURED as u64 * 2,
			"the benchmark ({benchmarked}) is the worst case"
		);
		assert_eq!(grown, MEASURED as u64 + len, "the block carries what was recorded");
	});
	// Read before and after the dispatch, by `StorageWeightReclaim`.
	assert_eq!(reads.load(Ordering::Relaxed), 2);
}

#[test]
fn without_a_recorder_the_block_is_charged_the_benchmark() {
	// As in chopsticks, or a node that records no proof: nothing to reclaim from.
	common::new_ext().execute_with(|| {
		let (grown, benchmarked, len) = apply_remark();
		assert_eq!(grown, benchmarked + len);
	});
}
