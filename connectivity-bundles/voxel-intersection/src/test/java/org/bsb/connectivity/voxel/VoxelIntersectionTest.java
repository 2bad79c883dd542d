package org.bsb.connectivity.voxel;

import static org.bsb.testsupport.ConnectivityFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.EulerRotation;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.connectivity.ConnectivityRunner;
import org.bsb.core.connectivity.ConnectivityTask;
import org.bsb.core.connectivity.Hemitype;
import org.bsb.core.network.PlacedCells;
import org.junit.jupiter.api.Test;

class VoxelIntersectionTest {
    static final List<Set<String>> LABELS = List.of(Set.of(), Set.of("soma"), Set.of("axon"), Set.of("dendrites"));

    /** Soma at the origin, an axon along x and dendrites along z and y, points 1 µm apart, from -50 to 50. */
    static Morphology cross(String name) {
        return new Morphology(
                name,
                List.of(
                        new Branch(-1, new double[] {0, 0, 0}, new double[] {5}, new int[] {1}),
                        line(0, 0, 2),
                        line(0, 2, 3),
                        line(0, 1, 3)),
                LABELS);
    }

    static Branch line(int parent, int axis, int label) {
        int n = 101;
        double[] p = new double[3 * n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            p[3 * i + axis] = i - 50;
            l[i] = label;
        }
        return new Branch(parent, p, new double[n], l);
    }

    /** Bounds 100 x 100 x 100 in 50 voxels: (3, 4, 4) divisions. */
    static final double DIAGONAL = Math.sqrt(Math.pow(100.0 / 3, 2) + 2 * Math.pow(100.0 / 4, 2));

    static ConnectivityTask task(VoxelIntersectionParameters p) {
        return new ConnectivityTask(
                "a_to_b",
                new VoxelIntersection(),
                p,
                new Hemitype(List.of("a"), List.of("axon")),
                new Hemitype(List.of("b"), List.of("dendrites")));
    }

