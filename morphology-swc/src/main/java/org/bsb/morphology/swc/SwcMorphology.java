package org.bsb.morphology.swc;

import java.util.List;
import org.bsb.api.morphology.Morphology;

/**
 * A parsed SWC file with the provenance of every point.
 *
 * @param morphology the branches, as {@link SwcParser#parse} returns them
 * @param sampleIds per branch, the SWC sample id of each point (a child branch's first point
 *     repeats the branching sample's id)
 * @param tags per branch, the SWC tag of each point (a child branch's first point takes the
 *     tag of the next point, as its label does)
 */
public record SwcMorphology(Morphology morphology, List<int[]> sampleIds, List<int[]> tags) {
    public SwcMorphology {
        sampleIds = List.copyOf(sampleIds);
        tags = List.copyOf(tags);
    }
}
