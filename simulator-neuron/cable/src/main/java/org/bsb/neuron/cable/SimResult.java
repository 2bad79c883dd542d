package org.bsb.neuron.cable;

import java.util.List;

/**
 * Recorded traces (of one part of a split run: the others' probes are {@code null}, see {@link #merge}) (one value per row, rows {@code t = 0, dt, ..., tstop}) and spike times per
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

    /**
     * The result of a run split into parts ({@link Simulator#runPart}): each probe's trace from the part that
     * recorded it, the spikes from the first part (every part records every spike; they must agree).
     */
    public static SimResult merge(List<SimResult> parts) {
        SimResult first = parts.get(0);
        double[][] traces = new double[first.traces.length][];
        for (SimResult part : parts) {
            if (part.traces.length != traces.length || part.spikes.size() != first.spikes.size()) {
                throw new IllegalArgumentException(
                        "parts of different runs: " + part.traces.length + " and " + traces.length + " probes");
            }
            for (int p = 0; p < traces.length; p++) {
                if (part.traces[p] != null) {
                    traces[p] = part.traces[p];
                }
            }
            for (int s = 0; s < first.spikes.size(); s++) {
                if (!java.util.Arrays.equals(part.spikes.get(s), first.spikes.get(s))) {
                    throw new IllegalStateException("the parts of a run recorded different spikes for source " + s);
                }
            }
        }
        return new SimResult(first.dt, traces, first.spikes);
    }
}
