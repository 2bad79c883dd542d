package org.bsb.core.scaffold;

/** A problem with a network file or a simulation of it, with a message meant for the user. */
public class ScaffoldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScaffoldException(String message) {
        super(message);
    }

    public ScaffoldException(String message, Throwable cause) {
        super(message, cause);
    }
}
