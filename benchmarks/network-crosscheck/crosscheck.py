#!/usr/bin/python3
"""NEURON cross-check of a whole network: builds the network of a compiled network file in NEURON the way
our `neuron` simulator builds it, runs the simulation with NEURON, and compares every signal and spike
train of our results file with NEURON's.

Usage (run with /usr/bin/python3, the interpreter with NEURON's bindings):

    crosscheck.py NETWORK.hdf5 SIMULATION --mech-lib LIB.so --results OURS.h5
        [--reference-dir <shared>/data/neuron-reference] [--project DIR]
        [--model-mode auto|catalogue|names] [--write-neuron OUT_DIR [--trace-cells 0,1,2]]
        [--json] [--top N] [--fail-above MS]

Everything about the simulation (duration, resolution, temperature, initial, cell_models,
connection_models, devices) is read from the config stored in the network file (/files/config).
Which cell, location and synapse each recorded signal belongs to is read from our results file's
annotations; only the spike generators' targets are selected here, with the same rules as ours.
See README.md next to this file for what is covered and what is not.
"""
import argparse
import importlib.util
import json
import math
import os
import shutil
import sys
import tempfile
import time
import types
from collections import OrderedDict

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_MODEL = os.path.join(ROOT, "examples", "neuron-simulation", "data", "stellate-model.yaml")
DEFAULT_REF_DIR = os.environ.get("NRNREF_DIR", os.path.normpath(os.path.join(ROOT, "..", "shared", "data",
                                                                               "neuron-reference")))
THRESHOLD = -20.0  # NeuronRun.THRESHOLD: transmitters and the spike_recorder's default
FOREVER = 1e9  # CurrentClamp.FOREVER


class Unsupported(Exception):
    """Something in the config or results that this cross-check does not reproduce."""


def die(message):
    """Errors exit with 2 (1 is --fail-above's verdict)."""
    print(f"crosscheck: {message}", file=sys.stderr)
    sys.exit(2)


# ------------------------------------------------------------------------------------------------
# reading our files
# ------------------------------------------------------------------------------------------------
def text(x):
    return x.decode() if isinstance(x, bytes) else x


def attrs_of(ds):
    out = {}
    for k, v in ds.attrs.items():
        if isinstance(v, bytes):
            v = v.decode()
        elif isinstance(v, np.ndarray):
            v = [text(e) for e in v.tolist()]
        elif isinstance(v, np.generic):
            v = v.item()
        out[k] = v
    return out


class Network:
    """The parts of a network file (storage-hdf5 layout) the simulation needs."""

    def __init__(self, path):
        self.path = path
        with h5py.File(path, "r") as f:
            self.config = json.loads(text(f["files/config"][()]))
            self.seed = text(f.attrs.get("seed", b""))
            self.morphologies = {}
            for name, g in f.get("morphologies", {}).items():
                labelsets = json.loads(text(g.attrs["labels"]))
                self.morphologies[name] = {"data": g["data"][()] if "data" in g else np.zeros((0, 5)),
                                           "graph": g["graph"][()] if "graph" in g else np.zeros((0, 2), int),
                                           "labelsets": {int(k): list(v) for k, v in labelsets.items()}}
            self.cells = OrderedDict()  # cell type -> {positions (N,3), morphology [name|None], labels [set]}
            for ctype, g in f.get("placement", {}).items():
                labelsets = json.loads(text(g.attrs["labelsets"])) if "labelsets" in g.attrs else {}
                pos, morph, labels = [], [], []
                for chunk in sorted(g, key=int):
                    c = g[chunk]
                    n = int(c.attrs["len"])
                    if n == 0:
                        continue
                    pos.append(c["position"][()])
                    loaders = [text(x) for x in c.attrs.get("morphology_loaders", [])]
                    idx = c["morphology"][()] if "morphology" in c else np.full(n, -1)
                    morph.extend(loaders[i] if i >= 0 else None for i in idx)
                    codes = c["labels"][()] if "labels" in c else np.zeros(n, int)
                    labels.extend(set(labelsets.get(str(int(k)), [])) for k in codes)
                self.cells[ctype] = {"positions": np.concatenate(pos) if pos else np.zeros((0, 3)),
                                     "morphology": morph, "labels": labels}
            self.connectivity = []  # (set, pre type, post type, pre_locs, post_locs) in our reader's order
            conn = f.get("connectivity", {})
            for cset in sorted(conn):  # sets by name, chunks by id (Hdf5Engine.readConnectivity)
                g = conn[cset]
                for chunk in sorted(g, key=int):
                    c = g[chunk]
                    if "pre_locs" not in c:
                        continue
                    self.connectivity.append((cset, text(g.attrs["pre"]), text(g.attrs["post"]),
                                              c["pre_locs"][()], c["post_locs"][()]))

    def count(self, ctype):
        return len(self.cells[ctype]["morphology"]) if ctype in self.cells else 0


class Results:
    """Our results file (results-hdf5 layout): signals and spike trains with their annotations."""

    def __init__(self, path):
        self.path = path
        self.signals, self.spikes = [], []
        with h5py.File(path, "r") as f:
            self.attrs = attrs_of(f)
            for kind, out in (("signals", self.signals), ("spikes", self.spikes)):
                for dev, g in f.get(kind, {}).items():
                    for k in sorted(g, key=int):
                        ds = g[k]
                        a = attrs_of(ds)
                        values = ds[: int(a["length"])].astype(float)
                        a.setdefault("device", dev)
                        out.append({"device": dev, "k": int(k), "attrs": a, "values": values})

    def by_device(self, kind, device):
        return [s for s in (self.signals if kind == "signals" else self.spikes) if s["device"] == device]


# ------------------------------------------------------------------------------------------------
# NEURON, the shared cell builder, models and mechanism names
# ------------------------------------------------------------------------------------------------
def start_neuron(mech_libs):
    """Imports NEURON away from any x86_64/ folder of the working directory (NEURON would load it on
    import) and loads the given mechanism libraries."""
    here = os.getcwd()
    scratch = tempfile.mkdtemp(prefix="crosscheck-")
    os.chdir(scratch)
    try:
        from neuron import h
    finally:
        os.chdir(here)
        shutil.rmtree(scratch, ignore_errors=True)
    for lib in mech_libs:
        if not os.path.exists(lib):
            die(f"mechanism library not found: {lib}")
        if not h.nrn_load_dll(lib):
            die(f"NEURON could not load {lib}")
    h.load_file("stdrun.hoc")
    return h


def mechanism_names(h):
    names = []
    for kind in (0, 1):
        mt = h.MechanismType(kind)
        ref = h.ref("")
        for i in range(int(mt.count())):
            mt.select(i)
            mt.selected(ref)
            names.append(ref[0])
    return names