    /** n cells of each type in one 100 um chunk, random positions and rotations. */
    static PlacedCells randomNetwork(int n, long seed, boolean rotate) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PlacementBlock> blocks = new ArrayList<>();
        for (String type : List.of("a", "b")) {
            double[] pos = new double[3 * n];
            double[] rot = new double[3 * n];
            for (int i = 0; i < 3 * n; i++) {
                pos[i] = r.nextDouble(100);
                rot[i] = rotate ? r.nextDouble(360) : 0;
            }
            blocks.add(new PlacementBlock(type, new ChunkId(0, 0, 0), pos, rot, new int[n], List.of("cross")));
        }
        return new PlacedCells(new Point3(100, 100, 100), blocks, List.of(cross("cross")));
    }

    /** World position of a stored (branch, point) of cell {@code gid}. */
    static double[] world(PlacedCells cells, String type, int gid, int branch, int point) {
        PlacementBlock b = cells.blocks(type, new ChunkId(0, 0, 0)).get(0);
        Branch br = cells.morphology("cross").branches().get(branch);
        double[] p = {br.x(point), br.y(point), br.z(point)};
        double[] out = new double[3];
        EulerRotation.of(b.rotations()[3 * gid], b.rotations()[3 * gid + 1], b.rotations()[3 * gid + 2])
                .apply(p, 0, out, 0);
        for (int a = 0; a < 3; a++) {
            out[a] += b.positions()[3 * gid + a];
        }
        return out;
    }

    static void checkContacts(PlacedCells cells, List<ConnectivityBlock> blocks, double diagonal) {
        Morphology m = cells.morphology("cross");
        for (ConnectivityBlock b : blocks) {
            for (int k = 0; k < b.size(); k++) {
                int[] pre = {b.preLocations()[3 * k], b.preLocations()[3 * k + 1], b.preLocations()[3 * k + 2]};
                int[] post = {b.postLocations()[3 * k], b.postLocations()[3 * k + 1], b.postLocations()[3 * k + 2]};
                assertTrue(m.labelSet(m.branches().get(pre[1]).labels()[pre[2]]).contains("axon"));
                assertTrue(
                        m.labelSet(m.branches().get(post[1]).labels()[post[2]]).contains("dendrites"));
                double[] x = world(cells, "a", pre[0], pre[1], pre[2]);
                double[] y = world(cells, "b", post[0], post[1], post[2]);
                double d = Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
                assertTrue(d <= diagonal + 1e-9, "contact " + d + " um apart, more than a voxel diagonal " + diagonal);
            }
        }
    }

    static int count(List<ConnectivityBlock> blocks) {
        return blocks.stream().mapToInt(ConnectivityBlock::size).sum();
    }

    @Test
    void contactsLieWithinOneVoxelOnLabelledPoints() throws Exception {
        PlacedCells cells = randomNetwork(20, 7, true);
        var p = VoxelIntersectionParameters.DEFAULTS.withContacts(3);
        var blocks = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT).run(List.of(task(p)));
        checkContacts(cells, blocks, DIAGONAL);
        assertTrue(count(blocks) > 30, "expected many contacts among 20 x 20 crossing cells, got " + count(blocks));
        assertEquals(0, count(blocks) % 3, "3 contacts per connected pair");
    }

    @Test
    void finerVoxelsByMaximumEdge() throws Exception {
        PlacedCells cells = randomNetwork(20, 8, true);
        var p = VoxelIntersectionParameters.DEFAULTS.withMaxVoxelEdge(5.0, 5.0);
        var blocks = new ConnectivityRunner(cells, 1, 2, Reporter.SILENT).run(List.of(task(p)));
        checkContacts(cells, blocks, Math.sqrt(3) * 5);
        assertTrue(count(blocks) > 0);
    }

    @Test
    void favorCachePostGivesValidContactsToo() throws Exception {
        PlacedCells cells = randomNetwork(15, 9, true);
        var p = VoxelIntersectionParameters.DEFAULTS.withFavorCache("post");
        var blocks = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT).run(List.of(task(p)));
        checkContacts(cells, blocks, DIAGONAL);
        assertTrue(count(blocks) > 10);
    }

    @Test
    void crossingCellsConnectAtTheCrossing() throws Exception {
        // a at the origin, b 30 um further along x: b's dendrites (along z and y at x=30) cross a's axon
        // only at (30, 0, 0); with max 2 um voxels the contact is within 2 sqrt(3) of it
        List<PlacementBlock> blocks = List.of(
                new PlacementBlock(
                        "a",
                        new ChunkId(0, 0, 0),
                        new double[] {0.5, 0.5, 0.5},
                        new double[3],
                        new int[1],
                        List.of("cross")),
                new PlacementBlock(
                        "b",
                        new ChunkId(0, 0, 0),
                        new double[] {30.5, 0.5, 0.5},
                        new double[3],
                        new int[1],
                        List.of("cross")));
        PlacedCells cells = new PlacedCells(new Point3(100, 100, 100), blocks, List.of(cross("cross")));
        var out = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT)
                .run(List.of(task(VoxelIntersectionParameters.DEFAULTS.withMaxVoxelEdge(2.0, 2.0))));
        assertEquals(1, count(out));
        ConnectivityBlock b = out.get(0);
        assertEquals(1, b.preLocations()[1]); // axon branch
        assertEquals(80, b.preLocations()[2], 2.0); // a's axon point at x = 30
        assertTrue(b.postLocations()[1] == 2 || b.postLocations()[1] == 3); // dendrite branches
        assertEquals(50, b.postLocations()[2], 2.0); // b's dendrite point at z = 0 or y = 0
    }

    @Test
    void affinityKeepsThatFractionOfPartners() throws Exception {
        PlacedCells cells = randomNetwork(30, 10, false);
        var all = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT)
                .run(List.of(task(VoxelIntersectionParameters.DEFAULTS)));
        var half = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT)
                .run(List.of(task(VoxelIntersectionParameters.DEFAULTS.withAffinity(0.5))));
        var none = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT)
                .run(List.of(task(VoxelIntersectionParameters.DEFAULTS.withAffinity(0))));
        assertEquals(0, count(none));
        // every cell of a box overlaps all others here; only voxel-overlapping partners connect
        double ratio = count(half) / (double) count(all);
        assertTrue(ratio > 0.35 && ratio < 0.65, "affinity 0.5 kept " + ratio + " of the connections");
    }

    @Test
    void sameSeedSameConnectionsAtOneAndTwoThreads() throws Exception {
        List<PlacementBlock> blocks = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int cx = 0; cx < 3; cx++) {
            for (String type : List.of("a", "b")) {
                int n = 10;
                double[] pos = new double[3 * n];
                for (int i = 0; i < n; i++) {
                    pos[3 * i] = cx * 100 + r.nextDouble(100);
                    pos[3 * i + 1] = r.nextDouble(100);
                    pos[3 * i + 2] = r.nextDouble(100);
                }
                blocks.add(new PlacementBlock(
                        type, new ChunkId(cx, 0, 0), pos, new double[3 * n], new int[n], List.of("cross")));
            }
        }
        PlacedCells cells = new PlacedCells(new Point3(100, 100, 100), blocks, List.of(cross("cross")));
        var t = List.of(task(VoxelIntersectionParameters.DEFAULTS.withAffinity(0.5)));
        var one = new ConnectivityRunner(cells, 5, 1, Reporter.SILENT).run(t);
        var two = new ConnectivityRunner(cells, 5, 2, Reporter.SILENT).run(t);
        assertEquals(render(one), render(two));
        assertTrue(count(one) > 0);
    }

    @Test
    void contactsMayBeDrawnFromADistribution() throws Exception {
        PlacedCells cells = randomNetwork(15, 11, true);
        var p = VoxelIntersectionParameters.DEFAULTS.withContacts(
                Map.of("distribution", "randint", "low", 2L, "high", 4L));
        var blocks = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT).run(List.of(task(p)));
        Map<Long, Integer> perPair = new java.util.HashMap<>();
        for (ConnectivityBlock b : blocks) {
            for (int k = 0; k < b.size(); k++) {
                perPair.merge(b.preLocations()[3 * k] * 1000L + b.postLocations()[3 * k], 1, Integer::sum);
            }
        }
        assertTrue(perPair.size() > 5);
        assertTrue(
                perPair.values().stream().allMatch(n -> n == 2 || n == 3),
                perPair.values().toString());
        assertTrue(perPair.containsValue(2) && perPair.containsValue(3));
        var bad = VoxelIntersectionParameters.DEFAULTS.withContacts(Map.of("distribution", "zipf"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                org.bsb.api.connectivity.ConnectivityException.class,
                () -> new ConnectivityRunner(cells, 1, 1, Reporter.SILENT).run(List.of(task(bad))));
        assertEquals(
                "connectivity.a_to_b: contacts: unsupported distribution 'zipf'; expected a number or one of"
                        + " constant, norm, uniform, randint, poisson",
                e.getMessage());
    }

    @Test
    void worldBoxesRotateTheStoredBounds() {
        Box b = EulerRotation.of(0, 0, 90).apply(new Box(new Point3(0, 0, 0), new Point3(10, 2, 1)));
        assertEquals(-2, b.min().x(), 1e-9);
        assertEquals(0, b.max().x(), 1e-9);
        assertEquals(10, b.max().y(), 1e-9);
    }
}
