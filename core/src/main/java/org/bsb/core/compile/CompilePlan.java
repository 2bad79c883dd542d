package org.bsb.core.compile;

import java.util.List;
import java.util.Map;
import org.bsb.core.topology.Topology;

/**
 * Everything a compile needs, resolved from a config: topology, cell types, strategies and
 * morphology files. Built by {@link PlanBuilder} from the config records, or directly in tests.
 *
 * @param name the config's {@code name} (may be null)
 * @param configJson the active config as JSON, stored in the network file
 * @param seed the config's seed, or null
 * @param config the typed config ({@code org.bsb.core.config.Configuration}), handed to the
 *     connectivity phase (may be null)
 * @param afterPlacement the {@code after_placement} hooks, in config order
 * @param afterConnectivity the {@code after_connectivity} hooks, in config order
 */
public record CompilePlan(
        String name,
        String configJson,
        Long seed,
        Topology topology,
        Map<String, CellTypeSpec> cellTypes,
        List<PlacementSpec> placement,
        List<MorphologySpec> morphologies,
        Object config,
        List<HookSpec> afterPlacement,
        List<HookSpec> afterConnectivity) {
    public CompilePlan {
        cellTypes = Map.copyOf(cellTypes);
        placement = List.copyOf(placement);
        morphologies = List.copyOf(morphologies);
        afterPlacement = afterPlacement == null ? List.of() : List.copyOf(afterPlacement);
        afterConnectivity = afterConnectivity == null ? List.of() : List.copyOf(afterConnectivity);
    }

    /** Without hooks. */
    public CompilePlan(
            String name,
            String configJson,
            Long seed,
            Topology topology,
            Map<String, CellTypeSpec> cellTypes,
            List<PlacementSpec> placement,
            List<MorphologySpec> morphologies,
            Object config) {
        this(name, configJson, seed, topology, cellTypes, placement, morphologies, config, List.of(), List.of());
    }
}
