package org.bsb.core.config;

import org.bsb.api.Required;

/**
 * A device: the device service ({@code spike_generator}), the cells it acts on
 * ({@code targetting}, required), where on them ({@code locations}; null leaves the choice to
 * the device, which for most is the soma), and the device's own parameters.
 */
public record DeviceNode(
        @Required String device, @Required TargettingNode targetting, LocationsNode locations, Parameters parameters) {
    public DeviceNode {
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
