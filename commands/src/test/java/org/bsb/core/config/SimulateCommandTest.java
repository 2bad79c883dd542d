package org.bsb.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bsb.api.BsbName;
import org.bsb.api.geometry.Point3;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationRequest;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SimulatorBackend;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.StorageEngine;
import org.bsb.commands.BsbCli;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bsb simulate} end to end with stand-in storage, simulator and results format. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    /** Reads any file ending in .net as a network holding the tutorial's config. */
    @BsbName({"memory"})
    static final class MemoryStorage implements StorageEngine {
        final String config;

        MemoryStorage(String config) {
            this.config = config;
        }

        @Override
        public void write(Path file, NetworkData network) {}

        @Override
        public NetworkData read(Path file) {
            if (file.getFileName().toString().startsWith("truncated")) {
                // what an HDF5 library throws for a file cut short after its signature
                throw new IllegalStateException("truncated file: eof = 96, sblock->base_addr = 0");
            }
            return new NetworkData(
                    config, new Point3(100, 100, 100), List.of(), List.of(), List.of(), Map.of("seed", "77"));
        }

        @Override
        public boolean exists(Path file) {
            return file.toString().endsWith(".net");
        }
    }

    /** Records the request and returns one flat 4001-sample trace. */
    @BsbName({"neuron"})
    static final class RecordingNeuron implements SimulatorBackend<FakeServices.NeuronParameters> {
        SimulationRequest<FakeServices.NeuronParameters> request;

        @Override
        public Class<FakeServices.NeuronParameters> parameterType() {
            return FakeServices.NeuronParameters.class;
        }

        @Override
        public SimulationResults run(SimulationRequest<FakeServices.NeuronParameters> request) {
            this.request = request;
            return new SimulationResults(
                    request.name(),
                    Map.of("cells", 1),
                    List.of(new Signal("vrecorder", Map.of("cell_id", 0), "mV", 0, 0.025, new double[4001])),
                    List.of());
        }
    }

    /** Records what it is given and names the file as the real format would. */
    abstract static class CapturingFormat implements ResultsFormat {
        final List<SimulationResults> written = new ArrayList<>();

        @Override
        public Path write(SimulationResults results, Path directory) {
            written.add(results);
            return directory.resolve(results.simulation() + "." + extension());
        }

        @Override
        public SimulationResults read(Path file) {
            return null;
        }
    }

    @BsbName({"nix"})
    static final class CapturingNix extends CapturingFormat {
        @Override
        public String extension() {
            return "nio";
        }
    }

    @BsbName({"hdf5"})
    static final class CapturingHdf5 extends CapturingFormat {
        @Override
        public String extension() {
            return "h5";
        }
    }

    private final MapRegistry registry = FakeServices.tutorial();
    private final RecordingNeuron neuron = new RecordingNeuron();
    private final CapturingNix format = new CapturingNix();
    private final CapturingHdf5 hdf5 = new CapturingHdf5();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    SimulateCommandTest() throws Exception {
        registry.unregister(registry.entries(ServiceKind.SIMULATOR).get(0).service());
        registry.register(ServiceKind.SIMULATOR, neuron);
        registry.register(ServiceKind.RESULTS_FORMAT, format);
        registry.register(ServiceKind.RESULTS_FORMAT, hdf5);
        registry.register(ServiceKind.STORAGE, new MemoryStorage(Files.readString(TutorialConfigTest.JSON)));
    }

    private int run(String... args) throws Exception {
        Files.writeString(dir.resolve("my_network.net"), "");
        return BsbCli.run(
                registry,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                dir,
                args);
    }

    @Test
    void runsTheNamedSimulationAndWritesResultsWithProvenance() throws Exception {
        assertEquals(
                0,
                run("simulate", "my_network.net", "neuronsim", "-o", "simulation-results", "--threads", "2"),
                err.toString(StandardCharsets.UTF_8));
        assertNotNull(neuron.request);
        assertEquals("neuronsim", neuron.request.name());
        assertEquals(32.0, neuron.request.parameters().temperature());
        assertEquals(2, neuron.request.threads());
        assertEquals(77, neuron.request.seed(), "the network's seed by default");
        SimulationResults written = format.written.get(0);
        assertEquals(100.0, written.attributes().get("duration"));
        assertEquals(0.025, written.attributes().get("resolution"));
        assertEquals(32.0, written.attributes().get("temperature"));
        assertEquals(77L, written.attributes().get("seed"));
        assertEquals(1, written.attributes().get("cells"), "the backend's own attributes are kept");
        assertTrue(
                out.toString(StandardCharsets.UTF_8)
                        .contains(dir.resolve("simulation-results")
                                .resolve("neuronsim.nio")
                                .toString()),
                "neo's NIX file by default");
        assertTrue(hdf5.written.isEmpty());
        assertTrue(
                written.attributes().get("config").toString().startsWith("{\"simulator\":\"neuron\""),
                "the simulation's config as JSON: " + written.attributes().get("config"));
    }

    @Test
    void formatHdf5WritesOurLayout() throws Exception {
        assertEquals(
                0,
                run("simulate", "my_network.net", "neuronsim", "-o", "out", "--format", "hdf5"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(1, hdf5.written.size());
        assertTrue(format.written.isEmpty());
        assertTrue(out.toString(StandardCharsets.UTF_8)
                .contains(dir.resolve("out").resolve("neuronsim.h5").toString()));
    }

    @Test
    void unknownSimulationSuggestsTheClosest() throws Exception {
        assertEquals(1, run("simulate", "my_network.net", "neuronsimm"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                message.contains("no simulation 'neuronsimm'") && message.contains("did you mean 'neuronsim'"),
                message);
    }

    @Test
    void unreadableNetworkFileIsNamedWithoutAStackTrace() throws Exception {
        Files.writeString(dir.resolve("truncated.net"), "\u0089HDF");
        assertEquals(1, run("simulate", "truncated.net", "neuronsim"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(
                message.contains("cannot read network file " + dir.resolve("truncated.net"))
                        && message.contains("(memory)")
                        && message.contains("truncated file: eof = 96"),
                message);
        assertTrue(!message.contains("\tat "), "no stack trace: " + message);
    }

    @Test
    void missingOrForeignNetworkFile() throws Exception {
        assertEquals(1, run("simulate", "nope.net", "neuronsim"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"));
        Files.writeString(dir.resolve("x.txt"), "");
        err.reset();
        assertEquals(1, run("simulate", "x.txt", "neuronsim"));
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("not a network file of any installed storage engine"),
                err.toString(StandardCharsets.UTF_8));
    }
}
