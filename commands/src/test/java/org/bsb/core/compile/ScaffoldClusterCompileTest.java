package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bsb.api.Reporter;
import org.bsb.api.cluster.JobCluster;
import org.bsb.api.cluster.JobDescriptor;
import org.bsb.api.cluster.JobFailedException;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.compile.CompileOptions.Mode;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.core.scaffold.Scaffold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Scaffold.compile(..., transport, cluster)} as rank 0 with a member started without a config
 * ({@code ClusterCompile.workerHandler}, what {@code bsb worker} runs) over an in-memory {@link JobCluster} of two
 * ranks: the member fetches rank 0's config, runs half the jobs, and the file equals a 1-process
 * {@code Scaffold.compile}.
 */
class ScaffoldClusterCompileTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rankZeroAndAWorkerCompileTheNetworkOfOneProcess() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Tutorial.swc(dir.resolve("data"));
        Path config = Files.writeString(dir.resolve("net.json"), CompileCommandTest.CONFIG);
        MapRegistry registry = ServiceLoaderRegistry.load(ScaffoldClusterCompileTest.class.getClassLoader());
        Scaffold one = Scaffold.compile(config, registry, options(dir.resolve("one.hdf5")), Reporter.SILENT);

        LocalJobCluster cluster = new LocalJobCluster(2);
        CompletableFuture<Object> worker = CompletableFuture.supplyAsync(() -> {
            try (JobCluster.Session s = cluster.join(
                    Map.of("rank", "1"), ClusterCompile.workerHandler(registry, Reporter.SILENT), Reporter.SILENT)) {
                return ClusterCompile.run(s, null, null, Reporter.SILENT, c -> "rank 0 only");
            } catch (CompileException e) {
                throw new IllegalStateException(e);
            }
        });
        Scaffold split = Scaffold.compile(
                config, registry, options(dir.resolve("split.hdf5")), Reporter.SILENT, cluster, Map.of("rank", "0"));
        assertNull(worker.get(30, TimeUnit.SECONDS), "a worker gets no network");
        assertTrue(cluster.ran[1].get() > 0 && cluster.ran[0].get() > 0, "both ranks ran jobs");

        NetworkData a = one.network();
        NetworkData b = split.network();
        assertEquals(a.attributes().get("seed"), b.attributes().get("seed"));
        assertEquals(a.placement().size(), b.placement().size());
        for (int i = 0; i < a.placement().size(); i++) {
            PlacementBlock x = a.placement().get(i);
            PlacementBlock y = b.placement().get(i);
            assertEquals(x.chunk(), y.chunk());
            assertArrayEquals(x.positions(), y.positions());
            assertArrayEquals(x.rotations(), y.rotations());
            assertArrayEquals(x.morphologies(), y.morphologies());
        }
        assertEquals(a.configJson(), b.configJson());
    }

    private static CompileOptions options(Path out) {
        return new CompileOptions(out, Mode.CLEAR, false, false, null, null, 11L, 1);
    }

    /** Every rank in this JVM; job {@code i} runs on rank {@code (i + 1) % size}'s handler, as Hazelcast's does. */
    static final class LocalJobCluster implements JobCluster {
        final int size;
        final JobHandler[] handlers;
        final AtomicInteger[] ran;
        final CountDownLatch joined;
        final Map<String, CompletableFuture<byte[]>> published = new ConcurrentHashMap<>();
        final CompletableFuture<Optional<String>> finished = new CompletableFuture<>();

        LocalJobCluster(int size) {
            this.size = size;
            handlers = new JobHandler[size];
            ran = new AtomicInteger[size];
            for (int i = 0; i < size; i++) {
                ran[i] = new AtomicInteger();
            }
            joined = new CountDownLatch(size);
        }

        @Override
        public String name() {
            return "local";
        }

        @Override
        public Session join(Map<String, String> options, JobHandler handler, Reporter reporter) {
            int rank = Integer.parseInt(options.get("rank"));
            handlers[rank] = handler;
            joined.countDown();
            try {
                assertTrue(joined.await(20, TimeUnit.SECONDS), "every rank joins");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new Session() {
                @Override
                public int rank() {
                    return rank;
                }

                @Override
                public int size() {
                    return size;
                }

                @Override
                public String describe() {
                    return "rank " + rank + " of " + size + " (local)";
                }

                @Override
                public CompletableFuture<byte[]> submit(JobDescriptor job, int index) {
                    int target = (index + 1) % size;
                    return CompletableFuture.supplyAsync(() -> {
                        try {
                            ran[target].incrementAndGet();
                            return handlers[target].run(job, this::fetch);
                        } catch (Exception e) {
                            throw new JobFailedException("rank " + target + ": " + e.getMessage(), e);
                        }
                    });
                }

                @Override
                public void publish(String key, byte[] data) {
                    published
                            .computeIfAbsent(key, k -> new CompletableFuture<>())
                            .complete(data);
                }

                @Override
                public byte[] fetch(String key) {
                    return published
                            .computeIfAbsent(key, k -> new CompletableFuture<>())
                            .join();
                }

                @Override
                public void finish(String failure) {
                    finished.complete(Optional.ofNullable(failure));
                }

                @Override
                public String awaitFinish() {
                    return finished.join().orElse(null);
                }

                @Override
                public void close() {}
            };
        }
    }
}
