// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

/// With `metadata-hash`, the wasm carries the hash of its metadata (token symbol and decimals of
/// the demo chain), so that `CheckMetadataHash` can be enabled by signers such as Ledger's
/// generic app.
#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("PHA", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {}
