package org.bsb.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.bsb.api.NoParameters;
import org.bsb.api.Reporter;
import org.bsb.api.concurrent.ThreadPools;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.TagParameters;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.core.compile.CellTypeSpec;
import org.bsb.core.compile.CompileOptions;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.ConfigConnectivityPhase;
import org.bsb.core.compile.MorphologySpec;
import org.bsb.core.compile.PlacementSpec;
import org.bsb.core.config.Configuration;
import org.bsb.core.connectivity.ConnectivityRunner;
import org.bsb.core.connectivity.ConnectivityTask;
import org.bsb.core.connectivity.Hemitype;
import org.bsb.core.network.PlacedCells;
import org.bsb.core.registry.ServiceKind;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.core.topology.Layer;
import org.bsb.core.topology.NetworkBox;
import org.bsb.core.topology.Stack;
import org.bsb.core.topology.Topology;
import org.bsb.morphology.swc.SwcParser;
import org.bsb.placement.random.RandomPlacement;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.bsb.testsupport.ProjectPaths;

/**
 * Connectivity benchmark: the tutorial's stellate cells (density 5e-6 per µm³, StellateCell
 * morphology) in larger boxes, connected by the tutorial's VoxelIntersection node (axon to
 * dendrites, affinity 0.5). Reports placement and connectivity time, connections per second
 * and peak heap at 1 and 2 threads, for about 500, 1500 and 4500 cells.
 *
 * <p>Run from the repository root: {@code benchmarks/run-connectivity.sh} (one fresh JVM per
 * network size and thread count; see benchmarks/CONNECTIVITY.md).
 */
public final class ConnectivityBenchmark {
    private ConnectivityBenchmark() {}

    /** Box sizes (µm) for about 500, 1500 and 4500 cells at 5e-6 cells per µm³. */
    static final Map<String, Point3> SIZES = new LinkedHashMap<>();

    static {
        SIZES.put("~500", new Point3(1000, 333.3, 300));
        SIZES.put("~1500", new Point3(1000, 1000, 300));
        SIZES.put("~4500", new Point3(3000, 1000, 300));
    }

