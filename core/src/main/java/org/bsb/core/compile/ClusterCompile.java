package org.bsb.core.compile;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bsb.api.Reporter;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.cluster.JobCluster;
import org.bsb.api.cluster.JobDescriptor;
import org.bsb.api.cluster.JobRefusedException;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.connectivity.ConnectivityRunner;
import org.bsb.core.connectivity.ConnectivityTask;
import org.bsb.core.network.PlacedCells;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.ServiceKind;

/**
 * A compile split over the processes of a {@link JobCluster}. Rank 0 runs the {@link Compiler} as always, but each
 * placement and connectivity job goes to a member as a {@link JobDescriptor} (phase, node name, strategy service,
 * chunk id, network seed) and comes back as bytes ({@link JobCodec}); once placement (and its
 * {@code after_placement} hooks) is done, rank 0 publishes the placed cells once under {@link #PLACED}, which every
 * member fetches before its first connectivity job. Blocks are assembled in (strategy, chunk) order as in one
 * process and each job draws from its own streams, so the file does not depend on which member ran a job.
 *
 * <p>Every member (rank 0 too) serves jobs with {@link #handler}: it builds the same plan from the same config,
 * resolves the job's strategy through its own registry and refuses a job naming one it does not have.
 */
public final class ClusterCompile {
    /** The key under which rank 0 publishes the placement blocks before connectivity. */
    public static final String PLACED = "placement";

    /**
     * The key under which rank 0 publishes its config (absolute path and text, {@link #configSource}) for members
     * started without one ({@code bsb worker}, {@link #workerHandler}).
     */
    public static final String CONFIG = "config";

    private final JobCluster.Session session;
    private final AtomicInteger next = new AtomicInteger();

    public ClusterCompile(JobCluster.Session session) {
        this.session = session;
    }

    public int size() {
        return session.size();
    }

    /** Placement jobs sent to the members. */
    PlacementPhase.Remote placement(long seed) {
        return (spec, chunk) -> await(session.submit(
                new JobDescriptor(JobDescriptor.PLACEMENT, spec.name(), spec.strategyName(), chunk.id(), seed),
                next.getAndIncrement()));
    }

    /** Connectivity jobs sent to the members; {@code services}: node name to strategy service name. */
    ConnectivityRunner.Remote connectivity(long seed, Map<String, String> services) {
        return (task, chunk) -> {
            try {
                return await(session.submit(
                        new JobDescriptor(
                                JobDescriptor.CONNECTIVITY,
                                task.name(),
                                services.getOrDefault(task.name(), "?"),
                                chunk.id(),
                                seed),
                        next.getAndIncrement()));
            } catch (RuntimeException e) {
                throw new ConnectivityException(e.getMessage() != null ? e.getMessage() : e.toString());
            }
        };
    }

    /** Publishes the placed network for the members' connectivity jobs. */
    void publishPlacement(List<PlacementBlock> placement) {
        session.publish(PLACED, JobCodec.placement(placement));
    }