def load_builder(reference_dir):
    path = os.path.join(reference_dir, "build_reference.py")
    if not os.path.exists(path):
        die(f"the NEURON reference builder is not at {path} (give --reference-dir)")
    spec = importlib.util.spec_from_file_location("build_reference", path)
    br = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(br)
    return br


class Resolver:
    """A model's mechanism ids to NEURON names, as our MechanismResolver does against the installed
    catalogues. catalogue: nmodl-glia's rules first (glia__<pkg>__<asset>__<variant>, build_reference's
    resolve_mech), then the plain name (NEURON's built-ins such as hh, pas); names: the name itself
    (<asset>__<variant> if loaded, else the bare asset, as ours falls back for a variant)."""

    def __init__(self, br, h, mode):
        self.br, self.h, self.mode = br, h, mode
        self.glia = br.resolve_mech  # build_reference's nmodl-glia rule, before it is replaced by this resolver
        self.loaded = set(mechanism_names(h))
        self.index = OrderedDict()  # package -> asset -> variants, from glia__<pkg>__<asset>__<variant>
        for name in sorted(self.loaded):
            parts = name.split("__")
            if len(parts) == 4 and parts[0] == "glia":
                self.index.setdefault(parts[1], {}).setdefault(parts[2], []).append(parts[3])
        self.choices = OrderedDict()

    def __call__(self, mech_id, index=None, pkg=None):
        mech_id = tuple(mech_id)
        name = self.resolve(mech_id)
        self.choices.setdefault("/".join(mech_id), name)
        return name

    def resolve(self, mech_id):
        asset = mech_id[0]
        variant = mech_id[1] if len(mech_id) > 1 else None
        if self.mode == "catalogue":
            for pkg, assets in self.index.items():
                if asset in assets:
                    try:
                        return self.glia(mech_id, assets, pkg)
                    except KeyError:
                        pass
        wanted = asset if variant is None else f"{asset}__{variant}"
        if wanted in self.loaded:
            return wanted
        if variant is not None and asset in self.loaded:
            return asset
        raise KeyError(f"mechanism {wanted!r} is not loaded in NEURON ({self.mode} mode)")

    def missing(self, definition):
        out = set()
        ids = []
        for ct in definition.get("cable_types", {}).values():
            ids.extend(ct.get("mechanisms", {}).keys())
            ids.extend(self.br.parse_synapse(k, v)["mech_id"] for k, v in ct.get("synapses", {}).items())
        ids.extend(self.br.parse_synapse(k, v)["mech_id"] for k, v in definition.get("synapse_types", {}).items())
        for mid in ids:
            try:
                self.resolve(self.br.to_mech_id(mid))
            except KeyError:
                out.add("/".join(self.br.to_mech_id(mid)))
        return sorted(out)


def exec_python_model(path, variable):
    """A Python model file run with a stub arborize (define_model returns its dict); the variable's
    value, or the last define_model(...) argument when no variable is named."""
    defined = []
    stub = types.ModuleType("arborize")
    stub.define_model = lambda d, *a, **k: (defined.append(d), d)[1]
    saved = sys.modules.get("arborize")
    sys.modules["arborize"] = stub
    try:
        ns = {}
        with open(path) as f:
            exec(compile(f.read(), path, "exec"), ns)
    finally:
        if saved is None:
            del sys.modules["arborize"]
        else:
            sys.modules["arborize"] = saved
    if variable:
        if variable not in ns:
            die(f"{path} defines no variable {variable!r}")
        return ns[variable]
    if not defined:
        die(f"{path}: no define_model(...) call and no variable named")
    return defined[-1]


def tuple_keys(definition):
    """Mechanism keys written "[name, variant]" (our YAML/JSON form of Python's tuple keys) as tuples."""
    for ct in definition.get("cable_types", {}).values():
        mechs = ct.get("mechanisms")
        if isinstance(mechs, dict):
            ct["mechanisms"] = OrderedDict(
                (tuple(p.strip() for p in k[1:-1].split(",", 1)) if isinstance(k, str) and k.startswith("[")
                 and k.endswith("]") and "," in k else k, v) for k, v in mechs.items())
    return definition


def read_data_file(path):
    if path.endswith((".yaml", ".yml")):
        import yaml
        with open(path) as f:
            return yaml.safe_load(f)
    if path.endswith(".py"):
        return exec_python_model(path, None)
    with open(path) as f:
        return json.load(f, object_pairs_hook=OrderedDict)


def load_model(model_name, node, project, resolver):
    """The definition our simulator uses for a cell model (NeuronRun.model): inline dict, a file relative to
    the project, a Python module variable (data.Stellate.definitionStellate; the tutorial's Stellate.py
    falls back to the embedded default model when its mechanisms are not loaded, as ours does), or the
    registered default model `default_stellate`. Returns (definition, description)."""
    ref = node.get("model")
    if isinstance(ref, dict):
        return tuple_keys(ref), "inline"
    if not isinstance(ref, str):
        raise Unsupported(f"cell_models.{model_name}.model is missing")
    file = os.path.join(project, ref)
    if os.path.isfile(file):
        return tuple_keys(read_data_file(file)), os.path.relpath(file, project)
    if "." in ref:
        module, variable = ref.rsplit(".", 1)
        py = os.path.join(project, module.replace(".", "/") + ".py")
        if os.path.isfile(py):
            definition = exec_python_model(py, variable)
            missing = resolver.missing(definition)
            if missing and os.path.basename(py) == "Stellate.py" and ref.endswith(".definitionStellate"):
                return (tuple_keys(read_data_file(DEFAULT_MODEL)),
                        f"default model {os.path.relpath(DEFAULT_MODEL, ROOT)} (Stellate.py's {', '.join(missing)} "
                        "not loaded: the fallback ours takes)")
            return definition, f"{os.path.relpath(py, project)}:{variable}"
    if ref == "default_stellate":
        return tuple_keys(read_data_file(DEFAULT_MODEL)), f"default model {os.path.relpath(DEFAULT_MODEL, ROOT)}"
    raise Unsupported(f"cell_models.{model_name}.model {ref!r}: not a file or module variable under {project}, nor "
                      "default_stellate (give --project)")


def infer_project(args, config, sim):
    if args.project:
        return os.path.abspath(args.project)
    candidates = [os.path.dirname(os.path.abspath(args.network)), os.getcwd()]
    for c in candidates:
        ok = True
        for node in sim.get("cell_models", {}).values():
            ref = node.get("model")
            if isinstance(ref, str) and ref != "default_stellate":
                mod = os.path.join(c, ref.rsplit(".", 1)[0].replace(".", "/") + ".py")
                if not (os.path.isfile(os.path.join(c, ref)) or os.path.isfile(mod)):
                    ok = False
        if ok:
            return c
    return candidates[0]


