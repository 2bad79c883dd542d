package org.bsb.neuron.devices;

import org.bsb.api.simulation.DeviceType;

/** A device of the {@code neuron} simulator: sets itself up on the targets of its context. */
public interface NeuronDevice<P extends Record> extends DeviceType<P> {
    @Override
    default String simulator() {
        return "neuron";
    }

    /**
     * The location targetting used when the device node has no {@code locations}: {@code soma}
     * for most devices, null if the device requires {@code locations}.
     */
    default String defaultLocations() {
        return "soma";
    }

    /** Sets the device up; called once per device node, after cells and connections exist. */
    void implement(DeviceContext context, P parameters);
}
