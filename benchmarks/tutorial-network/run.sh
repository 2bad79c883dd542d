#!/usr/bin/env bash
# The tutorial network, 100 ms: NEURON (1 thread) and ours (1 and 2 threads) on the same compiled
# network file, one after the other in this run. Needs the dbbs catalogue's NEURON mod files:
#   CATALOGUE=<catalogue>/dbbs_catalogue/mods/neuron   (compiled there with nrnivmodl, x86_64/)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${CATALOGUE:?set CATALOGUE to the mods/neuron folder of the dbbs catalogue}"
REF=${NRNREF_DIR:-$ROOT/../shared/data/neuron-reference}
cd "$ROOT/examples/neuron-simulation"
"$ROOT/bsb" compile --clear --seed "${SEED:-1}" neuron-simulation.yaml
/usr/bin/python3 "$HERE/neuron_network.py" my_network.hdf5 --mech-lib "$CATALOGUE/x86_64/libnrnmech.so" --reference-dir "$REF"
for t in 1 2; do
  out=$(mktemp -d)
  BSB_MECHANISM_PATH=$CATALOGUE "$ROOT/bsb" simulate my_network.hdf5 neuronsim -o "$out" --threads $t | grep Simulated
  rm -rf "$out"
done