def branches_of(morph):
    """A stored morphology (storage-hdf5 layout) as build_reference's branch records."""
    data, graph, labelsets = morph["data"], morph["graph"], morph["labelsets"]
    out, start = [], 0
    for b, (end, parent) in enumerate(graph):
        rows = list(range(start, int(end)))
        out.append({"parent": None if parent < 0 else int(parent), "rows": rows, "swc_ids": rows,
                    "coords": data[start:end, 0:3].copy(), "radii": data[start:end, 3].copy(),
                    "tags": data[start:end, 4].astype(int),
                    "labels": [list(labelsets.get(int(c), [])) for c in data[start:end, 4]]})
        start = int(end)
    return out


# ------------------------------------------------------------------------------------------------
# targetting of the spike generators (core/targetting, adapter DeviceTargets)
# ------------------------------------------------------------------------------------------------
SUBSET_KEYS = ("count", "fraction")


def select_cells(t, net, models):
    """Cell targetting (AllTargetting, ByIdTargetting, CellModelTargetting, SphereTargetting,
    CylinderTargetting, ByLabelTargetting) without random subsets."""
    strategy = t.get("strategy", "all")
    if any(t.get(k) is not None for k in SUBSET_KEYS):
        raise Unsupported(f"targetting {strategy} with count/fraction (a random subset drawn by our "
                          "SplittableRandom) is not reproduced")
    short = strategy.rsplit(".", 1)[-1]

    def listed(key="cell_models"):
        chosen = t.get(key) or []
        for m in chosen:
            if m not in models:
                raise Unsupported(f"targetting names the unknown cell model {m!r}")
        return [m for m in models if not chosen or m in chosen]

    def ids_where(ms, keep):
        return OrderedDict((m, [i for i in range(net.count(m)) if keep(m, i)]) for m in ms)

    if short in ("all", "CellTargetting"):
        return ids_where(models, lambda m, i: True)
    if short in ("by_id", "ByIdTargetting"):
        out = OrderedDict()
        for m, ids in (t.get("ids") or {}).items():
            if m not in models:
                raise Unsupported(f"by_id names the unknown cell model {m!r}")
            out[m] = sorted(set(int(i) for i in ids or []))
        return out
    if short in ("cell_model", "CellModelTargetting"):
        return ids_where(listed(), lambda m, i: True)
    if short in ("sphere", "SphericalTargetting"):
        o, r = np.asarray(t["origin"], float), float(t["radius"])
        return ids_where(listed(), lambda m, i: float(np.sum((net.cells[m]["positions"][i] - o) ** 2)) < r * r)
    if short in ("cylinder", "CylindricalTargetting"):
        axes = {"x": (1, 2), "y": (0, 2), "z": (0, 1)}[t.get("axis") or "y"]
        o, r = [float(v) for v in t["origin"]], float(t["radius"])

        def inside(m, i):
            p = net.cells[m]["positions"][i]
            return (p[axes[0]] - o[0]) ** 2 + (p[axes[1]] - o[1]) ** 2 < r * r
        return ids_where(listed(), inside)
    if short in ("by_label", "ByLabelTargetting"):
        labels = t.get("labels") or []
        return ids_where(listed(), lambda m, i: all(lb in net.cells[m]["labels"][i] for lb in labels))
    raise Unsupported(f"cell targetting {strategy!r} is not reproduced for spike generators")


def select_locations(loc, cell):
    """Location targetting (SomaTargetting, BranchTargetting, LabelTargetting, EverywhereTargetting) on a
    built cell; loc is the device's `locations` node or None (soma)."""
    strategy = (loc or {}).get("strategy", "soma")
    short = strategy.rsplit(".", 1)[-1]
    if short in ("soma", "SomaTargetting"):
        return [(0, 0)] if (0, 0) in cell.locations else []
    if short in ("branch", "BranchLocTargetting"):
        labels, x = loc.get("labels") or [], loc.get("x")
        x = 0.5 if x is None else float(x)
        out, last = [], -1
        # unit sections in branch order (UnitSections.of): the locations sorted by (branch, point)
        for key in sorted(cell.locations):
            lo = cell.locations[key]
            if key[0] == last or not all(lb in lo.labels for lb in labels):
                continue
            if lo.arcs[0] <= x < lo.arcs[1]:
                out.append(key)
                last = key[0]
        return out
    if short in ("label", "LabelTargetting"):
        labels = loc.get("labels") or []
        return [k for k in sorted(cell.locations) if all(lb in cell.locations[k].labels for lb in labels)]
    if short in ("everywhere", "LocationTargetting"):
        return sorted(cell.locations)
    raise Unsupported(f"location targetting {strategy!r} is not reproduced for spike generators")


