package org.bsb.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bsb.core.registry.Registry;
import org.bsb.api.ErrorReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bsb} command line, independent of how it is reached (launcher, Felix shell,
 * tests). Errors are explained in one or a few lines, never as a stack trace.
 */
@Command(name = "bsb", mixinStandardHelpOptions = true, version = "BSB for Java " + BsbCli.VERSION,
        description = "Brain Scaffold Builder: compile and simulate networks of brain tissue.")
public final class BsbCli {
    /** The software version, recorded in the files the commands write. */
    public static final String VERSION = "0.1.0";

    /** The subcommands, by name, built for a context. Add a command here and in {@link BsbCommands}. */
    static final Map<String, Function<CliContext, Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("strategies", StrategiesCommand::new);
        COMMANDS.put("validate", ValidateCommand::new);
        COMMANDS.put("compile", org.bsb.core.compile.CompileCommand::new);
        COMMANDS.put("reconfigure", org.bsb.core.compile.ReconfigureCommand::new);
        COMMANDS.put("inspect", org.bsb.core.compile.InspectCommand::new);
        COMMANDS.put("check", org.bsb.core.network.CheckCommand::new);
        COMMANDS.put("simulate", SimulateCommand::new);
    }

    private BsbCli() {}

    /** Runs {@code args} (command name first) and returns the exit status. */
    public static int run(Registry registry, PrintStream out, PrintStream err, Path workingDirectory, String... args) {
        CliContext context = new CliContext(registry, out, err, workingDirectory.toAbsolutePath());
        CommandLine cli = new CommandLine(new BsbCli());
        COMMANDS.forEach((name, factory) -> cli.addSubcommand(name, factory.apply(context)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandFailure failure) {
                if (failure.getMessage() != null) {
                    err.println(failure.getMessage());
                }
                return failure.exitCode();
            }
            report(err, commandLine.getCommandName(), ex, verbosity(parseResult));
            return 1;
        });
        if (args.length == 0) {
            cli.usage(out);
            return 2;
        }
        try {
            return cli.execute(args);
        } catch (Throwable failure) { // errors (heap, stack) pass picocli's handler, which takes exceptions only
            report(err, args[0], failure, verbosityOf(args));
            return 1;
        }
    }

    /** The failure in words ({@link ErrorReport}); its stack trace too at verbosity 4 or with -Dbsb.debug=true. */
    static void report(PrintStream err, String command, Throwable failure, int verbosity) {
        err.println("bsb " + command + ": " + ErrorReport.explain(failure));
        if (verbosity >= ErrorReport.TRACE_VERBOSITY || Boolean.getBoolean("bsb.debug")) {
            failure.printStackTrace(err);
        }
    }

    /** The -v/--verbosity of the command that ran, else BSB_VERBOSITY, else 1. */
    private static int verbosity(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult last = parseResult;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        return last.hasMatchedOption("--verbosity") ? (Integer) last.matchedOptionValue("--verbosity", 1) : verbosityOf();
    }

    /** The verbosity asked for on a command line that picocli could not finish with. */
    private static int verbosityOf(String... args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("-v") || args[i].equals("--verbosity")) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        try {
            String env = System.getenv("BSB_VERBOSITY");
            return env == null ? 1 : Integer.parseInt(env.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
