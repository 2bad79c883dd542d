package org.bsb.itests.dist;

import static org.bsb.itests.dist.ClusterRuns.assertSameContents;
import static org.bsb.itests.dist.ClusterRuns.contents;
import static org.bsb.itests.dist.ClusterRuns.copyTree;
import static org.bsb.itests.dist.ClusterRuns.loopbackMembers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@code bsb compile CONFIG --cluster MEMBERS --rank K} with the real distribution: the tutorial compiled with seed 7
 * by 2 and by 3 {@code bin/bsb} processes on loopback gives a network file holding every dataset and attribute of
 * the 1-process compile (placement, connectivity, morphologies, config, seed); only rank 0 writes. A member killed
 * with {@code destroyForcibly()} while it holds jobs: its jobs run again on rank 0 and the file is the same. A
 * member without the bundle of a strategy the config names: rank 0 fails naming the member and the strategy, and
 * no file is left. Every child process is killed in {@code finally}.
 */
class ClusterCompileIT {
    private static Path work;
    private static Map<String, Object> expected;

    @BeforeAll
    static void compileInOneProcess() throws Exception {
        work = ItBundles.workDir("cluster-compile");
        Path tutorial = ProjectPaths.tutorial();
        Files.copy(tutorial.resolve("neuron-simulation.yaml"), work.resolve("neuron-simulation.yaml"));
        copyTree(tutorial.resolve("data"), work.resolve("data"));
        copyTree(tutorial.resolve("mechanisms"), work.resolve("mechanisms"));
        Process one = bsb(Map.of(), "compile", "--clear", "neuron-simulation.yaml", "-o", "one.hdf5", "--seed", "7")
                .start("one");
        awaitSuccess(one, "one", 120);
        expected = contents(work.resolve("one.hdf5"));
        assertTrue(
                expected.keySet().stream().anyMatch(k -> k.contains("placement")),
                expected.keySet().toString());
        assertTrue(
                expected.keySet().stream().anyMatch(k -> k.contains("connectivity")),
                expected.keySet().toString());
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void twoAndThreeProcessesWriteTheNetworkOfOneProcess() throws Exception {
        for (int n = 2; n <= 3; n++) {
            String name = "split" + n;
            List<String> members = loopbackMembers(n);
            List<Process> ranks = new ArrayList<>();
            try {
                for (int rank = n - 1; rank >= 0; rank--) {
                    ranks.add(
                            0,
                            ranked(rank, members, name, Map.of(), "neuron-simulation.yaml")
                                    .start(name + "-rank" + rank));
                }
                for (int rank = 0; rank < n; rank++) {
                    awaitSuccess(ranks.get(rank), name + "-rank" + rank, 120);
                }
            } finally {
                ranks.forEach(Process::destroyForcibly);
            }
            assertTrue(log(name + "-rank1.out").contains("rank 0 wrote the network file"), log(name + "-rank1.out"));
            assertTrue(log(name + "-rank1.out").contains("rank 1 (127.0.0.1:"), "rank 1 ran jobs");
            assertSameContents(expected, contents(work.resolve(name + ".hdf5")), name);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMemberKilledMidCompileHasItsJobsRunElsewhereAndTheFileIsTheSame() throws Exception {
        List<String> members = loopbackMembers(2);
        // rank 1 holds each job 2 s: killed while it holds some
        Process rank1 = ranked(
                        1, members, "killed", Map.of("BSB_CLUSTER_JOB_DELAY_MS", "2000"), "neuron-simulation.yaml")
                .start("killed-rank1");
        Process rank0 =
                ranked(0, members, "killed", Map.of(), "neuron-simulation.yaml").start("killed-rank0");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!log("killed-rank1.out").contains(": running ")) {
                assertTrue(rank1.isAlive() && rank0.isAlive(), log("killed-rank0.err") + log("killed-rank1.err"));
                assertTrue(System.nanoTime() < deadline, "rank 1 never ran a job");
                Thread.sleep(20);
            }
            rank1.destroyForcibly();
            awaitSuccess(rank0, "killed-rank0", 60);
            String out = log("killed-rank0.out");
            assertTrue(out.contains("rank 1 (127.0.0.1:") && out.contains("left the cluster"), out);
            assertSameContents(expected, contents(work.resolve("killed.hdf5")), "killed");
        } finally {
            rank0.destroyForcibly();
            rank1.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMemberWithoutTheStrategyRefusesItsJobsNamingItselfAndTheStrategy() throws Exception {
        String config = Files.readString(work.resolve("neuron-simulation.yaml"))
                .replace(
                        "strategy: bsb.placement.RandomPlacement",
                        "strategy: lab.placement.GridPlacement\n    spacing: 10");
        assertTrue(config.contains("lab.placement.GridPlacement"), config);
        Files.writeString(work.resolve("grid.yaml"), config);
        Path with = Files.createDirectories(work.resolve("plugins-with"));
        Path without = Files.createDirectories(work.resolve("plugins-without"));
        Files.copy(
                ItBundles.fixtureJar(),
                with.resolve(ItBundles.fixtureJar().getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> members = loopbackMembers(2);
        Process rank1 = ranked(1, members, "grid", Map.of("BSB_PLUGINS", without.toString()), "grid.yaml")
                .start("grid-rank1");
        Process rank0 = ranked(0, members, "grid", Map.of("BSB_PLUGINS", with.toString()), "grid.yaml")
                .start("grid-rank0");
        try {
            assertTrue(rank0.waitFor(90, TimeUnit.SECONDS), "rank 0 did not end");
            assertTrue(rank1.waitFor(30, TimeUnit.SECONDS), "rank 1 did not end");
            String said = log("grid-rank0.out") + log("grid-rank0.err");
            assertNotEquals(0, rank0.exitValue(), said);
            assertNotEquals(0, rank1.exitValue(), log("grid-rank1.out") + log("grid-rank1.err"));
            assertTrue(said.contains("rank 1 (127.0.0.1:" + members.get(1).split(":")[1] + ")"), said);
            assertTrue(said.contains("'lab.placement.GridPlacement'"), said);
            assertTrue(said.contains("is installed on this member"), said);
            assertFalse(Files.exists(work.resolve("grid.hdf5")), "no network file is left");
            System.out.println("rank 0: "
                    + said.lines()
                            .filter(l -> l.contains("GridPlacement"))
                            .findFirst()
                            .orElse(""));
        } finally {
            rank0.destroyForcibly();
            rank1.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aWorkerWithoutTheConfigServesRankZerosCompile() throws Exception {
        List<String> members = loopbackMembers(2);
        Path elsewhere = Files.createDirectories(work.resolve("worker-cwd"));
        Process rank0 = null;
        Process worker = null;
        try {
            worker = bsb(
                            Map.of(),
                            "worker",
                            "-v",
                            "3",
                            "--cluster",
                            String.join(",", members),
                            "--rank",
                            "1",
                            "--cluster-name",
                            "itc-worker-" + ProcessHandle.current().pid(),
                            "--join-timeout",
                            "60")
                    .startIn(elsewhere, "worker-rank1");
            rank0 = ranked(0, members, "worker", Map.of(), "neuron-simulation.yaml")
                    .start("worker-rank0");
            awaitSuccess(rank0, "worker-rank0", 120);
            awaitSuccess(worker, "worker-rank1", 60);
        } finally {
            for (Process p : new Process[] {rank0, worker}) {
                if (p != null) {
                    p.destroyForcibly();
                }
            }
        }
        String said = log("worker-rank1.out");
        assertTrue(said.contains("rank 0 wrote the network file"), said);
        assertTrue(said.contains("from rank 0's config"), said);
        assertTrue(said.contains("rank 1 (127.0.0.1:"), "the worker ran jobs: " + said);
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertEquals(List.of(), files.toList(), "the worker writes nothing");
        }
        assertSameContents(expected, contents(work.resolve("worker.hdf5")), "worker");
    }

    // --- running bin/bsb ---

    private record Command(Map<String, String> extra, List<String> args) {
        Process start(String name) throws IOException {
            return startIn(work, name);
        }

        Process startIn(Path directory, String name) throws IOException {
            List<String> command =
                    new ArrayList<>(List.of(ItBundles.dist().resolve("bin/bsb").toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            Map<String, String> env = builder.environment();
            env.remove("BSB_VERBOSITY");
            env.remove("BSB_CLUSTER_JOB_DELAY_MS");
            env.keySet().removeIf(k -> k.startsWith("SLURM_") || k.startsWith("OMPI_") || k.startsWith("PMI_"));
            env.put("BSB_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC");
            env.putAll(extra);
            return builder.redirectOutput(work.resolve(name + ".out").toFile())
                    .redirectError(work.resolve(name + ".err").toFile())
                    .start();
        }
    }

    private static Command bsb(Map<String, String> env, String... args) {
        return new Command(new HashMap<>(env), List.of(args));
    }

    private static Command ranked(
            int rank, List<String> members, String output, Map<String, String> env, String config) {
        return bsb(
                env,
                "compile",
                "--clear",
                config,
                "-o",
                output + ".hdf5",
                "--seed",
                "7",
                "-v",
                "3",
                "--cluster",
                String.join(",", members),
                "--rank",
                Integer.toString(rank),
                "--cluster-name",
                "itc-" + output + "-" + ProcessHandle.current().pid(),
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
}
