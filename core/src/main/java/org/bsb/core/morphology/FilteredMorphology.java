package org.bsb.core.morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;

/**
 * A morphology reduced to the points carrying some labels ({@code morphology_labels}), with
 * the way back to the unfiltered morphology, as the original's {@code as_filtered}: a point
 * is kept if its label set holds any of the requested labels; each branch becomes one
 * sub-branch per run of kept points (consecutive runs chained as parent and child); the
 * children of a branch hang from its last run, or, if none of its points is kept, from
 * whatever its own parent became. Branches stay in pre-order.
 *
 * @param morphology the filtered morphology (same name and label table)
 * @param sourceBranch per filtered branch, the index of the unfiltered branch it came from
 * @param pointOffset per filtered branch, the index in that branch of its first point
 */
public record FilteredMorphology(Morphology morphology, int[] sourceBranch, int[] pointOffset) {
    /**
     * Filters {@code m}; with {@code labels} null or empty every point is kept (the original's
     * "no filter").
     */
    public static FilteredMorphology of(Morphology m, Collection<String> labels) {
        boolean[] codeMatches = matchingCodes(m, labels);
        List<Branch> out = new ArrayList<>();
        int[] source = new int[16];
        int[] offset = new int[16];
        // Per unfiltered branch, the filtered branch its children attach to (-1: none, they become roots).
        int[] attach = new int[m.branches().size()];
        for (int b = 0; b < m.branches().size(); b++) {
            Branch branch = m.branches().get(b);
            int parent = branch.parent() < 0 ? -1 : attach[branch.parent()];
            int n = branch.size();
            int i = 0;
            while (i < n) {
                if (!codeMatches[branch.labels()[i]]) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < n && codeMatches[branch.labels()[i]]) {
                    i++;
                }
                if (out.size() == source.length) {
                    source = Arrays.copyOf(source, 2 * source.length);
                    offset = Arrays.copyOf(offset, 2 * offset.length);
                }
                source[out.size()] = b;
                offset[out.size()] = start;
                out.add(new Branch(
                        parent,
                        Arrays.copyOfRange(branch.points(), 3 * start, 3 * i),
                        Arrays.copyOfRange(branch.radii(), start, i),
                        Arrays.copyOfRange(branch.labels(), start, i)));
                parent = out.size() - 1;
            }
            attach[b] = parent;
        }
        Morphology filtered = new Morphology(m.name(), out, m.labelSets());
        return new FilteredMorphology(filtered, Arrays.copyOf(source, out.size()), Arrays.copyOf(offset, out.size()));
    }

    /** Per label-set code, whether it holds any of {@code labels} (all codes if none are asked). */
    public static boolean[] matchingCodes(Morphology m, Collection<String> labels) {
        boolean[] matches = new boolean[m.labelSets().size()];
        for (int c = 0; c < matches.length; c++) {
            matches[c] = labels == null || labels.isEmpty() || containsAny(m.labelSet(c), labels);
        }
        return matches;
    }

    private static boolean containsAny(Set<String> set, Collection<String> labels) {
        for (String l : labels) {
            if (set.contains(l)) {
                return true;
            }
        }
        return false;
    }

    /** The unfiltered branch index of filtered branch {@code branch}. */
    public int unfilteredBranch(int branch) {
        return sourceBranch[branch];
    }

    /** The unfiltered point index of point {@code point} of filtered branch {@code branch}. */
    public int unfilteredPoint(int branch, int point) {
        return pointOffset[branch] + point;
    }
}
