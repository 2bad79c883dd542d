package org.bsb.core.config;

import java.util.List;
import java.util.Map;
import org.bsb.api.Required;

/**
 * A placement strategy node: which service ({@code strategy}), which cell types into which
 * partitions, per-type overrides of the indications, other strategies to run first, how to
 * distribute morphologies and rotations (kept raw), and the strategy's own parameters.
 */
public record PlacementNode(
        @Required String strategy,
        @Required List<String> partitions,
        @Required List<String> cellTypes,
        Map<String, PlacementIndications> overrides,
        List<String> dependsOn,
        Map<String, Object> distribute,
        Parameters parameters) {
    public PlacementNode {
        partitions = Maps.copy(partitions);
        cellTypes = Maps.copy(cellTypes);
        overrides = Maps.copy(overrides);
        dependsOn = Maps.copy(dependsOn);
        distribute = Maps.copy(distribute);
        parameters = parameters == null ? Parameters.none() : parameters;
    }
}
