#!/usr/bin/env bash
# The tutorial network, 100 ms, timed in alternating rounds on one compiled network file: per round NEURON
# (1 thread), then ours with the vector form (1 and 2 threads) and with the scalar form (1 thread); prints each
# run's time and, at the end, the median per-round ratios to NEURON. Needs the dbbs catalogue:
#   CATALOGUE=<catalogue>/dbbs_catalogue/mods/neuron benchmarks/tutorial-network/rounds.sh [rounds]
# Ours runs in the distribution (bin/bsb) with BSB_JAVA_OPTS="--add-modules jdk.incubator.vector" added, as the
# launcher does not pass it yet; EXTRA_JAVA_OPTS adds more (e.g. -Xlog:gc for the heap after GC).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${CATALOGUE:?set CATALOGUE to the mods/neuron folder of the dbbs catalogue}"
ROUNDS=${1:-3}
REF=${NRNREF_DIR:-$ROOT/../shared/data/neuron-reference}
cd "$ROOT/examples/neuron-simulation"
"$ROOT/bsb" compile --clear --seed "${SEED:-1}" neuron-simulation.yaml > /dev/null
# the distribution itself (the root ./bsb would rebuild it mid-run whenever a source changes)
BSB="$ROOT/launcher/target/dist/bin/bsb"
VEC="--add-modules jdk.incubator.vector ${EXTRA_JAVA_OPTS:-}"
ours() { # form threads
  local out
  out=$(mktemp -d)
  BSB_NMODL_VECTOR=$1 BSB_JAVA_OPTS="$VEC" BSB_MECHANISM_PATH=$CATALOGUE "$BSB" simulate my_network.hdf5 neuronsim \
    -o "$out" --threads "$2" 2>/dev/null | grep Simulated | sed 's/.* in \([0-9.]*\) s.*/\1/'
  rm -rf "$out"
}
LOG=$(mktemp)
for r in $(seq "$ROUNDS"); do
  n=$(/usr/bin/python3 "$HERE/neuron_network.py" my_network.hdf5 --mech-lib "$CATALOGUE/x86_64/libnrnmech.so" \
        --reference-dir "$REF" | sed 's/.*"wall_s": \([0-9.]*\).*/\1/')
  v1=$(ours on 1); s1=$(ours off 1); v2=$(ours on 2)
  echo "round $r: NEURON $n s; ours vector 1t $v1 s, scalar 1t $s1 s, vector 2t $v2 s" | tee -a "$LOG"
done
/usr/bin/python3 - "$LOG" <<'PY'
import re, statistics, sys
rows = [list(map(float, re.findall(r"([0-9.]+) s", l))) for l in open(sys.argv[1])]
for k, name in [(1, "vector 1t"), (2, "scalar 1t"), (3, "vector 2t")]:
    print(f"median ours/NEURON {name}: {statistics.median(r[k] / r[0] for r in rows):.3f}")
print(f"median 2-thread speed-up (vector): {statistics.median(r[1] / r[3] for r in rows):.2f}")
PY
rm -f "$LOG"
