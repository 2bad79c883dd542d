package org.bsb.results.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;

/** Reads a results file written by {@link ResultsWriter}. */
public final class ResultsReader {
    private ResultsReader() {}

    public static SimulationResults read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("results file " + path + " does not exist");
        }
        try (HdfFile file = new HdfFile(path)) {
            String format = Attributes.string(file, Layout.FORMAT, null);
            if (!Layout.FORMAT_NAME.equals(format)) {
                throw new IOException(path + " is not a BSB results file (root attribute 'format' is "
                        + (format == null ? "missing" : "'" + format + "'") + ", expected '" + Layout.FORMAT_NAME
                        + "')");
            }
            String simulation = Attributes.string(file, Layout.SIMULATION, "");
            Map<String, Object> attributes = Attributes.read(file, Layout.ROOT_FIELDS);
            List<Signal> signals = new ArrayList<>();
            for (Node[] entry : entries(file, Layout.SIGNALS)) {
                String device = entry[0].getName();
                Node node = entry[1];
                signals.add(new Signal(
                        device,
                        Attributes.read(node, Layout.SIGNAL_FIELDS),
                        Attributes.string(node, Layout.UNITS, ""),
                        Attributes.number(node, Layout.T_START, 0),
                        Attributes.number(node, Layout.SAMPLING_PERIOD, Double.NaN),
                        values(node, path)));
            }
            List<SpikeTrain> spikes = new ArrayList<>();
            for (Node[] entry : entries(file, Layout.SPIKES)) {
                spikes.add(new SpikeTrain(
                        entry[0].getName(), Attributes.read(entry[1], Layout.SIGNAL_FIELDS), values(entry[1], path)));
            }
            return new SimulationResults(simulation, attributes, signals, spikes);
        } catch (RuntimeException e) {
            throw new IOException("cannot read results file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * {device group, member} pairs of a top group, devices by name, members by their number.
     */
    private static List<Node[]> entries(HdfFile file, String top) {
        List<Node[]> out = new ArrayList<>();
        collect(file.getChild(top), out);
        out.sort(Comparator.<Node[], String>comparing(e -> e[0].getName())
                .thenComparingInt(e -> Integer.parseInt(e[1].getName())));
        return out;
    }

    private static void collect(Node top, List<Node[]> out) {
        if (top instanceof Group group) {
            for (Node device : group.getChildren().values()) {
                for (Node member : ((Group) device).getChildren().values()) {
                    out.add(new Node[] {device, member});
                }
            }
        }
    }

    private static double[] values(Node node, Path path) {
        if (node instanceof Dataset ds) {
            Object data = ds.getData();
            var length = ds.getAttribute(Layout.LENGTH);
            if (length != null && ((Number) length.getData()).intValue() == 0) {
                return new double[0];
            }
            if (data instanceof double[] d) {
                return d;
            }
            if (data instanceof float[] f) {
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                return d;
            }
            throw new IllegalStateException(node.getPath() + " is not a 1-D float dataset");
        }
        throw new IllegalStateException(node.getPath() + " is not a dataset");
    }
}
