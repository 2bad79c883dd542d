package org.bsb.neuron.nmodl.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Names resolve as arborize + nmodl-glia resolve them against the dbbs catalogue's names. */
class NameResolverTest {
    private static final List<String> KNOWN = List.of(
            "hh",
            "pas",
            "glia__dbbs__Nav1_6__0",
            "glia__dbbs__Leak__0",
            "glia__dbbs__Leak__GABA",
            "glia__dbbs__NMDA__stellate",
            "glia__dbbs__NMDA__granule",
            "glia__dbbs__Km__granule_cell",
            "glia__dbbs__AMPA__0",
            "glia__dbbs__AMPA__granule",
            "Kv7__0",
            "Kv7__fast");

    private static Optional<String> r(String n) {
        return NameResolver.resolve(n, KNOWN);
    }

    @Test
    void plainAndGliaNames() {
        assertEquals(Optional.of("hh"), r("hh"));
        assertEquals(Optional.of("glia__dbbs__Nav1_6__0"), r("Nav1_6"));
        assertEquals(Optional.of("glia__dbbs__Nav1_6__0"), r("glia__dbbs__Nav1_6__0"));
        assertEquals(Optional.of("glia__dbbs__Leak__0"), r("Leak"), "variant 0 wins over others");
        assertEquals(Optional.of("Kv7__0"), r("Kv7"), "non-glia variants follow the same rule");
    }

    @Test
    void variantsAndTheSingleVariantFallback() {
        assertEquals(Optional.of("glia__dbbs__NMDA__stellate"), r("NMDA__stellate"));
        assertEquals(Optional.of("glia__dbbs__Leak__GABA"), r("Leak__GABA"));
        assertEquals(Optional.of("glia__dbbs__Km__granule_cell"), r("Km"));
        assertEquals(Optional.empty(), r("NMDA"), "two variants and no 0: ambiguous");
    }

    @Test
    void unknownNamesListTheCloseOnes() {
        assertTrue(NameResolver.suggestions("NMDA", KNOWN)
                .containsAll(List.of("glia__dbbs__NMDA__granule", "glia__dbbs__NMDA__stellate")));
        assertEquals(
                List.of("glia__dbbs__Nav1_6__0"),
                NameResolver.suggestions("Nav1_7", KNOWN).subList(0, 1));
        assertTrue(NameResolver.suggestions("zzzzzzzz", KNOWN).isEmpty());
    }
}
