package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.core.topology.Layer;
import org.bsb.core.topology.NetworkBox;
import org.bsb.core.topology.Partition;
import org.bsb.core.topology.Topology;
import org.junit.jupiter.api.Test;

class CellCountsTest {
    static final Point3 C = new Point3(100, 100, 100);

    static List<Partition> layer(double z) {
        Layer l = new Layer("l", z);
        Topology.build(new NetworkBox(Point3.ORIGIN, new Point3(100, 200, z), C), List.of(l), List.of());
        return List.of(l);
    }

    @Test
    void tutorialDensityGivesFivePerChunk() {
        List<Partition> p = layer(300);
        CellTypeSpec t = CellTypeSpec.ofDensity("s", 4, 5e-6, List.of());
        double e = CellCounts.estimate(t, "p", p, new ChunkId(0, 1, 2).box(C));
        assertEquals(5.0, e, 1e-12);
        // 5e-6 * 1e6 is not exactly 5 in floating point; it must still round to 5, every time.
        for (int i = 0; i < 100; i++) {
            assertEquals(5, CellCounts.round(e, new SplittableRandom(i)));
        }
    }

    @Test
    void countIsSpreadByVolumeAndPlanarDensityUsesTheFootprint() {
        List<Partition> p = layer(150);
        Box top = new ChunkId(0, 0, 1).box(C);
        // count 100 over 100 x 200 x 150: chunk (0,0,1) holds 100 x 100 x 50 of it, 1/6.
        assertEquals(
                100.0 / 6, CellCounts.estimate(new CellTypeSpec("c", 1.0, null, null, 100.0, null), "p", p, top), 1e-9);
        // planar density wins over density: 1e-3 per um2 of the 100 x 100 footprint.
        assertEquals(10.0, CellCounts.estimate(new CellTypeSpec("c", 1.0, 1.0, 1e-3, null, null), "p", p, top), 1e-12);
        IndicatorException e = assertThrows(
                IndicatorException.class,
                () -> CellCounts.estimate(new CellTypeSpec("c", 1.0, null, null, null, null), "strat", p, top));
        assertTrue(e.getMessage().startsWith("No configuration indicators found for the number of 'c' in 'strat'"));
    }

    private static CellTypeSpec relative(String to, Double count, Double local, Double density) {
        return new CellTypeSpec("r", 1.0, null, null, null, null, to, count, local, density);
    }

    @Test
    void ratiosApplyToTheRelatedTypesNumbers() {
        // related type g: density 1e-5 in a 100 x 200 x 150 layer (3e6 um3): 30 cells, 5 in the top chunk (1/6)
        List<Partition> p = layer(150);
        Box top = new ChunkId(0, 0, 1).box(C);
        CellTypeSpec g = CellTypeSpec.ofDensity("g", 4, 1e-5, List.of());
        CellCounts.Related related = name -> name.equals("g") ? List.of(new CellCounts.Placement(g, p)) : List.of();
        // count_ratio: 0.5 x 30 = 15 in all, spread by volume: 2.5 in the top chunk
        assertEquals(2.5, CellCounts.estimate(relative("g", 0.5, null, null), "p", p, top, related), 1e-9);
        // local_count_ratio: 2 x g's 5 in this chunk
        assertEquals(10, CellCounts.estimate(relative("g", null, 2.0, null), "p", p, top, related), 1e-9);
        // density_ratio: 3 x 1e-5 per um3 over the 5e5 um3 of the layer in the top chunk
        assertEquals(15, CellCounts.estimate(relative("g", null, null, 3.0), "p", p, top, related), 1e-9);
        // a relative type of a relative type: 0.5 x (2 x 30)
        CellTypeSpec h = new CellTypeSpec("h", 1.0, null, null, null, null, "g", 2.0, null, null);
        CellCounts.Related chain = name -> List.of(new CellCounts.Placement(name.equals("g") ? g : h, p));
        assertEquals(30 * 2 * 0.5 / 6, CellCounts.estimate(relative("h", 0.5, null, null), "p", p, top, chain), 1e-9);
        String m = assertThrows(
                        IndicatorException.class,
                        () -> CellCounts.estimate(relative("g", null, null, null), "p", p, top, related))
                .getMessage();
        assertTrue(m.contains("relative_to 'g' without a ratio"), m);
        m = assertThrows(
                        IndicatorException.class,
                        () -> CellCounts.estimate(relative("x", 1.0, null, null), "p", p, top, related))
                .getMessage();
        assertTrue(m.contains("'x', which no placement strategy places"), m);
        CellTypeSpec loop = new CellTypeSpec("r", 1.0, null, null, null, null, "r", 1.0, null, null);
        m = assertThrows(
                        IndicatorException.class,
                        () -> CellCounts.estimate(
                                loop, "p", p, top, name -> List.of(new CellCounts.Placement(loop, p))))
                .getMessage();
        assertTrue(m.contains("relative_to goes round in a circle: r -> r"), m);
    }

    @Test
    void fractionalEstimatesRoundStochasticallyWithTheRightMean() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20000;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int c = CellCounts.round(2.3, r);
            assertTrue(c == 2 || c == 3);
            sum += c;
        }
        // mean 2.3, sd of the mean sqrt(0.21 / n) = 0.0032: allow 5 sd.
        assertEquals(2.3, (double) sum / n, 0.017);
    }
}
