package org.bsb.placement.random;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.NoParameters;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementIndicator;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * The original's {@code bsb.placement.RandomPlacement}: cells uniformly at random in the
 * chunk's part of the partitions, without any collision handling. Per chunk: the packing
 * factor (total soma volume over the parts' volume) must not exceed 0.4 (an error, never a
 * silent thinning) and warns above 0.2; then each cell picks a part uniformly (not weighted
 * by volume, as the original) and a uniform position inside it.
 *
 * <p>Unlike the original, the parts' volume is counted once per chunk, not once per cell type.
 */
@Component(service = PlacementStrategy.class)
@BsbName({"bsb.placement.RandomPlacement", "random_placement", "random"})
public class RandomPlacement implements PlacementStrategy<NoParameters> {
    static final double MAX_PACKING = 0.4;
    static final double WARN_PACKING = 0.2;
    static final double SPHERE_PACKING = 0.64;

    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public void place(PlacementJob<NoParameters> job) throws PlacementException {
        List<Box> voxels = job.voxels();
        List<PlacementIndicator> indicators = job.indicators();
        int[] counts = new int[indicators.size()];
        double particles = 0;
        int total = 0;
        for (int t = 0; t < counts.length; t++) {
            PlacementIndicator ind = indicators.get(t);
            double r = ind.radius();
            counts[t] = ind.count();
            total += counts[t];
            particles += counts[t] * 4.0 / 3.0 * Math.PI * r * r * r;
        }
        if (total == 0) {
            return;
        }
        double volume = 0;
        for (Box v : voxels) {
            volume += v.volume();
        }
        double pf = volume > 0 ? particles / volume : Double.POSITIVE_INFINITY;
        if (pf > MAX_PACKING) {
            throw new PlacementException(String.format(
                    Locale.ROOT,
                    "Packing factor %.4f too high to resolve with RandomPlacement. Can not fit %d particles (%.1f µm³)"
                            + " into %.1f µm³%s",
                    pf,
                    total,
                    particles,
                    volume,
                    pf > SPHERE_PACKING ? "; this exceeds the geometrical maximum packing for spheres (0.64)" : ""));
        }
        if (pf > WARN_PACKING) {
            job.reporter()
                    .warn(String.format(
                            Locale.ROOT,
                            "Packing factor %.4f is too high for good performance (chunk %s of '%s').",
                            pf,
                            format(job.chunk()),
                            job.strategyName()));
        }
        RandomGenerator random = job.random();
        for (int t = 0; t < counts.length; t++) {
            int n = counts[t];
            if (n == 0) {
                continue;
            }
            double[] positions = new double[3 * n];
            for (int i = 0; i < n; i++) {
                Box v = voxels.get((int) (random.nextDouble() * voxels.size()));
                for (int a = 0; a < 3; a++) {
                    double lo = v.min().get(a);
                    positions[3 * i + a] = lo + random.nextDouble() * (v.max().get(a) - lo);
                }
            }
            job.reporter()
                    .report(3, "Placing " + n + " " + indicators.get(t).cellType() + " in " + format(job.chunk()));
            job.place(indicators.get(t).cellType(), positions);
        }
    }

    private static String format(ChunkId c) {
        return "[" + c.x() + " " + c.y() + " " + c.z() + "]";
    }
}
