package org.bsb.neuron.cable.cluster;

import java.util.Map;
import java.util.function.DoubleConsumer;
import org.bsb.api.Reporter;
import org.bsb.neuron.cable.DryRun;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;

/**
 * The dry-run transport: {@code --cluster dry-run:N} runs a split simulation as {@code N} fake ranks inside this
 * process ({@link DryRun}, Arbor's dry-run context), through the same path as a real split (the adapter's cluster
 * session, {@code Simulator.runPart} per rank, an all-gather exchange per interval, the parts merged), and prints
 * the exchange statistics a real cluster of {@code N} processes would see. For tests (results bit for bit those
 * of one process, one thread) and for planning sizes that cannot be run. The process is rank 0 of {@code N} and
 * gets the whole result; no other process takes part and nothing crosses a network.
 */
public final class DryRunClusterRunner implements ClusterRunner {
    /** The prefix of {@code --cluster}'s value that selects this transport: {@code dry-run:N}. */
    public static final String PREFIX = "dry-run:";

    /** The size of one spike on a wire (an int and two doubles), as {@link DryRun.Stats#bytesPerRound()} counts. */
    private static final int SPIKE_BYTES = 20;

    /** Whether {@code options} ask for a dry run ({@code cluster=dry-run:N}). */
    public static boolean selects(Map<String, String> options) {
        String cluster = options.get("cluster");
        return cluster != null && cluster.startsWith(PREFIX);
    }

    @Override
    public String name() {
        return "dry-run";
    }

    @Override
    public Session join(Map<String, String> options, Reporter reporter) {
        String cluster = options.getOrDefault("cluster", "");
        if (!cluster.startsWith(PREFIX)) {
            throw new IllegalArgumentException("--cluster=" + cluster + ": expected " + PREFIX + "N for a dry run");
        }
        int ranks;
        try {
            ranks = Integer.parseInt(cluster.substring(PREFIX.length()).trim());
        } catch (NumberFormatException e) {
            ranks = 0;
        }
        if (ranks < 1 || ranks > 4096) {
            throw new IllegalArgumentException(
                    "--cluster=" + cluster + ": expected " + PREFIX + "N with 1 <= N <= 4096 fake ranks");
        }
        for (String option : options.keySet()) {
            if (!option.equals("cluster") && !option.equals("rank") && !option.equals("size")) {
                throw new IllegalArgumentException(
                        "--" + option + " has no meaning for a dry run (--cluster=" + cluster + "): remove it");
            }
        }
        String rank = options.get("rank");
        if (rank != null && !rank.trim().equals("0")) {
            throw new IllegalArgumentException(
                    "--rank=" + rank + ": a dry run is one process, rank 0 of " + ranks + " fake ranks");
        }
        String size = options.get("size");
        if (size != null && !size.trim().equals(Integer.toString(ranks))) {
            throw new IllegalArgumentException(
                    "--size=" + size + " but --cluster=" + cluster + " fakes " + ranks + " ranks: give one of them");
        }
        return new DrySession(ranks, reporter);
    }

    private record DrySession(int ranks, Reporter reporter) implements Session {
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
            return "rank 0 of " + ranks + " (dry run, one process)";
        }

        @Override
        public SimResult run(Network net, SimSettings settings, int threads, DoubleConsumer progress) {
            long start = System.nanoTime();
            DryRun.Outcome outcome = DryRun.run(net, settings, ranks, 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            DryRun.Stats stats = outcome.stats();
            progress.accept(settings.tstop());
            reporter.report(
                    1,
                    String.format(
                            java.util.Locale.ROOT,
                            "Dry run of %d fake ranks: %d exchange rounds, %d spikes exchanged, %.1f bytes received"
                                    + " per rank per round (%d bytes a spike), %.2f s",
                            ranks,
                            stats.rounds(),
                            stats.spikes(),
                            stats.bytesPerRound(),
                            SPIKE_BYTES,
                            seconds));
            return outcome.result();
        }

        @Override
        public void close() {}
    }
}
