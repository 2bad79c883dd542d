#!/usr/bin/python3
"""NEURON reference traces of the tutorial's stellate cell with the embedded default model
(../data/stellate-model.yaml: hh, pas and our ../mechanisms synapses).

The cell is built with the construction rules of the Stellate reference builder
(/work/shared/data/neuron-reference/build_reference.py, the project's own NEURON script that
follows bsb-core's SWC parser and arborize's schematic; pass its path with --builder), with
mechanism names used as they are (no glia catalogue) and the YAML model instead of Stellate.py.

Scenarios (NEURON 8.2.2, dt 0.025 ms, 100 ms, 32 degC, finitialize(-65), backward Euler):
  rest             no input
  iclamp_0.1nA     IClamp at soma(0.5), delay 20 ms, dur 60 ms (as the Stellate reference)
  iclamp_0.3nA     same, 0.3 nA
  synaptic         on every dendritic branch (branch targetting, labels [dendrites], x 0.5),
                   one AMPA and one NMDA synapse, each driven by a NetStim (start 9, number 1,
                   weight 1, delay 1), as the tutorial's spike_generator intends
Writes <out>/<scenario>.csv (t, v_soma at every step) and <out>/summary.json (spike times).

Usage:
    cp ../mechanisms/*.mod /tmp/synmods && (cd /tmp/synmods && "$D/nrnivmodl")
    cd /tmp && /usr/bin/python3 default_model_reference.py --mech-lib /tmp/synmods/x86_64/libnrnmech.so \
        --builder /work/shared/data/neuron-reference/build_reference.py --out ../mechanisms/reference/default-model
"""
import argparse
import importlib.util
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
TAGS = {"16": ["dendrites", "proximal_dendrites"], "17": ["dendrites", "distal_dendrites"],
        "18": ["axon", "axon_initial_segment"]}


def load_builder(path, mech_lib, swc):
    spec = importlib.util.spec_from_file_location("build_reference", path)
    br = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(br)
    br.MECH_LIB = mech_lib
    br.SWC_PATH = swc
    br.MARKER_MECH = "AMPA"                      # our library instead of the glia catalogue
    br.catalogue_index = lambda: {}
    br.resolve_mech = lambda mech_id, index, pkg=None: mech_id[0]
    return br


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mech-lib", required=True)
    ap.add_argument("--builder", required=True)
    ap.add_argument("--swc", default=os.path.join(HERE, "..", "data", "StellateCell.swc"))
    ap.add_argument("--model", default=os.path.join(HERE, "..", "data", "stellate-model.yaml"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "mechanisms", "reference", "default-model"))
    args = ap.parse_args()
    br = load_builder(args.builder, os.path.abspath(args.mech_lib), os.path.abspath(args.swc))
    with open(args.model) as f:
        definition = yaml.safe_load(f)
    h = br.get_h()
    br.setup_sim()
    os.makedirs(args.out, exist_ok=True)
    summary = {"neuron": h.nrnversion(), "model": os.path.basename(args.model), "dt": br.DT,
               "tstop": br.TSTOP, "celsius": br.CELSIUS, "v_init": br.V_INIT, "scenarios": {}}
    cell = br.build_cell(0, definition, TAGS, name="StellateCell")
    soma = cell.soma
    summary["sections"] = len(cell.sections)
    summary["segments"] = sum(s.nseg for s in cell.sections)

    def scenario(name, extra=None):
        t = br.record(h._ref_t)
        v = br.record(soma(0.5)._ref_v)
        br.run()
        with open(os.path.join(args.out, name + ".csv"), "w") as f:
            f.write("t,v_soma\n")
            for row in zip(t, v):
                f.write("%.12g,%.12g\n" % row)
        info = {"spikes_soma": br.spike_times(list(t), list(v)), "v_soma_min": min(v), "v_soma_max": max(v),
                "v_soma_end": v[len(v) - 1]}
        info.update(extra or {})
        summary["scenarios"][name] = info
        print(name, json.dumps(info))

    scenario("rest")
    for amp in (0.1, 0.3):
        ic = h.IClamp(soma(0.5))
        ic.delay, ic.dur, ic.amp = 20.0, 60.0, amp
        scenario("iclamp_%.1fnA" % amp, {"amp_nA": amp, "delay_ms": 20.0, "dur_ms": 60.0})
        del ic
    keep = []
    locs = br.branch_locations(cell, labels=("dendrites",), x=0.5)
    for loc in locs:
        for label in ("AMPA", "NMDA"):
            rec = br.insert_synapse(cell, loc, label)
            br.stimulate(rec["pp"], 9, 1, 1.0, 1, keep)
    scenario("synaptic", {"synapse_locations": len(locs), "synapses": 2 * len(locs), "start_ms": 9,
                          "weight": 1.0, "delay_ms": 1})
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
