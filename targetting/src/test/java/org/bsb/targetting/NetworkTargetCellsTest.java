package org.bsb.targetting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.junit.jupiter.api.Test;

class NetworkTargetCellsTest {
    @Test
    void idsRunThroughChunksInChunkIdOrder() {
        // chunk (0,1,0) has id 65536, chunk (1,0,0) id 1: the latter's cells come first
        PlacementBlock high = new PlacementBlock(
                "stellate_cell",
                new ChunkId(0, 1, 0),
                new double[] {10, 110, 10},
                new double[3],
                new int[] {0},
                List.of("StellateCell"));
        PlacementBlock low = new PlacementBlock(
                "stellate_cell",
                new ChunkId(1, 0, 0),
                new double[] {110, 10, 10, 150, 50, 90},
                new double[6],
                new int[] {0, 0},
                List.of("StellateCell"));
        NetworkData net =
                new NetworkData("{}", new Point3(100, 100, 100), List.of(), List.of(high, low), List.of(), Map.of());
        NetworkTargetCells cells = new NetworkTargetCells(net, List.of("stellate_cell", "unplaced"));
        assertEquals(3, cells.count("stellate_cell"));
        assertEquals(0, cells.count("unplaced"));
        assertArrayEquals(new double[] {110, 10, 10}, cells.position("stellate_cell", 0));
        assertArrayEquals(new double[] {150, 50, 90}, cells.position("stellate_cell", 1));
        assertArrayEquals(new double[] {10, 110, 10}, cells.position("stellate_cell", 2));
        assertEquals("StellateCell", cells.morphologyName("stellate_cell", 2));
        // sphere r = 100 at (50, 100, 150): d²(0) = 3600+8100+19600 > 1e4, d²(1) = 10000+2500+3600 > 1e4,
        // d²(2) = 1600 + 100 + 19600 > 1e4 -> none; r = 150 (22500) takes 1 (16100) and 2 (21300), not 0 (31300)
        var sphere = new SphereTargetting();
        assertEquals(
                Map.of("stellate_cell", List.of(), "unplaced", List.of()),
                sphere.select(
                        cells,
                        new SphereTargetting.Parameters(List.of(50.0, 100.0, 150.0), 100.0, null, null, null),
                        new SplittableRandom(1)));
        assertEquals(
                List.of(1, 2),
                sphere.select(
                                cells,
                                new SphereTargetting.Parameters(List.of(50.0, 100.0, 150.0), 150.0, null, null, null),
                                new SplittableRandom(1))
                        .get("stellate_cell"));
    }
}
