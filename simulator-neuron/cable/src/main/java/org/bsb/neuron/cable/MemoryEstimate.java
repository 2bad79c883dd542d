package org.bsb.neuron.cable;

import java.util.Locale;

/**
 * The heap a network's simulation needs, estimated from its parts before any array is made, so that a run
 * that cannot fit stops at once with the numbers and how to give more ({@code BSB_JAVA_OPTS=-Xmx...})
 * instead of failing deep inside. Counts every node's engine arrays, every mechanism instance's variables,
 * ion pools, point processes, and the recordings ({@code probes x (steps + 1)} doubles, held in memory until
 * the results are written); a factor covers object headers and the copies made while writing.
 */
public record MemoryEstimate(int cells, long compartments, long mechanismValues, int probes, long samples, long bytes) {
    /** Doubles the engine keeps per node (v, rhs, d, a, b, area, parent links, ion pools' share, ...). */
    static final int ENGINE_DOUBLES_PER_NODE = 40;
    /** Headers, index arrays, per-group copies and the writer's copy of the recordings. */
    static final double OVERHEAD = 1.5;

    /** The estimate for {@code net} run with {@code settings}. */
    public static MemoryEstimate of(Network net, SimSettings settings) {
        long nodes = 0;
        long values = 0;
        for (CellLayout layout : net.layouts) {
            nodes += layout.nodeCount;
        }
        for (CableCell cell : net.cells) {
            for (CableSection s : cell.sections()) {
                for (MechanismSpec m : s.mechanisms()) {
                    values += (long) s.nseg()
                            * (net.mechanism(m.name()).variables().size() + 2);
                }
            }
        }
        for (Network.PointSpec p : net.points) {
            values += p.type().variables().size() + 8L;
        }
        long samples = (long) net.probes.size() * (settings.steps() + 1L);
        double doubles = nodes * (double) ENGINE_DOUBLES_PER_NODE + values + 2.0 * samples;
        return new MemoryEstimate(net.cells.size(), nodes, values, net.probes.size(), samples, (long)
                Math.min(Long.MAX_VALUE, 8 * doubles * OVERHEAD));
    }

    /** Fails with the numbers when the estimate exceeds what the heap can still give. */
    public void requireAtMost(long availableBytes) {
        if (bytes > availableBytes) {
            throw new SimulationTooLargeException("this simulation needs about " + megabytes(bytes) + " of heap ("
                    + cells + " cells, " + compartments + " compartments, " + mechanismValues + " mechanism values, "
                    + probes + " recorded signals of " + (probes == 0 ? 0 : samples / probes) + " samples); the JVM"
                    + " can give " + megabytes(availableBytes) + ". Give more with BSB_JAVA_OPTS=-Xmx<size>, e.g."
                    + " BSB_JAVA_OPTS=-Xmx" + Math.max(1, (long) Math.ceil(bytes * 1.25 / (1L << 30))) + "g, or record"
                    + " fewer signals, simulate fewer cells or a shorter duration");
        }
    }

    /** The heap this JVM can still give: its maximum less what is in use now. */
    public static long availableHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    public String summary() {
        return "about " + megabytes(bytes) + " of heap for " + cells + " cells, " + compartments + " compartments, "
                + probes + " recorded signals";
    }

    static String megabytes(double bytes) {
        return bytes >= (1L << 30)
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", Math.ceil(bytes / (1L << 20)));
    }

    /** A simulation too large for the heap, refused before it starts. */
    public static final class SimulationTooLargeException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SimulationTooLargeException(String message) {
            super(message);
        }
    }
}
