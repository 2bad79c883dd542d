#!/usr/bin/python3
"""Runs every event-driven point process of a mechanism catalogue in NEURON and writes reference traces
for CatalogueSynapsesTest (BSB for Java).

Usage: /usr/bin/python3 catalogue_synapses.py --mods <catalogue>/dbbs_catalogue/mods/neuron [--out DIR]
       [--mech-lib <mods>/x86_64/libnrnmech.so] [--stride 8]

The mod files are read only to find the mechanisms (POINT_PROCESS with a NET_RECEIVE block) and the
names of their NET_RECEIVE arguments; NEURON runs the catalogue's compiled library (nrnivmodl in the
mods folder, or --mech-lib). Nothing of the catalogue is copied into the output.

Each scenario is one compartment (L = diam = 20 um, nseg 1, cm 1 uF/cm2, nothing else inserted,
celsius 32, dt 0.025 ms, fixed-step backward Euler with secondorder 0, finitialize(-65), 60 ms) with one
synapse and external events delivered by NetCon.event from an FInitializeHandler:

  one  one NetCon (weight 1):            10, 12, 14, 40, 40.1 ms
  two  NetCon 0 (weight 1):              10, 14, 40 ms
       NetCon 1 (weight 0.5):            12, 40.1 ms

with the mechanism's default parameters ("default") and, for the tutorial's synapses, the parameters of
the Stellate cell model's synapse_types ("tutorial"). For each scenario <stem>-<params>-<netcons> it
writes

  <scenario>.csv        step, time_ms, v, every scalar range variable (PARAMETER/ASSIGNED/STATE as
                        NEURON's MechanismStandard lists them) that changes during the run, and each
                        NetCon's NET_RECEIVE arguments as nc<k>_<index>_<name>, all by Vector.record
                        (so sampled before the events due by the end of a step are delivered, as the
                        Java harness samples); every --stride-th step and the last; 15 significant
                        digits
  <scenario>.const.csv  the columns that never change during the run (parameters among them): header
                        and one row
"""
import argparse, glob, os, re, sys

ap = argparse.ArgumentParser()
ap.add_argument("--mods", required=True, help="catalogue folder of .mod files (dbbs_catalogue/mods/neuron)")
ap.add_argument("--mech-lib", help="compiled library (default: <mods>/x86_64/libnrnmech.so)")
ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "catalogue-synapses"))
ap.add_argument("--stride", type=int, default=8)
args = ap.parse_args()

SIZE = 20.0
CELSIUS = 32.0
DT = 0.025
TSTOP = 60.0
V_INIT = -65.0
# (weight, event times) per NetCon
SCENARIOS = {
    "one": [(1.0, [10, 12, 14, 40, 40.1])],
    "two": [(1.0, [10, 14, 40]), (0.5, [12, 40.1])],
}
# Stellate.py synapse_types: AMPA -> AMPA__0, ("NMDA", "stellate") -> NMDA__stellate, GABA -> GABA__0
TUTORIAL = {
    "AMPA__0": {"tau_facil": 10.8, "tau_rec": 35.1, "tau_1": 10, "gmax": 2300, "U": 0.15},
    "NMDA__stellate": {"tau_facil": 5, "tau_rec": 8, "tau_1": 1, "gmax": 10000, "U": 0.15},
    "GABA__0": {"tau_facil": 0, "tau_rec": 38.7, "tau_1": 1, "gmaxA1": 3230, "U": 0.42, "Erev": -65},
}


def strip_comments(text):
    text = re.sub(r"\bCOMMENT\b.*?\bENDCOMMENT\b", "", text, flags=re.S)
    return re.sub(r"[:?][^\n]*", "", text)


def net_receive_args(text):
    """The NET_RECEIVE argument names (units in parentheses dropped)."""
    k = text.index("(", re.search(r"\bNET_RECEIVE\b", text).end())
    depth, cur, parts = 0, "", []
    for ch in text[k:]:
        if ch == "(":
            depth += 1
            if depth == 1:
                continue
        elif ch == ")":
            depth -= 1
            if depth == 0:
                parts.append(cur)
                break
        if depth == 1 and ch == ",":
            parts.append(cur)
            cur = ""
        elif depth == 1:
            cur += ch
    return [re.match(r"\s*([A-Za-z_]\w*)", p).group(1) for p in parts]


