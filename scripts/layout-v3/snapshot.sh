#!/usr/bin/env bash
# Writes runtime/tests/fixtures/layout-v3-state.json: a demo-runtime state built by the code of
# the tag `layout-v3` (storage version 3) with programs in every status (see snapshot.rs), for
# the runtime's migration test (runtime/tests/migration_v4.rs). The tag is commit
# 0201027ff31b, the last of storage version 3 (a clone without the tag uses the commit).
# Run it again only if the snapshot's scenario changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
worktree="$(mktemp -d)/layout-v3"
ref=layout-v3
git rev-parse -q --verify "$ref^{commit}" >/dev/null || ref=0201027ff31b328b9e36ae7b8cad9e65458e7fd3
git worktree add --detach "$worktree" "$ref" >/dev/null
trap 'git worktree remove --force "$worktree"' EXIT
cp scripts/layout-v3/snapshot.rs "$worktree/runtime/tests/snapshot.rs"
mkdir -p runtime/tests/fixtures
(cd "$worktree" && CARGO_TARGET_DIR="${LAYOUT_TARGET_DIR:-$HOME/.cache/community-bounty/target-layout}" SKIP_WASM_BUILD=1 SNAPSHOT_OUT="$root/runtime/tests/fixtures/layout-v3-state.json" \
	cargo test -p community-bounty-runtime --features try-runtime --test snapshot -- --nocapture)
echo "wrote runtime/tests/fixtures/layout-v3-state.json"
