#!/usr/bin/env bash
# Resolution at scale: generates synthetic lists (bench/generate.sh SIZE SEED) and runs the
# project's resolution over them in process, without a database, against the generator's truth.
# Prints the time of each phase (tables, parse, place, classify, identity), the heap, placement
# and industry accuracy, and identity precision and recall by pairs (BENCHMARKS.md, "Resolution at
# scale", says how each is counted).
#   bench/resolution-scale.sh SIZE SEED [--examples=N] [--no-identity]
#     SIZE    x10, x100 or x1000 (x1 for a quick look)
#     SEED    a whole number
#     --no-identity  stop before identity resolution; the pairs it would score are printed anyway
# Environment: HEAP, the measuring JVM's -Xmx (4g); JAVA_OPTS, more options for it (a flight
# recording, say); OUT, where the lists are written (target/scale/SIZE-SEED, replaced on every
# run); SKIP_BUILD=1 reuses the last compile; JAVA (bench/java-class.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
	sed -n '7,10p' "$0" >&2
	exit 2
fi
size=$1
seed=$2
shift 2
out="${OUT:-target/scale/$size-$seed}"
rm -rf "$out"
JAVA_OPTS= bench/generate.sh "$size" "$seed" "$out"
# generate.sh compiled the test sources (or SKIP_BUILD=1 reused them); JAVA_OPTS is for this JVM alone
SKIP_BUILD=1 exec bench/java-class.sh "${HEAP:-4g}" org.clustergraph.bench.ResolutionAtScale "$out" "$@"
