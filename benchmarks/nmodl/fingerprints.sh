#!/bin/sh
# Bit-exact fingerprints of simulated traces (TraceFingerprints) with a given build of the nmodl module's
# classes: every .mod of a catalogue folder, the built-ins and the test files alone in one compartment, and the
# Stellate cell (scenarios a, c, b1, b2). Run it for the builds before and after a change of the compiler and
# diff the outputs: every line must be the same.
#   BSB_MECHANISM_PATH=<catalogue> BSB_NEURON_DATA=<shared>/data benchmarks/nmodl/fingerprints.sh <classes dir> [sources dir]
# (the optional sources dir receives the generated Java of every file)
set -e
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl benchmarks/nmodl -am package -DskipTests > /dev/null
DEPS=$(tr ':' '\n' < benchmarks/nmodl/target/classpath.txt | grep -v 'simulator-neuron/nmodl/target/classes$' \
  | grep -v 'bsb-neuron-nmodl-[^/]*SNAPSHOT\.jar$' | tr '\n' ':')
CLASSES=$1
shift
BSB_NMODL_CACHE=off exec java --add-modules jdk.incubator.vector -cp "benchmarks/nmodl/target/classes:$CLASSES:$DEPS" \
  org.bsb.benchmarks.nmodl.TraceFingerprints "$BSB_MECHANISM_PATH" "$BSB_NEURON_DATA" "$@"
