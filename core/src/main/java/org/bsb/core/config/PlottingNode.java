package org.bsb.core.config;

import org.bsb.api.Range;

/** A cell type's {@code plotting} hints. */
public record PlottingNode(
        String displayName,
        String color,
        @Range(min = 0, max = 1) Double opacity) {}
