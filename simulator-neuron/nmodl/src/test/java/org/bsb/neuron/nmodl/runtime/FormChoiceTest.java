package org.bsb.neuron.nmodl.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How a phase picks its form while the JIT warms up (the forms give the same bits: speed only). */
class FormChoiceTest {
    /** Calls until the next try of the vector form (at most {@code limit}), or -1. */
    private static int callsUntilTry(NmodlMechanism.FormChoice f, int limit) {
        for (int k = 1; k <= limit; k++) {
            if (f.tryVector()) return k;
            f.ran(false, 1000);
        }
        return -1;
    }

    @Test
    void theVectorFormIsKeptOnceNoSlowerThanTheFastestScalarCall() {
        NmodlMechanism.FormChoice f = new NmodlMechanism.FormChoice();
        assertTrue(callsUntilTry(f, 100) > 0);
        f.ran(true, 50_000); // interpreted: 50 times slower, tried again only after 50 calls
        assertTrue(callsUntilTry(f, 100) >= 50);
        f.ran(true, 900); // compiled
        assertTrue(f.settled());
    }

    @Test
    void aVectorFormSlowerThoughCompiledEightTimesInARowIsGivenUp() {
        NmodlMechanism.FormChoice f = new NmodlMechanism.FormChoice();
        for (int k = 0; k < 7; k++) {
            assertTrue(callsUntilTry(f, 100) > 0);
            f.ran(true, 2000); // twice the scalar call: compiled, but slower (few instances)
        }
        assertTrue(callsUntilTry(f, 100) > 0);
        f.ran(true, 50_000); // an interpreted try breaks the run of slower compiled ones
        for (int k = 0; k < 8; k++) {
            assertTrue(callsUntilTry(f, 100) > 0, "try " + k);
            f.ran(true, 2000);
        }
        assertFalse(f.settled());
        assertTrue(callsUntilTry(f, 10_000) < 0, "the scalar form from then on");
    }
}
