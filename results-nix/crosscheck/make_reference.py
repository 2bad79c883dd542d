#!/usr/bin/env python3
"""Writes the reference NIX file of NixStructureTest with neo's own NixIO (run by hand).

    PYTHONPATH=/path/to/nixpy /usr/bin/python3 make_reference.py \
        ../src/test/resources/neo-reference.nio

neo (Debian python3-neo 0.11.1) writes one Block as BSB's results are written: named after the
simulation, its config as annotation, one Segment with two AnalogSignals (a voltage and a
synaptic current, with the annotations of BSB's recorders) and two SpikeTrains (one empty).
NixStructureTest writes the same content with our writer and compares the structure of both files.
"""
import sys

import numpy as np
import quantities as pq
import neo
from neo.io import NixIO

CONFIG = '{"simulator":"neuron","duration":100.0}'


def block():
    blk = neo.Block(name="neuronsim", config=CONFIG)
    seg = neo.Segment()
    blk.segments.append(seg)
    seg.analogsignals.append(neo.AnalogSignal(
        np.array([-65.0, -64.5, -64.0, -63.0, -62.0]), units="mV", sampling_period=0.025 * pq.ms,
        t_start=0 * pq.ms, name="vrecorder", cell_id=3, cell_type="stellate_cell", location=[0, 1]))
    seg.analogsignals.append(neo.AnalogSignal(
        np.array([0.0, -0.01, -0.02, -0.015, -0.01]), units="nA", sampling_period=0.025 * pq.ms,
        t_start=0 * pq.ms, name="synapses_rec", cell_id=3, cell_type="stellate_cell", location=[2, 5],
        synapse_type="AMPA"))
    seg.spiketrains.append(neo.SpikeTrain([1.5, 20.25, 60.0] * pq.ms, t_stop=100 * pq.ms, device="spikes",
                                          cell_id=3, cell_type="stellate_cell"))
    seg.spiketrains.append(neo.SpikeTrain([] * pq.ms, t_stop=100 * pq.ms, device="spikes",
                                          cell_id=4, cell_type="stellate_cell"))
    return blk


if __name__ == "__main__":
    io = NixIO(sys.argv[1], mode="ow")
    io.write_block(block())
    io.close()
