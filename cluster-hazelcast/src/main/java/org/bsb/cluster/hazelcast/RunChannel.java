package org.bsb.cluster.hazelcast;

import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.bsb.cluster.hazelcast.Wire.Message;

/**
 * The messages of one run between its ranks: a Hazelcast topic that every rank listens to, with one inbox per
 * sender. A topic delivers one sender's messages in order, so each inbox holds that rank's messages in the order
 * it sent them and a wait knows exactly which message must come next: anything else means one was lost. A wait
 * ends with a {@link ClusterException} as soon as a member leaves or a rank reports a failure, and at the latest
 * after its timeout. Opening the channel is a barrier: no rank sends before every rank listens.
 */
final class RunChannel implements AutoCloseable {
    private final ClusterMember member;
    private final String name;
    private final ITopic<byte[]> topic;
    private final UUID registration;
    private final BiConsumer<Integer, String> lossListener = this::lost;
    private final ArrayDeque<Message>[] inbox;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: each lost rank's message, the first loss and the first abort of another rank. */
    private final Map<Integer, String> lostRanks = new HashMap<>();

    private String firstLoss;
    private String aborted;

    @SuppressWarnings("unchecked")
    private RunChannel(ClusterMember member, String name) {
        this.member = member;
        this.name = name;
        this.inbox = new ArrayDeque[member.size()];
        for (int r = 0; r < inbox.length; r++) {
            inbox[r] = new ArrayDeque<>();
        }
        this.topic = member.hazelcast().getTopic(name + ".messages");
        member.addLossListener(lossListener);
        member.runStarted();
        this.registration = topic.addMessageListener(m -> deliver(m.getMessageObject()));
    }

    /** The channel of the member's next run, once every rank listens on it. */
    static RunChannel open(ClusterMember member) {
        RunChannel ch = new RunChannel(member, "bsb.run." + member.nextRun());
        try {
            ch.awaitEveryoneListening();
            return ch;
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    int rank() {
        return member.rank();
    }

    int size() {
        return member.size();
    }

    ClusterMember member() {
        return member;
    }

    String name() {
        return name;
    }

    Duration timeout() {
        return member.settings().roundTimeout();
    }

    void publish(byte[] message) {
        topic.publish(message);
    }

    /** Tells the other ranks that this one failed, so that they stop at once rather than at a timeout. */
    void abort(String message) {
        try {
            publish(Wire.text(Wire.ABORT, rank(), 0, message == null ? "(no message)" : message));
        } catch (RuntimeException e) {
            // the cluster may be gone already: the others notice that by themselves
        }
    }

    /**
     * The next message of rank {@code from}, which must be of {@code kind} and number {@code seq}. Fails on any
     * member's loss ({@code strict}) or only on {@code from}'s (not strict), on an abort, and after the timeout.
     */
    Message await(int from, byte kind, long seq, boolean strict, String what) {
        long deadline = System.nanoTime() + timeout().toNanos();
        synchronized (lock) {
            while (true) {
                Message head = inbox[from].poll();
                if (head != null) {
                    if (head.kind() != kind || head.seq() != seq) {
                        throw fail(Wire.kindName(head.kind()) + " " + head.seq() + " came from " + member.describe(from)
                                + " where " + what + " was due: a message was lost");
                    }
                    return head;
                }
                String failure = aborted != null ? aborted : strict ? firstLoss : lostRanks.get(from);
                if (failure != null) {
                    throw fail(failure + " while waiting for " + what + " from " + member.describe(from));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw fail("waited " + timeout().toSeconds() + " s (the round timeout, --"
                            + ClusterSettings.ROUND_TIMEOUT + ") for " + what + " from " + member.describe(from)
                            + ", which is still a member");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClusterException("rank " + rank() + ": interrupted while waiting for " + what, e);
                }
            }
        }
    }

    /** True once rank {@code from} has sent a message of {@code kind} or left; false after {@code timeout}. */
    boolean awaitOrLeft(int from, byte kind, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (Message m : inbox[from]) {
                    if (m.kind() == kind) {
                        return true;
                    }
                }
                if (lostRanks.containsKey(from)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Fails when the cluster is already broken (a loss or an abort). */
    void check(String doing) {
        synchronized (lock) {
            String failure = aborted != null ? aborted : firstLoss;
            if (failure != null) {
                throw fail(failure + " while " + doing);
            }
        }
    }

    private ClusterException fail(String message) {
        return new ClusterException("rank " + rank() + ": " + message + "; the run stops");
    }

    private void deliver(byte[] raw) {
        Message m = Wire.decode(raw);
        if (m.rank() == rank() || m.rank() < 0 || m.rank() >= size()) {
            return; // our own message, echoed to our listener
        }
        synchronized (lock) {
            if (m.kind() == Wire.ABORT) {
                if (aborted == null) {
                    aborted = member.describe(m.rank()) + " failed: " + m.text();
                }
            } else {
                inbox[m.rank()].add(m);
            }
            lock.notifyAll();
        }
    }

    private void lost(Integer rank, String message) {
        synchronized (lock) {
            if (rank != null) {
                lostRanks.put(rank, message);
            }
            if (firstLoss == null) {
                firstLoss = message;
            }
            lock.notifyAll();
        }
    }

    /** Each rank marks itself in a map once it listens, then waits until all have. */
    private void awaitEveryoneListening() {
        IMap<Integer, Integer> ready = member.hazelcast().getMap(name + ".ready");
        String earlier = member.lost();
        if (earlier != null) {
            lost(null, earlier);
        }
        check("opening the run");
        ready.set(rank(), rank());
        long deadline = System.nanoTime() + member.settings().joinTimeout().toNanos();
        while (ready.size() < size()) {
            check("waiting for every rank to open the run");
            if (System.nanoTime() > deadline) {
                throw fail("only " + ready.size() + " of " + size() + " ranks opened the run within "
                        + member.settings().joinTimeout().toSeconds() + " s");
            }
            ClusterMember.sleep(5);
        }
    }

    /** The map a run's results travel in (rank 0 reads and destroys it). */
    <V> IMap<String, V> results() {
        return member.hazelcast().getMap(name + ".results");
    }

    /**
     * Removes the run's maps from the cluster. Rank 0 calls it once every rank has sent its results (so every
     * rank is past the barrier and the exchange); the topic holds no data and is left to the members' proxies.
     */
    void destroyMaps() {
        member.hazelcast().getMap(name + ".ready").destroy();
        member.hazelcast().getMap(name + ".results").destroy();
    }

    /** Stops listening. */
    @Override
    public void close() {
        member.removeLossListener(lossListener);
        member.runEnded();
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            // a member that is shutting down or broken: nothing left to release
        }
    }
}
