package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bsb.api.BsbName;
import org.bsb.api.NoParameters;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.commands.BsbCli;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceKind;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.storage.hdf5.H5py;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bsb compile --redo/--force/--append} on a network with three cell types and two connection sets. */
class RedoCommandTest {
    static final double REACH = 60;

    /** Connects every pre cell to every post cell closer than {@link #REACH} µm (soma to soma). */
    @BsbName({"test.Nearby", "nearby"})
    public static final class Nearby implements ConnectionStrategy<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public void connect(ConnectionJob<NoParameters> job) {
            for (CellPopulation pre : job.presynaptic()) {
                for (CellPopulation post : job.postsynaptic()) {
                    List<Integer> a = new ArrayList<>();
                    List<Integer> b = new ArrayList<>();
                    for (int i = 0; i < pre.size(); i++) {
                        for (int j = 0; j < post.size(); j++) {
                            if (distance(pre.position(i), post.position(j)) < REACH) {
                                a.addAll(List.of(i, -1, -1));
                                b.addAll(List.of(j, -1, -1));
                            }
                        }
                    }
                    job.connect(
                            pre,
                            post,
                            a.stream().mapToInt(x -> x).toArray(),
                            b.stream().mapToInt(x -> x).toArray());
                }
            }
        }
    }

    // a and b are connected (a_to_b); c only to itself (c_to_c). a and a2 share a_cell.
    static final String CONFIG = """
            {
              "name": "redo test",
              "storage": {"engine": "hdf5", "root": "net.hdf5"},
              "network": {"x": 100.0, "y": 200.0, "z": 300.0, "chunk_size": [100, 100, 100]},
              "partitions": {"layer": {"thickness": 300.0}},
              "regions": {"cortex": {"type": "stack", "children": ["layer"]}},
              "cell_types": {
                "a_cell": {"spatial": {"radius": 4.0, "density": 0.000005}},
                "b_cell": {"spatial": {"radius": 4.0, "density": 0.000005}},
                "c_cell": {"spatial": {"radius": 4.0, "density": 0.000005}}},
              "placement": {
                "a_placement": {"strategy": "bsb.placement.RandomPlacement", "partitions": ["layer"],
                  "cell_types": ["a_cell"]},
                "b_placement": {"strategy": "bsb.placement.RandomPlacement", "partitions": ["layer"],
                  "cell_types": ["b_cell"]%s},
                "c_placement": {"strategy": "bsb.placement.RandomPlacement", "partitions": ["layer"],
                  "cell_types": ["c_cell"]}%s},
              "connectivity": {
                "a_to_b": {"strategy": "nearby", "presynaptic": {"cell_types": ["a_cell"]},
                  "postsynaptic": {"cell_types": ["b_cell"]}},
                "c_to_c": {"strategy": "nearby", "presynaptic": {"cell_types": ["c_cell"]},
                  "postsynaptic": {"cell_types": ["c_cell"]}}}
            }
            """;

    @TempDir
    Path dir;

    MapRegistry registry;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void setUp() throws Exception {
        registry = ServiceLoaderRegistry.load(getClass().getClassLoader());
        registry.register(ServiceKind.CONNECTIVITY, new Nearby());
        Files.writeString(dir.resolve("net.json"), CONFIG.formatted("", ""));
        // a2 also places a_cell, and b waits for a2: redoing a_placement alone is not enough.
        Files.writeString(
                dir.resolve("shared.json"),
                CONFIG.formatted(
                        ", \"depends_on\": [\"a2_placement\"]",
                        ", \"a2_placement\": {\"strategy\": \"bsb.placement.RandomPlacement\", \"partitions\": [\"layer\"],"
                                + " \"cell_types\": [\"a_cell\"]}"));
    }

    int bsb(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return BsbCli.run(
                registry,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                dir,
                args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every dataset of the file, by path, as a digest of its raw bytes (read by h5py). */
    static Map<String, String> datasets(Path file) throws Exception {
        String text = H5py.run(file, """
                import h5py, hashlib
                def visit(name, obj):
                    if isinstance(obj, h5py.Dataset):
                        print(name, hashlib.sha256(obj[()].tobytes() if obj.shape != () else repr(obj[()]).encode()).hexdigest(), obj.shape)
                with h5py.File(path, 'r') as f:
                    f.visititems(visit)
                """);
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                int sp = line.indexOf(' ');
                out.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        return out;
    }

    static Map<String, String> under(Map<String, String> all, String... words) {
        Map<String, String> out = new TreeMap<>();
        all.forEach((k, v) -> {
            for (String w : words) {
                if (k.contains(w)) {
                    out.put(k, v);
                }
            }
        });
        return out;
    }

    /** Positions per global id of one type (ids follow chunk id order, then the order in the chunk). */
    static List<double[]> cells(NetworkData n, String type) {
        List<PlacementBlock> blocks = new ArrayList<>(
                n.placement().stream().filter(b -> b.cellType().equals(type)).toList());
        blocks.sort(Comparator.comparing(PlacementBlock::chunk));
        List<double[]> out = new ArrayList<>();
        for (PlacementBlock b : blocks) {
            for (int i = 0; i < b.size(); i++) {
                out.add(new double[] {b.positions()[3 * i], b.positions()[3 * i + 1], b.positions()[3 * i + 2]});
            }
        }
        return out;
    }

    static double distance(double[] p, double[] q) {
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    /** The (pre id, post id) pairs of a set as stored. */
    static Set<String> stored(NetworkData n, String set) {
        Set<String> pairs = new TreeSet<>();
        for (ConnectivityBlock c : n.connectivity()) {
            if (c.set().equals(set)) {
                for (int i = 0; i < c.size(); i++) {
                    pairs.add(c.preLocations()[3 * i] + "-" + c.postLocations()[3 * i]);
                }
            }
        }
        return pairs;
    }

    /** The pairs Nearby must make from the stored positions, computed independently of the runner. */
    static Set<String> expected(NetworkData n, String pre, String post) {
        List<double[]> a = cells(n, pre);
        List<double[]> b = cells(n, post);
        Set<String> pairs = new TreeSet<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                if (distance(a.get(i), b.get(j)) < REACH) {
                    pairs.add(i + "-" + j);
                }
            }
        }
        return pairs;
    }

    @Test
    void redoReplacesOnlyTheClosureAndKeepsTheRestByteForByte() throws Exception {
        assumeTrue(H5py.available(), "h5py not installed");
        Path file = dir.resolve("net.hdf5");
        assertEquals(0, bsb("compile", "net.json", "--seed", "1"), err.toString());
        NetworkData before = new Hdf5Engine().read(file);
        assertFalse(stored(before, "a_to_b").isEmpty(), "the test needs some a_to_b connections");
        assertEquals(expected(before, "a_cell", "b_cell"), stored(before, "a_to_b"));
        Map<String, String> dsBefore = datasets(file);

        // Redo a_placement with another seed: a_cell moves, so a_to_b must be recomputed. (Without
        // --only-connectivity every connection strategy is requested and redone, c_to_c included.)
        assertEquals(
                0,
                bsb(
                        "compile",
                        "net.json",
                        "--redo",
                        "--only-placement",
                        "a_placement",
                        "--only-connectivity",
                        "a_to_b",
                        "--seed",
                        "2",
                        "-v",
                        "2"),
                err.toString());
        String log = out();
        assertTrue(log.contains("Redo-affected placement: a_placement\n"), log);
        assertTrue(log.contains("Redo-affected connectivity: a_to_b\n"), log);
        assertTrue(log.contains("Clearing all data of a_cell\n"), log);
        assertTrue(log.contains("Clearing connectivity data of a_cell\nClearing connectivity data of b_cell\n"), log);
        assertFalse(log.contains("of c_cell"), log);
        assertTrue(log.contains("Starting placement strategies: a_placement\n"), log);
        assertTrue(log.contains("Starting connectivity strategies: a_to_b\n"), log);

        NetworkData after = new Hdf5Engine().read(file);
        Map<String, String> dsAfter = datasets(file);
        // Untouched: b_cell and c_cell placement and the c_to_c set, byte for byte.
        Map<String, String> keptBefore = under(dsBefore, "b_cell", "c_cell", "c_to_c");
        assertFalse(keptBefore.isEmpty(), dsBefore.keySet().toString());
        assertEquals(keptBefore, under(dsAfter, "b_cell", "c_cell", "c_to_c"));
        // a_cell was re-placed with the new seed, and a_to_b recomputed from the new positions.
        assertEquals(cells(before, "a_cell").size(), cells(after, "a_cell").size());
        assertNotEquals(under(dsBefore, "a_cell"), under(dsAfter, "a_cell"));
        assertEquals(expected(after, "a_cell", "b_cell"), stored(after, "a_to_b"));
        assertNotEquals(stored(before, "a_to_b"), stored(after, "a_to_b"));
        assertEquals(stored(before, "c_to_c"), stored(after, "c_to_c"));
        assertEquals("2", after.attributes().get("seed"));
    }

    @Test
    void redoNeedingAnExcludedStrategyIsARedoErrorUnlessForced() throws Exception {
        Path file = dir.resolve("net.hdf5");
        assertEquals(0, bsb("compile", "shared.json", "--seed", "1"), err.toString());
        NetworkData before = new Hdf5Engine().read(file);
        assertEquals(60, cells(before, "a_cell").size());
        byte[] bytes = Files.readAllBytes(file);

        // a2_placement also places a_cell and b_placement depends on a2: both must be redone too.
        assertEquals(1, bsb("compile", "shared.json", "--redo", "--only-placement", "a_placement"));
        assertTrue(
                err.toString().contains("RedoError")
                        && err.toString().contains("placement strategies 'a2_placement', 'b_placement'"),
                err.toString());
        // Connectivity restricted to c_to_c: a_to_b would be needed.
        assertEquals(
                1,
                bsb(
                        "compile",
                        "shared.json",
                        "--redo",
                        "--only-placement",
                        "a_placement,a2_placement,b_placement",
                        "--only-connectivity",
                        "c_to_c"));
        assertTrue(
                err.toString().contains("connection strategies 'a_to_b'")
                        && !err.toString().contains("placement strategies"),
                err.toString());
        assertEquals(1, bsb("compile", "shared.json", "--redo", "--only-placement", "a_placment"));
        assertTrue(
                err.toString().contains("--only-placement: unknown placement strategy 'a_placment'"), err.toString());
        // Skipping connectivity while redoing placement is the same error.
        assertEquals(
                1, bsb("compile", "shared.json", "--redo", "--only-placement", "a_placement", "--skip-connectivity"));
        assertTrue(err.toString().contains("connection strategies 'a_to_b'"), err.toString());
        assertEquals(java.util.Arrays.hashCode(bytes), java.util.Arrays.hashCode(Files.readAllBytes(file)));

        // Forced: the whole closure runs; a_cell is cleared first, so it is not doubled.
        assertEquals(
                0,
                bsb("compile", "shared.json", "--redo", "--only-placement", "a_placement", "-f", "-v", "2"),
                err.toString());
        assertTrue(out().contains("Redo-affected placement: a2_placement a_placement b_placement\n"), out());
        assertTrue(out().contains("Starting placement strategies: a2_placement, a_placement, b_placement\n"), out());
        NetworkData after = new Hdf5Engine().read(file);
        assertEquals(60, cells(after, "a_cell").size());
        assertEquals(30, cells(after, "b_cell").size());
        assertEquals(expected(after, "a_cell", "b_cell"), stored(after, "a_to_b"));
    }

    @Test
    void appendReusesTheStoredSeedAndInspectShowsIt() throws Exception {
        Path file = dir.resolve("net.hdf5");
        assertEquals(
                0,
                bsb("compile", "net.json", "--seed", "42", "--only-placement", "a_placement", "--skip-connectivity"),
                err.toString());
        assertEquals(0, bsb("inspect", "net.hdf5"), err.toString());
        assertTrue(out().contains("seed 42"), out());
        // Append the rest without --seed: the stored seed is used, so b_cell and c_cell are placed
        // exactly as a one-go compile with seed 42 places them.
        assertEquals(
                0,
                bsb(
                        "compile",
                        "net.json",
                        "--append",
                        "--only-placement",
                        "b_placement,c_placement",
                        "--skip-connectivity",
                        "-v",
                        "2"),
                err.toString());
        assertTrue(out().contains("Network seed: 42"), out());
        assertEquals(
                0,
                bsb("compile", "net.json", "-o", "whole.hdf5", "--seed", "42", "--skip-connectivity"),
                err.toString());
        NetworkData appended = new Hdf5Engine().read(file);
        NetworkData whole = new Hdf5Engine().read(dir.resolve("whole.hdf5"));
        assertEquals("42", appended.attributes().get("seed"));
        for (String type : List.of("a_cell", "b_cell", "c_cell")) {
            List<double[]> x = cells(appended, type);
            List<double[]> y = cells(whole, type);
            assertEquals(y.size(), x.size(), type);
            for (int i = 0; i < x.size(); i++) {
                assertEquals(0, distance(x.get(i), y.get(i)), 0, type + " " + i);
            }
        }
        assertEquals(0, bsb("inspect", "net.hdf5", "--json"), err.toString());
        assertTrue(out().contains("\"seed\" : 42") || out().contains("\"seed\":42"), out());
    }

    @Test
    void dependsOnCyclesAreConfigErrorsNamingThePath() throws Exception {
        Files.writeString(
                dir.resolve("cycle.json"),
                CONFIG.formatted(
                        ", \"depends_on\": [\"a2_placement\"]",
                        ", \"a2_placement\": {\"strategy\": \"bsb.placement.RandomPlacement\", \"partitions\": [\"layer\"],"
                                + " \"cell_types\": [\"a_cell\"], \"depends_on\": [\"b_placement\"]}"));
        assertEquals(1, bsb("compile", "cycle.json"));
        assertTrue(
                err.toString().contains("placement.a2_placement.depends_on")
                        && err.toString().contains("a2_placement -> b_placement -> a2_placement"),
                err.toString());
        Files.writeString(
                dir.resolve("self.json"),
                CONFIG.formatted("", "")
                        .replace(
                                "\"c_to_c\": {\"strategy\": \"nearby\",",
                                "\"c_to_c\": {\"strategy\": \"nearby\", \"depends_on\": [\"c_to_c\"],"));
        assertEquals(1, bsb("compile", "self.json"));
        assertTrue(
                err.toString().contains("connectivity.c_to_c.depends_on")
                        && err.toString().contains("c_to_c -> c_to_c"),
                err.toString());
        assertFalse(Files.exists(dir.resolve("net.hdf5")));
    }
}