def event_mechanisms(folder):
    """(file stem, POINT_PROCESS name, NET_RECEIVE argument names) of each event-driven point process."""
    found = []
    for f in sorted(glob.glob(os.path.join(folder, "*.mod"))):
        text = strip_comments(open(f).read())
        pp = re.search(r"\bPOINT_PROCESS\s+(\w+)", text)
        if pp and re.search(r"\bNET_RECEIVE\b", text):
            found.append((os.path.splitext(os.path.basename(f))[0], pp.group(1), net_receive_args(text)))
    return found


lib = args.mech_lib or os.path.join(args.mods, "x86_64", "libnrnmech.so")
if not os.path.exists(lib):
    sys.exit(lib + " missing: run nrnivmodl in " + args.mods + " or pass --mech-lib")
mechs = event_mechanisms(args.mods)
if not mechs:
    sys.exit("no POINT_PROCESS with NET_RECEIVE in " + args.mods)
os.makedirs(args.out, exist_ok=True)

from neuron import h
h.nrn_load_dll(lib)


def range_variables(name):
    """Scalar PARAMETER, ASSIGNED and STATE range variables of a point process, in NEURON's order."""
    names = []
    for vartype in (1, 2, 3):
        ms = h.MechanismStandard(name, vartype)
        s = h.ref("")
        for k in range(int(ms.count())):
            if int(ms.name(s, k)) == 1:
                names.append(s[0])
    return names


def run(stem, mech, argnames, params, netcons):
    sec = h.Section(name="soma")
    sec.L = sec.diam = SIZE
    sec.nseg = 1
    sec.cm = 1
    syn = getattr(h, mech)(sec(0.5))
    for k, val in params.items():
        setattr(syn, k, val)
    ncs = []
    for w, _ in netcons:
        nc = h.NetCon(None, syn)
        nc.weight[0] = w
        ncs.append(nc)
    handlers = [h.FInitializeHandler(lambda nc=nc, t=t: nc.event(t))
                for nc, (_, times) in zip(ncs, netcons) for t in times]
    names = range_variables(mech)
    cols = ["v"] + names + ["nc%d_%d_%s" % (k, j, a) for k in range(len(ncs)) for j, a in enumerate(argnames)]

    # Vector.record samples at the end of finitialize and of each fadvance, before the events due by
    # then are delivered (nrn_fixed_step_lastpart records, then delivers events up to t); the harness
    # delivers those at the start of the next step, so both see the same values
    refs = [sec(0.5)._ref_v] + [getattr(syn, "_ref_" + n) for n in names]
    refs += [nc._ref_weight[j] for nc in ncs for j in range(len(argnames))]
    vecs = [h.Vector().record(r, sec=sec) for r in refs]
    tv = h.Vector().record(h._ref_t)
    h.celsius = CELSIUS
    h.dt = DT
    h.secondorder = 0
    h.finitialize(V_INIT)
    nsteps = int(round(TSTOP / DT))
    for step in range(nsteps):
        h.fadvance()
    rows = [(step, tv[step], [vec[step] for vec in vecs]) for step in range(len(tv))]
    assert len(rows) == nsteps + 1
    varying = [j for j in range(len(cols)) if any(r[2][j] != rows[0][2][j] for r in rows)]
    constant = [j for j in range(len(cols)) if j not in varying]
    label = "%s-%s-%s" % (stem, "tutorial" if params else "default", "one" if len(ncs) == 1 else "two")
    with open(os.path.join(args.out, label + ".csv"), "w") as out:
        out.write(",".join(["step", "time_ms"] + [cols[j] for j in varying]) + "\n")
        for step, t, vals in rows:
            if step % args.stride == 0 or step == nsteps:
                out.write("%d,%.15g," % (step, t) + ",".join("%.15g" % vals[j] for j in varying) + "\n")
    with open(os.path.join(args.out, label + ".const.csv"), "w") as out:
        out.write(",".join(cols[j] for j in constant) + "\n")
        out.write(",".join("%.15g" % rows[0][2][j] for j in constant) + "\n")
    print("wrote", label, len(varying), "varying and", len(constant), "constant columns")



for stem, mech, argnames in mechs:
    for netcons in ("one", "two"):
        run(stem, mech, argnames, {}, SCENARIOS[netcons])
        if stem in TUTORIAL:
            run(stem, mech, argnames, TUTORIAL[stem], SCENARIOS[netcons])
