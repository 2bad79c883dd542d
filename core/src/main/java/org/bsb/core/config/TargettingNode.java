package org.bsb.core.config;

import org.bsb.api.Default;

/** A device's {@code targetting}: the cell targetting service (default {@code all}) and its parameters. */
public record TargettingNode(@Default("all") String strategy, Parameters parameters) {
    public TargettingNode {
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
