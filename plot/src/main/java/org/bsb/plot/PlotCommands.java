package org.bsb.plot;

import java.nio.file.Path;
import org.bsb.core.cli.CommandFailure;
import org.osgi.service.component.annotations.Component;

/**
 * The Gogo function {@code bsb:plot}, so {@code bsb plot ...} works from the launcher and the
 * Felix shell without the core knowing about this bundle.
 */
@Component(service = PlotCommands.class, property = {"osgi.command.scope=bsb", "osgi.command.function=plot"})
public class PlotCommands {
    public void plot(String... args) {
        // Gogo redirects System.out/err to the session's streams while a command runs.
        int status = PlotCommand.run(Path.of("").toAbsolutePath(), System.out, System.err, args);
        System.out.flush();
        if (status != 0) {
            throw new CommandFailure(status, null);
        }
    }
}
