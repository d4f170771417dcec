// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

/// With `metadata-hash`, the wasm carries the hash of its metadata (token symbol and decimals of
/// the demo chain), so that `CheckMetadataHash` can be enabled by signers such as Ledger's
/// generic app.
#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	fast_runtime();
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("PHA", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	fast_runtime();
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

/// The wasm builder is deactivated when compiling this crate for wasm itself.
#[cfg(not(feature = "std"))]
fn main() {
	fast_runtime();
}

/// `COMMUNITY_BOUNTY_FAST_RUNTIME=1` builds the runtime, native and wasm, with
/// `cfg(fast_runtime)`: the community bounties' calendar counts 3 blocks a day (`ROUND_DAY`), for
/// the local network of scripts/network.sh, where a monthly round runs on real blocks. Never for
/// a live chain. An environment variable rather than a feature, so that `--all-features` (the
/// README's test command) keeps the real calendar.
fn fast_runtime() {
	println!("cargo::rustc-check-cfg=cfg(fast_runtime)");
	println!("cargo::rerun-if-env-changed=COMMUNITY_BOUNTY_FAST_RUNTIME");
	if std::env::var("COMMUNITY_BOUNTY_FAST_RUNTIME").as_deref() == Ok("1") {
		println!("cargo::rustc-cfg=fast_runtime");
	}
}
