package org.bsb.core.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementIndicator;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.config.DependencyOrder;
import org.bsb.core.config.Distribution;
import org.bsb.core.network.Blocks;
import org.bsb.core.network.Seeds;
import org.bsb.core.topology.Partition;

/**
 * Runs one placement job per (strategy, chunk) on a thread pool. Each job draws from its own
 * stream ({@link Seeds}): counts, the strategy's positions and the morphology choice come from
 * three streams split off it in a fixed order, and results are assembled in (strategy, chunk)
 * order, so the outcome does not depend on the thread count or scheduling.
 */
public final class PlacementPhase {
    private final CompilePlan plan;
    private final MorphologyRepository morphologies;
    private final long seed;
    private final Reporter reporter;
    private Remote remote;

    /** Where a placement job runs instead of this process (a cluster's member): its blocks as bytes. */
    @FunctionalInterface
    public interface Remote {
        /** Runs the job of {@code spec} in {@code chunk}; returns its blocks ({@link JobCodec#placement}). */
        byte[] run(PlacementSpec spec, ChunkId chunk) throws Exception;
    }

    /** Sends every job through {@code remote} (null: run them here). */
    public PlacementPhase remote(Remote remote) {
        this.remote = remote;
        return this;
    }

    public PlacementPhase(CompilePlan plan, MorphologyRepository morphologies, long seed, Reporter reporter) {
        this.plan = plan;
        this.morphologies = morphologies;
        this.seed = seed;
        this.reporter = reporter;
    }

    /**
     * The strategies to run: all, or those named in {@code only} (null for all), in
     * {@code depends_on} order with ties by name, as the original.
     */
    public List<PlacementSpec> selected(Set<String> only) throws CompileException {
        if (only != null) {
            for (String name : only) {
                if (plan.placement().stream().noneMatch(p -> p.name().equals(name))) {
                    throw new CompileException("--only-placement: unknown placement strategy '" + name + "'; known: "
                            + String.join(
                                    ", ",
                                    plan.placement().stream()
                                            .map(PlacementSpec::name)
                                            .toList()));
                }
            }
        }
        List<PlacementSpec> out = new ArrayList<>();
        for (PlacementSpec p : ordered(plan.placement())) {
            if (only == null || only.contains(p.name())) {
                out.add(p);
            }
        }
        return out;
    }

    /** {@code specs} in {@code depends_on} order, ties by name. */
    static List<PlacementSpec> ordered(List<PlacementSpec> specs) throws CompileException {
        Map<String, PlacementSpec> byName = new LinkedHashMap<>();
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (PlacementSpec p : specs) {
            byName.put(p.name(), p);
            deps.put(p.name(), p.dependsOn());
        }
        try {
            return DependencyOrder.sort(deps).stream().map(byName::get).toList();
        } catch (DependencyOrder.CycleException e) {
            throw new CompileException("placement." + e.cycle().get(0) + ".depends_on: " + e.getMessage());
        }
    }

