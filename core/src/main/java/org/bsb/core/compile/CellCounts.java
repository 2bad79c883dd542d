package org.bsb.core.compile;

import java.util.List;
import java.util.random.RandomGenerator;
import org.bsb.api.geometry.Box;
import org.bsb.core.topology.Partition;

/**
 * Cells of a type to place in one chunk, as the original's {@code PlacementIndicator.guess}:
 * {@code count} spread over the partitions by volume fraction; {@code density} times the
 * partitions' volume in the chunk; {@code planar_density} times their x-y footprint in the
 * chunk. When several are given the later one in that list wins (planar density over density
 * over count). A fractional estimate is rounded stochastically: floor + Bernoulli(fraction).
 */
public final class CellCounts {
    private CellCounts() {}

    /** The unrounded estimate. */
    public static double estimate(CellTypeSpec type, String strategy, List<Partition> partitions, Box chunk) {
        if (type.planarDensity() != null) {
            double s = 0;
            for (Partition p : partitions) {
                s += p.surface(chunk);
            }
            return s * type.planarDensity();
        }
        if (type.density() != null) {
            double v = 0;
            for (Partition p : partitions) {
                v += p.volume(chunk);
            }
            return v * type.density();
        }
        if (type.count() != null) {
            double inChunk = 0;
            double total = 0;
            for (Partition p : partitions) {
                inChunk += p.volume(chunk);
                total += p.volume();
            }
            return total > 0 ? type.count() * inChunk / total : 0;
        }
        throw new IndicatorException("No configuration indicators found for the number of '" + type.name() + "' in '"
                + strategy + "': give cell_types." + type.name() + ".spatial.count, density or planar_density");
    }

    /**
     * Rounds an estimate: estimates within numpy's allclose tolerance of an integer are rounded
     * (5e-6 x 1e6 must give 5, not 4 or 5 at random); others get floor + Bernoulli(fraction).
     */
    public static int round(double estimate, RandomGenerator random) {
        double nearest = Math.rint(estimate);
        if (Math.abs(estimate - nearest) <= 1e-8 + 1e-5 * Math.abs(nearest)) {
            return (int) nearest;
        }
        double floor = Math.floor(estimate);
        return (int) floor + (random.nextDouble() < estimate - floor ? 1 : 0);
    }
}
