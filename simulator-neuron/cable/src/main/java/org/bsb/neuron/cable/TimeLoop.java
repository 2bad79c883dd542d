package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;

/**
 * The fixed-step time loop over cell groups: initialise every group, then exchange intervals until the end,
 * each worker advancing its groups one after the other through the interval, then the spikes of the interval
 * through the {@link SpikeExchange}, recorded and routed to their targets' groups, then progress.
 */
final class TimeLoop {
    private final CellGroup[] groups;
    private final int[] workerFirstGroup;
    private final EventRouting routing;
    private final SpikeExchange exchange;
    /** Per source, the recorded spike times in delivery order. */
    private final List<List<Double>> spikeTimes = new ArrayList<>();

    private final Spikes local = new Spikes();

    TimeLoop(CellGroup[] groups, Partition partition, EventRouting routing, SpikeExchange exchange, int sources) {
        this.groups = groups;
        this.workerFirstGroup = partition.workerFirstGroup();
        this.routing = routing;
        this.exchange = exchange;
        for (int s = 0; s < sources; s++) {
            spikeTimes.add(new ArrayList<>());
        }
    }

    /** NEURON's {@code finitialize(vInit)} in every group. */
    void initialize(double vInit) {
        try {
            for (CellGroup g : groups) {
                g.initialize(vInit);
            }
        } catch (StackOverflowError e) {
            throw outOfStack(e);
        }
    }

    /**
     * Runs {@code steps} steps in intervals of {@code interval} steps (the last may be shorter), telling
     * {@code progress} (if any) the simulated time after each.
     */
    void run(int steps, int interval, double dt, DoubleConsumer progress) {
        int nworkers = workerFirstGroup.length - 1;
        ExecutorService pool =
                nworkers > 1 ? org.bsb.api.concurrent.ThreadPools.fixed("bsb-cable-worker", nworkers) : null;
        try {
            int done = 0;
            int[] chunk = new int[1];
            int[] row = new int[1];
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int w = 0; w < nworkers; w++) {
                int first = workerFirstGroup[w];
                int end = workerFirstGroup[w + 1];
                jobs.add(() -> {
                    for (int g = first; g < end; g++) {
                        groups[g].advance(chunk[0], row[0]);
                    }
                    return null;
                });
            }
            while (done < steps) {
                chunk[0] = Math.min(interval, steps - done);
                row[0] = done + 1;
                if (pool == null) {
                    jobs.get(0).call();
                } else {
                    for (Future<Void> f : pool.invokeAll(jobs)) {
                        f.get();
                    }
                }
                done += chunk[0];
                exchangeSpikes();
                if (progress != null) {
                    progress.accept(done * dt);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            // a worker's failure as such (its message names the mechanism, cell and time), not the executor's wrapper
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof StackOverflowError so) {
                throw outOfStack(so);
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
        } catch (StackOverflowError e) {
            throw outOfStack(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("simulation failed: " + e, e);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Between intervals, on one thread: the groups' spikes through the exchange, then every spike of the
     * interval in delivery order recorded and its connection events queued at their targets' groups.
     */
    void exchangeSpikes() {
        local.clear();
        for (CellGroup g : groups) {
            local.addAll(g.outgoing);
            g.outgoing.clear();
        }
        Spikes all = exchange.exchange(local);
        if (all.count() == 0) {
            return;
        }
        for (int i : all.deliveryOrder()) {
            spikeTimes.get(all.source(i)).add(all.recordTime(i));
            routing.route(all.source(i), all.deliverTime(i), groups);
        }
    }

    /** The recorded spike times of every source. */
    List<double[]> spikeTimes() {
        List<double[]> out = new ArrayList<>();
        for (List<Double> l : spikeTimes) {
            out.add(l.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    /** Every probe's trace, by probe id. */
    double[][] traces(int probes) {
        double[][] traces = new double[probes][];
        for (CellGroup g : groups) {
            int[] ids = g.probeIds();
            for (int k = 0; k < ids.length; k++) {
                traces[ids[k]] = g.probeOutputs()[k];
            }
        }
        return traces;
    }

    /**
     * A run out of stack: only a mechanism's code can recurse (the engine's own loops do not), e.g. a chain of
     * FUNCTION calls deeper than the thread's stack; recursive NMODL FUNCTIONs stop earlier with their own message.
     */
    static IllegalStateException outOfStack(StackOverflowError e) {
        return new IllegalStateException(
                "simulation ran out of stack: a mechanism's FUNCTION or PROCEDURE calls nest"
                        + " too deeply (give the threads more stack with BSB_JAVA_OPTS=-Xss<size>)",
                e);
    }
}
