package org.bsb.core.compile;

import java.util.List;
import org.bsb.api.placement.PlacementStrategy;

/**
 * A {@code placement.<name>} node with its strategy service resolved and its parameters bound.
 *
 * @param strategyName the config's {@code strategy} value, for messages
 */
public record PlacementSpec(String name, String strategyName, PlacementStrategy<?> strategy, Record parameters,
        List<String> cellTypes, List<String> partitions) {
    public PlacementSpec {
        cellTypes = List.copyOf(cellTypes);
        partitions = List.copyOf(partitions);
    }
}
