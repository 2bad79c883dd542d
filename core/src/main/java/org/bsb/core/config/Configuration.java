package org.bsb.core.config;

import java.util.List;
import java.util.Map;
import org.bsb.api.Required;

/**
 * A whole config, as read from JSON/YAML ({@link ConfigLoader}), built in Java
 * ({@link #defaults()}) or stored in a network file ({@link ConfigWriter}). Immutable; equal
 * configs compare equal whatever format they came from. Keys are the original's, components
 * their camelCase; maps keep the file's order.
 */
public record Configuration(
        String name,
        @Required StorageNode storage,
        @Required NetworkNode network,
        @Required Map<String, PartitionNode> partitions,
        Map<String, RegionNode> regions,
        List<MorphologyNode> morphologies,
        @Required Map<String, CellTypeNode> cellTypes,
        @Required Map<String, PlacementNode> placement,
        @Required Map<String, ConnectivityNode> connectivity,
        Map<String, HookNode> afterPlacement,
        Map<String, HookNode> afterConnectivity,
        Map<String, SimulationNode> simulations) {
    public Configuration {
        partitions = Maps.copy(partitions);
        regions = Maps.copy(regions);
        morphologies = Maps.copy(morphologies);
        cellTypes = Maps.copy(cellTypes);
        placement = Maps.copy(placement);
        connectivity = Maps.copy(connectivity);
        afterPlacement = Maps.copy(afterPlacement);
        afterConnectivity = Maps.copy(afterConnectivity);
        simulations = Maps.copy(simulations);
    }

    /**
     * A builder holding the original's {@code Configuration.default()}: storage engine
     * {@code hdf5}, a 200 µm network cube with 100 µm chunks, and nothing else. Continue as the
     * tutorial's Python script does, e.g. {@code config.partitions().add("stellate_layer",
     * p -> p.thickness(300))}, then {@link ConfigBuilder#build()}.
     */
    public static ConfigBuilder defaults() {
        return new ConfigBuilder();
    }
}
