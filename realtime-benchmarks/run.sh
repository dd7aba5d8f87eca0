#!/usr/bin/env bash
# Builds the benchmarks and runs them: realtime-benchmarks/run.sh [smoke|quick|full]
# The servers run on core 0, the load generator on core 1. The report goes to realtime-benchmarks/results/
# (smoke: realtime-benchmarks/target/benchmarks/).
set -euo pipefail
profile="${1:-quick}"
module="$(cd "$(dirname "$0")" && pwd)"
cd "$module/.."
./mvnw -B -q -Pbenchmarks -pl realtime-benchmarks -am package -DskipTests
(cd "$module/node" && npm ci --no-audit --no-fund --silent)
cd "$module"
pin=()
if [ "$(nproc --all)" -gt 1 ] && command -v taskset > /dev/null; then
	pin=(taskset -c 1)
fi
exec "${pin[@]}" java -cp "target/classes:$(cat target/runtime.classpath)" \
	dev.realtime.benchmarks.harness.BenchmarkHarness "$profile"
