package org.bsb.core.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.ErrorReport;
import org.bsb.api.Reporter;
import org.bsb.api.ServiceLookup;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.cluster.JobCluster;
import org.bsb.api.simulation.SimulationException;
import org.bsb.api.simulation.SimulationRequest;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SimulatorBackend;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.storage.StorageException;
import org.bsb.core.check.NetworkCheck;
import org.bsb.core.compile.ClusterCompile;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.CompileOptions;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.ConfigConnectivityPhase;
import org.bsb.core.compile.PlanBuilder;
import org.bsb.core.config.ConfigException;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.LoadedConfig;
import org.bsb.core.config.SimulationNode;
import org.bsb.core.network.Blocks;
import org.bsb.core.registry.NameSuggester;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;
import org.bsb.core.registry.ServiceLoaderRegistry;

/**
 * A compiled network and its config, ready to simulate:
 * <pre>{@code
 * Scaffold network = Scaffold.fromStorage(Path.of("my_network.hdf5"));
 * SimulationRun run = network.runSimulation("neuronsim");
 * run.write(Path.of("simulation-results"));
 * }</pre>
 * {@code bsb simulate} goes through the same steps, so both report the same errors.
 */
public final class Scaffold {
    /** The software version, recorded in the files compile and simulate write (and printed by {@code bsb --version}). */
    public static final String VERSION = "0.1.0";

    private final Path file;
    private final NetworkData network;
    private final LoadedConfig config;
    private final Registry registry;
    private final Path baseDirectory;

    private Scaffold(Path file, NetworkData network, LoadedConfig config, Registry registry, Path baseDirectory) {
        this.file = file;
        this.network = network;
        this.config = config;
        this.registry = registry;
        this.baseDirectory = baseDirectory;
    }

    /**
     * The same network with relative references of its config (model files, {@code data.Stellate}
     * modules) resolved against {@code directory}. By default they resolve against the network
     * file's folder; {@code bsb simulate} uses the working folder, as the original's Python
     * imports do.
     */
    public Scaffold withBaseDirectory(Path directory) {
        return new Scaffold(file, network, config, registry, directory.toAbsolutePath());
    }

    /** Where the config's relative references are resolved. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /**
     * Compiles {@code config} into {@code options.output()} (null: the config's {@code storage.root}) in this process,
     * as {@code bsb compile}, and opens the result.
     *
     * @throws ScaffoldException naming what went wrong (the config's problems, a strategy's failure)
     */
    public static Scaffold compile(Path config, Registry registry, CompileOptions options, Reporter reporter) {
        return compile(config, registry, options, reporter, null, Map.of());
    }

    /**
     * This process's part of a compile split over the processes that {@code cluster} describes (option names without
     * {@code --} and their values, as {@code bsb compile --cluster MEMBERS --rank K} takes them: {@code cluster},
     * {@code rank}, {@code size}, {@code bind}, {@code port}, {@code cluster-name}, {@code join-timeout},
     * {@code round-timeout}; empty: the whole compile here). The cluster transport is {@code transport}, or when
     * null the first {@link JobCluster} listed for {@link java.util.ServiceLoader} (cluster-hazelcast's). Every
     * process calls it with the same config and cluster and its own rank (or runs {@code bsb compile --cluster} or
     * {@code bsb worker}); rank 0 sends the jobs, writes the file and gets the network, bit for bit that of one
     * process; every other process serves jobs and gets {@code null}.
     */
    public static Scaffold compile(
            Path config,
            Registry registry,
            CompileOptions options,
            Reporter reporter,
            JobCluster transport,
            Map<String, String> cluster) {
        Path file = config.toAbsolutePath().normalize();
        LoadedConfig loaded = null;
        CompilePlan plan = null;
        String planError = null;
        try {
            loaded = ConfigLoader.check(file, registry, false).orThrowForNetwork();
            for (org.bsb.core.config.ConfigError w : loaded.warnings()) {
                reporter.report(1, w.toString());
            }
            plan = PlanBuilder.build(loaded, registry);
        } catch (ConfigException | CompileException e) {
            if (cluster.isEmpty()) {
                throw new ScaffoldException(e.getMessage(), e);
            }
            planError = e.getMessage();
        }
        LoadedConfig finalLoaded = loaded;
        CompilePlan finalPlan = plan;
        ClusterCompile.RankZero<Path> compile = c -> compile(finalLoaded, finalPlan, registry, options, reporter, c);
        Path out;
        try {
            if (cluster.isEmpty()) {
                out = compile.compile(null);
            } else {
                JobCluster jobs = transport != null ? transport : findJobCluster();
                byte[] source = null;
                if (loaded != null) {
                    try {
                        source = ClusterCompile.configSource(file, Files.readString(file));
                    } catch (java.io.IOException e) {
                        planError = "cannot read " + file + ": " + e.getMessage();
                    }
                }
                try (JobCluster.Session session = jobs.join(
                        Map.copyOf(cluster), ClusterCompile.handler(plan, planError, registry, reporter), reporter)) {
                    out = ClusterCompile.run(session, source, planError, reporter, compile);
                }
            }
        } catch (CompileException e) {
            throw new ScaffoldException(e.getMessage(), e);
        }
        return out == null ? null : fromStorage(out, registry);
    }

