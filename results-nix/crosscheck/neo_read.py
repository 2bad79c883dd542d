#!/usr/bin/env python3
"""Cross-check (run by hand): neo's NixIO reads our .nio as labs read the original BSB's results,
and every signal, spike train and annotation equals our hdf5 results of the same run.

    PYTHONPATH=/path/to/nixpy /usr/bin/python3 neo_read.py RESULTS.nio RESULTS.h5

RESULTS.nio is opened exactly as the original's users do, neo.io.NixIO(path, mode="ro").read_block();
RESULTS.h5 (our hdf5 layout, results-hdf5/README.md) with h5py. The two files must come from the same
(deterministic) run: bsb simulate ... -o DIR and bsb simulate ... -o DIR --format hdf5, or
run.write(dir.resolve("x.nio")) and run.write(dir.resolve("x.h5")) of one SimulationRun.
Signals and spike trains are matched per device in recording order (our hdf5 layout numbers the
members of a device 0, 1, ... in that order). Exit status 0 when everything agrees.
"""
import json
import sys

import h5py
import neo
import nixio
import numpy as np
from neo.io import NixIO

# hdf5 attributes that are record fields, not annotations (results-hdf5 Layout.SIGNAL_FIELDS)
FIELDS = {"device", "units", "t_start", "sampling_period", "length"}
ROOT_FIELDS = {"format", "format_version", "simulation", "_jHDF"}


def text(v):
    return v.decode() if isinstance(v, bytes) else v


def plain(v):
    """An annotation value as plain Python, for comparing neo's with h5py's."""
    v = text(v)
    if hasattr(v, "magnitude"):  # quantities
        v = v.magnitude
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.tolist()] if v.ndim else plain(v.item())
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, np.generic):
        return v.item()
    return v


def members(group):
    """{device: [datasets in recording order]} of our hdf5 layout's /signals or /spikes."""
    if group is None:
        return {}
    return {dev: [group[dev][k] for k in sorted(group[dev], key=int)] for dev in group}


