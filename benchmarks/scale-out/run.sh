#!/usr/bin/env bash
# The scale-out benchmark of issue 17 (noted, not asserted): the tutorial network tiled 4x (tiled-4x.yaml,
# ~120 cells), 100 ms, simulated by 2 processes of 1 thread (bsb simulate --cluster ... --rank K) against
# 1 process of 2 threads, alternated round by round in this run. Prints per round the stepping time (the
# adapter's "Simulated ... in"), the command's wall time, the exchange statistics of both ranks (-v 2) and the
# hash of the hdf5 results (every dataset; /usr/bin/python3 + h5py), then the medians.
#
#   benchmarks/scale-out/run.sh [rounds]                       # embedded default model (no catalogue)
#   CATALOGUE=/work/cat/dbbs_catalogue/mods/neuron benchmarks/scale-out/run.sh 3   # also with the dbbs catalogue
#
# Uses the built distribution (launcher/target/dist; build it with ./bsb or mvn package), copied once into a
# scratch folder so that a rebuild during the run does not change what is measured. Environment: SEED (1),
# PORT (first loopback port, 5821; each round uses two new ones), KEEP=1 keeps the scratch folder.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ROUNDS=${1:-5}
SEED=${SEED:-1}
PORT=${PORT:-5821}
PY=${PYTHON:-/usr/bin/python3}
[ -x "$ROOT/launcher/target/dist/bin/bsb" ] || { echo "build the distribution first (./bsb --help)" >&2; exit 1; }
WORK=$(mktemp -d /tmp/bsb-scale-out.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
cp -r "$ROOT/launcher/target/dist" "$WORK/dist"
BSB="$WORK/dist/bin/bsb"
mkdir -p "$WORK/net"
cp -r "$ROOT/examples/neuron-simulation/data" "$WORK/net/"
cp "$HERE/tiled-4x.yaml" "$WORK/net/"
cd "$WORK/net"
"$BSB" compile --clear --seed "$SEED" tiled-4x.yaml | tail -n 1

hash() { # the hdf5 results file's datasets hashed (as /work/baseline/hash.py): one hash for the whole file
  "$PY" - "$1" <<'EOF'
import h5py, hashlib, sys
out = {}
def visit(name, obj):
    if isinstance(obj, h5py.Dataset):
        data = obj[()]
        out[name] = hashlib.sha1(data.tobytes() if obj.shape != () else repr(data).encode()).hexdigest()[:12]
with h5py.File(sys.argv[1], "r") as f:
    f.visititems(visit)
print(sys.argv[1], len(out), "datasets, combined",
      hashlib.sha1("".join(f"{k}={out[k]}\n" for k in sorted(out)).encode()).hexdigest()[:16])
EOF
}
now() { date +%s.%N; }
stepping() { sed -n 's/.*Simulated .* in \([0-9.]*\) s.*/\1/p' "$1" | tail -n 1; }
# "rank 0: 103 exchange rounds, 208 spikes sent, 0 received, median round 1401.7 µs" -> "103 208 0 1401.7"
exchange() { sed -n 's/.*rank [0-9]*: \([0-9]*\) exchange rounds, \([0-9]*\) spikes sent, \([0-9]*\) received, median round \([0-9.]*\) .*/\1 \2 \3 \4/p' "$1" | tail -n 1; }

one() { # label -> "wall stepping hash"
  local out="$WORK/out-$1" t0 t1
  rm -rf "$out"; mkdir -p "$out"
  t0=$(now)
  "$BSB" simulate tiled-4x.hdf5 neuronsim -o "$out" --format hdf5 --threads 2 -v 2 > "$out.log" 2>&1
  t1=$(now)
  echo "$(awk "BEGIN{print $t1 - $t0}") $(stepping "$out.log") $(hash "$out"/*.h5 | awk '{print $NF}')"
}
two() { # label round -> "wall stepping hash rank0-exchange rank1-exchange"
  local out="$WORK/out-$1" p1=$((PORT + 2 * $2)) p2=$((PORT + 2 * $2 + 1)) t0 t1 pid
  local members="127.0.0.1:$p1,127.0.0.1:$p2"
  rm -rf "$out"; mkdir -p "$out"
  t0=$(now)
  "$BSB" simulate tiled-4x.hdf5 neuronsim -o "$out" --format hdf5 --threads 1 -v 2 --cluster "$members" --rank 1 \
    > "$out.r1.log" 2>&1 &
  pid=$!
  "$BSB" simulate tiled-4x.hdf5 neuronsim -o "$out" --format hdf5 --threads 1 -v 2 --cluster "$members" --rank 0 \
    > "$out.r0.log" 2>&1 || { cat "$out.r0.log" >&2; kill "$pid" 2>/dev/null; exit 1; }
  wait "$pid" || { cat "$out.r1.log" >&2; exit 1; }
  t1=$(now)
  echo "$(awk "BEGIN{print $t1 - $t0}") $(stepping "$out.r0.log") $(hash "$out"/*.h5 | awk '{print $NF}') $(exchange "$out.r0.log") $(exchange "$out.r1.log")"
}

run_model() { # model-label
  local table="$WORK/$1.tsv" r a b
  echo "# model $1: round order | 1p2t: wall stepping hash | 2p1t: wall stepping hash | r0: rounds sent received median_us | r1: same"
  : > "$table"
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) = 1 ]; then
      a=$(one "$1-$r-1p"); b=$(two "$1-$r-2p" "$r"); order="1p,2p"
    else
      b=$(two "$1-$r-2p" "$r"); a=$(one "$1-$r-1p"); order="2p,1p"
    fi
    echo "$r $order | $a | $b" | tee -a "$table"
  done
  "$PY" - "$table" "$1" <<'EOF'
