package org.bsb.api.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createsAFileAndReplacesAnExistingOneWhole() throws Exception {
        Path target = dir.resolve("sub/net.hdf5");
        assertEquals(target, AtomicFiles.write(target, bytes("a longer first content")));
        assertArrayEquals(bytes("a longer first content"), Files.readAllBytes(target));
        AtomicFiles.write(target, bytes("short"));
        assertArrayEquals(bytes("short"), Files.readAllBytes(target));
        AtomicFiles.write(target, out -> {
            out.write(bytes("streamed"));
            out.close(); // a writer may close its stream
        });
        assertArrayEquals(bytes("streamed"), Files.readAllBytes(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList()); // no temporary file left
        }
    }

    @Test
    void theTemporaryFileIsHiddenBesideTheTargetAndCompleteBeforeTheMove() throws Exception {
        Path target = dir.resolve("results.nio");
        Files.write(target, bytes("old"));
        AtomicReference<Path> seen = new AtomicReference<>();
        AtomicFiles.replace(
                target,
                tmp -> {
                    seen.set(tmp);
                    Files.write(tmp, bytes("new content"));
                },
                tmp -> {
                    assertArrayEquals(bytes("new content"), Files.readAllBytes(tmp));
                    assertArrayEquals(bytes("old"), Files.readAllBytes(target));
                });
        Path tmp = seen.get();
        assertEquals(dir, tmp.getParent());
        assertTrue(
                tmp.getFileName()
                        .toString()
                        .startsWith(
                                ".results.nio.tmp-" + ProcessHandle.current().pid() + "-"),
                tmp.toString());
        assertFalse(Files.exists(tmp));
        assertArrayEquals(bytes("new content"), Files.readAllBytes(target));
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheTargetUntouchedAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("net.hdf5");
        Files.write(target, bytes("the previous network"));
        List<Throwable> failures = List.of(
                new IOException("disk on fire"), new IllegalStateException("bug"), new OutOfMemoryError("heap"));
        for (Throwable failure : failures) {
            Throwable thrown = assertThrows(
                    Throwable.class,
                    () -> AtomicFiles.replace(target, tmp -> {
                        Files.write(tmp, bytes("half of the new net"));
                        sneakyThrow(failure);
                    }));
            assertSame(failure, thrown);
            assertArrayEquals(bytes("the previous network"), Files.readAllBytes(target));
            assertEquals(List.of("net.hdf5"), names());
        }
        // a stream writer failing midway
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("no space left");
                }));
        assertEquals("no space left", e.getMessage());
        assertArrayEquals(bytes("the previous network"), Files.readAllBytes(target));
        assertEquals(List.of("net.hdf5"), names());
    }

    @Test
    void aFailureJustBeforeTheMoveLeavesTheTargetUntouched() throws Exception {
        Path target = dir.resolve("net.hdf5");
        Files.write(target, bytes("old"));
        assertThrows(
                IOException.class,
                () -> AtomicFiles.replace(target, tmp -> Files.write(tmp, bytes("new")), tmp -> {
                    throw new IOException("killed");
                }));
        assertArrayEquals(bytes("old"), Files.readAllBytes(target));
        assertEquals(List.of("net.hdf5"), names());
    }

    @Test
    void aNewFileIsNotCreatedWhenTheWriteFails() throws Exception {
        Path target = dir.resolve("new.jar");
        assertThrows(
                IOException.class,
                () -> AtomicFiles.replace(target, tmp -> {
                    throw new IOException("broken");
                }));
        assertEquals(List.of(), names());
    }

    @Test
    void aDirectoryIsNeverReplaced() throws Exception {
        Files.createDirectories(dir.resolve("out.h5"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("out.h5"), bytes("x")));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
        assertEquals(List.of("out.h5"), names());
    }

    @Test
    void readersSeeTheOldOrTheNewContentNeverAMix() throws Exception {
        Path target = dir.resolve("shared.bin");
        byte[][] versions = new byte[4][];
        for (int v = 0; v < versions.length; v++) {
            versions[v] = new byte[200_000];
            Arrays.fill(versions[v], (byte) v);
        }
        AtomicFiles.write(target, versions[0]);
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> bad = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    byte[] read = Files.readAllBytes(target);
                    if (Arrays.stream(versions).noneMatch(v -> Arrays.equals(v, read))) {
                        bad.add("a read of " + read.length + " bytes matched no version");
                    }
                } catch (IOException e) {
                    bad.add("read failed: " + e);
                }
            }
        });
        reader.start();
        List<Thread> writers = new ArrayList<>();
        for (int w = 1; w < versions.length; w++) {
            byte[] mine = versions[w];
            Thread t = new Thread(() -> {
                for (int k = 0; k < 20; k++) {
                    try {
                        AtomicFiles.write(target, mine);
                    } catch (IOException e) {
                        bad.add("write failed: " + e);
                    }
                }
            });
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join();
        }
        stop.set(true);
        reader.join();
        assertEquals(Set.of(), bad);
        assertEquals(List.of("shared.bin"), names());
    }

    @Test
    void createNewNeverReplacesAFile() throws Exception {
        Files.write(dir.resolve("sim.h5"), bytes("first run"));
        Files.write(dir.resolve("sim-2.h5"), bytes("second run"));
        Path made = AtomicFiles.createNew(
                dir,
                "sim",
                n -> n == 0 ? "sim.h5" : "sim-" + (n + 1) + ".h5",
                tmp -> Files.write(tmp, bytes("third run")));
        assertEquals(dir.resolve("sim-3.h5"), made);
        assertArrayEquals(bytes("first run"), Files.readAllBytes(dir.resolve("sim.h5")));
        assertArrayEquals(bytes("second run"), Files.readAllBytes(dir.resolve("sim-2.h5")));
        assertArrayEquals(bytes("third run"), Files.readAllBytes(made));
        assertEquals(List.of("sim-2.h5", "sim-3.h5", "sim.h5"), names());

        FileAlreadyExistsException e = assertThrows(
                FileAlreadyExistsException.class,
                () -> AtomicFiles.createNew(
                        dir, "sim", n -> n == 0 ? "sim.h5" : null, tmp -> Files.write(tmp, bytes("x"))));
        assertTrue(e.getMessage().contains("no free file name"), e.getMessage());
        assertEquals(List.of("sim-2.h5", "sim-3.h5", "sim.h5"), names());

        assertThrows(
                IOException.class,
                () -> AtomicFiles.createNew(dir, "sim", n -> "sim-9.h5", tmp -> {
                    throw new IOException("broken");
                }));
        assertEquals(List.of("sim-2.h5", "sim-3.h5", "sim.h5"), names());
    }

    @Test
    void moveNewRefusesAnExistingTarget() throws Exception {
        Files.createDirectories(dir.resolve("staging"));
        Path source = Files.write(dir.resolve("staging/x.nio"), bytes("new"));
        Path taken = Files.write(dir.resolve("taken.nio"), bytes("old"));
        assertFalse(AtomicFiles.moveNew(source, taken));
        assertArrayEquals(bytes("old"), Files.readAllBytes(taken));
        assertTrue(Files.exists(source));
        assertTrue(AtomicFiles.moveNew(source, dir.resolve("free.nio")));
        assertFalse(Files.exists(source));
        assertArrayEquals(bytes("new"), Files.readAllBytes(dir.resolve("free.nio")));
    }

    @Test
    void temporaryFilesOfKilledWritersAreRemovedByTheNextWrite() throws Exception {
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .start();
        gone.getInputStream().readAllBytes();
        gone.waitFor();
        Path stale = Files.write(dir.resolve(".net.hdf5.tmp-" + gone.pid() + "-1f"), bytes("half"));
        Path live = Files.write(
                dir.resolve(".net.hdf5.tmp-" + ProcessHandle.current().pid() + "-2e"), bytes("busy"));
        Path other = Files.write(dir.resolve(".other.hdf5.tmp-" + gone.pid() + "-3d"), bytes("not ours"));
        AtomicFiles.write(dir.resolve("net.hdf5"), bytes("net"));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(live)); // its writer still runs
        assertTrue(Files.exists(other)); // another target's
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
