#!/usr/bin/python3
"""Runs BSB for Java's own test and built-in .mod files in NEURON and writes reference traces.

Usage: /usr/bin/python3 make_reference.py --nrnivmodl <patched nrnivmodl> [--out DIR]

Every mod file is copied into a temporary directory, its mechanism name gets the suffix "_ref" (so the
built-ins do not clash with NEURON's own pas, hh, ExpSyn, Exp2Syn and IClamp), and it is compiled with
nrnivmodl. Each scenario simulates one compartment (L = diam = 10 um, cm = 1 uF/cm2, dt = 0.025 ms,
fixed-step backward Euler, v_init = -65 mV) and writes <scenario>.csv: time_ms then the recorded
variables, one row per step including t = 0 (9 significant digits).
"""
import argparse, glob, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_MODS = os.path.join(HERE, "..", "mod")
BUILTIN_MODS = os.path.join(HERE, "..", "..", "..", "main", "resources", "org", "bsb", "neuron", "nmodl", "builtin")

ap = argparse.ArgumentParser()
ap.add_argument("--nrnivmodl", required=True)
ap.add_argument("--out", default=HERE)
args = ap.parse_args()

work = tempfile.mkdtemp(prefix="nmodl-ref-")
for f in glob.glob(os.path.join(TEST_MODS, "*.mod")) + glob.glob(os.path.join(BUILTIN_MODS, "*.mod")):
    text = open(f).read()
    text = re.sub(r"^(\s*(SUFFIX|POINT_PROCESS)\s+)(\w+)", r"\1\3_ref", text, flags=re.M)
    open(os.path.join(work, os.path.basename(f)), "w").write(text)
subprocess.run([args.nrnivmodl], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
lib = os.path.join(work, "x86_64", "libnrnmech.so")
if not os.path.exists(lib):
    sys.exit("nrnivmodl failed in " + work)

from neuron import h
h.nrn_load_dll(lib)
h.load_file("stdrun.hoc")


def cell():
    s = h.Section(name="soma")
    s.L = s.diam = 10
    s.nseg = 1
    s.cm = 1
    return s


def run(name, sec, recs, tstop=50, celsius=6.3, events=()):
    h.celsius = celsius
    h.dt = 0.025
    h.secondorder = 0
    vecs = [(col, h.Vector().record(ref, sec=sec)) for col, ref in recs]
    tv = h.Vector().record(h._ref_t)
    handlers = []
    for nc, t in events:
        handlers.append(h.FInitializeHandler(lambda nc=nc, t=t: nc.event(t)))
    h.finitialize(-65)
    while h.t < tstop - h.dt / 2:
        h.fadvance()
    with open(os.path.join(args.out, name + ".csv"), "w") as out:
        out.write("time_ms," + ",".join(c for c, _ in vecs) + "\n")
        for k in range(len(tv)):
            out.write("%.6g," % tv[k] + ",".join("%.9g" % v[k] for _, v in vecs) + "\n")
    print("wrote", name, len(tv), "rows")


# hh: built-in hh under a current step
s = cell()
s.insert("hh_ref")
st = h.IClamp_ref(s(0.5)); st.delay = 5; st.dur = 30; st.amp = 0.05
run("hh", s, [("v", s(0.5)._ref_v), ("m", s(0.5)._ref_m_hh_ref), ("h", s(0.5)._ref_h_hh_ref),
              ("n", s(0.5)._ref_n_hh_ref), ("ina", s(0.5)._ref_ina), ("ik", s(0.5)._ref_ik),
              ("i_clamp", st._ref_i)], celsius=6.3)
del st, s

# synapses: pas + ExpSyn + Exp2Syn driven by events
s = cell()
s.insert("pas_ref"); s.g_pas_ref = 1e-4; s.e_pas_ref = -65
e1 = h.ExpSyn_ref(s(0.5)); e1.tau = 2; e1.e = 0
e2 = h.Exp2Syn_ref(s(0.5)); e2.tau1 = 0.5; e2.tau2 = 5; e2.e = -80
n1 = h.NetCon(None, e1); n1.weight[0] = 0.002
n2 = h.NetCon(None, e2); n2.weight[0] = 0.003
run("synapses", s, [("v", s(0.5)._ref_v), ("g_expsyn", e1._ref_g), ("i_expsyn", e1._ref_i),
                    ("g_exp2syn", e2._ref_g), ("i_exp2syn", e2._ref_i)],
    events=[(n1, 5), (n1, 12.3), (n1, 20), (n2, 8), (n2, 30.0125)])
del n1, n2, e1, e2, s

# kinetic sodium + tabled delayed rectifier: spikes
s = cell()
s.insert("pas_ref"); s.g_pas_ref = 1e-4; s.e_pas_ref = -65
s.insert("kin3_ref"); s.insert("kdr_tab_ref")
st = h.IClamp_ref(s(0.5)); st.delay = 5; st.dur = 40; st.amp = 0.03
run("kinetic", s, [("v", s(0.5)._ref_v), ("O", s(0.5)._ref_O_kin3_ref), ("I", s(0.5)._ref_I_kin3_ref),
                   ("C", s(0.5)._ref_C_kin3_ref), ("n", s(0.5)._ref_n_kdr_tab_ref),
                   ("ina", s(0.5)._ref_ina), ("ik", s(0.5)._ref_ik)], celsius=32)
del st, s

# calcium: channel + buffered accumulation with a pump; eca follows cai (Nernst)
s = cell()
s.insert("pas_ref"); s.g_pas_ref = 1e-4; s.e_pas_ref = -65
s.insert("cahva_ref"); s.insert("cadyn_ref"); s.insert("kdr_tab_ref")
st = h.IClamp_ref(s(0.5)); st.delay = 5; st.dur = 20; st.amp = 0.05
run("calcium", s, [("v", s(0.5)._ref_v), ("cai", s(0.5)._ref_cai), ("ica", s(0.5)._ref_ica),
                   ("eca", s(0.5)._ref_eca), ("CaB", s(0.5)._ref_CaB_cadyn_ref),
                   ("P", s(0.5)._ref_P_cadyn_ref), ("ica_pump", s(0.5)._ref_ica_pump_cadyn_ref),
                   ("m", s(0.5)._ref_m_cahva_ref)], celsius=32)
del st, s

# LINEAR initial state, euler integration, voltage steps from a clamp
s = cell()
s.insert("pas_ref"); s.g_pas_ref = 1e-4; s.e_pas_ref = -65
s.insert("lin2_ref")
st = h.IClamp_ref(s(0.5)); st.delay = 10; st.dur = 20; st.amp = 0.03
run("linear", s, [("v", s(0.5)._ref_v), ("X", s(0.5)._ref_X_lin2_ref), ("Y", s(0.5)._ref_Y_lin2_ref),
                  ("i", s(0.5)._ref_i_lin2_ref), ("count", s(0.5)._ref_count_lin2_ref)], celsius=20)
del st, s

# depressing synapse with self-events
s = cell()
s.insert("pas_ref"); s.g_pas_ref = 1e-4; s.e_pas_ref = -65
syn = h.facsyn_ref(s(0.5))
nc = h.NetCon(None, syn); nc.weight[0] = 1
nc2 = h.NetCon(None, syn); nc2.weight[0] = 2
run("facsyn", s, [("v", s(0.5)._ref_v), ("g", syn._ref_g), ("released", syn._ref_released),
                  ("nrel", syn._ref_nrel), ("last", syn._ref_last)],
    events=[(nc, 5), (nc, 5.5), (nc, 10), (nc, 12), (nc2, 12), (nc, 30), (nc2, 40)])
shutil.rmtree(work)
