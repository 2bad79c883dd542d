#!/bin/sh
# Stellate + dbbs catalogue benchmark, ours vs NEURON in the same run (single thread, 0.3 nA, 100 ms,
# 1 cell and 30 copies). The catalogue is GPL and not in the repository:
#   BSB_MECHANISM_PATH=<catalogue>/dbbs_catalogue/mods/neuron     (the .mod files)
#   NRNREF_MECH_LIB=<that folder>/x86_64/libnrnmech.so             (the same files compiled by nrnivmodl)
#   BSB_NEURON_DATA=<shared>/data                                  (StellateCell.swc, Stellate.py, neuron-reference/)
# Usage (from the repository root): simulator-neuron/nmodl/benchmark.sh [copies...]   (default: 1 30)
# The tool (StellateBenchmark) lives in benchmarks/nmodl.
set -e
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl benchmarks/nmodl -am package -DskipTests > /dev/null
CP="benchmarks/nmodl/target/classes:$(cat benchmarks/nmodl/target/classpath.txt)"
# the vector forms run as bin/bsb runs them (the Vector API module, no per-access range checks)
exec java --add-modules jdk.incubator.vector -Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0 -cp "$CP" org.bsb.benchmarks.nmodl.StellateBenchmark "$@"
