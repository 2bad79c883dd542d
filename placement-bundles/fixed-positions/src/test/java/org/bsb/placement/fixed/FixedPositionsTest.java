package org.bsb.placement.fixed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.placement.PlacementIndicator;
import org.bsb.api.placement.PlacementJob;
import org.junit.jupiter.api.Test;

class FixedPositionsTest {
    static final Point3 SIZE = new Point3(100, 100, 100);
    static final FixedPositionsParameters P = new FixedPositionsParameters(List.of(
            List.of(10.0, 10.0, 10.0),
            List.of(150.0, 10.0, 10.0),
            List.of(100.0, 0.0, 0.0),
            List.of(20.0, 30.0, 40.0)));

    record Ind(String cellType) implements PlacementIndicator {
        public double radius() {
            throw new AssertionError("FixedPositions needs no radius");
        }

        public int count() {
            throw new AssertionError("FixedPositions needs no count");
        }
    }

    static Map<String, double[]> run(ChunkId chunk) throws Exception {
        Map<String, double[]> placed = new LinkedHashMap<>();
        new FixedPositions().place(new PlacementJob<>() {
            public String strategyName() {
                return "fixed";
            }

            public FixedPositionsParameters parameters() {
                return P;
            }

            public ChunkId chunk() {
                return chunk;
            }

            public Box chunkBox() {
                return chunk.box(SIZE);
            }

            public List<Box> voxels() {
                return List.of();
            }

            public List<PlacementIndicator> indicators() {
                return List.of(new Ind("a"), new Ind("b"));
            }

            public RandomGenerator random() {
                return new SplittableRandom(1);
            }

            public void place(String cellType, double[] positions) {
                placed.put(cellType, positions);
            }

            public Reporter reporter() {
                return Reporter.SILENT;
            }
        });
        return placed;
    }

    @Test
    void oneJobPerChunkHoldingAPosition() {
        assertEquals(
                List.of(new ChunkId(0, 0, 0), new ChunkId(1, 0, 0)),
                new FixedPositions().jobChunks(P, List.of(), SIZE));
    }

    @Test
    void eachChunkPlacesItsOwnPositionsForEveryType() throws Exception {
        Map<String, double[]> c0 = run(new ChunkId(0, 0, 0));
        assertArrayEquals(new double[] {10, 10, 10, 20, 30, 40}, c0.get("a"));
        assertArrayEquals(c0.get("a"), c0.get("b"));
        // (100, 0, 0) lies on the boundary: it belongs to chunk (1, 0, 0) only.
        assertArrayEquals(
                new double[] {150, 10, 10, 100, 0, 0}, run(new ChunkId(1, 0, 0)).get("a"));
    }
}
