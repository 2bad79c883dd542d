package org.bsb.core.cli;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.bsb.core.registry.Registry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
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
        "osgi.command.function=inspect", "osgi.command.function=check", "osgi.command.function=simulate"})
public class BsbCommands {
    @Reference
    Registry registry;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /** {@code bsb --help}: the list of commands, with those other bundles add ({@code bsb:plot}, ...). */
    public void help(String... args) {
        String[] all = args.length == 0 ? new String[] {"--help"} : args;
        int status = BsbCli.run(registry, System.out, System.err, Path.of("").toAbsolutePath(), all);
        if (status == 0 && all.length == 1 && (all[0].equals("--help") || all[0].equals("-h"))) {
            Set<String> others = new TreeSet<>();
            try {
                ServiceReference<?>[] refs = context == null ? null
                        : context.getServiceReferences((String) null, "(osgi.command.scope=bsb)");
                for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                    Object functions = ref.getProperty("osgi.command.function");
                    for (Object f : functions instanceof Object[] many ? many : new Object[] {functions}) {
                        others.add(String.valueOf(f));
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
            others.removeAll(BsbCli.COMMANDS.keySet());
            others.remove("help");
            if (!others.isEmpty()) {
                System.out.println("Commands of other bundles (bsb <command> --help): " + String.join(", ", others));
            }
        }
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

    /** {@code bsb check NETWORK [--all]}. */
    public void check(String... args) {
        run("check", args);
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
