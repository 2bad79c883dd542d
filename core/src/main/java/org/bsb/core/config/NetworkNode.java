package org.bsb.core.config;

import org.bsb.api.Default;
import org.bsb.api.Range;
import org.bsb.api.Required;
import org.bsb.api.geometry.Point3;

/**
 * {@code network}: the box (µm) the topology is laid out in, and the chunk size that tiles it.
 * {@code chunk_size} may be one number for all three axes.
 */
public record NetworkNode(
        @Required @Range(min = 0) double x,
        @Required @Range(min = 0) double y,
        @Required @Range(min = 0) double z,
        @Default("[0, 0, 0]") Point3 origin,

        @Default("[100, 100, 100]") @Range(min = 0, minExclusive = true)
        Point3 chunkSize) {}
