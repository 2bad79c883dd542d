package org.bsb.core.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bsb.core.registry.Registry;
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
            err.println("bsb " + commandLine.getCommandName() + ": " + describe(ex));
            if (Boolean.getBoolean("bsb.debug")) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        if (args.length == 0) {
            cli.usage(out);
            return 2;
        }
        return cli.execute(args);
    }

    /** A one-line explanation of an unexpected exception. */
    static String describe(Throwable ex) {
        String message = ex.getMessage();
        return message != null && !message.isBlank() ? message : ex.getClass().getSimpleName();
    }
}