import statistics as st, sys
rows = []
for line in open(sys.argv[1]):
    parts = line.split("|")
    a, b = parts[1].split(), parts[2].split()
    rows.append((float(a[0]), float(a[1]), a[2], float(b[0]), float(b[1]), b[2], [float(x) for x in b[3:]]))
step = [r[4] / r[1] for r in rows]
wall = [r[3] / r[0] for r in rows]
hashes = {r[2] for r in rows} | {r[5] for r in rows}
print(f"{sys.argv[2]}: {len(rows)} rounds")
print(f"  stepping 1 process 2 threads: median {st.median(r[1] for r in rows):.2f} s;"
      f" 2 processes: median {st.median(r[4] for r in rows):.2f} s")
print(f"  stepping ratio 2p/1p: median {st.median(step):.2f} (min {min(step):.2f}, max {max(step):.2f})")
print(f"  command ratio 2p/1p:  median {st.median(wall):.2f} (1p {st.median(r[0] for r in rows):.1f} s,"
      f" 2p {st.median(r[3] for r in rows):.1f} s)")
x = [r[6] for r in rows]
print(f"  exchange: {x[0][0]:.0f} rounds; spikes sent by rank 0 / rank 1: {x[0][1]:.0f} / {x[0][5]:.0f};"
      f" median round, median over runs: rank 0 {st.median(v[3] for v in x):.0f} us,"
      f" rank 1 {st.median(v[7] for v in x):.0f} us")
print("  results: " + ("all identical, " + hashes.pop() if len(hashes) == 1 else f"DIFFER: {sorted(hashes)}"))
EOF
}

echo "scratch: $WORK"
if [ "${DEFAULT_MODEL:-1}" = 1 ]; then
  # The tutorial's Stellate.py without the catalogue: the embedded default model (hh, pas, AMPA/NMDA/GABA)
  (unset BSB_MECHANISM_PATH; run_model default)
fi
if [ -n "${CATALOGUE:-}" ]; then
  export BSB_MECHANISM_PATH=$CATALOGUE # GPL: read from where it is, never copied into the repository
  run_model dbbs
fi
