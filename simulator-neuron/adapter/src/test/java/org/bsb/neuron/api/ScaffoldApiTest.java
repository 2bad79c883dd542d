package org.bsb.neuron.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.core.cli.BsbCli;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.core.scaffold.Scaffold;
import org.bsb.core.scaffold.ScaffoldException;
import org.bsb.core.scaffold.SimulationRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's Python ({@code from_storage}, {@code run_simulation}, {@code write}) through the
 * Java API, on the tutorial's own network, as the original's example test checks it.
 */
class ScaffoldApiTest {
    private static final Path EXAMPLE = Path.of("..", "..", "examples", "neuron-simulation").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    static Path network;

    /** Compiles the unchanged tutorial config with {@code bsb compile} in a copy of the example. */
    @BeforeAll
    static void compileTheTutorial() throws IOException {
        Files.copy(EXAMPLE.resolve("neuron-simulation.yaml"), dir.resolve("neuron-simulation.yaml"));
        Files.createDirectories(dir.resolve("data"));
        try (Stream<Path> data = Files.list(EXAMPLE.resolve("data"))) {
            for (Path f : data.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve("data").resolve(f.getFileName()));
            }
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BsbCli.run(ServiceLoaderRegistry.load(), new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir, "compile", "--clear", "neuron-simulation.yaml");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        network = dir.resolve("my_network.hdf5");
    }

    @Test
    void runsTheTutorialsSimulationAndWritesItsResults() throws IOException {
        Scaffold scaffold = Scaffold.fromStorage(network);
        SimulationRun run = scaffold.runSimulation("neuronsim");
        assertEquals(30, ((Number) run.results().attributes().get("cells")).intValue(), "cells simulated");
        List<Signal> voltages = run.signals("vrecorder");
        List<Signal> synapses = run.signals("synapses_rec");
        assertTrue(voltages.size() > 5, "voltage signals: " + voltages.size());
        assertTrue(synapses.size() > 10, "synapse signals: " + synapses.size());
        for (Signal s : Stream.concat(voltages.stream(), synapses.stream()).toList()) {
            assertEquals(4001, s.values().length, s.device() + " " + s.annotations());
            assertEquals(0, s.tStart(), 0);
        }

        Path written = run.write(dir.resolve("simulation-results"));
        assertTrue(written.startsWith(dir.resolve("simulation-results")), written.toString());
        SimulationResults back = SimulationRun.read(written, scaffold.registry(), "hdf5");
        assertEquals(run.signals().size(), back.signals().size());
        Signal first = back.signals().stream().filter(s -> s.device().equals("vrecorder")).findFirst().orElseThrow();
        assertArrayEquals(voltages.get(0).values(), first.values(), 1e-9);

        Path file = run.write(dir.resolve("named.h5"));
        assertEquals(dir.resolve("named.h5").toAbsolutePath(), file);
        assertEquals(run.signals().size(), SimulationRun.read(file, scaffold.registry(), "hdf5").signals().size());
        assertThrows(ScaffoldException.class, () -> run.write(dir.resolve("named.h5")), "results are never replaced");
    }

    @Test
    void anExplicitRegistryAndClearErrors() {
        Scaffold scaffold = Scaffold.fromStorage(network, ServiceLoaderRegistry.load());
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> scaffold.runSimulation("neuronsimm"));
        assertTrue(e.getMessage().contains("did you mean 'neuronsim'"), e.getMessage());
        e = assertThrows(ScaffoldException.class, () -> Scaffold.fromStorage(dir.resolve("neuron-simulation.yaml")));
        assertTrue(e.getMessage().contains("not a network file"), e.getMessage());
    }
}
