#!/usr/bin/python3
"""NEURON reference harness for the cable simulator (BSB for Java).

Builds, in NEURON (Debian's 8.2 packages, run with /usr/bin/python3), the same models the Java
tests build from the same inputs -- the Stellate cell's sections (3-D points, parents, nseg, Ra,
cm from sections.json) and our JSON model definitions (mechanisms per label, merged in label
order) -- and writes the reference traces the tests compare against. Only NEURON built-ins are
used (pas, hh, IClamp, ExpSyn), so no mod files need compiling.

    /usr/bin/python3 neuron_reference.py            # writes the traces into the test resources
    /usr/bin/python3 neuron_reference.py --timing 30 --threads 1   # times the benchmark model

Settings as the tutorial: fixed step, secondorder 0, dt 0.025 ms, 100 ms, v_init -65 mV.
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "mechanisms", "src", "test", "resources")
DEFAULT_SECTIONS = os.path.join(HERE, "..", "cable", "src", "test", "resources", "neuron-reference", "sections.json")
DEFAULT_MODELS = os.path.join(RES, "models")
DEFAULT_OUT = os.path.join(RES, "neuron-harness")

SOMA = "StellateCell_0_interval (0.0-19)"
DEND = "StellateCell_0_interval (19.0-101)"
AIS = "StellateCell_0_interval (105.0-64)"
AXON = "StellateCell_0_interval (107.0-90)"
SITES = [("v_soma", SOMA), ("v_dend", DEND), ("v_ais", AIS), ("v_axon", AXON)]

DT, TSTOP, VINIT = 0.025, 100.0, -65.0

_h = None


def get_h():
    global _h
    if _h is None:
        from neuron import h
        h.load_file("stdrun.hoc")
        _h = h
    return _h


def merge(labels, model):
    """Mechanisms of a section: cable types in label order (labels are given in merge order)."""
    mechs = {}
    for label in labels:
        ct = model.get("cable_types", {}).get(label)
        if not ct:
            continue
        for name, params in ct.get("mechanisms", {}).items():
            mechs.setdefault(name, {}).update(params or {})
    return mechs


def build_cell(sections, model, prefix):
    h = get_h()
    secs = []
    byname = {}
    for s in sections:
        sec = h.Section(name=prefix + s["name"])
        for x, y, z, d in s["pt3d"]:
            h.pt3dadd(x, y, z, d, sec=sec)
        sec.nseg = s["nseg"]
        sec.Ra = s["Ra"]
        sec.cm = s["cm"]
        for name, params in merge(s["labels"], model).items():
            sec.insert(name)
            for p, v in params.items():
                for seg in sec:
                    setattr(getattr(seg, name), p, v)
        if s["parent"] >= 0:
            sec.connect(secs[s["parent"]](1.0), 0.0)
        secs.append(sec)
        byname[s["name"]] = sec
    return secs, byname


def setup(celsius, nthread=1):
    h = get_h()
    h.secondorder = 0
    h.dt = DT
    h.steps_per_ms = 1.0 / DT
    h.celsius = celsius
    h.cvode_active(0)
    pc = h.ParallelContext()
    pc.nthread(nthread)
    return pc


def run(tstop=TSTOP):
    h = get_h()
    h.finitialize(VINIT)
    h.continuerun(tstop)


def write_csv(path, cols):
    names = list(cols)
    n = len(cols[names[0]])
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for i in range(n):
            row = []
            for k in names:
                v = cols[k][i]
                row.append("%.6g" % v if k == "time_ms" else "%.12g" % v)
            f.write(",".join(row) + "\n")


def single_cell(sections, model, amp, celsius):
    h = get_h()
    setup(celsius)
    secs, byname = build_cell(sections, model, "")
    stim = h.IClamp(byname[SOMA](0.5))
    stim.delay, stim.dur, stim.amp = 20.0, 60.0, amp
    t = h.Vector().record(h._ref_t)
    recs = {k: h.Vector().record(byname[s](0.5)._ref_v) for k, s in SITES}
    nc = h.NetCon(byname[SOMA](0.5)._ref_v, None, sec=byname[SOMA])
    nc.threshold = -20
    spikes = h.Vector()
    nc.record(spikes)
    run()
    cols = {"time_ms": list(t)}
    for k, _ in SITES:
        cols[k] = list(recs[k])
    return cols, list(spikes)


def two_cells(sections, model, celsius):
    """Cell A (IClamp 0.3 nA) drives cell B through an ExpSyn at B's soma, delay 2 ms."""
    h = get_h()
    setup(celsius)
    _, a = build_cell(sections, model, "A_")
    _, b = build_cell(sections, model, "B_")
    stim = h.IClamp(a[SOMA](0.5))
    stim.delay, stim.dur, stim.amp = 20.0, 60.0, 0.3
    syn = h.ExpSyn(b[SOMA](0.5))
    syn.tau, syn.e = 2.0, 0.0
    nc = h.NetCon(a[SOMA](0.5)._ref_v, syn, sec=a[SOMA])
    nc.threshold, nc.delay, nc.weight[0] = -20.0, 2.0, 0.02
    sa, sb = h.Vector(), h.Vector()
    nc.record(sa)
    ncb = h.NetCon(b[SOMA](0.5)._ref_v, None, sec=b[SOMA])
    ncb.threshold = -20
    ncb.record(sb)
    t = h.Vector().record(h._ref_t)
    va = h.Vector().record(a[SOMA](0.5)._ref_v)
    vb = h.Vector().record(b[SOMA](0.5)._ref_v)
    g = h.Vector().record(syn._ref_g)
    run()
    return {"time_ms": list(t), "v_a_soma": list(va), "v_b_soma": list(vb), "g_syn_uS": list(g)}, list(sa), list(sb)


