package org.bsb.commands;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.bsb.api.ErrorReport;
import org.bsb.api.command.BsbCommand;
import org.bsb.api.command.CommandContext;
import org.bsb.api.command.CommandFailure;
import org.bsb.core.scaffold.Scaffold;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one way a {@code bsb} command line runs, whoever provides the command (this bundle or another) and wherever
 * it comes from (launcher, Felix shell, plain Java): the first word names a {@link BsbCommand}, which gets the rest.
 * Without a command, {@code --help}, {@code --version} and mistakes are answered as picocli answers them.
 */
public final class CommandDispatch {
    /** Commands by name; where two bundles offer the same name, the first bound wins until it goes. */
    private final Map<String, List<BsbCommand>> commands = new ConcurrentSkipListMap<>();

    private final Supplier<Collection<String>> otherFunctions;

    /** @param otherFunctions names of {@code bsb:} shell functions that are not commands, listed by {@code --help} */
    public CommandDispatch(Supplier<Collection<String>> otherFunctions) {
        this.otherFunctions = otherFunctions;
    }

    public CommandDispatch() {
        this(List::of);
    }

    public void add(BsbCommand command) {
        commands.computeIfAbsent(command.name(), n -> new CopyOnWriteArrayList<>())
                .add(command);
    }

    public void remove(BsbCommand command) {
        commands.computeIfPresent(command.name(), (n, all) -> {
            all.remove(command);
            return all.isEmpty() ? null : all;
        });
    }

    /** The names of the commands, sorted. */
    public Set<String> names() {
        return new TreeSet<>(commands.keySet());
    }

    /** Runs {@code args} (command name first) and returns the exit status. */
    public int run(CommandContext context, String... args) {
        BsbCommand command = args.length == 0 ? null : current(args[0]);
        if (command == null) {
            return runWithoutCommand(context, args);
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            return command.run(context, rest);
        } catch (CommandFailure failure) {
            if (failure.getMessage() != null) {
                context.err().println(failure.getMessage());
            }
            return failure.exitCode();
        } catch (Throwable failure) { // a command's own bug or an error (heap, stack): explained, never a trace
            report(context, command.name(), failure, Verbosity.of(rest));
            return 1;
        }
    }

    private BsbCommand current(String name) {
        List<BsbCommand> all = commands.get(name);
        return all == null || all.isEmpty() ? null : all.get(0);
    }

    /** {@code bsb}, {@code bsb --help}, {@code bsb --version}, or an unknown command: picocli's answers. */
    private int runWithoutCommand(CommandContext context, String... args) {
        CommandLine cli = listing();
        cli.setOut(new PrintWriter(context.out(), true));
        cli.setErr(new PrintWriter(context.err(), true));
        if (args.length == 0) {
            cli.usage(context.out());
            return 2;
        }
        int status = cli.execute(args);
        if (status == 0 && args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            Set<String> others = new TreeSet<>(otherFunctions.get());
            others.removeAll(commands.keySet());
            others.remove("help");
            if (!others.isEmpty()) {
                context.out().println("Commands of other bundles (bsb <command> --help): " + String.join(", ", others));
            }
        }
        return status;
    }

    /** The top-level command line with one entry per command, for the listing. */
    private CommandLine listing() {
        CommandLine cli = new CommandLine(new Bsb());
        for (String name : names()) {
            BsbCommand command = current(name);
            if (command != null) {
                CommandSpec spec = CommandSpec.create().name(name);
                spec.usageMessage().description(command.summary());
                cli.addSubcommand(name, spec);
            }
        }
        return cli;
    }

    /** The failure in words ({@link ErrorReport}); its stack trace too at verbosity 4 or with -Dbsb.debug=true. */
    static void report(CommandContext context, String command, Throwable failure, int verbosity) {
        context.err().println("bsb " + command + ": " + ErrorReport.explain(failure));
        if (verbosity >= ErrorReport.TRACE_VERBOSITY || Boolean.getBoolean("bsb.debug")) {
            failure.printStackTrace(context.err());
        }
    }

    @Command(
            name = "bsb",
            mixinStandardHelpOptions = true,
            version = "BSB for Java " + Scaffold.VERSION,
            description = "Brain Scaffold Builder: compile and simulate networks of brain tissue.")
    static final class Bsb {}
}
