package org.bsb.benchmarks.scaleout;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import org.bsb.api.Reporter;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.scaffold.Scaffold;
import org.bsb.core.scaffold.SimulationRun;
import org.bsb.neuron.cable.DryRun;
import org.bsb.neuron.cable.MemoryEstimate;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.cable.cluster.ClusterRunner;

/**
 * Numbers for planning past this machine (docs/scale-out-planning.md): one compiled network run through the real
 * path ({@code Scaffold.runSimulation} with the {@code neuron} adapter building the cable {@link Network}), once as
 * one process (per-rank memory measured as heap after GC, the results file written and timed) and then through
 * {@link DryRun} with each of the given rank counts (exchange rounds, spikes, bytes per round; the merged result
 * checked bit for bit against the one-process run). The adapter reaches the dry run through this class's
 * {@link ClusterRunner} (a {@code ServiceLoader} entry; the Hazelcast bundle must not be on the class path).
 *
 * <p>Also printed, from the network file alone: how far connections reach (soma to soma) and, per rank count, how
 * many copies of the run's spikes an all-gather sends against an exchange that sends each spike only to the ranks
 * holding one of its targets (the ranks' cells as the engine splits them: contiguous blocks of cell ids).
 *
 * <p>{@code java -cp ... org.bsb.benchmarks.scaleout.DryRunPlan NETWORK.hdf5 SIMULATION 2,4,8,16}
 */
public final class DryRunPlan implements ClusterRunner {
    /** The wire size of one spike in {@link DryRun.Stats#bytesPerRound()}: an int and two doubles. */
    static final int SPIKE_BYTES = 20;

    /** What the session of the last run saw. */
    static final class Seen {
        double buildSeconds;
        long heapWithNetwork;
        long heapMidRun;
        MemoryEstimate estimate;
        Network net;
        SimResult result;
        DryRun.Stats stats;
    }

    static Seen seen;
    static long runStart;

    public DryRunPlan() {}

    @Override
    public String name() {
        return "dry-run (planning)";
    }

