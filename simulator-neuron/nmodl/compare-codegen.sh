#!/bin/sh
# Code-generation experiments: times the Stellate benchmark (1 cell, ours only) for two or more builds of
# this module in one JVM, alternating run by run (see CodegenComparison). Typical use, from the repository
# root:
#   mvn -B -o -q -pl simulator-neuron/nmodl -am test-compile && cp -r simulator-neuron/nmodl/target/classes /tmp/before
#   ... change the generator ...
#   mvn -B -o -q -pl simulator-neuron/nmodl -am test-compile && cp -r simulator-neuron/nmodl/target/classes /tmp/after
#   BSB_MECHANISM_PATH=<catalogue> BSB_NEURON_DATA=<shared>/data simulator-neuron/nmodl/compare-codegen.sh 15 /tmp/before /tmp/after
# Arguments: rounds, then the classes directories (the first is the reference of the ratios).
set -e
cd "$(dirname "$0")/../.."
mvn -B -o -q -pl simulator-neuron/nmodl -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
SHARED="simulator-neuron/nmodl/target/test-classes:$(cat simulator-neuron/nmodl/target/bench-classpath.txt)"
# the disk cache is keyed by file content, not by generator build: each build must compile its own
BSB_NMODL_CACHE=off exec java -cp "simulator-neuron/nmodl/target/test-classes" \
  org.bsb.neuron.nmodl.bench.CodegenComparison "$SHARED" "$@"
