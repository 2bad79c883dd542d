package lab.placement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementIndicator;
import org.bsb.api.placement.PlacementJob;
import org.bsb.core.registry.ServiceKind;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.junit.jupiter.api.Test;

/** How a plugin author tests a strategy without OSGi: a hand-made job, hand-computed positions. */
class GridPlacementTest {
    private static final Box CUBE_20 = new Box(Point3.ORIGIN, new Point3(20, 20, 20));

    @Test
    void placesTheFirstGridPointsXFastest() throws PlacementException {
        FakeJob job = new FakeJob(10, List.of(CUBE_20), 3);
        new GridPlacement().place(job);
        assertArrayEquals(new double[] {5, 5, 5, 15, 5, 5, 5, 15, 5}, job.placed.get("stellate"));
        assertTrue(job.messages.isEmpty());
    }

    @Test
    void warnsWhenFewerPointsFitThanRequested() throws PlacementException {
        FakeJob job = new FakeJob(10, List.of(CUBE_20), 10);
        new GridPlacement().place(job);
        assertEquals(8 * 3, job.placed.get("stellate").length, "2 x 2 x 2 grid points fit in a 20 µm cube");
        assertEquals(
                List.of("Warning: grid_placement: only 8 of 10 stellate cells fit in chunk ChunkId[x=0, y=0, z=0]"),
                job.messages);
    }

    @Test
    void continuesInTheNextVoxel() throws PlacementException {
        Box second = new Box(new Point3(100, 0, 0), new Point3(110, 10, 10));
        FakeJob job = new FakeJob(10, List.of(CUBE_20, second), 9);
        new GridPlacement().place(job);
        double[] p = job.placed.get("stellate");
        assertArrayEquals(new double[] {105, 5, 5}, java.util.Arrays.copyOfRange(p, 24, 27));
    }

    @Test
    void rejectsANonPositiveSpacing() {
        PlacementException e = assertThrows(
                PlacementException.class, () -> new GridPlacement().place(new FakeJob(0, List.of(CUBE_20), 1)));
        assertEquals("grid_placement: spacing must be > 0 µm, got 0.0", e.getMessage());
    }

    @Test
    void theRegistryOutsideOsgiFindsItByBothNames() {
        var registry = ServiceLoaderRegistry.load(getClass().getClassLoader());
        assertInstanceOf(GridPlacement.class, registry.resolve(ServiceKind.PLACEMENT, "grid_placement"));
        assertInstanceOf(GridPlacement.class, registry.resolve(ServiceKind.PLACEMENT, "lab.placement.GridPlacement"));
    }

    private static final class FakeJob implements PlacementJob<GridPlacement.Parameters> {
        final GridPlacement.Parameters parameters;
        final List<Box> voxels;
        final int count;
        final Map<String, double[]> placed = new LinkedHashMap<>();
        final List<String> messages = new ArrayList<>();

        FakeJob(double spacing, List<Box> voxels, int count) {
            this.parameters = new GridPlacement.Parameters(spacing);
            this.voxels = voxels;
            this.count = count;
        }

        public String strategyName() {
            return "grid";
        }

        public GridPlacement.Parameters parameters() {
            return parameters;
        }

        public ChunkId chunk() {
            return new ChunkId(0, 0, 0);
        }

        public Box chunkBox() {
            return CUBE_20;
        }

        public List<Box> voxels() {
            return voxels;
        }

        public RandomGenerator random() {
            return RandomGenerator.getDefault();
        }

        public void place(String cellType, double[] positions) {
            placed.put(cellType, positions);
        }

        public Reporter reporter() {
            return (level, message) -> messages.add(message);
        }

        public List<PlacementIndicator> indicators() {
            return List.of(new PlacementIndicator() {
                public String cellType() {
                    return "stellate";
                }

                public double radius() {
                    return 4;
                }

                public int count() {
                    return count;
                }
            });
        }
    }
}
