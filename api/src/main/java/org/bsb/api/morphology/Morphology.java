package org.bsb.api.morphology;

import java.util.List;
import java.util.Set;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;

/**
 * A neuron's shape: branches in depth-first order (a parent always precedes its children),
 * each point labelled with a set of labels ({@code soma}, {@code dendrites}, ...) through a
 * shared table of label sets.
 *
 * @param name name in the morphology repository (by default the file's stem)
 * @param branches branches in pre-order
 * @param labelSets label set of each code; code 0 is conventionally the empty set
 */
public record Morphology(String name, List<Branch> branches, List<Set<String>> labelSets) {
    public Morphology {
        branches = List.copyOf(branches);
        labelSets = List.copyOf(labelSets);
    }

    public Set<String> labelSet(int code) {
        return labelSets.get(code);
    }

    public int pointCount() {
        int n = 0;
        for (Branch b : branches) {
            n += b.size();
        }
        return n;
    }

    /** Smallest box holding every point (radii not included, as the original's ldc/mdc). */
    public Box bounds() {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Branch b : branches) {
            double[] p = b.points();
            for (int i = 0; i < p.length; i++) {
                lo[i % 3] = Math.min(lo[i % 3], p[i]);
                hi[i % 3] = Math.max(hi[i % 3], p[i]);
            }
        }
        if (lo[0] > hi[0]) {
            return new Box(Point3.ORIGIN, Point3.ORIGIN);
        }
        return new Box(new Point3(lo[0], lo[1], lo[2]), new Point3(hi[0], hi[1], hi[2]));
    }
}
