package org.bsb.commands;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bsb.api.command.CommandFailure;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.storage.StorageException;
import org.bsb.core.check.NetworkCheck;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.Networks;
import org.bsb.core.registry.RegistryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bsb check NETWORK}: whether a network file holds a valid network ({@link NetworkCheck}): one
 * line ending in "ok" and exit status 0, or every problem (the first 20 unless {@code --all}) named by
 * file, place in the file and row, and exit status 1. Reads only.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Check a network file: its datasets against the layout, cell ids, positions, morphologies,"
                + " connection locations and its stored config. Prints 'ok' or every problem; changes nothing.")
public class CheckCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "NETWORK", description = "The network file.")
    String network;

    @Option(names = "--all", description = "List every problem, not only the first " + NetworkCheck.SHOWN + ".")
    boolean all;

    public CheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path file = context.resolve(network);
        NetworkCheck.Report report;
        String engineName;
        try {
            RegistryEntry engine = Networks.engine(context.registry(), file);
            engineName = engine.names().get(0);
            report = NetworkCheck.check(
                    (org.bsb.api.storage.StorageEngine) engine.service(), file, context.registry(), true);
        } catch (CompileException | StorageException e) {
            throw new CommandFailure(1, "bsb check: " + e.getMessage());
        }
        if (global.verbosity >= 2) {
            report.warnings().forEach(w -> context.out().println(file.getFileName() + ": warning: " + w));
        }
        if (!report.valid()) {
            throw new CommandFailure(1, "bsb check: " + report.message(all ? Integer.MAX_VALUE : NetworkCheck.SHOWN));
        }
        context.out().println(file.getFileName() + ": ok (" + engineName + ": " + summary(report.network()) + ")");
        return 0;
    }

    static String summary(NetworkData n) {
        Set<String> types = new LinkedHashSet<>();
        long cells = 0;
        for (PlacementBlock b : n.placement()) {
            types.add(b.cellType());
            cells += b.size();
        }
        Set<String> sets = new LinkedHashSet<>();
        long connections = 0;
        for (ConnectivityBlock c : n.connectivity()) {
            sets.add(c.set());
            connections += c.size();
        }
        String name = n.attributes().get("name");
        return plural(cells, "cell") + " of " + plural(types.size(), "cell type") + ", "
                + plural(connections, "connection") + " in " + plural(sets.size(), "set") + ", "
                + plural(n.morphologies().size(), "morphology", "morphologies") + ", config "
                + (name != null ? "'" + name + "' " : "") + "valid";
    }

    private static String plural(long n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