    /**
     * Places every given strategy, in {@code depends_on} order: a strategy's jobs start only once
     * all jobs of the given strategies it depends on are done (dependencies not given, e.g.
     * excluded by {@code --only-placement}, are not waited for). Blocks come back merged per
     * (cell type, chunk), sorted.
     */
    public List<PlacementBlock> run(List<PlacementSpec> strategies, ExecutorService pool) throws CompileException {
        List<Task> tasks = new ArrayList<>();
        Map<String, List<Task>> byStrategy = new LinkedHashMap<>();
        PlacementBudget budget = new PlacementBudget();
        for (PlacementSpec spec : ordered(strategies)) {
            List<Partition> parts = partitions(spec);
            Map<String, List<String>> morphoNames = new LinkedHashMap<>();
            for (String ct : spec.cellTypes()) {
                CellTypeSpec type = spec.cellType(plan, ct);
                if (type == null) {
                    throw new CompileException(
                            "placement." + spec.name() + ".cell_types: unknown cell type '" + ct + "'");
                }
                try {
                    budget.add(type, spec.name(), parts, this::placementsOf);
                } catch (IndicatorException e) {
                    // reported with its job's context when the job asks for the count
                }
                morphoNames.put(
                        ct,
                        type.morphologies().isEmpty()
                                ? List.of()
                                : morphologies.select(
                                        type.morphologies(), "cell_types." + ct + ".spatial.morphologies"));
            }
            List<ChunkId> chunks;
            try {
                chunks = jobChunks(spec, parts);
            } catch (RuntimeException e) {
                throw new CompileException("placement." + spec.name() + ": " + e.getMessage(), e);
            }
            List<Task> own = new ArrayList<>();
            for (ChunkId chunk : chunks) {
                own.add(new Task(spec, parts, chunk, morphoNames));
            }
            tasks.addAll(own);
            byStrategy.put(spec.name(), own);
        }
        budget.estimates()
                .values()
                .forEach(e -> reporter.report(
                        2,
                        "Placement: about " + PlacementBudget.count(e.cells()) + " cells of '" + e.cellType()
                                + "' expected"));
        budget.check(Runtime.getRuntime().maxMemory());
        AtomicInteger done = new AtomicInteger();
        int total = tasks.size();
        Map<String, CompletableFuture<Void>> finished = new HashMap<>();
        Map<Task, CompletableFuture<List<PlacementBlock>>> futures = new LinkedHashMap<>();
        for (Map.Entry<String, List<Task>> e : byStrategy.entrySet()) {
            PlacementSpec spec = e.getValue().isEmpty() ? null : e.getValue().get(0).spec;
            List<CompletableFuture<Void>> before = new ArrayList<>();
            if (spec != null) {
                for (String d : spec.dependsOn()) {
                    if (finished.containsKey(d)) {
                        before.add(finished.get(d));
                    }
                }
            }
            CompletableFuture<Void> ready = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new));
            List<CompletableFuture<List<PlacementBlock>>> own = new ArrayList<>();
            for (Task t : e.getValue()) {
                CompletableFuture<List<PlacementBlock>> f = ready.thenApplyAsync(
                        x -> {
                            List<PlacementBlock> r = remote == null ? t.call() : t.callRemote(remote);
                            int d = done.incrementAndGet();
                            if (d == total || d % Math.max(1, total / 10) == 0) {
                                reporter.report(2, "Placement: " + d + "/" + total + " jobs done");
                            }
                            return r;
                        },
                        pool);
                own.add(f);
                futures.put(t, f);
            }
            finished.put(e.getKey(), CompletableFuture.allOf(own.toArray(CompletableFuture[]::new)));
        }
        List<PlacementBlock> blocks = new ArrayList<>();
        try {
            for (Map.Entry<Task, CompletableFuture<List<PlacementBlock>>> e : futures.entrySet()) {
                try {
                    blocks.addAll(e.getValue().get());
                } catch (ExecutionException ex) {
                    Task t = e.getKey();
                    Throwable cause = ex.getCause() instanceof TaskFailure tf ? tf.getCause() : ex.getCause();
                    throw new CompileException(
                            "placement." + t.spec.name() + " in chunk " + format(t.chunk) + ": "
                                    + (cause.getMessage() != null ? cause.getMessage() : cause.toString()),
                            cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompileException("placement interrupted");
        } finally {
            for (Future<?> f : futures.values()) {
                f.cancel(true);
            }
        }
        return Blocks.merge(blocks);
    }

    /** Carries a job's checked failure through a {@link CompletableFuture}. */
    private static final class TaskFailure extends RuntimeException {
        TaskFailure(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Runs the one job of the strategy named {@code name} in chunk {@code chunkId} here (a cluster member's side of a
     * job rank 0 sent): the blocks it makes, not merged, as {@link #run} would get them from that job.
     */
    public List<PlacementBlock> runJob(String name, long chunkId) throws CompileException {
        PlacementSpec spec = plan.placement().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CompileException("no placement strategy '" + name + "' in this plan"));
        ChunkId chunk = ChunkId.ofId(chunkId);
        Map<String, List<String>> morphoNames = new LinkedHashMap<>();
        for (String ct : spec.cellTypes()) {
            CellTypeSpec type = spec.cellType(plan, ct);
            if (type == null) {
                throw new CompileException("placement." + spec.name() + ".cell_types: unknown cell type '" + ct + "'");
            }
            morphoNames.put(
                    ct,
                    type.morphologies().isEmpty()
                            ? List.of()
                            : morphologies.select(type.morphologies(), "cell_types." + ct + ".spatial.morphologies"));
        }
        try {
            return new Task(spec, partitions(spec), chunk, morphoNames).run();
        } catch (PlacementException | RuntimeException e) {
            throw new CompileException(
                    "placement." + name + " in chunk " + format(chunk) + ": "
                            + (e.getMessage() != null ? e.getMessage() : e.toString()),
                    e);
        }
    }

    /** Where each cell type is placed, for {@code relative_to}: every strategy of the plan that places it. */
    private List<CellCounts.Placement> placementsOf(String cellType) {
        List<CellCounts.Placement> out = new ArrayList<>();
        for (PlacementSpec spec : plan.placement()) {
            if (spec.cellTypes().contains(cellType)) {
                try {
                    out.add(new CellCounts.Placement(spec.cellType(plan, cellType), partitions(spec)));
                } catch (CompileException e) {
                    throw new IndicatorException(e.getMessage());
                }
            }
        }
        return out;
    }

    private List<Partition> partitions(PlacementSpec spec) throws CompileException {
        List<Partition> parts = new ArrayList<>();
        for (String name : spec.partitions()) {
            Partition p = plan.topology().partition(name);
            if (p == null) {
                throw new CompileException(
                        "placement." + spec.name() + ".partitions: unknown partition '" + name + "'");
            }
            parts.add(p);
        }
        return parts;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<ChunkId> jobChunks(PlacementSpec spec, List<Partition> parts) {
        PlacementStrategy strategy = spec.strategy();
        List<ChunkId> chunks = new ArrayList<>(strategy.jobChunks(
                spec.parameters(),
                plan.topology().chunks(parts),
                plan.topology().network().chunkSize()));
        chunks.sort(null);
        return chunks;
    }

    /** A chunk as the original prints it, {@code [x y z]}. */
    public static String format(ChunkId c) {
        return "[" + c.x() + " " + c.y() + " " + c.z() + "]";
    }

    private final class Task {
        final PlacementSpec spec;
        final List<Partition> parts;
        final ChunkId chunk;
        final Map<String, List<String>> morphoNames;

        Task(PlacementSpec spec, List<Partition> parts, ChunkId chunk, Map<String, List<String>> morphoNames) {
            this.spec = spec;
            this.parts = parts;
            this.chunk = chunk;
            this.morphoNames = morphoNames;
        }

        List<PlacementBlock> call() {
            try {
                return run();
            } catch (PlacementException | RuntimeException e) {
                throw new TaskFailure(e);
            }
        }

        List<PlacementBlock> callRemote(Remote r) {
            try {
                return JobCodec.placement(r.run(spec, chunk));
            } catch (Exception e) {
                throw new TaskFailure(e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        List<PlacementBlock> run() throws PlacementException {
            SplittableRandom base = Seeds.stream(seed, spec.name(), chunk.id());
            SplittableRandom counts = base.split();
            SplittableRandom distribution = base.split();
            Box chunkBox = chunk.box(plan.topology().network().chunkSize());
            List<PlacementIndicator> indicators = new ArrayList<>();
            for (String ct : spec.cellTypes()) {
                indicators.add(new Indicator(
                        spec.cellType(plan, ct),
                        spec.name(),
                        parts,
                        chunkBox,
                        counts,
                        PlacementPhase.this::placementsOf));
            }
            JobImpl job = new JobImpl(spec, chunk, chunkBox, plan.topology().voxels(parts, chunk), indicators, base);
            ((PlacementStrategy) spec.strategy()).place(job);
            List<PlacementBlock> out = new ArrayList<>();
            for (Map.Entry<String, double[]> e : job.placed().entrySet()) {
                double[] pos = e.getValue();
                int n = pos.length / 3;
                List<String> names = morphoNames.get(e.getKey());
                int[] morpho = new int[n];
                if (names.isEmpty()) {
                    Arrays.fill(morpho, -1);
                } else if (spec.distribution().morphologies() == Distribution.Morphologies.ROUNDROBIN) {
                    for (int i = 0; i < n; i++) {
                        morpho[i] = i % names.size();
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        morpho[i] = distribution.nextInt(names.size());
                    }
                }
                double[] rotations = new double[3 * n];
                if (spec.distribution().rotations() == Distribution.Rotations.RANDOM) {
                    // a stream of its own, so that positions and morphologies do not depend on this choice
                    SplittableRandom angles = Seeds.stream(seed, spec.name() + "/rotations/" + e.getKey(), chunk.id());
                    for (int k = 0; k < 3 * n; k++) {
                        rotations[k] = angles.nextDouble(360.0);
                    }
                }
                out.add(new PlacementBlock(e.getKey(), chunk, pos, rotations, morpho, names));
            }
            return out;
        }
    }

    /** Lazily evaluated, so strategies that need no count or radius (FixedPositions) never fail for lack of one. */
    private static final class Indicator implements PlacementIndicator {
        private final CellTypeSpec type;
        private final String strategy;
        private final List<Partition> parts;
        private final Box chunk;
        private final RandomGenerator random;
        private final CellCounts.Related related;
        private Integer count;

        Indicator(
                CellTypeSpec type,
                String strategy,
                List<Partition> parts,
                Box chunk,
                RandomGenerator random,
                CellCounts.Related related) {
            this.related = related;
            this.type = type;
            this.strategy = strategy;
            this.parts = parts;
            this.chunk = chunk;
            this.random = random;
        }

        @Override
        public String cellType() {
            return type.name();
        }

        @Override
        public double radius() {
            if (type.radius() == null) {
                throw new IndicatorException("No configuration indicators found for the radius of '" + type.name()
                        + "' in '" + strategy + "': give cell_types." + type.name() + ".spatial.radius");
            }
            return type.radius();
        }

        @Override
        public synchronized int count() {
            if (count == null) {
                count = CellCounts.round(CellCounts.estimate(type, strategy, parts, chunk, related), random);
            }
            return count;
        }
    }

    private final class JobImpl implements PlacementJob<Record> {
        private final PlacementSpec spec;
        private final ChunkId chunk;
        private final Box chunkBox;
        private final List<Box> voxels;
        private final List<PlacementIndicator> indicators;
        private final RandomGenerator random;
        private final Map<String, double[]> placed = new LinkedHashMap<>();

        JobImpl(
                PlacementSpec spec,
                ChunkId chunk,
                Box chunkBox,
                List<Box> voxels,
                List<PlacementIndicator> indicators,
                RandomGenerator random) {
            this.spec = spec;
            this.chunk = chunk;
            this.chunkBox = chunkBox;
            this.voxels = List.copyOf(voxels);
            this.indicators = List.copyOf(indicators);
            this.random = random;
        }

        Map<String, double[]> placed() {
            return placed;
        }

        @Override
        public String strategyName() {
            return spec.name();
        }

        @Override
        public Record parameters() {
            return spec.parameters();
        }

        @Override
        public ChunkId chunk() {
            return chunk;
        }

        @Override
        public Box chunkBox() {
            return chunkBox;
        }

        @Override
        public List<Box> voxels() {
            return voxels;
        }

        @Override
        public List<PlacementIndicator> indicators() {
            return indicators;
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public void place(String cellType, double[] positions) {
            if (!spec.cellTypes().contains(cellType)) {
                throw new IllegalArgumentException(
                        "strategy placed cell type '" + cellType + "', which is not one of " + spec.cellTypes());
            }
            if (positions.length % 3 != 0) {
                throw new IllegalArgumentException(
                        "positions must be x, y, z triples, got " + positions.length + " values");
            }
            if (positions.length == 0) {
                return;
            }
            placed.merge(cellType, positions.clone(), (a, b) -> {
                double[] c = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, c, a.length, b.length);
                return c;
            });
        }

        @Override
        public Reporter reporter() {
            return reporter;
        }
    }
}
