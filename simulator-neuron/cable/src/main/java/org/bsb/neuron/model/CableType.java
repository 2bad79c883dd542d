package org.bsb.neuron.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties a label gives its sections (arborize's cable type): cable parameters (null =
 * not set), ions, density mechanisms with parameters in definition order, synapse types.
 */
public record CableType(
        Double ra,
        Double cm,
        Map<String, IonDefinition> ions,
        Map<MechanismId, Map<String, Double>> mechanisms,
        Map<String, SynapseDefinition> synapses) {
    public CableType {
        ions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ions));
        mechanisms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mechanisms));
        synapses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(synapses));
    }
}
