#!/usr/bin/env bash
# API benchmark: the canonical GraphQL queries against a running service, each beside the
# hand-written Cypher that computes the same answer over Bolt (the floor), with the same number
# of concurrent clients. Prints per query and side: requests, req/s, p50 and p99 latency, errors,
# the service's and the load generator's CPU time per request and the service's highest resident
# memory (VmRSS, sampled every 0.1 s); and the ratio of the p50s. BENCHMARKS.md says how it
# measures and records the figures.
#
# Start the service first and wait until it has loaded the graph, for example:
#   ./mvnw -DskipTests package
#   CLUSTERGRAPH_DATA_DIR=$(mktemp -d) java @jvm.options -jar target/cluster-graph-0.1.0-SNAPSHOT.jar &
#   # until `{ dataset { listingCount } }` answers 638
# then:
#   bench/api.sh                                   # http://localhost:8080/graphql, bolt://127.0.0.1:7687
#   bench/api.sh --settle=300 --warmup=20 --queries=1,2   # the targets' figures in BENCHMARKS.md: compiled first
#   bench/api.sh --url=http://localhost:8092/graphql --bolt=bolt://127.0.0.1:7692 --duration=5 --queries=1
#   bench/api.sh --help                            # every option
#   bench/peer.sh ...                              # the same, with the Neo4j GraphQL Library as a third side
# The embedded Neo4j requires a password: the harness uses --password, else CLUSTERGRAPH_NEO4J_PASSWORD,
# else the file --password-file names, else the password the service generated into bolt-password in
# its store directory (found through the service's process: its CLUSTERGRAPH_DATA_DIR, default
# data/neo4j, against its working directory).
# The service's pid is that of the process listening on the URL's port, unless --pid is given.
#
# The harness is the Java class org.clustergraph.bench.ApiBenchmark in src/test/java: it compiles
# with every build (so it keeps up with the driver and Jackson), but it is not a test and
# `./mvnw verify` never runs it. This script compiles the test sources, writes their class path
# to target/bench-classpath.txt and runs the class in a JVM of its own.
# Environment: JAVA (default: $JAVA_HOME/bin/java or java); SKIP_BUILD=1 reuses the last compile;
# BENCH_HEAP, the load generator's -Xmx (512m: enough at x1000 with the default --read=check; with
# --read=answer, 16 clients each building a tree of programOverlap's 4.5 MB answer at x1000 want 2g).
set -euo pipefail
cd "$(dirname "$0")/.."
exec bench/java-class.sh "${BENCH_HEAP:-512m}" org.clustergraph.bench.ApiBenchmark "$@"
