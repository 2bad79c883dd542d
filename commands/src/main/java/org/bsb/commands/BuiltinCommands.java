package org.bsb.commands;

import java.util.List;
import org.bsb.api.command.BsbCommand;
import org.bsb.core.registry.Registry;

/** The commands of this bundle, each made with the services it needs: the one list of them. */
final class BuiltinCommands {
    private BuiltinCommands() {}

    static List<BsbCommand> create(Registry registry) {
        return List.of(
                new PicocliCommand(StrategiesCommand.class, StrategiesCommand::new, registry),
                new PicocliCommand(ValidateCommand.class, ValidateCommand::new, registry),
                new PicocliCommand(CompileCommand.class, CompileCommand::new, registry),
                new PicocliCommand(ReconfigureCommand.class, ReconfigureCommand::new, registry),
                new PicocliCommand(InspectCommand.class, InspectCommand::new, registry),
                new PicocliCommand(CheckCommand.class, CheckCommand::new, registry),
                new PicocliCommand(SimulateCommand.class, SimulateCommand::new, registry),
                new PicocliCommand(WorkerCommand.class, WorkerCommand::new, registry));
    }
}