    private static Path compile(
            LoadedConfig loaded,
            CompilePlan plan,
            Registry registry,
            CompileOptions options,
            Reporter reporter,
            ClusterCompile cluster)
            throws CompileException {
        String engineName = loaded.config().storage().engine();
        StorageEngine engine;
        try {
            engine = registry.resolve(ServiceKind.STORAGE, engineName, StorageEngine.class);
        } catch (UnknownServiceException e) {
            throw new CompileException("storage.engine: " + e.getMessage());
        }
        CompileOptions chosen = options;
        if (options.output() == null) {
            String root = loaded.config().storage().root();
            if (root == null) {
                throw new CompileException(
                        "storage.root: no network file named: give one in the config or the options");
            }
            chosen = new CompileOptions(
                    loaded.resolve(root),
                    options.mode(),
                    options.skipPlacement(),
                    options.skipConnectivity(),
                    options.onlyPlacement(),
                    options.onlyConnectivity(),
                    options.seed(),
                    options.threads(),
                    options.force());
        }
        new Compiler(engine, engineName, new ConfigConnectivityPhase(registry), reporter)
                .cluster(cluster)
                .compile(plan, chosen);
        return chosen.output();
    }

    private static JobCluster findJobCluster() {
        for (JobCluster c : java.util.ServiceLoader.load(JobCluster.class, Scaffold.class.getClassLoader())) {
            return c;
        }
        throw new ScaffoldException("no cluster transport is listed for ServiceLoader (the bundle"
                + " org.bsb.cluster.hazelcast provides one): pass a JobCluster");
    }

    /** Opens a network file with the services on the class path ({@link ServiceLoaderRegistry#load()}). */
    public static Scaffold fromStorage(Path file) {
        return fromStorage(file, ServiceLoaderRegistry.load());
    }

