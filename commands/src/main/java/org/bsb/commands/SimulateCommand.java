package org.bsb.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bsb.api.Reporter;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.command.CommandFailure;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.core.config.SimulationNode;
import org.bsb.core.registry.ServiceKind;
import org.bsb.core.scaffold.Scaffold;
import org.bsb.core.scaffold.ScaffoldException;
import org.bsb.core.scaffold.SimulationRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bsb simulate NETWORK SIMULATION [-o DIR] [--format NAME]}: runs a simulation of the config
 * stored in a compiled network and writes a new results file into DIR (never replacing one), as
 * the original's command does: by default neo's NIX file {@code DIR/<uuid4>.nio}; with
 * {@code --format hdf5} our HDF5 layout {@code DIR/<simulation>-<time>.h5}.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run a simulation of a compiled network and write its results file.")
public class SimulateCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "NETWORK", description = "The compiled network file.")
    String network;

    @Parameters(index = "1", paramLabel = "SIMULATION", description = "Name of a simulation in the network's config.")
    String simulation;

    @Option(
            names = {"-o", "--output-folder"},
            paramLabel = "DIR",
            description = "Folder for the results file (default: the current folder).")
    String output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "Seed of the simulation's random choices (default: the network's seed, else 1).")
    Long seed;

    @Option(
            names = {"--format", "--results-format"},
            paramLabel = "NAME",
            defaultValue = "nix",
            description =
                    "Results format: nix (neo's NIX file <uuid4>.nio, as the original) or hdf5 (default: ${DEFAULT-VALUE}).")
    String resultsFormat;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    public SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path file = context.resolve(network);
        try {
            Scaffold scaffold =
                    Scaffold.fromStorage(file, context.registry()).withBaseDirectory(context.workingDirectory());
            SimulationNode node = scaffold.simulation(simulation);
            ResultsFormat format;
            try {
                format = context.registry().resolve(ServiceKind.RESULTS_FORMAT, resultsFormat, ResultsFormat.class);
            } catch (UnknownServiceException e) {
                throw new CommandFailure(1, "bsb simulate: " + e.getMessage());
            }
            Path dir = output == null ? context.workingDirectory() : context.resolve(output);
            long chosenSeed = seed != null ? seed : scaffold.seed();
            if (threads != null && threads < 1) {
                throw new CommandFailure(2, "bsb simulate: --threads must be at least 1, got " + threads);
            }
            int chosenThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            Reporter reporter = (level, message) -> {
                if (level <= global.verbosity) {
                    context.out().println(message);
                }
            };
            reporter.report(
                    1, "Simulating '" + simulation + "' (" + node.simulator() + ", " + node.duration() + " ms)");
            Map<String, String> clusterOptions = clusterOptions();
            if (clusterOptions.isEmpty()) {
                warnIfLaunchedAsOneOfMany(reporter, System.getenv());
            }
            SimulationRun run = scaffold.runSimulation(simulation, chosenThreads, chosenSeed, reporter, clusterOptions);
            if (run == null) {
                reporter.report(1, "This process's part is done; rank 0 writes the results file");
                return 0;
            }
            Path written = format.write(run.results(), dir);
            reporter.report(1, "Wrote " + written);
            return 0;
        } catch (ScaffoldException e) {
            throw new CommandFailure(1, "bsb simulate: " + e.getMessage());
        }
    }

    /** The cluster options given (names without {@code --}); empty: the whole run in this process. */
    Map<String, String> clusterOptions() {
        return cluster.toMap();
    }

    /**
     * Under {@code srun -n 4} or {@code mpirun -np 4} without a cluster option every process runs the whole
     * simulation and writes its own file: said once, in case a split run was meant.
     */
    static void warnIfLaunchedAsOneOfMany(Reporter reporter, Map<String, String> env) {
        for (String variable : new String[] {"SLURM_NTASKS", "OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
            String value = env.get(variable);
            try {
                if (value != null && Integer.parseInt(value.trim()) > 1) {
                    reporter.report(
                            1,
                            "Note: " + variable + "=" + value.trim() + " but no --cluster option: this process runs"
                                    + " the whole simulation and writes its own results file (--cluster auto splits"
                                    + " the run over the launched processes)");
                    return;
                }
            } catch (NumberFormatException e) {
                // not a launcher's count
            }
        }
    }
}