def main(nio, h5):
    problems = []
    io = NixIO(nio, mode="ro")
    block = io.read_block()
    with h5py.File(h5, "r") as f:
        print(f"neo {neo.__version__}, nixio {nixio.__version__}: NixIO({nio!r}, mode='ro').read_block()")
        print(f"  Block name={block.name!r}, {len(block.segments)} segment(s), "
              f"{len(block.annotations)} annotations: {sorted(block.annotations)}")
        if block.name != text(f.attrs["simulation"]):
            problems.append(f"block name {block.name!r} != simulation {text(f.attrs['simulation'])!r}")
        # block annotations = root attributes of the hdf5 file (the run's provenance)
        root = {k: plain(f.attrs[k]) for k in f.attrs if k not in ROOT_FIELDS}
        ann = {k: plain(v) for k, v in block.annotations.items() if k != "nix_name"}
        for k in sorted(set(root) | set(ann)):
            a, b = ann.get(k, "<missing>"), root.get(k, "<missing>")
            if k == "config" and isinstance(a, str) and isinstance(b, str):
                a, b = json.loads(a), json.loads(b)
            if k == "wall_time":
                continue  # two runs, two wall times
            if a != b:
                problems.append(f"block annotation {k}: neo {a!r} != hdf5 {b!r}")
        config = json.loads(block.annotations["config"])
        print(f"  config: simulator {config['simulator']!r}, duration {config['duration']}, "
              f"devices {sorted(config['devices'])}")

        signals = [s for seg in block.segments for s in seg.analogsignals]
        trains = [t for seg in block.segments for t in seg.spiketrains]
        by_device = {}
        for s in signals:
            by_device.setdefault(s.name, []).append(s)
        h5signals = members(f.get("signals"))
        print(f"  AnalogSignals: {len(signals)} "
              + ", ".join(f"{d}: {len(v)} in {v[0].units.dimensionality}" for d, v in by_device.items()))
        samples = 0
        worst = 0.0
        for dev in sorted(set(by_device) | set(h5signals)):
            ours, ref = by_device.get(dev, []), h5signals.get(dev, [])
            if len(ours) != len(ref):
                problems.append(f"device {dev}: {len(ours)} signals in the .nio, {len(ref)} in the .h5")
                continue
            for k, (s, d) in enumerate(zip(ours, ref)):
                values = d[: d.attrs["length"]]
                got = s.magnitude[:, 0]
                where = f"{dev}[{k}]"
                if got.shape != values.shape:
                    problems.append(f"{where}: {got.shape[0]} samples, .h5 {values.shape[0]}")
                    continue
                diff = np.max(np.abs(got - values)) if len(values) else 0.0
                worst = max(worst, diff)
                samples += len(values)
                if not np.array_equal(got, values, equal_nan=True):
                    problems.append(f"{where}: samples differ (max |diff| {diff})")
                if str(s.units.dimensionality) != text(d.attrs["units"]):
                    problems.append(f"{where}: units {s.units.dimensionality} != {text(d.attrs['units'])}")
                if float(s.sampling_period.rescale("ms").magnitude) != float(d.attrs["sampling_period"]):
                    problems.append(f"{where}: sampling_period {s.sampling_period} != {d.attrs['sampling_period']} ms")
                if float(s.t_start.rescale("ms").magnitude) != float(d.attrs["t_start"]):
                    problems.append(f"{where}: t_start {s.t_start} != {d.attrs['t_start']} ms")
                a = {k2: plain(v) for k2, v in s.annotations.items() if k2 != "nix_name"}
                b = {k2: plain(d.attrs[k2]) for k2 in d.attrs if k2 not in FIELDS}
                if a != b:
                    problems.append(f"{where}: annotations {a} != {b}")
        print(f"  {len(signals)} signals compared sample for sample ({samples} samples): max |diff| {worst}; "
              "units, sampling_period, t_start and annotations (name = device, cell_id, cell_type, location, "
              "synapse_type) compared")
        example = signals[0] if signals else None
        if example is not None:
            print(f"  e.g. {example.name!r}: shape {example.shape}, {example.units.dimensionality}, "
                  f"sampling_period {example.sampling_period}, t_start {example.t_start}, "
                  f"annotations {dict((k, plain(v)) for k, v in example.annotations.items() if k != 'nix_name')}")

        h5spikes = members(f.get("spikes"))
        trains_by_device = {}
        for t in trains:
            trains_by_device.setdefault(t.annotations.get("device"), []).append(t)
        spikes = 0
        for dev in sorted(set(trains_by_device) | set(h5spikes), key=str):
            ours, ref = trains_by_device.get(dev, []), h5spikes.get(dev, [])
            if len(ours) != len(ref):
                problems.append(f"spike device {dev}: {len(ours)} trains in the .nio, {len(ref)} in the .h5")
                continue
            for k, (t, d) in enumerate(zip(ours, ref)):
                times = d[: d.attrs["length"]]
                spikes += len(times)
                if not np.array_equal(t.rescale("ms").magnitude, times):
                    problems.append(f"spikes {dev}[{k}]: {t} != {times}")
                a = {k2: plain(v) for k2, v in t.annotations.items() if k2 not in ("nix_name", "device")}
                b = {k2: plain(d.attrs[k2]) for k2 in d.attrs if k2 not in FIELDS}
                if a != b:
                    problems.append(f"spikes {dev}[{k}]: annotations {a} != {b}")
        print(f"  SpikeTrains: {len(trains)} ({spikes} spikes) compared spike for spike"
              + (f"; e.g. t_start {trains[0].t_start}, t_stop {trains[0].t_stop}, "
                 f"annotations {dict((k, plain(v)) for k, v in trains[0].annotations.items() if k != 'nix_name')}"
                 if trains else ""))
    io.close()
    for p in problems:
        print("MISMATCH", p)
    print("OK: neo reads everything our hdf5 results hold" if not problems else f"{len(problems)} mismatches")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
