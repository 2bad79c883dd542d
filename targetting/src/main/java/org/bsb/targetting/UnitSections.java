package org.bsb.targetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;

/**
 * A morphology's branches cut into unit sections wherever the point label set changes, as the
 * original's arborize schematic does before building NEURON sections, with each point's arc
 * interval on its section: point i spans [arc_i, arc_{i+1}] where arc is the cumulative path
 * length normalised to the section's length; the last point of a section spans [1, 1]. Simulator
 * backends and the {@code branch} location targetting share this one definition.
 */
public final class UnitSections {
    private UnitSections() {}

    /**
     * One unit section: points {@code start} (inclusive) to {@code end} (exclusive) of branch
     * {@code branch}, all carrying {@code labels}; {@code arcs[k]} is the normalised arc length of
     * point {@code start + k}.
     */
    public record Section(int branch, int start, int end, Set<String> labels, double[] arcs) {
        public int size() {
            return end - start;
        }

        /** Start of the arc interval of branch point {@code point} (which this section holds). */
        public double arcStart(int point) {
            int k = point - start;
            return k + 1 < arcs.length ? arcs[k] : 1.0;
        }

        /** End of the arc interval of branch point {@code point}. */
        public double arcEnd(int point) {
            int k = point - start;
            return k + 1 < arcs.length ? arcs[k + 1] : 1.0;
        }
    }

    /** Unit sections of every branch, in branch order and along each branch. */
    public static List<Section> of(Morphology morphology) {
        List<Section> out = new ArrayList<>();
        List<Branch> branches = morphology.branches();
        for (int b = 0; b < branches.size(); b++) {
            Branch branch = branches.get(b);
            int start = 0;
            for (int i = 1; i <= branch.size(); i++) {
                if (i == branch.size() || !labels(morphology, branch, i).equals(labels(morphology, branch, start))) {
                    out.add(new Section(b, start, i, labels(morphology, branch, start), arcs(branch, start, i)));
                    start = i;
                }
            }
        }
        return out;
    }

    private static Set<String> labels(Morphology m, Branch branch, int point) {
        return m.labelSet(branch.labels()[point]);
    }

    /** Normalised cumulative path length of points start..end-1; evenly spaced if the run has no length. */
    static double[] arcs(Branch branch, int start, int end) {
        int n = end - start;
        double[] arcs = new double[n];
        for (int k = 1; k < n; k++) {
            int i = start + k;
            double dx = branch.x(i) - branch.x(i - 1);
            double dy = branch.y(i) - branch.y(i - 1);
            double dz = branch.z(i) - branch.z(i - 1);
            arcs[k] = arcs[k - 1] + Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        double total = n > 1 ? arcs[n - 1] : 0;
        for (int k = 0; k < n; k++) {
            arcs[k] = total > 0 ? arcs[k] / total : (n > 1 ? (double) k / (n - 1) : 0);
        }
        return arcs;
    }
}
