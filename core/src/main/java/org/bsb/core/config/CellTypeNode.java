package org.bsb.core.config;

/**
 * A cell type: how many cells and of what size and shape ({@code spatial}, required unless the
 * type is an {@code entity} without positions), and how to draw them.
 */
public record CellTypeNode(PlacementIndications spatial, PlottingNode plotting, boolean entity) {}
