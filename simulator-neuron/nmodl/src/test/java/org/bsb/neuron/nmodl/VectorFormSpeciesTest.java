package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.bsb.neuron.nmodl.gen.VectorForm;
import org.junit.jupiter.api.Test;

/** Which species the vector forms get (the tests run with --add-modules jdk.incubator.vector, see the pom). */
class VectorFormSpeciesTest {
    @Test
    void thePreferredSpeciesIsFixedToItsWidth() {
        assumeTrue(VectorForm.available(), "needs --add-modules jdk.incubator.vector");
        // found through the platform loader, as inside OSGi, where the bundle's loader does not see the module
        String on = VectorFormTest.withVector("on", VectorForm::species);
        assertTrue(on != null && on.matches("SPECIES_(128|256|512)"), on);
        assertEquals(Integer.parseInt(on.substring("SPECIES_".length())) / 64, VectorForm.lanes(on));
        assertEquals("SPECIES_256", VectorFormTest.withVector("256", VectorForm::species));
        assertEquals(4, VectorForm.lanes("SPECIES_256"));
        assertNull(VectorFormTest.withVector("off", VectorForm::species));
    }
}
