package org.bsb.neuron.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void reportsEveryTenthWithSpeedAndASummary() {
        // a fake clock: 10 ms of wall time per simulated ms, so 0.1x real time throughout
        double[] simulated = {0};
        List<String> lines = new ArrayList<>();
        Progress p = new Progress(
                100,
                (level, message) -> {
                    assertEquals(1, level);
                    lines.add(message);
                },
                () -> (long) (simulated[0] * 10e6));
        for (int step = 1; step <= 400; step++) {
            simulated[0] = step * 0.25;
            p.accept(simulated[0]);
        }
        p.finish(30);
        assertEquals(10, lines.size(), lines.toString());
        assertEquals("t = 10.0/100.0 ms (0.100x real time)", lines.get(0));
        assertEquals("t = 90.0/100.0 ms (0.100x real time)", lines.get(8));
        assertEquals("Simulated 100.0 ms of 30 cells in 1.00 s (0.100x real time)", lines.get(9));
    }
}
