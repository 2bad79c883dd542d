#!/usr/bin/python3
"""NEURON side of the Stellate + dbbs catalogue benchmark (simulator-neuron/nmodl/benchmark.sh).

Builds the Stellate cell from the shared reference's sections.json (geometry, nseg, Ra, cm, mechanisms with
their NEURON names and parameters, ions), adds an IClamp of 0.3 nA at the soma (20-80 ms), runs 100 ms
(dt 0.025, 32 degC, v_init -65, fixed step) for 1 cell and for 30 unconnected copies, and prints the best
CPU (process) and wall times of finitialize + run as JSON.

Usage: /usr/bin/python3 neuron_timing.py <libnrnmech.so> <sections.json> [repeats] [copies]
"""
import json, sys, time
from neuron import h

lib, sections_file = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
h.nrn_load_dll(lib)
spec = json.load(open(sections_file))["sections"]


def build(prefix):
    secs = []
    for s in spec:
        sec = h.Section(name=prefix + s["name"])
        for x, y, z, d in s["pt3d"]:
            h.pt3dadd(x, y, z, d, sec=sec)
        sec.nseg = s["nseg"]
        sec.Ra = s["Ra"]
        sec.cm = s["cm"]
        for m in s["mechanisms"].values():
            sec.insert(m["neuron_name"])
            for k, v in m["params"].items():
                setattr(sec, k + "_" + m["neuron_name"], v)
        for ion, props in s["ions"].items():
            if props.get("rev_pot") is not None:
                setattr(sec, "e" + ion, props["rev_pot"])
            if props.get("int_con") is not None:
                setattr(sec, ion + "i", props["int_con"])
            if props.get("ext_con") is not None:
                setattr(sec, ion + "o", props["ext_con"])
        if s["parent"] >= 0:
            sec.connect(secs[s["parent"]](1.0), 0.0)
        secs.append(sec)
    return secs


def timed(copies):
    cells = [build("c%d_" % c) for c in range(copies)]
    clamps = []
    for cell in cells:
        ic = h.IClamp(cell[0](0.5))
        ic.delay, ic.dur, ic.amp = 20.0, 60.0, 0.3
        clamps.append(ic)
    v = h.Vector().record(cells[0][0](0.5)._ref_v)
    h.celsius, h.dt, h.secondorder = 32, 0.025, 0
    best_cpu = best_wall = None
    for _ in range(repeats):
        c0, w0 = time.process_time(), time.perf_counter()
        h.finitialize(-65)
        while h.t < 100 - h.dt / 2:
            h.fadvance()
        c1, w1 = time.process_time(), time.perf_counter()
        best_cpu = c1 - c0 if best_cpu is None else min(best_cpu, c1 - c0)
        best_wall = w1 - w0 if best_wall is None else min(best_wall, w1 - w0)
    out = {"copies": copies, "cpu_s": best_cpu, "wall_s": best_wall, "v_end": v[-1]}
    for cell in cells:
        for sec in cell:
            h.delete_section(sec=sec)
    return out


copies = int(sys.argv[4]) if len(sys.argv) > 4 else 1
print(json.dumps(timed(copies)))
