package org.bsb.api.concurrent;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way BSB makes worker threads (compile placement and connectivity jobs, the cable simulator's workers,
 * benchmarks). Every pool gives the same guarantees:
 * <ul>
 * <li>its threads are daemons: a worker that hangs, or a pool a failing caller never shut down, cannot keep the
 * JVM (the {@code bsb} command, a test run) alive after the main thread is done;</li>
 * <li>its threads are named {@code <name>-1}, {@code <name>-2}, ... so that a thread dump or a profile tells whose
 * they are;</li>
 * <li>it has at least one thread ({@code threads < 1} counts as 1), a fixed number of them, and an unbounded
 * queue: jobs are submitted all at once and run in that order;</li>
 * <li>a failure inside a job stays with the job's {@link java.util.concurrent.Future} (callers rethrow it); a
 * thread that dies anyway is reported by the JVM's default handler, not lost.</li>
 * </ul>
 * The caller shuts the pool down (in a {@code finally}). It is in the api because strategy and engine bundles,
 * the cable simulator among them, may depend on the api only (see {@link org.bsb.api.io.AtomicFiles}).
 */
public final class ThreadPools {
    private ThreadPools() {}

    /** A fixed pool of {@code max(1, threads)} daemon threads named {@code <name>-<n>}. */
    public static ExecutorService fixed(String name, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), daemonThreads(name));
    }

    /** As {@link #fixed(String, int)}, telling {@code created} of each new thread before it starts. */
    public static ExecutorService fixed(String name, int threads, Consumer<Thread> created) {
        return Executors.newFixedThreadPool(Math.max(1, threads), daemonThreads(name, created));
    }

    /** Daemon threads named {@code <name>-1}, {@code <name>-2}, ... */
    public static ThreadFactory daemonThreads(String name) {
        return daemonThreads(name, t -> {});
    }

    /** As {@link #daemonThreads(String)}, telling {@code created} of each new thread before it starts. */
    public static ThreadFactory daemonThreads(String name, Consumer<Thread> created) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            created.accept(t);
            return t;
        };
    }
}
