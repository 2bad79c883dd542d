package lab.placement;

import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.geometry.Box;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementIndicator;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.osgi.service.component.annotations.Component;

/**
 * Places cells on a regular grid, {@code spacing} µm apart, starting half a spacing inside each
 * voxel's lowest corner (x fastest, then y, then z; voxel after voxel). Config:
 * {@code "strategy": "grid_placement", "spacing": 10}.
 */
@Component(service = PlacementStrategy.class)
@BsbName({"lab.placement.GridPlacement", "grid_placement"})
public class GridPlacement implements PlacementStrategy<GridPlacement.Parameters> {
    /** @param spacing distance between neighbouring cells, µm */
    public record Parameters(@Required double spacing) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void place(PlacementJob<Parameters> job) throws PlacementException {
        double spacing = job.parameters().spacing();
        if (!(spacing > 0)) {
            throw new PlacementException("grid_placement: spacing must be > 0 µm, got " + spacing);
        }
        for (PlacementIndicator indicator : job.indicators()) {
            double[] positions = gridPoints(job.voxels(), spacing, indicator.count());
            if (positions.length / 3 < indicator.count()) {
                job.reporter()
                        .warn("grid_placement: only " + positions.length / 3 + " of " + indicator.count() + " "
                                + indicator.cellType() + " cells fit in chunk " + job.chunk());
            }
            job.place(indicator.cellType(), positions);
        }
    }

    /** Up to {@code count} grid points (x, y, z flattened) inside the voxels. */
    static double[] gridPoints(List<Box> voxels, double spacing, int count) {
        double[] out = new double[3 * count];
        int n = 0;
        for (Box voxel : voxels) {
            for (double z = voxel.min().z() + spacing / 2; z < voxel.max().z() && n < count; z += spacing) {
                for (double y = voxel.min().y() + spacing / 2; y < voxel.max().y() && n < count; y += spacing) {
                    for (double x = voxel.min().x() + spacing / 2;
                            x < voxel.max().x() && n < count;
                            x += spacing) {
                        out[3 * n] = x;
                        out[3 * n + 1] = y;
                        out[3 * n + 2] = z;
                        n++;
                    }
                }
            }
        }
        return n == count ? out : java.util.Arrays.copyOf(out, 3 * n);
    }
}
