#!/usr/bin/env bash
# Runs the demo runtime as parachain 2000 on a local network, all on loopback: two rococo-local
# relay validators (polkadot) and two collators (polkadot-omni-node), spawned by zombienet (native
# provider) from network/network.toml, and runs the checks of network/network.zndsl on it: the
# parachain registers, both collators author, the client test (e2e) passes against collator 1
# with its monthly rounds settled on real blocks, collator 2 holds the same chain, the largest
# PoV against the relay chain's limit, a collator stopped and restarted, no error in any log.
#
#   scripts/network.sh        # needs polkadot 41.0.0 (and its PVF workers) and omni-node 0.24.0
#
# The chain spec is built with COMMUNITY_BOUNTY_FAST_RUNTIME=1 (scripts/fast-chain-spec.sh): the
# community bounties' calendar counts 3 blocks a day, so a month and its filing grace last 105
# blocks (about 11 minutes of 6-second blocks). The client test is the longest check (its line
# allows 80 minutes). Not part of CI, which runs the same client test on chopsticks.
set -euo pipefail
cd "$(dirname "$0")/.."

# The binaries: the same polkadot-sdk line (stable2609) as the runtime's crates. Building them
# takes hours on 2 cores; a target dir in a cache folder lets an interrupted build resume.
POLKADOT_VERSION=41.0.0
OMNI_NODE_VERSION=0.24.0
# What both print for `--version`: the node version of the stable2609 line, not the crate's.
NODE_VERSION=1.25.1
missing=0
for bin in polkadot polkadot-prepare-worker polkadot-execute-worker polkadot-omni-node; do
	if ! command -v "$bin" >/dev/null 2>&1; then
		echo "missing: $bin" >&2
		missing=1
	fi
done
if [ "$missing" = 1 ]; then
	cat >&2 <<INSTALL
The network needs polkadot $POLKADOT_VERSION (with its PVF workers) and polkadot-omni-node
$OMNI_NODE_VERSION on PATH. Install them once, in the background (about 1.5 h and 3 h on 2 cores;
they share most crates, so give them the same target dir):
  apt-get install -y libclang-dev clang protobuf-compiler
  nice cargo install polkadot-omni-node --version $OMNI_NODE_VERSION --locked --target-dir ~/.cache/installs/target-nodes
  nice cargo install polkadot --version $POLKADOT_VERSION --locked --target-dir ~/.cache/installs/target-nodes
No network check ran.
INSTALL
	exit 2
fi
for bin in polkadot polkadot-omni-node; do
	version="$("$bin" --version)"
	case "$version" in
	*" $NODE_VERSION-"*) ;;
	*) echo "warning: $bin is $version, not $NODE_VERSION: it may not match the runtime's polkadot-sdk line" >&2 ;;
	esac
done

# The relay validators' p2p ports are fixed in network.toml (each publishes its address with
# --public-addr); a validator cannot start on a port that something else already listens on.
for port in $(sed -n 's/^p2p_port = \([0-9]*\)$/\1/p' network/network.toml); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "port $port (a relay validator's, network/network.toml) is in use: stop what listens there. No network check ran." >&2
		exit 2
	fi
done

work="${NETWORK_DIR:-$(mktemp -d)}"
mkdir -p "$work"
# Plain: zombienet puts its collators' keys into the genesis, then has omni-node make it raw.
scripts/fast-chain-spec.sh "$work/chain-spec-plain.json" --plain

npm ci --prefix network --no-audit --no-fund
npm ci --prefix e2e --no-audit --no-fund

echo "== zombienet: network/network.zndsl (network files and logs: $work/zombie)"
# Zombienet stops its nodes when the test ends, but not when it dies of an unhandled rejection:
# the first full run here left its four nodes running, and the next network (the same genesis,
# on the same loopback) synced from them. Whatever still runs from this run's folder is stopped.
stop_leftovers() { pkill -f -- "$work/zombie/" 2>/dev/null || true; }
trap stop_leftovers EXIT
status=0
PARA_CHAIN_SPEC="$work/chain-spec-plain.json" \
	network/node_modules/.bin/zombienet --provider native --logType text --dir "$work/zombie" --force \
	test network/network.zndsl 2>&1 | tee "$work/zombienet.log" || status=$?

echo "== figures"
[ -f "$work/zombie/pov.json" ] && cat "$work/zombie/pov.json"
# The zndsl counts ERROR-level lines; here every line with "error" anywhere in it, for each node.
for node in alice bob collator01 collator02; do
	[ -f "$work/zombie/$node.log" ] || continue
	echo "$node: $(grep -c -E '^[0-9-]+ [0-9:.]+ +ERROR ' "$work/zombie/$node.log" || true) ERROR lines," \
		"$(grep -ci error "$work/zombie/$node.log" || true) with \"error\" in them"
	grep -i error "$work/zombie/$node.log" | head -5 || true
done
grep -hE "authored by|same hash|e2e against|PoV:|stopped by|alone" "$work/zombienet.log" || true
exit "$status"
