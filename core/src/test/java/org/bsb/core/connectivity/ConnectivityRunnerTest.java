package org.bsb.core.connectivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.api.NoParameters;
import org.bsb.api.Reporter;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.network.PlacedCells;
import org.junit.jupiter.api.Test;

class ConnectivityRunnerTest {
    static final Point3 CHUNK = new Point3(100, 100, 100);

    /** Soma point, then a branch of 3 points: dendrite, axon, axon. */
    static Morphology cell() {
        return new Morphology(
                "cell",
                List.of(
                        new Branch(-1, new double[] {0, 0, 0}, new double[] {1}, new int[] {1}),
                        new Branch(
                                0, new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new double[] {1, 1, 1}, new int[] {2, 3, 3
                                })),
                List.of(Set.of(), Set.of("soma"), Set.of("dendrites"), Set.of("axon")));
    }

    static PlacementBlock block(String type, ChunkId c, int n) {
        double[] pos = new double[3 * n];
        for (int i = 0; i < n; i++) {
            pos[3 * i] = c.x() * 100 + 10 + i;
            pos[3 * i + 1] = c.y() * 100 + 10;
            pos[3 * i + 2] = c.z() * 100 + 10;
        }
        return new PlacementBlock(type, c, pos, new double[3 * n], new int[n], List.of("cell"));
    }

