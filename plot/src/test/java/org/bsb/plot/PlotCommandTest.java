package org.bsb.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;
import org.bsb.results.hdf5.ResultsWriter;
import org.bsb.results.nix.NixWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path dir;

    /** Two cells, 100 ms at 0.025 ms: cell 0 fires at ~20 and ~60 ms (a triangle spike to +30 mV), cell 1 is silent. */
    static SimulationResults results(boolean withSpikeRecorder) {
        int n = 4001;
        double[] v0 = new double[n];
        double[] v1 = new double[n];
        double[] g = new double[n];
        for (int k = 0; k < n; k++) {
            double t = k * 0.025;
            v0[k] = -65 + spike(t, 20) + spike(t, 60);
            v1[k] = -70 + 2 * Math.sin(t / 10);
            g[k] = t >= 10 ? -0.02 * Math.exp(-(t - 10) / 3.0) : 0;
        }
        List<SpikeTrain> spikes = withSpikeRecorder
                ? List.of(new SpikeTrain(
                        "spikes", Map.of("cell_id", 0, "cell_type", "stellate_cell"), new double[] {20, 60}))
                : List.of();
        return new SimulationResults(
                "neuronsim",
                Map.of("duration", 100.0),
                List.of(
                        new Signal("vrecorder", Map.of("cell_id", 0, "cell_type", "stellate_cell"), "mV", 0, 0.025, v0),
                        new Signal("vrecorder", Map.of("cell_id", 1, "cell_type", "stellate_cell"), "mV", 0, 0.025, v1),
                        new Signal(
                                "synapses_rec",
                                Map.of("cell_id", 0, "cell_type", "stellate_cell", "synapse_type", "GABA"),
                                "nA",
                                0,
                                0.025,
                                g)),
                spikes);
    }

    /** A 1 ms triangle from -65 to +30 mV peaking at {@code at}. */
    static double spike(double t, double at) {
        double d = Math.abs(t - at);
        return d < 0.5 ? 95 * (1 - 2 * d) : 0;
    }

    @Test
    void detectsUpwardCrossingsWithInterpolation() {
        // -65 + 95 (1 - 2 |t - 20|) = -20 at |t - 20| = 0.2632: up-crossing at t = 19.7368
        double[] t = SignalGroups.crossings(results(false).signals().get(0), -20);
        assertEquals(2, t.length);
        assertEquals(20 - (1 - 45.0 / 95) / 2, t[0], 1e-9);
        assertEquals(60 - (1 - 45.0 / 95) / 2, t[1], 1e-9);
        assertArrayEquals(
                new double[0], SignalGroups.crossings(results(false).signals().get(1), -20));
    }

    @Test
    void rendersPngFiguresAndCsv() throws Exception {
        Path file = ResultsWriter.writeNew(results(false), dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PlotCommand.run(
                dir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                file.getFileName().toString(),
                "-o",
                "figs",
                "--csv");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        Path figs = dir.resolve("figs");
        for (String name : List.of("voltage-vrecorder.png", "synapses-synapses_rec-GABA.png", "raster.png")) {
            Path png = figs.resolve(name);
            assertTrue(Files.isRegularFile(png), name + " in " + out);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1200, image.getWidth());
            assertEquals(700, image.getHeight());
            boolean raster = name.equals("raster.png");
            int ink = inkPixels(image, !raster);
            assertTrue(ink > (raster ? 30 : 300), name + " has traces drawn: " + ink);
        }
        List<String> csv = Files.readAllLines(figs.resolve("vrecorder.csv"));
        assertEquals("time_ms,stellate_cell_0_mV,stellate_cell_1_mV", csv.get(0));
        assertEquals(4002, csv.size());
        assertEquals("0.0,-65.0,-70.0", csv.get(1));
        String[] at20 = csv.get(1 + 800).split(","); // t = 20 ms: the spike's peak, +30 mV
        assertEquals(20.0, Double.parseDouble(at20[0]), 1e-12);
        assertEquals(30.0, Double.parseDouble(at20[1]), 1e-9);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("raster.png"));
    }

    /** neo's NIX file, the default of {@code bsb simulate}: the same figures and tables as from .h5. */
    @Test
    void readsNixFilesAsWellAsHdf5() throws Exception {
        Path nio = NixWriter.writeNew(results(true), dir);
        Path h5 = ResultsWriter.writeNew(results(true), dir);
        assertEquals(
                0,
                PlotCommand.run(dir, System.out, System.err, nio.getFileName().toString(), "--csv"));
        Path nioPlots = PlotCommand.defaultDirectory(nio);
        assertEquals(
                nio.getFileName().toString().replace(".nio", "-plots"),
                nioPlots.getFileName().toString());
        assertEquals(0, PlotCommand.run(dir, System.out, System.err, h5.toString(), "--csv-only", "-o", "h5-csv"));
        for (String table : List.of("vrecorder.csv", "synapses_rec.csv", "spikes.csv")) {
            assertEquals(
                    Files.readAllLines(dir.resolve("h5-csv").resolve(table)),
                    Files.readAllLines(nioPlots.resolve(table)),
                    table);
        }
        assertTrue(Files.isRegularFile(nioPlots.resolve("voltage-vrecorder.png")));
        assertTrue(Files.isRegularFile(nioPlots.resolve("raster.png")));
        // by signature when the extension says nothing
        Path renamed = Files.copy(nio, dir.resolve("results.bin"));
        assertEquals(
                0, PlotCommand.run(dir, System.out, System.err, renamed.toString(), "--csv-only", "-o", "bin-csv"));
        assertEquals(
                Files.readAllLines(dir.resolve("h5-csv/spikes.csv")),
                Files.readAllLines(dir.resolve("bin-csv/spikes.csv")));
    }

    @Test
    void spikeRecorderTrainsGoToSpikesCsv() throws Exception {
        Path file = ResultsWriter.writeNew(results(true), dir);
        int status = PlotCommand.run(dir, System.out, System.err, file.toString(), "--csv-only", "-o", "csv");
        assertEquals(0, status);
        assertEquals(
                List.of(
                        "device,cell_type,cell_id,time_ms",
                        "spikes,stellate_cell,0,20.0",
                        "spikes,stellate_cell,0,60.0"),
                Files.readAllLines(dir.resolve("csv/spikes.csv")));
        assertTrue(Files.notExists(dir.resolve("csv/raster.png")));
    }

    /** Every form our writers produce draws: no samples (the file's empty form), all NaN, NaN gaps, infinities. */
    @Test
    void emptyAndNonFiniteSignalsAreDrawnWithANote() throws Exception {
        double[] gaps = new double[400];
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = k % 50 == 0 ? Double.NaN : k == 77 ? Double.POSITIVE_INFINITY : -65 + k * 0.01;
        }
        double[] allNaN = new double[400];
        java.util.Arrays.fill(allNaN, Double.NaN);
        SimulationResults r = new SimulationResults(
                "odd",
                Map.of("duration", 10.0),
                List.of(
                        new Signal("vrecorder", Map.of("cell_id", 0, "cell_type", "c"), "mV", 0, 0.025, new double[0]),
                        new Signal("vrecorder", Map.of("cell_id", 1, "cell_type", "c"), "mV", 0, 0.025, allNaN),
                        new Signal("vrecorder", Map.of("cell_id", 2, "cell_type", "c"), "mV", 0, 0.025, gaps),
                        new Signal("empty", Map.of("cell_id", 3, "cell_type", "c"), "mV", 0, 0.025, new double[0])),
                List.of());
        Path file = ResultsWriter.writeNew(r, dir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PlotCommand.run(
                dir, System.out, new PrintStream(err, true, StandardCharsets.UTF_8), file.toString(), "-o", "figs");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        try (var pngs = Files.list(dir.resolve("figs"))) {
            List<Path> files = pngs.filter(p -> p.toString().endsWith(".png")).toList();
            assertEquals(3, files.size(), files.toString()); // two voltage figures and the raster of crossings
            for (Path png : files) {
                assertTrue(ImageIO.read(png.toFile()).getWidth() > 100, png.toString());
            }
        }
        assertTrue(Figures.traces("t", "V", r.signals().subList(0, 3))
                .getTitle()
                .contains("(2 of 3 signals have no finite sample)"));
        assertTrue(Figures.traces("t", "V", r.signals().subList(0, 2))
                .getTitle()
                .contains("(2 of 2 signals have no finite sample)"));
    }

    @Test
    void missingFileIsOneLineError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PlotCommand.run(dir, System.out, new PrintStream(err, true, StandardCharsets.UTF_8), "nope.h5");
        assertEquals(1, status);
        String message = err.toString(StandardCharsets.UTF_8).trim();
        assertTrue(
                message.startsWith("bsb plot: results file ") && message.endsWith("nope.h5 does not exist"), message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void defaultOutputFolderIsBesideTheFile() {
        assertEquals(Path.of("/x/neuronsim-1-plots"), PlotCommand.defaultDirectory(Path.of("/x/neuronsim-1.h5")));
        assertEquals(Path.of("/x/3f2a-plots"), PlotCommand.defaultDirectory(Path.of("/x/3f2a.nio")));
    }

    /** Pixels of trace colour: saturated colours, or for the raster's black dots pure black inside the plot area. */
    private static int inkPixels(BufferedImage image, boolean colour) {
        int n = 0;
        for (int y = 40; y < image.getHeight() - 60; y++) {
            for (int x = 120; x < image.getWidth() - 200; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int g = (rgb >> 8) & 255;
                int b = rgb & 255;
                boolean ink = colour ? Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 : r + g + b < 30;
                if (ink) {
                    n++;
                }
            }
        }
        return n;
    }
}
