#!/usr/bin/env bash
# Placement benchmark: 1e4, 1e5, 1e6 cells, each in a fresh JVM. Build first:
#   mvn -B -q -pl benchmarks -am package -DskipTests
# Arguments are passed on: chunk size (default 100) and threads (default all cores).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CP="$(cat "$HERE/target/classpath.txt"):$HERE/target/classes"
for n in 10000 100000 1000000; do
  java -Xmx${BENCH_XMX:-4g} -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" org.bsb.benchmarks.PlacementBenchmark "$n" "$@"
done
