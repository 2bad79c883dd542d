#!/bin/sh
# Code-generation experiments: times the Stellate benchmark (1 cell, ours only) for two or more builds of
# this module in one JVM, alternating run by run (see benchmarks/nmodl's CodegenComparison). Typical use, from
# the repository root:
#   mvn -B -o -q -pl simulator-neuron/nmodl -am test-compile && cp -r simulator-neuron/nmodl/target/classes /tmp/before
#   ... change the generator ...
#   mvn -B -o -q -pl simulator-neuron/nmodl -am test-compile && cp -r simulator-neuron/nmodl/target/classes /tmp/after
#   BSB_MECHANISM_PATH=<catalogue> BSB_NEURON_DATA=<shared>/data simulator-neuron/nmodl/compare-codegen.sh 15 /tmp/before /tmp/after
# Arguments: rounds, then the classes directories (the first is the reference of the ratios).
set -e
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl benchmarks/nmodl -am package -DskipTests > /dev/null
# shared by the builds: the dependencies with the nmodl test jar (StellateComparison, loaded per build),
# without the nmodl main classes (each build brings its own)
DEPS=$(tr ':' '\n' < benchmarks/nmodl/target/classpath.txt | grep -v 'simulator-neuron/nmodl/target/classes$' \
  | grep -v 'bsb-neuron-nmodl-[^/]*SNAPSHOT\.jar$' | tr '\n' ':')
SHARED="$DEPS"
# the disk cache is keyed by file content, not by generator build: each build must compile its own
BSB_NMODL_CACHE=off exec java --add-modules jdk.incubator.vector -cp "benchmarks/nmodl/target/classes" \
  org.bsb.benchmarks.nmodl.CodegenComparison "$SHARED" "$@"
