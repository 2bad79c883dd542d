package org.bsb.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.DurableExecutorConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This process as a member of an embedded Hazelcast cluster of {@code size} ranks. {@link #start} returns once
 * every rank has joined (each member carries its rank as a member attribute, so ranks do not depend on the join
 * order) and {@link #close} leaves. Hazelcast's threads are not daemons: close it in a {@code finally}.
 *
 * <p>Settings that keep it to the given members: no phone home, no multicast, no cloud auto-detection, the socket
 * bound to one address (never all interfaces), a TCP-IP member list, the cluster name checked on join. Java
 * deserialization is limited to what Hazelcast's own error replies need: we send only primitive arrays and
 * strings. Once a member is lost the cluster is broken for this process: every wait fails, naming it.
 */
public final class ClusterMember implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClusterMember.class.getName());
    static final String RANK_ATTRIBUTE = "bsb.rank";
    static final String SIZE_ATTRIBUTE = "bsb.size";

    private final ClusterSettings settings;
    private final HazelcastInstance hz;
    private final Map<UUID, Integer> ranks = new ConcurrentHashMap<>();
    private final Map<Integer, String> addresses = new ConcurrentHashMap<>();
    private final List<BiConsumer<Integer, String>> lossListeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger openRuns = new AtomicInteger();
    private volatile String lost;
    /** A refusal seen by a membership event while the cluster forms (a member may leave again before a poll). */
    private volatile ClusterException refused;

    private ClusterMember(ClusterSettings settings, HazelcastInstance hz) {
        this.settings = settings;
        this.hz = hz;
    }

    /** Starts this rank's member and waits (up to the join timeout) until all ranks have joined. */
    public static ClusterMember start(ClusterSettings settings) {
        return start(settings, Map.of());
    }

    /**
     * As {@link #start(ClusterSettings)}, with objects this member's tasks find in its user context (a compile job's
     * handler): set before the member joins, so a job that reaches it early finds them.
     */
    public static ClusterMember start(ClusterSettings settings, Map<String, Object> userContext) {
        Config config = config(settings);
        config.getUserContext().putAll(userContext);
        LOG.info(() -> "rank " + settings.rank() + " of " + settings.size() + ": starting a member on "
                + settings.bindAddress() + ":" + settings.port() + " in cluster '" + settings.clusterName() + "'");
        HazelcastInstance hz;
        // inside OSGi the thread's context loader is the launcher's, which sees neither Hazelcast nor us
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ClusterMember.class.getClassLoader());
        try {
            hz = Hazelcast.newHazelcastInstance(config);
        } catch (RuntimeException e) {
            throw new ClusterException(
                    "rank " + settings.rank() + ": cannot start a cluster member on " + settings.bindAddress() + ":"
                            + settings.port() + ": " + e.getMessage(),
                    e);
        } finally {
            thread.setContextClassLoader(context);
        }
        ClusterMember member = new ClusterMember(settings, hz);
        try {
            hz.getCluster().addMembershipListener(member.new Losses());
            member.awaitAll();
            return member;
        } catch (RuntimeException | Error e) {
            hz.getLifecycleService().terminate();
            throw e;
        }
    }

    static Config config(ClusterSettings s) {
        Config config = new Config();
        // the class loader Hazelcast resolves classes with: in OSGi this bundle's, which sees Hazelcast and us
        config.setClassLoader(ClusterMember.class.getClassLoader());
        config.setClusterName(s.clusterName());
        config.setInstanceName("bsb-" + s.clusterName() + "-rank-" + s.rank() + "-" + UUID.randomUUID());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.health.monitoring.level", "OFF");
        // the member list is explicit: no need to wait long for others before electing a master
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        // a silent member (a network cut rather than a dead process, whose socket closes at once) is suspected soon
        // processes started at the same moment may each elect themselves before they see the other, forming
        // two clusters that Hazelcast merges only at its split-brain check (first after 300 s by default): check
        // within seconds, so such a start still forms one cluster within the join timeout
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "2");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "2");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "20");
        NetworkConfig net = config.getNetworkConfig();
        net.setPort(s.port()).setPortAutoIncrement(false).setPortCount(1);
        net.getInterfaces().setEnabled(true).addInterface(localAddress(s));
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1).setMembers(new ArrayList<>(s.members()));
        config.getMemberAttributeConfig().setAttribute(RANK_ATTRIBUTE, Integer.toString(s.rank()));
        config.getMemberAttributeConfig().setAttribute(SIZE_ATTRIBUTE, Integer.toString(s.size()));
        config.getSerializationConfig().setJavaSerializationFilterConfig(serializationFilter());
        // compile jobs are plain data (IdentifiedDataSerializable: no Java deserialization); the durable executor
        // keeps each job with a backup, so a job whose member is lost runs again on a survivor
        config.getSerializationConfig().addDataSerializableFactory(CompileTask.FACTORY_ID, new CompileTask.Factory());
        config.addDurableExecutorConfig(new DurableExecutorConfig(CompileTask.EXECUTOR)
                .setDurability(Math.max(1, Math.min(s.size() - 1, 6)))
                .setPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors())));
        // what rank 0 publishes for a compile is kept on every member: a lost member loses none of it
        config.addMapConfig(new MapConfig(CompileTask.MAPS)
                .setBackupCount(Math.max(1, Math.min(s.size() - 1, 6)))
                .setAsyncBackupCount(0)
                .setStatisticsEnabled(false));
        // run data is held once: when a member is lost the run fails anyway
        config.addMapConfig(
                new MapConfig("bsb.*").setBackupCount(0).setAsyncBackupCount(0).setStatisticsEnabled(false));
        return config;
    }

    /**
     * Java deserialization allowed only for what Hazelcast's own replies carry (its exceptions with their stack
     * traces); the defaults, which allow every {@code java*} class, are off. Nothing of ours travels as a Java
     * object: spikes, traces and control messages are primitive arrays and strings.
     */
    static JavaSerializationFilterConfig serializationFilter() {
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        filter.getWhitelist()
                .addPrefixes("com.hazelcast.", "java.lang.", "java.util.concurrent.")
                .addClasses(
                        "[Ljava.lang.StackTraceElement;",
                        "java.util.Collections$EmptyList",
                        "java.util.Collections$UnmodifiableRandomAccessList",
                        "java.util.ArrayList");
        return filter;
    }

    /** The bind address as an IP of this machine (Hazelcast's interface list wants an IP). */
    private static String localAddress(ClusterSettings s) {
        try {
            InetAddress a = InetAddress.getByName(s.bindAddress());
            if (!a.isLoopbackAddress() && NetworkInterface.getByInetAddress(a) == null) {
                throw new ClusterException("bind address " + s.bindAddress() + " (" + a.getHostAddress()
                        + ") is not an address of this machine: give --" + ClusterSettings.BIND + " ADDRESS");
            }
            return a.getHostAddress();
        } catch (UnknownHostException | SocketException e) {
            throw new ClusterException("bind address " + s.bindAddress() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code size} members with ranks 0..size-1 are in the cluster, logging who is missing. */
    private void awaitAll() {
        long start = System.nanoTime();
        long deadline = start + settings.joinTimeout().toNanos();
        long nextLog = start + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            if (refused != null) {
                throw refused;
            }
            TreeMap<Integer, Member> present = present();
            if (present.size() == settings.size()) {
                for (Map.Entry<Integer, Member> e : present.entrySet()) {
                    ranks.put(e.getValue().getUuid(), e.getKey());
                    addresses.put(e.getKey(), address(e.getValue()));
                }
                LOG.info(() -> String.format(
                        "rank %d: all %d members joined in %.1f s",
                        settings.rank(), settings.size(), (System.nanoTime() - start) / 1e9));
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new ClusterException("rank " + settings.rank() + ": only " + present.size() + " of "
                        + settings.size() + " members joined within "
                        + settings.joinTimeout().toSeconds()
                        + " s (missing: " + missing(present) + "). Every process must be started with the same"
                        + " cluster name ('" + settings.clusterName() + "'; a member with another name is refused)"
                        + " and member list, and these addresses must be reachable");
            }
            if (now > nextLog) {
                nextLog = now + TimeUnit.SECONDS.toNanos(2);
                LOG.info("rank " + settings.rank() + ": " + present.size() + " of " + settings.size()
                        + " members joined, waiting for " + missing(present));
            }
            sleep(50);
        }
    }

    /** The members by rank; fails on a member that is not one of ours (a clash of ranks or sizes). */
    private TreeMap<Integer, Member> present() {
        return present(hz.getCluster().getMembers());
    }

    /** As {@link #present()} over {@code members} (a membership event's view, which a later leave cannot change). */
    private TreeMap<Integer, Member> present(java.util.Collection<Member> members) {
        TreeMap<Integer, Member> byRank = new TreeMap<>();
        for (Member m : members) {
            String r = m.getAttribute(RANK_ATTRIBUTE);
            String n = m.getAttribute(SIZE_ATTRIBUTE);
            if (r == null || !Integer.toString(settings.size()).equals(n)) {
                throw new ClusterException("rank " + settings.rank() + ": member " + address(m) + " says size " + n
                        + " (rank " + r + "), this process " + settings.size()
                        + ": every process of a run must be given the same size");
            }
            int rank = Integer.parseInt(r);
            Member other = byRank.put(rank, m);
            if (other != null) {
                throw new ClusterException("members " + address(other) + " and " + address(m) + " both say rank " + rank
                        + ": every process must be given its own rank");
            }
        }
        for (Map.Entry<Integer, Member> e : byRank.entrySet()) {
            if (!listedAt(e.getValue(), e.getKey())) {
                throw new ClusterException("rank " + settings.rank() + ": member " + address(e.getValue())
                        + " says rank " + e.getKey() + " but the member list puts rank " + e.getKey() + " at "
                        + settings.members().get(e.getKey()) + ": a member that is not in the list is refused");
            }
        }
        return byRank;
    }

    /** Whether {@code m} is where this process's member list puts {@code rank} (same port, same host or address). */
    private boolean listedAt(Member m, int rank) {
        if (rank < 0 || rank >= settings.members().size()) {
            return false;
        }
        String entry = settings.members().get(rank);
        int colon = entry.lastIndexOf(':');
        String host = entry.substring(0, colon);
        if (Integer.parseInt(entry.substring(colon + 1)) != m.getAddress().getPort()) {
            return false;
        }
        if (host.equals(m.getAddress().getHost())) {
            return true;
        }
        try {
            return java.net.InetAddress.getByName(host).equals(m.getAddress().getInetAddress());
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private String missing(TreeMap<Integer, Member> present) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < settings.size(); k++) {
            if (!present.containsKey(k)) {
                out.add("rank " + k + " at " + settings.members().get(k));
            }
        }
        return String.join(", ", out);
    }

    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    /** Marks the cluster broken when a member leaves and tells the waits in progress. */
    private final class Losses implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent event) {
            if (ranks.isEmpty() && refused == null) {
                try {
                    present(event.getMembers()); // judged at once: a refused member may leave before a poll
                } catch (ClusterException e) {
                    refused = e;
                }
            }
            if (ranks.isEmpty() || ranks.containsKey(event.getMember().getUuid())) {
                // still forming (awaitAll sees it), or one of the ranks whose event comes after awaitAll saw it
                return;
            }
            // ranks were fixed when all had joined: a late member takes no part in the runs
            LOG.warning(() -> "rank " + settings.rank() + ": member " + address(event.getMember()) + " (rank "
                    + event.getMember().getAttribute(RANK_ATTRIBUTE) + ") joined after the cluster formed: ignored");
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            Integer rank = ranks.get(event.getMember().getUuid());
            String who = rank == null
                    ? "member " + address(event.getMember())
                    : "rank " + rank + " (" + address(event.getMember()) + ")";
            String message = who + " left the cluster";
            if (lost == null) {
                lost = message;
            }
            // between runs a member leaving is the normal end of the cluster, during a run a failure
            LOG.log(openRuns.get() > 0 ? Level.WARNING : Level.FINE, () -> "rank " + settings.rank() + ": " + message);
            for (BiConsumer<Integer, String> l : lossListeners) {
                l.accept(rank, message);
            }
        }
    }

    public ClusterSettings settings() {
        return settings;
    }

    public int rank() {
        return settings.rank();
    }

    /** "rank K of N (host:port)", as logs and errors name this member. */
    public String describe() {
        return "rank " + rank() + " of " + size() + " (" + settings.self() + ")";
    }

    public int size() {
        return settings.size();
    }

    HazelcastInstance hazelcast() {
        return hz;
    }

    /** {@code rank K (host:port)}. */
    String describe(int rank) {
        return "rank " + rank + " ("
                + addresses.getOrDefault(rank, settings.members().get(rank)) + ")";
    }

    /** The first member loss seen, or null while the cluster is whole. */
    String lost() {
        return lost;
    }

    void addLossListener(BiConsumer<Integer, String> listener) {
        lossListeners.add(listener);
    }

    void removeLossListener(BiConsumer<Integer, String> listener) {
        lossListeners.remove(listener);
    }

    /** The number of the next run: every rank does the same runs in the same order, so the numbers agree. */
    int nextRun() {
        return runs.incrementAndGet();
    }

    void runStarted() {
        openRuns.incrementAndGet();
    }

    void runEnded() {
        openRuns.decrementAndGet();
    }

    /** Marks the cluster broken for this process (a run failed): {@link #close} then leaves at once. */
    void broken(String reason) {
        if (lost == null) {
            lost = reason;
        }
    }

    /** Leaves the cluster: gracefully while it is whole, at once when it is broken (nothing left to hand over). */
    @Override
    public void close() {
        if (!hz.getLifecycleService().isRunning()) {
            return;
        }
        if (lost == null) {
            hz.shutdown();
        } else {
            hz.getLifecycleService().terminate();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the cluster", e);
        }
    }
}
