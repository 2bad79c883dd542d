package org.bsb.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bsb strategies}: every registered service by kind, with its names, bundle and version. */
@Command(
        name = "strategies",
        mixinStandardHelpOptions = true,
        description = "List every installed strategy, engine, simulator, device and format by kind.")
public class StrategiesCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    GlobalOptions global = new GlobalOptions();

    public StrategiesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintStream out = context.out();
        for (ServiceKind kind : ServiceKind.values()) {
            List<RegistryEntry> entries = context.registry().entries(kind);
            out.println(Character.toUpperCase(kind.plural().charAt(0))
                    + kind.plural().substring(1) + ":");
            if (entries.isEmpty()) {
                out.println("  (none installed)");
            }
            for (RegistryEntry e : entries) {
                out.println("  " + String.join(", ", e.names()) + "   [" + e.origin()
                        + (e.version().isEmpty() ? "" : " " + e.version()) + "]");
            }
        }
        return 0;
    }
}
