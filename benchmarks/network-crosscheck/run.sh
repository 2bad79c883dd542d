#!/usr/bin/env bash
# The tutorial network (compiled with seed 1), simulated by ours, then cross-checked against NEURON by
# crosscheck.py. The tutorial's config gets three recorders more (in a scratch copy, never in the repository):
# a spike_recorder on every cell, soma voltage recorders on cells 0-2, and the AMPA/NMDA currents of cell 0,
# the cell the spike generator drives.
#
#   run.sh default [crosscheck options]     the embedded default model (our synapse mod files, compiled for
#                                           NEURON here with $NRNIVMODL)
#   run.sh catalogue [crosscheck options]   the dbbs catalogue: CATALOGUE=<catalogue>/dbbs_catalogue/mods/neuron
#                                           (compiled there with nrnivmodl: x86_64/libnrnmech.so)
#
# Environment: SEED (default 1), NRNIVMODL (default nrnivmodl), NRNREF_DIR (the shared NEURON reference),
# WORK (scratch folder, default a new temporary one; it keeps the network, our results and NEURON's build).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MODE=${1:-default}
shift || true
WORK=${WORK:-$(mktemp -d)}
mkdir -p "$WORK/project"
cd "$WORK/project"
cp "$ROOT/examples/neuron-simulation/neuron-simulation.yaml" .
rm -rf data && cp -r "$ROOT/examples/neuron-simulation/data" .
/usr/bin/python3 - <<'EOF'
import yaml
with open("neuron-simulation.yaml") as f:
    config = yaml.safe_load(f)
devices = config["simulations"]["neuronsim"]["devices"]
devices["all_spikes"] = {"device": "spike_recorder", "targetting": {"strategy": "all"}}
devices["soma_v"] = {"device": "voltage_recorder",
                     "targetting": {"strategy": "by_id", "ids": {"stellate_cell": [0, 1, 2]}}}
devices["syn0"] = {"device": "synapse_recorder", "synapse_types": ["AMPA", "NMDA"],
                   "targetting": {"strategy": "by_id", "ids": {"stellate_cell": [0]}},
                   "locations": {"strategy": "branch", "labels": ["dendrites"]}}
with open("crosscheck.yaml", "w") as f:
    yaml.safe_dump(config, f, sort_keys=False)
EOF
"$ROOT/bsb" compile --clear --seed "${SEED:-1}" crosscheck.yaml
rm -rf results
case "$MODE" in
  default)
    mkdir -p "$WORK/synmods"
    cp "$ROOT"/examples/neuron-simulation/mechanisms/*.mod "$WORK/synmods/"
    # nrnivmodl's final link of 'special' may fail; the library is what counts
    (cd "$WORK/synmods" && "${NRNIVMODL:-nrnivmodl}" >nrnivmodl.log 2>&1) || true
    LIB=$WORK/synmods/x86_64/libnrnmech.so
    [ -f "$LIB" ] || { echo "nrnivmodl did not build $LIB (see $WORK/synmods/nrnivmodl.log)" >&2; exit 2; }
    env -u BSB_MECHANISM_PATH "$ROOT/bsb" simulate my_network.hdf5 neuronsim -o results --format hdf5
    ;;
  catalogue)
    : "${CATALOGUE:?set CATALOGUE to the mods/neuron folder of the dbbs catalogue}"
    LIB=$CATALOGUE/x86_64/libnrnmech.so
    BSB_MECHANISM_PATH=$CATALOGUE "$ROOT/bsb" simulate my_network.hdf5 neuronsim -o results --format hdf5
    ;;
  *) echo "usage: run.sh default|catalogue [crosscheck options]" >&2; exit 2 ;;
esac
exec /usr/bin/python3 "$HERE/crosscheck.py" my_network.hdf5 neuronsim --mech-lib "$LIB" \
  --results "$(ls results/neuronsim-*.h5)" "$@"
