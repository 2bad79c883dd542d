package org.bsb.core.morphology.swc;

import java.util.List;
import java.util.Map;

/**
 * The config's {@code parser} node for SWC files.
 *
 * @param tags SWC tag number (as a string key, e.g. {@code "16"}) to the labels of its points;
 *     merged over the defaults {1: soma, 2: axon, 3: dendrites}; null for none
 * @param skipBoundaryLabels tags whose labels all lie in this list start their child branches
 *     without a copy of the branching point (the original's {@code skip_boundary_labels}); null for none
 */
public record SwcParameters(Map<String, List<String>> tags, List<String> skipBoundaryLabels) {
    /** No extra tags, no skipped boundaries. */
    public static final SwcParameters DEFAULTS = new SwcParameters(null, null);

    public static SwcParameters ofTags(Map<String, List<String>> tags) {
        return new SwcParameters(tags, null);
    }
}