    private static byte[] await(CompletableFuture<byte[]> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception x) {
                throw x;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Rank 0's half of a split compile: runs the compile with the members' help and returns its result. */
    @FunctionalInterface
    public interface RankZero<T> {
        T compile(ClusterCompile cluster) throws CompileException;
    }

    /**
     * One process's part of a split compile on a joined {@code session}, the same for {@code bsb compile --cluster},
     * {@code bsb worker} and {@code Scaffold.compile}: rank 0 publishes {@code config} (when not null, for workers),
     * runs {@code compile} and tells the other ranks how it ended; the other ranks serve jobs until then. Returns
     * rank 0's result, null on the other ranks.
     *
     * @param planError why this process could not build the plan (rank 0 then fails with it), or null
     * @throws CompileException rank 0's failure (on every rank; on ranks &gt; 0 prefixed with the rank)
     */
    public static <T> T run(
            JobCluster.Session session, byte[] config, String planError, Reporter reporter, RankZero<T> compile)
            throws CompileException {
        reporter.report(2, session.describe() + ": every member joined");
        if (session.rank() != 0) {
            if (planError != null) {
                reporter.warn(session.describe() + ": this member could not build the compile plan and refuses"
                        + " its jobs: " + planError);
            }
            String failure = session.awaitFinish();
            if (failure != null) {
                throw new CompileException("rank " + session.rank() + ": the compile failed: " + failure);
            }
            return null;
        }
        if (planError != null) {
            session.finish(planError);
            throw new CompileException(planError);
        }
        if (config != null) {
            session.publish(CONFIG, config);
        }
        try {
            T result = compile.compile(new ClusterCompile(session));
            session.finish(null);
            return result;
        } catch (CompileException e) {
            session.finish(e.getMessage());
            throw e;
        } catch (org.bsb.api.command.CommandFailure e) {
            session.finish(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            session.finish(e.toString());
            throw e;
        }
    }

    /**
     * What rank 0 publishes for members without a config: the config file's absolute path (its relative references
     * resolve against its folder, so the members must see the project folder at the same path: a shared
     * filesystem) and its text (so every member builds the plan from what rank 0 read).
     */
    public static byte[] configSource(java.nio.file.Path file, String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            byte[] path =
                    file.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(path.length);
            out.write(path);
            out.writeInt(body.length);
            out.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The config {@link #configSource} encoded, loaded and checked here; its warnings go to {@code reporter}. */
    public static org.bsb.core.config.LoadedConfig loadConfig(byte[] source, Registry registry, Reporter reporter)
            throws CompileException {
        java.nio.file.Path file;
        String text;
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(source))) {
            byte[] path = new byte[in.readInt()];
            in.readFully(path);
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            file = java.nio.file.Path.of(new String(path, java.nio.charset.StandardCharsets.UTF_8));
            text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            throw new CompileException("the config rank 0 published is damaged: " + e);
        }
        String name = file.getFileName().toString();
        try {
            org.bsb.core.config.LoadedConfig loaded = org.bsb.core.config.ConfigLoader.check(
                            name,
                            text,
                            org.bsb.core.config.ConfigLoader.formatFor(name, registry),
                            registry,
                            file.getParent(),
                            false)
                    .orThrowForNetwork();
            for (org.bsb.core.config.ConfigError w : loaded.warnings()) {
                reporter.report(2, w.toString());
            }
            return loaded;
        } catch (org.bsb.core.config.ConfigException e) {
            throw new CompileException(
                    "the config rank 0 published (" + file + ") is not valid on this member:\n" + e.getMessage());
        }
    }

    /**
     * What a member started without a config ({@code bsb worker}) runs: before its first job it fetches the config
     * rank 0 published under {@link #CONFIG}, builds the plan with {@code registry} and from then on serves as
     * {@link #handler}; a member that cannot build the plan refuses its jobs saying why.
     */
    public static JobCluster.JobHandler workerHandler(Registry registry, Reporter reporter) {
        return new JobCluster.JobHandler() {
            private JobCluster.JobHandler delegate;

            @Override
            public byte[] run(JobDescriptor job, Function<String, byte[]> published) throws Exception {
                return delegate(published).run(job, published);
            }

            private synchronized JobCluster.JobHandler delegate(Function<String, byte[]> published) {
                if (delegate == null) {
                    CompilePlan plan = null;
                    String error = null;
                    try {
                        org.bsb.core.config.LoadedConfig loaded =
                                loadConfig(published.apply(CONFIG), registry, reporter);
                        plan = PlanBuilder.build(loaded, registry);
                        reporter.report(
                                2,
                                "Built the compile plan of " + loaded.config().name() + " from rank 0's config");
                    } catch (CompileException e) {
                        error = e.getMessage();
                        reporter.warn("this member could not build the compile plan and refuses its jobs: " + error);
                    }
                    delegate = handler(plan, error, registry, reporter);
                }
                return delegate;
            }
        };
    }

    /**
     * What this member runs: the jobs of {@code plan} (null if this member could not build it, {@code planError}
     * saying why), strategies resolved through {@code registry}.
     */
    public static JobCluster.JobHandler handler(
            CompilePlan plan, String planError, Registry registry, Reporter reporter) {
        return new Handler(plan, planError, registry, reporter);
    }

    private static final class Handler implements JobCluster.JobHandler {
        private final CompilePlan plan;
        private final String planError;
        private final Registry registry;
        private final Reporter reporter;
        private MorphologyRepository morphologies;
        private final Map<Long, ConnectivityRunner> runners = new ConcurrentHashMap<>();
        private final Map<String, ConnectivityTask> tasks = new ConcurrentHashMap<>();

        Handler(CompilePlan plan, String planError, Registry registry, Reporter reporter) {
            this.plan = plan;
            this.planError = planError;
            this.registry = registry;
            this.reporter = reporter;
        }

        @Override
        public byte[] run(JobDescriptor job, Function<String, byte[]> published) throws Exception {
            boolean placement = job.phase().equals(JobDescriptor.PLACEMENT);
            try {
                registry.entry(placement ? ServiceKind.PLACEMENT : ServiceKind.CONNECTIVITY, job.strategy());
            } catch (UnknownServiceException e) {
                throw new JobRefusedException("no " + job.phase() + " strategy '" + job.strategy()
                        + "' is installed on this member, which cannot run " + job.describe());
            }
            if (plan == null) {
                throw new JobRefusedException("cannot run " + job.describe()
                        + ": this member could not build the compile plan: " + planError);
            }
            if (placement) {
                return JobCodec.placement(
                        new PlacementPhase(plan, morphologies(), job.seed(), reporter).runJob(job.name(), job.chunk()));
            }
            ConnectivityRunner runner = runner(job.seed(), published);
            return runner.runJob(task(job.name()), job.chunk());
        }

        private synchronized MorphologyRepository morphologies() throws CompileException {
            if (morphologies == null) {
                // as rank 0's Compiler fills its repository for a new network
                MorphologyRepository repo = new MorphologyRepository();
                for (Morphology m :
                        MorphologyRepository.load(plan.morphologies()).all()) {
                    repo.put(m);
                }
                morphologies = repo;
            }
            return morphologies;
        }

        private synchronized ConnectivityRunner runner(long seed, Function<String, byte[]> published)
                throws CompileException {
            ConnectivityRunner runner = runners.get(seed);
            if (runner == null) {
                List<PlacementBlock> placed = JobCodec.placement(published.apply(PLACED));
                PlacedCells cells = new PlacedCells(
                        plan.topology().network().chunkSize(),
                        placed,
                        morphologies().all());
                runner = new ConnectivityRunner(cells, seed, 1, reporter);
                runners.put(seed, runner);
            }
            return runner;
        }

        private synchronized ConnectivityTask task(String name) throws CompileException {
            ConnectivityTask task = tasks.get(name);
            if (task == null) {
                for (ConnectivityTask t : new ConfigConnectivityPhase(registry).tasks(plan, java.util.Set.of(name))) {
                    tasks.put(t.name(), t);
                }
                task = tasks.get(name);
                if (task == null) {
                    throw new CompileException("no connectivity strategy '" + name + "' in this plan");
                }
            }
            return task;
        }
    }
}
