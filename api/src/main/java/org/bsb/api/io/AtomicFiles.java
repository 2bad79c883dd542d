package org.bsb.api.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way BSB writes a file that others read: whole or not at all. Every writer of a network file, a
 * results file, a mechanism bundle or a cache entry goes through here, so they all give the same guarantees:
 * <ol>
 * <li>the content is written to a hidden temporary file in the target's own folder
 * ({@code .<name>.tmp-<pid>-<random>}: the same file system, so the final rename is atomic; hidden, so a folder
 * watcher such as the plugins folder never picks up a half-written file), created new with the permissions of
 * any new file (not {@link Files#createTempFile}'s private 0600);</li>
 * <li>the temporary file is flushed to the disk ({@code fsync}) before it takes the target's name, so a power
 * cut after the rename cannot leave a named but empty or partial file;</li>
 * <li>it takes the target's name by one atomic rename ({@link #replace}) or hard link ({@link #createNew},
 * which never replaces an existing file): readers see the old file or the new one, never a mix. A file system
 * that cannot rename atomically is an error, never a silent copy;</li>
 * <li>the folder is flushed too ({@code fsync} of the directory, where the operating system allows it: Linux
 * and macOS do, Windows does not and is skipped), so the rename itself survives a power cut;</li>
 * <li>on any failure, the writer's own included (exceptions and errors alike), the temporary file is deleted and
 * the target is left exactly as it was;</li>
 * <li>a temporary file left by a writer that was killed (its process is gone) is deleted by the next write of
 * the same target.</li>
 * </ol>
 * <p>It is in the api, although the api otherwise holds service interfaces and value types, because storage
 * engines and results formats may depend on the api only, and they are the main writers: a shared class
 * anywhere else would be out of their reach (as {@link org.bsb.api.ErrorReport} is in the api for the same
 * reason). It needs nothing but {@code java.nio}.
 */
public final class AtomicFiles {
    /** What fills the temporary file, given its path (for libraries that open the file themselves, e.g. jHDF). */
    @FunctionalInterface
    public interface PathWriter {
        void write(Path temporary) throws IOException;
    }

    /** What fills the temporary file through a stream (closed by {@link AtomicFiles}). */
    @FunctionalInterface
    public interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /** How many names {@link #createNew} tries at the most before it gives up. */
    public static final int MAX_NAMES = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MARK = ".tmp-";
    private static final PathWriter NOTHING = tmp -> {};

    private AtomicFiles() {}

    /** Replaces {@code target} (or creates it) with {@code content}; see the class's guarantees. */
    public static Path write(Path target, byte[] content) throws IOException {
        Objects.requireNonNull(content, "content");
        return replace(target, tmp -> Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Replaces {@code target} (or creates it) with what {@code writer} writes to a stream. */
    public static Path write(Path target, StreamWriter writer) throws IOException {
        return replace(target, streaming(writer));
    }

    /** Replaces {@code target} (or creates it) with what {@code writer} writes into the temporary file. */
    public static Path replace(Path target, PathWriter writer) throws IOException {
        return replace(target, writer, NOTHING);
    }

    /**
     * As {@link #replace(Path, PathWriter)}, calling {@code beforeMove} with the complete temporary file after it
     * is flushed and just before it takes the target's name (tests inject failures or stalls there; a failure
     * there leaves the target as it was).
     */
    public static Path replace(Path target, PathWriter writer, PathWriter beforeMove) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = folderOf(absolute);
        String name = absolute.getFileName().toString();
        Path tmp = written(dir, name, writer);
        try {
            beforeMove.write(tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot replace " + name + " atomically", e);
            }
        } catch (Throwable t) {
            deleteQuietly(tmp);
            throw t;
        }
        syncFolder(dir);
        return absolute;
    }

    /**
     * Writes a new file in {@code directory} (created if needed) under the first of the names {@code name} gives
     * for attempts 0, 1, 2, ... that no file has yet, and returns it; never replaces a file, even one made under
     * that name while this writes. {@code name} may return null to give up. The temporary file is named after
     * {@code stem}, which also selects the stale temporaries of killed writers to delete.
     */
    public static Path createNew(Path directory, String stem, IntFunction<String> name, PathWriter writer)
            throws IOException {
        Path dir = directory.toAbsolutePath();
        Files.createDirectories(dir);
        Path tmp = written(dir, stem, writer);
        try {
            for (int attempt = 0; attempt < MAX_NAMES; attempt++) {
                String candidate = name.apply(attempt);
                if (candidate == null) {
                    break;
                }
                Path target = dir.resolve(candidate);
                if (!dir.equals(target.getParent())) {
                    throw new IllegalArgumentException("'" + candidate + "' is not a file name in " + dir);
                }
                if (publish(tmp, target)) {
                    syncFolder(dir);
                    return target;
                }
            }
            throw new FileAlreadyExistsException(dir.toString(), null, "no free file name left for a new file");
        } finally {
            deleteQuietly(tmp); // after a hard link the content lives on under the new name
        }
    }

    /**
     * Moves the complete file {@code source} to {@code target} in one step, unless {@code target} exists: true if
     * it moved, false if {@code target} exists (then {@code source} stays). Never replaces a file.
     */
    public static boolean moveNew(Path source, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!publish(source, absolute)) {
            return false;
        }
        Files.deleteIfExists(source);
        syncFolder(folderOf(absolute));
        return true;
    }

    /**
     * Deletes the temporary files that writers of {@code name} in {@code dir} left when they were killed (their
     * process no longer runs on this machine). Best effort: a stale temporary file is only wasted space.
     */
    public static void removeStaleTemporaries(Path dir, String name) {
        Pattern own = Pattern.compile(Pattern.quote("." + name + MARK) + "(\\d+)-[0-9a-f]+");
        try (var siblings = Files.list(dir)) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                Matcher m = own.matcher(p.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    /** Links {@code tmp} as {@code target} unless it exists; false if it does. */
    private static boolean publish(Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp); // atomic, and fails instead of replacing
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            // No hard links on this file system (FAT, some network file systems): a rename that refuses an
            // existing target. Java checks and renames in two steps, so a file made in between could be replaced.
            if (Files.exists(target)) {
                return false;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (FileAlreadyExistsException again) {
                return false;
            } catch (AtomicMoveNotSupportedException again) {
                throw new IOException(
                        "the file system of " + target.getParent() + " can neither link nor rename " + "atomically",
                        again);
            }
        }
    }

    private static PathWriter streaming(StreamWriter writer) {
        Objects.requireNonNull(writer, "writer");
        return tmp -> {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))) {
                writer.write(out); // closing it twice is harmless
            }
        };
    }

    private static Path folderOf(Path absolute) throws IOException {
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new IOException(absolute + " is not a file path");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(absolute + " is a directory");
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** A complete temporary file in {@code dir}, flushed to the disk; deleted again if anything fails. */
    private static Path written(Path dir, String stem, PathWriter writer) throws IOException {
        removeStaleTemporaries(dir, stem);
        Path tmp = newTemporary(dir, stem);
        try {
            writer.write(tmp);
            sync(tmp);
            return tmp;
        } catch (Throwable t) {
            deleteQuietly(tmp);
            throw t;
        }
    }

    private static Path newTemporary(Path dir, String name) throws IOException {
        for (int tries = 0; ; tries++) {
            Path tmp = dir.resolve("." + name + MARK + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (tries > 100) {
                    throw e;
                }
            }
        }
    }

    /** fsync of a file's content and metadata. */
    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (NoSuchFileException e) {
            throw new IOException("the temporary file " + file + " disappeared while it was written", e);
        }
    }

    /** fsync of a folder, so that a rename in it is on the disk; skipped where the system refuses (Windows). */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not allowed on this operating system: the rename is atomic all the same
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException e) {
            // best effort: a stray temporary file never replaces the target, and the next write removes it
        }
    }
}
