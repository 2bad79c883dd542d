package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bsb.api.Reporter;
import org.bsb.core.compile.CompileOptions.Mode;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compile killed (SIGKILL) after its new file is fully written but before it replaces the old one. */
class KilledCompileTest {
    @TempDir
    Path dir;

    /** The child: compiles over {@code args[0]} and stops forever just before the rename. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        Hdf5Engine stalling = new Hdf5Engine() {
            @Override
            protected void beforeRename(Path tmp) {
                System.out.println("WRITTEN " + tmp);
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        new Compiler(stalling, "hdf5", null, Reporter.SILENT)
                .compile(
                        Tutorial.plan(dir, 2L),
                        new CompileOptions(Path.of(args[0]), Mode.CLEAR, false, false, null, null, 2L, 1));
    }

    @Test
    void theEarlierNetworkSurvivesAKill() throws Exception {
        Path out = dir.resolve("net.hdf5");
        new Compiler(new Hdf5Engine(), "hdf5", null, Reporter.SILENT)
                .compile(Tutorial.plan(dir, 1L), new CompileOptions(out, Mode.NEW, false, false, null, null, 1L, 1));
        byte[] before = Files.readAllBytes(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledCompileTest.class.getName(),
                        out.toString(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean written = false;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("WRITTEN ")) {
                    written = true;
                    assertTrue(Files.size(Path.of(line.substring(8))) > 0);
                    break;
                }
            }
            assertTrue(written, "the child never reached the rename");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals("1", new Hdf5Engine().read(out).attributes().get("seed"));
        // The killed write leaves a hidden temp file beside the network, never in its place.
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith(".net.hdf5.tmp-")));
        }
        // The next write removes it, since its process is gone.
        new Compiler(new Hdf5Engine(), "hdf5", null, Reporter.SILENT)
                .compile(Tutorial.plan(dir, 1L), new CompileOptions(out, Mode.CLEAR, false, false, null, null, 1L, 1));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".net.hdf5.tmp-")));
        }
        assertArrayEquals(before, Files.readAllBytes(out));
    }
}