# ------------------------------------------------------------------------------------------------
# the network in NEURON
# ------------------------------------------------------------------------------------------------
class Build:
    def __init__(self, h, br, net, sim, resolver, models):
        self.h, self.br, self.net, self.sim, self.resolver = h, br, net, sim, resolver
        self.models = models  # model -> (definition, description)
        self.cells = OrderedDict()  # (model, id) -> br.Cell
        self.on_section = {}  # (model, id, section name) -> [synapse records] in insertion order
        self.keep = []
        self.setup = {"cells": OrderedDict(), "connections": OrderedDict(), "devices": OrderedDict()}
        self.signals = []  # (our signal record, NEURON Vector)
        self.spike_probes = []  # (our spike train, Vector v at the node, threshold, NetCon times Vector)
        self.notes = []
        self.detectors = {}

    # -- cells ---------------------------------------------------------------------------------------
    def build_cells(self):
        br = self.br
        cache = br.build_cell.__defaults__[-1]
        defs = {}
        for model in self.sim.get("cell_models", {}):
            definition, desc = self.models[model]
            n = self.net.count(model)
            built, sections, segments, skipped = 0, 0, 0, 0
            for i in range(n):
                morph = self.net.cells[model]["morphology"][i]
                if morph is None:
                    skipped += 1
                    continue
                key = (model, morph)
                if key not in defs:
                    if morph not in self.net.morphologies:
                        raise Unsupported(f"morphology {morph!r} is not in the network file")
                    d = dict(definition)  # one definition object per (model, morphology): build_cell caches by id
                    branches = branches_of(self.net.morphologies[morph])
                    order, cables = br.build_schematic(branches)
                    cache[id(d)] = (branches, order, cables)
                    defs[key] = d
                cell = br.build_cell(i, defs[key], None, name=f"{model}")
                cell.model, cell.morphology = model, morph
                self.cells[(model, i)] = cell
                built += 1
                sections += len(cell.sections)
                segments += sum(s.nseg for s in cell.sections)
            self.setup["cells"][model] = {"placed": n, "built": built, "without_morphology": skipped,
                                          "model": desc, "morphologies": sorted({m for (mm, m) in defs if mm == model}),
                                          "sections": sections, "segments": segments}
        self.defs = defs

    def section_key(self, cell, sec):
        return (cell.model, cell.id, sec.name())

    def insert_synapse(self, cell, key, stype):
        loc = cell.locations[key]
        inf = next(i for i in cell.info if i["sec"] is loc.sec)
        if stype not in inf["synapse_types"]:
            raise Unsupported(f"synapse type {stype!r} is not present on the section of location {key} of "
                              f"{cell.model} {cell.id} (labels {inf['labels']})")
        rec = self.br.insert_synapse(cell, loc, stype)
        self.on_section.setdefault(self.section_key(cell, loc.sec), []).append(rec)
        return rec

    # -- connections (NeuronRun.connect) ---------------------------------------------------------------
    def connect(self):
        h = self.h
        models = self.sim.get("connection_models", {}) or {}
        transmitters = {}
        for cset, pre_t, post_t, pre, post in self.net.connectivity:
            model = models.get(cset)
            if model is None:
                continue
            specs = [s if isinstance(s, dict) else {"synapse": s} for s in model.get("synapses", []) or []]
            info = self.setup["connections"].setdefault(cset, {"connections": 0, "skipped": 0, "synapses": 0,
                                                               "synapse_types": [s["synapse"] for s in specs],
                                                               "weights": [s.get("weight", 0.004) for s in specs],
                                                               "delays": [s.get("delay", 0) for s in specs]})
            for (pc, pb, _), (qc, qb, qp) in zip(pre.tolist(), post.tolist()):
                src_cell, dst_cell = self.cells.get((pre_t, pc)), self.cells.get((post_t, qc))
                if src_cell is None or dst_cell is None:
                    info["skipped"] += 1
                    continue
                tkey = (pre_t, pc, pb)
                if tkey not in transmitters:
                    loc = src_cell.locations[(pb, 0)]
                    transmitters[tkey] = (loc.sec, loc.arc(0.5))
                    self.detector(src_cell, loc.sec, loc.arc(0.5), THRESHOLD)
                sec, x = transmitters[tkey]
                for s in specs:
                    rec = self.insert_synapse(dst_cell, (qb, qp), s["synapse"])
                    nc = h.NetCon(sec(x)._ref_v, rec["pp"], sec=sec)
                    nc.threshold = THRESHOLD
                    nc.weight[0] = float(s.get("weight", 0.004))
                    nc.delay = float(s.get("delay", 0))
                    self.keep.append(nc)
                    info["synapses"] += 1
                info["connections"] += 1
        self.setup["transmitters"] = len(transmitters)

    # -- devices, in config order (NeuronRun.device) ---------------------------------------------------
    def devices(self, results):
        configured = set(self.sim.get("devices", {}) or {})
        stray = sorted({s["device"] for s in results.signals + results.spikes} - configured)
        if stray:
            self.notes.append(f"our results hold devices the config lacks, not compared: {', '.join(stray)}")
        for name, node in (self.sim.get("devices", {}) or {}).items():
            kind = node.get("device", "")
            short = kind.rsplit(".", 1)[-1]
            handler = {"spike_generator": self.spike_generator, "SpikeGenerator": self.spike_generator,
                       "voltage_recorder": self.voltage_recorder, "VoltageRecorder": self.voltage_recorder,
                       "synapse_recorder": self.synapse_recorder, "SynapseRecorder": self.synapse_recorder,
                       "spike_recorder": self.spike_recorder,
                       "current_clamp": self.current_clamp, "CurrentClamp": self.current_clamp,
                       "vclamp": self.voltage_clamp, "voltage_clamp": self.voltage_clamp,
                       "VoltageClamp": self.voltage_clamp,
                       "ion_recorder": self.ion_recorder, "IonRecorder": self.ion_recorder}.get(short)
            if handler is None:
                self.notes.append(f"device {name!r} ({kind}) is not reproduced")
                self.setup["devices"][name] = {"device": kind, "reproduced": False}
                continue
            self.setup["devices"][name] = dict({"device": kind}, **handler(name, node, results))

    def cell_of(self, a):
        cell = self.cells.get((a["cell_type"], int(a["cell_id"])))
        if cell is None:
            raise Unsupported(f"our results name {a['cell_type']} {a['cell_id']}, which is not built here")
        return cell

    def place_of(self, a):
        cell = self.cell_of(a)
        key = tuple(int(v) for v in a["location"])
        if key not in cell.locations:
            raise Unsupported(f"no location {key} on {a['cell_type']} {a['cell_id']}")
        return cell, key, cell.locations[key]

    def detector(self, cell, sec, x, thr):
        """NEURON's spike detector on v at sec(x), its spike times recorded: NetCons on one node share one
        source (PreSyn), hence one threshold and one NetCon.record vector, so each node gets one, shared."""
        key = (cell.model, cell.id, sec.name(), x)
        have = self.detectors.get(key)
        if have is None:
            nc = self.h.NetCon(sec(x)._ref_v, None, sec=sec)
            nc.threshold = thr
            tv = self.h.Vector()
            nc.record(tv)
            self.keep.extend([nc, tv])
            have = self.detectors[key] = (thr, tv)
        if have[0] != thr:
            raise Unsupported(f"spike detectors with thresholds {have[0]} and {thr} on one node of {cell.model} "
                              f"{cell.id} (NEURON gives a node one threshold)")
        return have[1]

    def record(self, ref):
        v = self.h.Vector()
        v.record(ref)
        self.keep.append(v)
        return v

    def spike_generator(self, name, node, results):
        h = self.h
        params = {k: node.get(k) for k in ("start", "number", "interval", "noise")}
        pattern = sorted(float(x) for x in node.get("pattern") or [])
        weight = float(node.get("weight", 0.04) if node.get("weight") is not None else 0.04)
        delay = float(node.get("delay", 0) if node.get("delay") is not None else 0)
        if params["noise"]:
            self.notes.append(f"device {name!r}: noise {params['noise']} draws NEURON's own random numbers, "
                              "which ours cannot match")
        models = list(self.sim.get("cell_models", {}))
        selected = select_cells(node.get("targetting") or {}, self.net, models)
        types_ = node.get("synapses") or []
        n_targets = n_locations = n_synapses = 0
        for model, ids in selected.items():
            for i in ids:
                cell = self.cells.get((model, i))
                if cell is None:
                    continue
                n_targets += 1
                for key in select_locations(node.get("locations"), cell):
                    n_locations += 1
                    if types_:
                        syns = [self.insert_synapse(cell, key, s) for s in types_]
                    else:
                        sec = cell.locations[key].sec
                        syns = list(self.on_section.get(self.section_key(cell, sec), []))
                    for rec in syns:
                        for stim in self.stimuli(params, pattern):
                            nc = h.NetCon(stim, rec["pp"])
                            nc.weight[0] = weight
                            nc.delay = delay
                            nc.threshold = THRESHOLD
                            self.keep.extend([stim, nc])
                        n_synapses += 1
        return {"targets": n_targets, "locations": n_locations, "driven_synapses": n_synapses,
                "inserted_synapse_types": types_, "weight": weight, "delay": delay,
                "stimulus": {"pattern": pattern} if pattern else {k: v for k, v in params.items() if v is not None}}

    def stimuli(self, params, pattern):
        """A NetStim as ours configures it, or for a pattern one NetStim (number 1) per time: VecStim is not
        built into NEURON 8.2, and a one-shot NetStim emits its event at `start` exactly as VecStim would."""
        h = self.h
        if not pattern:
            ns = h.NetStim()
            for k, v in params.items():
                if v is not None:
                    setattr(ns, k, float(v))
            return [ns]
        out = []
        for t in pattern:
            ns = h.NetStim()
            ns.start, ns.number, ns.noise = t, 1, 0
            # NetStim's first event is start + interval - interval: pick an interval that keeps it exact
            ns.interval = next((iv for iv in (10.0, 1.0, 2.0, 4.0, 8.0, 16.0, 0.5, 0.25) if (t + iv) - iv == t), 10.0)
            out.append(ns)
        return out

    def voltage_recorder(self, name, node, results):
        sigs = results.by_device("signals", name)
        for s in sigs:  # VoltageRecorder: v at arc(0) of the location
            cell, key, loc = self.place_of(s["attrs"])
            self.signals.append((s, self.record(loc.sec(loc.arc(0))._ref_v)))
        return {"signals": len(sigs), "from": "our results' annotations"}

    def synapse_recorder(self, name, node, results):
        """Each signal is the next synapse of its type, not yet recorded by this device for that cell, on the
        section of its location, in insertion order (SynapseRecorder over NeuronRun.synapsesOn)."""
        sigs = results.by_device("signals", name)
        seen = set()
        for s in sigs:
            a = s["attrs"]
            cell, key, loc = self.place_of(a)
            stype = a.get("synapse_type")
            cands = [r for r in self.on_section.get(self.section_key(cell, loc.sec), [])
                     if r["label"] == stype and (cell.model, cell.id, id(r)) not in seen]
            if not cands:
                raise Unsupported(f"device {name!r}: our results record a {stype} synapse on {cell.model} {cell.id} "
                                  f"near {key} that NEURON's network lacks")
            seen.add((cell.model, cell.id, id(cands[0])))
            self.signals.append((s, self.record(cands[0]["pp"]._ref_i)))
        return {"signals": len(sigs), "from": "our results' annotations"}

    def spike_recorder(self, name, node, results):
        thr = float(node.get("threshold", THRESHOLD) if node.get("threshold") is not None else THRESHOLD)
        trains = results.by_device("spikes", name)
        for s in trains:  # SpikeRecorder: a detector at arc(0.5) of the location
            cell, key, loc = self.place_of(s["attrs"])
            x = loc.arc(0.5)
            tv = self.detector(cell, loc.sec, x, thr)
            self.spike_probes.append((s, self.record(loc.sec(x)._ref_v), thr, tv))
        return {"spike_trains": len(trains), "threshold": thr, "from": "our results' annotations"}

    def current_clamp(self, name, node, results):
        sigs = results.by_device("signals", name)
        for s in sigs:  # CurrentClamp: IClamp at arc(0.5), its current recorded
            cell, key, loc = self.place_of(s["attrs"])
            ic = self.h.IClamp(loc.sec(loc.arc(0.5)))
            ic.delay = float(node.get("before") or 0)
            ic.dur = float(node["duration"]) if node.get("duration") is not None else FOREVER
            ic.amp = float(node["amplitude"])
            self.keep.append(ic)
            self.signals.append((s, self.record(ic._ref_i)))
        return {"clamps": len(sigs), "from": "our results' annotations"}

    def voltage_clamp(self, name, node, results):
        sigs = results.by_device("signals", name)
        v = node["voltage"]
        hold = float(node.get("holding", -65) if node.get("holding") is not None else -65)
        levels = [hold, float(v), hold] if not isinstance(v, list) else [float(x) for x in v]
        for s in sigs:
            cell, key, loc = self.place_of(s["attrs"])
            c = self.h.SEClamp(loc.sec(loc.arc(0.5)))
            c.dur1, c.amp1 = float(node.get("before") or 0), levels[0]
            c.dur2 = float(node["duration"]) if node.get("duration") is not None else FOREVER
            c.amp2 = levels[1]
            c.dur3, c.amp3 = float(node.get("after") or 0), levels[2]
            self.keep.append(c)
            self.signals.append((s, self.record(c._ref_i)))
        return {"clamps": len(sigs), "from": "our results' annotations"}

    def ion_recorder(self, name, node, results):
        sigs = results.by_device("signals", name)
        for s in sigs:
            a = s["attrs"]
            cell, key, loc = self.place_of(a)
            ion, var = a.get("ion"), a.get("variable", "i")
            attr = {"i": f"_ref_{ion}i", "o": f"_ref_{ion}o", "current": f"_ref_i{ion}", "e": f"_ref_e{ion}"}[var]
            self.signals.append((s, self.record(getattr(loc.sec(loc.arc(0.5)), attr))))
        return {"signals": len(sigs), "from": "our results' annotations"}

    # -- every cell's soma ------------------------------------------------------------------------------
    def soma_probes(self):
        """Per cell: v at arc(0.5) of location (0, 0) (where a spike_recorder detects), v at arc(0) (where a
        voltage_recorder records), and NEURON's spike detector (a NetCon, -20 mV) at arc(0.5)."""
        self.soma = OrderedDict()
        for (model, i), cell in self.cells.items():
            if (0, 0) not in cell.locations:
                continue
            loc = cell.locations[(0, 0)]
            x = loc.arc(0.5)
            tv = self.detector(cell, loc.sec, x, THRESHOLD)
            self.soma[(model, i)] = (self.record(loc.sec(x)._ref_v), self.record(loc.sec(loc.arc(0))._ref_v), tv)


