package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLong;
import org.bsb.api.concurrent.ThreadPools;

/**
 * A run split over {@code ranks} fake ranks inside one JVM, each a thread stepping its own cells
 * ({@link Simulator#runPart}) and exchanging spikes with the others through an all-gather, as Arbor's dry-run
 * context: the distributed code paths (partition by rank, remote targets, merged results) tested without a
 * cluster, and the exchange volume of a split measured. Results are bit for bit those of one process.
 */
public final class DryRun implements AutoCloseable {
    private final int ranks;
    private final Spikes[] slots;
    /** Two phases per interval: every rank has put its spikes; every rank has read the others'. */
    private final Phaser phaser;

    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong spikes = new AtomicLong();

    private DryRun(int ranks) {
        this.ranks = ranks;
        this.slots = new Spikes[ranks];
        this.phaser = new Phaser(ranks);
    }

    /** What a dry run exchanged: rounds (intervals) and spikes in total. */
    public record Stats(long rounds, long spikes) {
        /** Bytes a rank receives per round on a wire carrying each spike as an int and two doubles. */
        public double bytesPerRound() {
            return rounds == 0 ? 0 : spikes * 20.0 / rounds;
        }
    }

    /** A finished dry run's result (the parts merged) and its exchange statistics. */
    public record Outcome(SimResult result, Stats stats) {}

    /** Runs {@code net} as {@code ranks} fake ranks of {@code threadsPerRank} threads each. */
    public static Outcome run(Network net, SimSettings settings, int ranks, int threadsPerRank) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks " + ranks + ": expected at least 1");
        }
        try (DryRun dry = new DryRun(ranks)) {
            return new Outcome(
                    dry.runAll(net, settings, threadsPerRank), new Stats(dry.rounds.get(), dry.spikes.get()));
        }
    }

    private SimResult runAll(Network net, SimSettings settings, int threadsPerRank) {
        ExecutorService pool = ThreadPools.fixed("bsb-dry-run-rank", ranks);
        try {
            List<Callable<SimResult>> jobs = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                RunPart part = new RunPart(r, ranks);
                jobs.add(() -> {
                    try {
                        return Simulator.runPart(net, settings, threadsPerRank, part, exchangeOf(part.rank()), null);
                    } catch (RuntimeException | Error e) {
                        phaser.forceTermination(); // the other ranks stop at their next exchange
                        throw e;
                    }
                });
            }
            List<Future<SimResult>> futures = new ArrayList<>();
            for (Callable<SimResult> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<SimResult> parts = new ArrayList<>();
            RuntimeException failure = null;
            for (int r = 0; r < ranks; r++) {
                try {
                    parts.add(futures.get(r).get());
                } catch (ExecutionException e) {
                    // report the rank that failed, not those it stopped
                    if (failure == null || failure instanceof RankGoneException) {
                        failure = e.getCause() instanceof RankGoneException gone
                                ? gone
                                : new IllegalStateException(
                                        "dry-run rank " + r + " failed: "
                                                + e.getCause().getMessage(),
                                        e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return SimResult.merge(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dry run interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private SpikeExchange exchangeOf(int rank) {
        return local -> {
            slots[rank] = local;
            await(rank);
            Spikes all = new Spikes();
            for (Spikes s : slots) {
                all.addAll(s);
            }
            if (rank == 0) {
                rounds.incrementAndGet();
                spikes.addAndGet(all.count());
            }
            await(rank); // no rank refills its slot before every rank has read them all
            return all;
        };
    }

    private void await(int rank) {
        if (phaser.arriveAndAwaitAdvance() < 0) {
            throw new RankGoneException("dry-run rank " + rank + ": another rank failed, the run stops");
        }
    }

    @Override
    public void close() {
        phaser.forceTermination();
    }

    /** A rank stopped because another failed: the other's failure is the one to report. */
    static final class RankGoneException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RankGoneException(String message) {
            super(message);
        }
    }
}
