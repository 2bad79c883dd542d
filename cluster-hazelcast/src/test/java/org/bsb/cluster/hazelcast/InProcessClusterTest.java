package org.bsb.cluster.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.map.IMap;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bsb.neuron.cable.Spikes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two members in this JVM (one cluster formed once for the class): the exchange's order, its failures named
 * (an abort, a batch out of turn, a timeout), the deserialization allow-list, and a member with another cluster
 * name refused.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InProcessClusterTest {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "in-process-rank");
        t.setDaemon(true);
        return t;
    });
    private static ClusterMember[] members;

    @BeforeAll
    static void form() throws Exception {
        Logger.getLogger("com.hazelcast").setLevel(Level.WARNING);
        List<String> list = Ports.loopbackMembers(2);
        members = both(r -> ClusterMember.start(Ports.settings("bsb-in-process", list, r)
                        .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(3))))
                .toArray(new ClusterMember[0]);
    }

    @AfterAll
    static void leave() {
        for (ClusterMember m : members == null ? new ClusterMember[0] : members) {
            if (m != null) {
                m.close();
            }
        }
        POOL.shutdownNow();
    }

    interface RankJob<T> {
        T run(int rank) throws Exception;
    }

    /** {@code job} on ranks 0 and 1 at once (opening a channel is a barrier); the results or the first failure. */
    static <T> List<T> both(RankJob<T> job) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int rank = r;
            futures.add(POOL.submit((Callable<T>) () -> job.run(rank)));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                out.add(f.get(90, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
        return out;
    }

    @Test
    void everyRankGetsEverySpikeInRankOrder() throws Exception {
        List<Spikes[]> got = both(r -> {
            try (HazelcastSpikeExchange ex = HazelcastSpikeExchange.open(members[r])) {
                Spikes[] rounds = new Spikes[3];
                for (int round = 0; round < 3; round++) {
                    Spikes mine = new Spikes();
                    for (int i = 0; i <= round; i++) {
                        mine.add(10 * r + i, round + 0.5 * i + r * 1e-3, round + i);
                    }
                    rounds[round] = ex.exchange(mine);
                }
                assertEquals(3, ex.stats().rounds());
                return rounds;
            }
        });
        for (int round = 0; round < 3; round++) {
            Spikes a = got.get(0)[round];
            Spikes b = got.get(1)[round];
            assertArrayEquals(a.sources(), b.sources(), "both ranks see the same spikes");
            assertArrayEquals(a.deliverTimes(), b.deliverTimes());
            assertArrayEquals(a.recordTimes(), b.recordTimes());
            assertEquals(2 * (round + 1), a.count());
            assertEquals(0, a.source(0), "rank 0's spikes first");
            assertEquals(10, a.source(round + 1), "then rank 1's");
        }
    }

    @Test
    void anotherRanksFailureIsNamed() throws Exception {
        List<String> errors = both(r -> {
            RunChannel ch = RunChannel.open(members[r]);
            try {
                if (r == 1) {
                    new HazelcastSpikeExchange(ch, false);
                    ch.abort("cell 3 has a NaN membrane potential at t = 1 ms");
                    return null;
                }
                // rank 0 learns of it while opening the run or at its first exchange, whichever the abort reaches
                return assertThrows(
                                ClusterException.class,
                                () -> new HazelcastSpikeExchange(ch, false).exchange(new Spikes()))
                        .getMessage();
            } finally {
                ch.close();
            }
        });
        assertTrue(
                errors.get(0).contains("rank 1 (127.0.0.1:")
                        && errors.get(0).contains(") failed: cell 3 has a NaN membrane potential at t = 1 ms"),
                errors.get(0));
    }

    @Test
    void aBatchOutOfTurnIsNamed() throws Exception {
        List<String> errors = both(r -> {
            RunChannel ch = RunChannel.open(members[r]);
            try {
                HazelcastSpikeExchange ex = new HazelcastSpikeExchange(ch, false);
                if (r == 1) {
                    ch.publish(Wire.spikes(1, 1, new Spikes())); // round 0 never sent
                    return null;
                }
                return assertThrows(ClusterException.class, () -> ex.exchange(new Spikes()))
                        .getMessage();
            } finally {
                ch.close();
            }
        });
        assertTrue(
                errors.get(0).contains("spikes 1 came from rank 1 (127.0.0.1:")
                        && errors.get(0).contains("where the spikes of round 0 was due: a message was lost"),
                errors.get(0));
    }

    @Test
    void aSilentRankTimesOut() throws Exception {
        List<String> errors = both(r -> {
            RunChannel ch = RunChannel.open(members[r]);
            try {
                if (r == 1) {
                    return null;
                }
                return assertThrows(
                                ClusterException.class,
                                () -> new HazelcastSpikeExchange(ch, false).exchange(new Spikes()))
                        .getMessage();
            } finally {
                ch.close();
            }
        });
        assertTrue(
                errors.get(0)
                        .startsWith("rank 0: waited 3 s (the round timeout, --round-timeout) for the spikes"
                                + " of round 0 from rank 1 (127.0.0.1:"),
                errors.get(0));
    }

    /** A type of ours that would need Java deserialization: refused, whoever sends it. */
    record Smuggled(String payload) implements Serializable {}

    @Test
    void javaDeserializationIsLimitedToTheAllowList() {
        IMap<String, Object> map = members[0].hazelcast().getMap("bsb.test.serialization");
        map.set("arrays", new double[] {1, 2});
        assertArrayEquals(
                new double[] {1, 2},
                (double[])
                        members[1].hazelcast().getMap("bsb.test.serialization").get("arrays"),
                "primitive arrays need no Java serialization");
        map.set("smuggled", new Smuggled("x"));
        Exception e = assertThrows(
                Exception.class,
                () -> members[1].hazelcast().getMap("bsb.test.serialization").get("smuggled"));
        String all = e + " " + e.getCause();
        assertTrue(all.contains("Resolving class " + Smuggled.class.getName() + " is not allowed"), all);
        map.destroy();
    }

    @Test
    void aMemberWithAnotherClusterNameIsRefused() throws Exception {
        List<String> list = Ports.loopbackMembers(2);
        List<String> errors = both(r -> assertThrows(
                        ClusterException.class,
                        () -> ClusterMember.start(Ports.settings(r == 0 ? "bsb-right" : "bsb-wrong", list, r)
                                .withTimeouts(Duration.ofSeconds(8), Duration.ofSeconds(8))))
                .getMessage());
        assertTrue(
                errors.get(0)
                        .startsWith("rank 0: only 1 of 2 members joined within 8 s (missing: rank 1 at " + list.get(1)
                                + ")"),
                errors.get(0));
        assertTrue(
                errors.get(0).contains("same cluster name ('bsb-right'; a member with another name is refused)"),
                errors.get(0));
        assertTrue(errors.get(1).startsWith("rank 1: only 1 of 2 members joined"), errors.get(1));
    }

    @Test
    void twoMembersClaimingOneRankAreRefused() throws Exception {
        List<String> list = Ports.loopbackMembers(2);
        List<String> errors = both(r -> {
            int port = Integer.parseInt(list.get(r).substring(list.get(r).indexOf(':') + 1));
            ClusterSettings claimsRankZero = new ClusterSettings(
                    "bsb-clash", "127.0.0.1", port, list, 0, 2, Duration.ofSeconds(15), Duration.ofSeconds(15));
            return assertThrows(ClusterException.class, () -> ClusterMember.start(claimsRankZero))
                    .getMessage();
        });
        // a member that sees both refuses the clash; the one not at the list's rank-0 address may refuse itself
        // first; the other may see the clashing member only after it left again, and then fails waiting for its
        // rank 1: neither process runs
        String clash = "members 127\\.0\\.0\\.1:\\d+ and 127\\.0\\.0\\.1:\\d+ both say rank 0: every"
                + " process must be given its own rank";
        String unlisted = "rank 0: member " + list.get(1) + " says rank 0 but the member list puts rank 0 at "
                + list.get(0) + ": a member that is not in the list is refused";
        assertTrue(errors.stream().anyMatch(e -> e.matches(clash) || e.equals(unlisted)), errors.toString());
        for (String e : errors) {
            assertTrue(e.matches(clash) || e.equals(unlisted) || e.startsWith("rank 0: only 1 of 2 members joined"), e);
        }
    }

    /** Rank 1 binds another port than the one rank 0's member list gives it: rank 0 refuses it, naming both. */
    @Test
    void aMemberThatIsNotInTheListIsRefused() throws Exception {
        List<String> list = Ports.loopbackMembers(3);
        List<String> rankZeroList = List.of(list.get(0), list.get(1));
        List<String> rankOneList = List.of(list.get(0), list.get(2));
        List<String> errors = both(r -> {
            try (ClusterMember m =
                    ClusterMember.start(Ports.settings("bsb-unlisted", r == 0 ? rankZeroList : rankOneList, r)
                            .withTimeouts(Duration.ofSeconds(25), Duration.ofSeconds(25)))) {
                if (r == 1) {
                    Thread.sleep(3000); // stays until rank 0 has judged it
                }
                return r == 0 ? "rank 0 accepted " + list.get(2) : "rank 1 saw no refusal";
            } catch (ClusterException e) {
                return e.getMessage();
            }
        });
        assertEquals(
                "rank 0: member " + list.get(2) + " says rank 1 but the member list puts rank 1 at " + list.get(1)
                        + ": a member that is not in the list is refused",
                errors.get(0));
    }
}
