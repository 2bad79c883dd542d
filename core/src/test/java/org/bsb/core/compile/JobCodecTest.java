package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.bsb.api.cluster.JobDescriptor;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.PlacementBlock;
import org.junit.jupiter.api.Test;

/** The data a split compile sends: descriptors and placement blocks as bytes, doubles kept bit for bit. */
class JobCodecTest {
    @Test
    void placementBlocksRoundTripBitForBit() {
        PlacementBlock plain = new PlacementBlock(
                "stellate_cell",
                new ChunkId(1, -2, 3),
                new double[] {0.1, -0.0, Double.MIN_VALUE, 1e300, 5, 6},
                new double[] {0, 90, 180, Double.NaN, 1, 2},
                new int[] {0, 1},
                List.of("A", "B"),
                null);
        PlacementBlock labelled = new PlacementBlock(
                "basket",
                new ChunkId(0, 0, 0),
                new double[] {1, 2, 3},
                new double[] {0, 0, 0},
                new int[] {-1},
                List.of(),
                List.of(Set.of("left", "big")));
        List<PlacementBlock> back = JobCodec.placement(JobCodec.placement(List.of(plain, labelled)));
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            PlacementBlock a = List.of(plain, labelled).get(i);
            PlacementBlock b = back.get(i);
            assertEquals(a.cellType(), b.cellType());
            assertEquals(a.chunk(), b.chunk());
            assertArrayEquals(bits(a.positions()), bits(b.positions()));
            assertArrayEquals(bits(a.rotations()), bits(b.rotations()));
            assertArrayEquals(a.morphologies(), b.morphologies());
            assertEquals(a.morphologyNames(), b.morphologyNames());
            assertEquals(a.labels(), b.labels());
        }
        assertNull(back.get(0).labels());
    }

    @Test
    void damagedBytesAreRefused() {
        byte[] good = JobCodec.placement(List.of());
        assertThrows(IllegalArgumentException.class, () -> JobCodec.placement(new byte[] {1, 2, 3, 4}));
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        assertThrows(IllegalArgumentException.class, () -> JobCodec.placement(longer));
    }

    @Test
    void descriptorsAreDataAndNameTheirJob() {
        JobDescriptor job = new JobDescriptor(
                JobDescriptor.PLACEMENT, "grid", "lab.placement.GridPlacement", new ChunkId(0, 0, 1).id(), 7);
        assertEquals(
                "placement.grid (lab.placement.GridPlacement) in chunk " + new ChunkId(0, 0, 1).id(), job.describe());
        assertThrows(IllegalArgumentException.class, () -> new JobDescriptor("simulate", "x", "y", 0, 0));
        assertThrows(NullPointerException.class, () -> new JobDescriptor(JobDescriptor.CONNECTIVITY, null, "y", 0, 0));
        for (var c : JobDescriptor.class.getRecordComponents()) {
            Class<?> t = c.getType();
            assertEquals(true, t == String.class || t == long.class, c + " is a string or a number");
        }
    }

    private static long[] bits(double[] a) {
        long[] out = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Double.doubleToRawLongBits(a[i]);
        }
        return out;
    }
}
