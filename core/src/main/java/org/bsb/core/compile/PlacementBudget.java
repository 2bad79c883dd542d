package org.bsb.core.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bsb.core.topology.Partition;

/**
 * The cells a placement will make, estimated from the indicators before any job runs, so that a config
 * asking for more than this process can hold is refused at once with the numbers (instead of running until
 * it is killed). Counts are whole-partition estimates (the same formulas as the jobs' per-chunk counts).
 */
final class PlacementBudget {
    /**
     * Heap a placed cell needs at least while the network is built and written: position (3 doubles),
     * rotation, morphology index, the stored copy that the HDF5 writer holds until the file closes.
     */
    static final long BYTES_PER_CELL = 96;

    /** One cell type's expected count and where it comes from, for messages. */
    record Estimate(String cellType, String strategy, double cells, String indicator) {}

    private final Map<String, Estimate> byType = new LinkedHashMap<>();

    void add(CellTypeSpec type, String strategy, List<Partition> parts, CellCounts.Related related) {
        double cells = CellCounts.estimate(type, strategy, parts, null, related);
        Estimate old = byType.get(type.name());
        byType.put(
                type.name(),
                new Estimate(
                        type.name(),
                        old == null ? strategy : old.strategy() + ", " + strategy,
                        (old == null ? 0 : old.cells()) + cells,
                        indicator(type)));
    }

    private static String indicator(CellTypeSpec type) {
        String base = "cell_types." + type.name() + ".spatial.";
        if (type.relativeTo() != null) {
            return base + "relative_to";
        }
        return base + (type.planarDensity() != null ? "planar_density" : type.density() != null ? "density" : "count");
    }

    Map<String, Estimate> estimates() {
        return byType;
    }

    /** Refuses a placement that cannot be held: more than 2^31 - 1 cells of a type, or more than the heap. */
    void check(long maxHeapBytes) throws CompileException {
        double total = 0;
        for (Estimate e : byType.values()) {
            if (e.cells() > Integer.MAX_VALUE) {
                throw new CompileException("placement." + e.strategy() + ": " + e.indicator() + " asks for about "
                        + count(e.cells()) + " cells of '" + e.cellType() + "'; a cell type holds at most 2147483647"
                        + " cells (32-bit cell ids). Lower it or split the volume");
            }
            total += e.cells();
        }
        double needed = total * BYTES_PER_CELL;
        if (needed > maxHeapBytes) {
            StringBuilder which = new StringBuilder();
            for (Estimate e : byType.values()) {
                which.append(which.length() == 0 ? "" : ", ")
                        .append(count(e.cells()))
                        .append(" of '")
                        .append(e.cellType())
                        .append("' (")
                        .append(e.indicator())
                        .append(')');
            }
            throw new CompileException("placement would make about " + count(total) + " cells (" + which
                    + "), which needs at least " + gigabytes(needed) + " of heap for placement alone; this JVM has at"
                    + " most " + gigabytes(maxHeapBytes) + ". Lower the densities or counts, make the network"
                    + " smaller, or give more heap with BSB_JAVA_OPTS=-Xmx<size>");
        }
    }

    static String count(double cells) {
        return cells < 1e6 ? String.format(Locale.ROOT, "%,.0f", cells) : String.format(Locale.ROOT, "%.2g", cells);
    }

    private static String gigabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
