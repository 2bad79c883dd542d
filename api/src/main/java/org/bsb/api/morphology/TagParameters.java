package org.bsb.api.morphology;

import java.util.List;
import java.util.Map;

/**
 * The config's {@code parser} node fields {@code tags} and {@code skip_boundary_labels}, for parsers of formats
 * whose points carry numeric tags (SWC): a parser whose {@link MorphologyParser#parameterType()} is this record
 * receives them as the original's parser node gives them, without a parser-specific binding in the core.
 *
 * @param tags tag number (as a string key, e.g. {@code "16"}) to the labels of its points; merged over the
 *     defaults {1: soma, 2: axon, 3: dendrites}; null for none
 * @param skipBoundaryLabels tags whose labels all lie in this list start their child branches without a copy of
 *     the branching point (the original's {@code skip_boundary_labels}); null for none
 */
public record TagParameters(Map<String, List<String>> tags, List<String> skipBoundaryLabels) {
    /** No extra tags, no skipped boundaries. */
    public static final TagParameters DEFAULTS = new TagParameters(null, null);

    public static TagParameters ofTags(Map<String, List<String>> tags) {
        return new TagParameters(tags, null);
    }
}
