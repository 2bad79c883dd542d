#!/usr/bin/python3
"""NEURON reference for ConnectionsVersusNeuronTest: what a connection (NetCon) does.

Four cells A-D, each a soma (hh), a tapered passive dendrite (5 segments) and an hh axon
(3 segments), both attached to the soma's 1-end. An IClamp drives A; a NetStim adds a few
events onto B. The connections cover
  - threshold detection away from the soma: on a dendrite segment, mid-axon, and at an
    axon's 1-end (a node without membrane), with thresholds -20 and 0 mV;
  - delays 0.1 ms (the minimum: 4 steps), 1.3 ms, 0.77 ms (30.8 steps), 1.3125 ms (52.5 steps:
    due exactly half a step after a step boundary) and others;
  - weights on ExpSyn and Exp2Syn, one Exp2Syn inhibitory (e = -80 mV);
  - two NetCons from different cells onto one ExpSyn, and two synapses on one cell;
  - a self-connection: D's axon spikes onto an Exp2Syn on D's own dendrite, delay 3.7 ms;
  - a threshold below v_init (-70 mV on C's axon, onto C's own inhibitory synapse): NEURON's
    detector starts "below" at finitialize, so it fires at the first step (t = 1e-10 ms), and
    again whenever v recovers upwards through -70 mV after a spike's after-hyperpolarisation.
NEURON records a detector's spike at the end time of the step in which v first exceeds the
threshold plus 1e-10 ms (ConditionEvent::check: send(t + teps)), and its NetCons deliver at that
time plus their delay; a NetStim's spike is recorded at its own event time.

The setup below is the single source of truth: it is written to setup.json, which the Java
test reads to build the same network (so the two cannot disagree). Outputs, next to this file:
  setup.json       the network and run settings
  traces.csv       t, every cell's soma v (mV), every synapse's i (nA), every step, 12 significant digits
  spikes.json      per spike source, the times its NetCon recorded (NetCon.record), full precision

Run with the interpreter that has NEURON's Python bindings (NEURON 8.2.2, built-in mechanisms only):
    /usr/bin/python3 simulator-neuron/mechanisms/src/test/resources/connections-reference/make_connections_reference.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# The setup (everything the Java test needs). Sections in parent-first order; 3-D points are
# x, y, z, diam (µm); both children attach their 0-end to the soma's 1-end.
CELL = [
    {"name": "soma", "parent": -1, "pt3d": [[0, 0, 0, 20], [20, 0, 0, 20]], "nseg": 1, "Ra": 100.0, "cm": 1.0,
     "mechanisms": {"hh": {}}},
    {"name": "dend", "parent": 0, "pt3d": [[20, 0, 0, 3], [20, 120, 0, 2], [20, 240, 0, 1.5]], "nseg": 5,
     "Ra": 150.0, "cm": 1.0, "mechanisms": {"pas": {"g": 1e-4, "e": -65.0}}},
    {"name": "axon", "parent": 0, "pt3d": [[20, 0, 0, 1], [20, -150, 0, 1]], "nseg": 3, "Ra": 100.0, "cm": 1.0,
     "mechanisms": {"hh": {}}},
]

SETUP = {
    "run": {"dt": 0.025, "tstop": 100.0, "celsius": 6.3, "v_init": -65.0},
    "cell": CELL,
    "cells": ["A", "B", "C", "D"],
    "iclamps": [
        {"cell": "A", "section": "soma", "x": 0.5, "del": 2.0, "dur": 90.0, "amp": 0.25},
    ],
    "netstims": [
        {"name": "ns", "start": 61.0, "interval": 6.0, "number": 3, "noise": 0},
    ],
    "synapses": [
        {"name": "B_exp", "cell": "B", "section": "dend", "x": 0.7, "type": "ExpSyn", "params": {"tau": 2.0, "e": 0.0}},
        {"name": "C_exp", "cell": "C", "section": "dend", "x": 0.5, "type": "ExpSyn", "params": {"tau": 3.0, "e": 0.0}},
        {"name": "C_inh", "cell": "C", "section": "dend", "x": 0.9, "type": "Exp2Syn",
         "params": {"tau1": 0.5, "tau2": 6.0, "e": -80.0}},
        {"name": "D_exp2", "cell": "D", "section": "dend", "x": 0.3, "type": "Exp2Syn",
         "params": {"tau1": 0.3, "tau2": 3.0, "e": 0.0}},
        {"name": "D_self", "cell": "D", "section": "dend", "x": 0.9, "type": "Exp2Syn",
         "params": {"tau1": 1.0, "tau2": 4.0, "e": 0.0}},
    ],
    # spike sources: a threshold detector on v at section(x), or a NetStim's output
    "sources": [
        {"name": "A_soma", "cell": "A", "section": "soma", "x": 0.5, "threshold": -20.0},
        {"name": "A_axon_end", "cell": "A", "section": "axon", "x": 1.0, "threshold": 0.0},
        {"name": "A_dend", "cell": "A", "section": "dend", "x": 0.1, "threshold": -20.0},
        {"name": "B_soma", "cell": "B", "section": "soma", "x": 0.5, "threshold": -20.0},
        {"name": "B_axon", "cell": "B", "section": "axon", "x": 0.5, "threshold": 0.0},
        {"name": "C_soma", "cell": "C", "section": "soma", "x": 0.5, "threshold": -20.0},
        {"name": "C_axon_low", "cell": "C", "section": "axon", "x": 0.5, "threshold": -70.0},
        {"name": "D_soma", "cell": "D", "section": "soma", "x": 0.5, "threshold": -20.0},
        {"name": "D_axon_end", "cell": "D", "section": "axon", "x": 1.0, "threshold": 0.0},
        {"name": "ns", "netstim": "ns"},
    ],
    "connections": [
        {"source": "A_axon_end", "target": "B_exp", "delay": 1.3, "weight": 0.006},
        {"source": "ns", "target": "B_exp", "delay": 0.5, "weight": 0.004},
        {"source": "A_dend", "target": "C_exp", "delay": 0.1, "weight": 0.005},
        {"source": "B_soma", "target": "C_exp", "delay": 1.3125, "weight": 0.005},
        {"source": "B_axon", "target": "C_inh", "delay": 0.77, "weight": 0.002},
        {"source": "C_axon_low", "target": "C_inh", "delay": 0.5, "weight": 0.001},
        {"source": "C_soma", "target": "D_exp2", "delay": 2.0, "weight": 0.005},
        {"source": "D_axon_end", "target": "D_self", "delay": 3.7, "weight": 0.008},
    ],
}


def build(h, setup):
    cells = {}
    for c in setup["cells"]:
        secs = {}
        order = []
        for s in setup["cell"]:
            sec = h.Section(name="%s_%s" % (c, s["name"]))
            for x, y, z, d in s["pt3d"]:
                h.pt3dadd(x, y, z, d, sec=sec)
            sec.nseg = s["nseg"]
            sec.Ra = s["Ra"]
            sec.cm = s["cm"]
            for m, params in s["mechanisms"].items():
                sec.insert(m)
                for p, v in params.items():
                    for seg in sec:
                        setattr(getattr(seg, m), p, v)
            if s["parent"] >= 0:
                sec.connect(order[s["parent"]](1.0), 0.0)
            order.append(sec)
            secs[s["name"]] = sec
        cells[c] = secs
    keep = []
    for ic in setup["iclamps"]:
        stim = h.IClamp(cells[ic["cell"]][ic["section"]](ic["x"]))
        stim.delay, stim.dur, stim.amp = ic["del"], ic["dur"], ic["amp"]
        keep.append(stim)
    stims = {}
    for n in setup["netstims"]:
        ns = h.NetStim()
        ns.start, ns.interval, ns.number, ns.noise = n["start"], n["interval"], n["number"], n["noise"]
        stims[n["name"]] = ns
        keep.append(ns)
    syns = {}
    for s in setup["synapses"]:
        syn = getattr(h, s["type"])(cells[s["cell"]][s["section"]](s["x"]))
        for p, v in s["params"].items():
            setattr(syn, p, v)
        syns[s["name"]] = syn
    sources = {s["name"]: s for s in setup["sources"]}

    def netcon(src, target):
        if "netstim" in src:
            return h.NetCon(stims[src["netstim"]], target)
        sec = cells[src["cell"]][src["section"]]
        nc = h.NetCon(sec(src["x"])._ref_v, target, sec=sec)
        nc.threshold = src["threshold"]
        return nc

    # one recording NetCon per source (a NetCon's record() records its source's spikes)
    spikes = {}
    for s in setup["sources"]:
        nc = netcon(s, None)
        vec = h.Vector()
        nc.record(vec)
        keep.append(nc)
        spikes[s["name"]] = vec
    for c in setup["connections"]:
        nc = netcon(sources[c["source"]], syns[c["target"]])
        nc.delay = c["delay"]
        nc.weight[0] = c["weight"]
        keep.append(nc)
    return cells, syns, spikes, keep


def main():
    from neuron import h
    h.load_file("stdrun.hoc")
    run = SETUP["run"]
    h.secondorder = 0
    h.cvode_active(0)
    h.dt = run["dt"]
    h.steps_per_ms = 1.0 / run["dt"]
    h.celsius = run["celsius"]
    cells, syns, spikes, keep = build(h, SETUP)
    t = h.Vector().record(h._ref_t)
    cols = [("v_%s_soma" % c, h.Vector().record(cells[c]["soma"](0.5)._ref_v)) for c in SETUP["cells"]]
    cols += [("i_%s" % s["name"], h.Vector().record(syns[s["name"]]._ref_i)) for s in SETUP["synapses"]]
    h.finitialize(run["v_init"])
    h.continuerun(run["tstop"])

    with open(os.path.join(HERE, "setup.json"), "w") as f:
        json.dump(SETUP, f, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, "traces.csv"), "w") as f:
        f.write(",".join(["t"] + [k for k, _ in cols]) + "\n")
        for i in range(len(t)):
            f.write(",".join(["%.6g" % t[i]] + ["%.12g" % v[i] for _, v in cols]) + "\n")
    out = {"neuron_version": h.nrnversion(), "spikes": {k: list(v) for k, v in spikes.items()}}
    with open(os.path.join(HERE, "spikes.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    for k, v in spikes.items():
        print("%-11s %2d spikes %s" % (k, len(v), " ".join("%.3f" % x for x in v)))


if __name__ == "__main__":
    main()
