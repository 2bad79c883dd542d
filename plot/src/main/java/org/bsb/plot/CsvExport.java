package org.bsb.plot;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;

/**
 * CSV tables for quick looks: per device {@code <device>.csv} with a {@code time_ms} column and a
 * column per signal (headed {@code <cell_type>_<cell_id>[_<synapse_type>]}), and {@code spikes.csv}
 * with one row per spike. Signals of a device that do not share its time axis go to
 * {@code <device>-<k>.csv}.
 */
public final class CsvExport {
    private CsvExport() {}

    public static List<Path> export(SimulationResults results, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Map<String, List<Signal>> byDevice = new LinkedHashMap<>();
        for (Signal s : results.signals()) {
            byDevice.computeIfAbsent(s.device(), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Signal>> e : byDevice.entrySet()) {
            List<List<Signal>> tables = splitByTimeAxis(e.getValue());
            for (int k = 0; k < tables.size(); k++) {
                String name = SignalGroups.fileName(e.getKey()) + (k == 0 ? "" : "-" + k) + ".csv";
                out.add(writeTable(dir.resolve(name), tables.get(k)));
            }
        }
        if (!results.spikes().isEmpty()) {
            Path file = dir.resolve("spikes.csv");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("device,cell_type,cell_id,time_ms\n");
                for (SpikeTrain t : results.spikes()) {
                    for (double time : t.times()) {
                        w.write(t.device() + "," + str(t.annotations().get("cell_type")) + ","
                                + str(t.annotations().get("cell_id")) + "," + num(time) + "\n");
                    }
                }
            }
            out.add(file);
        }
        return out;
    }

    private static List<List<Signal>> splitByTimeAxis(List<Signal> signals) {
        List<List<Signal>> tables = new ArrayList<>();
        outer:
        for (Signal s : signals) {
            for (List<Signal> table : tables) {
                Signal first = table.get(0);
                if (first.tStart() == s.tStart()
                        && first.samplingPeriod() == s.samplingPeriod()
                        && first.values().length == s.values().length) {
                    table.add(s);
                    continue outer;
                }
            }
            tables.add(new ArrayList<>(List.of(s)));
        }
        return tables;
    }

    private static Path writeTable(Path file, List<Signal> table) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("time_ms");
            for (int i = 0; i < table.size(); i++) {
                Map<String, Object> a = table.get(i).annotations();
                String col = SignalGroups.cellName(a, i).replace(' ', '_');
                if (a.get("synapse_type") != null) {
                    col += "_" + a.get("synapse_type");
                }
                header.append(',')
                        .append(col.replace(",", "_"))
                        .append('_')
                        .append(table.get(i).units());
            }
            w.write(header.append('\n').toString());
            Signal first = table.get(0);
            int n = first.values().length;
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < n; k++) {
                row.setLength(0);
                row.append(num(first.tStart() + k * first.samplingPeriod()));
                for (Signal s : table) {
                    row.append(',').append(num(s.values()[k]));
                }
                w.write(row.append('\n').toString());
            }
        }
        return file;
    }

    private static String num(double x) {
        return Double.toString(x); // shortest exact representation; CSV readers accept 1.0E-10
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString().replace(",", "_");
    }
}
