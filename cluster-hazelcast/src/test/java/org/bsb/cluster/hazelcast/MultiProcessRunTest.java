package org.bsb.cluster.hazelcast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real processes on loopback: 2 and 3 JVMs give every trace and spike of one process with one thread, bit for
 * bit; a member killed mid-run stops the others within 10 s with an error naming it, and every process exits.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class MultiProcessRunTest {
    static final int CELLS = 6;

    @ParameterizedTest(name = "{0} processes")
    @ValueSource(ints = {2, 3})
    void processesGiveTheBitsOfOneProcess(int size, @TempDir Path dir) throws Exception {
        double tstop = 150;
        try (ChildRanks ranks =
                new ChildRanks(dir, size).start("bsb-bits-" + size, "cells=" + CELLS, "tstop=" + tstop)) {
            SimResult whole = Simulator.run(TestNetworks.ring(CELLS), TestNetworks.settings(tstop), 1);
            for (int r = 0; r < size; r++) {
                assertEquals(0, ranks.await(r, 120), "rank " + r + " exit status\n" + ranks.report());
            }
            SimResult split = RankMain.read(dir.resolve("result.bin"));
            assertEquals(whole.traces().length, split.traces().length);
            for (int p = 0; p < whole.traces().length; p++) {
                assertArrayEquals(whole.traces()[p], split.traces()[p], size + " processes: probe " + p);
            }
            long spikes = 0;
            for (int s = 0; s < whole.spikes().size(); s++) {
                assertArrayEquals(whole.spikes(s), split.spikes(s), size + " processes: spikes of source " + s);
                spikes += whole.spikes(s).length;
            }
            assertTrue(spikes > 20, "the network fires (" + spikes + " spikes), so the exchange carried something");
            for (int r = 0; r < size; r++) {
                String median = ranks.stdout(r)
                        .lines()
                        .filter(l -> l.startsWith("median-round-us"))
                        .findFirst()
                        .orElseThrow();
                System.out.printf("%d processes, rank %d: %s%n", size, r, median);
            }
        }
    }

    @Test
    void aKilledMemberStopsTheOthersNamingIt(@TempDir Path dir) throws Exception {
        int size = 3;
        int victim = 2;
        try (ChildRanks ranks = new ChildRanks(dir, size).start("bsb-kill", "cells=" + CELLS, "tstop=10000")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!everyRankProgressed(ranks, size)) {
                assertTrue(System.nanoTime() < deadline, "the run did not start\n" + ranks.report());
                for (int r = 0; r < size; r++) {
                    assertTrue(ranks.processes.get(r).isAlive(), "rank " + r + " ended early\n" + ranks.report());
                }
                Thread.sleep(100);
            }
            long killed = System.nanoTime();
            ranks.processes.get(victim).destroyForcibly();
            for (int r = 0; r < size; r++) {
                if (r == victim) {
                    continue;
                }
                double left = 10 - (System.nanoTime() - killed) / 1e9;
                int status = ranks.await(r, Math.max(0, left));
                assertEquals(
                        3, status, "rank " + r + " stops with an error within 10 s of the kill\n" + ranks.report());
                String err = ranks.stderr(r);
                assertTrue(
                        err.contains("FAILED: rank " + r + ": rank " + victim + " (" + ranks.members.get(victim)
                                + ") left the cluster while waiting for "),
                        "rank " + r + " names the lost member\n" + err);
                System.out.printf(
                        "rank %d stopped %.2f s after the kill: %s%n",
                        r,
                        (System.nanoTime() - killed) / 1e9,
                        err.lines()
                                .filter(l -> l.startsWith("FAILED"))
                                .findFirst()
                                .orElse(""));
            }
            assertFalse(Files.exists(dir.resolve("result.bin")), "no result from a broken run");
        }
    }

    private static boolean everyRankProgressed(ChildRanks ranks, int size) {
        for (int r = 0; r < size; r++) {
            if (ranks.stdout(r).lines().filter(l -> l.startsWith("progress")).count() < 5) {
                return false;
            }
        }
        return true;
    }
}