    /** Opens a network file with the first storage engine of {@code registry} that recognises it. */
    public static Scaffold fromStorage(Path file, Registry registry) {
        Path absolute = file.toAbsolutePath();
        NetworkData data = readNetwork(absolute, registry);
        try {
            LoadedConfig config = ConfigLoader.fromJson(data.configJson(), absolute.toString(), registry);
            return new Scaffold(
                    absolute,
                    data,
                    config,
                    registry,
                    config.baseDirectory() != null ? config.baseDirectory() : absolute.getParent());
        } catch (ConfigException e) {
            throw new ScaffoldException(
                    "the config stored in " + absolute + " is not valid here:\n" + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks a network ({@link NetworkCheck}): a network whose data or stored config is not
     * valid is refused with every problem, before any work.
     */
    static NetworkData readNetwork(Path file, Registry registry) {
        RegistryEntry e = engineEntry(file, registry);
        try {
            NetworkCheck.Report report = NetworkCheck.check((StorageEngine) e.service(), file, registry, true);
            if (!report.valid()) {
                throw new ScaffoldException(report.message());
            }
            return report.network();
        } catch (StorageException | RuntimeException ex) {
            if (ex instanceof ScaffoldException s) {
                throw s;
            }
            // e.g. a truncated HDF5 file: its signature is there, its data is not
            String message = ErrorReport.explain(ex);
            throw new ScaffoldException(
                    message.contains(file.toString())
                            ? message
                            : "cannot read network file " + file + " ("
                                    + e.names().get(0) + "): " + message,
                    ex);
        }
    }

    /** The first storage engine of {@code registry} that recognises the file. */
    private static RegistryEntry engineEntry(Path file, Registry registry) {
        if (!Files.isRegularFile(file)) {
            throw new ScaffoldException(
                    "network file " + file + (Files.isDirectory(file) ? " is a directory" : " does not exist"));
        }
        List<String> engines = new ArrayList<>();
        for (RegistryEntry e : registry.entries(ServiceKind.STORAGE)) {
            StorageEngine engine = (StorageEngine) e.service();
            engines.add(e.names().get(0));
            boolean recognised;
            try {
                recognised = engine.exists(file);
            } catch (RuntimeException ex) {
                recognised = false; // an engine that chokes on a foreign file does not recognise it
            }
            if (recognised) {
                return e;
            }
        }
        throw new ScaffoldException(file + " is not a network file of any installed storage engine ("
                + (engines.isEmpty() ? "none installed" : String.join(", ", engines)) + ")");
    }

    /**
     * Adds {@code labels} to cells of a cell type, as the original's {@code PlacementSet.label(labels,
     * ids)}: {@code ids} are the type's global cell ids (numbered through its chunks in chunk id order,
     * as connectivity and targetting number them). The network file is rewritten atomically by the
     * engine that stores it; the labelled network is returned. {@code by_label} targetting and
     * connection hemitypes' {@code labels} select cells by these labels.
     */
    public Scaffold label(String cellType, Collection<String> labels, int... ids) {
        List<PlacementBlock> placement;
        try {
            placement = Blocks.label(network.placement(), cellType, labels, ids);
        } catch (IllegalArgumentException e) {
            Collection<String> types = Blocks.counts(network.placement()).keySet();
            throw new ScaffoldException(
                    file + ": " + e.getMessage() + (types.contains(cellType) ? "" : suggestion(cellType, types)), e);
        }
        NetworkData labelled = new NetworkData(
                network.configJson(),
                network.chunkSize(),
                network.morphologies(),
                placement,
                network.connectivity(),
                network.attributes());
        RegistryEntry engine = engineEntry(file, registry);
        try {
            ((StorageEngine) engine.service()).write(file, labelled);
        } catch (StorageException | RuntimeException ex) {
            throw new ScaffoldException(
                    "cannot write network file " + file + " (" + engine.names().get(0) + "): "
                            + ErrorReport.explain(ex),
                    ex);
        }
        return new Scaffold(file, labelled, config, registry, baseDirectory);
    }

    public Path file() {
        return file;
    }

    public NetworkData network() {
        return network;
    }

    public LoadedConfig config() {
        return config;
    }

    public Registry registry() {
        return registry;
    }

    /** The seed of the network's compilation, the default seed of its simulations (1 if unknown). */
    public long seed() {
        String s = network.attributes().get("seed");
        try {
            return s == null ? 1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The named simulation of the config; the error suggests the closest name. */
    public SimulationNode simulation(String name) {
        Map<String, SimulationNode> simulations = config.config().simulations();
        SimulationNode node = simulations.get(name);
        if (node == null) {
            throw new ScaffoldException(
                    file + " has no simulation '" + name + "'" + suggestion(name, simulations.keySet()));
        }
        return node;
    }

    /** Runs a simulation on all cores with the network's seed, silently. */
    public SimulationRun runSimulation(String name) {
        return runSimulation(name, Runtime.getRuntime().availableProcessors(), seed(), Reporter.SILENT);
    }

    /** Runs a simulation; the results carry the run's provenance (duration, seed, wall time, ...). */
    public SimulationRun runSimulation(String name, int threads, long seed, Reporter reporter) {
        return runSimulation(name, threads, seed, reporter, Map.of());
    }

    /**
     * Runs this process's part of a simulation split over the processes that {@code cluster} describes (option
     * names without {@code --} and their values, as {@code bsb simulate --cluster MEMBERS --rank K} takes them:
     * {@code cluster}, {@code rank}, {@code size}, {@code bind}, {@code port}, {@code cluster-name},
     * {@code join-timeout}, {@code round-timeout}; empty: the whole run here, as
     * {@link #runSimulation(String, int, long, Reporter)}). Every process calls it with the same network,
     * simulation, seed and cluster and its own rank; the coordinator (rank 0) gets the whole run, bit for bit that
     * of one process, every other process {@code null}. A simulator that cannot split a run is refused.
     */
    public SimulationRun runSimulation(
            String name, int threads, long seed, Reporter reporter, Map<String, String> cluster) {
        SimulationNode node = simulation(name);
        SimulatorBackend<?> backend;
        try {
            backend = registry.resolve(ServiceKind.SIMULATOR, node.simulator(), SimulatorBackend.class);
        } catch (UnknownServiceException e) {
            throw new ScaffoldException("simulations." + name + ".simulator: " + e.getMessage(), e);
        }
        if (!cluster.isEmpty() && !backend.runsSplit()) {
            throw new ScaffoldException("simulations." + name + ".simulator: '" + node.simulator()
                    + "' cannot split a run over processes: run it without --cluster");
        }
        long start = System.nanoTime();
        SimulationResults results;
        try {
            results = run(backend, node, name, threads, seed, reporter, Map.copyOf(cluster));
        } catch (ConfigException e) {
            throw new ScaffoldException(e.getMessage(), e);
        } catch (SimulationException e) {
            throw new ScaffoldException("simulation '" + name + "' failed: " + e.getMessage(), e);
        }
        if (results == null && !cluster.isEmpty()) {
            return null; // a member of a split run: the coordinator has the results
        }
        if (results == null) {
            throw new ScaffoldException("simulator '" + node.simulator() + "' returned no results");
        }
        double wall = (System.nanoTime() - start) / 1e9;
        SimulationResults withConfig = results;
        String json = simulationConfigJson(name);
        if (json != null && !results.attributes().containsKey("config")) {
            Map<String, Object> a = new LinkedHashMap<>(results.attributes());
            a.put("config", json);
            withConfig = new SimulationResults(results.simulation(), a, results.signals(), results.spikes());
        }
        return new SimulationRun(withProvenance(withConfig, node, seed, wall), registry);
    }

    /**
     * The simulation's node of the stored config as compact JSON (the original annotates its
     * results' Block with the simulation's config tree), or null if the stored config lacks it.
     */
    String simulationConfigJson(String name) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode node =
                    mapper.readTree(network.configJson()).path("simulations").path(name);
            return node.isMissingNode() ? null : mapper.writeValueAsString(node);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SimulationResults run(
            SimulatorBackend backend,
            SimulationNode node,
            String name,
            int threads,
            long seed,
            Reporter reporter,
            Map<String, String> cluster)
            throws SimulationException {
        Record parameters = node.parameters().bind(backend.parameterType(), "simulations." + name);
        return backend.run(new Request(
                name, parameters, network, baseDirectory, Math.max(1, threads), seed, registry, reporter, cluster));
    }

    /** What the backend receives. */
    record Request<P extends Record>(
            String name,
            P parameters,
            NetworkData network,
            Path baseDirectory,
            int threads,
            long seed,
            ServiceLookup services,
            Reporter reporter,
            Map<String, String> cluster)
            implements SimulationRequest<P> {}

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
        a.put("software", Map.of("bsb", VERSION, "java", System.getProperty("java.version", "")));
        a.putAll(r.attributes());
        return new SimulationResults(
                r.simulation() == null || r.simulation().isEmpty() ? "simulation" : r.simulation(),
                a,
                r.signals(),
                r.spikes());
    }

    private static String suggestion(String name, Collection<String> known) {
        if (known.isEmpty()) {
            return "; its config has no simulations";
        }
        String close = NameSuggester.closest(name, known);
        return (close != null ? "; did you mean '" + close + "'?" : "") + " Simulations: " + String.join(", ", known);
    }
}
