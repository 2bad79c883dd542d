package org.bsb.api.command;

/**
 * A command ended in failure with an exit status; its message, if any, is what the user reads (already
 * explained, no stack trace). The dispatch prints the message and exits with the status; the launcher reads
 * {@link #exitCode()} of a failure that reaches it through the Felix shell.
 */
public class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** @param message what the user reads, or null if it has been printed already */
    public CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
