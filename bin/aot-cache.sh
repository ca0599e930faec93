#!/usr/bin/env bash
# Builds the service's ahead-of-time cache (JDK 25 or newer): the classes that starting the service,
# loading the seed graph and serving GraphQL requests load and link, and the profiles of their hot
# methods, recorded during one training run so that later runs skip that work. Start-up and the
# load then take about half as long, and the first requests run compiled sooner (BENCHMARKS.md).
# The training run starts the service on a free port, loads the seed graph, sends itself the
# requests of the start-up warm-up (src/main/resources/warmup/requests.graphql) for TRAIN seconds
# (default 30) and stops.
#
#   ./mvnw -DskipTests package && bin/aot-cache.sh
#
# It extracts the jar into target/app/ (the cache works only with the extracted form) and runs the
# training on a temporary store of the embedded database, which it deletes; NEO4J_URI is ignored
# for the training, so no database of yours is touched. Then run the service with
# bin/aot-run.sh, which refuses a cache older than the jar.
#
# A cache belongs to one build and one JDK: rebuild it after every package and every JDK update.
# Do not rely on the JVM to notice a stale cache: it may run the cached classes.
# Environment: JAVA (default: $JAVA_HOME/bin/java or java); TRAIN seconds of requests (30);
# KEEP_STORE_AS=DIR keeps the training's store, with the seed graph loaded, as the embedded store DIR
# (which must not exist yet), and its resolution report where CLUSTERGRAPH_REPORT says (default
# data/resolution-report.txt), so that the service's first start there is a restart, not a second
# load of the same lists. The store is moved into place only after a training that succeeded.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
if ! command -v "$java" >/dev/null 2>&1; then
	echo "bin/aot-cache.sh: no java at '$java'; set JAVA_HOME or JAVA." >&2
	exit 1
fi
version=$("$java" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ { print $3 }' || true)
major="${version%%.*}"
if ! [[ "$major" =~ ^[0-9]+$ ]] || [ "$major" -lt 25 ]; then
	echo "bin/aot-cache.sh: the AOT cache needs JDK 25 or newer, and $java is ${version:-of unknown version}." >&2
	echo "The service runs without the cache; see README.md, 'Faster start-up and loading'." >&2
	exit 1
fi
jar=$(ls target/cluster-graph-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$jar" ]; then
	echo "bin/aot-cache.sh: no jar in target/; run ./mvnw -DskipTests package first." >&2
	exit 1
fi
keep="${KEEP_STORE_AS:-}"
report="${CLUSTERGRAPH_REPORT:-data/resolution-report.txt}"
if [ -n "$keep" ]; then
	if [ -e "$keep" ]; then
		echo "bin/aot-cache.sh: KEEP_STORE_AS=$keep exists; the training keeps its store only where there is none." >&2
		exit 1
	fi
	# beside the target, so that keeping it is a rename on the same file system
	mkdir -p "$(dirname "$keep")"
	store=$(mktemp -d "$(dirname "$keep")/.training.XXXXXX")
else
	store=$(mktemp -d)
fi
trap 'rm -rf "$store"' EXIT
rm -rf target/app
"$java" -Djarmode=tools -jar "$jar" extract --destination target/app
train="${TRAIN:-30}"
echo "Training: a load of the seed graph into $store, then ${train} s of requests (about a minute and a half)..."
env -u NEO4J_URI -u SPRING_NEO4J_URI \
	CLUSTERGRAPH_DATA_DIR="$store/neo4j" CLUSTERGRAPH_BOLT_PORT=0 CLUSTERGRAPH_REPORT="$store/report.txt" \
	SERVER_PORT=0 PORT=0 \
	"$java" @jvm.options -Xlog:aot*=error -XX:AOTCacheOutput=target/app/cluster-graph.aot \
	-jar "target/app/$(basename "$jar")" --train="$train"
if [ -n "$keep" ] && [ -e "$keep" ]; then
	# something else created it meanwhile (a service started by hand): it stays as it is
	echo "bin/aot-cache.sh: $keep was created during the training; the training's store is not kept." >&2
elif [ -n "$keep" ]; then
	# -T: never into a directory that appeared since the check above
	mv -T "$store/neo4j" "$keep"
	if [ -f "$store/report.txt" ]; then
		mkdir -p "$(dirname "$report")"
		mv "$store/report.txt" "$report"
	fi
	echo "Kept the training's store, the seed graph loaded, as $keep (its resolution report: $report)."
fi
# the JDK the cache belongs to, which bin/run compares with its own before using the cache (a cache
# trained here by hand is then taken as it is, not trained again)
"$java" -version >target/app/cluster-graph.aot.jdk 2>&1
echo "Wrote target/app/cluster-graph.aot. Start the service with bin/aot-run.sh."
