package org.bsb.neuron.nmodl.runtime;

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
}
