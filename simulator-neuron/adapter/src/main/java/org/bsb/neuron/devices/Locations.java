package org.bsb.neuron.devices;

import java.util.Map;

/** Shared small helpers of the devices. */
final class Locations {
    private Locations() {}

    /** A copy of a {branch, point} location, for an annotation. */
    static int[] copy(int[] location) {
        return new int[] {location[0], location[1]};
    }

    static Map<String, Object> annotate(DeviceContext.Target target, int[] location) {
        return Map.of("cell_type", target.cellModel(), "cell_id", target.cellId(), "location", copy(location));
    }

    static Map<String, Object> annotate(DeviceContext.Target target, int[] location, String synapseType) {
        return Map.of(
                "cell_type",
                target.cellModel(),
                "cell_id",
                target.cellId(),
                "location",
                copy(location),
                "synapse_type",
                synapseType);
    }
}
