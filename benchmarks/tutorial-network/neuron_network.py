#!/usr/bin/python3
"""NEURON runs the compiled tutorial network, as bsb-neuron builds it, and reports its time.

Reads a network file written by `bsb compile` (h5py), builds every placed stellate cell with the
cell builder of the NEURON reference (`build_reference.py` of the project's shared reference data,
which follows arborize's rules), adds the tutorial's connection model (one transmitter per
(pre cell, pre branch) at arc(0.5) of the branch's first location, threshold -20 mV; a new GABA
synapse per connection at the post location's arc midpoint, weight 0.001, delay 1), the spike
generator (NetStim start 9, number 1, weight 0.01, delay 1 onto AMPA and NMDA synapses inserted at
x = 0.5 of each dendritic branch of cell 0, DESIGN §9), records the soma voltage of every cell and
runs 100 ms at dt 0.025, 32 °C, from -65 mV, single-threaded. Prints wall and CPU seconds of the
run (construction excluded) and the soma spike count.

Usage: neuron_network.py NETWORK.hdf5 --mech-lib <catalogue>/x86_64/libnrnmech.so
       [--reference-dir <shared>/data/neuron-reference]
"""
import argparse
import json
import os
import sys
import time

import h5py
import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("network")
    ap.add_argument("--mech-lib", required=True)
    ap.add_argument("--reference-dir", default=os.environ.get(
        "NRNREF_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "neuron-reference")))
    args = ap.parse_args()
    sys.path.insert(0, os.path.abspath(args.reference_dir))
    import build_reference as br
    br.parse_args(["--mech-lib", args.mech_lib])
    h = br.get_h()
    br.setup_sim()
    definition, tags = br.load_definition()

    f = h5py.File(args.network, "r")
    placement = f["placement/stellate_cell"]
    positions = np.concatenate([placement[c]["position"][()] for c in sorted(placement, key=int)])
    cells = [br.build_cell(i, definition, tags) for i in range(len(positions))]
    keep = []
    transmitters = {}
    n_connections = 0
    if "connectivity/stellate_to_stellate" in f:
        cs = f["connectivity/stellate_to_stellate"]
        for chunk in sorted(cs, key=int):
            pre = cs[chunk]["pre_locs"][()]
            post = cs[chunk]["post_locs"][()]
            for (pc, pb, _), (qc, qb, qp) in zip(pre, post):
                key = (int(pc), int(pb))
                if key not in transmitters:
                    loc = cells[pc].locations[(int(pb), 0)]
                    transmitters[key] = (loc.sec, loc.arc(0.5))
                sec, x = transmitters[key]
                syn = br.insert_synapse(cells[qc], cells[qc].locations[(int(qb), int(qp))], "GABA")
                nc = h.NetCon(sec(x)._ref_v, syn["pp"], sec=sec)
                nc.threshold = -20
                nc.weight[0] = 0.001
                nc.delay = 1
                keep.append(nc)
                n_connections += 1
    for loc in br.branch_locations(cells[0], ("dendrites",), 0.5):
        for label in ("AMPA", "NMDA"):
            syn = br.insert_synapse(cells[0], loc, label)
            br.stimulate(syn["pp"], 9, 1, 0.01, 1, keep)
    t = br.record(h._ref_t)
    v = [br.record(c.soma(0.5)._ref_v) for c in cells]

    wall, cpu = time.perf_counter(), time.process_time()
    br.run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    spikes = sum(len(br.spike_times(t, vi)) for vi in v)
    print(json.dumps({"simulator": "NEURON " + h.nrnversion(), "cells": len(cells), "connections": n_connections,
                      "samples": len(t), "soma_spikes": spikes, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}))


if __name__ == "__main__":
    main()
