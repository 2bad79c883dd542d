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
