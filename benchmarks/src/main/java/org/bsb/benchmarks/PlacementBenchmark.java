package org.bsb.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bsb.api.NoParameters;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Point3;
import org.bsb.core.compile.CellTypeSpec;
import org.bsb.core.compile.CompileOptions;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.PlacementSpec;
import org.bsb.core.network.Blocks;
import org.bsb.core.topology.Layer;
import org.bsb.core.topology.NetworkBox;
import org.bsb.core.topology.Stack;
import org.bsb.core.topology.Topology;
import org.bsb.placement.random.RandomPlacement;
import org.bsb.storage.hdf5.Hdf5Engine;

/**
 * Places N cells with the tutorial's rules (RandomPlacement, density 5e-6 µm⁻³, soma radius 4,
 * one 300 µm layer) in a box grown in x and y to hold N cells, then writes the hdf5 network.
 * Prints one line per run: cells, chunks, placement and write seconds, peak heap and peak RSS.
 *
 * <p>Usage: {@code java -cp ... org.bsb.benchmarks.PlacementBenchmark N [chunk_size] [threads]};
 * run each N in a fresh JVM (see run-placement.sh) so that the peaks belong to that N.
 */
public final class PlacementBenchmark {
    private PlacementBenchmark() {}

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args.length > 0 ? args[0] : "10000");
        double chunk = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        int threads = args.length > 2
                ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        double density = 5e-6;
        double z = 300;
        double side = Math.sqrt(n / (density * z));
        NetworkBox net = new NetworkBox(Point3.ORIGIN, new Point3(side, side, z), new Point3(chunk, chunk, chunk));
        Layer layer = new Layer("layer", z);
        Topology topology = Topology.build(net, List.of(layer), List.of(new Stack("cortex", List.of(layer), 2, null)));
        CompilePlan plan = new CompilePlan(
                "placement benchmark",
                "{}",
                1L,
                topology,
                Map.of("cell", CellTypeSpec.ofDensity("cell", 4, density, List.of())),
                List.of(new PlacementSpec(
                        "placement",
                        "bsb.placement.RandomPlacement",
                        new RandomPlacement(),
                        new NoParameters(),
                        List.of("cell"),
                        List.of("layer"))),
                List.of(),
                null);
        Path dir = Files.createTempDirectory("bsb-bench");
        Path out = dir.resolve("net.hdf5");
        try {
            Compiler.Result r = new Compiler(new Hdf5Engine(), "hdf5", null, Reporter.SILENT)
                    .compile(
                            plan,
                            new CompileOptions(out, CompileOptions.Mode.NEW, false, false, null, null, 1L, threads));
            int cells = Blocks.counts(r.network().placement()).getOrDefault("cell", 0);
            // Read the file back: the write is only done if the file is whole.
            long t = System.nanoTime();
            int read = Blocks.counts(new Hdf5Engine().read(out).placement()).getOrDefault("cell", 0);
            double readSeconds = (System.nanoTime() - t) / 1e9;
            if (read != cells) {
                throw new IllegalStateException("read back " + read + " cells, wrote " + cells);
            }
            System.out.printf(
                    Locale.ROOT,
                    "cells=%d target=%d chunks=%d chunk_size=%.0f threads=%d box=%.0fx%.0fx%.0f placement_s=%.3f"
                            + " write_s=%.3f compile_total_s=%.3f read_s=%.3f file_MB=%.1f peak_heap_MB=%.0f"
                            + " peak_rss_MB=%.0f%n",
                    cells,
                    n,
                    topology.chunks(List.of(layer)).size(),
                    chunk,
                    threads,
                    side,
                    side,
                    z,
                    r.phaseSeconds().get("placement"),
                    r.phaseSeconds().get("storage"),
                    r.phaseSeconds().get("total"),
                    readSeconds,
                    Files.size(out) / 1e6,
                    peakHeapMb(),
                    peakRssMb());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1e6;
    }

    /** VmHWM of /proc/self/status (Linux), or -1. */
    private static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1e3;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
