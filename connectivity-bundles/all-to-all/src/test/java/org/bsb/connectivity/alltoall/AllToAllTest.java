package org.bsb.connectivity.alltoall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.connectivity.ConnectivityRunner;
import org.bsb.core.connectivity.ConnectivityTask;
import org.bsb.core.connectivity.Hemitype;
import org.bsb.core.network.PlacedCells;
import org.junit.jupiter.api.Test;

class AllToAllTest {
    static PlacedCells cells() {
        List<PlacementBlock> b = new ArrayList<>();
        b.add(new PlacementBlock("a", new ChunkId(0, 0, 0), new double[3 * 7], new double[3 * 7], fill(7), List.of()));
        b.add(new PlacementBlock("a", new ChunkId(1, 0, 0), new double[3 * 5], new double[3 * 5], fill(5), List.of()));
        b.add(new PlacementBlock("b", new ChunkId(0, 1, 0), new double[3 * 9], new double[3 * 9], fill(9), List.of()));
        b.add(new PlacementBlock(
                "b", new ChunkId(2, 1, 0), new double[3 * 11], new double[3 * 11], fill(11), List.of()));
        return new PlacedCells(new Point3(100, 100, 100), b, List.of());
    }

    static int[] fill(int n) {
        int[] m = new int[n];
        java.util.Arrays.fill(m, -1);
        return m;
    }

    static List<ConnectivityBlock> run(double affinity, int threads) throws Exception {
        var task = new ConnectivityTask(
                "ab",
                new AllToAll(),
                new AllToAll.Parameters(affinity),
                new Hemitype(List.of("a"), List.of()),
                new Hemitype(List.of("b"), List.of()));
        return new ConnectivityRunner(cells(), 11, threads, Reporter.SILENT).run(List.of(task));
    }

    @Test
    void connectsEveryPairOnceAtCellLevel() throws Exception {
        Set<Long> pairs = new HashSet<>();
        for (ConnectivityBlock b : run(1, 2)) {
            for (int k = 0; k < b.size(); k++) {
                assertTrue(pairs.add(b.preLocations()[3 * k] * 1000L + b.postLocations()[3 * k]));
                assertEquals(-1, b.preLocations()[3 * k + 1]);
                assertEquals(-1, b.postLocations()[3 * k + 2]);
            }
        }
        assertEquals(12 * 20, pairs.size());
    }

    @Test
    void affinityIsAProbabilityPerPair() throws Exception {
        int n = run(0.3, 1).stream().mapToInt(ConnectivityBlock::size).sum();
        // binomial(240, 0.3): mean 72, sd 7.1
        assertTrue(Math.abs(n - 72) < 4 * 7.1, "got " + n);
        assertEquals(0, run(0, 1).stream().mapToInt(ConnectivityBlock::size).sum());
        assertEquals(ConnectivityRunnerRender.of(run(0.3, 1)), ConnectivityRunnerRender.of(run(0.3, 2)));
    }

    static final class ConnectivityRunnerRender {
        static String of(List<ConnectivityBlock> blocks) {
            StringBuilder sb = new StringBuilder();
            for (ConnectivityBlock b : blocks) {
                sb.append(b.preChunk())
                        .append(java.util.Arrays.toString(b.preLocations()))
                        .append(java.util.Arrays.toString(b.postLocations()));
            }
            return sb.toString();
        }
    }
}
