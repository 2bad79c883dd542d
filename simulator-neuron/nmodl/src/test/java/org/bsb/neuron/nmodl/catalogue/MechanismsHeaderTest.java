package org.bsb.neuron.nmodl.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bsb.neuron.spi.MechanismCatalogue.Precedence;
import org.junit.jupiter.api.Test;

class MechanismsHeaderTest {
    @Test
    void foldersCarryTheirPrecedence() {
        assertEquals(
                List.of(
                        new MechanismsHeader.Entry("mods", Precedence.INSTALLED),
                        new MechanismsHeader.Entry("bsb-default/mechanisms", Precedence.FALLBACK),
                        new MechanismsHeader.Entry("more", Precedence.INSTALLED)),
                MechanismsHeader.parse(
                        " mods , bsb-default/mechanisms;precedence:=fallback, more;precedence:=installed"));
    }

    @Test
    void unknownDirectivesAndValuesAreErrors() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MechanismsHeader.parse("mods;precedence:=first"));
        assertTrue(e.getMessage().contains("BSB-Mechanisms: precedence of folder 'mods' is 'first'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MechanismsHeader.parse("mods;order:=1"));
        assertTrue(e.getMessage().contains("unknown directive 'order:=1'"), e.getMessage());
    }
}
