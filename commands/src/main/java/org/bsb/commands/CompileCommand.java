package org.bsb.commands;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.command.CommandFailure;
import org.bsb.api.storage.StorageEngine;
import org.bsb.core.compile.ClusterCompile;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.CompileOptions;
import org.bsb.core.compile.CompileOptions.Mode;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.ConfigConnectivityPhase;
import org.bsb.core.compile.PlanBuilder;
import org.bsb.core.compile.StreamReporter;
import org.bsb.core.config.ConfigCheck;
import org.bsb.core.config.ConfigError;
import org.bsb.core.config.ConfigException;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.LoadedConfig;
import org.bsb.core.network.Blocks;
import org.bsb.core.registry.ServiceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bsb compile CONFIG}: reconstructs the network a config describes into its network file. */
@Command(
        name = "compile",
        mixinStandardHelpOptions = true,
        description = "Compile a network: place cells, connect them and store the result (storage.root or -o).")
public class CompileCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The config file (JSON or YAML).")
    String config;

    @Option(
            names = {"-w", "--clear"},
            description = "Start from an empty network if the file exists.")
    boolean clear;

    @Option(
            names = {"-a", "--append"},
            description = "Add to the existing network.")
    boolean append;

    @Option(
            names = {"-r", "--redo"},
            description = "Clear and re-run the chosen strategies and all strategies"
                    + " sharing their cell types or connectivity sets.")
    boolean redo;

    @Option(
            names = {"-f", "--force"},
            description = "Let --redo also re-run strategies excluded by --skip-*/--only-*"
                    + " when it must (not recommended).")
    boolean force;

    @Option(
            names = {"--np", "--skip-placement"},
            description = "Skip placement (keep the stored cells).")
    boolean skipPlacement;

    @Option(
            names = {"--nc", "--skip-connectivity"},
            description = "Skip connectivity (keep the stored connections).")
    boolean skipConnectivity;

    @Option(
            names = "--only-placement",
            split = ",",
            paramLabel = "NAMES",
            description = "Run only these placement strategies.")
    List<String> onlyPlacement;

    @Option(
            names = "--only-connectivity",
            split = ",",
            paramLabel = "NAMES",
            description = "Run only these connectivity strategies.")
    List<String> onlyConnectivity;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Network file (overrides storage.root).")
    String output;

    @Option(names = "--seed", description = "Random seed; without one a seed is drawn and stored in the file.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    public CompileCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if ((clear ? 1 : 0) + (append ? 1 : 0) + (redo ? 1 : 0) > 1) {
            throw new CommandFailure(2, "bsb compile: --clear, --append and --redo exclude each other");
        }
        if (threads != null && threads < 1) {
            throw new CommandFailure(2, "bsb compile: --threads must be at least 1, got " + threads);
        }
        StreamReporter reporter = new StreamReporter(context.out(), global.verbosity);
        Map<String, String> clusterOptions = this.clusterOptions.toMap();
        if (!clusterOptions.isEmpty()) {
            return ClusterCompileRun.run(this, context, clusterOptions, reporter);
        }
        LoadedConfig loaded = load(context, context.resolve(config), reporter);
        CompilePlan plan;
        try {
            plan = PlanBuilder.build(loaded, context.registry());
        } catch (CompileException e) {
            throw new CommandFailure(1, e.getMessage());
        }
        return compile(loaded, plan, reporter, null);
    }

    /** Compiles the plan here, its jobs on {@code cluster}'s members when given (this process being rank 0). */
    Integer compile(LoadedConfig loaded, CompilePlan plan, StreamReporter reporter, ClusterCompile cluster) {
        try {
            String engineName = loaded.config().storage().engine();
            StorageEngine engine = context.registry().resolve(ServiceKind.STORAGE, engineName, StorageEngine.class);
            Path out = output != null ? context.resolve(output) : loaded.resolve(root(loaded));
            Mode mode = clear ? Mode.CLEAR : append ? Mode.APPEND : redo ? Mode.REDO : Mode.NEW;
            CompileOptions options = new CompileOptions(
                    out,
                    mode,
                    skipPlacement,
                    skipConnectivity,
                    set(onlyPlacement),
                    set(onlyConnectivity),
                    seed,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    force);
            reporter.report(
                    4,
                    "Context: config " + context.resolve(config) + ", output " + out + ", threads "
                            + options.threads());
            Compiler compiler = new Compiler(
                            engine, engineName, new ConfigConnectivityPhase(context.registry()), reporter)
                    .cluster(cluster);
            Compiler.Result result = compiler.compile(plan, options);
            int connections = result.network().connectivity().stream()
                    .mapToInt(c -> c.size())
                    .sum();
            Map<String, Integer> counts = Blocks.counts(result.network().placement());
            reporter.report(
                    1,
                    "Compiled " + out + ": "
                            + (counts.isEmpty() ? "no cells" : counts.toString().replace("=", ": ")) + ", "
                            + connections + " connections (seed " + result.seed() + ")");
            return 0;
        } catch (CompileException e) {
            throw new CommandFailure(1, e.getMessage());
        } catch (UnknownServiceException e) {
            throw new CommandFailure(1, "storage.engine: " + e.getMessage());
        }
    }

    /**
     * Loads a config, printing its warnings; config errors become a {@link CommandFailure}. A
     * simulation's simulator or device that is not installed here only warns (reconstruction does
     * not need it, and the simulation may run elsewhere); every other mistake of a simulation is an
     * error, since the stored config could not be simulated ({@link ConfigCheck#orThrowForNetwork()}).
     */
    static LoadedConfig load(CliContext context, Path file, StreamReporter reporter) {
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.check(file, context.registry(), false).orThrowForNetwork();
        } catch (ConfigException e) {
            throw new CommandFailure(1, e.getMessage());
        }
        for (ConfigError w : loaded.warnings()) {
            reporter.report(1, w.toString());
        }
        return loaded;
    }

    /** storage.root, or a fresh name as the original's hdf5 engine makes one. */
    private static String root(LoadedConfig loaded) {
        String root = loaded.config().storage().root();
        if (root != null) {
            return root;
        }
        String id = Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 6);
        return "scaffold_network_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss"))
                + "_" + id + ".hdf5";
    }

    private static Set<String> set(List<String> names) {
        return names == null ? null : new LinkedHashSet<>(names);
    }
}
