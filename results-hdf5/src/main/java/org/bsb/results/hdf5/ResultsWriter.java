package org.bsb.results.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bsb.api.io.AtomicFiles;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;

/**
 * Writes a results file. jHDF can only write a whole file in one go (no append), so the file is
 * built in a hidden temporary file next to its destination, flushed to the disk and then linked
 * into place ({@link AtomicFiles}): readers never see a half-written file and an existing file is
 * never replaced.
 */
public final class ResultsWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private ResultsWriter() {}

    /**
     * Writes into {@code directory} (created if needed) under a new name
     * {@code <simulation>-<timestamp>.h5}, adding {@code -2}, {@code -3}, ... if that exists.
     */
    public static Path writeNew(SimulationResults results, Path directory) throws IOException {
        String name = safeName(results.simulation());
        String base = name + "-" + LocalDateTime.now().format(STAMP);
        return AtomicFiles.createNew(
                directory, name, n -> base + (n == 0 ? "" : "-" + (n + 1)) + ".h5", tmp -> write(tmp, results));
    }

    /** Writes to {@code file}, replacing it atomically if it exists (an explicit choice of the caller). */
    public static Path writeTo(SimulationResults results, Path file) throws IOException {
        AtomicFiles.replace(file, tmp -> write(tmp, results));
        return file;
    }

    private static void write(Path tmp, SimulationResults results) throws IOException {
        try (WritableHdfFile file = HdfFile.write(tmp)) {
            fill(file, results);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException("cannot write results file " + tmp + ": " + e.getMessage(), e);
        }
    }

    private static void fill(WritableHdfFile file, SimulationResults results) {
        file.putAttribute(Layout.FORMAT, Layout.FORMAT_NAME);
        file.putAttribute(Layout.FORMAT_VERSION, Layout.VERSION);
        file.putAttribute(Layout.SIMULATION, results.simulation());
        results.attributes().forEach((k, v) -> {
            if (!Layout.ROOT_FIELDS.contains(k)) {
                Attributes.put(file, k, v);
            }
        });
        Members signals = new Members(file, Layout.SIGNALS);
        byDevice(results.signals(), Signal::device).forEach((device, list) -> {
            for (int k = 0; k < list.size(); k++) {
                Signal s = list.get(k);
                WritableNode node = signals.put(checkName(device), k, s.values());
                node.putAttribute(Layout.DEVICE, device);
                node.putAttribute(Layout.UNITS, s.units() == null ? "" : s.units());
                node.putAttribute(Layout.T_START, s.tStart());
                node.putAttribute(Layout.SAMPLING_PERIOD, s.samplingPeriod());
                annotate(node, s.annotations());
            }
        });
        Members spikes = new Members(file, Layout.SPIKES);
        byDevice(results.spikes(), SpikeTrain::device).forEach((device, list) -> {
            for (int k = 0; k < list.size(); k++) {
                SpikeTrain s = list.get(k);
                WritableNode node = spikes.put(checkName(device), k, s.times());
                node.putAttribute(Layout.DEVICE, device);
                annotate(node, s.annotations());
            }
        });
    }

    /**
     * The members of one top group ({@code signals} or {@code spikes}), created on first use.
     * jHDF 0.13.0 can write neither empty datasets nor files that hold an empty group next to a
     * dataset (the file comes out unreadable), so a member without values is a one-element [NaN]
     * dataset and every member carries {@code length}, its true number of values.
     */
    private static final class Members {
        private final WritableHdfFile file;
        private final String top;
        private WritableGroup group;
        private final Map<String, WritableGroup> devices = new LinkedHashMap<>();

        Members(WritableHdfFile file, String top) {
            this.file = file;
            this.top = top;
        }

        WritableNode put(String device, int k, double[] values) {
            if (group == null) {
                group = file.putGroup(top);
            }
            // jHDF captures arrays at close(): copy so later changes by the caller cannot leak in
            double[] data = values.length == 0 ? new double[] {Double.NaN} : values.clone();
            WritableNode node = devices.computeIfAbsent(device, group::putGroup).putDataset(Integer.toString(k), data);
            node.putAttribute(Layout.LENGTH, values.length);
            return node;
        }
    }

    private static void annotate(WritableNode node, Map<String, Object> annotations) {
        if (annotations == null) {
            return;
        }
        annotations.forEach((k, v) -> {
            if (!Layout.SIGNAL_FIELDS.contains(k)) {
                Attributes.put(node, k, v);
            }
        });
    }

    private static <T> Map<String, List<T>> byDevice(List<T> items, Function<T, String> device) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T item : items) {
            out.computeIfAbsent(device.apply(item), k -> new java.util.ArrayList<>())
                    .add(item);
        }
        return out;
    }

    private static String checkName(String device) {
        if (device == null || device.isEmpty() || device.contains("/") || device.equals(".")) {
            throw new IllegalArgumentException("device name '" + device + "' cannot name an HDF5 group");
        }
        return device;
    }

    /** The simulation name as a file-name part. */
    static String safeName(String name) {
        String s = name == null || name.isBlank() ? "simulation" : name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }
}
