#!/usr/bin/env bash
# Builds the service's ahead-of-time cache (JDK 25 or newer): the classes the service loads and
# links, and the profiles of its hot methods, recorded while it starts and loads the seed graph, so
# that later runs skip that work. Start-up and the load then take about half as long (BENCHMARKS.md).
#
#   ./mvnw -DskipTests package && bin/aot-cache.sh
#
# It extracts the jar into target/app/ (the cache works only with the extracted form) and runs one
# training load into a temporary store, which it deletes; nothing of yours is touched. Then run:
#
#   java @jvm.options -XX:AOTCache=target/app/cluster-graph.aot -jar target/app/cluster-graph-0.1.0-SNAPSHOT.jar
#
# A cache belongs to one build and one JDK: rebuild it after every package. A stale or foreign
# cache is not an error; the JVM says so and runs without it.
# Environment: JAVA (default: $JAVA_HOME/bin/java or java).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
version=$("$java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ { print $3 }')
if [ -z "$version" ] || [ "${version%%.*}" -lt 25 ]; then
	echo "bin/aot-cache.sh: the AOT cache needs JDK 25 or newer, and $java is ${version:-unknown}." >&2
	echo "The service runs without the cache; see README.md, 'Faster start-up and loading'." >&2
	exit 1
fi
jar=$(ls target/cluster-graph-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$jar" ]; then
	echo "bin/aot-cache.sh: no jar in target/; run ./mvnw -DskipTests package first." >&2
	exit 1
fi
rm -rf target/app
"$java" -Djarmode=tools -jar "$jar" extract --destination target/app
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
echo "Training: one load of the seed graph into $store (about a minute)..."
CLUSTERGRAPH_DATA_DIR="$store/neo4j" CLUSTERGRAPH_BOLT_PORT=0 CLUSTERGRAPH_REPORT="$store/report.txt" \
	"$java" @jvm.options -Xlog:aot*=error -XX:AOTCacheOutput=target/app/cluster-graph.aot \
	-jar "target/app/$(basename "$jar")" --reload --exit
echo "Wrote target/app/cluster-graph.aot. Start the service with:"
echo "  java @jvm.options -XX:AOTCache=target/app/cluster-graph.aot -jar target/app/$(basename "$jar")"
