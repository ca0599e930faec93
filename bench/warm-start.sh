#!/usr/bin/env bash
# How the service serves right after it starts, against how it serves once settled, in one run:
# starts the built service on a fresh store (or the store given), times the first answer, the
# first answer with data and readiness, then drives one canonical query with 16 clients for the
# first 60 s after readiness, settles, and measures the same query again. Prints the times and the
# ratio of the first minute's throughput to the settled one. One fresh process per query.
#
#   ./mvnw -DskipTests package
#   bench/warm-start.sh                 # queries 1 and 2 (lookup, two-hop), started as the README's
#                                       # run command for the built jar starts it
#   COMMAND=bin/run bench/warm-start.sh # started by another command (run from the project directory)
#   STORE=data/neo4j bench/warm-start.sh 1     # an existing store: nothing to load
#
#   FIRST=0 STORE=data/neo4j bench/warm-start.sh 1 1 1   # only the start's times, three restarts
#
# Environment: QUERIES as arguments (default 1 2); COMMAND (default: java @jvm.options -jar
# target/cluster-graph-*.jar); STORE (default: a fresh temporary store per start); FIRST seconds
# after readiness (60; 0 stops the service once it is ready, for the start's times alone); SETTLE
# seconds (240); MEASURE seconds of the settled phase (30); PORT (8093) and BOLT_PORT (7693); JAVA
# (default: $JAVA_HOME/bin/java or java).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
port="${PORT:-8093}"
bolt="${BOLT_PORT:-7693}"
first="${FIRST:-60}"
settle="${SETTLE:-240}"
measure="${MEASURE:-30}"
jar=$(ls target/cluster-graph-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$jar" ]; then
	echo "bench/warm-start.sh: no jar in target/; run ./mvnw -DskipTests package first." >&2
	exit 1
fi
read -r -a command <<<"${COMMAND:-$java @jvm.options -jar $jar}"
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=(1 2)
SKIP_BUILD="${SKIP_BUILD:-}" bench/api.sh --help >/dev/null
export SKIP_BUILD=1

now() { date +%s.%N; }
since() { echo "scale=1; ($(now) - $1) / 1" | bc; }
graphql() {
	curl -s -m 5 -H 'Content-Type: application/json' -d "{\"query\":\"$1\"}" "localhost:$port/graphql" 2>/dev/null || true
}
# the Summary's row of our side: the request rate is the second column after the side
row() { sed -n '/^Summary/,$p' "$1" | grep -E ' ours +[0-9]' | tail -1; }
throughput() { row "$1" | awk '{ for (i = 1; i <= NF; i++) if ($i == "ours") { print $(i + 2); exit } }'; }

for query in "${queries[@]}"; do
	store="${STORE:-$(mktemp -d)/neo4j}"
	log=$(mktemp)
	start=$(now)
	CLUSTERGRAPH_DATA_DIR="$store" SERVER_PORT="$port" CLUSTERGRAPH_BOLT_PORT="$bolt" "${command[@]}" >"$log" 2>&1 &
	pid=$!
	trap 'kill $pid 2>/dev/null || true' EXIT
	answer="" data="" ready=""
	while [ -z "$ready" ]; do
		kill -0 $pid 2>/dev/null || { echo "the service exited; its log is $log" >&2; exit 1; }
		if [ -z "$answer" ] && graphql '{ __typename }' | grep -q Query; then answer=$(since "$start"); fi
		if [ -z "$data" ] && graphql '{ dataset { listingCount } }' | grep -q '"listingCount":[1-9]'; then
			data=$(since "$start")
			# an answer with data is an answer, whichever poll saw one first
			[ -n "$answer" ] || answer="$data"
		fi
		if [ -n "$data" ] && curl -s -m 5 "localhost:$port/actuator/health/readiness" | grep -q '"status":"UP"}$'; then
			ready=$(since "$start")
		fi
		[ -n "$ready" ] || sleep 0.1
	done
	echo "query $query: first answer ${answer} s, first answer with data ${data} s, ready ${ready} s after start (log $log)"
	if [ "$first" != 0 ]; then
		b=(bench/api.sh --url="http://localhost:$port/graphql" --bolt="bolt://127.0.0.1:$bolt" --pid=$pid
			--password-file="$store/bolt-password" --sides=ours --queries="$query" --check=1)
		cold=$(mktemp) settled=$(mktemp)
		"${b[@]}" --warmup=0 --duration="$first" >"$cold"
		"${b[@]}" --settle="$settle" --warmup=5 --duration="$measure" >"$settled"
		sed -n '/^Summary/,$p' "$cold" | sed -n 2p
		echo "first ${first} s: $(row "$cold")"
		echo "settled:     $(row "$settled")"
		c=$(throughput "$cold") s=$(throughput "$settled")
		echo "  first ${first} s / settled throughput: $(echo "scale=2; $c / $s" | bc)"
	fi
	kill $pid
	wait $pid 2>/dev/null || true
	trap - EXIT
done
