package org.bsb.core.config;

import java.util.List;
import org.bsb.api.Default;
import org.bsb.api.Required;

/**
 * A region arranges its {@code children} (partitions or regions): a {@code group} gives them
 * its box; a {@code stack} piles them along {@code axis} (default z), optionally anchored at one.
 */
public record RegionNode(
        @Default("group") RegionType type,
        @Required List<String> children,
        @Default("z") Axis axis,
        String anchor) {
    public RegionNode {
        children = Maps.copy(children);
    }
}
