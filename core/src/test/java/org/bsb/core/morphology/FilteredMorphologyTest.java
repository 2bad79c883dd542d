package org.bsb.core.morphology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.TagParameters;
import org.bsb.morphology.swc.SwcParser;
import org.junit.jupiter.api.Test;

class FilteredMorphologyTest {
    static final List<Set<String>> SETS =
            List.of(Set.of(), Set.of("soma"), Set.of("axon"), Set.of("dendrites", "proximal"));

    static Branch branch(int parent, int... labels) {
        double[] pts = new double[3 * labels.length];
        double[] radii = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            pts[3 * i] = i;
            radii[i] = 1;
        }
        return new Branch(parent, pts, radii, labels);
    }

    @Test
    void splitsBranchesAtGapsAndMapsBack() {
        // b0: soma soma; b1 (child of b0): axon soma axon axon; b2 (child of b1): axon; b3 (child of b0): dendrites
        Morphology m =
                new Morphology("m", List.of(branch(-1, 1, 1), branch(0, 2, 1, 2, 2), branch(1, 2), branch(0, 3)), SETS);
        FilteredMorphology f = FilteredMorphology.of(m, List.of("axon"));
        List<Branch> b = f.morphology().branches();
        assertEquals(3, b.size());
        // b1 -> [axon] (root, since b0 is gone) then [axon axon] chained to it; b2 hangs from the last run.
        assertArrayEquals(
                new int[] {-1, 0, 1}, b.stream().mapToInt(Branch::parent).toArray());
        assertArrayEquals(new int[] {1, 1, 2}, f.sourceBranch());
        assertArrayEquals(new int[] {0, 2, 0}, f.pointOffset());
        assertEquals(1, b.get(0).size());
        assertEquals(2, b.get(1).size());
        // Point 1 of filtered branch 1 is point 3 of branch 1 (x = 3).
        assertEquals(3, f.unfilteredPoint(1, 1));
        assertEquals(3.0, b.get(1).x(1));
    }

    @Test
    void anyRequestedLabelMatches() {
        Morphology m = new Morphology("m", List.of(branch(-1, 1, 1), branch(0, 3, 3), branch(0, 2)), SETS);
        FilteredMorphology f = FilteredMorphology.of(m, List.of("proximal", "soma"));
        assertArrayEquals(new int[] {0, 1}, f.sourceBranch());
        assertArrayEquals(
                new int[] {-1, 0},
                f.morphology().branches().stream().mapToInt(Branch::parent).toArray());
    }

    @Test
    void noLabelsKeepsEverything() {
        Morphology m = new Morphology("m", List.of(branch(-1, 1, 0), branch(0, 2)), SETS);
        FilteredMorphology f = FilteredMorphology.of(m, List.of());
        assertEquals(3, f.morphology().pointCount());
        assertArrayEquals(new int[] {0, 1}, f.sourceBranch());
    }

    @Test
    void stellateAxonFilterKeepsAxonPointsOnly() throws Exception {
        Morphology m;
        try (InputStream in = getClass().getResourceAsStream("/morphology/StellateCell.swc")) {
            m = new SwcParser()
                    .parse(
                            "StellateCell.swc",
                            "StellateCell",
                            in,
                            TagParameters.ofTags(Map.of("18", List.of("axon", "axon_initial_segment"))));
        }
        FilteredMorphology f = FilteredMorphology.of(m, List.of("axon"));
        int expected = 0;
        for (Branch b : m.branches()) {
            for (int c : b.labels()) {
                expected += m.labelSet(c).contains("axon") ? 1 : 0;
            }
        }
        assertEquals(expected, f.morphology().pointCount());
        // Every kept point maps back to the identical unfiltered point.
        for (int b = 0; b < f.morphology().branches().size(); b++) {
            Branch fb = f.morphology().branches().get(b);
            Branch ob = m.branches().get(f.unfilteredBranch(b));
            for (int i = 0; i < fb.size(); i++) {
                int j = f.unfilteredPoint(b, i);
                assertEquals(ob.x(j), fb.x(i));
                assertEquals(ob.z(j), fb.z(i));
                assertEquals(ob.labels()[j], fb.labels()[i]);
            }
        }
    }
}
