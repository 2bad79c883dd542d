package org.bsb.connectivity.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.EulerRotation;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.connectivity.ConnectivityRunner;
import org.bsb.core.network.PlacedCells;
import org.junit.jupiter.api.Test;

/**
 * Many contacts on one pair of cells, against a brute-force evaluation of the algorithm: every
 * contact's presynaptic voxel overlaps some postsynaptic voxel, and presynaptic voxels are hit in
 * proportion to the summed point-count products of their overlapping voxel pairs.
 */
class ContactDistributionTest {
    static final double[] POS_A = {50, 50, 50};
    static final double[] ROT_A = {0, 0, 30};
    static final double[] POS_B = {55, 48, 53};
    static final double[] ROT_B = {10, 0, -20};
    static final int DRAWS = 20000;

    @Test
    void sameVoxelSizeOnBothSides() throws Exception {
        check(10, 10, 10, 10);
    }

    @Test
    void differentVoxelSizes() throws Exception {
        // 100 um extents: ceil(100 / 10) = 10 voxels of 10 um, ceil(100 / 7) = 15 voxels of 6.667 um
        check(10, 7, 10, 100.0 / 15);
    }

    void check(double maxPre, double maxPost, double te, double ce) throws Exception {
        Morphology m = VoxelIntersectionTest.cross("cross");
        List<PlacementBlock> blocks = List.of(
                new PlacementBlock("a", new ChunkId(0, 0, 0), POS_A, ROT_A, new int[1], List.of("cross")),
                new PlacementBlock("b", new ChunkId(0, 0, 0), POS_B, ROT_B, new int[1], List.of("cross")));
        PlacedCells cells = new PlacedCells(new Point3(100, 100, 100), blocks, List.of(m));
        var p = VoxelIntersectionParameters.DEFAULTS
                .withMaxVoxelEdge(maxPre, maxPost)
                .withContacts(DRAWS);
        var out = new ConnectivityRunner(cells, 3, 1, Reporter.SILENT).run(List.of(VoxelIntersectionTest.task(p)));

        // brute force: target (a) voxels in a's frame, candidate (b) points moved into a's frame
        Map<List<Integer>, Integer> tCount = new HashMap<>();
        Map<List<Integer>, Integer> cCount = new HashMap<>();
        EulerRotation ra = EulerRotation.of(ROT_A);
        EulerRotation rb = EulerRotation.of(ROT_B);
        for (Branch b : m.branches()) {
            for (int i = 0; i < b.size(); i++) {
                double[] q = {b.x(i), b.y(i), b.z(i)};
                if (m.labelSet(b.labels()[i]).contains("axon")) {
                    tCount.merge(voxel(q, te), 1, Integer::sum);
                }
                if (m.labelSet(b.labels()[i]).contains("dendrites")) {
                    double[] w = new double[3];
                    rb.apply(q, 0, w, 0);
                    for (int a = 0; a < 3; a++) {
                        w[a] += POS_B[a] - POS_A[a];
                    }
                    double[] local = new double[3];
                    ra.inverse().apply(w, 0, local, 0);
                    cCount.merge(voxel(local, ce), 1, Integer::sum);
                }
            }
        }
        Map<List<Integer>, Double> weight = new HashMap<>();
        double total = 0;
        for (var t : tCount.entrySet()) {
            for (var c : cCount.entrySet()) {
                if (overlap(t.getKey(), te, c.getKey(), ce)) {
                    double w = (double) t.getValue() * c.getValue();
                    weight.merge(t.getKey(), w, Double::sum);
                    total += w;
                }
            }
        }
        assertTrue(total > 0, "the test cells must overlap");

        Map<List<Integer>, Integer> hits = new HashMap<>();
        int n = 0;
        for (ConnectivityBlock b : out) {
            for (int k = 0; k < b.size(); k++, n++) {
                Branch br = m.branches().get(b.preLocations()[3 * k + 1]);
                int pt = b.preLocations()[3 * k + 2];
                hits.merge(voxel(new double[] {br.x(pt), br.y(pt), br.z(pt)}, te), 1, Integer::sum);
            }
        }
        assertEquals(DRAWS, n);
        for (var h : hits.entrySet()) {
            assertTrue(weight.containsKey(h.getKey()), "contact in voxel " + h.getKey() + " that overlaps nothing");
        }
        for (var w : weight.entrySet()) {
            double share = w.getValue() / total;
            double expected = share * DRAWS;
            double sd = Math.sqrt(DRAWS * share * (1 - share));
            int got = hits.getOrDefault(w.getKey(), 0);
            assertTrue(
                    Math.abs(got - expected) <= 5 * sd + 1,
                    "voxel " + w.getKey() + ": " + got + " contacts, expected " + expected + " +- " + sd);
        }
    }

    static List<Integer> voxel(double[] p, double e) {
        return List.of((int) Math.floor(p[0] / e), (int) Math.floor(p[1] / e), (int) Math.floor(p[2] / e));
    }

    /** Open overlap of voxel i (edge te) and voxel j (edge ce) on every axis. */
    static boolean overlap(List<Integer> i, double te, List<Integer> j, double ce) {
        for (int a = 0; a < 3; a++) {
            if (!(i.get(a) * te < (j.get(a) + 1) * ce && j.get(a) * ce < (i.get(a) + 1) * te)) {
                return false;
            }
        }
        return true;
    }
}