# ------------------------------------------------------------------------------------------------
# comparison
# ------------------------------------------------------------------------------------------------
def crossings(v, dt, thr):
    """Upward crossings of thr, linearly interpolated (our spike detector's rule: v_prev <= thr < v)."""
    v = np.asarray(v, float)
    idx = np.where((v[:-1] <= thr) & (v[1:] > thr))[0]
    return [float(i * dt + dt * (thr - v[i]) / (v[i + 1] - v[i])) for i in idx]


def spike_diff(ours, theirs):
    ours, theirs = list(ours), list(theirs)
    n = min(len(ours), len(theirs))
    shift = max((abs(a - b) for a, b in zip(ours[:n], theirs[:n])), default=0.0)
    return {"ours": len(ours), "neuron": len(theirs), "equal_count": len(ours) == len(theirs),
            "max_shift_ms": shift, "ours_times": ours, "neuron_times": theirs}


def signal_name(a):
    loc = a.get("location", [0, 0])
    name = f"{a['device']}:{a['cell_id']}:{int(loc[0])}.{int(loc[1])}"
    return name + (f":{a['synapse_type']}" if a.get("synapse_type") else "")


def compare(build, results, dt):
    sig_rows = []
    for s, vec in build.signals:
        a = s["attrs"]
        ours, theirs = s["values"], np.array(vec)
        n = min(len(ours), len(theirs))
        d = np.abs(ours[:n] - theirs[:n])
        k = int(np.argmax(d)) if n else 0
        sig_rows.append({"signal": signal_name(a), "cell_type": a["cell_type"], "cell_id": int(a["cell_id"]),
                         "units": a.get("units", ""), "max_abs_diff": float(d[k]) if n else float("nan"),
                         "at_ms": k * dt, "ours_at": float(ours[k]) if n else None,
                         "neuron_at": float(theirs[k]) if n else None,
                         "neuron_min": float(theirs.min()) if len(theirs) else None,
                         "neuron_max": float(theirs.max()) if len(theirs) else None,
                         "samples": [len(ours), len(theirs)], "_neuron": theirs})
    # spike trains per cell, from every source our results have
    per_cell = OrderedDict()
    for s, vec, thr, tv in build.spike_probes:
        a = s["attrs"]
        d = spike_diff(s["values"], list(tv))  # against NEURON's own detector (NetCon.record)
        d["detector"] = "NetCon"
        i = spike_diff(s["values"], crossings(np.array(vec), dt, thr))
        d["interpolated"] = {k: i[k] for k in ("neuron", "equal_count", "max_shift_ms", "neuron_times")}
        d["source"] = f"spikes:{a['device']}@{int(a['location'][0])}.{int(a['location'][1])}"
        per_cell.setdefault((a["cell_type"], int(a["cell_id"])), []).append(d)
    for s, vec in build.signals:
        a = s["attrs"]
        if a.get("units") == "mV" and "synapse_type" not in a and "ion" not in a and \
                [int(v) for v in a["location"]] == [0, 0] and (build.sim["devices"].get(a["device"]) or {}) \
                .get("device", "").rsplit(".", 1)[-1] in ("voltage_recorder", "VoltageRecorder"):
            d = spike_diff(crossings(s["values"], dt, THRESHOLD), crossings(np.array(vec), dt, THRESHOLD))
            d["detector"] = "interpolated"
            d["source"] = f"v:{a['device']}@0.0"
            per_cell.setdefault((a["cell_type"], int(a["cell_id"])), []).append(d)
    return sig_rows, per_cell


