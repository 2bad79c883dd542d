#!/usr/bin/python3
"""NEURON reference traces for the synapse mechanisms of ../mechanisms (AMPA, NMDA, GABA).

One passive single-compartment cell (L = diam = 20 um, cm = 1 uF/cm2, pas g = 1e-4 S/cm2,
e = -55 mV, so that GABA with Erev -65 mV has a driving force) receives one synapse driven by a fixed spike train (NetCon.event, weight 1). The
synapse parameters are the synapse_types of ../data/Stellate.py. Fixed step backward Euler,
dt = 0.025 ms, 200 ms, v_init = -55 mV (rest).

Writes, per synapse type, <out>/<TYPE>_train.csv (t, v, i, g, u, R at every step) and
<out>/synapse_reference.json (setup, spike times, and for each event the released fraction
u_n R_n from the closed-form Tsodyks-Markram recursion next to NEURON's value).
Exits non-zero if NEURON's u and R after each event differ from the recursion by > 1e-12.

Usage (NEURON 8.2 from Debian; compile ../mechanisms with the patched nrnivmodl of
stack-notes.md section 9 first, e.g. in a copy outside the repository):
    /usr/bin/python3 synapse_reference.py --mech-lib <dir>/x86_64/libnrnmech.so --out ../mechanisms/reference
"""
import argparse
import json
import math
import os
import sys

from neuron import h

SPIKES = [10.0, 20.0, 30.0, 40.0, 50.0, 100.0, 103.0, 150.0]

# The synapse_types of Stellate.py (the NMDA variant "stellate" uses our NMDA mechanism).
PARAMETERS = {
    "AMPA": {"tau_facil": 10.8, "tau_rec": 35.1, "tau_1": 10, "gmax": 2300, "U": 0.15},
    "NMDA": {"tau_facil": 5, "tau_rec": 8, "tau_1": 1, "gmax": 10000, "U": 0.15},
    "GABA": {"tau_facil": 0, "tau_rec": 38.7, "tau_1": 1, "gmaxA1": 3230, "U": 0.42, "Erev": -65},
}


def expected_release(p, spikes):
    """u_n R_n of the Maass-Markram event recursion, written out independently of the mod file."""
    out = []
    u, r, last = p["U"], 1.0, None
    for t in spikes:
        if last is not None:
            d = t - last
            r = 1 + (r - u * r - 1) * math.exp(-d / p["tau_rec"])
            u = p["U"] + u * (1 - p["U"]) * math.exp(-d / p["tau_facil"]) if p["tau_facil"] > 0 else p["U"]
        out.append({"t": t, "u": u, "R": r, "uR": u * r})
        last = t
    return out


def run(kind, p, dt=0.025, tstop=200.0):
    soma = h.Section(name="soma_" + kind)
    soma.L = soma.diam = 20
    soma.nseg = 1
    soma.cm = 1
    soma.insert("pas")
    soma.g_pas = 1e-4
    soma.e_pas = -55
    syn = getattr(h, kind)(soma(0.5))
    for k, val in p.items():
        setattr(syn, k, val)
    nc = h.NetCon(None, syn)
    nc.weight[0] = 1
    rec = {name: h.Vector() for name in ("t", "v", "i", "g", "u", "R")}
    rec["t"].record(h._ref_t)
    rec["v"].record(soma(0.5)._ref_v)
    for name in ("i", "g", "u", "R"):
        rec[name].record(getattr(syn, "_ref_" + name))
    h.dt = dt
    h.secondorder = 0
    h.celsius = 32
    h.finitialize(-55)
    for t in SPIKES:
        nc.event(t)
    # u and R right after each event, to compare with the recursion
    after = []
    events = iter(SPIKES)
    next_t = next(events, None)
    while h.t < tstop - dt / 2:
        h.fadvance()
        if next_t is not None and h.t >= next_t + dt / 2:
            after.append((syn.u, syn.R))
            next_t = next(events, None)
    return {k: v.to_python() for k, v in rec.items()}, after


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mech-lib", default=os.environ.get("SYNREF_MECH_LIB", "x86_64/libnrnmech.so"))
    ap.add_argument("--out", default=os.path.join(here, "..", "mechanisms", "reference"))
    args = ap.parse_args()
    if not hasattr(h, "AMPA"):  # NEURON loads ./x86_64/libnrnmech.so by itself when started there
        h.nrn_load_dll(os.path.abspath(args.mech_lib))
    os.makedirs(args.out, exist_ok=True)
    summary = {
        "neuron": h.nrnversion(),
        "cell": {"L": 20, "diam": 20, "nseg": 1, "cm": 1, "g_pas": 1e-4, "e_pas": -55},
        "dt": 0.025, "tstop": 200.0, "v_init": -55, "celsius": 32, "secondorder": 0,
        "weight": 1, "spikes": SPIKES, "synapses": {},
    }
    worst = 0.0
    for kind, p in PARAMETERS.items():
        rec, after = run(kind, p)
        exp = expected_release(p, SPIKES)
        for e, (u, r) in zip(exp, after):
            e["neuron_u"], e["neuron_R"] = u, r
            worst = max(worst, abs(e["u"] - u), abs(e["R"] - r))
        i = rec["i"]
        summary["synapses"][kind] = {
            "parameters": p, "events": exp,
            "peak_current_nA": min(i) if kind != "GABA" else max(i, key=abs),
            "peak_v_mV": max(rec["v"]), "min_v_mV": min(rec["v"]),
        }
        with open(os.path.join(args.out, kind + "_train.csv"), "w") as f:
            f.write("t,v,i,g,u,R\n")
            for row in zip(*(rec[k] for k in ("t", "v", "i", "g", "u", "R"))):
                f.write(",".join("%.12g" % x for x in row) + "\n")
    with open(os.path.join(args.out, "synapse_reference.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print("max |u, R - recursion| = %.3g" % worst)
    return 0 if worst < 1e-12 else 1


if __name__ == "__main__":
    sys.exit(main())
