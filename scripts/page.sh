#!/usr/bin/env bash
# The dashboard on a local chain, in one command: builds the demo chain spec, installs the
# indexer's and the page's packages, then starts chopsticks (every block kept for the indexer),
# the indexer, and the page with the demo's state seeded (dashboard/local.mjs). Ctrl-C stops all.
#
#   scripts/page.sh        # then open the URL it prints (http://127.0.0.1:8080/…)
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/community-bounty/target}"
export WASM_BUILD_WORKSPACE_HINT="$PWD"
rustup target add wasm32v1-none
cargo build -p community-bounty-demo --bin chain-spec --features metadata-hash
"$CARGO_TARGET_DIR/debug/chain-spec" development > "$CARGO_TARGET_DIR/chain-spec.json"
npm ci --prefix indexer --no-audit --no-fund
npm ci --prefix dashboard --no-audit --no-fund
CHAIN_SPEC="$CARGO_TARGET_DIR/chain-spec.json" exec npm run local --prefix dashboard
