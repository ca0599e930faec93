#!/usr/bin/env bash
# Prints how resolution does on lists it was not built with: the leave-one-list-out table of the
# industry classifier (each list, each MIIT edition on its own, classified with the keyword rows only
# it uses left out, against the hand-labelled answers), then identity's precision and recall by pairs
# against the hand-labelled groups. Plain Java, no database; about a minute with the build.
#   bench/resolution.sh
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
./mvnw -q -B -ntp test -Dtest='HeldOutListsTests#classifiesListsItWasNotBuiltWith,IdentityResolverTests#findsTheSameClusterPairsAnAnalystFoundAndMergesNoLookAlikes' \
	-Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false >"$log" 2>&1 || { tail -40 "$log"; exit 1; }
grep -E '^\|' "$log"
grep -E '^Identity:' "$log"
