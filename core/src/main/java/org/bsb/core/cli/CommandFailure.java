package org.bsb.core.cli;

/**
 * A command ended in failure; its message has already been explained to the user. The
 * launcher turns it into the process exit status (read reflectively through {@link #exitCode()}).
 */
public class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
