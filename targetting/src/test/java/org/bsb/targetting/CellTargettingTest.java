package org.bsb.targetting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellTargettingTest {
    /** Positions chosen around the tutorial's sphere (r = 100 at (50, 100, 150)). */
    private final FakeCells cells = new FakeCells()
            .add("stellate_cell", 50, 100, 150) // 0: centre
            .add("stellate_cell", 150, 100, 150) // 1: d = 100 exactly: outside (strict)
            .add("stellate_cell", 149.9, 100, 150) // 2: inside
            .add("stellate_cell", 0, 0, 0) // 3: d² = 35000: outside
            .add("stellate_cell", 100, 150, 200, "hot") // 4: d² = 7500: inside
            .add("basket_cell", 50, 160, 230, "hot") // 0: d² = 3600 + 6400 = 10000: outside
            .add("basket_cell", 50, 159, 229, "hot", "cold"); // 1: d² = 3481 + 6241 = 9722: inside

    private final SplittableRandom random = new SplittableRandom(42);

    @Test
    void sphereIsStrictAndCoversEveryModelByDefault() {
        var p = new SphereTargetting.Parameters(List.of(50.0, 100.0, 150.0), 100.0, null, null, null);
        assertEquals(
                Map.of("stellate_cell", List.of(0, 2, 4), "basket_cell", List.of(1)),
                new SphereTargetting().select(cells, p, random));
    }

    @Test
    void sphereCellModelFilter() {
        var p = new SphereTargetting.Parameters(List.of(50.0, 100.0, 150.0), 100.0, List.of("basket_cell"), null, null);
        assertEquals(Map.of("basket_cell", List.of(1)), new SphereTargetting().select(cells, p, random));
    }

    @Test
    void cylinderAlongYUsesXAndZAndIsStrict() {
        FakeCells c = new FakeCells()
                .add("a", 13, 999, 24) // 9 + 16 = 25 = r²: outside
                .add("a", 13, -500, 23) // 9 + 9 = 18: inside
                .add("a", 10, 0, 20) // on the axis
                .add("a", 10, 0, 25.5); // 30.25: outside
        var p = new CylinderTargetting.Parameters(List.of(10.0, 20.0), null, 5.0, null, null, null);
        assertEquals(Map.of("a", List.of(1, 2)), new CylinderTargetting().select(c, p, random));
        // Along x the origin is (y, z): only the cell at y=0, z=20 is within 5 of (0, 20).
        var px = new CylinderTargetting.Parameters(List.of(0.0, 20.0), "x", 5.0, null, null, null);
        assertEquals(Map.of("a", List.of(2)), new CylinderTargetting().select(c, px, random));
        // Along z the origin is (x, y).
        var pz = new CylinderTargetting.Parameters(List.of(13.0, -500.0), "z", 1.0, null, null, null);
        assertEquals(Map.of("a", List.of(1)), new CylinderTargetting().select(c, pz, random));
        var bad = new CylinderTargetting.Parameters(List.of(0.0, 0.0), "w", 5.0, null, null, null);
        assertThrows(TargettingException.class, () -> new CylinderTargetting().select(c, bad, random));
    }

    @Test
    void allAndCellModel() {
        assertEquals(
                Map.of("stellate_cell", List.of(0, 1, 2, 3, 4), "basket_cell", List.of(0, 1)),
                new AllTargetting().select(cells, new AllTargetting.Parameters(null, null), random));
        assertEquals(
                Map.of("basket_cell", List.of(0, 1)),
                new CellModelTargetting()
                        .select(cells, new CellModelTargetting.Parameters(List.of("basket_cell"), null, null), random));
        var unknown = new CellModelTargetting.Parameters(List.of("basket"), null, null);
        TargettingException e =
                assertThrows(TargettingException.class, () -> new CellModelTargetting().select(cells, unknown, random));
        assertTrue(e.getMessage().contains("'basket'") && e.getMessage().contains("basket_cell"), e.getMessage());
    }

    @Test
    void byIdSortsDeduplicatesAndRejectsUnknownIds() {
        var p = new ByIdTargetting.Parameters(Map.of("stellate_cell", List.of(4, 0, 4)), null, null);
        assertEquals(Map.of("stellate_cell", List.of(0, 4)), new ByIdTargetting().select(cells, p, random));
        var outOfRange = new ByIdTargetting.Parameters(Map.of("basket_cell", List.of(2)), null, null);
        TargettingException e =
                assertThrows(TargettingException.class, () -> new ByIdTargetting().select(cells, outOfRange, random));
        assertTrue(e.getMessage().contains("ids.basket_cell") && e.getMessage().contains("2 cells"), e.getMessage());
        var unknownModel = new ByIdTargetting.Parameters(Map.of("granule_cell", List.of(0)), null, null);
        assertThrows(TargettingException.class, () -> new ByIdTargetting().select(cells, unknownModel, random));
    }

    @Test
    void byLabelNeedsEveryLabel() {
        var hot = new ByLabelTargetting.Parameters(List.of("hot"), null, null, null);
        assertEquals(
                Map.of("stellate_cell", List.of(4), "basket_cell", List.of(0, 1)),
                new ByLabelTargetting().select(cells, hot, random));
        var both = new ByLabelTargetting.Parameters(List.of("hot", "cold"), List.of("basket_cell"), null, null);
        assertEquals(Map.of("basket_cell", List.of(1)), new ByLabelTargetting().select(cells, both, random));
    }

    @Test
    void countAndFractionAreMutuallyExclusive() {
        TargettingException e = assertThrows(
                TargettingException.class,
                () -> new AllTargetting().select(cells, new AllTargetting.Parameters(2, 0.5), random));
        assertTrue(e.getMessage().contains("mutually exclusive"), e.getMessage());
        assertThrows(
                TargettingException.class,
                () -> new AllTargetting().select(cells, new AllTargetting.Parameters(null, 1.5), random));
        assertThrows(
                TargettingException.class,
                () -> new AllTargetting().select(cells, new AllTargetting.Parameters(-1, null), random));
    }

    @Test
    void countAndFractionTakeDistinctSubsets() {
        var count = new AllTargetting().select(cells, new AllTargetting.Parameters(3, null), random);
        assertEquals(3, count.get("stellate_cell").size());
        assertEquals(3, new HashSet<>(count.get("stellate_cell")).size());
        assertTrue(List.of(0, 1, 2, 3, 4).containsAll(count.get("stellate_cell")));
        assertEquals(2, count.get("basket_cell").size(), "a count above the population keeps all of it");
        // fraction keeps floor(n * fraction): floor(5 * 0.5) = 2, floor(2 * 0.5) = 1
        var fraction = new AllTargetting().select(cells, new AllTargetting.Parameters(null, 0.5), random);
        assertEquals(2, fraction.get("stellate_cell").size());
        assertEquals(1, fraction.get("basket_cell").size());
    }

    @Test
    void subsetIsUniform() {
        // Each of 10 ids should be chosen 3/10 of the time; 20000 draws give sd ~ 0.0032.
        List<Integer> ids = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        int[] hits = new int[10];
        int draws = 20000;
        SplittableRandom r = new SplittableRandom(7);
        for (int d = 0; d < draws; d++) {
            List<Integer> chosen = Subset.choose(ids, 3, r);
            assertEquals(3, new HashSet<>(chosen).size());
            for (int i = 1; i < chosen.size(); i++) {
                assertTrue(chosen.get(i - 1) < chosen.get(i), "kept in ascending order");
            }
            chosen.forEach(i -> hits[i]++);
        }
        for (int h : hits) {
            assertEquals(0.3, (double) h / draws, 0.02);
        }
    }

    @Test
    void representativesTakeNPerModel() {
        var p = new RepresentativesTargetting.Parameters(2, null, null, null);
        Map<String, List<Integer>> sel = new RepresentativesTargetting().select(cells, p, random);
        assertEquals(2, sel.get("stellate_cell").size());
        assertEquals(2, sel.get("basket_cell").size());
        var one = new RepresentativesTargetting.Parameters(null, List.of("stellate_cell"), null, null);
        assertEquals(
                1,
                new RepresentativesTargetting()
                        .select(cells, one, random)
                        .get("stellate_cell")
                        .size());
    }

    @Test
    void sameSeedSameSelection() {
        var p = new AllTargetting.Parameters(null, 0.6);
        assertEquals(
                new AllTargetting().select(cells, p, new SplittableRandom(3)),
                new AllTargetting().select(cells, p, new SplittableRandom(3)));
    }
}
