package org.bsb.api.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command of the {@code bsb} command line, as the original's {@code bsb.commands} entry points: register it as a
 * service ({@code @Component(service = BsbCommand.class)}) and {@code bsb NAME ARGS...} runs it, {@code bsb --help}
 * lists it, and the Felix shell has it as {@code bsb:NAME}. Outside OSGi, list the class in
 * {@code META-INF/services/org.bsb.api.command.BsbCommand}.
 */
@ConsumerType
public interface BsbCommand {
    /**
     * The name on the command line: a lowercase letter, then lowercase letters, digits or '-' (the Felix shell
     * matches function names in lowercase).
     */
    String name();

    /** One line for the listing of {@code bsb --help}. */
    String summary();

    /**
     * Runs the command with the arguments after its name. It prints to the context's streams; a failure is
     * explained in a few lines there (never a stack trace) and reported by the status, or by throwing a
     * {@link CommandFailure}.
     *
     * @return the exit status: 0 on success, 1 on failure, 2 for a wrong command line
     */
    int run(CommandContext context, String... args);
}
