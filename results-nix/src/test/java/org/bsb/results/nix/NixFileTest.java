package org.bsb.results.nix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.testsupport.SampleResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NixFileTest {
    @TempDir
    Path dir;

    /** The tutorial's shape: 100 ms at dt 0.025 gives 4001 samples. */
    static SimulationResults sample() {
        double[] ca = new double[SampleResults.SAMPLES];
        for (int k = 0; k < ca.length; k++) {
            double t = k * SampleResults.DT;
            ca[k] = 5e-5 + 1e-6 * t;
        }
        Map<String, Object> root = SampleResults.attributes();
        root.put("config", "{\"simulator\":\"neuron\",\"duration\":100.0}");
        List<Signal> signals = SampleResults.signals();
        signals.add(new Signal(
                "ca",
                Map.of("cell_id", 3, "cell_type", "stellate_cell", "location", new int[] {0, 0}, "ion", "ca"),
                "mM",
                0.5,
                0.1,
                ca));
        return new SimulationResults("neuronsim", root, List.copyOf(signals), SampleResults.spikeTrains());
    }

    @Test
    void writesAndReadsBack() throws IOException {
        SimulationResults in = sample();
        Path file = new NixResultsFormat().write(in, dir.resolve("res"));
        assertTrue(
                file.getFileName()
                        .toString()
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\.nio"),
                file.toString());
        SimulationResults out = new NixResultsFormat().read(file);
        assertEquals("neuronsim", out.simulation());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("duration", 100.0);
        expected.put("resolution", 0.025);
        expected.put("temperature", 32.0);
        expected.put("seed", 42);
        expected.put("software.bsb", "0.1.0");
        expected.put("software.java", "17.0.15");
        expected.put("wall_time", 1.25);
        expected.put("config", "{\"simulator\":\"neuron\",\"duration\":100.0}");
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(out.attributes()));
        assertEquals(in.signals().size(), out.signals().size());
        for (int k = 0; k < in.signals().size(); k++) {
            Signal a = in.signals().get(k);
            Signal b = out.signals().get(k);
            assertEquals(a.device(), b.device(), "signals in the order written");
            assertEquals(a.units(), b.units());
            assertEquals(a.tStart(), b.tStart(), 0.0);
            assertEquals(a.samplingPeriod(), b.samplingPeriod(), 0.0);
            assertArrayEquals(a.values(), b.values(), 0.0, "sample for sample");
            assertEquals(a.annotations().keySet(), b.annotations().keySet());
            for (String key : a.annotations().keySet()) {
                Object x = a.annotations().get(key);
                Object y = b.annotations().get(key);
                if (x instanceof int[] xi) {
                    assertArrayEquals(xi, (int[]) y, key);
                } else {
                    assertEquals(x, y, key);
                }
            }
        }
        assertEquals(2, out.spikes().size());
        assertEquals("spikes", out.spikes().get(0).device());
        assertArrayEquals(new double[] {10.5, 22.25, 87.0}, out.spikes().get(0).times(), 0.0);
        assertEquals(
                Map.of("cell_id", 3, "cell_type", "stellate_cell"),
                out.spikes().get(0).annotations());
        assertEquals(0, out.spikes().get(1).times().length, "an empty spike train is an empty dataset");
        assertEquals(
                Map.of("cell_id", 7, "cell_type", "stellate_cell"),
                out.spikes().get(1).annotations());
    }

    @Test
    void readsNeosOwnFile() throws IOException {
        SimulationResults out = NixReader.read(NixStructureTest.REFERENCE);
        SimulationResults in = NixStructureTest.referenceContent();
        assertEquals("neuronsim", out.simulation());
        assertEquals(in.attributes(), out.attributes());
        assertEquals(2, out.signals().size());
        for (int k = 0; k < 2; k++) {
            assertEquals(in.signals().get(k).device(), out.signals().get(k).device());
            assertEquals(in.signals().get(k).units(), out.signals().get(k).units());
            assertArrayEquals(in.signals().get(k).values(), out.signals().get(k).values(), 0.0);
            assertEquals(0.025, out.signals().get(k).samplingPeriod(), 0.0);
        }
        assertArrayEquals(
                new int[] {2, 5}, (int[]) out.signals().get(1).annotations().get("location"));
        assertEquals("AMPA", out.signals().get(1).annotations().get("synapse_type"));
        assertEquals(2, out.spikes().size());
        assertArrayEquals(new double[] {1.5, 20.25, 60}, out.spikes().get(0).times(), 0.0);
        assertEquals(0, out.spikes().get(1).times().length);
        assertEquals(
                Map.of("cell_id", 4, "cell_type", "stellate_cell"),
                out.spikes().get(1).annotations());
    }

    @Test
    void neverOverwritesAndLeavesNoTemporaryFiles() throws IOException {
        Path a = NixWriter.writeNew(sample(), dir);
        Path b = NixWriter.writeNew(sample(), dir);
        assertNotEquals(a, b);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
        }
        assertTrue(Files.size(a) > 4 * 4001 * 8);
    }

    @Test
    void resultsWithoutSpikesOrWithoutAnything() throws Exception {
        SimulationResults in = sample();
        Path file = NixWriter.writeNew(new SimulationResults("a/b", Map.of(), in.signals(), List.of()), dir);
        assertEquals("a/b", NixReader.read(file).simulation());
        assertEquals(4, NixReader.read(file).signals().size());
        assertEquals(0, NixReader.read(file).spikes().size());
        Path nothing = NixWriter.writeNew(new SimulationResults("x", Map.of(), List.of(), List.of()), dir);
        assertEquals(0, NixReader.read(nothing).signals().size());
        Path h5dump = Path.of("/usr/bin/h5dump");
        if (Files.isExecutable(h5dump)) {
            for (Path f : List.of(file, nothing, NixWriter.writeNew(in, dir))) {
                Process p = new ProcessBuilder(h5dump.toString(), f.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), "h5dump " + f);
            }
        }
    }

    /** Strings spread over many heap collections, one longer than a collection, non-ASCII text. */
    @Test
    void manyAndLongStrings() throws IOException {
        String config = "{\"x\":\"" + "é".repeat(6000) + "\"}";
        List<Signal> signals = new java.util.ArrayList<>();
        for (int k = 0; k < 300; k++) {
            signals.add(new Signal(
                    "rec-" + k,
                    Map.of("cell_id", k, "cell_type", "Purkinje cell ü", "tag", "t".repeat(k)),
                    "mV",
                    0,
                    0.1,
                    new double[] {k, k + 1}));
        }
        Path file = NixWriter.writeNew(new SimulationResults("σim", Map.of("config", config), signals, List.of()), dir);
        SimulationResults out = NixReader.read(file);
        assertEquals("σim", out.simulation());
        assertEquals(config, out.attributes().get("config"));
        for (int k = 0; k < 300; k++) {
            Signal s = out.signals().get(k);
            assertEquals("rec-" + k, s.device());
            assertEquals("Purkinje cell ü", s.annotations().get("cell_type"));
            assertEquals("t".repeat(k), s.annotations().get("tag"));
            assertArrayEquals(new double[] {k, k + 1}, s.values(), 0.0);
        }
    }

    @Test
    void rejectsOtherFiles() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.nio"), "not hdf5");
        IOException e = assertThrows(IOException.class, () -> NixReader.read(junk));
        assertTrue(e.getMessage().contains("junk.nio"), e.getMessage());
        assertThrows(IOException.class, () -> NixReader.read(dir.resolve("missing.nio")));
        assertTrue(!NixReader.isNix(junk));
        assertTrue(NixReader.isNix(NixStructureTest.REFERENCE));
    }

    /**
     * h5py (the HDF5 library itself) reads the file as nixpy does: creation-ordered links, hard
     * links with their reference counts, values, and the empty spike train.
     */
    @Test
    void h5pyReadsTheFile() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3 with h5py");
        Path file = NixWriter.writeNew(sample(), dir);
        String script = String.join(
                "\n",
                "import h5py, sys",
                "f = h5py.File(sys.argv[1], 'r')",
                "d = lambda x: x.decode() if isinstance(x, bytes) else str(x)",
                "print('root', d(f.attrs['format']), list(f.attrs['version']))",
                "blocks = f['data']",
                "name, _ = blocks.id.links.iterate(lambda n: n, idx_type=h5py.h5.INDEX_CRT_ORDER, order=h5py.h5.ITER_INC, idx=0)",
                "b = blocks[name]",
                "print('block', d(b.attrs['type']), d(b['metadata/properties/neo_name'][0]), h5py.h5o.get_info(b['metadata'].id).rc)",
                "seg = b['groups'][list(b['groups'])[0]]",
                "for k in seg['data_arrays']:",
                "    da = seg['data_arrays'][k]",
                "    dim = da['dimensions/1']",
                "    p = da['metadata/properties']",
                "    print('signal', d(p['neo_name'][0]), d(da.attrs['unit']), da['data'].shape[0], repr(float(da['data'][-1])),"
                        + " dim.attrs['sampling_interval'], dim.attrs['offset'], d(dim.attrs['label']), int(p['cell_id'][0]),"
                        + " list(p['location'][:]), h5py.h5o.get_info(da.id).rc)",
                "for k in seg['multi_tags']:",
                "    mt = seg['multi_tags'][k]",
                "    p = mt['metadata/properties']",
                "    print('spikes', d(p['device'][0]), int(p['cell_id'][0]), list(mt['positions/data'][:]), p['t_stop'][0])");
        Process p = new ProcessBuilder(python.toString(), "-c", script, file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(!out.contains("No module named 'h5py'"), "h5py not installed");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> !l.startsWith("Warning")).toList();
        assertEquals("root nix [1, 2, 1]", lines.get(0));
        assertEquals("block neo.block neuronsim 2", lines.get(1), "the block's section is linked from /metadata too");
        double[] v0 = sample().signals().get(0).values();
        assertEquals("signal vrecorder mV 4001 " + v0[4000] + " 0.025 0.0 time 3 [0, 0] 2", lines.get(2));
        assertTrue(lines.get(4).startsWith("signal synapses_rec nA 4001 "), lines.get(4));
        assertTrue(
                lines.get(5).startsWith("signal ca mM 4001 ") && lines.get(5).contains(" 0.1 0.5 time "), lines.get(5));
        assertEquals("spikes spikes 3 [10.5, 22.25, 87.0] 100.0", lines.get(6));
        assertEquals("spikes spikes 7 [] 100.0", lines.get(7));
    }
}
