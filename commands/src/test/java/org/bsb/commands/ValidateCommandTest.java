package org.bsb.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.NoParameters;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.StorageEngine;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.ServiceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final Path EXAMPLE =
            Path.of("..", "examples", "neuron-simulation").toAbsolutePath().normalize();

    @BsbName({"bsb.placement.RandomPlacement", "random_placement"})
    public static final class FakeRandom implements PlacementStrategy<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public void place(PlacementJob<NoParameters> job) {}
    }

    @BsbName({"hdf5"})
    public static final class FakeHdf5 implements StorageEngine {
        @Override
        public void write(Path file, NetworkData network) {}

        @Override
        public NetworkData read(Path file) {
            return null;
        }

        @Override
        public boolean exists(Path file) {
            return false;
        }
    }

    record Run(int status, String out, String err) {
        List<String> lines() {
            return List.of(out.split("\n"));
        }
    }

    private static Run run(Registry registry, Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BsbCli.run(
                registry,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                cwd,
                args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A config that needs only a placement strategy and the hdf5-less defaults of the core. */
    private static final String SMALL = """
            name: small
            storage: {engine: hdf5}
            network: {x: 100, y: 100, z: 100}
            partitions: {layer: {thickness: 100}}
            cell_types: {cell: {spatial: {radius: 2, density: 1e-5}}}
            placement: {p: {strategy: random_placement, partitions: [layer], cell_types: [cell]}}
            connectivity: {}
            """;

    @Test
    void aValidConfigGetsASummaryWithTheProvidingBundles(@TempDir Path dir) throws IOException {
        MapRegistry registry = new MapRegistry();
        registry.register(ServiceKind.PLACEMENT, new FakeRandom());
        Files.writeString(dir.resolve("small.yaml"), SMALL);
        Run run = run(registry, dir, "validate", "small.yaml");
        // The only missing service is the storage engine.
        assertEquals(1, run.status(), run.out());
        assertTrue(
                run.out()
                        .startsWith("small.yaml:2:19: storage.engine: found 'hdf5', expected an installed storage "
                                + "engine (none is installed)\nsmall.yaml: 1 error\n"),
                run.out());
        assertTrue(run.out().contains("  1 partition, 0 regions, 0 morphologies, 1 cell type\n"), run.out());
        assertTrue(run.out().contains("    placement strategy random_placement  test-classes"), run.out());
        assertTrue(run.out().contains("    storage engine hdf5                  NOT INSTALLED"), run.out());

        Files.writeString(dir.resolve("small.yaml"), SMALL.replace("engine: hdf5", "engine: hdf5, colour: red"));
        registry.register(ServiceKind.STORAGE, new FakeHdf5());
        run = run(registry, dir, "validate", "small.yaml");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("small.yaml: valid (1 warning)"), run.out());
        assertEquals(1, run(registry, dir, "validate", "--strict", "small.yaml").status());
        assertFalse(
                run(registry, dir, "validate", "-v", "0", "small.yaml").out().contains("colour"));
        // Parameterless services print no parameters; the list is only shown at -v 2.
        assertFalse(run(registry, dir, "validate", "-v", "2", "small.yaml")
                .out()
                .contains("parameters (defaults applied)"));
    }

    @Test
    void theTutorialReportsEveryServiceThatIsNotInstalledAndNoStackTrace() {
        Run run = run(new MapRegistry(), EXAMPLE, "validate", "neuron-simulation.yaml");
        assertEquals(1, run.status());
        assertEquals("", run.err());
        long errors = run.lines().stream()
                .filter(l -> l.startsWith("neuron-simulation.yaml:") && l.contains(": found "))
                .count();
        assertEquals(13, errors, run.out());
        assertTrue(run.out().contains("neuron-simulation.yaml: 13 errors"), run.out());
        assertFalse(run.out().contains("Exception"), run.out());
    }

    @Test
    void garbageIsAOneLineError(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("g.json"), new byte[] {'{', (byte) 0xff, (byte) 0xfe, 0, '"'});
        Run run = run(new MapRegistry(), dir, "validate", "g.json");
        assertEquals(1, run.status());
        assertEquals(
                List.of(
                        "g.json: found bytes that are not UTF-8 text, expected a UTF-8 encoded g.json file",
                        "g.json: 1 error"),
                run.lines());
    }
}