    /** Connects every pre cell to a random post cell at the first point of each filtered morphology. */
    static final class RandomPartner implements ConnectionStrategy<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public void connect(ConnectionJob<NoParameters> job) {
            for (CellPopulation pre : job.presynaptic()) {
                for (CellPopulation post : job.postsynaptic()) {
                    if (post.size() == 0) {
                        continue;
                    }
                    int n = pre.size();
                    int[] a = new int[3 * n];
                    int[] b = new int[3 * n];
                    for (int i = 0; i < n; i++) {
                        a[3 * i] = i;
                        b[3 * i] = job.random().nextInt(post.size());
                    }
                    job.connect(pre, post, a, b);
                }
            }
        }
    }

    static final class Inverted implements ConnectionStrategy<NoParameters> {
        final RandomPartner inner = new RandomPartner();

        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public boolean jobsPerPostsynapticChunk() {
            return true;
        }

        @Override
        public void connect(ConnectionJob<NoParameters> job) {
            inner.connect(job);
        }
    }

    static PlacedCells network() {
        List<PlacementBlock> blocks = new ArrayList<>();
        // given out of chunk order on purpose: global ids follow chunk id order
        blocks.add(block("a", new ChunkId(1, 0, 0), 3));
        blocks.add(block("a", new ChunkId(0, 0, 0), 2));
        blocks.add(block("b", new ChunkId(0, 1, 0), 4));
        blocks.add(block("b", new ChunkId(0, 0, 1), 5));
        return new PlacedCells(CHUNK, blocks, List.of(cell()));
    }

    static ConnectivityTask task(String name, ConnectionStrategy<NoParameters> s, List<String> pre, List<String> post) {
        return new ConnectivityTask(
                name,
                s,
                new NoParameters(),
                new Hemitype(pre, List.of("axon")),
                new Hemitype(post, List.of("dendrites")));
    }

    @Test
    void mapsLocationsBackToGlobalIdsAndStoredPoints() throws Exception {
        var blocks = new ConnectivityRunner(network(), 1, 1, Reporter.SILENT)
                .run(List.of(task("ab", new RandomPartner(), List.of("a"), List.of("b"))));
        assertEquals(2, blocks.size(), "one block per presynaptic chunk");
        assertEquals(new ChunkId(0, 0, 0).id(), blocks.get(0).preChunk());
        assertEquals(new ChunkId(1, 0, 0).id(), blocks.get(1).preChunk());
        assertEquals("ab", blocks.get(0).set());
        // chunk (0,0,0) holds a's cells 0..1, chunk (1,0,0) cells 2..4
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1}, blocks.get(0).preLocations());
        assertArrayEquals(new int[] {2, 1, 1, 3, 1, 1, 4, 1, 1}, blocks.get(1).preLocations());
        for (ConnectivityBlock b : blocks) {
            for (int k = 0; k < b.size(); k++) {
                int gid = b.postLocations()[3 * k];
                assertTrue(gid >= 0 && gid < 9);
                // filtered dendrites = stored branch 1 point 0
                assertEquals(1, b.postLocations()[3 * k + 1]);
                assertEquals(0, b.postLocations()[3 * k + 2]);
            }
        }
    }

    @Test
    void hemitypeLabelsSelectTheLabelledCellsKeepingTheirGlobalIds() throws Exception {
        // a's cells: chunk (0,0,0) ids 0..1, chunk (1,0,0) ids 2..4; label ids 1 and 3 "zone", id 4 "other";
        // b's cell 6 (chunk (0,0,1), its 3rd cell) is the only labelled postsynaptic cell
        List<PlacementBlock> blocks = new ArrayList<>();
        blocks.add(block("a", new ChunkId(1, 0, 0), 3).withLabels(List.of(Set.of(), Set.of("zone"), Set.of("other"))));
        blocks.add(block("a", new ChunkId(0, 0, 0), 2).withLabels(List.of(Set.of(), Set.of("zone", "x"))));
        blocks.add(block("b", new ChunkId(0, 1, 0), 4));
        blocks.add(block("b", new ChunkId(0, 0, 1), 5)
                .withLabels(List.of(Set.of(), Set.of(), Set.of("target"), Set.of(), Set.of())));
        PlacedCells cells = new PlacedCells(CHUNK, blocks, List.of(cell()));
        var t = new ConnectivityTask(
                "ab",
                new RandomPartner(),
                new NoParameters(),
                new Hemitype(List.of("a"), List.of("zone"), List.of("axon")),
                new Hemitype(List.of("b"), List.of("target", "absent"), List.of("dendrites")));
        var result = new ConnectivityRunner(cells, 1, 1, Reporter.SILENT).run(List.of(t));
        List<Integer> pre = new ArrayList<>();
        for (ConnectivityBlock b : result) {
            for (int k = 0; k < b.size(); k++) {
                pre.add(b.preLocations()[3 * k]);
                assertEquals(6, b.postLocations()[3 * k], "the one labelled post cell");
            }
        }
        assertEquals(List.of(1, 3), pre, "pre cells with the label 'zone', by global id");
    }

    @Test
    void rotatedCellsWidenTheMorphologyReachToTheirBoundingSphere() {
        // cell(): points from (0,0,0) to (2,0,0); rotated cells may reach 2 µm in any direction
        PlacementBlock still = block("a", new ChunkId(0, 0, 0), 2);
        PlacementBlock turned = new PlacementBlock(
                "b",
                new ChunkId(0, 0, 0),
                still.positions(),
                new double[] {0, 0, 90, 0, 0, 0},
                new int[2],
                List.of("cell"));
        PlacedCells cells = new PlacedCells(CHUNK, List.of(still, turned), List.of(cell()));
        var a = cells.morphologyBounds(List.of("a"));
        assertEquals(0, a.min().x(), 1e-12);
        assertEquals(2, a.max().x(), 1e-12);
        assertEquals(0, a.max().y(), 1e-12);
        var b = cells.morphologyBounds(List.of("b"));
        assertEquals(-2, b.min().y(), 1e-12);
        assertEquals(2, b.max().z(), 1e-12);
    }

    @Test
    void sameSeedSameConnectionsAtAnyThreadCount() throws Exception {
        for (ConnectionStrategy<NoParameters> s : List.of(new RandomPartner(), new Inverted())) {
            var t = List.of(task("ab", s, List.of("a", "b"), List.of("b", "a")));
            var one = new ConnectivityRunner(network(), 42, 1, Reporter.SILENT).run(t);
            var two = new ConnectivityRunner(network(), 42, 2, Reporter.SILENT).run(t);
            var other = new ConnectivityRunner(network(), 43, 2, Reporter.SILENT).run(t);
            assertEquals(render(one), render(two));
            assertNotEquals(render(one), render(other));
        }
    }

    @Test
    void namesSetsPerTypePairWhenSeveralTypes() throws Exception {
        var blocks = new ConnectivityRunner(network(), 1, 2, Reporter.SILENT)
                .run(List.of(task("x", new RandomPartner(), List.of("a", "b"), List.of("b"))));
        Set<String> names = new java.util.TreeSet<>();
        blocks.forEach(b -> names.add(b.set() + ":" + b.preType() + ">" + b.postType()));
        assertEquals(Set.of("x_a_to_b:a>b", "x_b_to_b:b>b"), names);
    }

    @Test
    void invertedJobsStillGroupByPresynapticChunk() throws Exception {
        var blocks = new ConnectivityRunner(network(), 1, 2, Reporter.SILENT)
                .run(List.of(task("inv", new Inverted(), List.of("a"), List.of("b"))));
        // one job per post chunk (2), each connects all 5 a cells
        assertEquals(10, blocks.stream().mapToInt(ConnectivityBlock::size).sum());
        PlacedCells cells = network();
        for (ConnectivityBlock b : blocks) {
            for (int k = 0; k < b.size(); k++) {
                assertEquals(
                        b.preChunk(),
                        cells.chunkOf("a", b.preLocations()[3 * k]).id());
            }
        }
    }

    @Test
    void badLocationsAreReportedWithTheStrategyName() {
        ConnectionStrategy<NoParameters> bad = new ConnectionStrategy<>() {
            @Override
            public Class<NoParameters> parameterType() {
                return NoParameters.class;
            }

            @Override
            public void connect(ConnectionJob<NoParameters> job) {
                CellPopulation p = job.presynaptic().get(0);
                job.connect(p, job.postsynaptic().get(0), new int[] {0, 0, 2}, new int[] {0, -1, -1});
            }
        };
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new ConnectivityRunner(network(), 1, 1, Reporter.SILENT)
                        .run(List.of(task("bad", bad, List.of("a"), List.of("b")))));
        assertTrue(e.getMessage().startsWith("bad: presynaptic location (branch 0, point 2)"), e.getMessage());
    }

    @Test
    void outputNamingFollowsTheOriginal() {
        var one = task("s", new RandomPartner(), List.of("a"), List.of("b"));
        assertEquals("s", OutputNaming.setName(one, "a", "b"));
        var many = task("s", new RandomPartner(), List.of("a"), List.of("b", "c"));
        assertEquals("s_a_to_c", OutputNaming.setName(many, "a", "c"));
    }

    @Test
    void outputNamingRenamesOrDropsPairs() throws Exception {
        var pre = new Hemitype(List.of("a", "b"), List.of());
        var post = new Hemitype(List.of("b"), List.of());
        var naming = new java.util.HashMap<String, Object>();
        naming.put("a", java.util.Map.of("b", "a_onto_b"));
        var bToB = new java.util.HashMap<String, Object>();
        bToB.put("b", null);
        naming.put("b", bToB);
        var t = new ConnectivityTask("x", new RandomPartner(), new NoParameters(), pre, post, naming);
        assertEquals("a_onto_b", OutputNaming.setName(t, "a", "b"));
        assertEquals(null, OutputNaming.setName(t, "b", "b"));
        var blocks = new ConnectivityRunner(network(), 1, 1, Reporter.SILENT).run(List.of(t));
        assertTrue(blocks.stream()
                .allMatch(b -> b.set().equals("a_onto_b") && b.preType().equals("a")));
        assertEquals(5, blocks.stream().mapToInt(ConnectivityBlock::size).sum());
    }

    @Test
    void failuresOfAStrategyNameTheConnectivityNode() {
        ConnectionStrategy<NoParameters> failing = new ConnectionStrategy<>() {
            @Override
            public Class<NoParameters> parameterType() {
                return NoParameters.class;
            }

            @Override
            public void connect(ConnectionJob<NoParameters> job) throws ConnectivityException {
                throw new ConnectivityException("too few cells");
            }
        };
        var e = assertThrows(
                ConnectivityException.class,
                () -> new ConnectivityRunner(network(), 1, 2, Reporter.SILENT)
                        .run(List.of(task("f", failing, List.of("a"), List.of("b")))));
        assertEquals("connectivity.f: too few cells", e.getMessage());
        assertFalse(e.getMessage().contains("Exception"));
    }

    static String render(List<ConnectivityBlock> blocks) {
        StringBuilder sb = new StringBuilder();
        for (ConnectivityBlock b : blocks) {
            sb.append(b.set())
                    .append(b.preChunk())
                    .append(java.util.Arrays.toString(b.preLocations()))
                    .append(java.util.Arrays.toString(b.postLocations()))
                    .append('\n');
        }
        return sb.toString();
    }
}
