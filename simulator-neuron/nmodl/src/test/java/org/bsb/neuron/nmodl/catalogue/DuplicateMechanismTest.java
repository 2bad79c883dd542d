package org.bsb.neuron.nmodl.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.spi.MechanismCatalogue.Precedence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One catalogue, one file per mechanism name: two files defining a name in one folder, in two folders of one
 * catalogue (BSB_MECHANISM_PATH) or in one {@code mechanisms:} list are an error naming both. Between catalogues
 * the precedence decides; two of the same precedence providing a name give a warning naming both.
 */
class DuplicateMechanismTest {
    private static final String LEAK = "NEURON { SUFFIX leak NONSPECIFIC_CURRENT i RANGE g }\n"
            + "PARAMETER { g = 0.001 }\nASSIGNED { v i }\nBREAKPOINT { i = g * v }\n";

    private static Path write(Path dir, String file, String text) throws Exception {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(file), text);
    }

    @Test
    void twoFilesOfOneFolder(@TempDir Path dir) throws Exception {
        write(dir, "a_leak.mod", LEAK);
        write(dir, "b_leak.mod", LEAK.replace("0.001", "0.002"));
        NmodlException e =
                assertThrows(NmodlException.class, () -> NmodlCatalogue.fromDirectories("test", List.of(dir)));
        assertEquals(
                dir.resolve("b_leak.mod") + ": test: mechanism leak is also defined by " + dir.resolve("a_leak.mod")
                        + "; a catalogue takes one file per mechanism name (remove or rename one)",
                e.getMessage());
    }

    @Test
    void twoFoldersOfTheMechanismPath(@TempDir Path dir) throws Exception {
        Path first = write(dir.resolve("one"), "leak.mod", LEAK);
        Path second = write(dir.resolve("two"), "other.mod", LEAK);
        NmodlException e = assertThrows(
                NmodlException.class,
                () -> NmodlCatalogue.fromDirectories(
                        "BSB_MECHANISM_PATH", List.of(dir.resolve("one"), dir.resolve("two"))));
        assertEquals(
                second + ": BSB_MECHANISM_PATH: mechanism leak is also defined by " + first
                        + "; a catalogue takes one file per mechanism name (remove or rename one)",
                e.getMessage());
    }

    @Test
    void aConfigsMechanismsList(@TempDir Path dir) throws Exception {
        Path first = write(dir.resolve("mods"), "leak.mod", LEAK);
        Path second = write(dir, "my_leak.mod", LEAK);
        NmodlException e = assertThrows(
                NmodlException.class,
                () -> NmodlCatalogue.forConfig(dir, List.of("mods", "my_leak.mod"), "simulations.s.mechanisms"));
        assertEquals(
                second + ": simulations.s.mechanisms[1]: mechanism leak is also defined by " + first
                        + "; a catalogue takes one file per mechanism name (remove or rename one)",
                e.getMessage());
        // the same file listed twice is two definitions too
        assertThrows(
                NmodlException.class,
                () -> NmodlCatalogue.forConfig(dir, List.of("mods", "mods/leak.mod"), "simulations.s.mechanisms"));
    }

    @Test
    void catalogueSourcesGivenDirectly() {
        NmodlException e = assertThrows(
                NmodlException.class,
                () -> new NmodlCatalogue(
                        "bundle lab",
                        List.of(new NmodlCompiler.Source("a.mod", LEAK), new NmodlCompiler.Source("b.mod", LEAK))));
        assertEquals("b.mod: mechanism leak is also defined by a.mod (bundle lab)", e.getMessage());
    }

    @Test
    void samePrecedenceWarnsNamingBothAndTheOneUsed() {
        NmodlCatalogue path =
                new NmodlCatalogue("BSB_MECHANISM_PATH", List.of(new NmodlCompiler.Source("a/leak.mod", LEAK)));
        NmodlCatalogue bundle =
                new NmodlCatalogue("bundle lab.leak", List.of(new NmodlCompiler.Source("b/leak.mod", LEAK)));
        NmodlCatalogue builtin = new NmodlCatalogue(
                "built-in", Precedence.BUILTIN, List.of(new NmodlCompiler.Source("c/leak.mod", LEAK)));
        List<String> warnings = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(Network.class.getName());
        log.addHandler(h);
        try {
            Network net = new Network(List.of(builtin, path, bundle));
            assertEquals("a/leak.mod", net.mechanism("leak").definedIn());
            assertEquals(
                    List.of("mechanism 'leak' is provided by two installed catalogues: BSB_MECHANISM_PATH and bundle"
                            + " lab.leak; using BSB_MECHANISM_PATH's"),
                    warnings);
            net.mechanism("leak");
            assertEquals(1, warnings.size(), "once per name and network");
            // different precedence: the documented order, no warning
            warnings.clear();
            NmodlCatalogue config = new NmodlCatalogue(
                    "simulations.s.mechanisms",
                    Precedence.CONFIG,
                    List.of(new NmodlCompiler.Source("d/leak.mod", LEAK)));
            Network ordered = new Network(List.of(builtin, path, config));
            assertEquals("d/leak.mod", ordered.mechanism("leak").definedIn());
            assertTrue(warnings.isEmpty(), warnings.toString());
            // the check looks at names only: the other catalogue is not compiled for it (this one would not compile)
            warnings.clear();
            NmodlCatalogue broken = new NmodlCatalogue(
                    "bundle lab.broken",
                    List.of(new NmodlCompiler.Source("e/leak.mod", LEAK + "INITIAL { g = zz }\n")));
            assertEquals(
                    "a/leak.mod",
                    new Network(List.of(path, broken)).mechanism("leak").definedIn());
            assertEquals(1, warnings.size(), warnings.toString());
            assertThrows(NmodlException.class, () -> broken.find("leak"));
        } finally {
            log.removeHandler(h);
        }
    }
}
