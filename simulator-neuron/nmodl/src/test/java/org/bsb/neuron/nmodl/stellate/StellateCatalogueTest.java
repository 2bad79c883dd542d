package org.bsb.neuron.nmodl.stellate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenarios a and c of the NEURON reference with the dbbs catalogue compiled by this compiler: every soma
 * spike within 0.1 ms of NEURON's, the subthreshold soma trace within 0.5 mV. Needs the (GPL, not
 * committed) catalogue in BSB_MECHANISM_PATH and the shared reference data; skipped otherwise.
 */
class StellateCatalogueTest {
    static Path data;
    static NmodlCatalogue cat;
    static CableCell cell;

    @BeforeAll
    static void setUp() throws Exception {
        String path = System.getenv("BSB_MECHANISM_PATH");
        data = StellateComparison.dataDir();
        assumeTrue(
                path != null && !path.isBlank(), "BSB_MECHANISM_PATH not set: Stellate catalogue comparison skipped");
        assumeTrue(data != null, "shared NEURON reference data not found (set BSB_NEURON_DATA): comparison skipped");
        List<Path> dirs = new ArrayList<>();
        for (String d : path.split(":")) dirs.add(Path.of(d));
        cat = NmodlCatalogue.fromDirectories("BSB_MECHANISM_PATH", dirs);
        cell = StellateComparison.buildCell(data);
    }

    private static void check(StellateComparison.Result r) {
        System.out.println(r);
        assertTrue(r.spikesMatch(0.1), "soma spikes differ: " + r);
        assertTrue(r.maxSubthresholdDv() <= 0.5, "subthreshold soma trace differs: " + r);
    }

    @Test
    void scenarioARest() throws Exception {
        check(StellateComparison.compare(data, cell, cat, "a (rest)", "a_rest.csv", 0));
    }

    @Test
    void scenarioC01nA() throws Exception {
        check(StellateComparison.compare(data, cell, cat, "c (0.1 nA)", "c_iclamp_0.1nA.csv", 0.1));
    }

    @Test
    void scenarioC03nA() throws Exception {
        check(StellateComparison.compare(data, cell, cat, "c (0.3 nA)", "c_iclamp_0.3nA.csv", 0.3));
    }
}
