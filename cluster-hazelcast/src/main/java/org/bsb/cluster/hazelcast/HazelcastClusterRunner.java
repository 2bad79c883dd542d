package org.bsb.cluster.hazelcast;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleConsumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.bsb.api.Reporter;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.cluster.ClusterRunner;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The cable engine's {@link ClusterRunner} on Hazelcast: what {@code bsb simulate ... --cluster MEMBERS} runs
 * through the simulator adapter. Options are {@link ClusterSettings#from}'s ({@code --cluster auto}: the member
 * list from the environment); this member's logs and Hazelcast's go to the command's reporter while it is a
 * member (ours at verbosity 1 for warnings, 2 for progress, 3 for details; Hazelcast's errors at 2, warnings at 3,
 * the rest at 4). Members still open when the bundle stops (the framework shutting down mid-run) are terminated:
 * Hazelcast's threads are not daemons and would keep the JVM alive.
 */
@Component(service = ClusterRunner.class)
public final class HazelcastClusterRunner implements ClusterRunner {
    /** {@code --cluster auto}: rank, size and members from the environment of srun or mpirun. */
    public static final String AUTO = "auto";

    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
        return "hazelcast";
    }

    @Override
    public Session join(Map<String, String> options, Reporter reporter) {
        Map<String, String> given = new HashMap<>(options);
        if (AUTO.equalsIgnoreCase(String.valueOf(given.get(ClusterSettings.CLUSTER)))) {
            given.remove(ClusterSettings.CLUSTER);
        }
        ClusterSettings settings = ClusterSettings.from(given, System.getenv());
        LogRouting logs = new LogRouting(reporter);
        try {
            reporter.report(
                    2,
                    "rank " + settings.rank() + " of " + settings.size() + ": joining cluster '"
                            + settings.clusterName() + "' as " + settings.self() + " (members "
                            + String.join(",", settings.members()) + ")");
            ClusterMember member = ClusterMember.start(settings);
            Member session = new Member(member, logs, reporter);
            open.add(session);
            return session;
        } catch (RuntimeException | Error e) {
            logs.close();
            throw e;
        }
    }

    /** Terminates the members still open (the framework stops during a run). */
    @Deactivate
    void deactivate() {
        for (Session s : open) {
            ((Member) s).member.broken("the cluster bundle stopped");
            s.close();
        }
    }

    private final class Member implements Session {
        final ClusterMember member;
        private final LogRouting logs;
        private final Reporter reporter;

        Member(ClusterMember member, LogRouting logs, Reporter reporter) {
            this.member = member;
            this.logs = logs;
            this.reporter = reporter;
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
        public SimResult run(Network net, SimSettings settings, int threads, DoubleConsumer progress) {
            DistributedSimulation.Outcome outcome = DistributedSimulation.run(member, net, settings, threads, progress);
            return outcome.result();
        }

        @Override
        public void close() {
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

    /**
     * Sends the JDK log records of this bundle and of Hazelcast to a reporter while a member is open, instead of
     * the console, each at a verbosity by its level.
     */
    static final class LogRouting extends Handler {
        private static final String OURS = "org.bsb.cluster.hazelcast";
        private static final String HAZELCAST = "com.hazelcast";
        private final Reporter reporter;
        // held: JDK loggers are weakly referenced, a level set on a collected one is lost
        private final Logger ours = Logger.getLogger(OURS);
        private final Logger hazelcast = Logger.getLogger(HAZELCAST);
        private final Level oursLevel = ours.getLevel();
        private final Level hazelcastLevel = hazelcast.getLevel();
        private final boolean oursParents = ours.getUseParentHandlers();
        private final boolean hazelcastParents = hazelcast.getUseParentHandlers();
        private final SimpleFormatter formatter = new SimpleFormatter();
        private volatile boolean closed;

        LogRouting(Reporter reporter) {
            this.reporter = reporter;
            ours.setLevel(Level.FINE);
            hazelcast.setLevel(Level.INFO);
            ours.addHandler(this);
            hazelcast.addHandler(this);
            ours.setUseParentHandlers(false);
            hazelcast.setUseParentHandlers(false);
        }

        @Override
        public void publish(LogRecord record) {
            if (closed || record == null) {
                return;
            }
            boolean fromUs =
                    record.getLoggerName() != null && record.getLoggerName().startsWith(OURS);
            int level = record.getLevel().intValue();
            int verbosity;
            if (fromUs) {
                verbosity = level >= Level.WARNING.intValue() ? 1 : level >= Level.INFO.intValue() ? 2 : 3;
            } else {
                verbosity = level >= Level.SEVERE.intValue() ? 2 : level >= Level.WARNING.intValue() ? 3 : 4;
            }
            String message = formatter.formatMessage(record);
            if (!fromUs) {
                message = "hazelcast: " + message;
            }
            reporter.report(verbosity, message);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            ours.removeHandler(this);
            hazelcast.removeHandler(this);
            ours.setUseParentHandlers(oursParents);
            hazelcast.setUseParentHandlers(hazelcastParents);
            ours.setLevel(oursLevel);
            // Hazelcast's last words after a run (its shutdown threads) are not for the console
            hazelcast.setLevel(hazelcastLevel == null ? Level.WARNING : hazelcastLevel);
        }
    }
}
