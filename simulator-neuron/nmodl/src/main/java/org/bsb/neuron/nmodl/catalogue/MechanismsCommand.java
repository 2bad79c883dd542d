package org.bsb.neuron.nmodl.catalogue;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bsb mechanisms bundle DIR -o FILE.jar [--name N] [--version V]}: packs a folder of {@code .mod} files
 * into a drop-in bundle ({@link CatalogueBundle}). The nmodl bundle provides it as the command service
 * {@code mechanisms} ({@link MechanismsCommands}), as the plot bundle provides {@code plot}, so the engine does not
 * depend on the NMODL compiler.
 */
@Command(name = "mechanisms", description = "Work with NMODL mechanism catalogues (folders of .mod files).")
public final class MechanismsCommand implements Callable<Integer> {
    private final PrintStream out;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    MechanismsCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(out);
        return 2;
    }

    /** {@code bsb mechanisms bundle}. */
    @Command(
            name = "bundle",
            description = {
                "Pack a folder of .mod files into a bundle to drop into the plugins/ folder, where its "
                        + "mechanisms are used without a restart (our counterpart of 'pip install dbbs-catalogue').",
                "Every file is parsed and compiled first: a broken file is an error naming file:line:column and nothing "
                        + "is written. The mod files are copied unchanged (they keep their authors' terms), with any LICENSE, "
                        + "COPYING, README or NOTICE file beside them."
            })
    static final class Bundle implements Callable<Integer> {
        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Parameters(
                index = "0",
                paramLabel = "DIR",
                description = "Folder of .mod files (its subfolders are not read).")
        String dir;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE.jar",
                required = true,
                description =
                        "The bundle to write, or an existing folder to write <name>-<version>.jar into. An existing "
                                + "file is replaced only if it is a mechanisms bundle.")
        String output;

        @Option(
                names = "--name",
                paramLabel = "N",
                description = "Bundle-SymbolicName (default: the folder's name), made valid: other characters than "
                        + "letters, digits, '_', '-' and '.' become '_'.")
        String name;

        @Option(
                names = "--version",
                paramLabel = "V",
                description = "Bundle-Version (default: " + CatalogueBundle.DEFAULT_VERSION + ").")
        String version;

        @Option(
                names = "--no-compile",
                description = "Only parse the files (faster; compile errors then show at run time).")
        boolean noCompile;

        @Option(
                names = {"-v", "--verbosity"},
                paramLabel = "N",
                defaultValue = "${env:BSB_VERBOSITY:-1}",
                description = "0 prints only errors, 2 lists each file's mechanism (default: ${DEFAULT-VALUE}).")
        int verbosity = 1;

        private final Path workingDirectory;
        private final PrintStream out;

        Bundle(Path workingDirectory, PrintStream out) {
            this.workingDirectory = workingDirectory;
            this.out = out;
        }

        @Override
        public Integer call() {
            Path folder = workingDirectory.resolve(dir).normalize();
            Path target = workingDirectory.resolve(output).normalize();
            if (Files.isDirectory(target)) {
                String bsn = CatalogueBundle.symbolicName(
                        name != null
                                ? name
                                : folder.getFileName() == null
                                        ? ""
                                        : folder.getFileName().toString());
                target = target.resolve(CatalogueBundle.fileName(
                        bsn.isEmpty() ? "mechanisms" : bsn,
                        version != null ? version.trim() : CatalogueBundle.DEFAULT_VERSION));
            }
            CatalogueBundle.Packed p = CatalogueBundle.pack(folder, target, name, version, !noCompile);
            if (verbosity >= 1) {
                int n = p.mechanismsByFile().size();
                out.println("Checked " + n + " mod file" + (n == 1 ? "" : "s") + " of " + folder + " ("
                        + (noCompile ? "parsed" : "parsed and compiled") + ")");
                if (verbosity >= 2) {
                    for (Map.Entry<String, String> e : p.mechanismsByFile().entrySet()) {
                        out.println("  " + e.getKey() + " -> " + e.getValue());
                    }
                }
                out.println((p.replaced() ? "Replaced " : "Wrote ") + p.jar() + ": bundle " + p.symbolicName() + " "
                        + p.version() + ", " + MechanismsHeader.NAME + ": " + CatalogueBundle.FOLDER);
                if (p.documents().isEmpty()) {
                    out.println(
                            "The mod files are copied unchanged and keep their authors' terms; no LICENSE, COPYING or "
                                    + "README file was beside them: check the files' own terms before sharing the jar.");
                } else {
                    out.println("The mod files are copied unchanged and keep their authors' terms; also copied from "
                            + "beside them: " + String.join(", ", p.documents()));
                }
                out.println("Drop it into the distribution's plugins/ folder (or BSB_PLUGINS): its mechanisms are used "
                        + "from then on, without a restart.");
            }
            return 0;
        }
    }

    /** Runs {@code bsb mechanisms ARGS} and returns the exit status; errors are a few lines, never a stack trace. */
    public static int run(Path workingDirectory, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new MechanismsCommand(out));
        cli.addSubcommand("bundle", new Bundle(workingDirectory, out));
        cli.setCommandName("bsb mechanisms");
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String command = "bsb mechanisms" + (commandLine.getCommand() instanceof Bundle ? " bundle" : "");
            if (ex instanceof CatalogueBundle.PackException) {
                err.println(command + ": " + ex.getMessage());
            } else {
                err.println(command + ": " + org.bsb.api.ErrorReport.explain(ex));
                if (Boolean.getBoolean("bsb.debug")) ex.printStackTrace(err);
            }
            return 1;
        });
        try {
            return cli.execute(args);
        } catch (Throwable failure) { // errors (heap, stack) pass picocli's handler, which takes exceptions only
            err.println("bsb mechanisms: " + org.bsb.api.ErrorReport.explain(failure));
            if (Boolean.getBoolean("bsb.debug")) failure.printStackTrace(err);
            return 1;
        }
    }
}