    /**
     * Args: {@code <size: 500|1500|4500> <threads> [example json]}. Compiles the network once in
     * this fresh JVM (cold, as a CLI run: JIT warm-up included), then runs the connectivity phase
     * alone three more times on the same placement (warm, steady state), and prints one row.
     */
    public static void main(String[] args) throws Exception {
        String size = args.length > 0 ? args[0] : "1500";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path example = args.length > 2 ? Path.of(args[2]) : ProjectPaths.tutorialConfig();
        Point3 box = SIZES.get("~" + size);
        if (box == null) {
            throw new IllegalArgumentException("size must be one of 500, 1500, 4500, got " + size);
        }
        Configuration config = TutorialConfig.withoutSimulations(example);
        Path tmp = Files.createTempDirectory("bsb-bench");
        // 1) the whole compile, cold (a CLI run): placement, connectivity, HDF5 write
        Row cold = run(config, example, box, threads, tmp.resolve("cold.hdf5"));
        // 2) steady state: the connectivity phase alone, again on the same placement, best of 3
        NetworkData net = cold.network;
        var node = config.connectivity().get("stellate_to_stellate");
        ConnectionStrategy<?> strategy = ServiceLoaderRegistry.load()
                .resolve(ServiceKind.CONNECTIVITY, node.strategy(), ConnectionStrategy.class);
        ConnectivityTask task = new ConnectivityTask(
                "stellate_to_stellate",
                strategy,
                node.parameters().bind(strategy.parameterType(), "connectivity.stellate_to_stellate"),
                new Hemitype(node.presynaptic().cellTypes(), node.presynaptic().morphologyLabels()),
                new Hemitype(
                        node.postsynaptic().cellTypes(), node.postsynaptic().morphologyLabels()));
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = ThreadPools.fixed("bench-connectivity", threads, workers::add);
        double bestWall = Double.POSITIVE_INFINITY, bestCpu = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 3; rep++) {
            PlacedCells cells = new PlacedCells(net.chunkSize(), net.placement(), net.morphologies());
            long cpu0 = workers.stream()
                    .mapToLong(t -> tmx.getThreadCpuTime(t.getId()))
                    .sum();
            long t0 = System.nanoTime();
            long n = new ConnectivityRunner(cells, 42L, threads, Reporter.SILENT)
                    .run(List.of(task), pool).stream()
                            .mapToLong(ConnectivityBlock::size)
                            .sum();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (workers.stream()
                                    .mapToLong(t -> tmx.getThreadCpuTime(t.getId()))
                                    .sum()
                            - cpu0)
                    / 1e9;
            if (n != cold.connections) {
                throw new IllegalStateException("same seed, different connections: " + n + " vs " + cold.connections);
            }
            bestWall = Math.min(bestWall, wall);
            bestCpu = Math.min(bestCpu, cpu);
        }
        pool.shutdown();
        System.out.println(String.format(
                java.util.Locale.ROOT,
                "cells %d threads %d | cold compile: placement %.2f s, connectivity %.2f s (process CPU %.2f s) |"
                        + " warm connectivity: %.2f s wall, %.2f s CPU in workers | %d connections, %.0f per s (warm wall)"
                        + " | peak heap %.0f MiB, peak RSS %.0f MiB",
                cold.cells,
                threads,
                cold.placement,
                cold.connectivity,
                cold.connectivityCpu,
                bestWall,
                bestCpu,
                cold.connections,
                cold.connections / bestWall,
                cold.peakHeapMiB,
                peakRssMiB()));
    }

    /** The process's peak resident set (Linux VmHWM), or NaN. */
    static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux
        }
        return Double.NaN;
    }

    record Row(
            NetworkData network,
            int cells,
            double placement,
            double connectivity,
            long connections,
            double peakHeapMiB,
            double cpu,
            double connectivityCpu) {}

    static Row run(Configuration config, Path example, Point3 size, int threads, Path out) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Hdf5Engine engine = new Hdf5Engine();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        // the pipeline reports the start and end of connectivity: take the process CPU time there
        long[] connCpu = new long[2];
        Reporter cpuMarks = (level, msg) -> {
            if (msg.startsWith("Starting connectivity")) {
                connCpu[0] = os.getProcessCpuTime();
            } else if (msg.startsWith("Connectivity finished")) {
                connCpu[1] = os.getProcessCpuTime();
            }
        };
        Compiler.Result result = new Compiler(
                        engine, "hdf5", new ConfigConnectivityPhase(ServiceLoaderRegistry.load()), cpuMarks)
                .compile(plan(config, example, size), CompileOptions.simple(out, 42L, threads));
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        NetworkData net = result.network();
        int cells = net.placement().stream().mapToInt(b -> b.size()).sum();
        long connections =
                net.connectivity().stream().mapToLong(ConnectivityBlock::size).sum();
        Files.deleteIfExists(out);
        return new Row(
                net,
                cells,
                result.phaseSeconds().getOrDefault("placement", 0.0),
                result.phaseSeconds().getOrDefault("connectivity", 0.0),
                connections,
                peak,
                cpu,
                (connCpu[1] - connCpu[0]) / 1e9);
    }

    static CompilePlan plan(Configuration config, Path example, Point3 size) {
        NetworkBox net = new NetworkBox(Point3.ORIGIN, size, new Point3(100, 100, 100));
        Layer layer = new Layer("stellate_layer", size.z());
        Topology topology =
                Topology.build(net, List.of(layer), List.of(new Stack("example_cortex", List.of(layer), 2, null)));
        CellTypeSpec stellate = CellTypeSpec.ofDensity("stellate_cell", 4, 5e-6, List.of("StellateCell"));
        PlacementSpec placement = new PlacementSpec(
                "stellate_placement",
                "bsb.placement.RandomPlacement",
                new RandomPlacement(),
                new NoParameters(),
                List.of("stellate_cell"),
                List.of("stellate_layer"));
        MorphologySpec morpho = new MorphologySpec(
                "morphologies[0]",
                example.toAbsolutePath().getParent().resolve("data/StellateCell.swc"),
                "StellateCell",
                new SwcParser(),
                TagParameters.ofTags(Map.of(
                        "16",
                        List.of("dendrites", "proximal_dendrites"),
                        "17",
                        List.of("dendrites", "distal_dendrites"),
                        "18",
                        List.of("axon", "axon_initial_segment"))));
        return new CompilePlan(
                "connectivity-benchmark",
                "{}",
                42L,
                topology,
                Map.of("stellate_cell", stellate),
                List.of(placement),
                List.of(morpho),
                config);
    }
}
