#!/usr/bin/env bash
# The tutorial network, 100 ms, timed in alternating rounds on one compiled network file: per round NEURON
# (1 thread), then ours with the vector form (1 and 2 threads) and with the scalar form (1 thread); prints each
# run's time and, at the end, the median per-round ratios to NEURON. Needs the dbbs catalogue:
#   CATALOGUE=<catalogue>/dbbs_catalogue/mods/neuron benchmarks/tutorial-network/rounds.sh [rounds]
# Ours runs in the distribution (bin/bsb, which adds the Vector API module; BSB_NMODL_VECTOR=off gives the scalar
# form); EXTRA_JAVA_OPTS passes JVM options. Each run of ours also reports its peak heap after garbage collection
# per compartment (bsb simulate -v 2), printed at the end as the median of the 1-thread vector runs.
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
MEM=$(mktemp)
ours() { # form threads
  local out log
  out=$(mktemp -d)
  log=$(BSB_NMODL_VECTOR=$1 BSB_JAVA_OPTS="${EXTRA_JAVA_OPTS:-}" BSB_MECHANISM_PATH=$CATALOGUE "$BSB" simulate \
    my_network.hdf5 neuronsim -o "$out" --threads "$2" -v 2 2>/dev/null)
  [ "$1/$2" = on/1 ] && echo "$log" | grep 'peak heap after garbage collection' >> "$MEM"
  echo "$log" | grep Simulated | sed 's/.* in \([0-9.]*\) s.*/\1/'
  rm -rf "$out"
}
LOG=$(mktemp)
for r in $(seq "$ROUNDS"); do
  n=$(/usr/bin/python3 "$HERE/neuron_network.py" my_network.hdf5 --mech-lib "$CATALOGUE/x86_64/libnrnmech.so" \
        --reference-dir "$REF" | sed 's/.*"wall_s": \([0-9.]*\).*/\1/')
  v1=$(ours on 1); s1=$(ours off 1); v2=$(ours on 2)
  echo "round $r: NEURON $n s; ours vector 1t $v1 s, scalar 1t $s1 s, vector 2t $v2 s" | tee -a "$LOG"
done
/usr/bin/python3 - "$LOG" "$MEM" <<'PY'
import re, statistics, sys
rows = [list(map(float, re.findall(r"([0-9.]+) s", l))) for l in open(sys.argv[1])]
for k, name in [(1, "vector 1t"), (2, "scalar 1t"), (3, "vector 2t")]:
    print(f"median ours/NEURON {name}: {statistics.median(r[k] / r[0] for r in rows):.3f}")
print(f"median 2-thread speed-up (vector): {statistics.median(r[1] / r[3] for r in rows):.2f}")
mem = [l for l in open(sys.argv[2])]
kb = [float(re.search(r"([0-9.]+) kB per compartment", l).group(1)) for l in mem]
mb = [float(re.search(r"collection ([0-9.]+) MB", l).group(1)) for l in mem if re.search(r"collection ([0-9.]+) MB", l)]
if kb:
    print(f"median peak heap after garbage collection (vector 1t, whole framework included): "
          f"{statistics.median(mb) if mb else float('nan'):.0f} MB, {statistics.median(kb):.1f} kB per compartment")
PY
rm -f "$LOG" "$MEM"
