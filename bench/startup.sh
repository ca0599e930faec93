#!/usr/bin/env bash
# Measures what the foundation promises of the built jar: time from `java` to the first GraphQL
# answer, resident memory once idle, and time to stop. Run after `./mvnw -DskipTests package`.
#   bench/startup.sh [data-dir]     (default: a fresh temporary store, so the startup load runs)
# Environment: JAVA (default: $JAVA_HOME/bin/java or java), IDLE seconds before reading RSS (45),
# PORT (8080), AOT=1 to start with bin/aot-run.sh (the AOT cache of bin/aot-cache.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
data="${1:-$(mktemp -d)}"
port="${PORT:-8080}"
jar=$(ls target/cluster-graph-*.jar | grep -v plain | head -1)
command=("$java" @jvm.options -jar "$jar")
if [ "${AOT:-}" = 1 ]; then
	command=(bin/aot-run.sh)
fi
log=$(mktemp)

start=$(date +%s.%N)
CLUSTERGRAPH_DATA_DIR="$data" SERVER_PORT="$port" "${command[@]}" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"query":"{ __typename }"}' "localhost:$port/graphql" 2>/dev/null | grep -q 200; do
	kill -0 $pid 2>/dev/null || { echo "the service exited; its log is $log" >&2; exit 1; }
	sleep 0.1
done
end=$(date +%s.%N)
echo "first answer after $(echo "$end - $start" | bc) s (store $data)"
curl -s -H 'Content-Type: application/json' -d '{"query":"{ dataset { listingCount clusterCount } }"}' \
	"localhost:$port/graphql"
echo
sleep "${IDLE:-45}"
echo "idle RSS $(( $(ps -o rss= -p $pid) / 1024 )) MB"
s=$(date +%s.%N)
kill $pid
wait $pid || true
e=$(date +%s.%N)
echo "stopped in $(echo "$e - $s" | bc) s"
