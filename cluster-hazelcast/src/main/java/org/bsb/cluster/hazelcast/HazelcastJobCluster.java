package org.bsb.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.durableexecutor.DurableExecutorService;
import com.hazelcast.map.IMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.bsb.api.Reporter;
import org.bsb.api.cluster.JobCluster;
import org.bsb.api.cluster.JobDescriptor;
import org.bsb.api.cluster.JobFailedException;
import org.bsb.api.cluster.JobRefusedException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The api's {@link JobCluster} on Hazelcast: what {@code bsb compile CONFIG --cluster MEMBERS} splits its jobs with.
 * Options are {@link ClusterSettings#from}'s ({@code --cluster auto}: from the environment of srun or mpirun).
 *
 * <p>Jobs go through an {@code DurableExecutorService} ({@value CompileTask#EXECUTOR}), each as a
 * {@link CompileTask} (the descriptor's fields, no Java serialization) to the owner of a key chosen so that job
 * {@code i} lands on rank {@code (i + 1) % size}; the executor keeps every job with a backup, so a job whose member is
 * lost runs again on the survivor that takes over its partition. What rank 0 publishes and its final word live in the
 * map {@code bsbcompile.shared}, held with backups on every member.
 */
@Component(service = JobCluster.class)
public final class HazelcastJobCluster implements JobCluster {
    /**
     * A testing aid: milliseconds a member waits before each job it runs (the environment variable of the same
     * name), so that a test can kill it while it holds jobs. Unset: no wait.
     */
    public static final String JOB_DELAY = "BSB_CLUSTER_JOB_DELAY_MS";

    static final String SHARED = "bsbcompile.shared";
    static final String FINISHED = "bsb.finished";

    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "hazelcast";
    }

    @Override
    public Session join(Map<String, String> options, JobHandler handler, Reporter reporter) {
        Map<String, String> given = new HashMap<>(options);
        if (HazelcastClusterRunner.AUTO.equalsIgnoreCase(String.valueOf(given.get(ClusterSettings.CLUSTER)))) {
            given.remove(ClusterSettings.CLUSTER);
        }
        ClusterSettings settings = ClusterSettings.from(given, System.getenv());
        HazelcastClusterRunner.LogRouting logs = new HazelcastClusterRunner.LogRouting(reporter);
        try {
            reporter.report(
                    2,
                    "rank " + settings.rank() + " of " + settings.size() + ": joining cluster '"
                            + settings.clusterName() + "' as " + settings.self() + " to compile (members "
                            + String.join(",", settings.members()) + ")");
            long delay = delay(System.getenv(JOB_DELAY));
            String self = "rank " + settings.rank() + " (" + settings.self() + ")";
            Served served = new Served(handler, self, reporter, delay);
            ClusterMember member = ClusterMember.start(settings, Map.of(CompileTask.HANDLER, served));
            served.member = member;
            CompileSession session = new CompileSession(member, logs, reporter);
            open.add(session);
            return session;
        } catch (RuntimeException | Error e) {
            logs.close();
            throw e;
        }
    }

    private static long delay(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(JOB_DELAY + "=" + value + ": expected milliseconds");
        }
    }

    /** Terminates the members still open (the framework stops during a compile). */
    @Deactivate
    void deactivate() {
        for (Session s : open) {
            ((CompileSession) s).member.broken("the cluster bundle stopped");
            s.close();
        }
    }

    /** A member's side of a job: the handler with this member's name in every failure. */
    static final class Served implements CompileTask.Served {
        private final JobHandler handler;
        private final String self;
        private final Reporter reporter;
        private final long delay;
        volatile ClusterMember member;

        Served(JobHandler handler, String self, Reporter reporter, long delay) {
            this.handler = handler;
            this.self = self;
            this.reporter = reporter;
            this.delay = delay;
        }

        @Override
        public byte[] run(JobDescriptor job) {
            reporter.report(3, self + ": running " + job.describe());
            try {
                if (delay > 0) {
                    Thread.sleep(delay);
                }
                return CompileTask.answer(CompileTask.OK, handler.run(job, this::fetch));
            } catch (JobRefusedException e) {
                reporter.warn(self + " refuses " + job.describe() + ": " + e.getMessage());
                return CompileTask.answer(CompileTask.REFUSED, self + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompileTask.answer(CompileTask.FAILED, self + ": interrupted while running " + job.describe());
            } catch (Exception | Error e) {
                String m = e.getMessage() != null ? e.getMessage() : e.toString();
                return CompileTask.answer(CompileTask.FAILED, self + ": " + job.describe() + " failed: " + m);
            }
        }

        private byte[] fetch(String key) {
            ClusterMember m = member;
            while (m == null) {
                ClusterMember.sleep(10);
                m = member;
            }
            return CompileSession.fetch(m, key);
        }
    }

    final class CompileSession implements Session {
        final ClusterMember member;
        private final HazelcastInstance hz;
        private final HazelcastClusterRunner.LogRouting logs;
        private final Reporter reporter;
        private final DurableExecutorService executor;
        private final IMap<String, byte[]> shared;
        private final BiConsumer<Integer, String> losses;
        private volatile String rank0Lost;

        CompileSession(ClusterMember member, HazelcastClusterRunner.LogRouting logs, Reporter reporter) {
            this.member = member;
            this.hz = member.hazelcast();
            this.logs = logs;
            this.reporter = reporter;
            this.executor = hz.getDurableExecutorService(CompileTask.EXECUTOR);
            this.shared = hz.getMap(SHARED);
            this.losses = (rank, message) -> {
                if (rank != null && rank == 0) {
                    rank0Lost = message;
                } else if (member.rank() == 0) {
                    reporter.warn("rank 0: " + message + "; its jobs run again on the other members");
                }
            };
            member.addLossListener(losses);
        }

        @Override
        public int rank() {
            return member.rank();
        }

        @Override
        public int size() {
            return member.size();
        }

        @Override
        public String describe() {
            return member.describe();
        }

        @Override
        public CompletableFuture<byte[]> submit(JobDescriptor job, int index) {
            CompileTask task = new CompileTask(job);
            CompletableFuture<byte[]> answer =
                    executor.submitToKeyOwner(task, key(index)).toCompletableFuture();
            return answer.handle((bytes, error) -> {
                if (error != null) {
                    Throwable c = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                            ? error.getCause()
                            : error;
                    throw new JobFailedException(job.describe() + ": " + c.getMessage(), c);
                }
                byte status = CompileTask.status(bytes);
                if (status == CompileTask.OK) {
                    return CompileTask.payload(bytes);
                }
                throw new JobFailedException(CompileTask.message(bytes));
            });
        }

        /** A key owned by rank {@code (index + 1) % size}, or by the next rank still present. */
        private String key(int index) {
            TreeMap<Integer, Member> byRank = new TreeMap<>();
            for (Member m : hz.getCluster().getMembers()) {
                String r = m.getAttribute(ClusterMember.RANK_ATTRIBUTE);
                if (r != null) {
                    byRank.put(Integer.parseInt(r), m);
                }
            }
            List<Member> ranks = new ArrayList<>(byRank.values());
            if (ranks.isEmpty()) {
                return "job-" + index;
            }
            int wanted = (index + 1) % member.size();
            Member target = byRank.ceilingEntry(wanted) != null
                    ? byRank.ceilingEntry(wanted).getValue()
                    : byRank.firstEntry().getValue();
            for (int k = 0; k < 4096; k++) {
                String key = "job-" + index + "-" + k;
                Member owner = hz.getPartitionService().getPartition(key).getOwner();
                if (target.equals(owner)) {
                    return key;
                }
            }
            return "job-" + index;
        }

        @Override
        public void publish(String key, byte[] data) {
            shared.set(key, data);
        }

        @Override
        public byte[] fetch(String key) {
            return fetch(member, key);
        }

        static byte[] fetch(ClusterMember member, String key) {
            IMap<String, byte[]> map = member.hazelcast().getMap(SHARED);
            long deadline = System.nanoTime() + member.settings().roundTimeout().toNanos();
            while (true) {
                byte[] data = map.get(key);
                if (data != null) {
                    return data;
                }
                if (System.nanoTime() > deadline) {
                    throw new ClusterException("rank " + member.rank() + ": rank 0 did not publish '" + key
                            + "' within " + member.settings().roundTimeout().toSeconds() + " s");
                }
                ClusterMember.sleep(20);
            }
        }

        @Override
        public void finish(String failure) {
            shared.set(FINISHED, (failure == null ? "" : failure).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String awaitFinish() {
            while (true) {
                byte[] word = shared.get(FINISHED);
                if (word != null) {
                    String failure = new String(word, java.nio.charset.StandardCharsets.UTF_8);
                    return failure.isEmpty() ? null : failure;
                }
                if (rank0Lost != null) {
                    return rank0Lost + " before the compile finished";
                }
                ClusterMember.sleep(50);
            }
        }

        @Override
        public void close() {
            member.removeLossListener(losses);
            try {
                if (open.remove(this)) {
                    member.close();
                    reporter.report(3, "rank " + member.rank() + ": left the cluster");
                }
            } finally {
                logs.close();
            }
        }
    }
}
