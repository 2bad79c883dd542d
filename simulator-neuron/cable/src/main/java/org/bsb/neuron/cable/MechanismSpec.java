package org.bsb.neuron.cable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mechanism to insert, by NEURON name, with parameter values that override its defaults.
 */
public record MechanismSpec(String name, Map<String, Double> params) {
    public MechanismSpec {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
