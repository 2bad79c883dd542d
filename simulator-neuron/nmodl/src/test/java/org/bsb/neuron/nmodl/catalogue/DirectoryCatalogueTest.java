package org.bsb.neuron.nmodl.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bsb.neuron.spi.MechanismKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCatalogueTest {
    @Test
    void compilesADirectoryInOneGoAndFindsByName(@TempDir Path dir) throws Exception {
        Path src = Path.of("src/test/resources/mod");
        for (String f : List.of("kin3.mod", "facsyn.mod", "cahva.mod")) Files.copy(src.resolve(f), dir.resolve(f));
        Files.writeString(dir.resolve("notes.txt"), "not a mod file");
        NmodlCatalogue c = NmodlCatalogue.fromDirectories("test", List.of(dir));
        assertEquals(List.of("cahva", "facsyn", "kin3"), List.copyOf(c.names()));
        assertEquals(MechanismKind.POINT_PROCESS, c.find("facsyn").orElseThrow().kind());
        assertEquals(3, c.find("facsyn").orElseThrow().weightCount());
        assertEquals(MechanismKind.DENSITY, c.find("kin3").orElseThrow().kind());
        assertTrue(c.find("kin4").isEmpty());
        assertEquals(List.of("kin3"), c.suggestions("kin4"));
    }

    @Test
    void configListsResolveRelativeToTheConfigFolder(@TempDir Path dir) throws Exception {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        Files.copy(Path.of("src/test/resources/mod/kin3.mod"), mods.resolve("kin3.mod"));
        Files.copy(Path.of("src/test/resources/mod/lin2.mod"), dir.resolve("lin2.mod"));
        NmodlCatalogue c = NmodlCatalogue.forConfig(dir, List.of("mods", "lin2.mod"), "simulations.s.mechanisms");
        assertEquals(List.of("kin3", "lin2"), List.copyOf(c.names()));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NmodlCatalogue.forConfig(dir, List.of("mods", "missing"), "simulations.s.mechanisms"));
        assertTrue(e.getMessage().startsWith("simulations.s.mechanisms[1]: expected a directory"), e.getMessage());
    }

    @Test
    void aMissingDirectoryOrABrokenFileIsNamed(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> NmodlCatalogue.fromDirectories("cfg", List.of(dir.resolve("nope"))));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("does not exist"), e.getMessage());
        Files.writeString(dir.resolve("broken.mod"), "NEURON { SUFFIX b }\nBREAKPOINT { x = }\n");
        RuntimeException e2 =
                assertThrows(RuntimeException.class, () -> NmodlCatalogue.fromDirectories("cfg", List.of(dir)));
        assertTrue(e2.getMessage().contains("broken.mod:2:"), e2.getMessage());
    }
}
