package org.bsb.cluster.hazelcast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ranks of a run as child JVMs ({@link RankMain} on this test's class path), output to files in
 * {@code dir}. {@link #close} kills whatever still runs: use it in a try-with-resources.
 */
final class ChildRanks implements AutoCloseable {
    /** Hazelcast's recommended access flags (without them it warns and runs slower). */
    static final List<String> JVM_FLAGS = List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "--add-modules",
            "java.se",
            "--add-exports",
            "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens",
            "java.base/java.lang=ALL-UNNAMED",
            "--add-opens",
            "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens",
            "java.management/sun.management=ALL-UNNAMED",
            "--add-opens",
            "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    final Path dir;
    final List<String> members;
    final List<Process> processes = new ArrayList<>();

    ChildRanks(Path dir, int size) {
        this.dir = dir;
        this.members = Ports.loopbackMembers(size);
    }

    /** Starts every rank with {@code args} ({@code key=value}, see {@link RankMain}) plus its rank and the members. */
    ChildRanks start(String name, String... args) {
        for (int r = 0; r < members.size(); r++) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(JVM_FLAGS);
            cmd.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    RankMain.class.getName(),
                    "cluster=" + String.join(",", members),
                    "rank=" + r,
                    "cluster-name=" + name,
                    "out=" + dir.resolve("result.bin")));
            cmd.addAll(List.of(args));
            try {
                processes.add(new ProcessBuilder(cmd)
                        .redirectOutput(out(r).toFile())
                        .redirectError(err(r).toFile())
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    Path out(int rank) {
        return dir.resolve("rank" + rank + ".out");
    }

    Path err(int rank) {
        return dir.resolve("rank" + rank + ".err");
    }

    String stdout(int rank) {
        return read(out(rank));
    }

    String stderr(int rank) {
        return read(err(rank));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for rank {@code rank} to exit; its status, or -1 if it still runs after {@code seconds}. */
    int await(int rank, double seconds) throws InterruptedException {
        Process p = processes.get(rank);
        return p.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS) ? p.exitValue() : -1;
    }

    /** What each rank printed, for a failure message. */
    String report() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < processes.size(); r++) {
            String out =
                    stdout(r).lines().filter(l -> !l.startsWith("progress")).reduce("", (a, b) -> a + b + "\n");
            sb.append("--- rank ")
                    .append(r)
                    .append(" stdout (progress lines left out)\n")
                    .append(out)
                    .append("--- rank ")
                    .append(r)
                    .append(" stderr\n")
                    .append(tail(stderr(r), 4000));
        }
        return sb.toString();
    }

    private static String tail(String s, int n) {
        return s.length() <= n ? s : "..." + s.substring(s.length() - n);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
