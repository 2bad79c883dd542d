package org.bsb.core.config;

import java.util.List;

/**
 * A connection model, keyed by the connectivity set it models: the synapses each connection
 * inserts, and (gap-junction style) a {@code source} variable instead of spikes.
 */
public record ConnectionModelNode(List<SynapseSpec> synapses, List<Object> parameters, String source) {
    public ConnectionModelNode {
        synapses = Maps.copy(synapses);
        parameters = Maps.copy(parameters);
    }
}
