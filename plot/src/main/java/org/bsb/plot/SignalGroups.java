package org.bsb.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;

/** How a results file's signals are grouped into figures and tables. */
final class SignalGroups {
    /** Upward crossings of this potential count as spikes when no spike recorder ran (NEURON's NetCon default). */
    static final double SPIKE_THRESHOLD_MV = -20;

    private SignalGroups() {}

    /** Voltage traces (units mV) by device. */
    static Map<String, List<Signal>> voltages(SimulationResults r) {
        Map<String, List<Signal>> out = new LinkedHashMap<>();
        for (Signal s : r.signals()) {
            if ("mV".equals(s.units())) {
                out.computeIfAbsent(s.device(), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /** Synaptic currents (a {@code synapse_type} annotation) by "device/synapse type". */
    static Map<String, List<Signal>> synapticCurrents(SimulationResults r) {
        Map<String, List<Signal>> out = new LinkedHashMap<>();
        for (Signal s : r.signals()) {
            Object type = s.annotations().get("synapse_type");
            if (type != null && !"mV".equals(s.units())) {
                out.computeIfAbsent(s.device() + "/" + type, k -> new ArrayList<>())
                        .add(s);
            }
        }
        return out;
    }

    /** All other signals (clamp currents, ion concentrations, ...) by device. */
    static Map<String, List<Signal>> others(SimulationResults r) {
        Map<String, List<Signal>> out = new LinkedHashMap<>();
        for (Signal s : r.signals()) {
            if (!"mV".equals(s.units()) && s.annotations().get("synapse_type") == null) {
                out.computeIfAbsent(s.device(), k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /**
     * Spike trains of the file; if it has none, spikes detected in the voltage traces (upward
     * crossings of {@value #SPIKE_THRESHOLD_MV} mV), so that NEURON runs without a spike recorder
     * still get a raster.
     */
    static List<SpikeTrain> spikes(SimulationResults r) {
        if (!r.spikes().isEmpty()) {
            return r.spikes();
        }
        List<SpikeTrain> out = new ArrayList<>();
        voltages(r).forEach((device, signals) -> {
            for (Signal s : signals) {
                out.add(new SpikeTrain(device, s.annotations(), crossings(s, SPIKE_THRESHOLD_MV)));
            }
        });
        return out;
    }

    /** Times of upward crossings of {@code threshold}, linearly interpolated between samples. */
    static double[] crossings(Signal s, double threshold) {
        double[] v = s.values();
        List<Double> times = new ArrayList<>();
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] < threshold && v[i] >= threshold) {
                double f = (threshold - v[i - 1]) / (v[i] - v[i - 1]);
                times.add(s.tStart() + (i - 1 + f) * s.samplingPeriod());
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] times(Signal s) {
        double[] t = new double[s.values().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.tStart() + i * s.samplingPeriod();
        }
        return t;
    }

    /** "stellate_cell 3" or the signal's position if it has no cell annotations. */
    static String cellName(Map<String, Object> annotations, int index) {
        Object type = annotations.get("cell_type");
        Object id = annotations.get("cell_id");
        if (type == null && id == null) {
            return "#" + index;
        }
        return (type == null ? "" : type + " ") + (id == null ? "" : id);
    }

    /** A name usable as a file name part. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
