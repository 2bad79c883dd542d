package org.bsb.neuron.nmodl.catalogue;

import org.bsb.api.command.BsbCommand;
import org.bsb.api.command.CommandContext;
import org.osgi.service.component.annotations.Component;

/**
 * {@code bsb mechanisms} as a command service: the launcher, the Felix shell ({@code bsb:mechanisms}) and
 * {@code bsb --help} reach it through the same dispatch as the built-in commands, and the engine does not know
 * the NMODL compiler (this bundle depends on the api, not on the engine).
 */
@Component(service = BsbCommand.class)
public final class MechanismsCommands implements BsbCommand {
    @Override
    public String name() {
        return "mechanisms";
    }

    @Override
    public String summary() {
        return "Work with NMODL mechanism catalogues: 'bundle' packs a folder of .mod files into a plugin bundle.";
    }

    @Override
    public int run(CommandContext context, String... args) {
        return MechanismsCommand.run(context.workingDirectory(), context.out(), context.err(), args);
    }
}
