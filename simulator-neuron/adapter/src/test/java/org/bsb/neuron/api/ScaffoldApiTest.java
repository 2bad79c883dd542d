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
import org.bsb.commands.BsbCli;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.core.scaffold.Scaffold;
import org.bsb.core.scaffold.ScaffoldException;
import org.bsb.core.scaffold.SimulationRun;
import org.bsb.testsupport.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's Python ({@code from_storage}, {@code run_simulation}, {@code write}) through the
 * Java API, on the tutorial's own network, as the original's example test checks it.
 */
class ScaffoldApiTest {
    private static final Path EXAMPLE = ProjectPaths.tutorial();

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
        int status = BsbCli.run(
                ServiceLoaderRegistry.load(),
                new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                dir,
                "compile",
                "--clear",
                "neuron-simulation.yaml");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        network = dir.resolve("my_network.hdf5");
    }

    /** The cluster bundle is not on this module's class path: a split run is refused naming it, before any work. */
    @Test
    void aRunSplitOverProcessesWithoutAClusterTransportIsRefusedNamingTheBundle() {
        Scaffold scaffold = Scaffold.fromStorage(network);
        ScaffoldException e = assertThrows(
                ScaffoldException.class,
                () -> scaffold.runSimulation(
                        "neuronsim",
                        1,
                        1,
                        org.bsb.api.Reporter.SILENT,
                        java.util.Map.of("cluster", "127.0.0.1:5701,127.0.0.1:5702", "rank", "0")));
        assertTrue(e.getMessage().contains("org.bsb.cluster.hazelcast"), e.getMessage());
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

        // a folder: neo's NIX file <uuid4>.nio in it, as the original's bsb simulate writes
        Path written = run.write(dir.resolve("simulation-results"));
        assertTrue(written.startsWith(dir.resolve("simulation-results")), written.toString());
        assertTrue(written.getFileName().toString().matches("[0-9a-f-]{36}\\.nio"), written.toString());
        SimulationResults back = SimulationRun.read(written, scaffold.registry());
        assertEquals(run.signals().size(), back.signals().size());
        Signal first = back.signals().stream()
                .filter(s -> s.device().equals("vrecorder"))
                .findFirst()
                .orElseThrow();
        assertArrayEquals(voltages.get(0).values(), first.values(), 0.0);

        // a file: the format by its extension
        Path file = run.write(dir.resolve("named.h5"));
        assertEquals(dir.resolve("named.h5").toAbsolutePath(), file);
        SimulationResults h5 = SimulationRun.read(file, scaffold.registry(), "hdf5");
        assertEquals(run.signals().size(), h5.signals().size());
        assertThrows(ScaffoldException.class, () -> run.write(dir.resolve("named.h5")), "results are never replaced");
        Path nio = run.write(dir.resolve("named.nio"));
        SimulationResults nix = SimulationRun.read(nio, scaffold.registry(), "nix");
        assertEquals(run.signals().size(), nix.signals().size());
        for (int k = 0; k < run.signals().size(); k++) {
            assertArrayEquals(
                    run.signals().get(k).values(), nix.signals().get(k).values(), 0.0, "in the order recorded");
            assertEquals(run.signals().get(k).device(), nix.signals().get(k).device());
        }
        assertEquals(run.results().attributes().get("config"), nix.attributes().get("config"));
        assertThrows(ScaffoldException.class, () -> run.write(dir.resolve("named.txt")), "an extension of no format");
    }

    @Test
    void anExplicitRegistryAndClearErrors() {
        Scaffold scaffold = Scaffold.fromStorage(network, ServiceLoaderRegistry.load());
        ScaffoldException e = assertThrows(ScaffoldException.class, () -> scaffold.runSimulation("neuronsimm"));
        assertTrue(e.getMessage().contains("did you mean 'neuronsim'"), e.getMessage());
        e = assertThrows(ScaffoldException.class, () -> Scaffold.fromStorage(dir.resolve("neuron-simulation.yaml")));
        assertTrue(e.getMessage().contains("not a network file"), e.getMessage());
    }

    /**
     * The tutorial's spike generator (one spike at 9 ms, delay 1 ms, onto AMPA and NMDA synapses it
     * inserts on cell 0's dendrites, DESIGN §9) visibly changes cell 0's soma trace: identical to a
     * run whose generator emits no spike until the event arrives at 10 ms, then depolarised by more
     * than 1 mV.
     */
    @Test
    void theSpikeGeneratorVisiblyChangesCell0() throws IOException {
        double[] with = cell0SomaTrace("1");
        double[] without = cell0SomaTrace("0");
        int eventStep = (int) Math.round(10.0 / 0.025);
        for (int i = 0; i <= eventStep; i++) {
            assertEquals(without[i], with[i], 1e-9, "before the event arrives, t = " + i * 0.025);
        }
        double largest = 0;
        for (int i = eventStep; i < with.length; i++) {
            largest = Math.max(largest, with[i] - without[i]);
        }
        assertTrue(largest > 1, "EPSP at cell 0's soma: " + largest + " mV");
    }

    /** Cell 0's soma voltage with the generator's {@code number} of spikes, recorded by an added recorder. */
    private static double[] cell0SomaTrace(String spikes) throws IOException {
        String yaml = Files.readString(dir.resolve("neuron-simulation.yaml"))
                .replace(
                        "    devices:\n",
                        "    devices:\n      cell0_soma:\n        device: voltage_recorder\n"
                                + "        targetting:\n          strategy: by_id\n          ids:\n            stellate_cell:\n"
                                + "              - 0\n")
                .replace("        number: 1\n", "        number: " + spikes + "\n");
        Path config = dir.resolve("stimulus-" + spikes + ".yaml");
        Files.writeString(config, yaml);
        Path copy = dir.resolve("network-" + spikes + ".hdf5");
        Files.copy(network, copy);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BsbCli.run(
                ServiceLoaderRegistry.load(),
                new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                dir,
                "reconfigure",
                copy.toString(),
                config.toString());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        List<Signal> traces =
                Scaffold.fromStorage(copy).runSimulation("neuronsim").signals("cell0_soma");
        assertEquals(1, traces.size());
        return traces.get(0).values();
    }

    /**
     * A simulation's {@code mechanisms:} list (paths relative to the project folder) is compiled at run
     * time; a wrong entry is an error naming its config path before the run starts.
     */
    @Test
    void aSimulationsMechanismsListIsCompiledAndCheckedFirst() throws IOException {
        Path mods = dir.resolve("mods");
        Files.createDirectories(mods);
        try (Stream<Path> files = Files.list(EXAMPLE.resolve("mechanisms"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".mod")).toList()) {
                Files.copy(f, mods.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path good = withMechanisms("mods", "good");
        assertEquals(
                30,
                ((Number) Scaffold.fromStorage(good)
                                .runSimulation("neuronsim")
                                .results()
                                .attributes()
                                .get("cells"))
                        .intValue());
        // reconfigure refuses a list naming something that is not a .mod file or a folder of them
        for (String entry : List.of("no-such-folder", "data", "data/Stellate.py")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path copy = dir.resolve("network-refused.hdf5");
            Files.copy(network, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(1, reconfigure(entry, "bad", copy, err));
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(
                    message.contains("simulations.neuronsim.mechanisms[0]: found '" + entry + "'")
                            && message.contains("expected a .mod file or a folder of .mod files"),
                    message);
            assertArrayEquals(Files.readAllBytes(network), Files.readAllBytes(copy), "the network was changed");
        }
        // where the files are missing at run time (run from another folder), the simulation names the entry
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        ScaffoldException e = assertThrows(
                ScaffoldException.class,
                () -> Scaffold.fromStorage(good).withBaseDirectory(elsewhere).runSimulation("neuronsim"));
        assertTrue(e.getMessage().contains("simulations.neuronsim.mechanisms[0]"), e.getMessage());
    }

    /** A copy of the network whose stored config lists {@code entry} under the simulation's mechanisms. */
    private static Path withMechanisms(String entry, String tag) throws IOException {
        Path copy = dir.resolve("network-mechanisms-" + tag + ".hdf5");
        Files.copy(network, copy);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, reconfigure(entry, tag, copy, err), err.toString(StandardCharsets.UTF_8));
        return copy;
    }

    /** {@code bsb reconfigure COPY CONFIG} with the tutorial's config listing {@code entry} under mechanisms. */
    private static int reconfigure(String entry, String tag, Path copy, ByteArrayOutputStream err) throws IOException {
        String yaml = Files.readString(dir.resolve("neuron-simulation.yaml"))
                .replace("    simulator: neuron\n", "    simulator: neuron\n    mechanisms:\n      - " + entry + "\n");
        Path config = dir.resolve("mechanisms-" + tag + ".yaml");
        Files.writeString(config, yaml);
        return BsbCli.run(
                ServiceLoaderRegistry.load(),
                new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                dir,
                "reconfigure",
                copy.toString(),
                config.toString());
    }
}