def fmt(x, digits=3):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    return f"{x:.{digits}g}"


def report(args, build, sig_rows, per_cell, neuron_spikes, info):
    lines = []
    p = lines.append
    p(f"NEURON {info['neuron']} against ours ({os.path.basename(args.results)}), simulation '{args.simulation}': "
      f"{info['cells']} cells, {info['connections']} connections, {info['samples']} samples at dt {info['dt']} ms, "
      f"{info['duration']} ms, {info['celsius']} degC, v_init {info['v_init']} mV")
    for model, c in build.setup["cells"].items():
        p(f"  {model}: {c['model']}; mechanisms ({build.resolver.mode} mode): "
          + ", ".join(f"{k}->{v}" for k, v in build.resolver.choices.items()))
    p(f"  NEURON: build {info['build_s']:.1f} s, run {info['run_s']:.1f} s")
    for n in build.notes:
        p(f"  note: {n}")
    p("")
    rows, by_unit = ranked(per_cell, sig_rows)
    p(f"Spike trains: {len(rows)} cells compared, worst first. Per cell the worst of its sources in our results:")
    p("  spikes:<device> = a spike_recorder's train against NEURON's spike detector (NetCon) at the same node;")
    p("  v:<device> = -20 mV crossings of a soma voltage_recorder's trace and of NEURON's, interpolated alike;")
    p("  interp = the spike_recorder's train against NEURON's interpolated crossings (NetCon times lie on the dt grid)")
    p(f"  {'cell':<18} {'ours':>4} {'NEURON':>6} {'max shift ms':>12}  {'interp n, shift':<16} {'sources':<36} "
      "first spikes ms (ours | NEURON)")
    shown = rows if args.top <= 0 else rows[: args.top]
    for (ct, cid), ds, w in shown:
        ip = next((d["interpolated"] for d in ds if d.get("interpolated")), None)
        ips = f"{ip['neuron']}, {fmt(ip['max_shift_ms'])}" if ip else "-"
        first = " | ".join(" ".join(f"{t:.4f}" for t in w[k][:3]) + (" ..." if len(w[k]) > 3 else "") or "-"
                           for k in ("ours_times", "neuron_times"))
        flag = "" if w["equal_count"] else "  <- COUNT DIFFERS"
        sources = ",".join(d["source"].split("@")[0] for d in ds)
        p(f"  {ct + ' ' + str(cid):<18} {w['ours']:>4} {w['neuron']:>6} {fmt(w['max_shift_ms']):>12}  {ips:<16} "
          f"{sources:<36} {first}{flag}")
    if len(shown) < len(rows):
        p(f"  ... {len(rows) - len(shown)} more cells (--top 0 shows all)")
    unrec = [k for k in neuron_spikes if k not in per_cell]
    if unrec:
        p(f"  {len(unrec)} cells have no spike train or soma trace in our results; NEURON's soma spike counts: "
          + ", ".join(f"{ct} {cid}: {len(neuron_spikes[(ct, cid)])}" for ct, cid in unrec[:40])
          + (" ..." if len(unrec) > 40 else ""))
    p("")
    p(f"Signals: {len(sig_rows)} compared (max |ours - NEURON| over all samples), worst first per unit")
    p(f"  {'signal':<36} {'units':<6} {'max |diff|':>11} {'at ms':>8} {'ours':>11} {'NEURON':>11}  NEURON range")
    for unit, rs in by_unit.items():
        for r in (rs if args.top <= 0 else rs[: args.top]):
            p(f"  {r['signal']:<36} {unit:<6} {fmt(r['max_abs_diff']):>11} {r['at_ms']:>8.3f} {fmt(r['ours_at'], 6):>11} "
              f"{fmt(r['neuron_at'], 6):>11}  {fmt(r['neuron_min'], 4)} .. {fmt(r['neuron_max'], 4)}")
        if args.top > 0 and len(rs) > args.top:
            p(f"  ... {len(rs) - args.top} more {unit} signals")
    p("")
    ours_recorded = [t for _, ds, _ in rows for d in ds if d.get("detector") == "NetCon" for t in d["ours_times"]]
    off_grid = [t for t in ours_recorded if abs((t - 1e-10) / info["dt"] - round((t - 1e-10) / info["dt"])) > 1e-6]
    if ours_recorded and len(off_grid) > len(ours_recorded) / 2:
        p(f"Note: {len(off_grid)} of our {len(ours_recorded)} spike_recorder times are not on the dt grid: our detector "
          "interpolates the crossing, NEURON's NetCon records the step's end; compare the 'interp' column")
    p("Summary: " + summary(rows, by_unit))
    return "\n".join(lines)


