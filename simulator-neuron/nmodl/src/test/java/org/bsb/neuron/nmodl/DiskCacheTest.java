package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class cache writes each entry whole (through AtomicFiles) and reads it back, declarations included. */
class DiskCacheTest {
    @TempDir
    Path home;

    private String savedHome;

    /** The cache under a home of its own (BSB_NMODL_CACHE, when set, would choose another folder). */
    @BeforeEach
    void homeInTempDir() {
        assumeTrue(System.getenv("BSB_NMODL_CACHE") == null, "BSB_NMODL_CACHE chooses the cache folder");
        savedHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        if (savedHome != null) System.setProperty("user.home", savedHome);
    }

    @Test
    void anEntryIsWrittenWholeWithNoTemporaryFileLeft() throws Exception {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put("a.B", new byte[] {1, 2, 3});
        classes.put("a.C", new byte[70_000]);
        MechanismInfo info = new MechanismInfo(
                "cad",
                "first.mod",
                false,
                false,
                List.of(
                        new MechanismInfo.Field("depth", MechanismInfo.FieldKind.PARAMETER, 0.1, true, false, 0),
                        new MechanismInfo.Field("ca", MechanismInfo.FieldKind.STATE, -0.0, true, false, 3)),
                List.of(new MechanismInfo.Ion("ca", List.of("ica"), List.of("cai"), Double.NaN)),
                2,
                false,
                true,
                List.of("FUNCTION f"));
        DiskCache.store("k1", new DiskCache.Entry(classes, info));
        DiskCache.store("k1", new DiskCache.Entry(classes, info)); // again over the existing entry
        DiskCache.Entry read = DiskCache.load("k1", "second.mod");
        assertEquals(List.of("a.B", "a.C"), List.copyOf(read.classes().keySet()));
        assertArrayEquals(classes.get("a.C"), read.classes().get("a.C"));
        // the same content read under another file name: everything as stored but the file
        assertEquals(
                new MechanismInfo(
                        "cad",
                        "second.mod",
                        false,
                        false,
                        info.fields(),
                        info.ions(),
                        2,
                        false,
                        true,
                        info.recursive()),
                read.info());
        try (var files = Files.list(home.resolve(".cache/bsb/nmodl"))) {
            assertEquals(
                    List.of("k1.classes"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        // an entry cut short is damaged: read as absent, so it is compiled again
        Path entry = home.resolve(".cache/bsb/nmodl/k1.classes");
        byte[] whole = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(whole, whole.length - 5));
        assertNull(DiskCache.load("k1", "first.mod"));
    }

    @Test
    void aFileCompiledBeforeIsNotParsedAgainForItsName() throws Exception {
        String text = "NEURON { SUFFIX tiny RANGE g }\nPARAMETER { g = 1 }\n";
        NmodlCompiler.compile("a.mod", text);
        // the entry's declarations under another name: a name read back can only come from the entry
        DiskCache.Entry entry = DiskCache.load(NmodlCompiler.key(text), "a.mod");
        MechanismInfo i = entry.info();
        DiskCache.store(
                NmodlCompiler.key(text),
                new DiskCache.Entry(
                        entry.classes(),
                        new MechanismInfo(
                                "renamed_in_cache",
                                i.file(),
                                i.pointProcess(),
                                i.artificialCell(),
                                i.fields(),
                                i.ions(),
                                i.netReceiveArgs(),
                                i.writesCurrent(),
                                i.electrodeCurrent(),
                                i.recursive())));
        assertEquals("tiny", NmodlCompiler.mechanismName("a.mod", text)); // this JVM's compiled type
        assertEquals("renamed_in_cache", NmodlCompiler.mechanismName("b.mod", text)); // read from disk
        // content never compiled is parsed, with the parser's errors
        assertThrows(NmodlException.class, () -> NmodlCompiler.mechanismName("c.mod", "this is not NMODL"));
    }
}
