#!/usr/bin/env bash
# Peer benchmark: the canonical queries against a running service, against the Neo4j GraphQL Library
# over the same graph (the peer, bench/peer/), and as hand-written Cypher over Bolt (the floor), with
# the same clients and durations on every side. Checks first that the three give the same answers for
# every cluster id and region code, then prints req/s, p50, p99, CPU per request (the peer's node
# process, and the service's embedded database while it answers the peer), RSS, and the ratios of ours
# to the peer and to the floor. BENCHMARKS.md ("Against the Neo4j GraphQL Library") records the figures.
#
# Start the service first and wait until it has loaded the graph (see bench/api.sh), then:
#   bench/peer.sh --url=http://localhost:8095/graphql --bolt=bolt://127.0.0.1:7795 \
#     --warmup=20 --duration=20 --rounds=2
# Every option is bench/api.sh's (bench/api.sh --help); this script adds --peer and --peer-pid, and
# --check=all unless a --check is given. The queries are those the peer has an equivalent of (1, 2, 5)
# unless --queries is given.
#
# What it does: installs the peer's packages with `npm ci` when bench/peer/node_modules is missing or
# was installed from another package-lock.json (offline from then on); starts the peer
# (`node bench/peer/server.js`) on PEER_PORT, with the Bolt address and password the harness uses;
# waits for its first answer; runs the harness; stops the peer. The peer's log is target/peer.log.
# The Bolt password: --password, else CLUSTERGRAPH_NEO4J_PASSWORD, else the file --password-file
# names, else bolt-password in the store directory of the process listening on the --url's port
# (its CLUSTERGRAPH_DATA_DIR, default data/neo4j, against its working directory).
# Environment: PEER_PORT (4095), NODE (node), NPM (npm), SKIP_BUILD=1 as for bench/api.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
node="${NODE:-node}"
npm="${NPM:-npm}"
peer_port="${PEER_PORT:-4095}"

url=http://localhost:8080/graphql
bolt=bolt://127.0.0.1:7687
user=neo4j
password="${CLUSTERGRAPH_NEO4J_PASSWORD:-}"
password_file=
for arg in "$@"; do
	case "$arg" in
		--help | -h)
			sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
			exit 0
			;;
		--url=*) url="${arg#--url=}" ;;
		--bolt=*) bolt="${arg#--bolt=}" ;;
		--user=*) user="${arg#--user=}" ;;
		--password=*) password="${arg#--password=}" ;;
		--password-file=*) password_file="${arg#--password-file=}" ;;
		--peer=* | --peer-pid=*)
			echo "bench/peer.sh starts the peer itself; for a peer of your own use bench/api.sh --peer=URL" >&2
			exit 2
			;;
	esac
done

# The store directory's bolt-password of the process listening on the service's port.
service_password_file() {
	local port pid store
	port="$(sed -E 's|^[a-z]+://[^/:]+:?([0-9]*).*|\1|' <<<"$url")"
	port="${port:-80}"
	command -v ss >/dev/null 2>&1 || return 1
	pid="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
	[ -n "$pid" ] && [ -r "/proc/$pid/environ" ] || return 1
	store="$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^CLUSTERGRAPH_DATA_DIR=//p' | tail -1)"
	store="${store:-data/neo4j}"
	case "$store" in
		/*) ;;
		*) store="$(readlink "/proc/$pid/cwd")/$store" ;;
	esac
	echo "$store/bolt-password"
}

peer_env=(NEO4J_URI="$bolt" NEO4J_USER="$user" PEER_PORT="$peer_port" NODE_ENV=production)
if [ -n "$password" ]; then
	peer_env+=(NEO4J_PASSWORD="$password")
else
	if [ -z "$password_file" ]; then
		password_file="$(service_password_file)" || {
			echo "Cannot find the service's Bolt password: give --password-file or --password" >&2
			exit 1
		}
	fi
	[ -r "$password_file" ] || { echo "Cannot read the Bolt password file $password_file" >&2; exit 1; }
	peer_env+=(NEO4J_PASSWORD_FILE="$(realpath "$password_file")")
fi

# The peer's packages, exactly as package-lock.json pins them; once installed, no network.
installed=bench/peer/node_modules/.installed-package-lock.json
if ! cmp -s bench/peer/package-lock.json "$installed"; then
	(cd bench/peer && "$npm" ci --prefer-offline --no-audit --no-fund >&2)
	cp bench/peer/package-lock.json "$installed"
fi

mkdir -p target
log=target/peer.log
peer_url="http://127.0.0.1:$peer_port/graphql"
if curl -s -o /dev/null "$peer_url" 2>/dev/null; then
	echo "Something already answers on port $peer_port; set PEER_PORT to a free port" >&2
	exit 1
fi
(cd bench/peer && exec env "${peer_env[@]}" "$node" server.js) >"$log" 2>&1 &
peer_pid=$!
stop_peer() {
	if kill -0 "$peer_pid" 2>/dev/null; then
		kill -TERM "$peer_pid" 2>/dev/null || true
		wait "$peer_pid" 2>/dev/null || true
	fi
}
trap stop_peer EXIT

for _ in $(seq 1 300); do
	if curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' "$peer_url"; then
		break
	fi
	if ! kill -0 "$peer_pid" 2>/dev/null; then
		echo "The peer stopped; its log ($log):" >&2
		cat "$log" >&2
		exit 1
	fi
	sleep 0.2
done
echo "peer: $("$node" --version), pid $peer_pid, $peer_url ($(head -1 "$log"))" >&2

bench/api.sh --url="$url" --bolt="$bolt" --check=all "$@" --peer="$peer_url" --peer-pid="$peer_pid"
