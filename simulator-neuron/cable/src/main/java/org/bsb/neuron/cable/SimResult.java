package org.bsb.neuron.cable;

import java.util.List;

/**
 * Recorded traces (one value per row, rows {@code t = 0, dt, ..., tstop}) and spike times per
 * source (threshold sources: as NEURON's {@code NetCon.record}, the end time of the step in which v
 * first exceeds the threshold plus 1e-10 ms; artificial cells: their event times).
 */
public record SimResult(double dt, double[][] traces, List<double[]> spikes) {

    public double[] trace(Network.Probe probe) {
        return traces[probe.id()];
    }

    public double[] spikes(int source) {
        return spikes.get(source);
    }

    public double time(int row) {
        return row * dt;
    }
}
