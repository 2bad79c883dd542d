package org.bsb.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders a results file's figures as PNG files (XChart, no display needed). */
public final class Figures {
    /** Beyond this many traces a figure shows the first ones and says so in its title. */
    static final int MAX_TRACES = 40;

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 700;

    private Figures() {}

    /** Writes every figure into {@code dir} and returns the files written. */
    public static List<Path> render(SimulationResults results, Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, List<Signal>> e : SignalGroups.voltages(results).entrySet()) {
            out.add(save(
                    traces(results.simulation() + ": membrane potential, " + e.getKey(), "V (mV)", e.getValue()),
                    dir,
                    "voltage-" + e.getKey(),
                    used));
        }
        for (Map.Entry<String, List<Signal>> e :
                SignalGroups.synapticCurrents(results).entrySet()) {
            String[] deviceType = e.getKey().split("/", 2);
            String units = e.getValue().get(0).units();
            out.add(save(
                    traces(
                            results.simulation() + ": " + deviceType[1] + " synaptic current, " + deviceType[0],
                            "I (" + units + ")",
                            e.getValue()),
                    dir,
                    "synapses-" + deviceType[0] + "-" + deviceType[1],
                    used));
        }
        for (Map.Entry<String, List<Signal>> e : SignalGroups.others(results).entrySet()) {
            String units = e.getValue().get(0).units();
            out.add(save(
                    traces(
                            results.simulation() + ": " + e.getKey(),
                            units == null || units.isEmpty() ? "value" : units,
                            e.getValue()),
                    dir,
                    "signals-" + e.getKey(),
                    used));
        }
        List<SpikeTrain> spikes = SignalGroups.spikes(results);
        if (!spikes.isEmpty()) {
            Object duration = results.attributes().get("duration");
            out.add(save(
                    raster(
                            results.simulation() + ": spike raster"
                                    + (results.spikes().isEmpty()
                                            ? " (detected at " + (int) SignalGroups.SPIKE_THRESHOLD_MV + " mV)"
                                            : ""),
                            spikes,
                            duration instanceof Number n ? n.doubleValue() : Double.NaN),
                    dir,
                    "raster",
                    used));
        }
        return out;
    }

    /**
     * One line per signal. Signals without a finite sample (no samples at all: the results file's empty form;
     * or all NaN/infinite) cannot be drawn: the title says how many; non-finite samples inside a signal are
     * gaps in its line.
     */
    static XYChart traces(String title, String yAxis, List<Signal> signals) {
        List<Signal> drawable = new ArrayList<>();
        for (Signal s : signals) {
            if (hasFiniteSample(s.values())) {
                drawable.add(s);
            }
        }
        int shown = Math.min(drawable.size(), MAX_TRACES);
        int undrawable = signals.size() - drawable.size();
        String note = (shown < drawable.size() ? " (first " + shown + " of " + drawable.size() + ")" : "")
                + (undrawable > 0
                        ? " (" + undrawable + " of " + signals.size() + " signals have no finite sample)"
                        : "");
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title + note)
                .xAxisTitle("Time (ms)")
                .yAxisTitle(yAxis)
                .build();
        style(chart);
        chart.getStyler().setLegendVisible(shown > 0 && shown <= 20);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < shown; i++) {
            Signal s = drawable.get(i);
            String name = SignalGroups.cellName(s.annotations(), i);
            while (!names.add(name)) {
                name = name + "'";
            }
            double[] y = s.values().clone();
            for (int k = 0; k < y.length; k++) {
                if (!Double.isFinite(y[k])) {
                    y[k] = Double.NaN; // XChart leaves a gap at NaN; infinities would break its axis range
                }
            }
            XYSeries series = chart.addSeries(name, SignalGroups.times(s), y);
            series.setMarker(SeriesMarkers.NONE);
        }
        if (shown == 0) {
            // XChart needs a series to draw axes: an invisible point
            chart.addSeries("none", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static boolean hasFiniteSample(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    static XYChart raster(String title, List<SpikeTrain> trains, double duration) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("Time (ms)")
                .yAxisTitle("Cell (row)")
                .build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(trains.size() > 200 ? 3 : 7);
        chart.getStyler().setLegendVisible(false);
        if (!Double.isNaN(duration)) {
            chart.getStyler().setXAxisMin(0.0).setXAxisMax(duration);
        }
        chart.getStyler().setYAxisMin(-0.5).setYAxisMax(trains.size() - 0.5);
        // one series, one row per train: distinct colours per cell would run out long before cells do
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int row = 0; row < trains.size(); row++) {
            for (double t : trains.get(row).times()) {
                xs.add(t);
                ys.add((double) row);
            }
        }
        chart.getStyler().setYAxisDecimalPattern("#");
        if (xs.isEmpty()) {
            chart.setTitle(title + ": no spikes");
            // XChart needs a series to draw axes: an invisible point
            chart.addSeries("none", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        } else {
            XYSeries series = chart.addSeries("spikes", xs, ys);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(Color.BLACK);
        }
        return chart;
    }

    private static void style(XYChart chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
        chart.getStyler().setPlotGridLinesVisible(true);
    }

    private static Path save(XYChart chart, Path dir, String base, Set<String> used) throws IOException {
        String name = SignalGroups.fileName(base);
        while (!used.add(name)) {
            name = name + "_";
        }
        Path file = dir.resolve(name + ".png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
