package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bsb.commands.BsbCli;
import org.bsb.commands.ErrorReportTest;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placements that cannot be held are refused before any job runs, with the numbers and the config path that
 * asks for them; nothing is written. (Before: ~5e8 cells ran until killed; {@code count: 1e12} said "expected
 * an integer"; per-job counts past 2^31 were silently capped.)
 */
class PlacementLimitsTest {
    @TempDir
    Path dir;

    /** The tutorial's config with another network size and spatial indicator. */
    private String run(String network, String spatial) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Tutorial.swc(dir.resolve("data"));
        Files.deleteIfExists(dir.resolve("my_network.hdf5"));
        String config = CompileCommandTest.CONFIG
                .replace("\"x\": 100.0, \"y\": 200.0, \"z\": 300.0", network)
                .replace("\"density\": 0.000005", spatial);
        Files.writeString(dir.resolve("net.json"), config);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BsbCli.run(
                ServiceLoaderRegistry.load(getClass().getClassLoader()),
                new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                dir,
                "compile",
                "net.json");
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, message);
        assertFalse(Files.exists(dir.resolve("my_network.hdf5")), "no network file written");
        ErrorReportTest.assertNoInternals(message);
        return message;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aVolumeAskingForMoreCellsThanTheHeapHoldsIsRefusedAtOnce() throws Exception {
        // a 300 µm layer of 1e5 x 1e5 µm at 5e-4 per µm³: 1.5e9 cells; refused whatever the heap (no test JVM
        // has the 134 GB that needs)
        String m = run("\"x\": 100000.0, \"y\": 100000.0, \"z\": 300.0", "\"density\": 0.0005");
        assertTrue(m.contains("placement would make about 1.5e+09 cells"), m);
        assertTrue(m.contains("cell_types.stellate_cell.spatial.density") && m.contains("BSB_JAVA_OPTS=-Xmx"), m);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCellTypePast32BitIdsIsRefusedWithItsRealCount() throws Exception {
        String m = run("\"x\": 100000.0, \"y\": 100000.0, \"z\": 300.0", "\"density\": 0.01");
        assertTrue(m.contains("cell_types.stellate_cell.spatial.density asks for about 3.0e+10 cells"), m);
        assertTrue(m.contains("at most 2147483647"), m);
    }

    @Test
    void countsPastTheIntegerRangeSaySo() throws Exception {
        for (String count : new String[] {"1e12", "3000000000", "-3e9"}) {
            String m = run("\"x\": 100.0, \"y\": 200.0, \"z\": 300.0", "\"count\": " + count);
            assertTrue(
                    m.contains("cell_types.stellate_cell.spatial.count")
                            && m.contains("a whole number of at most" + " 2147483647 in magnitude"),
                    m);
        }
    }
}
