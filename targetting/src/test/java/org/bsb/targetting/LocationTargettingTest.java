package org.bsb.targetting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.bsb.api.NoParameters;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.junit.jupiter.api.Test;

class LocationTargettingTest {
    // label codes: 0 = {}, 1 = {soma}, 2 = {dendrites}, 3 = {dendrites, proximal}, 4 = {dendrites, distal}
    private static final List<Set<String>> LABELS = List.of(
            Set.of(),
            Set.of("soma"),
            Set.of("dendrites"),
            Set.of("dendrites", "proximal"),
            Set.of("dendrites", "distal"));

    /** Soma (2 points); a dendrite along x with steps 1, 2, 7 (arcs 0, .1, .3, 1); a dendrite whose labels change. */
    private final Morphology m = new Morphology(
            "m",
            List.of(
                    new Branch(-1, new double[] {0, 0, 0, 0, 1, 0}, new double[] {5, 5}, new int[] {1, 1}),
                    new Branch(
                            0,
                            new double[] {0, 1, 0, 1, 1, 0, 3, 1, 0, 10, 1, 0},
                            new double[] {1, 1, 1, 1},
                            new int[] {2, 2, 2, 2}),
                    new Branch(
                            0,
                            new double[] {0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0, 8, 0},
                            new double[] {1, 1, 1, 1, 1},
                            new int[] {3, 3, 4, 4, 4})),
            LABELS);

    private static List<List<Integer>> asLists(List<int[]> locs) {
        return locs.stream().map(l -> List.of(l[0], l[1])).toList();
    }

    @Test
    void everywhereAndSoma() {
        assertEquals(
                11, new EverywhereTargetting().select(m, new NoParameters()).size());
        assertEquals(List.of(List.of(0, 0)), asLists(new SomaTargetting().select(m, new NoParameters())));
        assertEquals(
                List.of(), new SomaTargetting().select(new Morphology("e", List.of(), LABELS), new NoParameters()));
    }

    @Test
    void labelNeedsAllLabels() {
        assertEquals(
                List.of(List.of(2, 2), List.of(2, 3), List.of(2, 4)),
                asLists(new LabelTargetting()
                        .select(m, new LabelTargetting.Parameters(List.of("dendrites", "distal")))));
        assertEquals(
                9,
                new LabelTargetting()
                        .select(m, new LabelTargetting.Parameters(List.of("dendrites")))
                        .size());
        assertEquals(List.of(), new LabelTargetting().select(m, new LabelTargetting.Parameters(List.of("axon"))));
    }

    @Test
    void unitSectionArcs() {
        List<UnitSections.Section> s = UnitSections.of(m);
        assertEquals(4, s.size(), "soma, dendrite, and the labelled dendrite cut in two");
        UnitSections.Section d = s.get(1);
        assertEquals(0.1, d.arcStart(1), 1e-12);
        assertEquals(0.3, d.arcEnd(1), 1e-12);
        assertEquals(1.0, d.arcStart(3), 0);
        UnitSections.Section distal = s.get(3);
        assertEquals(2, distal.start());
        // points at y = 3, 4, 8: lengths 1, 4 -> arcs 0, .2, 1
        assertEquals(0.2, distal.arcStart(3), 1e-12);
        assertEquals(Set.of("dendrites", "distal"), distal.labels());
    }

    @Test
    void branchPicksTheLocationWhoseArcContainsX() {
        var half = new BranchTargetting.Parameters(List.of("dendrites"), null);
        // branch 1: point 2 spans [.3, 1); branch 2: first section (2 points) point 0 spans [0, 1)
        assertEquals(List.of(List.of(1, 2), List.of(2, 0)), asLists(new BranchTargetting().select(m, half)));
        var at01 = new BranchTargetting.Parameters(List.of("dendrites"), 0.1);
        assertEquals(List.of(List.of(1, 1), List.of(2, 0)), asLists(new BranchTargetting().select(m, at01)));
        var distal = new BranchTargetting.Parameters(List.of("distal"), 0.25);
        assertEquals(List.of(List.of(2, 3)), asLists(new BranchTargetting().select(m, distal)));
        // x = 1: no interval [a, b) contains it (the last point spans [1, 1]), as in the original
        var end = new BranchTargetting.Parameters(List.of("dendrites"), 1.0);
        assertEquals(List.of(), new BranchTargetting().select(m, end));
        assertThrows(
                TargettingException.class,
                () -> new BranchTargetting().select(m, new BranchTargetting.Parameters(null, 0.5)));
    }
}
