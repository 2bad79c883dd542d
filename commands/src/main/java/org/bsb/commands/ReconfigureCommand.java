package org.bsb.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.bsb.api.command.CommandFailure;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.storage.StorageException;
import org.bsb.core.compile.CompileException;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.Networks;
import org.bsb.core.compile.StreamReporter;
import org.bsb.core.config.ConfigWriter;
import org.bsb.core.config.Configuration;
import org.bsb.core.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code bsb reconfigure NETWORK CONFIG}: replaces the config stored in a network file, after
 * validating it as {@code compile} does, with what {@code simulate} needs (a simulation's values
 * must run: {@link org.bsb.core.config.ConfigCheck#orThrowForNetwork()}), checking the network's
 * data ({@link org.bsb.core.check.NetworkCheck}) and that the config describes it (same chunk
 * size, every stored cell type and connectivity set named). The network data is not touched; the
 * file is rewritten atomically, and not at all if anything is wrong.
 */
@Command(
        name = "reconfigure",
        mixinStandardHelpOptions = true,
        description = "Replace the config stored in a network file (e.g. to add simulations), keeping its data.")
public class ReconfigureCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Parameters(index = "0", paramLabel = "NETWORK", description = "The network file.")
    String network;

    @Parameters(index = "1", paramLabel = "CONFIG", description = "The new config file.")
    String config;

    public ReconfigureCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StreamReporter reporter = new StreamReporter(context.out(), global.verbosity);
        Path file = context.resolve(network);
        LoadedConfig loaded;
        try {
            // validated as compile validates, with what simulate needs: a stored config must run
            loaded = CompileCommand.load(context, context.resolve(config), reporter);
        } catch (CommandFailure f) {
            throw new CommandFailure(
                    f.exitCode(),
                    "bsb reconfigure: " + config + " is not a valid config; " + network + " was not changed:\n"
                            + f.getMessage());
        }
        try {
            // The network's data must be valid; its stored config need not be: it is what this replaces.
            Networks.Opened opened = Networks.open(context.registry(), file, false);
            NetworkData data = opened.network();
            List<String> problems = mismatches(loaded.config(), data);
            if (!problems.isEmpty()) {
                throw new CommandFailure(
                        1,
                        "bsb reconfigure: " + config + " does not describe the network in " + network + ":\n  "
                                + String.join("\n  ", problems));
            }
            Map<String, String> attributes = new LinkedHashMap<>(data.attributes());
            if (loaded.config().name() != null) {
                attributes.put(Compiler.NAME, loaded.config().name());
            } else {
                attributes.remove(Compiler.NAME);
            }
            NetworkData updated = new NetworkData(
                    ConfigWriter.toJson(loaded.config()),
                    data.chunkSize(),
                    data.morphologies(),
                    data.placement(),
                    data.connectivity(),
                    attributes);
            opened.engine().write(file, updated);
            reporter.report(1, "Stored the config of " + config + " in " + file);
            return 0;
        } catch (CompileException | StorageException e) {
            throw new CommandFailure(1, "bsb reconfigure: " + e.getMessage() + "\n" + network + " was not changed.");
        }
    }

    /** Why {@code config} cannot be the config of {@code data}; empty if it can. */
    static List<String> mismatches(Configuration config, NetworkData data) {
        List<String> problems = new ArrayList<>();
        if (!config.network().chunkSize().equals(data.chunkSize())) {
            problems.add("network.chunk_size is " + config.network().chunkSize() + " but the network was compiled with "
                    + data.chunkSize());
        }
        Set<String> types = new LinkedHashSet<>();
        for (PlacementBlock b : data.placement()) {
            types.add(b.cellType());
        }
        for (String t : types) {
            if (!config.cellTypes().containsKey(t)) {
                problems.add("cell_types: the network holds cells of '" + t + "', which the config does not define");
            }
        }
        Set<String> sets = new LinkedHashSet<>();
        config.connectivity().forEach((name, node) -> sets.addAll(node.setNames(name)));
        Set<String> stored = new LinkedHashSet<>();
        for (ConnectivityBlock c : data.connectivity()) {
            stored.add(c.set());
        }
        for (String s : stored) {
            if (!sets.contains(s)) {
                problems.add("connectivity: the network holds connectivity set '" + s + "', which the config does not"
                        + " make");
            }
        }
        return problems;
    }
}
