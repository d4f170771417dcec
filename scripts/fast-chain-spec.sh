#!/usr/bin/env bash
# Writes the development chain spec of the demo runtime built with COMMUNITY_BOUNTY_FAST_RUNTIME=1
# (runtime/build.rs): the community bounties' calendar counts 3 blocks a day, so a month and its
# filing grace are 105 blocks and a node settles the client test's monthly rounds in minutes.
#
#   scripts/fast-chain-spec.sh OUT.json [--plain]     # used by scripts/node.sh and network.sh
#
# A target dir of its own (NETWORK_TARGET_DIR): the wasm builder writes the runtime's wasm to one
# place whatever the build, so a fast-calendar build beside the usual one would swap the wasm
# under it.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"
shift
export CARGO_TARGET_DIR="${NETWORK_TARGET_DIR:-$HOME/.cache/community-bounty/network-target}"
export WASM_BUILD_WORKSPACE_HINT="$PWD"
rustup target add wasm32v1-none
COMMUNITY_BOUNTY_FAST_RUNTIME=1 cargo build -p community-bounty-demo --bin chain-spec --features metadata-hash
"$CARGO_TARGET_DIR/debug/chain-spec" development "$@" > "$out"
