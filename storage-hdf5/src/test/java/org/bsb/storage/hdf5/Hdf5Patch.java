package org.bsb.storage.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Writes a copy of an HDF5 file with some datasets or attributes replaced or removed (jHDF cannot
 * modify a file in place), for tests that need a damaged network without h5py:
 * <pre>{@code
 * Hdf5Patch.of(network).dataset("/placement/a/0/position", rows -> shorter(rows)).writeTo(copy);
 * }</pre>
 * Datasets of 512 rows or more are written chunked, as the engine writes them.
 */
public final class Hdf5Patch {
    private final Path source;
    private final Map<String, UnaryOperator<Object>> datasets = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();

    private Hdf5Patch(Path source) {
        this.source = source;
    }

    public static Hdf5Patch of(Path source) {
        return new Hdf5Patch(source);
    }

    /** Replaces a dataset's data ({@code double[][]}, {@code int[]}, ...) by what {@code change} makes of a copy of it. */
    public Hdf5Patch dataset(String path, UnaryOperator<Object> change) {
        datasets.put(path, change);
        return this;
    }

    /** Sets attribute {@code name} of the node at {@code path} ("/" for the root); null removes it. */
    public Hdf5Patch attribute(String path, String name, Object value) {
        attributes.put(path + "@" + name, value == null ? REMOVE : value);
        return this;
    }

    /** Leaves out the node at {@code path} (a dataset or a group with everything in it). */
    public Hdf5Patch remove(String path) {
        removed.add(path);
        return this;
    }

    private static final Object REMOVE = new Object();

    public void writeTo(Path target) {
        try (HdfFile in = new HdfFile(source);
                WritableHdfFile out = HdfFile.write(target)) {
            attributes(in, "/", out);
            children(in, out);
        }
    }

    private void children(Group in, WritableGroup out) {
        for (Node child : in.getChildren().values()) {
            String path = child.getPath().startsWith("/") ? child.getPath() : "/" + child.getPath();
            path = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
            if (removed.contains(path)) {
                continue;
            }
            if (child instanceof Group g) {
                WritableGroup copy = out.putGroup(g.getName());
                attributes(g, path, copy);
                children(g, copy);
            } else if (child instanceof Dataset d) {
                Object data = d.getData();
                UnaryOperator<Object> change = datasets.get(path);
                if (change != null) {
                    data = change.apply(deepCopy(data));
                }
                int rows = data != null && data.getClass().isArray() ? Array.getLength(data) : 0;
                int width = rows > 0
                                && Array.get(data, 0) != null
                                && Array.get(data, 0).getClass().isArray()
                        ? Array.getLength(Array.get(data, 0))
                        : 0;
                WritableNode copy = width > 0
                        ? out.putDataset(d.getName(), data, Hdf5Engine.rows(rows, width))
                        : out.putDataset(d.getName(), data);
                attributes(d, path, copy);
            }
        }
    }

    private void attributes(Node in, String path, WritableNode out) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : in.getAttributes().entrySet()) {
            values.put(a.getKey(), a.getValue().getData());
        }
        attributes.forEach((key, value) -> {
            int at = key.lastIndexOf('@');
            if (key.substring(0, at).equals(path)) {
                if (value == REMOVE) {
                    values.remove(key.substring(at + 1));
                } else {
                    values.put(key.substring(at + 1), value);
                }
            }
        });
        values.forEach(out::putAttribute);
    }

    private static Object deepCopy(Object data) {
        if (data == null || !data.getClass().isArray()) {
            return data;
        }
        int n = Array.getLength(data);
        Object copy = Array.newInstance(data.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Array.set(copy, i, deepCopy(Array.get(data, i)));
        }
        return copy;
    }
}
