package org.bsb.neuron.model;

import java.util.Map;

/** The cable parameters of one section after merging its labels' cable types over the defaults. */
public record MergedCable(
        double ra, double cm, Map<String, IonDefinition> ions, Map<MechanismId, Map<String, Double>> mechanisms) {}
