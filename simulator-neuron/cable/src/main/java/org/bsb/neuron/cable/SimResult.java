package org.bsb.neuron.cable;

import java.util.List;

/**
 * Recorded traces (one value per row, rows {@code t = 0, dt, ..., tstop}) and spike times per
 * source (threshold sources: linearly interpolated crossing times).
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
