package org.bsb.plot;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.results.hdf5.ResultsReader;
import org.bsb.results.nix.NixReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bsb plot RESULTS [-o DIR] [--csv | --csv-only]}. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = {
            "Render PNG figures of a results file: voltage traces per recorded cell, synaptic currents "
                    + "per synapse type, a spike raster.",
            "With --csv, also write CSV tables."
        })
public final class PlotCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "RESULTS",
            description = "A results file written by 'bsb simulate': neo's NIX file (.nio) or our HDF5 layout (.h5).")
    String results;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "Folder for the figures (default: <RESULTS without .nio/.h5>-plots next to the file).")
    String output;

    @Option(names = "--csv", description = "Also write CSV tables (one per device, and spikes.csv).")
    boolean csv;

    @Option(names = "--csv-only", description = "Write only the CSV tables, no figures.")
    boolean csvOnly;

    @Option(
            names = {"-v", "--verbosity"},
            paramLabel = "N",
            description = "0 prints nothing but errors.")
    int verbosity = 1;

    private final Path workingDirectory;
    private final PrintStream out;

    PlotCommand(Path workingDirectory, PrintStream out) {
        this.workingDirectory = workingDirectory;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Path file = workingDirectory.resolve(results).normalize();
        if (!Files.isRegularFile(file)) {
            throw new PlotFailure("bsb plot: results file " + file
                    + (Files.isDirectory(file) ? " is a directory" : " does not exist"));
        }
        SimulationResults r;
        try {
            r = read(file);
        } catch (IOException e) {
            throw new PlotFailure("bsb plot: " + e.getMessage());
        }
        Path dir = output != null ? workingDirectory.resolve(output).normalize() : defaultDirectory(file);
        List<Path> written = new ArrayList<>();
        if (!csvOnly) {
            written.addAll(Figures.render(r, dir));
        }
        if (csv || csvOnly) {
            written.addAll(CsvExport.export(r, dir));
        }
        if (verbosity > 0) {
            out.println("Wrote " + written.size() + " file" + (written.size() == 1 ? "" : "s") + " to " + dir + ":");
            for (Path p : written) {
                out.println("  " + p.getFileName());
            }
            if (written.isEmpty()) {
                out.println("  (the results file holds no signals or spikes)");
            }
        }
        return 0;
    }

    static Path defaultDirectory(Path file) {
        String name = file.getFileName().toString();
        String stem = name;
        for (String ext : new String[] {".nio", ".nix", ".h5", ".hdf5"}) {
            if (name.endsWith(ext)) {
                stem = name.substring(0, name.length() - ext.length());
                break;
            }
        }
        return file.resolveSibling(stem + "-plots");
    }

    /**
     * Reads a results file of either format: by its extension ({@code .nio}/{@code .nix}: neo's
     * NIX file; {@code .h5}/{@code .hdf5}: our HDF5 layout), else by its signature (a NIX file's
     * root attribute {@code format = "nix"}).
     */
    static SimulationResults read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".nio") || name.endsWith(".nix")) {
            return NixReader.read(file);
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return ResultsReader.read(file);
        }
        return NixReader.isNix(file) ? NixReader.read(file) : ResultsReader.read(file);
    }

    /** Runs {@code bsb plot ARGS} and returns the exit status; errors are one line, never a stack trace. */
    public static int run(Path workingDirectory, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new PlotCommand(workingDirectory, out));
        cli.setCommandName("bsb plot");
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof PlotFailure) {
                err.println(ex.getMessage());
            } else {
                err.println("bsb plot: " + org.bsb.api.ErrorReport.explain(ex));
                if (Boolean.getBoolean("bsb.debug")) {
                    ex.printStackTrace(err);
                }
            }
            return 1;
        });
        try {
            return cli.execute(args);
        } catch (Throwable failure) { // errors (heap, stack) pass picocli's handler, which takes exceptions only
            err.println("bsb plot: " + org.bsb.api.ErrorReport.explain(failure));
            if (Boolean.getBoolean("bsb.debug")) {
                failure.printStackTrace(err);
            }
            return 1;
        }
    }

    /** An error already phrased for the user. */
    static final class PlotFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlotFailure(String message) {
            super(message, null, false, false);
        }
    }
}