def ranked(per_cell, sig_rows):
    """Cells worst first (a differing spike count, then the largest shift), with the worst of their sources;
    signals per unit (mV first, then nA, then the rest), worst first."""
    rows = []
    for (ct, cid), ds in per_cell.items():
        worst = max(ds, key=lambda d: (not d["equal_count"], d["max_shift_ms"]))
        rows.append(((ct, cid), ds, worst))
    rows.sort(key=lambda r: (not r[2]["equal_count"], r[2]["max_shift_ms"]), reverse=True)
    by_unit = OrderedDict()
    order = {"mV": 0, "nA": 1}
    for r in sorted(sig_rows, key=lambda r: (order.get(r["units"], 2), r["units"], -r["max_abs_diff"])):
        by_unit.setdefault(r["units"], []).append(r)
    return rows, by_unit


def summary(rows, by_unit):
    equal = sum(1 for _, _, w in rows if w["equal_count"])
    parts = [f"{equal}/{len(rows)} cells with equal spike counts"]
    if rows:
        worst = max(rows, key=lambda r: r[2]["max_shift_ms"])
        parts.append(f"max spike shift {fmt(worst[2]['max_shift_ms'])} ms ({worst[0][0]} {worst[0][1]})")
    names = {"mV": "v", "nA": "i"}
    for unit, rs in by_unit.items():
        parts.append(f"max |d{names.get(unit, unit)}| {fmt(rs[0]['max_abs_diff'])} {unit} ({rs[0]['signal']})")
    return "; ".join(parts)


# ------------------------------------------------------------------------------------------------
# NEURON's results as plain data
# ------------------------------------------------------------------------------------------------
def write_neuron(out, args, build, neuron_spikes, neuron_interp, sig_rows, info, dt, n):
    os.makedirs(out, exist_ok=True)
    for name, trains in (("spikes.json", neuron_spikes), ("spikes_interpolated.json", neuron_interp)):
        spikes = OrderedDict()
        for (ct, cid), ts in trains.items():
            spikes.setdefault(ct, OrderedDict())[str(cid)] = ts
        with open(os.path.join(out, name), "w") as f:
            json.dump(spikes, f, indent=1)
            f.write("\n")
    wanted = []
    for tok in (args.trace_cells or "").split(","):
        tok = tok.strip()
        if not tok:
            continue
        if ":" in tok:
            ct, cid = tok.rsplit(":", 1)
            wanted.append((ct, int(cid)))
        else:
            wanted.extend((ct, int(tok)) for ct in build.setup["cells"] if (ct, int(tok)) in build.soma)
    cols = [(f"{ct}:{cid}", np.array(build.soma[(ct, cid)][1])) for ct, cid in wanted if (ct, cid) in build.soma]
    write_csv(os.path.join(out, "traces.csv"), dt, n, cols)
    names, seen = [], {}
    for r in sig_rows:
        k = r["signal"]
        seen[k] = seen.get(k, 0) + 1
        names.append((k if seen[k] == 1 else f"{k}#{seen[k]}", r["_neuron"]))
    write_csv(os.path.join(out, "signals.csv"), dt, n, names)
    setup = OrderedDict([
        ("neuron", info["neuron"]), ("mechanism_libraries", args.mech_lib), ("model_mode", build.resolver.mode),
        ("mechanisms", build.resolver.choices), ("network", os.path.basename(args.network)),
        ("network_seed", build.net.seed), ("simulation", args.simulation), ("results", os.path.basename(args.results)),
        ("settings", OrderedDict([("duration_ms", info["duration"]), ("dt_ms", dt), ("celsius", info["celsius"]),
                                  ("v_init_mV", info["v_init"]), ("secondorder", 0), ("cvode", False),
                                  ("run", f"pc.set_maxstep(10); finitialize({info['v_init']}); "
                                          f"pc.psolve({info['duration']})"),
                                  ("samples", n)])),
        ("cells", build.setup["cells"]), ("transmitters", build.setup.get("transmitters", 0)),
        ("connections", build.setup["connections"]), ("devices", build.setup["devices"]),
        ("recorded", OrderedDict([("signals", len(sig_rows)), ("spike_trains", len(build.spike_probes))])),
        ("files", OrderedDict([
            ("spikes.json", "cell type -> cell id -> soma spike times (ms) of NEURON's spike detector: a NetCon "
                            "(threshold -20 mV) on v at arc(0.5) of location (0, 0), where a spike_recorder detects; "
                            "fixed step: the end time of the step after which v exceeds -20 mV, plus 1e-10 ms"),
            ("spikes_interpolated.json", "the same cells' upward crossings of -20 mV of v there, linearly "
                                         "interpolated between samples"),
            ("traces.csv", "t (ms) and v (mV) at arc(0) of location (0, 0) (where a voltage_recorder records) of "
                           "the --trace-cells, every sample, 9 significant digits"),
            ("signals.csv", "t (ms) and every signal of our results file, NEURON's values, named "
                            "device:cell_id:branch.point[:synapse_type] (a repeated name gets #2, #3, ...)")])),
        ("notes", build.notes)])
    with open(os.path.join(out, "setup.json"), "w") as f:
        json.dump(setup, f, indent=1)
        f.write("\n")


