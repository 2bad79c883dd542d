package org.bsb.neuron.nmodl.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Which species the vector forms get (the tests run with --add-modules jdk.incubator.vector, see the pom). */
class VectorFormSpeciesTest {
    private static String speciesFor(String value) {
        String saved = System.getProperty("bsb.nmodl.vector");
        System.setProperty("bsb.nmodl.vector", value);
        try {
            return VectorForm.species();
        } finally {
            if (saved == null) System.clearProperty("bsb.nmodl.vector");
            else System.setProperty("bsb.nmodl.vector", saved);
        }
    }

    @Test
    void thePreferredSpeciesIsFixedToItsWidth() {
        assumeTrue(VectorForm.available(), "needs --add-modules jdk.incubator.vector");
        // found through the platform loader, as inside OSGi, where the bundle's loader does not see the module
        String on = speciesFor("on");
        assertTrue(on != null && on.matches("SPECIES_(128|256|512)"), on);
        assertEquals(Integer.parseInt(on.substring(8)) / 64, VectorForm.lanes(on));
        assertEquals("SPECIES_256", speciesFor("256"));
        assertEquals(4, VectorForm.lanes("SPECIES_256"));
        assertNull(speciesFor("off"));
    }
}
