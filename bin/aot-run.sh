#!/usr/bin/env bash
# Runs the service (or one of its commands) from target/app/ with the AOT cache built by
# bin/aot-cache.sh; any arguments go to the service, for example:
#   bin/aot-run.sh                        # serve, as java -jar would
#   bin/aot-run.sh --reload --exit        # reload the graph and stop
# It refuses to run an extracted copy older than the jar in target/, so a rebuild never leaves you
# running yesterday's code (the JVM itself may not notice). It runs from the project's directory, so
# relative paths in the arguments (--export-csv=FILE) and the settings are taken from there.
# When this user may raise a thread's priority, the JIT compiler's threads run ahead of the others
# (bin/jit-priority.sh; JIT_PRIORITY=off leaves them as they are).
# Environment: JAVA (default: $JAVA_HOME/bin/java or java).
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
jar=$(ls target/cluster-graph-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
cache=target/app/cluster-graph.aot
if [ -z "$jar" ] || [ ! -f "$cache" ] || [ ! -f "target/app/$(basename "$jar")" ]; then
	echo "bin/aot-run.sh: no AOT cache; run ./mvnw -DskipTests package && bin/aot-cache.sh first." >&2
	exit 1
fi
if [ "$jar" -nt "$cache" ]; then
	echo "bin/aot-run.sh: $jar is newer than $cache; run bin/aot-cache.sh again." >&2
	exit 1
fi
# JDK 25 prints warnings that some method adapters in the cache cannot be linked (JDK-8364929,
# fixed in later JDKs); those adapters are generated as usual, so the warnings are silenced.
read -r -a jit <<<"$(bin/jit-priority.sh)"
exec "$java" @jvm.options ${jit[@]+"${jit[@]}"} -XX:AOTCache="$cache" -Xlog:aot*=error -jar "target/app/$(basename "$jar")" "$@"
