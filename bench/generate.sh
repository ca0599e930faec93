#!/usr/bin/env bash
# Writes a synthetic seeds directory of cluster lists with the truth beside it, for measuring
# resolution at scale (BENCHMARKS.md, "Resolution at scale"). Deterministic: the same SIZE and SEED
# give the same bytes.
#   bench/generate.sh SIZE SEED OUTDIR
#     SIZE    x10, x100 or x1000: about 6,400, 64,000 or 640,000 listings (x1, about 640, for tests)
#     SEED    a whole number
#     OUTDIR  created; refused when it holds anything
# OUTDIR holds the documents, reference/programs.json describing every list and a copy of the other
# reference tables, so that the service loads it as it is:
#   CLUSTERGRAPH_SEEDS_DIR=OUTDIR java @jvm.options -jar target/cluster-graph-0.1.0-SNAPSHOT.jar --reload --exit
# and, beside them, truth.csv (every listing's document and line, its cluster, the region and the
# GB/T 4754 code it means, how it was written) and summary.txt.
# The generator is the Java class org.clustergraph.bench.ListGenerator in src/test/java; this
# script compiles the test sources (SKIP_BUILD=1 reuses the last compile) and runs it.
# Environment: JAVA (default: $JAVA_HOME/bin/java or java).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 3 ]; then
	sed -n '5,8p' "$0" >&2
	exit 2
fi
exec bench/java-class.sh 2g org.clustergraph.bench.ListGenerator "$1" "$2" "$3"
