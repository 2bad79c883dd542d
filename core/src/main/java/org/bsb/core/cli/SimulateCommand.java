package org.bsb.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bsb.api.Reporter;
import org.bsb.api.ServiceKind;
import org.bsb.api.ServiceLookup;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.SimulationException;
import org.bsb.api.simulation.SimulationRequest;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SimulatorBackend;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.storage.StorageException;
import org.bsb.core.config.ConfigException;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.LoadedConfig;
import org.bsb.core.config.SimulationNode;
import org.bsb.core.registry.NameSuggester;
import org.bsb.core.registry.RegistryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bsb simulate NETWORK SIMULATION [-o DIR]}: runs a simulation of the config stored in a
 * compiled network and writes a new results file into DIR (never replacing one), as the
 * original's command does (its file is a uuid4 {@code .nio}; ours {@code <simulation>-<time>.h5}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a simulation of a compiled network and write its results file.")
public class SimulateCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "NETWORK", description = "The compiled network file.")
    String network;

    @Parameters(index = "1", paramLabel = "SIMULATION", description = "Name of a simulation in the network's config.")
    String simulation;

    @Option(names = {"-o", "--output-folder"}, paramLabel = "DIR", description = "Folder for the results file (default: the current folder).")
    String output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the simulation's random choices (default: the network's seed, else 1).")
    Long seed;

    @Option(names = "--results-format", paramLabel = "NAME", defaultValue = "hdf5", description = "Results format service (default: ${DEFAULT-VALUE}).")
    String resultsFormat;

    public SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path file = context.resolve(network);
        NetworkData data = readNetwork(file);
        LoadedConfig config;
        try {
            config = ConfigLoader.fromJson(data.configJson(), file.toString(), context.registry());
        } catch (ConfigException e) {
            throw new CommandFailure(1, "bsb simulate: the config stored in " + file + " is not valid here:\n"
                    + e.getMessage());
        }
        Map<String, SimulationNode> simulations = config.config().simulations();
        SimulationNode node = simulations.get(simulation);
        if (node == null) {
            throw new CommandFailure(1, "bsb simulate: " + file + " has no simulation '" + simulation + "'"
                    + suggestion(simulation, simulations.keySet()));
        }
        String path = "simulations." + simulation;
        SimulatorBackend<?> backend;
        ResultsFormat format;
        try {
            backend = context.registry().resolve(ServiceKind.SIMULATOR, node.simulator(), SimulatorBackend.class);
            format = context.registry().resolve(ServiceKind.RESULTS_FORMAT, resultsFormat, ResultsFormat.class);
        } catch (UnknownServiceException e) {
            throw new CommandFailure(1, "bsb simulate: " + e.getMessage());
        }
        Path dir = output == null ? context.workingDirectory() : context.resolve(output);
        long chosenSeed = seed != null ? seed : networkSeed(data);
        int chosenThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Reporter reporter = (level, message) -> {
            if (level <= global.verbosity) {
                context.out().println(message);
            }
        };
        reporter.report(1, "Simulating '" + simulation + "' (" + node.simulator() + ", " + node.duration() + " ms)");
        long start = System.nanoTime();
        SimulationResults results;
        try {
            results = run(backend, node, path, data, config, chosenThreads, chosenSeed, reporter, context.registry());
        } catch (ConfigException e) {
            throw new CommandFailure(1, "bsb simulate: " + e.getMessage());
        } catch (SimulationException e) {
            throw new CommandFailure(1, "bsb simulate: simulation '" + simulation + "' failed: " + e.getMessage());
        }
        if (results == null) {
            throw new CommandFailure(1, "bsb simulate: simulator '" + node.simulator() + "' returned no results");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Path written = format.write(withProvenance(results, node, chosenSeed, wall), dir);
        reporter.report(1, "Wrote " + written);
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SimulationResults run(SimulatorBackend backend, SimulationNode node, String path, NetworkData data,
            LoadedConfig config, int threads, long seed, Reporter reporter, ServiceLookup services)
            throws SimulationException {
        Record parameters = node.parameters().bind(backend.parameterType(), path);
        String name = path.substring("simulations.".length());
        Path base = config.baseDirectory() != null ? config.baseDirectory() : Path.of("").toAbsolutePath();
        return backend.run(new Request(name, parameters, data, base, threads, seed, services, reporter));
    }

    /** What the backend receives. */
    record Request<P extends Record>(String name, P parameters, NetworkData network, Path baseDirectory, int threads,
            long seed, ServiceLookup services, Reporter reporter) implements SimulationRequest<P> {}

    /** Reads the network with the first storage engine that recognises the file. */
    private NetworkData readNetwork(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(1, "bsb simulate: network file " + file + " does not exist");
        }
        List<String> engines = new ArrayList<>();
        for (RegistryEntry e : context.registry().entries(ServiceKind.STORAGE)) {
            StorageEngine engine = (StorageEngine) e.service();
            engines.add(e.names().get(0));
            boolean recognised;
            try {
                recognised = engine.exists(file);
            } catch (RuntimeException ex) {
                recognised = false; // an engine that chokes on a foreign file does not recognise it
            }
            if (recognised) {
                try {
                    return engine.read(file);
                } catch (StorageException | RuntimeException ex) {
                    // e.g. a truncated HDF5 file: its signature is there, its data is not
                    throw new CommandFailure(1, "bsb simulate: cannot read network file " + file + " ("
                            + e.names().get(0) + "): " + BsbCli.describe(ex));
                }
            }
        }
        throw new CommandFailure(1, "bsb simulate: " + file + " is not a network file of any installed storage engine ("
                + (engines.isEmpty() ? "none installed" : String.join(", ", engines)) + ")");
    }

    static long networkSeed(NetworkData data) {
        String s = data.attributes().get("seed");
        try {
            return s == null ? 1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Adds the run's provenance to the results' root attributes, keeping what the backend set. */
    static SimulationResults withProvenance(SimulationResults r, SimulationNode node, long seed, double wallSeconds) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("duration", node.duration());
        a.put("resolution", node.resolution());
        if (node.temperature() != null) {
            a.put("temperature", node.temperature());
        }
        a.put("simulator", node.simulator());
        a.put("seed", seed);
        a.put("wall_time", wallSeconds);
        a.put("software", Map.of("bsb", BsbCli.VERSION, "java", System.getProperty("java.version", "")));
        a.putAll(r.attributes());
        return new SimulationResults(r.simulation() == null || r.simulation().isEmpty() ? "simulation" : r.simulation(),
                a, r.signals(), r.spikes());
    }

    private static String suggestion(String name, java.util.Collection<String> known) {
        if (known.isEmpty()) {
            return "; its config has no simulations";
        }
        String close = NameSuggester.closest(name, known);
        return (close != null ? "; did you mean '" + close + "'?" : "") + " Simulations: " + String.join(", ", known);
    }
}
