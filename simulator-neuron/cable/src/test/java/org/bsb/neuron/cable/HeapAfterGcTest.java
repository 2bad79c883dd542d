package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The peak heap after collections counts the data that is alive, not the garbage around it. */
class HeapAfterGcTest {
    private static final int MB = 1 << 20;

    @Test
    void peakCountsLiveDataAndNotGarbage() throws InterruptedException {
        long[] live;
        try (HeapAfterGc heap = HeapAfterGc.watch()) {
            live = new long[48 * MB / 8]; // 48 MB that stay reachable through the collections below
            live[live.length - 1] = 1;
            for (int k = 0; k < 4; k++) {
                byte[] garbage = new byte[32 * MB]; // unreachable at the next collection
                garbage[k] = 1;
            }
            System.gc();
            // the collectors' notifications arrive on another thread, shortly after the collection
            for (int wait = 0; wait < 100 && heap.collections() == 0; wait++) Thread.sleep(50);
            assertTrue(heap.collections() > 0, "no collection was reported");
            long peak = heap.peakBytes();
            assertTrue(peak >= 48L * MB, "peak " + peak + " below the 48 MB still alive");
            // after the explicit collection, at most the live array, the test JVM's own data and one garbage
            // array that a young collection had not yet reached when an earlier notification came
            assertTrue(peak < 48L * MB + 32L * MB + 64L * MB, "peak " + peak + " counts the garbage");
            String line = heap.summary(1000);
            assertTrue(line.startsWith("peak heap after garbage collection "), line);
            assertTrue(line.endsWith("kB per compartment of 1000"), line);
        }
        assertTrue(live[live.length - 1] == 1);
    }
}
