package org.bsb.itests.dist;

import static org.bsb.itests.dist.ClusterRuns.assertSameContents;
import static org.bsb.itests.dist.ClusterRuns.contents;
import static org.bsb.itests.dist.ClusterRuns.copyTree;
import static org.bsb.itests.dist.ClusterRuns.loopbackMembers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bsb.itests.ItBundles;
import org.bsb.testsupport.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bsb simulate ... --cluster MEMBERS --rank K} with the real distribution: two and three {@code bin/bsb}
 * processes on loopback split the tutorial network (compiled once with a fixed seed) and rank 0 writes one results
 * file whose every dataset (each signal, each spike train) is bit for bit that of one process with one thread; the
 * other ranks write nothing and exit 0. The same with {@code --cluster dry-run:8} (8 fake ranks in one process). A rank killed with {@code destroyForcibly()} mid-run: the other exits non-zero within 10 s
 * with an error naming it, and no results file is left. Every child process is killed in {@code finally}.
 */
class ClusterSimulateIT {
    private static Path work;

    @BeforeAll
    static void compileTheTutorial() throws Exception {
        work = ItBundles.workDir("cluster-simulate");
        Path tutorial = ProjectPaths.tutorial();
        Files.copy(tutorial.resolve("neuron-simulation.yaml"), work.resolve("neuron-simulation.yaml"));
        copyTree(tutorial.resolve("data"), work.resolve("data"));
        copyTree(tutorial.resolve("mechanisms"), work.resolve("mechanisms"));
        Process compile = bsb("compile", "--clear", "neuron-simulation.yaml", "-o", "net.hdf5", "--seed", "7")
                .start("compile");
        awaitSuccess(compile, "compile", 120);
    }

