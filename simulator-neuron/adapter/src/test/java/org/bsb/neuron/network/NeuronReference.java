package org.bsb.neuron.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SpikeTrain;

/**
 * NEURON's results of a network as {@code benchmarks/network-crosscheck/crosscheck.py --write-neuron DIR}
 * writes them: {@code spikes.json} (cell type -> cell id -> soma spike times) and {@code signals.csv} (a column
 * {@code t}, then one column per recorded signal named {@code device:cell_id:branch.point[:synapse_type]}, as
 * our signals' annotations name them).
 */
record NeuronReference(Map<String, double[]> spikes, Map<String, double[]> signals) {
    static NeuronReference read(Path dir) throws IOException {
        Map<String, double[]> spikes = new TreeMap<>();
        JsonNode root = new ObjectMapper().readTree(dir.resolve("spikes.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> types = root.fields(); types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            for (Iterator<Map.Entry<String, JsonNode>> cells = type.getValue().fields(); cells.hasNext(); ) {
                Map.Entry<String, JsonNode> cell = cells.next();
                double[] t = new double[cell.getValue().size()];
                for (int k = 0; k < t.length; k++) {
                    t[k] = cell.getValue().get(k).asDouble();
                }
                spikes.put(type.getKey() + ":" + cell.getKey(), t);
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("signals.csv"));
        String[] names = lines.get(0).split(",");
        double[][] columns = new double[names.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            for (int c = 0; c < names.length; c++) {
                columns[c][r - 1] = Double.parseDouble(cells[c]);
            }
        }
        Map<String, double[]> signals = new LinkedHashMap<>();
        for (int c = 1; c < names.length; c++) {
            signals.put(names[c], columns[c]);
        }
        return new NeuronReference(spikes, signals);
    }

    /** The reference's name of one of our signals. */
    static String key(Signal s) {
        Map<String, Object> a = s.annotations();
        int[] loc = (int[]) a.get("location");
        String key = s.device() + ":" + a.get("cell_id") + ":" + loc[0] + "." + loc[1];
        return a.containsKey("synapse_type") ? key + ":" + a.get("synapse_type") : key;
    }

    /** Every difference of spike count, or of a spike time by more than {@code tolerance} ms, per cell. */
    static List<String> compareSpikes(NeuronReference neuron, List<SpikeTrain> ours, double tolerance) {
        Map<String, double[]> byCell = new TreeMap<>();
        for (SpikeTrain s : ours) {
            byCell.put(s.annotations().get("cell_type") + ":" + s.annotations().get("cell_id"), s.times());
        }
        List<String> problems = new ArrayList<>();
        if (!byCell.keySet().equals(neuron.spikes().keySet())) {
            problems.add("recorded cells differ: ours " + byCell.keySet() + ", NEURON "
                    + neuron.spikes().keySet());
        }
        neuron.spikes().forEach((cell, theirs) -> {
            double[] mine = byCell.getOrDefault(cell, new double[0]);
            if (mine.length != theirs.length) {
                problems.add(cell + ": " + mine.length + " spikes, NEURON " + theirs.length + " (ours "
                        + java.util.Arrays.toString(mine) + ", NEURON " + java.util.Arrays.toString(theirs) + ")");
                return;
            }
            for (int k = 0; k < mine.length; k++) {
                if (!(Math.abs(mine[k] - theirs[k]) <= tolerance)) {
                    problems.add(cell + ": spike " + k + " at " + mine[k] + " ms, NEURON " + theirs[k] + " ms");
                }
            }
        });
        return problems;
    }

    /** Every signal whose largest difference from NEURON's exceeds {@code tolerance}, or that NEURON lacks. */
    static List<String> compareSignals(NeuronReference neuron, List<Signal> ours, double tolerance) {
        List<String> problems = new ArrayList<>();
        int matched = 0;
        for (Signal s : ours) {
            double[] theirs = neuron.signals().get(key(s));
            if (theirs == null) {
                problems.add(
                        key(s) + ": not in NEURON's signals " + neuron.signals().keySet());
                continue;
            }
            matched++;
            double worst = 0;
            int at = 0;
            for (int k = 0; k < Math.min(theirs.length, s.values().length); k++) {
                double d = Math.abs(s.values()[k] - theirs[k]);
                if (!(d <= worst)) {
                    worst = d;
                    at = k;
                }
            }
            if (theirs.length != s.values().length || !(worst <= tolerance)) {
                problems.add(key(s) + ": max |ours - NEURON| " + worst + " " + s.units() + " at "
                        + at * s.samplingPeriod() + " ms (" + s.values().length + " vs " + theirs.length + " samples)");
            }
        }
        if (matched != neuron.signals().size()) {
            problems.add(matched + " of NEURON's " + neuron.signals().size() + " signals were recorded by ours");
        }
        return problems;
    }
}
