package org.bsb.core.compile;

import java.util.List;
import java.util.Map;
import org.bsb.api.placement.PlacementStrategy;
import org.bsb.core.config.Distribution;

/**
 * A {@code placement.<name>} node with its strategy service resolved and its parameters bound.
 *
 * @param strategyName the config's {@code strategy} value, for messages
 * @param overrides per cell type, the type with this strategy's {@code overrides} applied
 * @param dependsOn strategies whose jobs must all finish before this one's start
 * @param distribution how the placed cells get morphologies and rotations ({@code distribute})
 */
public record PlacementSpec(
        String name,
        String strategyName,
        PlacementStrategy<?> strategy,
        Record parameters,
        List<String> cellTypes,
        List<String> partitions,
        Map<String, CellTypeSpec> overrides,
        List<String> dependsOn,
        Distribution distribution) {
    public PlacementSpec {
        cellTypes = List.copyOf(cellTypes);
        partitions = List.copyOf(partitions);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        distribution = distribution == null ? Distribution.DEFAULT : distribution;
    }

    /** With the default distribution (random morphologies, no rotations). */
    public PlacementSpec(
            String name,
            String strategyName,
            PlacementStrategy<?> strategy,
            Record parameters,
            List<String> cellTypes,
            List<String> partitions,
            Map<String, CellTypeSpec> overrides,
            List<String> dependsOn) {
        this(name, strategyName, strategy, parameters, cellTypes, partitions, overrides, dependsOn, null);
    }

    /** Without dependencies. */
    public PlacementSpec(
            String name,
            String strategyName,
            PlacementStrategy<?> strategy,
            Record parameters,
            List<String> cellTypes,
            List<String> partitions,
            Map<String, CellTypeSpec> overrides) {
        this(name, strategyName, strategy, parameters, cellTypes, partitions, overrides, List.of());
    }

    /** Without per-type overrides. */
    public PlacementSpec(
            String name,
            String strategyName,
            PlacementStrategy<?> strategy,
            Record parameters,
            List<String> cellTypes,
            List<String> partitions) {
        this(name, strategyName, strategy, parameters, cellTypes, partitions, Map.of(), List.of());
    }

    /** The cell type as this strategy sees it: its {@code overrides} entry if any. */
    public CellTypeSpec cellType(CompilePlan plan, String name) {
        CellTypeSpec o = overrides.get(name);
        return o != null ? o : plan.cellTypes().get(name);
    }
}
