package org.bsb.core.connectivity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bsb.api.Reporter;
import org.bsb.api.concurrent.ThreadPools;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.RegionContext;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.core.network.PlacedCells;
import org.bsb.core.network.Seeds;

/**
 * Runs connectivity tasks as jobs on a thread pool: one job per presynaptic chunk against its
 * region of interest (or per postsynaptic chunk for inverted strategies), each with its own
 * random stream, and assembles the connections per set and presynaptic chunk in job order, so
 * the result does not depend on the number of threads.
 */
public final class ConnectivityRunner {
    private final PlacedCells cells;
    private final long seed;
    private final int threads;
    private final Reporter reporter;
    private final FilteredMorphologies views;
    private Remote remote;

    /** Where a connectivity job runs instead of this process (a cluster's member): its connections as bytes. */
    @FunctionalInterface
    public interface Remote {
        /** Runs the job of {@code task} in {@code chunk}; returns what {@link #runJob} returns there. */
        byte[] run(ConnectivityTask task, ChunkId chunk) throws Exception;
    }

    /** Sends every job through {@code remote} (null: run them here). */
    public ConnectivityRunner remote(Remote remote) {
        this.remote = remote;
        return this;
    }

    public ConnectivityRunner(PlacedCells cells, long seed, int threads, Reporter reporter) {
        this.cells = cells;
        this.seed = seed;
        this.threads = Math.max(1, threads);
        this.reporter = reporter;
        this.views = new FilteredMorphologies(cells);
    }

    /** Runs the tasks in order on {@code pool}; returns their blocks, per task and set in pre chunk order. */
    public List<ConnectivityBlock> run(List<ConnectivityTask> tasks, ExecutorService pool)
            throws ConnectivityException {
        List<ConnectivityBlock> out = new ArrayList<>();
        for (ConnectivityTask task : tasks) {
            out.addAll(run(task, pool));
        }
        return out;
    }

