package org.bsb.api.cluster;

/** A member cannot run a job (it lacks the strategy it names, or cannot build the compile plan). */
public class JobRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public JobRefusedException(String message) {
        super(message);
    }
}
