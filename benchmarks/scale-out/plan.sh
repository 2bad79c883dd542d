#!/usr/bin/env bash
# Planning numbers for docs/scale-out-planning.md: DryRunPlan (src/main/java) on the tutorial network and on it
# tiled 4x and 16x (same density, connectivity and devices; the box grown in x and y), for a few dry-run rank
# counts. Compiled with javac against the built distribution's bundles (plain jars on a class path here; the
# Hazelcast bundle left out so that the adapter's cluster seam finds the dry run), -Xmx4g, one JVM per network.
#
#   benchmarks/scale-out/plan.sh [ranks]          # ranks: comma list, default 2,4,8,16
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
RANKS=${1:-2,4,8,16}
[ -x "$ROOT/launcher/target/dist/bin/bsb" ] || { echo "build the distribution first (./bsb --help)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/bsb-scale-out-plan.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
cp -r "$ROOT/launcher/target/dist" "$WORK/dist"
CP=$(ls "$WORK"/dist/bundles/*.jar | grep -v -e hazelcast -e '/org\.apache\.felix' | tr '\n' ':')
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" $(find "$HERE/src/main/java" -name '*.java')
cp -r "$HERE/src/main/resources/." "$WORK/classes/"
mkdir -p "$WORK/net"
cp -r "$ROOT/examples/neuron-simulation/data" "$WORK/net/"
cd "$WORK/net"
for tile in 1 4 16; do
  case $tile in
    1) x=100; y=200;; 4) x=200; y=400;; 16) x=400; y=800;;
  esac
  sed -e "s/^  x: 200$/  x: $x/" -e "s/^  y: 400$/  y: $y/" -e "s/root: tiled-4x.hdf5/root: tiled-${tile}x.hdf5/" \
    "$HERE/tiled-4x.yaml" > "tiled-${tile}x.yaml"
  "$WORK/dist/bin/bsb" compile --clear --seed "${SEED:-1}" "tiled-${tile}x.yaml" | tail -n 1
  echo "== tutorial tiled ${tile}x"
  java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=error --add-modules jdk.incubator.vector -cp "$WORK/classes:$CP" \
    org.bsb.benchmarks.scaleout.DryRunPlan "tiled-${tile}x.hdf5" neuronsim "$RANKS" 2> >(grep -v -e WARNING -e 'incubator' >&2)
done
