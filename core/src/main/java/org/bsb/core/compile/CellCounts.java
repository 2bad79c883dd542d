package org.bsb.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bsb.api.geometry.Box;
import org.bsb.core.topology.Partition;

/**
 * Cells of a type to place in one chunk, as the original's {@code PlacementIndicator.guess}:
 * {@code count} spread over the partitions by volume fraction; {@code density} times the
 * partitions' volume in the chunk; {@code planar_density} times their x-y footprint in the
 * chunk; {@code relative_to} another cell type with {@code count_ratio} (that type's total over all
 * the strategies placing it, times the ratio, spread like a count), {@code local_count_ratio} (its
 * estimate in this chunk times the ratio) or {@code density_ratio} (its density or planar density
 * times the ratio). When several are given the later one in that list wins (relative over planar
 * density over density over count). A fractional estimate is rounded stochastically: floor +
 * Bernoulli(fraction).
 */
public final class CellCounts {
    private CellCounts() {}

    /** Where a cell type is placed: its indications as a strategy sees them, and that strategy's partitions. */
    public record Placement(CellTypeSpec type, List<Partition> partitions) {}

    /** The placements of a cell type by name (empty if none places it). */
    @FunctionalInterface
    public interface Related {
        List<Placement> of(String cellType);
    }

    /** The unrounded estimate of a type without relative indications. */
    public static double estimate(CellTypeSpec type, String strategy, List<Partition> partitions, Box chunk) {
        return estimate(type, strategy, partitions, chunk, name -> List.of());
    }

    /** The unrounded estimate; {@code related} resolves {@code relative_to}. */
    public static double estimate(
            CellTypeSpec type, String strategy, List<Partition> partitions, Box chunk, Related related) {
        return estimate(type, strategy, partitions, chunk, related, new ArrayList<>());
    }

    private static double estimate(
            CellTypeSpec type,
            String strategy,
            List<Partition> partitions,
            Box chunk,
            Related related,
            List<String> chain) {
        if (type.relativeTo() != null) {
            return relative(type, strategy, partitions, chunk, related, chain);
        }
        if (type.planarDensity() != null) {
            return surface(partitions, chunk) * type.planarDensity();
        }
        if (type.density() != null) {
            return volume(partitions, chunk) * type.density();
        }
        if (type.count() != null) {
            double total = volume(partitions, null);
            return total > 0 ? type.count() * volume(partitions, chunk) / total : 0;
        }
        throw new IndicatorException("No configuration indicators found for the number of '" + type.name() + "' in '"
                + strategy + "': give cell_types." + type.name() + ".spatial.count, density or planar_density");
    }

    /** {@code chunk == null}: the whole partitions. */
    private static double volume(List<Partition> partitions, Box chunk) {
        double v = 0;
        for (Partition p : partitions) {
            v += chunk == null ? p.volume() : p.volume(chunk);
        }
        return v;
    }

    /** The partitions' x-y footprint; {@code chunk == null}: the whole partitions. */
    private static double surface(List<Partition> partitions, Box chunk) {
        double s = 0;
        for (Partition p : partitions) {
            s += chunk == null ? p.surface() : p.surface(chunk);
        }
        return s;
    }

    private static double relative(
            CellTypeSpec type,
            String strategy,
            List<Partition> partitions,
            Box chunk,
            Related related,
            List<String> chain) {
        String other = type.relativeTo();
        if (chain.contains(type.name())) {
            chain.add(type.name());
            throw new IndicatorException("relative_to goes round in a circle: " + String.join(" -> ", chain));
        }
        chain.add(type.name());
        List<Placement> places = related.of(other);
        if (type.countRatio() == null && type.localCountRatio() == null && type.densityRatio() == null) {
            throw new IndicatorException("'" + type.name() + "' in '" + strategy + "' is placed relative_to '" + other
                    + "' without a ratio: give count_ratio, local_count_ratio or density_ratio");
        }
        if (places.isEmpty()) {
            throw new IndicatorException("'" + type.name() + "' in '" + strategy + "' is placed relative_to '" + other
                    + "', which no placement strategy places");
        }
        try {
            if (type.densityRatio() != null) {
                CellTypeSpec o = places.get(0).type();
                if (o.planarDensity() != null) {
                    return surface(partitions, chunk) * o.planarDensity() * type.densityRatio();
                }
                if (o.density() != null) {
                    return volume(partitions, chunk) * o.density() * type.densityRatio();
                }
                throw new IndicatorException("'" + type.name() + "' has a density_ratio relative_to '" + other
                        + "', which has no density or planar_density");
            }
            if (type.localCountRatio() != null) {
                double e = 0;
                for (Placement p : places) {
                    e += estimate(p.type(), strategy, p.partitions(), chunk, related, new ArrayList<>(chain));
                }
                return e * type.localCountRatio();
            }
            double total = 0;
            for (Placement p : places) {
                total += estimate(p.type(), strategy, p.partitions(), null, related, new ArrayList<>(chain));
            }
            double all = volume(partitions, null);
            return all > 0 ? total * type.countRatio() * (chunk == null ? 1 : volume(partitions, chunk) / all) : 0;
        } finally {
            chain.remove(chain.size() - 1);
        }
    }

    /**
     * Rounds an estimate: estimates within numpy's allclose tolerance of an integer are rounded
     * (5e-6 x 1e6 must give 5, not 4 or 5 at random); others get floor + Bernoulli(fraction).
     */
    public static int round(double estimate, RandomGenerator random) {
        if (!(estimate < Integer.MAX_VALUE)) { // NaN too: never a silently capped or garbage count
            throw new IndicatorException("about " + PlacementBudget.count(estimate)
                    + " cells estimated in one job, more" + " than a job can place (2147483647)");
        }
        double nearest = Math.rint(estimate);
        if (Math.abs(estimate - nearest) <= 1e-8 + 1e-5 * Math.abs(nearest)) {
            return (int) nearest;
        }
        double floor = Math.floor(estimate);
        return (int) floor + (random.nextDouble() < estimate - floor ? 1 : 0);
    }
}
