package org.bsb.commands;

import java.io.PrintWriter;
import java.util.function.Function;
import org.bsb.api.command.BsbCommand;
import org.bsb.api.command.CommandContext;
import org.bsb.api.command.CommandFailure;
import org.bsb.core.registry.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A built-in command written as a picocli {@link Command} (its name and first description line are the
 * {@link BsbCommand}'s), made for each run with the services it needs. Errors are explained in one or a few
 * lines, never as a stack trace.
 */
final class PicocliCommand implements BsbCommand {
    private final String name;
    private final String summary;
    private final Function<CliContext, Object> factory;
    private final Registry registry;

    PicocliCommand(Class<?> type, Function<CliContext, Object> factory, Registry registry) {
        Command command = type.getAnnotation(Command.class);
        this.name = command.name();
        this.summary = command.description().length == 0 ? "" : command.description()[0];
        this.factory = factory;
        this.registry = registry;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public int run(CommandContext context, String... args) {
        CliContext cliContext = new CliContext(registry, context.out(), context.err(), context.workingDirectory());
        CommandLine cli = new CommandLine(factory.apply(cliContext));
        cli.setCommandName("bsb " + name);
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandFailure failure) {
                if (failure.getMessage() != null) {
                    context.err().println(failure.getMessage());
                }
                return failure.exitCode();
            }
            CommandDispatch.report(context, name, ex, verbosity(parseResult));
            return 1;
        });
        return cli.execute(args);
    }

    /** The -v/--verbosity of the command that ran, else BSB_VERBOSITY, else 1. */
    private static int verbosity(CommandLine.ParseResult parseResult) {
        return parseResult.hasMatchedOption("--verbosity")
                ? (Integer) parseResult.matchedOptionValue("--verbosity", 1)
                : Verbosity.of();
    }
}
