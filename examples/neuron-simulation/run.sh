#!/usr/bin/env bash
# The tutorial network end to end, as the tutorial runs it: compile the network, simulate it with
# the `neuronsim` simulation and plot the results. Without the dbbs catalogue on
# BSB_MECHANISM_PATH, the cell model falls back to the embedded default model (with a warning).
set -euo pipefail
cd "$(dirname "$0")"
BSB=../../bsb
CONFIG=${1:-neuron-simulation.yaml}
"$BSB" compile --clear --verbosity 2 "$CONFIG"
# neo's NIX file simulation-results/<uuid4>.nio, as the original writes (--format hdf5: our .h5 layout)
"$BSB" simulate my_network.hdf5 neuronsim -o simulation-results
results=$(ls -t simulation-results/*.nio | head -n 1)
"$BSB" plot "$results" --csv
echo "Network: $PWD/my_network.hdf5"
echo "Results: $PWD/$results"
echo "Plots:   $PWD/${results%.nio}-plots/"
