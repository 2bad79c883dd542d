package org.bsb.commands;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.bsb.api.command.CommandContext;
import org.bsb.api.command.CommandFailure;

/**
 * One {@code bsb:<name>} function of the Felix (Gogo) shell, which the launcher also runs for {@code bsb <name>}.
 * Gogo calls {@code _main} with the function's name first when the object has no method of that name.
 */
public final class ShellFunction {
    private final BiFunction<CommandContext, String[], Integer> action;

    ShellFunction(BiFunction<CommandContext, String[], Integer> action) {
        this.action = action;
    }

    /** @param args the function's name, then its arguments; a non-zero status becomes a {@link CommandFailure} */
    public void _main(String... args) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        // Gogo redirects System.out/err to the session's streams while a command runs.
        int status = action.apply(
                new CommandContext(System.out, System.err, Path.of("").toAbsolutePath()), rest);
        System.out.flush();
        if (status != 0) {
            throw new CommandFailure(status, null);
        }
    }
}
