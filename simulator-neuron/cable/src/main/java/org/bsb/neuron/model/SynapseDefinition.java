package org.bsb.neuron.model;

import java.util.Map;

/** A synapse type: a point-process mechanism and the parameters set on each instance. */
public record SynapseDefinition(MechanismId mechanism, Map<String, Double> parameters) {
    public SynapseDefinition {
        parameters = Map.copyOf(parameters);
    }
}
