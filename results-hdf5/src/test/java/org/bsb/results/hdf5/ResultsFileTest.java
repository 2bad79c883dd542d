package org.bsb.results.hdf5;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.testsupport.SampleResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
    @TempDir
    Path dir;

    /** The tutorial's shape: 100 ms at dt 0.025 gives 4001 samples. */
    static SimulationResults sample() {
        return SampleResults.tutorialShape();
    }

    @Test
    void roundTripThroughJhdf() throws IOException {
        SimulationResults in = sample();
        Path file = ResultsWriter.writeNew(in, dir);
        assertTrue(file.getFileName().toString().matches("neuronsim-\\d{8}T\\d{6}\\.h5"), file.toString());
        SimulationResults out = ResultsReader.read(file);
        assertEquals("neuronsim", out.simulation());
        assertEquals(100.0, out.attributes().get("duration"));
        assertEquals(42L, out.attributes().get("seed"));
        assertEquals("0.1.0", out.attributes().get("software.bsb"));
        assertEquals(3, out.signals().size());
        for (int k = 0; k < 3; k++) {
            Signal a = in.signals().get(k);
            Signal b = out.signals().stream()
                    .filter(s -> s.device().equals(a.device())
                            && s.annotations()
                                    .get("cell_id")
                                    .equals(a.annotations().get("cell_id")))
                    .findFirst()
                    .orElseThrow();
            assertArrayEquals(a.values(), b.values(), 0.0);
            assertEquals(a.units(), b.units());
            assertEquals(a.samplingPeriod(), b.samplingPeriod());
            assertEquals(a.annotations().get("cell_type"), b.annotations().get("cell_type"));
            assertArrayEquals((int[]) a.annotations().get("location"), (int[])
                    b.annotations().get("location"));
        }
        Signal syn = out.signals().stream()
                .filter(s -> s.device().equals("synapses_rec"))
                .findFirst()
                .orElseThrow();
        assertEquals("GABA", syn.annotations().get("synapse_type"));
        assertEquals(2, out.spikes().size());
        assertArrayEquals(new double[] {10.5, 22.25, 87.0}, out.spikes().get(0).times(), 0.0);
        assertEquals(0, out.spikes().get(1).times().length, "an empty spike train survives (as [NaN] with length 0)");
        assertEquals(7, out.spikes().get(1).annotations().get("cell_id"));
    }

    @Test
    void neverOverwritesAndLeavesNoTemporaryFiles() throws IOException {
        Path a = ResultsWriter.writeNew(sample(), dir);
        Path b = ResultsWriter.writeNew(sample(), dir);
        assertNotEquals(a, b);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
        }
        assertTrue(Files.size(a) > 3 * 4001 * 8);
    }

    @Test
    void resultsWithoutSpikesOrWithoutAnything() throws Exception {
        SimulationResults in = sample();
        SimulationResults noSpikes = new SimulationResults("a/b", Map.of(), in.signals(), List.of());
        Path file = ResultsWriter.writeNew(noSpikes, dir);
        assertTrue(file.getFileName().toString().startsWith("a_b-"), "unsafe characters are replaced");
        assertEquals(3, ResultsReader.read(file).signals().size());
        assertEquals(0, ResultsReader.read(file).spikes().size());
        Path nothing = ResultsWriter.writeNew(new SimulationResults("x", Map.of(), List.of(), List.of()), dir);
        assertEquals(0, ResultsReader.read(nothing).signals().size());
        Path h5dump = Path.of("/usr/bin/h5dump");
        if (Files.isExecutable(h5dump)) {
            for (Path f : List.of(file, nothing, ResultsWriter.writeNew(in, dir))) {
                Process p = new ProcessBuilder(h5dump.toString(), "-H", f.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), "h5dump -H " + f);
            }
        }
    }

    @Test
    void rejectsOtherFiles() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.h5"), "not hdf5");
        IOException e = assertThrows(IOException.class, () -> ResultsReader.read(junk));
        assertTrue(e.getMessage().contains("junk.h5"), e.getMessage());
        assertThrows(IOException.class, () -> ResultsReader.read(dir.resolve("missing.h5")));
    }

    /** h5py (an independent HDF5 implementation) reads the same values and attributes. */
    @Test
    void h5pyReadsTheFile() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3 with h5py");
        Path file = ResultsWriter.writeNew(sample(), dir);
        String script = String.join(
                "\n",
                "import h5py, sys",
                "f = h5py.File(sys.argv[1], 'r')",
                "d = lambda x: x.decode() if isinstance(x, bytes) else x",
                "print('format', d(f.attrs['format']), d(f.attrs['simulation']), f.attrs['duration'],"
                        + " f.attrs['resolution'], f.attrs['temperature'], f.attrs['seed'], d(f.attrs['software.java']))",
                "for dev in sorted(f['signals']):",
                "    for k in sorted(f['signals'][dev], key=int):",
                "        s = f['signals'][dev][k]",
                "        print('signal', dev, k, s.dtype, s.shape[0], repr(float(s[0])), repr(float(s[-1])),"
                        + " repr(float(s[:].sum())), d(s.attrs['units']), int(s.attrs['cell_id']),"
                        + " d(s.attrs['cell_type']), list(s.attrs['location']), s.attrs['t_start'],"
                        + " s.attrs['sampling_period'], d(s.attrs.get('synapse_type', '-')))",
                "for dev in sorted(f['spikes']):",
                "    for k in sorted(f['spikes'][dev], key=int):",
                "        s = f['spikes'][dev][k]",
                "        vals = list(s[:s.attrs['length']])",
                "        print('spikes', dev, k, int(s.attrs['cell_id']), vals)");
        Process p = new ProcessBuilder(python.toString(), "-c", script, file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(!out.contains("No module named 'h5py'"), "h5py not installed");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> !l.startsWith("Warning")).toList();
        assertEquals("format bsb-results neuronsim 100.0 0.025 32.0 42 17.0.15", lines.get(0));
        SimulationResults in = sample();
        double[] v0 = in.signals().get(0).values();
        double sum0 = 0;
        for (double x : v0) {
            sum0 += x;
        }
        String[] s0 = lines.get(2).split(" "); // signals sorted: synapses_rec first, then vrecorder 0, 1
        assertEquals("vrecorder", s0[1]);
        assertEquals("float64", s0[3]);
        assertEquals("4001", s0[4]);
        assertEquals(v0[0], Double.parseDouble(s0[5]), 0.0);
        assertEquals(v0[4000], Double.parseDouble(s0[6]), 0.0);
        assertEquals(sum0, Double.parseDouble(s0[7]), 1e-9 * Math.abs(sum0));
        assertTrue(lines.get(2).endsWith("mV 3 stellate_cell [0, 0] 0.0 0.025 -"), lines.get(2));
        assertTrue(lines.get(1).startsWith("signal synapses_rec 0 float64 4001"), lines.get(1));
        assertTrue(lines.get(1).endsWith("nA 3 stellate_cell [12, 4] 0.0 0.025 GABA"), lines.get(1));
        assertEquals("spikes spikes 0 3 [10.5, 22.25, 87.0]", lines.get(4));
        assertEquals("spikes spikes 1 7 []", lines.get(5));
    }
}
