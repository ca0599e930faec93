#!/usr/bin/env bash
# What one call of each full-text index costs (search_names, single characters; search_pairs,
# pairs of adjacent characters) for every text query 8 of bench/api.sh searches, over Bolt against
# a running service's database: the mean per call of each round, and the costliest texts.
#   bench/search-indexes.sh BOLT_URI PASSWORD_FILE [ROUNDS] [COSTLIEST]
#     BOLT_URI       bolt://127.0.0.1:7687, say
#     PASSWORD_FILE  the Bolt password's file (the embedded store's bolt-password)
#     ROUNDS         rounds over every text, each index in turn; the first is a warm-up (3)
#     COSTLIEST      how many of the costliest texts to print (15)
# Environment: SKIP_BUILD=1 reuses the last compile; JAVA (bench/java-class.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
	sed -n '4,8p' "$0" >&2
	exit 2
fi
exec bench/java-class.sh 512m org.clustergraph.bench.SearchIndexCost "$1" "$2" "${3:-3}" "${4:-15}"
