package org.bsb.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.bsb.api.command.BsbCommand;
import org.bsb.api.command.CommandContext;
import org.bsb.core.registry.Registry;
import org.bsb.core.scaffold.Scaffold;

/**
 * The {@code bsb} command line in plain Java (tests, embedding): the built-in commands with the given services,
 * and those listed in {@code META-INF/services/org.bsb.api.command.BsbCommand} on the class path, run through the
 * same {@link CommandDispatch} as in OSGi.
 */
public final class BsbCli {
    /** The software version, recorded in the files the commands write. */
    public static final String VERSION = Scaffold.VERSION;

    private BsbCli() {}

    /** Runs {@code args} (command name first) and returns the exit status. */
    public static int run(Registry registry, PrintStream out, PrintStream err, Path workingDirectory, String... args) {
        CommandDispatch dispatch = new CommandDispatch();
        BuiltinCommands.create(registry).forEach(dispatch::add);
        for (BsbCommand command : ServiceLoader.load(BsbCommand.class, BsbCli.class.getClassLoader())) {
            dispatch.add(command);
        }
        return dispatch.run(new CommandContext(out, err, workingDirectory.toAbsolutePath()), args);
    }
}
