package org.bsb.core.config;

import java.util.List;
import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.Required;

/**
 * A synapse a connection inserts: the synapse type of the cell model, its weight (default
 * 0.004) and delay (ms, default 0). May be written as just the synapse name.
 */
@Shortform("synapse")
public record SynapseSpec(
        @Required String synapse,
        @Default("0.004") double weight,
        @Default("0") @Range(min = 0) double delay,
        List<Object> parameters) {
    public SynapseSpec {
        parameters = Maps.copy(parameters);
    }
}
