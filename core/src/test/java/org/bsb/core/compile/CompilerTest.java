package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.compile.CompileOptions.Mode;
import org.bsb.core.network.Blocks;
import org.bsb.storage.hdf5.H5py;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerTest {
    @TempDir
    Path dir;

    static Compiler compiler(Reporter r) {
        return new Compiler(new Hdf5Engine(), "hdf5", null, r);
    }

    static CompileOptions options(Path out, Mode mode, Long seed, int threads) {
        return new CompileOptions(out, mode, false, false, null, null, seed, threads);
    }

    @Test
    void tutorialPlacesThirtyStellateCellsInsideTheBox() throws Exception {
        Path out = dir.resolve("net.hdf5");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Compiler.Result r = compiler(new StreamReporter(new PrintStream(log, true, StandardCharsets.UTF_8), 3))
                .compile(Tutorial.plan(dir, 1234L), options(out, Mode.NEW, null, 2));
        NetworkData n = new Hdf5Engine().read(out);
        assertEquals(6, n.placement().size());
        Box box = new Box(Point3.ORIGIN, new Point3(100, 200, 300));
        int cells = 0;
        for (PlacementBlock b : n.placement()) {
            assertEquals(5, b.size());
            assertEquals(List.of("StellateCell"), b.morphologyNames());
            Box chunk = b.chunk().box(new Point3(100, 100, 100));
            for (int i = 0; i < b.size(); i++) {
                Point3 p = new Point3(b.positions()[3 * i], b.positions()[3 * i + 1], b.positions()[3 * i + 2]);
                assertTrue(box.contains(p) && chunk.contains(p), p.toString());
                assertEquals(0, b.morphologies()[i]);
            }
            assertArrayEquals(new double[15], b.rotations());
            cells += b.size();
        }
        assertEquals(30, cells);
        assertEquals("StellateCell", n.morphologies().get(0).name());
        assertEquals(120, n.morphologies().get(0).branches().size());
        assertEquals("1234", n.attributes().get("seed"));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Placing 5 stellate_cell in [0 1 2]"), text);
        assertTrue(text.contains("Starting placement strategies: stellate_placement"), text);
        assertEquals(1234L, r.seed());
    }

    @Test
    void sameSeedSameNetworkAtAnyThreadCount() throws Exception {
        CompilePlan plan = Tutorial.plan(dir, new Point3(400, 400, 300), null);
        NetworkData one = compiler(Reporter.SILENT)
                .compile(plan, options(dir.resolve("a.hdf5"), Mode.NEW, 99L, 1))
                .network();
        NetworkData two = compiler(Reporter.SILENT)
                .compile(plan, options(dir.resolve("b.hdf5"), Mode.NEW, 99L, 2))
                .network();
        NetworkData other = compiler(Reporter.SILENT)
                .compile(plan, options(dir.resolve("c.hdf5"), Mode.NEW, 100L, 2))
                .network();
        assertEquals(one.placement().size(), two.placement().size());
        for (int i = 0; i < one.placement().size(); i++) {
            assertTrue(Blocks.same(one.placement().get(i), two.placement().get(i)), "block " + i);
        }
        assertFalse(Blocks.same(one.placement().get(0), other.placement().get(0)));
        // The whole files are byte-identical, not only the datasets.
        assertArrayEquals(
                java.nio.file.Files.readAllBytes(dir.resolve("a.hdf5")),
                java.nio.file.Files.readAllBytes(dir.resolve("b.hdf5")));
    }

    @Test
    void withoutASeedOneIsDrawnAndStored() throws Exception {
        Path out = dir.resolve("net.hdf5");
        Compiler.Result r =
                compiler(Reporter.SILENT).compile(Tutorial.plan(dir, null), options(out, Mode.NEW, null, 1));
        assertEquals(
                Long.toString(r.seed()), new Hdf5Engine().read(out).attributes().get("seed"));
        // Recompiling with the stored seed reproduces the network.
        Path again = dir.resolve("again.hdf5");
        compiler(Reporter.SILENT).compile(Tutorial.plan(dir, null), options(again, Mode.NEW, r.seed(), 1));
        assertArrayEquals(java.nio.file.Files.readAllBytes(out), java.nio.file.Files.readAllBytes(again));
    }

    @Test
    void existingFilesNeedAModeAndAppendRedoBehave() throws Exception {
        Path out = dir.resolve("net.hdf5");
        CompilePlan plan = Tutorial.plan(dir, 5L);
        compiler(Reporter.SILENT).compile(plan, options(out, Mode.NEW, null, 1));
        CompileException e = assertThrows(
                CompileException.class, () -> compiler(Reporter.SILENT).compile(plan, options(out, Mode.NEW, null, 1)));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--clear"), e.getMessage());
        NetworkData appended = compiler(Reporter.SILENT)
                .compile(plan, options(out, Mode.APPEND, 6L, 1))
                .network();
        assertEquals(60, Blocks.counts(appended.placement()).get("stellate_cell"));
        NetworkData redone = compiler(Reporter.SILENT)
                .compile(plan, options(out, Mode.REDO, 7L, 1))
                .network();
        assertEquals(30, Blocks.counts(redone.placement()).get("stellate_cell"));
        NetworkData cleared = compiler(Reporter.SILENT)
                .compile(plan, new CompileOptions(out, Mode.CLEAR, true, false, null, null, 8L, 1))
                .network();
        assertTrue(cleared.placement().isEmpty());
        CompileException only = assertThrows(
                CompileException.class,
                () -> compiler(Reporter.SILENT)
                        .compile(plan, new CompileOptions(out, Mode.CLEAR, false, false, Set.of("nope"), null, 8L, 1)));
        assertTrue(only.getMessage().contains("unknown placement strategy 'nope'"), only.getMessage());
    }

    @Test
    void packingErrorsNameStrategyAndChunk() throws Exception {
        CompilePlan dense = Tutorial.plan(dir, 1L);
        CellTypeSpec crowded = CellTypeSpec.ofDensity("stellate_cell", 4, 2e-3, List.of("StellateCell"));
        CompilePlan plan = new CompilePlan(
                dense.name(),
                dense.configJson(),
                1L,
                dense.topology(),
                java.util.Map.of("stellate_cell", crowded),
                dense.placement(),
                dense.morphologies(),
                null);
        Path out = dir.resolve("net.hdf5");
        CompileException e = assertThrows(
                CompileException.class, () -> compiler(Reporter.SILENT).compile(plan, options(out, Mode.NEW, null, 2)));
        assertTrue(
                e.getMessage().startsWith("placement.stellate_placement in chunk [0 0 0]: Packing factor"),
                e.getMessage());
        assertFalse(java.nio.file.Files.exists(out));
    }

    @Test
    void h5pyReadsTheCountsAndPositionsJavaReports() throws Exception {
        assumeTrue(H5py.available(), "python3-h5py is not installed (apt-get install python3-h5py)");
        Path out = dir.resolve("net.hdf5");
        NetworkData n = compiler(Reporter.SILENT)
                .compile(Tutorial.plan(dir, 3L), options(out, Mode.NEW, null, 2))
                .network();
        String py = H5py.run(out, """
                import h5py, numpy as np
                f = h5py.File(path, 'r')
                g = f['placement/stellate_cell']
                chunks = sorted(g.keys(), key=int)
                pos = np.concatenate([g[c]['position'][()] for c in chunks])
                print(len(pos), ' '.join(chunks))
                print(' '.join(repr(float(x)) for x in pos.ravel()))
                print(f['morphologies/StellateCell/graph'].shape[0])
                """);
        String[] lines = py.split("\n");
        assertEquals("30 0 65536 4294967296 4295032832 8589934592 8590000128", lines[0]);
        StringBuilder java = new StringBuilder();
        for (PlacementBlock b : n.placement()) {
            for (double x : b.positions()) {
                java.append(java.length() == 0 ? "" : " ").append(repr(x));
            }
        }
        String[] a = lines[1].split(" ");
        String[] j = java.toString().split(" ");
        assertEquals(j.length, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.parseDouble(j[i]), Double.parseDouble(a[i]), 0.0, "coordinate " + i);
        }
        assertEquals("120", lines[2]);
    }

    private static String repr(double x) {
        return String.format(Locale.ROOT, "%s", x);
    }
}
