package org.bsb.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;

/**
 * Simulation results of the tutorial's shape (100 ms at dt 0.025: 4001 samples), for the tests of the
 * results formats: two voltage traces, one synaptic current, two spike trains (one empty) and the
 * attributes a simulation stores. Every call builds new objects.
 */
public final class SampleResults {
    /** Samples of every signal: 100 ms at dt 0.025. */
    public static final int SAMPLES = 4001;
    /** The sampling period of every signal, ms. */
    public static final double DT = 0.025;

    private SampleResults() {}

    /** The simulation "neuronsim" with {@link #attributes()}, {@link #signals()} and {@link #spikeTrains()}. */
    public static SimulationResults tutorialShape() {
        return new SimulationResults("neuronsim", attributes(), List.copyOf(signals()), spikeTrains());
    }

    /**
     * The attributes, in this order: duration 100.0, resolution 0.025, temperature 32.0, seed 42L, software
     * (bsb 0.1.0, java 17.0.15), wall_time 1.25. A new mutable map: add to it.
     */
    public static Map<String, Object> attributes() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("duration", 100.0);
        root.put("resolution", DT);
        root.put("temperature", 32.0);
        root.put("seed", 42L);
        root.put("software", Map.of("bsb", "0.1.0", "java", "17.0.15"));
        root.put("wall_time", 1.25);
        return root;
    }

    /**
     * Three signals from t = 0: device "vrecorder" on cells 3 and 7 (mV), device "synapses_rec" on cell 3,
     * location [12, 4], synapse type GABA (nA). A new mutable list: add to it.
     */
    public static List<Signal> signals() {
        double[] v0 = new double[SAMPLES];
        double[] v1 = new double[SAMPLES];
        double[] i = new double[SAMPLES];
        for (int k = 0; k < SAMPLES; k++) {
            double t = k * DT;
            v0[k] = -65 + 10 * Math.sin(t / 7.0);
            v1[k] = -70 + t / 100.0;
            i[k] = t > 10 ? -0.05 * Math.exp(-(t - 10) / 5.0) : 0;
        }
        return new ArrayList<>(List.of(
                new Signal(
                        "vrecorder",
                        Map.of("cell_id", 3, "cell_type", "stellate_cell", "location", new int[] {0, 0}),
                        "mV",
                        0,
                        DT,
                        v0),
                new Signal(
                        "vrecorder",
                        Map.of("cell_id", 7, "cell_type", "stellate_cell", "location", new int[] {0, 0}),
                        "mV",
                        0,
                        DT,
                        v1),
                new Signal(
                        "synapses_rec",
                        Map.of(
                                "cell_id",
                                3,
                                "cell_type",
                                "stellate_cell",
                                "location",
                                new int[] {12, 4},
                                "synapse_type",
                                "GABA"),
                        "nA",
                        0,
                        DT,
                        i)));
    }

    /** Device "spikes": cell 3 at 10.5, 22.25 and 87.0 ms, cell 7 none. */
    public static List<SpikeTrain> spikeTrains() {
        return List.of(
                new SpikeTrain(
                        "spikes", Map.of("cell_id", 3, "cell_type", "stellate_cell"), new double[] {10.5, 22.25, 87.0}),
                new SpikeTrain("spikes", Map.of("cell_id", 7, "cell_type", "stellate_cell"), new double[0]));
    }
}
