package org.bsb.plot;

import org.bsb.api.command.BsbCommand;
import org.bsb.api.command.CommandContext;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bsb plot} as a command service: the launcher, the Felix shell ({@code bsb:plot}) and {@code bsb --help}
 * reach it through the same dispatch as the built-in commands, and this bundle depends on the api only.
 */
@Component(service = BsbCommand.class)
public class PlotCommands implements BsbCommand {
    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String summary() {
        return "Render PNG figures (and CSV tables) of a results file: voltage traces, synaptic currents, spikes.";
    }

    @Override
    public int run(CommandContext context, String... args) {
        return PlotCommand.run(context.workingDirectory(), context.out(), context.err(), args);
    }
}
