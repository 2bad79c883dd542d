#!/bin/sh
# Cable benchmark: 30 Stellate copies with hh everywhere, 100 ms at dt 0.025, ours vs NEURON
# (timed in the same run by simulator-neuron/reference/neuron_reference.py --timing).
# Usage (from the repository root): benchmarks/cable/run.sh [copies]
set -e
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl benchmarks/cable -am package -DskipTests
CP="benchmarks/cable/target/classes:$(cat benchmarks/cable/target/classpath.txt)"
exec java -cp "$CP" org.bsb.benchmarks.cable.CableBenchmark "${1:-30}" simulator-neuron/reference/neuron_reference.py
