package org.bsb.core.config;

import java.util.Map;
import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.Required;

/**
 * A simulation: the simulator service ({@code neuron}), {@code duration} and {@code resolution}
 * (ms; resolution default 0.1 as the original's NEURON backend), {@code temperature} (°C;
 * required by the NEURON backend), the cell models (keyed by cell type), connection models
 * (keyed by connectivity set), devices, and any further keys of the simulator.
 */
public record SimulationNode(
        @Required String simulator,
        @Required @Range(min = 0, minExclusive = true) double duration,
        @Default("0.1") @Range(min = 0, minExclusive = true) double resolution,
        Double temperature,
        @Required Map<String, CellModelNode> cellModels,
        @Required Map<String, ConnectionModelNode> connectionModels,
        @Required Map<String, DeviceNode> devices,
        Parameters parameters) {
    public SimulationNode {
        cellModels = Maps.copy(cellModels);
        connectionModels = Maps.copy(connectionModels);
        devices = Maps.copy(devices);
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
