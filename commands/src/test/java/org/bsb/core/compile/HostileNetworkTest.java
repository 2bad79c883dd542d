package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.NoParameters;
import org.bsb.api.ProjectFile;
import org.bsb.api.Required;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationRequest;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SimulatorBackend;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.commands.BsbCli;
import org.bsb.core.network.Blocks;
import org.bsb.core.registry.ServiceKind;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.bsb.storage.hdf5.Hdf5Patch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile network files: damaged copies of a compiled tutorial network (30 stellate cells with the
 * StellateCell morphology, connections on their dendrites, a simulation) are refused by {@code bsb check},
 * {@code inspect}, {@code reconfigure} and {@code simulate} alike, with exit status 1, every problem
 * named by file, dataset path and row in words (no exception class names, no bare indices), and the
 * file left byte for byte as it was. Reconfigure validates its config as compile does, plus what a
 * simulation needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileNetworkTest {
    /** Each pre cell to the next post cell of the population, on the last point of its last branch. */
    @BsbName({"test.Touching", "touching"})
    public static final class Touching implements ConnectionStrategy<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public void connect(ConnectionJob<NoParameters> job) {
            for (CellPopulation pre : job.presynaptic()) {
                for (CellPopulation post : job.postsynaptic()) {
                    int n = Math.min(pre.size(), post.size());
                    int[] a = new int[3 * n];
                    int[] b = new int[3 * n];
                    for (int i = 0; i < n; i++) {
                        int j = (i + 1) % post.size();
                        Morphology m = post.morphology(j);
                        int branch = m.branches().size() - 1;
                        a[3 * i] = i;
                        a[3 * i + 1] = -1;
                        a[3 * i + 2] = -1;
                        b[3 * i] = j;
                        b[3 * i + 1] = branch;
                        b[3 * i + 2] = m.branches().get(branch).size() - 1;
                    }
                    job.connect(pre, post, a, b);
                }
            }
        }
    }

    public record SimParameters(
            @Required Double temperature,
            @Default("-65") double initial,

            @Default("[]") @ProjectFile(extensions = ".mod", folders = true)
            List<String> mechanisms) {}

    /** Counts its runs. */
    @BsbName({"neuron"})
    public static final class CountingSimulator implements SimulatorBackend<SimParameters> {
        int runs;

        @Override
        public Class<SimParameters> parameterType() {
            return SimParameters.class;
        }

        @Override
        public SimulationResults run(SimulationRequest<SimParameters> request) {
            runs++;
            return new SimulationResults(
                    request.name(),
                    Map.of(),
                    List.of(new Signal("v", Map.of(), "mV", 0, 0.025, new double[4])),
                    List.of());
        }
    }

    /** Writes an empty file named after the simulation. */
    @BsbName({"nix"})
    public static final class TouchingFormat implements ResultsFormat {
        @Override
        public String extension() {
            return "nio";
        }

        @Override
        public Path write(SimulationResults results, Path directory) throws java.io.IOException {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(results.simulation() + ".nio"), "");
        }

        @Override
        public SimulationResults read(Path file) {
            return null;
        }
    }

    static final String CONFIG = CompileCommandTest.CONFIG.replace("\"connectivity\": {}", """
            "connectivity": {"stellate_to_stellate": {"strategy": "touching",
                  "presynaptic": {"cell_types": ["stellate_cell"]}, "postsynaptic": {"cell_types": ["stellate_cell"]}}},
              "simulations": {"neuronsim": {"simulator": "neuron", "duration": 100, "resolution": 0.025,
                  "temperature": 32, "cell_models": {"stellate_cell": {"model": "default_stellate"}},
                  "connection_models": {}, "devices": {}}}""");

    Path dir;
    TutorialProject project;
    CountingSimulator simulator = new CountingSimulator();
    Path network;
    NetworkData valid;
    String out;
    String err;

    @BeforeAll
    void compile(@TempDir Path tmp) throws Exception {
        dir = tmp;
        project = new TutorialProject(dir);
        project.registry.register(ServiceKind.CONNECTIVITY, new Touching());
        project.registry.register(ServiceKind.SIMULATOR, simulator);
        project.registry.register(ServiceKind.RESULTS_FORMAT, new TouchingFormat());
        assertEquals(0, project.compile(CONFIG, "--seed", "7"), project.err);
        Files.writeString(dir.resolve("good.json"), CONFIG);
        network = dir.resolve("my_network.hdf5");
        valid = new Hdf5Engine().read(network);
        assertEquals(30, Blocks.counts(valid.placement()).get("stellate_cell"));
        assertFalse(valid.connectivity().isEmpty());
    }

    int bsb(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = BsbCli.run(
                project.registry,
                new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8),
                dir,
                args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    // ------------------------------------------------------------------ where things are

    PlacementBlock block(int i) {
        return valid.placement().get(i);
    }

    String positionPath(int block) {
        return "/placement/stellate_cell/" + block(block).chunk().id() + "/position";
    }

    ConnectivityBlock connections() {
        return valid.connectivity().get(0);
    }

    String locsPath(String side) {
        return "/connectivity/" + connections().set() + "/" + connections().preChunk() + "/" + side + "_locs";
    }

    /** A damaged copy of the network, made by patching datasets and attributes of the compiled file. */
    Path damaged(String name, Consumer<Hdf5Patch> patch) {
        Hdf5Patch p = Hdf5Patch.of(network);
        patch.accept(p);
        Path f = dir.resolve(name + ".hdf5");
        p.writeTo(f);
        return f;
    }

    /** {@code change} applied to row {@code row} of a copy of a 2-D dataset. */
    static java.util.function.UnaryOperator<Object> row(int row, Consumer<Object> change) {
        return data -> {
            change.accept(((Object[]) data)[row]);
            return data;
        };
    }

    /**
     * Every command refuses {@code file} with exit status 1, naming it and each expected text (a dataset
     * path and row), without internal texts, and leaves it byte for byte as it was.
     *
     * @param reconfigureToo whether reconfigure refuses too (it replaces a stored config, so a broken
     *     one does not stop it)
     */
    void refusedEverywhere(Path file, boolean reconfigureToo, String... expected) throws Exception {
        String name = file.getFileName().toString();
        String before = sha256(file);
        Path results = dir.resolve("results-" + name);
        List<String[]> commands =
                new ArrayList<>(List.of(new String[] {"check", name}, new String[] {"inspect", name}, new String[] {
                    "simulate", name, "neuronsim", "-o", results.getFileName().toString()
                }));
        if (reconfigureToo) {
            commands.add(new String[] {"reconfigure", name, "good.json"});
        }
        int runs = simulator.runs;
        for (String[] command : commands) {
            assertEquals(1, bsb(command), command[0] + " accepted " + name + ":\n" + out + err);
            String what = command[0] + " " + name + ":\n" + err;
            assertTrue(err.startsWith("bsb " + command[0] + ": "), what);
            assertTrue(err.contains(file + " is not a valid network file ("), what);
            for (String text : expected) {
                // each problem on a line of its own, naming the file and (text) the place in it
                assertTrue(
                        Arrays.stream(err.split("\n"))
                                .anyMatch(l -> l.startsWith("  " + name + ": /") && l.contains(text)),
                        "expected '" + text + "' from " + what);
            }
            for (String internal : List.of("Exception", "Index:", "arraycopy", "\tat ", "null")) {
                assertFalse(err.contains(internal), "'" + internal + "' in " + what);
            }
            assertFalse(
                    java.util.regex.Pattern.compile("\\(-?\\d+\\)").matcher(err).find(), "a bare number in " + what);
            assertEquals(before, sha256(file), command[0] + " changed " + name);
        }
        assertEquals(runs, simulator.runs, "the simulator ran");
        assertFalse(Files.exists(results), "results were written");
    }

    // ------------------------------------------------------------------ the valid network

    @Test
    void theCompiledNetworkPassesEverywhere() throws Exception {
        assertEquals(0, bsb("check", "my_network.hdf5"), err);
        assertEquals(
                "my_network.hdf5: ok (hdf5: 30 cells of 1 cell type, "
                        + valid.connectivity().stream()
                                .mapToInt(ConnectivityBlock::size)
                                .sum() + " connections in 1 set, 1 morphology, config 'DBBS test"
                        + " stellate rand circuit v4.0' valid)\n",
                out);
        assertEquals(0, bsb("inspect", "my_network.hdf5"), err);
        int runs = simulator.runs;
        assertEquals(0, bsb("simulate", "my_network.hdf5", "neuronsim", "-o", "ok-results"), err);
        assertEquals(runs + 1, simulator.runs);
        Files.copy(network, dir.resolve("copy.hdf5"));
        assertEquals(0, bsb("reconfigure", "copy.hdf5", "good.json"), err);
    }

    // ------------------------------------------------------------------ the families

    @Test
    void cellIdsOutOfRange() throws Exception {
        for (int bad : new int[] {Integer.MAX_VALUE, -5, 30}) {
            Path f = damaged("id" + bad, p -> p.dataset(locsPath("post"), row(3, r -> ((int[]) r)[0] = bad)));
            refusedEverywhere(
                    f, true, locsPath("post") + " row 3: cell id " + bad + " out of range 0..29 of" + " stellate_cell");
        }
        Path f = damaged("pre-id", p -> p.dataset(locsPath("pre"), row(0, r -> ((int[]) r)[0] = Integer.MIN_VALUE)));
        refusedEverywhere(f, true, locsPath("pre") + " row 0: cell id -2147483648 out of range 0..29 of stellate_cell");
    }

    @Test
    void nonFinitePositionsAndRotations() throws Exception {
        String rotation = positionPath(1).replace("position", "rotation");
        refusedEverywhere(
                damaged("nan", p -> p.dataset(positionPath(0), row(2, r -> ((double[]) r)[1] = Double.NaN))),
                true,
                positionPath(0) + " row 2: position (");
        refusedEverywhere(
                damaged(
                        "inf",
                        p -> p.dataset(positionPath(0), row(0, r -> ((double[]) r)[0] = Double.POSITIVE_INFINITY))),
                true,
                positionPath(0) + " row 0: position (Infinity,");
        refusedEverywhere(
                damaged("neginf", p -> p.dataset(rotation, row(4, r -> ((double[]) r)[2] = Double.NEGATIVE_INFINITY))),
                true,
                rotation + " row 4: rotation (");
        refusedEverywhere(
                damaged("rot-nan", p -> p.dataset(rotation, row(1, r -> Arrays.fill((double[]) r, Double.NaN)))),
                true,
                rotation + " row 1: rotation (NaN, NaN, NaN) is not finite");
    }

    @Test
    void datasetsShorterThanTheirLengthAttribute() throws Exception {
        int n = block(0).size();
        refusedEverywhere(
                damaged("short-pos", p -> p.dataset(positionPath(0), rows -> Arrays.copyOf((Object[]) rows, n - 2))),
                true,
                positionPath(0) + ": holds " + (n - 2) + " rows, but the chunk's len attribute is " + n + " (rows "
                        + (n - 2) + ".." + (n - 1) + " are missing)");
        int m = connections().size();
        refusedEverywhere(
                damaged("short-post", p -> p.dataset(locsPath("post"), rows -> Arrays.copyOf((Object[]) rows, m - 1))),
                true,
                locsPath("post") + ": holds " + (m - 1) + " rows, but the chunk's len attribute is " + m);
        String chunk = positionPath(0).replace("/position", "");
        refusedEverywhere(
                damaged("long-len", p -> p.attribute(chunk, "len", (long) n + 10)),
                true,
                positionPath(0) + ": holds " + n + " rows, but the chunk's len attribute is " + (n + 10));
    }

    @Test
    void morphologyIndicesOutOfRange() throws Exception {
        String morphology = positionPath(0).replace("position", "morphology");
        for (int bad : new int[] {42, -7}) {
            refusedEverywhere(
                    damaged(
                            "morpho" + bad,
                            p -> p.dataset(morphology, data -> {
                                ((int[]) data)[1] = bad;
                                return data;
                            })),
                    true,
                    morphology + " row 1: morphology index " + bad + " out of range: expected -1 (no morphology) or"
                            + " 0..0 (into the chunk's morphology_loaders [StellateCell])");
        }
        String chunk = positionPath(0).replace("/position", "");
        refusedEverywhere(
                damaged("loader", p -> p.attribute(chunk, "morphology_loaders", new String[] {"Purkinje"})),
                true,
                chunk + " attribute morphology_loaders: names morphology 'Purkinje', which /morphologies does not"
                        + " hold (it holds StellateCell)");
    }

    @Test
    void connectionLocationsNotOnTheMorphology() throws Exception {
        int cell = connections().postLocations()[3 * 2];
        refusedEverywhere(
                damaged("branch", p -> p.dataset(locsPath("post"), row(2, r -> ((int[]) r)[1] = 10000))),
                true,
                locsPath("post")
                        + " row 2: branch 10000 does not exist on morphology StellateCell of stellate_cell cell " + cell
                        + " (branches 0..119; -1, -1 for no location)");
        refusedEverywhere(
                damaged("point", p -> p.dataset(locsPath("post"), row(2, r -> ((int[]) r)[2] = 99999))),
                true,
                locsPath("post") + " row 2: point 99999 does not exist on branch 119 of morphology StellateCell of"
                        + " stellate_cell cell " + cell + " (points 0..");
        refusedEverywhere(
                damaged("negative", p -> p.dataset(locsPath("pre"), row(1, r -> ((int[]) r)[1] = -3))),
                true,
                locsPath("pre") + " row 1: branch -3 does not exist on morphology StellateCell");
    }

    @Test
    void storedConfigsThatDoNotValidate() throws Exception {
        String json = valid.configJson();
        for (String[] variant : new String[][] {
            {
                "resolution",
                json.replaceFirst("(\"resolution\"\\s*:\\s*)0\\.025", "$10"),
                "simulations.neuronsim.resolution: found 0, expected a number > 0"
            },
            {
                "duration",
                json.replaceFirst("(\"duration\"\\s*:\\s*)100(\\.0)?", "$1-100"),
                "simulations.neuronsim.duration: found -100, expected a number > 0"
            },
            {
                "abc",
                json.replaceFirst("(\"duration\"\\s*:\\s*)100(\\.0)?", "$1\"abc\""),
                "simulations.neuronsim.duration: found 'abc', expected a number"
            },
            {"broken", json.substring(0, json.length() / 2), "/files/config"}
        }) {
            assertFalse(variant[1].equals(json), variant[0] + ": the stored config is " + json);
            Path f = damaged("config-" + variant[0], p -> p.dataset("/files/config", text -> variant[1]));
            // reconfigure is how a broken stored config is replaced: it does not refuse
            refusedEverywhere(f, false, "/files/config", variant[2]);
            assertTrue(
                    Arrays.stream(err.split("\n"))
                            .anyMatch(l -> l.startsWith("  config-" + variant[0] + ".hdf5: /files/config")
                                    && l.contains(variant[2])),
                    err);
        }
        Path none = damaged("config-none", p -> p.remove("/files"));
        refusedEverywhere(
                none,
                false,
                "/files/config: missing (the network holds no config; bsb reconfigure NETWORK" + " CONFIG stores one)");
        String before = sha256(none);
        assertEquals(0, bsb("reconfigure", none.getFileName().toString(), "good.json"), err);
        assertFalse(before.equals(sha256(none)));
        assertEquals(0, bsb("check", none.getFileName().toString()), err);
    }

    @Test
    void manyProblemsAreCountedAndTheFirstTwentyListed() throws Exception {
        Path f = damaged("all-nan", p -> {
            for (PlacementBlock b : valid.placement()) {
                p.dataset("/placement/stellate_cell/" + b.chunk().id() + "/position", rows -> {
                    for (Object r : (Object[]) rows) {
                        Arrays.fill((double[]) r, Double.NaN);
                    }
                    return rows;
                });
            }
            for (ConnectivityBlock c : valid.connectivity()) {
                p.dataset("/connectivity/" + c.set() + "/" + c.preChunk() + "/post_locs", rows -> {
                    for (Object r : (Object[]) rows) {
                        ((int[]) r)[0] = 1 << 30;
                    }
                    return rows;
                });
            }
        });
        int problems = 30
                + valid.connectivity().stream()
                        .mapToInt(ConnectivityBlock::size)
                        .sum();
        assertEquals(1, bsb("check", f.getFileName().toString()));
        assertTrue(err.contains("is not a valid network file (" + problems + " problems):"), err);
        assertEquals(1 + 20 + 1, err.split("\n").length, err);
        assertTrue(err.endsWith("\n  ... and " + (problems - 20) + " more\n"), err);
        assertEquals(1, bsb("check", f.getFileName().toString(), "--all"));
        assertEquals(1 + problems, err.split("\n").length, err);
    }

    // ------------------------------------------------------------------ reconfigure validates like compile

    @Test
    void reconfigureRefusesConfigsThatWouldNotSimulate() throws Exception {
        Files.createDirectories(dir.resolve("mods"));
        Files.writeString(dir.resolve("mods/syn.mod"), "NEURON { POINT_PROCESS Syn }\n");
        Files.createDirectories(dir.resolve("empty"));
        for (String[] variant : new String[][] {
            {
                "\"resolution\": 0.025",
                "\"resolution\": 0",
                "simulations.neuronsim.resolution: found 0, expected a" + " number > 0"
            },
            {"\"duration\": 100", "\"duration\": -5", "simulations.neuronsim.duration: found -5, expected a number > 0"
            },
            {
                "\"duration\": 100",
                "\"duration\": \"abc\"",
                "simulations.neuronsim.duration: found 'abc', expected a" + " number"
            },
            {
                "\"temperature\": 32",
                "\"temperature\": 32, \"mechanisms\": [\"data\"]",
                "simulations.neuronsim.mechanisms[0]: found 'data' (a folder without any .mod file), expected a .mod"
                        + " file or a folder of .mod files"
            },
            {
                "\"temperature\": 32",
                "\"temperature\": 32, \"mechanisms\": [\"mods\", \"data/StellateCell.swc\"]",
                "simulations.neuronsim.mechanisms[1]: found 'data/StellateCell.swc' (not a .mod file)"
            },
            {
                "\"temperature\": 32",
                "\"temperature\": 32, \"mechanisms\": \"nowhere\"",
                "simulations.neuronsim.mechanisms[0]: found 'nowhere' (not found)"
            },
            {
                "\"temperature\": 32",
                "\"temperature\": 32, \"mechanisms\": [\"empty\"]",
                "simulations.neuronsim.mechanisms[0]: found 'empty' (a folder without any .mod file)"
            }
        }) {
            assertTrue(CONFIG.contains(variant[0]), variant[0]);
            Files.writeString(dir.resolve("new.json"), CONFIG.replace(variant[0], variant[1]));
            String before = sha256(network);
            assertEquals(1, bsb("reconfigure", "my_network.hdf5", "new.json"), variant[1] + ": " + out + err);
            assertTrue(
                    err.startsWith(
                            "bsb reconfigure: new.json is not a valid config; my_network.hdf5 was not" + " changed:\n"),
                    err);
            assertTrue(
                    err.contains("new.json:") && err.contains(variant[2]), "expected '" + variant[2] + "' in " + err);
            assertEquals(before, sha256(network), variant[1]);
            // compile and validate judge it the same way
            assertEquals(1, bsb("validate", "new.json"));
            assertTrue(out.contains(variant[2]), out);
            assertEquals(1, project.compile(CONFIG.replace(variant[0], variant[1]), "-o", "other.hdf5"));
            assertTrue(project.err.contains(variant[2]), project.err);
            assertFalse(Files.exists(dir.resolve("other.hdf5")));
        }
        // a folder of .mod files and a .mod file are what mechanisms name
        Path copy = Files.copy(network, dir.resolve("mechanisms.hdf5"));
        Files.writeString(
                dir.resolve("new.json"),
                CONFIG.replace(
                        "\"temperature\": 32", "\"temperature\": 32, \"mechanisms\": [\"mods\", \"mods/syn.mod\"]"));
        assertEquals(0, bsb("reconfigure", copy.getFileName().toString(), "new.json"), err);
        // a simulator that is not installed here still only warns: the simulation may run elsewhere
        Files.writeString(
                dir.resolve("new.json"), CONFIG.replace("\"simulator\": \"neuron\"", "\"simulator\": \"arbor\""));
        assertEquals(0, bsb("reconfigure", copy.getFileName().toString(), "new.json"), err);
        assertTrue(out.contains("warning: simulations.neuronsim.simulator: found 'arbor'"), out);
        assertEquals(0, bsb("check", copy.getFileName().toString()), err);
    }
}
