#!/usr/bin/env bash
# Scale benchmark (issue #19): for each size, starts the built service on a fresh store that loads
# that size's lists, records the load (time and rate, peak heap and peak RSS by the end of the load,
# store size), then measures the query set with 16 clients, each query beside its hand-written Cypher
# floor (bench/api.sh), and stops the service. At the end it prints a table per size, a summary
# across the sizes with ratios to the first, the figures against #19's targets and a text chart, and
# writes the chart as scale.svg. BENCHMARKS.md ("Scale: cost against size") says how it measures.
#
#   ./mvnw -DskipTests package
#   nice -n 19 bench/scale.sh                    # seed and x10
#   HEAP=3g nice -n 19 bench/scale.sh seed x10 x100
#   REPORT_ONLY=1 bench/scale.sh seed x10 x100   # the report again, from the recorded results
#
# Sizes: seed (the lists inside the jar, 638 listings), x10, x100, x1000 (bench/generate.sh SIZE
# SEED, about 6,400, 64,000 and 640,000 listings; generated once into target/scale/SIZE-SEED and
# reused). Each size runs in a process of its own on a fresh store under OUT/SIZE, which also keeps
# the service's log, its GC log, load.tsv (the load's figures), api.txt and api.tsv (the harness's
# output); the store is measured once the service has stopped, and deleted unless KEEP_STORE=1.
#
# Environment: HEAP (the service's -Xmx, given after @jvm.options; default that of jvm.options);
# SEED (1); OUT (target/scale/results); PORT (8097) and BOLT_PORT (7697); QUERIES (1,2,3,4,6,7,8,9,10,11,12:
# lookup, two-hop, the three analysis queries, the neighbourhood, search, page 1 and a deep page of
# clusters, programOverlap narrowed to one program, a region's facets); SETTLE (60), WARMUP (5) and DURATION (15)
# seconds, ROUNDS (1) and CHECK (20) as
# bench/api.sh's --settle, --warmup, --duration, --rounds and --check (with several rounds the report
# takes each query's fastest by p50); DEEP (19980: page 1,000 of 20) as its --deep;
# READY_TIMEOUT seconds to wait for the service to be ready (7200); JAVA (default: $JAVA_HOME/bin/java
# or java); SKIP_BUILD=1 reuses the last test compile. The service's own settings pass through
# (CLUSTERGRAPH_PAGE_CACHE...), except that its timeouts default to 900s (CLUSTERGRAPH_TX_TIMEOUT),
# 120s (CLUSTERGRAPH_READ_TIMEOUT) and 150s (CLUSTERGRAPH_REQUEST_TIMEOUT) instead of 30s, 8s and
# 10s: on a shared host a niced service is slow enough to hit them, the startup load included, and
# this measures what the work costs, not whether it fits a deployment's limits.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
jcmd="$(dirname "$(command -v "$java")")/jcmd"
seed="${SEED:-1}"
out="${OUT:-target/scale/results}"
port="${PORT:-8097}"
bolt="${BOLT_PORT:-7697}"
queries="${QUERIES:-1,2,3,4,6,7,8,9,10,11,12,13}"
ready_timeout="${READY_TIMEOUT:-7200}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(seed x10)
for size in "${sizes[@]}"; do
	case "$size" in
	seed | x10 | x100 | x1000) ;;
	*)
		echo "bench/scale.sh: unknown size $size (seed, x10, x100 or x1000)" >&2
		exit 2
		;;
	esac
done
classpath=target/bench-classpath.txt
SKIP_BUILD="${SKIP_BUILD:-}" bench/api.sh --help >/dev/null
export SKIP_BUILD=1

report() {
	"$java" -cp "target/test-classes:target/classes:$(cat "$classpath")" org.clustergraph.bench.ScaleReport \
		"$out" "${sizes[@]}" | tee "$out/report.txt"
}
if [ "${REPORT_ONLY:-}" = 1 ]; then
	report
	exit 0
fi

jar=""
for candidate in target/cluster-graph-*.jar; do
	case "$candidate" in
	*-plain.jar) ;;
	*) [ -f "$candidate" ] && jar="$candidate" && break ;;
	esac
