package org.bsb.neuron.cable;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * The most heap in use right after a garbage collection while it watches: the live data of a run (network,
 * mechanism states, recordings, and the framework around them), without the garbage that the heap in use at
 * any moment includes. Reads the collectors' notifications through {@code javax.management} only (the
 * {@code com.sun.management} types need not be visible, as in an OSGi framework).
 */
public final class HeapAfterGc implements AutoCloseable {
    /** The notification type of HotSpot's collectors (com.sun.management.GarbageCollectionNotificationInfo). */
    private static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

    private final Set<String> heapPools;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    private HeapAfterGc() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
    }

    /** Starts watching every collector of this JVM; {@link #close()} stops. */
    public static HeapAfterGc watch() {
        HeapAfterGc w = new HeapAfterGc();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(w.listener, null, null);
                w.emitters.add(e);
            }
        }
        return w;
    }

    private void collected(Notification n, Object handback) {
        if (!GC_NOTIFICATION.equals(n.getType()) || !(n.getUserData() instanceof CompositeData info)) return;
        if (!(info.get("gcInfo") instanceof CompositeData gc)
                || !(gc.get("memoryUsageAfterGc") instanceof TabularData after)) return;
        long used = 0;
        for (Object row : after.values()) {
            CompositeData pool = (CompositeData) row;
            if (heapPools.contains(String.valueOf(pool.get("key")))
                    && pool.get("value") instanceof CompositeData usage
                    && usage.get("used") instanceof Long bytes) {
                used += bytes;
            }
        }
        collections.incrementAndGet();
        peak.accumulateAndGet(used, Math::max);
    }

    /** Collections seen so far. */
    public int collections() {
        return collections.get();
    }

    /** The most heap in use after any collection seen so far (0 before the first). */
    public long peakBytes() {
        return peak.get();
    }

    /**
     * One line for a run's log: the peak and its share per compartment, or, when no collection happened (a
     * short run in a large heap), the heap in use now, which also counts garbage.
     */
    public String summary(long compartments) {
        long bytes = collections() > 0 ? peakBytes() : inUseNow();
        String what = collections() > 0
                ? "peak heap after garbage collection " + MemoryEstimate.megabytes(bytes) + " (" + collections()
                        + " collections during the run)"
                : "heap in use at the end " + MemoryEstimate.megabytes(bytes) + " (no garbage collection during the"
                        + " run, so this counts garbage too)";
        return what
                + String.format(
                        Locale.ROOT,
                        ", %.1f kB per compartment of %d",
                        compartments == 0 ? 0.0 : bytes / 1024.0 / compartments,
                        compartments);
    }

    private static long inUseNow() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
        emitters.clear();
    }
}
