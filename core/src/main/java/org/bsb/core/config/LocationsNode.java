package org.bsb.core.config;

import org.bsb.api.Default;

/** A device's {@code locations}: the location targetting service (default {@code everywhere}) and its parameters. */
public record LocationsNode(@Default("everywhere") String strategy, Parameters parameters) {
    public LocationsNode {
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
