package org.bsb.benchmarks.nmodl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.nmodl.stellate.StellateComparison;
import org.bsb.testsupport.ProjectPaths;

/**
 * The Stellate cell with the dbbs catalogue compiled by the NMODL compiler against NEURON's reference traces
 * (scenario a: rest, c: IClamp 0.1 / 0.3 nA), as {@code StellateCatalogueTest} checks them, printed.
 * Needs BSB_MECHANISM_PATH (the catalogue's mods/neuron) and the NEURON reference data (BSB_NEURON_DATA).
 */
public final class StellateVersusNeuron {
    private StellateVersusNeuron() {}

    public static void main(String[] args) throws Exception {
        Path data = ProjectPaths.neuronData().orElse(null);
        String path = System.getenv("BSB_MECHANISM_PATH");
        if (data == null || path == null) {
            System.err.println("set BSB_MECHANISM_PATH (dbbs catalogue mods/neuron) and BSB_NEURON_DATA (shared data)");
            System.exit(2);
        }
        List<Path> dirs = new ArrayList<>();
        for (String d : path.split(":")) dirs.add(Path.of(d));
        long t0 = System.nanoTime();
        NmodlCatalogue cat = NmodlCatalogue.fromDirectories("BSB_MECHANISM_PATH", dirs);
        CableCell cell = StellateComparison.buildCell(data);
        cat.types();
        System.out.printf(
                "catalogue: %d mechanisms compiled in %.1f s%n", cat.names().size(), (System.nanoTime() - t0) / 1e9);
        System.out.println(StellateComparison.compare(data, cell, cat, "a (rest)", "a_rest.csv", 0));
        System.out.println(StellateComparison.compare(data, cell, cat, "c (0.1 nA)", "c_iclamp_0.1nA.csv", 0.1));
        System.out.println(StellateComparison.compare(data, cell, cat, "c (0.3 nA)", "c_iclamp_0.3nA.csv", 0.3));
    }
}