    /** Runs the tasks in order on a pool of its own with the runner's thread count. */
    public List<ConnectivityBlock> run(List<ConnectivityTask> tasks) throws ConnectivityException {
        List<ConnectivityBlock> out = new ArrayList<>();
        ExecutorService pool = ThreadPools.fixed("bsb-connectivity", threads);
        try {
            for (ConnectivityTask task : tasks) {
                out.addAll(run(task, pool));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private List<ConnectivityBlock> run(ConnectivityTask task, ExecutorService pool) throws ConnectivityException {
        long start = System.nanoTime();
        List<Planned> jobs = plan(task);
        if (jobs.isEmpty()) {
            reporter.warn(task.name() + ": no overlap found between the presynaptic and postsynaptic cells;"
                    + " no connections made");
        }
        AtomicInteger done = new AtomicInteger();
        List<Future<List<JobConnections.Batch>>> futures = new ArrayList<>();
        for (Planned planned : jobs) {
            if (remote != null) {
                futures.add(pool.submit(() -> {
                    List<JobConnections.Batch> batches = BatchCodec.decode(remote.run(task, planned.chunk()));
                    int d = done.incrementAndGet();
                    reporter.report(
                            3,
                            task.name() + ": job " + d + "/" + jobs.size() + " (chunk " + chunkText(planned.chunk())
                                    + ") done");
                    return batches;
                }));
                continue;
            }
            futures.add(pool.submit(() -> {
                // populations are built here and dropped with the job: only the connections stay
                JobConnections<?> job = planned.build();
                runJob(task.strategy(), job);
                int d = done.incrementAndGet();
                reporter.report(
                        3,
                        task.name() + ": job " + d + "/" + jobs.size() + " (chunk " + chunkText(job.chunk())
                                + ") done");
                return job.batches();
            }));
        }
        List<List<JobConnections.Batch>> results = new ArrayList<>();
        for (Future<List<JobConnections.Batch>> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectivityException(task.name() + ": interrupted");
            } catch (ExecutionException e) {
                for (Future<?> g : futures) {
                    g.cancel(true);
                }
                results.clear();
                Throwable c = e.getCause();
                if (c instanceof ConnectivityException ce) {
                    throw new ConnectivityException("connectivity." + task.name() + ": " + ce.getMessage());
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            }
        }
        List<ConnectivityBlock> blocks = assemble(task, results);
        long n = blocks.stream().mapToLong(ConnectivityBlock::size).sum();
        reporter.report(
                2,
                String.format(
                        "%s: %d connections in %d jobs, %.2f s",
                        task.name(), n, jobs.size(), (System.nanoTime() - start) / 1e9));
        return blocks;
    }

    /**
     * Runs the one job of {@code task} in chunk {@code chunkId} here (a cluster member's side of a job rank 0 sent):
     * its connections as bytes, which rank 0 assembles as if the job had run in its own pool. A chunk without a job
     * (no region of interest) gives no connections.
     */
    public byte[] runJob(ConnectivityTask task, long chunkId) throws ConnectivityException {
        ChunkId chunk = ChunkId.ofId(chunkId);
        for (Planned planned : plan(task)) {
            if (planned.chunk().equals(chunk)) {
                JobConnections<?> job = planned.build();
                runJob(task.strategy(), job);
                return BatchCodec.encode(job.batches());
            }
        }
        return BatchCodec.encode(List.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void runJob(ConnectionStrategy strategy, JobConnections job) throws ConnectivityException {
        strategy.connect(job);
    }

    /** A job to be made: its chunk and how to build it. */
    record Planned(ChunkId chunk, java.util.function.Supplier<JobConnections<?>> builder) {
        JobConnections<?> build() {
            return builder.get();
        }
    }

    /** The jobs of a task, in chunk order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Planned> plan(ConnectivityTask task) {
        Hemitype pre = task.presynaptic();
        Hemitype post = task.postsynaptic();
        Context ctx = new Context(cells, pre.cellTypes(), post.cellTypes());
        ConnectionStrategy strategy = task.strategy();
        boolean inverted = strategy.jobsPerPostsynapticChunk();
        Set<ChunkId> jobChunks = inverted ? ctx.postsynapticChunks() : ctx.presynapticChunks();
        List<Planned> jobs = new ArrayList<>();
        // populations are immutable: jobs whose region is a whole side (e.g. "all chunks") share one
        Map<List<Object>, ChunkPopulation> shared = new java.util.concurrent.ConcurrentHashMap<>();
        Set<ChunkId> allPre = ctx.presynapticChunks();
        Set<ChunkId> allPost = ctx.postsynapticChunks();
        for (ChunkId c : jobChunks) {
            Collection<ChunkId> roi = strategy.regionOfInterest(task.parameters(), c, ctx);
            if (roi == null || roi.isEmpty()) {
                continue;
            }
            Collection<ChunkId> preChunks = inverted ? roi : List.of(c);
            Collection<ChunkId> postChunks = inverted ? List.of(c) : roi;
            jobs.add(new Planned(c, () -> {
                List<CellPopulation> prePops = new ArrayList<>();
                for (String t : pre.cellTypes()) {
                    prePops.add(population(shared, allPre, t, preChunks, pre));
                }
                List<CellPopulation> postPops = new ArrayList<>();
                for (String t : post.cellTypes()) {
                    postPops.add(population(shared, allPost, t, postChunks, post));
                }
                return new JobConnections(
                        task.name(),
                        task.parameters(),
                        c,
                        prePops,
                        postPops,
                        pre,
                        post,
                        Seeds.stream(seed, task.name(), c.id()),
                        reporter);
            }));
        }
        return jobs;
    }

    private ChunkPopulation population(
            Map<List<Object>, ChunkPopulation> shared,
            Set<ChunkId> all,
            String type,
            Collection<ChunkId> chunks,
            Hemitype side) {
        List<ChunkId> sorted = new ArrayList<>(new TreeSet<>(chunks));
        if (sorted.size() > 1 && sorted.size() == all.size()) {
            return shared.computeIfAbsent(
                    List.of(type, side.labels(), side.morphologyLabels()),
                    k -> new ChunkPopulation(cells, views, type, sorted, side.labels(), side.morphologyLabels()));
        }
        return new ChunkPopulation(cells, views, type, sorted, side.labels(), side.morphologyLabels());
    }

    private static List<ConnectivityBlock> assemble(ConnectivityTask task, List<List<JobConnections.Batch>> jobs) {
        // set name -> pre chunk -> batches, sets in (pre type, post type) hemitype order
        Map<String, TreeMap<ChunkId, List<int[][]>>> sets = new LinkedHashMap<>();
        Map<String, String[]> types = new HashMap<>();
        for (String pre : task.presynaptic().cellTypes()) {
            for (String post : task.postsynaptic().cellTypes()) {
                String set = OutputNaming.setName(task, pre, post);
                if (set == null) {
                    continue;
                }
                sets.put(set, new TreeMap<>());
                types.put(set, new String[] {pre, post});
            }
        }
        for (List<JobConnections.Batch> job : jobs) {
            for (JobConnections.Batch b : job) {
                String set = OutputNaming.setName(task, b.preType(), b.postType());
                TreeMap<ChunkId, List<int[][]>> byChunk = sets.get(set);
                if (byChunk == null) {
                    continue; // output naming dropped this pair
                }
                // split the batch by presynaptic chunk, keeping its order
                Map<ChunkId, int[]> counts = new TreeMap<>();
                for (ChunkId c : b.preChunks()) {
                    counts.computeIfAbsent(c, k -> new int[1])[0]++;
                }
                for (var e : counts.entrySet()) {
                    int n = e.getValue()[0];
                    int[] pre = new int[3 * n];
                    int[] post = new int[3 * n];
                    int k = 0;
                    for (int i = 0; i < b.size(); i++) {
                        if (b.preChunks()[i].equals(e.getKey())) {
                            System.arraycopy(b.pre(), 3 * i, pre, 3 * k, 3);
                            System.arraycopy(b.post(), 3 * i, post, 3 * k, 3);
                            k++;
                        }
                    }
                    byChunk.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(new int[][] {pre, post});
                }
            }
        }
        List<ConnectivityBlock> out = new ArrayList<>();
        for (var s : sets.entrySet()) {
            String[] t = types.get(s.getKey());
            for (var c : s.getValue().entrySet()) {
                int n = c.getValue().stream().mapToInt(a -> a[0].length).sum();
                int[] pre = new int[n];
                int[] post = new int[n];
                int at = 0;
                for (int[][] a : c.getValue()) {
                    System.arraycopy(a[0], 0, pre, at, a[0].length);
                    System.arraycopy(a[1], 0, post, at, a[1].length);
                    at += a[0].length;
                }
                out.add(new ConnectivityBlock(s.getKey(), t[0], t[1], c.getKey().id(), pre, post));
            }
        }
        return out;
    }

    static String chunkText(ChunkId c) {
        return c.x() + "," + c.y() + "," + c.z();
    }

    /** The region context of one task. */
    private static final class Context implements RegionContext {
        private final PlacedCells cells;
        private final Set<ChunkId> preChunks = new TreeSet<>();
        private final Set<ChunkId> postChunks = new TreeSet<>();
        private final Box preBounds;
        private final Box postBounds;

        Context(PlacedCells cells, List<String> pre, List<String> post) {
            this.cells = cells;
            pre.forEach(t -> preChunks.addAll(cells.chunks(t)));
            post.forEach(t -> postChunks.addAll(cells.chunks(t)));
            preBounds = cells.morphologyBounds(pre);
            postBounds = cells.morphologyBounds(post);
        }

        @Override
        public Point3 chunkSize() {
            return cells.chunkSize();
        }

        @Override
        public Set<ChunkId> presynapticChunks() {
            return preChunks;
        }

        @Override
        public Set<ChunkId> postsynapticChunks() {
            return postChunks;
        }

        @Override
        public Box presynapticMorphologyBounds() {
            return preBounds;
        }

        @Override
        public Box postsynapticMorphologyBounds() {
            return postBounds;
        }
    }
}
