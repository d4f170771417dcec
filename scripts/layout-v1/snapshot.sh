#!/usr/bin/env bash
# Writes runtime/tests/fixtures/layout-v1-state.json: a demo-runtime state built by the code of
# the tag `layout-v1` (storage version 1) with programs in every status (see snapshot.rs), for
# the runtime's migration test. Run it again only if the snapshot's scenario changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
worktree="$(mktemp -d)/layout-v1"
git worktree add --detach "$worktree" layout-v1 >/dev/null
trap 'git worktree remove --force "$worktree"' EXIT
cp scripts/layout-v1/snapshot.rs "$worktree/runtime/tests/snapshot.rs"
mkdir -p runtime/tests/fixtures
(cd "$worktree" && SKIP_WASM_BUILD=1 SNAPSHOT_OUT="$root/runtime/tests/fixtures/layout-v1-state.json" \
	cargo test -p community-bounty-runtime --features try-runtime --test snapshot -- --nocapture)
echo "wrote runtime/tests/fixtures/layout-v1-state.json"
