package org.bsb.placement.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.bsb.api.NoParameters;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementIndicator;
import org.bsb.api.placement.PlacementJob;
import org.junit.jupiter.api.Test;

class RandomPlacementTest {
    record Ind(String cellType, double radius, int count) implements PlacementIndicator {}

    static final class Job implements PlacementJob<NoParameters> {
        final List<Box> voxels;
        final List<PlacementIndicator> indicators;
        final Map<String, double[]> placed = new LinkedHashMap<>();
        final List<String> messages = new ArrayList<>();
        final RandomGenerator random = new SplittableRandom(42);

        Job(List<Box> voxels, PlacementIndicator... indicators) {
            this.voxels = voxels;
            this.indicators = List.of(indicators);
        }

        public String strategyName() {
            return "test";
        }

        public NoParameters parameters() {
            return new NoParameters();
        }

        public ChunkId chunk() {
            return new ChunkId(0, 0, 0);
        }

        public Box chunkBox() {
            return new Box(Point3.ORIGIN, new Point3(100, 100, 100));
        }

        public List<Box> voxels() {
            return voxels;
        }

        public List<PlacementIndicator> indicators() {
            return indicators;
        }

        public RandomGenerator random() {
            return random;
        }

        public void place(String cellType, double[] positions) {
            placed.put(cellType, positions);
        }

        public Reporter reporter() {
            return (level, message) -> messages.add(level + ":" + message);
        }
    }

    static Box box(double x0, double y0, double z0, double x1, double y1, double z1) {
        return new Box(new Point3(x0, y0, z0), new Point3(x1, y1, z1));
    }

    @Test
    void placesTheCountInsideThePartsWithUniformStatistics() throws Exception {
        Box part = box(0, 0, 0, 100, 100, 50);
        Job job = new Job(List.of(part), new Ind("a", 1, 4000), new Ind("b", 1, 3));
        new RandomPlacement().place(job);
        double[] p = job.placed.get("a");
        assertEquals(3 * 4000, p.length);
        assertEquals(9, job.placed.get("b").length);
        double[] mean = new double[3];
        for (int i = 0; i < 4000; i++) {
            assertTrue(part.contains(new Point3(p[3 * i], p[3 * i + 1], p[3 * i + 2])));
            for (int a = 0; a < 3; a++) {
                mean[a] += p[3 * i + a] / 4000;
            }
        }
        // Uniform on [0, L]: mean L/2, sd of the mean L / sqrt(12 n) (0.46 for L=100): allow 5 sd.
        assertEquals(50, mean[0], 2.3);
        assertEquals(50, mean[1], 2.3);
        assertEquals(25, mean[2], 1.2);
        assertTrue(job.messages.contains("3:Placing 4000 a in [0 0 0]"), job.messages.toString());
    }

    @Test
    void partsArePickedUniformlyNotByVolume() throws Exception {
        // As the original: a part 9x smaller still gets half of the cells.
        Box big = box(0, 0, 0, 90, 100, 100);
        Box small = box(90, 0, 0, 100, 100, 100);
        Job job = new Job(List.of(big, small), new Ind("a", 0.1, 10000));
        new RandomPlacement().place(job);
        double[] p = job.placed.get("a");
        int inSmall = 0;
        for (int i = 0; i < 10000; i++) {
            inSmall += p[3 * i] >= 90 ? 1 : 0;
        }
        // Binomial(10000, 0.5): sd 50.
        assertEquals(5000, inSmall, 250);
    }

    @Test
    void packingAbove04IsAnError() {
        // 1000 spheres of r=5 (523.6 um3 each) in 1e6 um3 is pf 0.52.
        Job job = new Job(List.of(box(0, 0, 0, 100, 100, 100)), new Ind("a", 5, 1000));
        PlacementException e = assertThrows(PlacementException.class, () -> new RandomPlacement().place(job));
        assertTrue(e.getMessage().startsWith("Packing factor 0.5236 too high"), e.getMessage());
        Job worse = new Job(List.of(box(0, 0, 0, 100, 100, 100)), new Ind("a", 5, 1300));
        PlacementException e2 = assertThrows(PlacementException.class, () -> new RandomPlacement().place(worse));
        assertTrue(e2.getMessage().contains("geometrical maximum packing for spheres (0.64)"), e2.getMessage());
    }

    @Test
    void packingAbove02Warns() throws Exception {
        // 573 spheres of r=5 is pf 0.30; two types share the volume (counted once).
        Job job = new Job(List.of(box(0, 0, 0, 100, 100, 100)), new Ind("a", 5, 300), new Ind("b", 5, 273));
        new RandomPlacement().place(job);
        assertTrue(
                job.messages.stream().anyMatch(m -> m.startsWith("1:Warning: Packing factor 0.3000")),
                job.messages.toString());
        assertEquals(300 * 3, job.placed.get("a").length);
    }

    @Test
    void noPartsInTheChunkPlacesNothingWhenNothingIsAsked() throws Exception {
        Job job = new Job(List.of(), new Ind("a", 5, 0));
        new RandomPlacement().place(job);
        assertTrue(job.placed.isEmpty());
    }
}
