package org.bsb.neuron.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run that cannot fit in the heap is refused before any array is made, with the numbers. */
class MemoryEstimateTest {
    private static Network cable(int nseg, int probes) {
        float[] x = {0, 1000};
        float[] y = {0, 0};
        float[] d = {1, 1};
        CableSection s = new CableSection("axon", List.of("axon"), -1, x, y, y, d, nseg, 100, 1, List.of(), Map.of());
        Network net = new Network(List.of());
        int c = net.addCell(new CableCell("c", List.of(s)));
        for (int k = 0; k < probes; k++) {
            net.probeVoltage(c, 0, (k + 0.5) / probes);
        }
        return net;
    }

    @Test
    void countsNodesAndRecordings() {
        // one section of 100 segments: root node, 100 centres, the 1-end node; 3 probes of 401 samples
        MemoryEstimate e = MemoryEstimate.of(cable(100, 3), new SimSettings(0.025, 10, 6.3, -65));
        assertEquals(102, e.compartments());
        assertEquals(3 * 401, e.samples());
        assertEquals((long) (8 * 1.5 * (40 * 102 + 2 * 3 * 401)), e.bytes());
    }

    @Test
    void aRunThatCannotFitIsRefusedWithWhatItNeedsAndHowToGiveMore() {
        // 200 probes over 10^7 ms at 0.025 ms: 8e11 samples, more than any heap here holds
        Network net = cable(10, 200);
        MemoryEstimate.SimulationTooLargeException e = assertThrows(
                MemoryEstimate.SimulationTooLargeException.class,
                () -> Simulator.run(net, new SimSettings(0.025, 1e7, 6.3, -65), 1));
        assertTrue(
                e.getMessage().startsWith("this simulation needs about ")
                        && e.getMessage().contains("GB of heap"),
                e.getMessage());
        assertTrue(e.getMessage().contains("200 recorded signals of 400000001 samples"), e.getMessage());
        assertTrue(e.getMessage().contains("BSB_JAVA_OPTS=-Xmx"), e.getMessage());
        MemoryEstimate small = MemoryEstimate.of(cable(10, 1), new SimSettings(0.025, 10, 6.3, -65));
        small.requireAtMost(small.bytes()); // exactly enough passes
        assertThrows(MemoryEstimate.SimulationTooLargeException.class, () -> small.requireAtMost(small.bytes() - 1));
    }

    @Test
    void aDurationOfMoreStepsThanARunTakesIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new SimSettings(0.025, 1e300, 6.3, -65));
        assertTrue(
                e.getMessage().contains("a duration of 1.0E300 ms at a resolution of 0.025 ms is 4.00e+301 steps"),
                e.getMessage());
    }
}
