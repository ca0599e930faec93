#!/usr/bin/env bash
# Runs one of the benchmark classes of src/test/java in a JVM of its own, compiling the test
# sources and writing their class path to target/bench-classpath.txt first (SKIP_BUILD=1 reuses
# the last compile). The other bench scripts call it.
#   bench/java-class.sh HEAP CLASS [ARGUMENTS...]
# Environment: JAVA (default: $JAVA_HOME/bin/java or java); JAVA_OPTS, more options for the JVM
# (a flight recording, say).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
	sed -n '5p' "$0" >&2
	exit 2
fi
heap=$1
class=$2
shift 2
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
classpath=target/bench-classpath.txt
if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$classpath" ]; then
	./mvnw -B -ntp -q test-compile dependency:build-classpath \
		-Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >&2
fi
# shellcheck disable=SC2086
exec "$java" "-Xmx$heap" --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} \
	-cp "target/test-classes:target/classes:$(cat "$classpath")" "$class" "$@"