def write_csv(path, dt, n, cols):
    with open(path, "w") as f:
        f.write(",".join(["t"] + [c for c, _ in cols]) + "\n")
        for i in range(n):
            f.write(",".join([f"{i * dt:.9g}"] + [f"{v[i]:.9g}" for _, v in cols]) + "\n")


# ------------------------------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("network", help="network file written by bsb compile")
    ap.add_argument("simulation", help="simulation name in the network's config")
    ap.add_argument("--mech-lib", action="append", required=True,
                    help="NEURON mechanism library (nrnivmodl's x86_64/libnrnmech.so); repeatable")
    ap.add_argument("--results", required=True, help="our results file of that simulation (bsb simulate)")
    ap.add_argument("--reference-dir", default=DEFAULT_REF_DIR,
                    help="folder of build_reference.py (default: %(default)s; env NRNREF_DIR)")
    ap.add_argument("--project", help="folder the config's model references are relative to (default: the network "
                                      "file's folder, else the working directory)")
    ap.add_argument("--model-mode", choices=("auto", "catalogue", "names"), default="auto",
                    help="catalogue: glia names (glia__dbbs__Leak__0) as nmodl-glia resolves them; names: mechanism "
                         "names used as they are; auto: catalogue if the library has glia__ mechanisms")
    ap.add_argument("--write-neuron", metavar="OUT_DIR", help="write NEURON's results as plain data there")
    ap.add_argument("--trace-cells", default="0", help="cells whose soma v goes into traces.csv: ids (of every "
                                                       "cell type) or type:id, comma-separated (default: 0)")
    ap.add_argument("--json", action="store_true", help="print the comparison as JSON instead of tables")
    ap.add_argument("--top", type=int, default=20, help="rows per table (0: all)")
    ap.add_argument("--fail-above", type=float, metavar="MS",
                    help="exit 1 if a spike count differs or a spike moves by more than MS ms")
    args = ap.parse_args(argv)
    for k in ("network", "results", "reference_dir", "write_neuron"):
        if getattr(args, k):
            setattr(args, k, os.path.abspath(getattr(args, k)))
    args.mech_lib = [os.path.abspath(x) for x in args.mech_lib]

    net = Network(args.network)
    results = Results(args.results)
    sims = net.config.get("simulations", {})
    if args.simulation not in sims:
        die(f"the network's config has no simulation {args.simulation!r}; it has {list(sims)}")
    sim = sims[args.simulation]
    if sim.get("simulator", "neuron").rsplit(".", 1)[-1] not in ("neuron", "NeuronSimulation"):
        die(f"simulation {args.simulation!r} is not a neuron simulation")
    if text(results.attrs.get("simulation", args.simulation)) != args.simulation:
        print(f"warning: the results file is of simulation {results.attrs.get('simulation')!r}", file=sys.stderr)
    duration, dt = float(sim["duration"]), float(sim["resolution"])
    celsius = float(sim["temperature"])
    v_init = float(sim.get("initial", -65) if sim.get("initial") is not None else -65)
    project = infer_project(args, net.config, sim)

    br = load_builder(args.reference_dir)
    h = start_neuron(args.mech_lib)
    br._h = h  # the builder uses this NEURON with our libraries (its get_h would load its own)
    mode = args.model_mode
    if mode == "auto":
        mode = "catalogue" if any(n.startswith("glia__") for n in mechanism_names(h)) else "names"
    resolver = Resolver(br, h, mode)
    br.catalogue_index = lambda: {}
    br.resolve_mech = resolver
    h.celsius, h.dt, h.steps_per_ms, h.tstop = celsius, dt, 1.0 / dt, duration
    h.secondorder = 0
    h.cvode_active(0)

    t0 = time.perf_counter()
    try:
        models = OrderedDict((m, load_model(m, node, project, resolver))
                             for m, node in sim.get("cell_models", {}).items())
        build = Build(h, br, net, sim, resolver, models)
        build.build_cells()
        build.connect()
        build.devices(results)
        build.soma_probes()
    except Unsupported as e:
        die(f"not reproduced: {e}")
    except KeyError as e:
        die(f"{e.args[0] if e.args else e} (--model-mode {mode}; libraries {', '.join(args.mech_lib)})")
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pc = h.ParallelContext()
    pc.set_maxstep(10)
    h.finitialize(v_init)
    pc.psolve(duration)
    run_s = time.perf_counter() - t0

    n = int(round(duration / dt)) + 1
    # every cell's soma spikes: NEURON's detector (NetCon at arc(0.5) of location (0, 0), -20 mV), and the
    # interpolated -20 mV crossings of v there
    neuron_spikes = OrderedDict((k, list(tv)) for k, (_, _, tv) in build.soma.items())
    neuron_interp = OrderedDict((k, crossings(np.array(v05), dt, THRESHOLD)) for k, (v05, _, _) in build.soma.items())
    sig_rows, per_cell = compare(build, results, dt)
    summary_line = summary(*ranked(per_cell, sig_rows))
    info = {"neuron": h.nrnversion(5), "cells": len(build.cells),
            "connections": sum(c["connections"] for c in build.setup["connections"].values()),
            "samples": n, "dt": dt, "duration": duration, "celsius": celsius, "v_init": v_init,
            "build_s": build_s, "run_s": run_s}
    if args.write_neuron:
        write_neuron(args.write_neuron, args, build, neuron_spikes, neuron_interp, sig_rows, info, dt, n)

    failed = False
    if args.fail_above is not None:
        for ds in per_cell.values():
            for d in ds:
                if not d["equal_count"] or d["max_shift_ms"] > args.fail_above:
                    failed = True
    if args.json:
        out = {"info": info, "model_mode": mode, "mechanisms": resolver.choices, "setup": build.setup,
               "notes": build.notes,
               "spikes": [dict({"cell_type": ct, "cell_id": cid}, **{k: v for k, v in d.items()})
                          for (ct, cid), ds in per_cell.items() for d in ds],
               "neuron_soma_spikes": {f"{ct}:{cid}": ts for (ct, cid), ts in neuron_spikes.items()},
               "signals": [{k: v for k, v in r.items() if not k.startswith("_")} for r in sig_rows],
               "summary": summary_line, "failed": failed}
        json.dump(out, sys.stdout, indent=1)
        print()
    else:
        print(report(args, build, sig_rows, per_cell, neuron_spikes, info))
        if args.write_neuron:
            print(f"NEURON's results written to {args.write_neuron}")
        if args.fail_above is not None:
            print(f"--fail-above {args.fail_above}: {'FAILED' if failed else 'passed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
