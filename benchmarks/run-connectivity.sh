#!/usr/bin/env bash
# Connectivity benchmark: the tutorial's stellate cells with VoxelIntersection in boxes of about
# 500, 1500 and 4500 cells, at 1 and 2 threads, each in a fresh JVM. Run from anywhere; build first:
#   mvn -B -q -pl benchmarks -am package -DskipTests
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CP="$(cat "$HERE/target/classpath.txt"):$HERE/target/classes"
EXAMPLE="$HERE/../examples/neuron-simulation/neuron-simulation.json"
for n in 500 1500 4500; do
  for t in 1 2; do
    java -Xmx${BENCH_XMX:-2g} -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" \
      org.bsb.benchmarks.ConnectivityBenchmark "$n" "$t" "$EXAMPLE"
  done
done
