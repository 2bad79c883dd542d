package org.bsb.core.config;

import org.bsb.api.Required;

/** An {@code after_placement} or {@code after_connectivity} hook: its strategy and parameters. */
public record HookNode(@Required String strategy, Parameters parameters) {
    public HookNode {
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
