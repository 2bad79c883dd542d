package org.bsb.api.storage;

import java.util.List;
import java.util.Map;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Morphology;

/**
 * A whole compiled network, as one storage engine writes it and another reads it.
 *
 * @param configJson the active config, serialized as JSON
 * @param attributes further root attributes (seed, versions, ...)
 */
public record NetworkData(
        String configJson,
        Point3 chunkSize,
        List<Morphology> morphologies,
        List<PlacementBlock> placement,
        List<ConnectivityBlock> connectivity,
        Map<String, String> attributes) {
    public NetworkData {
        morphologies = List.copyOf(morphologies);
        placement = List.copyOf(placement);
        connectivity = List.copyOf(connectivity);
        attributes = Map.copyOf(attributes);
    }
}
