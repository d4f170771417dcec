#!/usr/bin/env bash
# Writes runtime/tests/fixtures/layout-v2-state.json: a demo-runtime state built by the code of
# the tag `layout-v2` (storage version 2) with programs in every status (see snapshot.rs), for
# the runtime's migration test. Run it again only if the snapshot's scenario changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
worktree="$(mktemp -d)/layout-v2"
git worktree add --detach "$worktree" layout-v2 >/dev/null
trap 'git worktree remove --force "$worktree"' EXIT
cp scripts/layout-v2/snapshot.rs "$worktree/runtime/tests/snapshot.rs"
mkdir -p runtime/tests/fixtures
(cd "$worktree" && CARGO_TARGET_DIR="${LAYOUT_TARGET_DIR:-$HOME/.cache/community-bounty/target-layout}" SKIP_WASM_BUILD=1 SNAPSHOT_OUT="$root/runtime/tests/fixtures/layout-v2-state.json" \
	cargo test -p community-bounty-runtime --features try-runtime --test snapshot -- --nocapture)
echo "wrote runtime/tests/fixtures/layout-v2-state.json"
