package org.bsb.api.connectivity;

/** Connections that cannot be made (e.g. fewer presynaptic cells than the asked indegree). */
public class ConnectivityException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConnectivityException(String message) {
        super(message);
    }
}
