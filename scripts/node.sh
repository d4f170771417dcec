#!/usr/bin/env bash
# Runs the demo chain on polkadot-omni-node (dev mode: manual seal every 3 s, with mocked relay
# chain data, on loopback), runs the same client test as CI against it, and stops the node.
#
#   scripts/node.sh              # needs polkadot-omni-node 0.24.0 on PATH
#
# The chain spec is built with COMMUNITY_BOUNTY_FAST_RUNTIME=1 (runtime/build.rs): the community
# bounties' calendar counts 3 blocks a day, so the client test's monthly rounds settle on the
# node's own blocks (a month and its filing grace are 105 blocks, about 5 minutes here).
#
# polkadot-omni-node is not installed by this script or by CI: building it takes over an hour on
# 2 cores (it builds relay-chain runtimes too). Install it once, in the background, with a target
# dir in a cache folder so that an interrupted build resumes:
#
#   nice cargo install polkadot-omni-node --version 0.24.0 --locked \
#     --target-dir ~/.cache/installs/target-nodes
set -euo pipefail
cd "$(dirname "$0")/.."

NODE="${OMNI_NODE:-polkadot-omni-node}"
if ! command -v "$NODE" >/dev/null 2>&1; then
	echo "polkadot-omni-node is not installed. Install it (over an hour on 2 cores) with:" >&2
	echo "  cargo install polkadot-omni-node --version 0.24.0 --locked --target-dir ~/.cache/installs/target-nodes" >&2
	exit 2
fi

work="$(mktemp -d)"
scripts/fast-chain-spec.sh "$work/chain-spec.json"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$work/node.log"
echo "== polkadot-omni-node on ws://127.0.0.1:${port} (log: ${log})"
"$NODE" --chain "$work/chain-spec.json" --dev --dev-block-time 3000 \
	--tmp --rpc-port "$port" --listen-addr /ip4/127.0.0.1/tcp/0 --no-prometheus --no-telemetry \
	> "$log" 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
	if grep -q "Imported #1" "$log"; then break; fi
	if ! kill -0 "$node_pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
	sleep 1
done
grep -q "Imported #1" "$log" || { echo "the node imported no block" >&2; tail -50 "$log" >&2; exit 1; }

npm ci --prefix e2e --no-audit --no-fund
E2E_ENDPOINT="ws://127.0.0.1:${port}" npm run test:node --prefix e2e
echo "== node log (imported blocks):"
grep -E "Imported|Idle|error|ERROR" "$log" | tail -20 || true
# Dev mode logs each block's storage proof: the largest of the run.
echo "== largest block proof: $(grep -o 'proof_size: [0-9]*' "$log" | awk '{print $2}' | sort -n | tail -1 || true) bytes"
