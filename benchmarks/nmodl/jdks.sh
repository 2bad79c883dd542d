#!/bin/sh
# The same build's Stellate benchmark (ours only, 1 cell, best cpu of 15 runs after warm-up, vector form on)
# on Java 17 and Java 25 in turn, alternating JVM by JVM, in one run; prints each JVM's time and the median
# per-round ratio 25/17.
#   BSB_MECHANISM_PATH=<catalogue> BSB_NEURON_DATA=<shared>/data benchmarks/nmodl/jdks.sh [rounds] [copies]
# JAVA17 / JAVA25 name the java binaries (defaults: the PATH's java, /usr/lib/jvm/temurin-25-jdk-amd64).
set -e
cd "$(dirname "$0")/../.."
ROUNDS=${1:-4}
COPIES=${2:-1}
J17=${JAVA17:-java}
J25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
mvn -B -o -q -pl benchmarks/nmodl -am package -DskipTests > /dev/null
CP="benchmarks/nmodl/target/classes:$(cat benchmarks/nmodl/target/classpath.txt)"
one() {
  env -u NRNREF_MECH_LIB BSB_NMODL_CACHE=off "$1" --add-modules jdk.incubator.vector -cp "$CP" \
    org.bsb.benchmarks.nmodl.StellateBenchmark "$COPIES" 2>/dev/null | grep 'cell(s)' | sed 's/.*ours cpu \([0-9.]*\) s.*/\1/'
}
R=""
for r in $(seq "$ROUNDS"); do
  a=$(one "$J17"); b=$(one "$J25")
  echo "round $r: Java 17 $a s, Java 25 $b s"
  R="$R $(echo "$b $a" | awk '{printf "%.4f", $1/$2}')"
done
echo "$R" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median Java 25 / Java 17: %.3f\n", m}'
