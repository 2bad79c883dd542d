package org.bsb.neuron.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.devices.DeviceException;
import org.bsb.neuron.model.MechanismId;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismCatalogue.Precedence;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's synapse names against a user's catalogue and the embedded default synapses: the root
 * cause of the network-fidelity bug was that "AMPA" and ("NMDA", "stellate") resolved to the default
 * model's own AMPA/NMDA (a fallback) although the dbbs catalogue was installed.
 */
class MechanismResolverTest {
    private static NmodlCatalogue catalogue(String origin, Precedence precedence, String... pointProcesses) {
        List<NmodlCompiler.Source> sources = new ArrayList<>();
        for (String name : pointProcesses) {
            sources.add(new NmodlCompiler.Source(
                    name + ".mod", "NEURON { POINT_PROCESS " + name + " RANGE g }\nASSIGNED { g }\n"));
        }
        return new NmodlCatalogue(origin, precedence, sources);
    }

    private static final NmodlCatalogue FALLBACK =
            catalogue("default model", Precedence.FALLBACK, "AMPA", "NMDA", "GABA");
    private static final NmodlCatalogue DBBS = catalogue(
            "BSB_MECHANISM_PATH",
            Precedence.INSTALLED,
            "glia__dbbs__AMPA__0",
            "glia__dbbs__NMDA__stellate",
            "glia__dbbs__GABA__0");

    @Test
    void anInstalledCatalogueWinsOverTheFallbackWhateverTheServiceOrder() {
        for (List<MechanismCatalogue> order :
                List.<List<MechanismCatalogue>>of(List.of(FALLBACK, DBBS), List.of(DBBS, FALLBACK))) {
            MechanismResolver r = new MechanismResolver(order);
            assertEquals("glia__dbbs__AMPA__0", r.resolve(new MechanismId("AMPA", null)));
            assertEquals("glia__dbbs__NMDA__stellate", r.resolve(new MechanismId("NMDA", "stellate")));
            assertEquals("glia__dbbs__GABA__0", r.resolve(new MechanismId("GABA", null)));
            assertTrue(
                    r.choices().get(0).contains("BSB_MECHANISM_PATH, installed"),
                    r.choices().toString());
            // the engine, given the same catalogues, hands out the installed type for the resolved name
            assertEquals(
                    "glia__dbbs__AMPA__0",
                    new Network(order).mechanism("glia__dbbs__AMPA__0").name());
        }
    }

    @Test
    void withoutAnInstalledCatalogueTheFallbackServesTheDefaultModel() {
        MechanismResolver r = new MechanismResolver(List.of(FALLBACK));
        assertEquals("AMPA", r.resolve(new MechanismId("AMPA", null)));
        assertEquals("NMDA", r.resolve(new MechanismId("NMDA", "stellate"))); // variant absent: its bare name
        assertTrue(
                r.choices().get(0).endsWith("(default model, fallback)"),
                r.choices().toString());
    }

    @Test
    void aConfigListWinsOverInstalledCatalogues() {
        NmodlCatalogue config = catalogue("simulations.s.mechanisms", Precedence.CONFIG, "glia__lab__AMPA__0");
        MechanismResolver r = new MechanismResolver(List.of(FALLBACK, DBBS, config));
        assertEquals("glia__lab__AMPA__0", r.resolve(new MechanismId("AMPA", null)));
        assertEquals("glia__dbbs__GABA__0", r.resolve(new MechanismId("GABA", null)));
    }

    @Test
    void anUnknownIdNamesTheClosestKnownName() {
        DeviceException e = assertThrows(
                DeviceException.class,
                () -> new MechanismResolver(List.of(FALLBACK, DBBS)).resolve(new MechanismId("AMPB", null)));
        assertTrue(e.getMessage().contains("'AMPB' is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'AMPA'"), e.getMessage());
    }
}