done
if [ -z "$jar" ]; then
	echo "bench/scale.sh: no jar in target/; run ./mvnw -DskipTests package first." >&2
	exit 1
fi
if ss -ltn | grep -qE ":($port|$bolt) "; then
	echo "bench/scale.sh: port $port or $bolt is taken; set PORT and BOLT_PORT." >&2
	exit 1
fi
export CLUSTERGRAPH_TX_TIMEOUT="${CLUSTERGRAPH_TX_TIMEOUT:-900s}"
export CLUSTERGRAPH_READ_TIMEOUT="${CLUSTERGRAPH_READ_TIMEOUT:-120s}"
export CLUSTERGRAPH_REQUEST_TIMEOUT="${CLUSTERGRAPH_REQUEST_TIMEOUT:-150s}"
heap="${HEAP:-}"
default_heap=$(grep -o -- '-Xmx[0-9]*[kmgKMG]*' jvm.options | tail -1 | cut -c5-)

now() { date +%s.%N; }
since() { echo "scale=1; ($(now) - $1) / 1" | bc | sed 's/^\./0./'; }
whole_seconds() { echo "($(now) - $1) / 1" | bc; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
# VmHWM, the process's peak resident memory, in MB
peak_rss() { awk '/^VmHWM:/ { printf "%d\n", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo -; }
# the heap in use now, in MB
heap_used() {
	"$jcmd" "$1" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1 | awk '{ printf "%d\n", $2 / 1024 }'
}
# the most heap in use before any collection the GC log shows, in MB: the heap's high points
gc_peak() {
	awk 'match($0, /[0-9]+[KMG]->/) {
		v = substr($0, RSTART, RLENGTH - 2); u = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0
		if (u == "K") n /= 1024; if (u == "G") n *= 1024
		if (n > max) max = n
	} END { printf "%d\n", max }' "$1"
}
megabytes() { if [ -d "$1" ]; then du -sm "$1" | cut -f1; else echo -; fi; }

for size in "${sizes[@]}"; do
	run="$out/$size"
	rm -rf "$run"
	mkdir -p "$run"
	store="$run/neo4j"
	environment=(env -u CLUSTERGRAPH_SEEDS_DIR)
	if [ "$size" != seed ]; then
		lists="target/scale/$size-$seed"
		if [ ! -f "$lists/summary.txt" ]; then
			rm -rf "$lists"
			echo "[$size] generating the lists into $lists" >&2
			bench/generate.sh "$size" "$seed" "$lists" >"$run/generate.txt"
		fi
		environment+=("CLUSTERGRAPH_SEEDS_DIR=$lists")
	fi
	{
		printf 'size\t%s\n' "$size"
		printf 'heap\t%s\n' "${heap:-$default_heap}"
		printf 'loadavg_start\t%s\n' "$(load_average)"
	} >"$run/load.tsv"
	echo "[$size] starting the service (heap ${heap:-$default_heap}), load average $(load_average)" >&2
	start=$(now)
	"${environment[@]}" CLUSTERGRAPH_DATA_DIR="$store" CLUSTERGRAPH_REPORT="$run/resolution-report.txt" \
		PORT="$port" CLUSTERGRAPH_BOLT_PORT="$bolt" \
		"$java" @jvm.options ${heap:+"-Xmx$heap"} "-Xlog:gc:file=$run/gc.log" -jar "$jar" >"$run/service.log" 2>&1 &
	pid=$!
	trap 'kill $pid 2>/dev/null || true' EXIT
	loaded="" ready="" status="" rss=-
	while [ -z "$ready" ]; do
		if ! kill -0 $pid 2>/dev/null; then
			wait $pid 2>/dev/null || true
			reason=$(grep -m1 -oE 'OutOfMemoryError[^"]*|Terminating due to [^"]*' "$run/service.log" ||
				grep -E ' ERROR ' "$run/service.log" | tail -1 | cut -c1-300 || true)
			status="exited after $(since "$start") s${loaded:+, after the load}: ${reason:-see $run/service.log}"
			break
		fi
		sampled=$(peak_rss $pid)
		# an exiting process loses its memory lines before it goes: keep the last figure read
		[ -z "$sampled" ] || [ "$sampled" = - ] || rss=$sampled
		if [ -z "$loaded" ] && grep -q 'Loaded [0-9]* listings into' "$run/service.log"; then
			loaded=$(since "$start")
			used=$(heap_used $pid || true)
			peak=$(gc_peak "$run/gc.log")
			[ -z "$used" ] || [ "$used" -le "$peak" ] || peak=$used
			line=$(grep -m1 -oE 'Loaded [0-9]+ listings into [0-9]+ clusters .* in [0-9]+ ms \(resolve [0-9]+ ms, write [0-9]+ ms\)' \
				"$run/service.log")
			read -r listings clusters total resolve write < <(echo "$line" |
				sed -E 's/Loaded ([0-9]+) listings into ([0-9]+) clusters .* in ([0-9]+) ms \(resolve ([0-9]+) ms, write ([0-9]+) ms\)/\1 \2 \3 \4 \5/')
			{
				printf 'listings\t%s\nclusters\t%s\nload_ms\t%s\nresolve_ms\t%s\nwrite_ms\t%s\n' \
					"$listings" "$clusters" "$total" "$resolve" "$write"
				printf 'peak_heap_mb\t%s\npeak_rss_mb\t%s\nloaded_s\t%s\n' "$peak" "$rss" "$loaded"
			} >>"$run/load.tsv"
			echo "[$size] $line; peak heap $peak MB, peak RSS $rss MB" >&2
		fi
		if [ -n "$loaded" ] && curl -s -m 5 "localhost:$port/actuator/health/readiness" | grep -q '"status":"UP"}$'; then
			ready=$(since "$start")
		fi
		if [ "$(whole_seconds "$start")" -ge "$ready_timeout" ]; then
			status="not ready after $ready_timeout s${loaded:+ (loaded after $loaded s)}"
			kill $pid
			wait $pid 2>/dev/null || true
			break
		fi
		[ -n "$ready" ] || sleep 0.5
	done
	if [ -z "$ready" ]; then
		[ -n "$loaded" ] || printf 'peak_rss_mb\t%s\n' "$rss" >>"$run/load.tsv"
		printf 'status\t%s\nloadavg_end\t%s\n' "$status" "$(load_average)" >>"$run/load.tsv"
		echo "[$size] $status" >&2
		trap - EXIT
		continue
	fi
	analysis=$(grep -m1 -oE 'Computed [0-9]+ analysis answers in [0-9]+ ms' "$run/service.log" | grep -oE '[0-9]+ ms' |
		cut -d' ' -f1 || true)
	printf 'status\tloaded\nready_s\t%s\nanalysis_ms\t%s\n' "$ready" "${analysis:--}" >>"$run/load.tsv"
	echo "[$size] ready after $ready s; measuring queries $queries, load average $(load_average)" >&2
	bench/api.sh --url="http://localhost:$port/graphql" --bolt="bolt://127.0.0.1:$bolt" --pid=$pid \
		--password-file="$store/bolt-password" --clients=16 --queries="$queries" --settle="${SETTLE:-60}" \
		--warmup="${WARMUP:-5}" --duration="${DURATION:-15}" --rounds="${ROUNDS:-1}" --check="${CHECK:-20}" \
		--deep="${DEEP:-19980}" \
		--results="$run/api.tsv" >"$run/api.txt" || echo "[$size] bench/api.sh failed; see $run/api.txt" >&2
	sed -n '/^Summary/,$p' "$run/api.txt" >&2
	printf 'loadavg_end\t%s\npeak_rss_run_mb\t%s\n' "$(load_average)" "$(peak_rss $pid)" >>"$run/load.tsv"
	kill $pid
	wait $pid 2>/dev/null || true
	trap - EXIT
	# measured once the service has stopped: its shutdown flushes the page cache into the store files
	printf 'store_mb\t%s\ntx_logs_mb\t%s\n' "$(megabytes "$store/data/databases/neo4j")" \
		"$(megabytes "$store/data/transactions/neo4j")" >>"$run/load.tsv"
	[ "${KEEP_STORE:-}" = 1 ] || rm -rf "$store"
done
report
