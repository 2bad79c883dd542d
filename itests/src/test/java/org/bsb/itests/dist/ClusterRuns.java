package org.bsb.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What the split-run tests (compile and simulate over several bin/bsb processes) share: ports, copies, file contents. */
final class ClusterRuns {
    private ClusterRuns() {}

    /** {@code n} loopback members on ports free now (bound and released). */
    static List<String> loopbackMembers(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                members.add("127.0.0.1:" + s.getLocalPort());
            }
            return members;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /**
     * Every dataset's data and every attribute ({@code path@name}) of an HDF5 file, but the run's wall time and the
     * times the file was written, which differ between any two runs.
     */
    static Map<String, Object> contents(Path file) {
        Map<String, Object> out = new TreeMap<>();
        try (HdfFile hdf = new HdfFile(file)) {
            walk(hdf, out);
        }
        return out;
    }

    /** The same keys, and every value the same bits. */
    static void assertSameContents(Map<String, Object> expected, Map<String, Object> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        for (String key : expected.keySet()) {
            assertEquals(describe(expected.get(key)), describe(actual.get(key)), what + ": " + key);
        }
    }

    private static void walk(Node node, Map<String, Object> out) {
        for (Map.Entry<String, Attribute> a : node.getAttributes().entrySet()) {
            String name = a.getKey();
            if (!name.equals("wall_time") && !name.contains("date") && !name.contains("time_written")) {
                out.put(node.getPath() + "@" + name, a.getValue().getData());
            }
        }
        if (node instanceof Dataset d) {
            out.put(d.getPath(), d.getData());
        } else if (node instanceof Group g) {
            for (Node child : g.getChildren().values()) {
                walk(child, out);
            }
        }
    }

    /** A value as text, arrays deeply, doubles by their bits (so -0.0 and NaN compare as bits). */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof double[] d) {
            StringBuilder b = new StringBuilder("d[");
            for (double x : d) {
                b.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(',');
            }
            return b.append(']').toString();
        }
        if (value instanceof float[] f) {
            StringBuilder b = new StringBuilder("f[");
            for (float x : f) {
                b.append(Integer.toHexString(Float.floatToRawIntBits(x))).append(',');
            }
            return b.append(']').toString();
        }
        if (value instanceof Object[] array) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : array) {
                b.append(describe(o)).append(',');
            }
            return b.append(']').toString();
        }
        if (value.getClass().isArray()) {
            return value.getClass().getComponentType() + Arrays.deepToString(new Object[] {value});
        }
        return value.getClass().getSimpleName() + ":" + value;
    }
}
