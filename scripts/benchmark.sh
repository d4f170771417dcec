#!/usr/bin/env bash
# Regenerates the weights of pallet-community-bounty (and of its neighbours in the demo runtime,
# pallet-bounties, pallet-balances and pallet-treasury, for the side-by-side, and pallet-asset-rate,
# whose calls the runtime's DatedRates wraps) with frame-omni-bencher, then
# docs/PERFORMANCE.md from them.
#
#   scripts/benchmark.sh              # steps 50, repeat 20 (production-like)
#   STEPS=10 REPEAT=5 scripts/benchmark.sh   # a quick look; do not commit its weights
#
# Installs what it needs: clang/libclang/protoc (Debian) and frame-omni-bencher 0.28.
set -euo pipefail
cd "$(dirname "$0")/.."

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
BENCHER_VERSION="0.28.0"
# The runtime's wasm build looks for Cargo.lock above the target dir; point it at ours.
export WASM_BUILD_WORKSPACE_HINT="$PWD"

if ! command -v frame-omni-bencher >/dev/null 2>&1; then
	echo "== installing frame-omni-bencher ${BENCHER_VERSION} (about an hour on 2 cores)"
	if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
		apt-get update -qq && apt-get install -y -qq libclang-dev clang protobuf-compiler
	fi
	# Its storage benchmark's test runtime wants wasm32-unknown-unknown and rust-src; `benchmark
	# pallet` does not use it.
	SKIP_WASM_BUILD=1 cargo install frame-omni-bencher --version "${BENCHER_VERSION}" --locked
fi

echo "== building the demo runtime's wasm with runtime-benchmarks"
# frame-omni-bencher runs only the wasm, and substrate-wasm-builder compiles the wasm with the
# `release` profile even when the outer build is a dev build; the dev build just compiles faster.
rustup target add wasm32v1-none
cargo build -p community-bounty-runtime --features runtime-benchmarks
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
# A dev build leaves the wasm uncompacted; compacting (wasm-opt at level 0: strip debug info)
# does not change what executes.
WASM="${target_dir}/debug/wbuild/community-bounty-runtime/community_bounty_runtime.wasm"
OUT="${target_dir}/benchmarks"
mkdir -p "$OUT" runtime/src/weights

# The settings of polkadot-sdk's own CI: compiled wasm, no genesis but what each benchmark sets up.
bench() {
	local pallet="$1" template="$2" output="$3"
	# `ONLY=pallet_asset_rate scripts/benchmark.sh` reruns one pallet's benchmarks.
	if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$pallet" ]; then return 0; fi
	echo "== benchmarking ${pallet} (steps ${STEPS}, repeat ${REPEAT})"
	frame-omni-bencher v1 benchmark pallet \
		--runtime "$WASM" \
		--pallet "$pallet" --extrinsic "*" \
		--steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution=compiled --heap-pages=4096 \
		--no-storage-info --no-min-squares --no-median-slopes \
		--genesis-builder-policy=none \
		--template "$template" --header HEADER-APACHE2 \
		--output "$output" \
		--json-file "${OUT}/${pallet}.json"
}

# One pass for the pallet: the demo runtime charges these weights (`SubstrateWeight<Runtime>`),
# so no second copy can disagree with them.
bench pallet_community_bounty .maintain/frame-weight-template.hbs pallets/community-bounty/src/weights.rs
bench pallet_bounties .maintain/runtime-weight-template.hbs runtime/src/weights/pallet_bounties.rs
bench pallet_balances .maintain/runtime-weight-template.hbs runtime/src/weights/pallet_balances.rs
# The council's rates: DatedRates charges these, and one write more for the date.
bench pallet_asset_rate .maintain/runtime-weight-template.hbs runtime/src/weights/pallet_asset_rate.rs
# On-chain identity, through which the page names people: its deposits and limits are this runtime's.
bench pallet_identity .maintain/runtime-weight-template.hbs runtime/src/weights/pallet_identity.rs
# The treasury's payout and check_status, beside our payments through the same kind of paymaster.
bench pallet_treasury .maintain/runtime-weight-template.hbs runtime/src/weights/pallet_treasury.rs

echo "== docs/PERFORMANCE.md: our calls beside the neighbours, from the runtime's new weights"
# It reads the weights files only: no wasm needed.
SKIP_WASM_BUILD=1 cargo run -q -p community-bounty-demo --bin performance > /dev/null

echo "done: review git diff, then commit the weights and docs/PERFORMANCE.md"
