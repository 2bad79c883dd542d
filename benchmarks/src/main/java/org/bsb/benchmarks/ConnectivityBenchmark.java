package org.bsb.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.NoParameters;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.core.compile.CellTypeSpec;
import org.bsb.core.compile.CompileOptions;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.MorphologySpec;
import org.bsb.core.compile.PlacementSpec;
import org.bsb.core.config.Configuration;
import org.bsb.core.connectivity.StrategyConnectivityPhase;
import org.bsb.core.morphology.swc.SwcParameters;
import org.bsb.core.morphology.swc.SwcParser;
import org.bsb.core.topology.Layer;
import org.bsb.core.topology.NetworkBox;
import org.bsb.core.topology.Stack;
import org.bsb.core.topology.Topology;
import org.bsb.placement.random.RandomPlacement;
import org.bsb.storage.hdf5.Hdf5Engine;

/**
 * Connectivity benchmark: the tutorial's stellate cells (density 5e-6 per µm³, StellateCell
 * morphology) in larger boxes, connected by the tutorial's VoxelIntersection node (axon to
 * dendrites, affinity 0.5). Reports placement and connectivity time, connections per second
 * and peak heap at 1 and 2 threads, for about 500, 1500 and 4500 cells.
 *
 * <p>Run from the repository root after {@code mvn -o -q package -DskipTests}:
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" org.bsb.benchmarks.ConnectivityBenchmark}
 * (see benchmarks/README.md).
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

    public static void main(String[] args) throws Exception {
        Path example = Path.of(args.length > 0 ? args[0] : "examples/neuron-simulation/neuron-simulation.json");
        Configuration config = TutorialConfig.withoutSimulations(example);
        Path tmp = Files.createTempDirectory("bsb-bench");
        int[] threads = {1, 2};
        // warm up the JIT once on the smallest network
        run(config, example, SIZES.get("~500"), 1, tmp.resolve("warmup.hdf5"));
        System.out.println("cells  threads  placement_s  connectivity_s  connections  connections_per_s  peak_heap_MiB  compile_cpu_s");
        List<String> rows = new ArrayList<>();
        for (var e : SIZES.entrySet()) {
            for (int t : threads) {
                Row r = run(config, example, e.getValue(), t, tmp.resolve(e.getKey().substring(1) + "-" + t + ".hdf5"));
                String row = String.format("%5d  %7d  %11.2f  %14.2f  %11d  %17.0f  %13.0f  %13.2f", r.cells, t,
                        r.placement, r.connectivity, r.connections, r.connections / r.connectivity, r.peakHeapMiB,
                        r.cpu);
                System.out.println(row);
                rows.add(row);
            }
        }
    }

    record Row(int cells, double placement, double connectivity, long connections, double peakHeapMiB, double cpu) {}

    static Row run(Configuration config, Path example, Point3 size, int threads, Path out) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Hdf5Engine engine = new Hdf5Engine();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        Compiler.Result result = new Compiler(engine, "hdf5", new StrategyConnectivityPhase(), Reporter.SILENT)
                .compile(plan(config, example, size), CompileOptions.simple(out, 42L, threads));
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
        NetworkData net = result.network();
        int cells = net.placement().stream().mapToInt(b -> b.size()).sum();
        long connections = net.connectivity().stream().mapToLong(ConnectivityBlock::size).sum();
        Files.deleteIfExists(out);
        return new Row(cells, result.phaseSeconds().getOrDefault("placement", 0.0),
                result.phaseSeconds().getOrDefault("connectivity", 0.0), connections, peak, cpu);
    }

    static CompilePlan plan(Configuration config, Path example, Point3 size) {
        NetworkBox net = new NetworkBox(Point3.ORIGIN, size, new Point3(100, 100, 100));
        Layer layer = new Layer("stellate_layer", size.z());
        Topology topology = Topology.build(net, List.of(layer),
                List.of(new Stack("example_cortex", List.of(layer), 2, null)));
        CellTypeSpec stellate = CellTypeSpec.ofDensity("stellate_cell", 4, 5e-6, List.of("StellateCell"));
        PlacementSpec placement = new PlacementSpec("stellate_placement", "bsb.placement.RandomPlacement",
                new RandomPlacement(), new NoParameters(), List.of("stellate_cell"), List.of("stellate_layer"));
        MorphologySpec morpho = new MorphologySpec("morphologies[0]",
                example.toAbsolutePath().getParent().resolve("data/StellateCell.swc"), "StellateCell", new SwcParser(),
                SwcParameters.ofTags(Map.of("16", List.of("dendrites", "proximal_dendrites"), "17",
                        List.of("dendrites", "distal_dendrites"), "18", List.of("axon", "axon_initial_segment"))));
        return new CompilePlan("connectivity-benchmark", "{}", 42L, topology, Map.of("stellate_cell", stellate),
                List.of(placement), List.of(morpho), config);
    }
}
