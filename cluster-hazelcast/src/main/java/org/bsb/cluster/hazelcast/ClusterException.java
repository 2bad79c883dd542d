package org.bsb.cluster.hazelcast;

/**
 * The cluster cannot go on: a member is gone, another rank failed, a batch is missing or a wait timed out. The
 * message names the rank and member concerned and what this process was waiting for.
 */
public class ClusterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
