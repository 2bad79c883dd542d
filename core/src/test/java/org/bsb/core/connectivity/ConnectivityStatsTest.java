package org.bsb.core.connectivity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.core.network.ConnectivityStats;
import org.bsb.core.network.PlacedCells;
import org.junit.jupiter.api.Test;

class ConnectivityStatsTest {
    // a0 -> b0 twice (two synapses), a0 -> b1, a1 -> b1; a2 and b2 unconnected
    static final List<ConnectivityBlock> BLOCKS = List.of(
            new ConnectivityBlock(
                    "s", "a", "b", new ChunkId(0, 0, 0).id(), new int[] {0, 1, 2, 0, 1, 3, 0, 1, 4}, new int[] {
                        0, 5, 5, 0, 5, 6, 1, 2, 2
                    }),
            new ConnectivityBlock("s", "a", "b", new ChunkId(1, 0, 0).id(), new int[] {1, 1, 1}, new int[] {1, 3, 3}));

    @Test
    void countsConnectionsPairsAndDegrees() {
        var s = ConnectivityStats.of(BLOCKS, t -> Map.of("a", 3L, "b", 3L).get(t))
                .get(0);
        assertEquals(4, s.connections());
        assertEquals(3, s.pairs());
        // out-degrees 3, 1, 0
        assertEquals(4 / 3.0, s.out().mean(), 1e-12);
        assertEquals(Math.sqrt((9 + 1 + 0) / 3.0 - 16 / 9.0), s.out().sd(), 1e-12);
        assertEquals(0, s.out().min());
        assertEquals(3, s.out().max());
        assertEquals(1, s.out().unconnected());
        // in-degrees 2, 2, 0
        assertEquals(2, s.in().max());
        assertEquals(1, s.in().unconnected());
        assertEquals(
                "s (a -> b): 4 connections between 3 cell pairs",
                ConnectivityStats.format(List.of(s)).get(0));
    }

    @Test
    void loadsByPreOrPostChunk() {
        PlacedCells cells = ConnectivityRunnerTest.network();
        // b: chunk (0,1,0) holds ids 0..3, chunk (0,0,1) ids 4..8
        var blocks = List.of(new ConnectivityBlock(
                "s", "a", "b", new ChunkId(0, 0, 0).id(), new int[] {0, 1, 1, 1, 1, 1}, new int[] {3, 0, 0, 4, 0, 0}));
        var index = new ConnectionIndex(blocks, cells);
        assertEquals(2, index.outgoing("s", new ChunkId(0, 0, 0)).size());
        assertEquals(0, index.outgoing("s", new ChunkId(1, 0, 0)).size());
        assertArrayEquals(
                new int[] {0, 1, 1}, index.incoming("s", new ChunkId(0, 1, 0)).pre());
        assertArrayEquals(
                new int[] {4, 0, 0}, index.incoming("s", new ChunkId(0, 0, 1)).post());
    }
}
