package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link Network} with NEURON's fixed-step method. Cells are split into as many blocks
 * as threads, each block into cache-sized groups; groups advance independently between spike
 * exchanges, which happen every
 * {@code minDelay - dt} (so an event can never be due inside the interval that produced it),
 * and events carry a total order; the results are bit for bit the same at any thread count.
 */
public final class Simulator {
    private Simulator() {
    }

    public static SimResult run(Network net, SimSettings settings, int threads) {
        return run(net, settings, threads, null);
    }

    /**
     * As {@link #run(Network, SimSettings, int)}, telling {@code progress} the simulated time (ms)
     * after each exchange interval; with a listener the intervals are at most 1% of the run, so
     * that it hears often enough (the results do not depend on the interval).
     */
    public static SimResult run(Network net, SimSettings settings, int threads, java.util.function.DoubleConsumer progress) {
        MemoryEstimate.of(net, settings).requireAtMost(MemoryEstimate.availableHeap());
        int steps = settings.steps();
        double dt = settings.dt();
        int ncell = net.cells.size();
        int nworkers = Math.max(1, Math.min(threads, Math.max(ncell, 1)));
        // each worker's block of cells is stepped as several cache-sized groups, one after another per
        // exchange interval: a group's nodes and mechanism data then stay in the core's cache while it
        // runs its steps, instead of streaming the whole block's arrays through memory at every step
        int[][] blocks = partition(net, nworkers);
        List<int[]> groupList = new ArrayList<>();
        int[] workerFirstGroup = new int[nworkers + 1];
        for (int w = 0; w < nworkers; w++) {
            workerFirstGroup[w] = groupList.size();
            groupList.addAll(cacheSizedGroups(net, blocks[w]));
        }
        workerFirstGroup[nworkers] = groupList.size();
        int ngroups = groupList.size();
        int[][] groupCells = groupList.toArray(new int[0][]);
        double[][] weights = new double[net.connections.size()][];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = net.connections.get(k).weights().clone();
        }
        List<Integer> artificial = new ArrayList<>();
        for (int p = 0; p < net.points.size(); p++) {
            if (net.points.get(p).cell() < 0) {
                artificial.add(p);
            }
        }
        CellGroup[] groups = new CellGroup[ngroups];
        for (int g = 0; g < ngroups; g++) {
            groups[g] = new CellGroup(net, groupCells[g], g == 0 ? artificial : List.of(), settings, weights, steps);
            groups[g].applyIonSpecs(net, groupCells[g]);
        }
        // target group of each connection
        int[] targetGroup = new int[net.connections.size()];
        for (int k = 0; k < targetGroup.length; k++) {
            int point = net.connections.get(k).target();
            for (int g = 0; g < ngroups; g++) {
                if (groups[g].pointSlot[point] >= 0) {
                    targetGroup[k] = g;
                }
            }
        }
        // connections by source
        int[][] bySource = new int[net.sources.size()][];
        {
            int[] cnt = new int[net.sources.size()];
            for (Network.ConnSpec c : net.connections) {
                cnt[c.source()]++;
            }
            for (int s = 0; s < cnt.length; s++) {
                bySource[s] = new int[cnt[s]];
                cnt[s] = 0;
            }
            for (int k = 0; k < net.connections.size(); k++) {
                int s = net.connections.get(k).source();
                bySource[s][cnt[s]++] = k;
            }
        }
        double minDelay = Double.POSITIVE_INFINITY;
        for (Network.ConnSpec c : net.connections) {
            minDelay = Math.min(minDelay, c.delay());
        }
        int interval = minDelay == Double.POSITIVE_INFINITY ? Math.max(steps, 1)
                : Math.max(1, (int) Math.floor(minDelay / dt + 1e-9) - 1);
        if (progress != null) {
            interval = Math.min(interval, Math.max(1, steps / 100));
        }

