#!/usr/bin/env python3
# This file is part of community-bounty.
# SPDX-License-Identifier: Apache-2.0
"""Feature propagation check, the rule zepter enforces for polkadot-sdk crates: in each crate of
this workspace, the features `std`, `runtime-benchmarks` and `try-runtime` reach every
dependency (normal, dev or build) that has a feature of the same name. A runtime built with
`runtime-benchmarks` whose pallet never saw the feature benchmarks the wrong code; a pallet whose
`std` misses a dependency builds for wasm only by accident.

    python3 scripts/check-features.py      # exits 1 and names each missing entry
"""
import json
import subprocess
import sys

FEATURES = ("std", "runtime-benchmarks", "try-runtime")

meta = json.loads(
    subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"])
)
packages = {p["id"]: p for p in meta["packages"]}
by_name = {}
for p in meta["packages"]:
    by_name.setdefault(p["name"], []).append(p)
resolve = {n["id"]: n for n in meta["resolve"]["nodes"]}

missing = []
for member in meta["workspace_members"]:
    crate = packages[member]
    features = crate["features"]
    for dep in resolve[member]["deps"]:
        target = packages[dep["pkg"]]
        kinds = {k["kind"] or "normal" for k in dep["dep_kinds"]}
        # The name this crate uses for the dependency in its features (a renamed crate, like
        # `codec` for parity-scale-codec, is named by its key).
        declared = [d for d in crate["dependencies"] if d["name"] == target["name"]]
        names = {d.get("rename") or d["name"] for d in declared} or {dep["name"]}
        for feature in FEATURES:
            if feature not in features or feature not in target["features"]:
                continue
            if kinds == {"build"} and feature != "std":
                continue
            entries = set(features[feature])
            if not any(
                f"{name}/{feature}" in entries or f"{name}?/{feature}" in entries for name in names
            ):
                missing.append(f"{crate['name']}: feature `{feature}` misses `{sorted(names)[0]}/{feature}`")

if missing:
    print("feature propagation: missing entries")
    for line in sorted(set(missing)):
        print("  " + line)
    sys.exit(1)
print(f"feature propagation: {len(meta['workspace_members'])} crates, {', '.join(FEATURES)}: ok")