def clamps_and_stims(sections, model):
    """Stellate with pas: SEClamp at the dendrite site, NetStim -> Exp2Syn at the axon site,
    NetStim -> ExpSyn at the soma."""
    h = get_h()
    setup(32.0)
    _, c = build_cell(sections, model, "")
    se = h.SEClamp(c[DEND](0.5))
    se.rs, se.dur1, se.amp1, se.dur2, se.amp2, se.dur3, se.amp3 = 1.0, 10.0, -65.0, 30.0, -20.0, 20.0, -80.0
    s2 = h.Exp2Syn(c[AXON](0.5))
    s2.tau1, s2.tau2, s2.e = 0.5, 5.0, 0.0
    ns1 = h.NetStim()
    ns1.start, ns1.interval, ns1.number, ns1.noise = 5.0, 12.5, 4, 0
    nc1 = h.NetCon(ns1, s2)
    nc1.delay, nc1.weight[0] = 1.0, 0.005
    s1 = h.ExpSyn(c[SOMA](0.5))
    s1.tau, s1.e = 3.0, 0.0
    ns2 = h.NetStim()
    ns2.start, ns2.interval, ns2.number, ns2.noise = 62.0, 7.0, 5, 0
    nc2 = h.NetCon(ns2, s1)
    nc2.delay, nc2.weight[0] = 0.5, 0.002
    t = h.Vector().record(h._ref_t)
    rec = {k: h.Vector().record(c[s](0.5)._ref_v) for k, s in SITES}
    ise = h.Vector().record(se._ref_i)
    g2 = h.Vector().record(s2._ref_g)
    g1 = h.Vector().record(s1._ref_g)
    run()
    cols = {"time_ms": list(t)}
    for k, _ in SITES:
        cols[k] = list(rec[k])
    cols["i_seclamp_nA"] = list(ise)
    cols["g_exp2syn_uS"] = list(g2)
    cols["g_expsyn_uS"] = list(g1)
    return cols


def timing(sections, model, copies, nthread, celsius, repeat):
    """Wall time of finitialize + run for `copies` cells, each with an IClamp 0.1 nA."""
    h = get_h()
    pc = setup(celsius, nthread)
    keep = []
    for c in range(copies):
        _, cell = build_cell(sections, model, "c%d_" % c)
        stim = h.IClamp(cell[SOMA](0.5))
        stim.delay, stim.dur, stim.amp = 20.0, 60.0, 0.1
        keep.append((cell, stim))
    vs = h.Vector().record(keep[-1][0][SOMA](0.5)._ref_v)
    best = cpu = None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        el, ec = time.perf_counter() - t0, time.process_time() - c0
        best = el if best is None else min(best, el)
        cpu = ec if cpu is None else min(cpu, ec)
    pc.nthread(1)
    return {"copies": copies, "threads": nthread, "seconds": best, "cpu_seconds": cpu, "v_last_soma_end": vs[-1]}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sections", default=DEFAULT_SECTIONS)
    ap.add_argument("--models", default=DEFAULT_MODELS)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--timing", type=int, default=0, help="time this many hh-everywhere copies instead")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    with open(args.sections) as f:
        sections = json.load(f)["sections"]

    def model(name):
        with open(os.path.join(args.models, name)) as f:
            return json.load(f)

    if args.timing:
        res = timing(sections, model("stellate_hh_all.json"), args.timing, args.threads, 6.3, args.repeat)
        print(json.dumps(res))
        return
    os.makedirs(args.out, exist_ok=True)
    summary = {}
    for name, mfile, celsius in (("pas", "stellate_pas.json", 32.0), ("hh", "stellate_hh.json", 6.3)):
        for amp in (0.1, 0.3):
            cols, spikes = single_cell(sections, model(mfile), amp, celsius)
            key = "%s_%gnA" % (name, amp)
            write_csv(os.path.join(args.out, key + ".csv"), cols)
            summary[key] = {"celsius": celsius, "soma_spikes_ms": spikes}
    write_csv(os.path.join(args.out, "clamps_stims.csv"), clamps_and_stims(sections, model("stellate_pas.json")))
    cols, sa, sb = two_cells(sections, model("stellate_hh.json"), 6.3)
    write_csv(os.path.join(args.out, "net_expsyn.csv"), cols)
    summary["net_expsyn"] = {"celsius": 6.3, "a_spikes_ms": sa, "b_spikes_ms": sb}
    summary["neuron_version"] = get_h().nrnversion()
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps({k: (v if k == "neuron_version" else {kk: vv for kk, vv in v.items()}) for k, v in summary.items()}))


if __name__ == "__main__":
    main()