        try {
            for (CellGroup g : groups) {
                g.initialize(settings.vInit());
            }
        } catch (StackOverflowError e) {
            throw outOfStack(e);
        }
        List<List<Double>> spikeLists = new ArrayList<>();
        for (int s = 0; s < net.sources.size(); s++) {
            spikeLists.add(new ArrayList<>());
        }
        ExecutorService pool = nworkers > 1 ? Executors.newFixedThreadPool(nworkers, r -> {
            Thread th = new Thread(r, "bsb-cable-worker");
            th.setDaemon(true);
            return th;
        }) : null;
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
                exchange(groups, net, bySource, targetGroup, spikeLists);
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
        double[][] traces = new double[net.probes.size()][];
        for (CellGroup g : groups) {
            int[] ids = g.probeIds();
            for (int k = 0; k < ids.length; k++) {
                traces[ids[k]] = g.probeOutputs()[k];
            }
        }
        List<double[]> spikes = new ArrayList<>();
        for (List<Double> l : spikeLists) {
            spikes.add(l.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new SimResult(dt, traces, spikes);
    }

    /**
     * A run out of stack: only a mechanism's code can recurse (the engine's own loops do not), e.g. a chain of
     * FUNCTION calls deeper than the thread's stack; recursive NMODL FUNCTIONs stop earlier with their own message.
     */
    private static IllegalStateException outOfStack(StackOverflowError e) {
        return new IllegalStateException("simulation ran out of stack: a mechanism's FUNCTION or PROCEDURE calls nest"
                + " too deeply (give the threads more stack with BSB_JAVA_OPTS=-Xss<size>)", e);
    }

    /** Gathers the groups' spikes in (time, source) order and queues their connection events. */
    private static void exchange(CellGroup[] groups, Network net, int[][] bySource, int[] targetGroup,
            List<List<Double>> spikeLists) {
        int total = 0;
        for (CellGroup g : groups) {
            total += g.spikeCount;
        }
        if (total == 0) {
            return;
        }
        long[] order = new long[total];
        double[] tDel = new double[total];
        double[] tRec = new double[total];
        int[] src = new int[total];
        int k = 0;
        for (CellGroup g : groups) {
            for (int i = 0; i < g.spikeCount; i++, k++) {
                src[k] = g.spikeSource[i];
                tDel[k] = g.spikeDeliverTime[i];
                tRec[k] = g.spikeRecordTime[i];
            }
            g.spikeCount = 0;
        }
        Integer[] idx = new Integer[total];
        for (int i = 0; i < total; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> {
            int c = Double.compare(tDel[x], tDel[y]);
            return c != 0 ? c : Integer.compare(src[x], src[y]);
        });
        for (int i : idx) {
            spikeLists.get(src[i]).add(tRec[i]);
            for (int nc : bySource[src[i]]) {
                groups[targetGroup[nc]].enqueueConnection(nc, tDel[i] + net.connections.get(nc).delay());
            }
        }
    }

    /**
     * Nodes per group: with every mechanism's per-instance rows, a group of this size keeps its working
     * set within a core's L2 cache (a few hundred KiB), while the per-group cost of each step (a call per
     * mechanism type and phase, the tree solve set-up) stays small against the per-node work.
     */
    static final int GROUP_NODES = 256;

    /** Splits contiguous {@code cells} into runs of at most {@link #GROUP_NODES} nodes (a larger cell alone). */
    private static List<int[]> cacheSizedGroups(Network net, int[] cells) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        long nodes = 0;
        for (int k = 0; k < cells.length; k++) {
            int n = net.layouts.get(cells[k]).nodeCount();
            if (k > start && nodes + n > GROUP_NODES) {
                out.add(Arrays.copyOfRange(cells, start, k));
                start = k;
                nodes = 0;
            }
            nodes += n;
        }
        if (cells.length > start || out.isEmpty()) {
            out.add(Arrays.copyOfRange(cells, start, cells.length));
        }
        return out;
    }

    /** Contiguous blocks of cells with balanced node counts. */
    private static int[][] partition(Network net, int ngroups) {
        int ncell = net.cells.size();
        long totalNodes = 0;
        for (CellLayout l : net.layouts) {
            totalNodes += l.nodeCount();
        }
        int[][] out = new int[ngroups][];
        int c = 0;
        long acc = 0;
        for (int g = 0; g < ngroups; g++) {
            List<Integer> cells = new ArrayList<>();
            long target = totalNodes * (g + 1) / ngroups;
            while (c < ncell && (acc < target || g == ngroups - 1) && (ncell - c) > (ngroups - g - 1)) {
                cells.add(c);
                acc += net.layouts.get(c).nodeCount();
                c++;
                if (acc >= target && g < ngroups - 1) {
                    break;
                }
            }
            out[g] = cells.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
