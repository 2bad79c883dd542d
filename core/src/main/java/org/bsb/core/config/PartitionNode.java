package org.bsb.core.config;

import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.geometry.Point3;

/**
 * A partition: a {@code layer} (the default type) fills the box it is given except along
 * {@code axis} (default z), where it is {@code thickness} thick (required for layers); a
 * {@code rhomboid} has optional {@code origin} and {@code dimensions}, filling its box otherwise.
 */
public record PartitionNode(
        @Default("layer") PartitionType type,
        @Range(min = 0) Double thickness,
        @Default("z") Axis axis,
        Point3 origin,
        @Range(min = 0) Point3 dimensions) {}
