package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class cache writes each entry whole (through AtomicFiles) and reads it back. */
class DiskCacheTest {
    @TempDir
    Path home;

    @Test
    void anEntryIsWrittenWholeWithNoTemporaryFileLeft() throws Exception {
        assumeTrue(System.getenv("BSB_NMODL_CACHE") == null, "BSB_NMODL_CACHE chooses the cache folder");
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            classes.put("a.B", new byte[] {1, 2, 3});
            classes.put("a.C", new byte[70_000]);
            NmodlCompiler.DiskCache.store("k1", classes);
            NmodlCompiler.DiskCache.store("k1", classes); // again over the existing entry
            Map<String, byte[]> read = NmodlCompiler.DiskCache.load("k1");
            assertEquals(List.of("a.B", "a.C"), List.copyOf(read.keySet()));
            assertArrayEquals(classes.get("a.C"), read.get("a.C"));
            try (var files = Files.list(home.resolve(".cache/bsb/nmodl"))) {
                assertEquals(
                        List.of("k1.classes"),
                        files.map(p -> p.getFileName().toString()).toList());
            }
        } finally {
            System.setProperty("user.home", before);
        }
    }
}
