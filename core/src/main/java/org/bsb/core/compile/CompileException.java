package org.bsb.core.compile;

/** A compile that cannot go on; the message is for the user (config path, file, what was expected). */
public class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    public CompileException(String message) {
        super(message);
    }

    public CompileException(String message, Throwable cause) {
        super(message, cause);
    }
}
