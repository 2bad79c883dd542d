package org.bsb.neuron.nmodl.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.junit.jupiter.api.Test;

/**
 * Every NEURON mod file of the dbbs catalogue compiles. The catalogue is GPL-3 and not part of the
 * repository: point BSB_MECHANISM_PATH at its dbbs_catalogue/mods/neuron folder to run this test.
 */
class DbbsCatalogueTest {
    @Test
    void everyCatalogueFileCompiles() throws Exception {
        String path = System.getenv("BSB_MECHANISM_PATH");
        assumeTrue(path != null && !path.isBlank(), "BSB_MECHANISM_PATH is not set: dbbs catalogue test skipped");
        List<NmodlCompiler.Source> sources = new ArrayList<>();
        for (String d : path.split(":")) {
            try (Stream<Path> s = Files.list(Path.of(d))) {
                for (Path f : (Iterable<Path>)
                        s.filter(p -> p.toString().endsWith(".mod")).sorted()::iterator) {
                    sources.add(new NmodlCompiler.Source(f.getFileName().toString(), Files.readString(f)));
                }
            }
        }
        assumeTrue(!sources.isEmpty(), "no .mod files under BSB_MECHANISM_PATH");
        int ok = NmodlCompiler.compileAll(sources).size();
        System.out.println("dbbs catalogue: " + ok + " of " + sources.size() + " mod files compiled");
        assertEquals(sources.size(), ok);
        NmodlCatalogue cat = NmodlCatalogue.fromDirectories("test", List.of(Path.of(path.split(":")[0])));
        assertEquals(
                "glia__dbbs__Km__granule_cell",
                ((org.bsb.neuron.nmodl.runtime.NmodlMechanismType)
                                cat.find("Km").orElseThrow())
                        .info()
                        .name());
        assertEquals(
                "glia__dbbs__Nav1_6__0",
                ((org.bsb.neuron.nmodl.runtime.NmodlMechanismType)
                                cat.find("Nav1_6").orElseThrow())
                        .info()
                        .name());
        assertEquals(
                "glia__dbbs__NMDA__stellate",
                ((org.bsb.neuron.nmodl.runtime.NmodlMechanismType)
                                cat.find("NMDA__stellate").orElseThrow())
                        .info()
                        .name());
    }
}
