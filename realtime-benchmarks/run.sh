#!/usr/bin/env bash
# Builds the benchmarks and runs them:
#   [SCENARIOS=4,5] realtime-benchmarks/run.sh [smoke|quick|full] [SERVERS [PROPERTY=VALUE...]]
#       every scenario (or those numbered in SCENARIOS) on every server (or on SERVERS: all, or some of
#       realtime_tomcat,realtime_jetty,node,raw_tomcat), the Java servers with the Spring Boot properties given
#       (a tuning to measure; the scale and slow-consumer scenarios ignore them); the report goes to
#       realtime-benchmarks/results/ (smoke: target/benchmarks/)
#   BASELINE=<git revision> realtime-benchmarks/run.sh ...
#       also builds the benchmark servers of that revision in a temporary git worktree under target/ and offers
#       them as one more server, realtime_tomcat_baseline, for a before and after in one run
#   realtime-benchmarks/run.sh jmh [JMH options]    the codec and middleware chain micro-benchmarks
# The servers run on core 0, the load generator on core 1.
set -euo pipefail
profile="${1:-quick}"
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/.."
./mvnw -B -q -Pbenchmarks -pl realtime-benchmarks -am package -DskipTests
cd "$module"
classpath="target/classes:$(cat target/runtime.classpath)"
if [ "$profile" = "jmh" ]; then
	exec taskset -c 0 java -cp "$classpath" org.openjdk.jmh.Main "${@:2}"
fi
(cd node && npm ci --no-audit --no-fund --silent)
baseline=()
if [ -n "${BASELINE:-}" ]; then
	revision="$(git rev-parse --short "$BASELINE^{commit}")"
	worktree="$module/target/baseline-$revision"
	git worktree remove --force "$worktree" 2>/dev/null || true
	git worktree add --detach --quiet "$worktree" "$revision"
	trap 'git worktree remove --force "$worktree"' EXIT
	(cd "$worktree" && ./mvnw -B -q -Pbenchmarks -pl realtime-benchmarks -am package -DskipTests)
	servers="$worktree/realtime-benchmarks"
	baseline=(-Dbenchmarks.baseline.revision="$revision"
		-Dbenchmarks.baseline.classpath="$servers/target/classes:$(cat "$servers/target/runtime.classpath")")
fi
taskset -c 1 java "${baseline[@]}" -cp "$classpath" dev.realtime.benchmarks.harness.BenchmarkHarness "$@"