    @Override
    public Session join(Map<String, String> options, Reporter reporter) {
        int ranks = Integer.parseInt(options.getOrDefault("dry-run", "1"));
        boolean whole = options.containsKey("whole");
        return new Session() {
            @Override
            public int rank() {
                return 0;
            }

            @Override
            public int size() {
                return ranks;
            }

            @Override
            public String describe() {
                return whole ? "one process" : ranks + " dry-run ranks";
            }

            @Override
            public SimResult run(Network net, SimSettings settings, int threads, DoubleConsumer progress) {
                Seen s = new Seen();
                s.buildSeconds = (System.nanoTime() - runStart) / 1e9;
                s.net = net;
                s.estimate = MemoryEstimate.of(net, settings);
                if (whole) {
                    s.heapWithNetwork = heapAfterGc();
                    double half = settings.tstop() / 2;
                    boolean[] done = {false};
                    s.result = Simulator.run(net, settings, threads, t -> {
                        if (!done[0] && t >= half) {
                            done[0] = true;
                            s.heapMidRun = heapAfterGc();
                        }
                    });
                } else {
                    DryRun.Outcome o = DryRun.run(net, settings, ranks, threads);
                    s.result = o.result();
                    s.stats = o.stats();
                }
                seen = s;
                return s.result;
            }

            @Override
            public void close() {}
        };
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String kb(double bytes) {
        return String.format(Locale.ROOT, "%.0f kB", bytes / 1e3);
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DryRunPlan NETWORK.hdf5 SIMULATION RANKS[,RANKS...]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String simulation = args[1];
        int[] rankCounts =
                Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        Reporter reporter = (level, message) -> {
            if (level <= 1) {
                System.err.println(message);
            }
        };
        long heapEmpty = heapAfterGc();
        Scaffold scaffold = Scaffold.fromStorage(file)
                .withBaseDirectory(file.toAbsolutePath().getParent());
        long seed = scaffold.seed();
        NetworkData data = scaffold.network();
        long heapData = heapAfterGc();

        runStart = System.nanoTime();
        SimulationRun whole = scaffold.runSimulation(simulation, 1, seed, reporter, Map.of("whole", "1"));
        double wallWhole = (System.nanoTime() - runStart) / 1e9;
        Seen one = seen;
        Path out = Files.createTempDirectory("bsb-dry-run-plan");
        long w0 = System.nanoTime();
        Path written = whole.write(out.resolve("results.h5"), "hdf5");
        double writeSeconds = (System.nanoTime() - w0) / 1e9;
        long resultBytes = Files.size(written);
        Files.delete(written);
        Files.delete(out);

        Network net = one.net;
        int cells = net.cellCount();
        long spikesTotal = 0;
        int spiking = 0;
        for (double[] s : one.result.spikes()) {
            spikesTotal += s.length;
            spiking += s.length > 0 ? 1 : 0;
        }
        double tstop = one.result.traces().length > 0 ? (one.result.traces()[0].length - 1) * one.result.dt() : 0;
        Sources sources = Sources.of(data);
        int connections =
                data.connectivity().stream().mapToInt(ConnectivityBlock::size).sum();
        System.out.printf(
                Locale.ROOT,
                "network %s: %d cells, %d compartments, %d connections, %d spike sources (%d spiked), file %s%n",
                file.getFileName(),
                cells,
                one.estimate.compartments(),
                connections,
                one.result.spikes().size(),
                spiking,
                mb(Files.size(file)));
        TreeSet<Integer> firing = new TreeSet<>();
        long cellSpikes = 0;
        for (int s = 0;
                s < Math.min(sources.cellOf().size(), one.result.spikes().size());
                s++) {
            cellSpikes += one.result.spikes().get(s).length;
            if (one.result.spikes().get(s).length > 0) {
                firing.add(sources.cellOf().get(s));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "spikes: %d in %.1f ms: %d from the cells' %d transmitters (one per presynaptic cell and branch,"
                        + " %.1f per cell) of %d cells that fired, %d from the devices' %d sources;"
                        + " %.2f exchanged spikes per cell per second%n",
                spikesTotal,
                tstop,
                cellSpikes,
                sources.cellOf().size(),
                (double) sources.cellOf().size() / cells,
                firing.size(),
                spikesTotal - cellSpikes,
                one.result.spikes().size() - sources.cellOf().size(),
                spikesTotal / (cells * tstop / 1000));
        System.out.printf(
                Locale.ROOT,
                "one process: built in %.2f s (read excluded), whole run %.2f s, results file %s written in %.2f s%n",
                one.buildSeconds,
                wallWhole,
                mb(resultBytes),
                writeSeconds);
        System.out.printf(
                Locale.ROOT,
                "heap after GC: empty %s, network data read %s (+%s), cable network built %s (+%s),"
                        + " mid-run %s (+%s); engine's estimate of the run's state %s%n",
                mb(heapEmpty),
                mb(heapData),
                mb(heapData - heapEmpty),
                mb(one.heapWithNetwork),
                mb(one.heapWithNetwork - heapData),
                mb(one.heapMidRun),
                mb(one.heapMidRun - one.heapWithNetwork),
                mb(one.estimate.bytes()));
        System.out.printf(
                Locale.ROOT,
                "per cell: %s of heap mid-run over the empty JVM (network data %s, cable network %s, run state %s)%n",
                kb((one.heapMidRun - heapEmpty) / (double) cells),
                kb((heapData - heapEmpty) / (double) cells),
                kb((one.heapWithNetwork - heapData) / (double) cells),
                kb((one.heapMidRun - one.heapWithNetwork) / (double) cells));
        sources.printReach(data);

        System.out.println("ranks | rounds | spikes | all-gather bytes received per rank per round | spike copies sent:"
                + " all-gather / targeted (to ranks holding a target) | remote ranks per cell transmitter: all-gather /"
                + " targeted (mean over transmitters) | dry-run wall s | identical");
        for (int n : rankCounts) {
            runStart = System.nanoTime();
            scaffold.runSimulation(simulation, 1, seed, Reporter.SILENT, Map.of("dry-run", Integer.toString(n)));
            double wall = (System.nanoTime() - runStart) / 1e9;
            Seen d = seen;
            boolean same = Arrays.deepEquals(d.result.traces(), one.result.traces())
                    && d.result.spikes().size() == one.result.spikes().size();
            for (int i = 0; same && i < d.result.spikes().size(); i++) {
                same = Arrays.equals(
                        d.result.spikes().get(i), one.result.spikes().get(i));
            }
            long[] copies = sources.copies(one.result, cells, n);
            System.out.printf(
                    Locale.ROOT,
                    "%d | %d | %d | %.0f | %d / %d | %d / %.2f | %.2f | %s%n",
                    n,
                    d.stats.rounds(),
                    d.stats.spikes(),
                    d.stats.bytesPerRound(),
                    copies[0],
                    copies[1],
                    n - 1,
                    sources.fanOut(cells, n),
                    wall,
                    same ? "yes" : "NO");
        }
    }

    /**
     * The spike sources as the {@code neuron} adapter makes them from the connectivity (one per presynaptic cell
     * and branch, in the order connections first name them), with their cell and their targets' cells: an
     * estimate of what a targeted exchange would send, kept beside the adapter's rule, not taken from it.
     */
    record Sources(List<Integer> cellOf, List<TreeSet<Integer>> targetsOf) {
        static Sources of(NetworkData data) {
            Map<Long, Integer> index = new HashMap<>();
            List<Integer> cellOf = new ArrayList<>();
            List<TreeSet<Integer>> targetsOf = new ArrayList<>();
            for (ConnectivityBlock b : data.connectivity()) {
                for (int k = 0; k < b.size(); k++) {
                    int cell = b.preLocations()[3 * k];
                    long key = ((long) cell << 32) | b.preLocations()[3 * k + 1];
                    Integer src = index.get(key);
                    if (src == null) {
                        src = cellOf.size();
                        index.put(key, src);
                        cellOf.add(cell);
                        targetsOf.add(new TreeSet<>());
                    }
                    targetsOf.get(src).add(b.postLocations()[3 * k]);
                }
            }
            return new Sources(cellOf, targetsOf);
        }

        /** Rank of a cell: equal contiguous blocks of ids (every cell has the same compartments here). */
        static int rankOf(int cell, int cells, int ranks) {
            return (int) ((long) cell * ranks / cells);
        }

        /** {all-gather copies, targeted copies} of the run's spikes for {@code ranks} ranks. */
        long[] copies(SimResult result, int cells, int ranks) {
            long all = 0;
            long targeted = 0;
            for (int s = 0; s < result.spikes().size(); s++) {
                int count = result.spikes().get(s).length;
                all += (long) count * (ranks - 1);
                if (s < cellOf.size()) {
                    int home = rankOf(cellOf.get(s), cells, ranks);
                    long remote = targetsOf.get(s).stream()
                            .map(c -> rankOf(c, cells, ranks))
                            .distinct()
                            .filter(r -> r != home)
                            .count();
                    targeted += count * remote;
                } else {
                    targeted += (long) count * (ranks - 1); // a device's source: its targets not known here
                }
            }
            return new long[] {all, targeted};
        }

        /** Mean over the cells' transmitters of the number of other ranks holding one of its targets. */
        double fanOut(int cells, int ranks) {
            long sum = 0;
            for (int s = 0; s < cellOf.size(); s++) {
                int home = rankOf(cellOf.get(s), cells, ranks);
                sum += targetsOf.get(s).stream()
                        .map(c -> rankOf(c, cells, ranks))
                        .distinct()
                        .filter(r -> r != home)
                        .count();
            }
            return cellOf.isEmpty() ? 0 : (double) sum / cellOf.size();
        }

        /** Soma-to-soma distance of the connections: 3-D and in the layer's plane (x, y). */
        void printReach(NetworkData data) {
            Map<Integer, double[]> pos = new HashMap<>();
            int id = 0;
            for (PlacementBlock p : data.placement()) {
                for (int i = 0; i < p.size(); i++) {
                    pos.put(id++, Arrays.copyOfRange(p.positions(), 3 * i, 3 * i + 3));
                }
            }
            List<Double> plane = new ArrayList<>();
            for (ConnectivityBlock b : data.connectivity()) {
                for (int k = 0; k < b.size(); k++) {
                    double[] a = pos.get(b.preLocations()[3 * k]);
                    double[] c = pos.get(b.postLocations()[3 * k]);
                    if (a != null && c != null) {
                        plane.add(Math.hypot(a[0] - c[0], a[1] - c[1]));
                    }
                }
            }
            plane.sort(null);
            if (plane.isEmpty()) {
                return;
            }
            System.out.printf(
                    Locale.ROOT,
                    "connection reach in the plane (soma to soma, um): median %.0f, 95%% %.0f, max %.0f%n",
                    plane.get(plane.size() / 2),
                    plane.get((int) (plane.size() * 0.95)),
                    plane.get(plane.size() - 1));
        }
    }
}