    @Test
    @Timeout(value = 200, unit = TimeUnit.SECONDS)
    void twoAndThreeProcessesWriteTheResultsOfOneProcessBitForBit() throws Exception {
        Map<String, Object> expected = oneProcessOneThread();
        for (int n = 2; n <= 3; n++) {
            String name = n == 2 ? "two" : "three";
            List<String> members = loopbackMembers(n);
            List<Process> ranks = new ArrayList<>();
            try {
                for (int rank = n - 1; rank >= 0; rank--) {
                    ranks.add(0, ranked(rank, members, name + "-rank" + rank).start(name + "-rank" + rank));
                }
                for (int rank = 0; rank < n; rank++) {
                    awaitSuccess(ranks.get(rank), name + "-rank" + rank, 120);
                }
            } finally {
                ranks.forEach(Process::destroyForcibly);
            }
            assertTrue(log(name + "-rank0.out").contains("Wrote "), log(name + "-rank0.out"));
            assertTrue(log(name + "-rank0.out").contains("exchange rounds"), log(name + "-rank0.out"));
            for (int rank = 1; rank < n; rank++) {
                String other = name + "-rank" + rank;
                assertTrue(log(other + ".out").contains("rank 0 writes the results file"), log(other + ".out"));
                assertEquals(List.of(), files(work.resolve(other)), other + " writes nothing");
            }
            assertSameContents(expected, contents(only(work.resolve(name + "-rank0"))), name);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDryRunOfEightFakeRanksWritesTheResultsOfOneProcessBitForBit() throws Exception {
        Map<String, Object> expected = oneProcessOneThread();
        Process dry = bsb(
                        "simulate", "net.hdf5", "neuronsim", "-o", "dry", "--format", "hdf5", "--cluster", "dry-run:8")
                .start("dry");
        awaitSuccess(dry, "dry", 120);
        String said = log("dry.out");
        assertTrue(said.contains("Dry run of 8 fake ranks: ") && said.contains("exchange rounds"), said);
        System.out.println(
                said.lines().filter(l -> l.contains("Dry run of")).findFirst().orElse(""));
        assertSameContents(expected, contents(only(work.resolve("dry"))), "dry run");
    }

    private static Map<String, Object> oneProcessOneThread;

    /** The results of one process with one thread (run once). */
    private static synchronized Map<String, Object> oneProcessOneThread() throws Exception {
        if (oneProcessOneThread == null) {
            Process one = bsb("simulate", "net.hdf5", "neuronsim", "-o", "one", "--format", "hdf5", "--threads", "1")
                    .start("one");
            awaitSuccess(one, "one", 120);
            oneProcessOneThread = contents(only(work.resolve("one")));
            long datasets = oneProcessOneThread.keySet().stream()
                    .filter(k -> !k.contains("@"))
                    .count();
            assertTrue(
                    datasets >= 50,
                    "every signal (59 with the default model) and spike train: " + datasets + " datasets "
                            + oneProcessOneThread.keySet());
        }
        return oneProcessOneThread;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRankKilledMidRunStopsTheOtherNamingItAndNoResultsAreLeft() throws Exception {
        List<String> members = loopbackMembers(2);
        Process rank0 = ranked(0, members, "killed").start("killed-rank0");
        Process rank1 = ranked(1, members, "killed-rank1").start("killed-rank1");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            // rank 1 is stepping (and has not handed its part to rank 0, which cannot finish without it)
            while (!log("killed-rank1.out").contains("[rank 1] t = ")) {
                assertTrue(rank1.isAlive() && rank0.isAlive(), log("killed-rank0.err") + log("killed-rank1.err"));
                assertTrue(System.nanoTime() < deadline, "rank 1 never started stepping");
                Thread.sleep(20);
            }
            rank1.destroyForcibly();
            long killed = System.nanoTime();
            assertTrue(rank0.waitFor(10, TimeUnit.SECONDS), "rank 0 still runs 10 s after rank 1 was killed");
            double seconds = (System.nanoTime() - killed) / 1e9;
            String err = log("killed-rank0.err");
            assertNotEquals(0, rank0.exitValue(), log("killed-rank0.out") + err);
            assertTrue(err.contains("rank 1 (127.0.0.1:") && err.contains("left the cluster"), err);
            assertEquals(List.of(), files(work.resolve("killed")), "no results file is left");
            System.out.printf("rank 0 stopped %.2f s after rank 1 was killed: %s%n", seconds, err.strip());
        } finally {
            rank0.destroyForcibly();
            rank1.destroyForcibly();
        }
    }

    // --- running bin/bsb ---

    private record Command(List<String> args) {
        Process start(String name) throws IOException {
            List<String> command =
                    new ArrayList<>(List.of(ItBundles.dist().resolve("bin/bsb").toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            Map<String, String> env = builder.environment();
            env.remove("BSB_VERBOSITY");
            env.remove("BSB_MECHANISM_PATH"); // both runs with the embedded default model
            env.keySet().removeIf(k -> k.startsWith("SLURM_") || k.startsWith("OMPI_") || k.startsWith("PMI_"));
            env.put("BSB_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC");
            return builder.redirectOutput(work.resolve(name + ".out").toFile())
                    .redirectError(work.resolve(name + ".err").toFile())
                    .start();
        }
    }

    private static Command bsb(String... args) {
        return new Command(List.of(args));
    }

    private static Command ranked(int rank, List<String> members, String output) {
        return bsb(
                "simulate",
                "net.hdf5",
                "neuronsim",
                "-o",
                output,
                "--format",
                "hdf5",
                "--threads",
                "1",
                "-v",
                "2",
                "--cluster",
                String.join(",", members),
                "--rank",
                Integer.toString(rank),
                "--cluster-name",
                "it-" + ProcessHandle.current().pid(),
                "--join-timeout",
                "60");
    }

    private static void awaitSuccess(Process p, String name, int seconds) throws Exception {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bsb " + name + " did not end within " + seconds + " s: " + log(name + ".out") + log(name + ".err"));
        }
        assertEquals(0, p.exitValue(), "bsb " + name + ": " + log(name + ".out") + log(name + ".err"));
    }

    private static String log(String file) {
        try {
            Path p = work.resolve(file);
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static Path only(Path dir) throws IOException {
        List<Path> found = files(dir);
        assertEquals(1, found.size(), "one results file in " + dir + ": " + found);
        return found.get(0);
    }
}
