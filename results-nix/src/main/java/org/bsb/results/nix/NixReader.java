package org.bsb.results.nix;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.lang.reflect.Array;
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
 * Reads a NIX file as neo's {@code NixIO.read_block()} maps it: the first Block, the
 * AnalogSignals and SpikeTrains of all its Segments. Reads our files and those neo writes
 * (e.g. the original BSB's {@code .nio}); times are converted to ms.
 */
public final class NixReader {
    private NixReader() {}

    /** True if {@code path} is an HDF5 file whose root attribute {@code format} is {@code nix}. */
    public static boolean isNix(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (HdfFile file = new HdfFile(path)) {
            return Nix.FORMAT.equals(string(file, "format"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static SimulationResults read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("results file " + path + " does not exist");
        }
        try (HdfFile file = new HdfFile(path)) {
            String format = string(file, "format");
            if (!Nix.FORMAT.equals(format)) {
                throw new IOException(path + " is not a NIX file (root attribute 'format' is "
                        + (format == null ? "missing" : "'" + format + "'") + ", expected '" + Nix.FORMAT + "')");
            }
            Group block = firstBlock(file);
            if (block == null) {
                throw new IOException(path + " holds no neo Block (no group of type 'neo.block' under /data)");
            }
            Map<String, Object> blockProperties = properties(block);
            Object name = blockProperties.remove(Nix.NEO_NAME);
            blockProperties.remove(Nix.NIX_NAME);
            List<Signal> signals = new ArrayList<>();
            List<SpikeTrain> spikes = new ArrayList<>();
            for (Node child : children(block, Nix.GROUPS)) {
                if (child instanceof Group g && Nix.SEGMENT.equals(string(g, Nix.TYPE))) {
                    segment(g, signals, spikes);
                }
            }
            return new SimulationResults(name == null ? "" : name.toString(), blockProperties, signals, spikes);
        } catch (RuntimeException e) {
            throw new IOException("cannot read results file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The first block by creation order (as {@code read_block()}), i.e. the first link of /data. */
    private static Group firstBlock(HdfFile file) {
        for (Node child : children(file, Nix.DATA)) {
            if (child instanceof Group g && Nix.BLOCK.equals(string(g, Nix.TYPE))) {
                return g;
            }
        }
        return null;
    }

    private static void segment(Group segment, List<Signal> signals, List<SpikeTrain> spikes) {
        // A neo AnalogSignal of n channels is n data arrays <name>.0 .. <name>.<n-1> sharing one section.
        Map<String, List<Group>> channels = new LinkedHashMap<>();
        for (Node child : children(segment, Nix.DATA_ARRAYS)) {
            if (child instanceof Group da && Nix.ANALOGSIGNAL.equals(string(da, Nix.TYPE))) {
                String n = string(da, Nix.NAME);
                String base =
                        n == null || n.lastIndexOf('.') < 0 ? String.valueOf(n) : n.substring(0, n.lastIndexOf('.'));
                channels.computeIfAbsent(base, k -> new ArrayList<>()).add(da);
            }
        }
        for (List<Group> das : channels.values()) {
            for (int c = 0; c < das.size(); c++) {
                signals.add(signal(das.get(c), c, das.size()));
            }
        }
        for (Node child : children(segment, Nix.MULTI_TAGS)) {
            if (child instanceof Group mt && Nix.SPIKETRAIN.equals(string(mt, Nix.TYPE))) {
                spikes.add(spikeTrain(mt));
            }
        }
    }

    private static Signal signal(Group da, int channel, int channels) {
        Map<String, Object> annotations = properties(da);
        Object device = annotations.remove(Nix.NEO_NAME);
        annotations.remove(Nix.NIX_NAME);
        Group dim = timeDimension(da);
        double scale = dim == null ? 1 : toMs(string(dim, Nix.UNIT));
        double period = dim == null ? Double.NaN : number(dim, "sampling_interval", Double.NaN) * scale;
        double offset = dim == null ? 0 : number(dim, "offset", 0) * scale;
        Object tStart = annotations.remove(Nix.T_START);
        double start = tStart instanceof Number n ? n.doubleValue() * toMs(propertyUnit(da, Nix.T_START)) : offset;
        if (channels > 1) {
            annotations.put("channel", channel);
        }
        String units = string(da, Nix.UNIT);
        return new Signal(
                device == null ? "" : device.toString(),
                annotations,
                units == null || units.equals("dimensionless") ? "" : units,
                start,
                period,
                doubles(da.getChild("data")));
    }

    private static SpikeTrain spikeTrain(Group mt) {
        Map<String, Object> annotations = properties(mt);
        Object name = annotations.remove(Nix.NEO_NAME);
        annotations.remove(Nix.NIX_NAME);
        annotations.remove(Nix.T_START);
        annotations.remove(Nix.T_STOP);
        Object device = annotations.remove(Nix.DEVICE);
        if (device == null || device.toString().isEmpty()) {
            device = name;
        }
        double[] times = new double[0];
        if (mt.getChild(Nix.POSITIONS) instanceof Group positions) {
            times = doubles(positions.getChild("data"));
            double scale = toMs(string(positions, Nix.UNIT));
            if (scale != 1) {
                for (int i = 0; i < times.length; i++) {
                    times[i] *= scale;
                }
            }
        }
        return new SpikeTrain(device == null ? "" : device.toString(), annotations, times);
    }

    private static Group timeDimension(Group da) {
        Group first = null;
        for (Node d : children(da, Nix.DIMENSIONS)) {
            if (d instanceof Group g) {
                if ("time".equals(string(g, "label"))) {
                    return g;
                }
                if (first == null && "sample".equals(string(g, "dimension_type"))) {
                    first = g;
                }
            }
        }
        return first;
    }

    /** The properties of an entity's metadata section, in file order, as annotation values. */
    private static Map<String, Object> properties(Group entity) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (entity.getChild(Nix.METADATA) instanceof Group section
                && section.getChild(Nix.PROPERTIES) instanceof Group props) {
            for (Node p : props.getChildren().values()) {
                if (p instanceof Dataset ds) {
                    // a property's link name is its name (NIX names properties by their link)
                    out.put(ds.getName(), Properties.annotation(values(ds)));
                }
            }
        }
        return out;
    }

    private static String propertyUnit(Group entity, String property) {
        if (entity.getChild(Nix.METADATA) instanceof Group section
                && section.getChild(Nix.PROPERTIES) instanceof Group props
                && props.getChild(property) instanceof Dataset ds) {
            return string(ds, Nix.UNIT);
        }
        return null;
    }

    private static Object values(Dataset ds) {
        if (isEmpty(ds)) {
            return null;
        }
        Object data = ds.getData();
        if (data instanceof Object[] objects && !(data instanceof String[])) {
            // e.g. variable-length strings read as Object[]
            String[] s = new String[objects.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = String.valueOf(objects[i]);
            }
            return s;
        }
        return data;
    }

    private static boolean isEmpty(Dataset ds) {
        if (ds.isScalar()) {
            return false;
        }
        for (int d : ds.getDimensions()) {
            if (d == 0) {
                return true;
            }
        }
        return false;
    }

    private static double[] doubles(Node node) {
        if (!(node instanceof Dataset ds)) {
            return new double[0];
        }
        if (isEmpty(ds)) {
            return new double[0];
        }
        Object data = ds.getData();
        if (data instanceof double[] d) {
            return d;
        }
        int n = Array.getLength(data);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(data, i)).doubleValue();
        }
        return out;
    }

    private static List<Node> children(Group group, String name) {
        if (group.getChild(name) instanceof Group g) {
            return new ArrayList<>(g.getChildren().values());
        }
        return List.of();
    }

    /** Factor from a time unit to ms. */
    static double toMs(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.trim()) {
            case "s", "sec" -> 1000;
            case "us" -> 1e-3;
            case "ns" -> 1e-6;
            default -> 1;
        };
    }

    static String string(Node node, String attribute) {
        Attribute a = node.getAttribute(attribute);
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray() && Array.getLength(v) == 1) {
            v = Array.get(v, 0);
        }
        return v == null ? null : v.toString();
    }

    static double number(Node node, String attribute, double fallback) {
        Attribute a = node.getAttribute(attribute);
        return a != null && a.getData() instanceof Number n ? n.doubleValue() : fallback;
    }
}
