package org.bsb.core.cli;

import java.nio.file.Path;
import org.bsb.core.registry.Registry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code bsb:*} commands of the Felix (Gogo) shell. Each function runs the same command
 * line as {@code bsb <function> ...}; a non-zero status becomes a {@link CommandFailure}, which
 * the launcher turns into the process exit status.
 */
@Component(service = BsbCommands.class, property = {"osgi.command.scope=bsb",
        "osgi.command.function=help", "osgi.command.function=strategies",
        "osgi.command.function=validate", "osgi.command.function=compile", "osgi.command.function=reconfigure",
        "osgi.command.function=inspect", "osgi.command.function=simulate"})
public class BsbCommands {
    @Reference
    Registry registry;

    /** {@code bsb --help}: the list of commands. */
    public void help(String... args) {
        String[] all = args.length == 0 ? new String[] {"--help"} : args;
        int status = BsbCli.run(registry, System.out, System.err, Path.of("").toAbsolutePath(), all);
        System.out.flush();
        if (status != 0) {
            throw new CommandFailure(status, null);
        }
    }

    public void strategies(String... args) {
        run("strategies", args);
    }

    /** {@code bsb validate CONFIG [--strict]}. */
    public void validate(String... args) {
        run("validate", args);
    }

    public void compile(String... args) {
        run("compile", args);
    }

    public void reconfigure(String... args) {
        run("reconfigure", args);
    }

    public void inspect(String... args) {
        run("inspect", args);
    }

    public void simulate(String... args) {
        run("simulate", args);
    }

    private void run(String command, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        // Gogo redirects System.out/err to the session's streams while a command runs.
        int status = BsbCli.run(registry, System.out, System.err, Path.of("").toAbsolutePath(), all);
        System.out.flush();
        if (status != 0) {
            throw new CommandFailure(status, null);
        }
    }
}
