package org.bsb.commands;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bsb.core.config.ConfigCheck;
import org.bsb.core.config.ConfigError;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.ConfigWriter;
import org.bsb.core.config.Configuration;
import org.bsb.core.config.NetworkNode;
import org.bsb.core.config.ServiceUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bsb validate CONFIG}: every problem of a config file, one per line
 * ({@code file:line:col: path: found X, expected Y}), then a summary: what the config holds and
 * which bundle provides each service it names. Exit status 1 if there is any error.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a config file: list every problem with its line and config path, or summarize the config.")
public class ValidateCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The config file (.json, .yaml or .yml).")
    String config;

    @Option(names = "--strict", description = "Treat unknown keys as errors rather than warnings.")
    boolean strict;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    public ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Path file = context.resolve(config);
        ConfigCheck check = ConfigLoader.check(file, context.registry(), strict);
        PrintStream out = context.out();
        for (ConfigError problem : check.problems()) {
            if (problem.isError() || global.verbosity >= 1) {
                out.println(problem);
            }
        }
        int errors = check.errors().size();
        int warnings = check.warnings().size();
        String name = file.getFileName().toString();
        if (errors == 0) {
            out.println(name + ": valid" + (warnings > 0 ? " (" + plural(warnings, "warning") + ")" : ""));
        } else {
            out.println(
                    name + ": " + plural(errors, "error") + (warnings > 0 ? ", " + plural(warnings, "warning") : ""));
        }
        if (check.config() != null && global.verbosity >= 1) {
            summary(out, check.config(), check.services());
        }
        if (check.config() != null && global.verbosity >= 2) {
            parameters(out, check.services());
        }
        return errors == 0 ? 0 : 1;
    }

    private static void summary(PrintStream out, Configuration c, List<ServiceUse> services) {
        NetworkNode n = c.network();
        if (n != null) {
            out.printf(
                    "  network: %s x %s x %s µm, chunk size %s x %s x %s µm%n",
                    num(n.x()),
                    num(n.y()),
                    num(n.z()),
                    num(n.chunkSize() != null ? n.chunkSize().x() : 0),
                    num(n.chunkSize() != null ? n.chunkSize().y() : 0),
                    num(n.chunkSize() != null ? n.chunkSize().z() : 0));
        }
        int devices = c.simulations().values().stream()
                .mapToInt(s -> s.devices().size())
                .sum();
        out.println("  " + plural(c.partitions().size(), "partition") + ", "
                + plural(c.regions().size(), "region")
                + ", " + plural(c.morphologies().size(), "morphology", "morphologies") + ", "
                + plural(c.cellTypes().size(), "cell type"));
        out.println("  " + plural(c.placement().size(), "placement strategy", "placement strategies") + ", "
                + plural(c.connectivity().size(), "connectivity strategy", "connectivity strategies") + ", "
                + plural(c.simulations().size(), "simulation") + " (" + plural(devices, "device") + ")");
        Map<String, ServiceUse> unique = new LinkedHashMap<>();
        for (ServiceUse use : services) {
            unique.putIfAbsent(use.kind() + "\u0000" + use.name(), use);
        }
        if (!unique.isEmpty()) {
            out.println("  services:");
            int width = unique.values().stream()
                    .mapToInt(u -> u.kind().label().length() + u.name().length() + 1)
                    .max()
                    .orElse(0);
            for (ServiceUse use : unique.values()) {
                String what = use.kind().label() + " " + use.name();
                String from = use.installed()
                        ? use.entry().origin()
                                + (use.entry().version().isEmpty()
                                        ? ""
                                        : " " + use.entry().version())
                        : "NOT INSTALLED (see the error above)";
                out.println("    " + what + " ".repeat(Math.max(1, width - what.length() + 2)) + from);
            }
        }
    }

    /** Each service's parameters as bound, defaults included (-v 2). */
    private static void parameters(PrintStream out, List<ServiceUse> services) {
        boolean header = false;
        for (ServiceUse use : services) {
            if (use.parameters() == null || use.parameters().getClass().getRecordComponents().length == 0) {
                continue;
            }
            if (!header) {
                out.println("  parameters (defaults applied):");
                header = true;
            }
            String node = use.path().substring(0, use.path().lastIndexOf('.'));
            StringBuilder b = new StringBuilder();
            ConfigWriter.plain(use.parameters())
                    .forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ")
                            .append(k)
                            .append('=')
                            .append(v));
            out.println("    " + node + ": " + b);
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String plural(int n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
