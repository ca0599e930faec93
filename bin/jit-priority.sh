#!/usr/bin/env bash
# Prints the JVM options that run the JIT compiler's threads ahead of the service's other threads,
# or nothing when this user may not raise a thread's scheduling priority. bin/aot-run.sh and bin/run
# add what it prints to the java command line.
#
# Right after a start the request path runs in the JIT's quick first tiers, at two to three times
# its settled cost, until the optimizing compiler has worked through what the AOT cache's profiles
# and the first requests give it. With every thread at the same priority, a busy service leaves that
# compiler a small share of the cores: on two cores under 16 clients it compiled 5-10 methods a
# second in the first minute, and 40-70 a second as soon as the clients stopped (BENCHMARKS.md,
# "The compiler's share of the first minute"). At nice -15 it gets a core whenever it has work.
#
# Raising a priority needs root with CAP_SYS_NICE, or by setpriority(2) a nice limit that allows
# -15 (ulimit -e of 35 or more; not tried on the project's machines). The options are printed only
# when a trial (nice -n -15 true) succeeds, since the JVM ignores them otherwise. The JVM warns that
# they may need permission whenever it does not run as root, even where the nice limit grants it.
# Environment: JIT_PRIORITY=off prints nothing.
set -euo pipefail
if [ "${JIT_PRIORITY:-}" = off ]; then
	exit 0
fi
if [ -z "$(nice -n -15 true 2>&1)" ]; then
	echo "-XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=-15"
fi
