package org.bsb.connectivity.voxel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;
import org.junit.jupiter.api.Test;

class VoxelGridTest {
    @Test
    void tutorialStellateBoundsSplitAsTheOriginal() {
        // 118.05 x 44.85 x 145.55: norm (.811,.308,1), per side (4.74,1.80,5.85) -> y fixed at 1,
        // then (x,z) for 50: floor(6.37)=6, round(50/6)=8
        assertArrayEquals(new double[] {6, 1, 8}, VoxelGrid.equalSides(new double[] {118.05, 44.85, 145.55}, 50));
    }

    @Test
    void cubeAndFlatBoxes() {
        // cube: 50^(1/3)=3.68 -> 3; then 2D for 50/3=16.67: sqrt=4.08 -> 4, round(16.67/4)=4
        assertArrayEquals(new double[] {3, 4, 4}, VoxelGrid.equalSides(new double[] {10, 10, 10}, 50));
        // a flat side gets one division, the rest are solved in 2D: sqrt(50)=7.07 -> 7, round(50/7)=7
        assertArrayEquals(new double[] {7, 1, 7}, VoxelGrid.equalSides(new double[] {100, 0, 100}, 50));
        assertArrayEquals(new double[] {1, 1, 1}, VoxelGrid.equalSides(new double[] {0, 0, 0}, 50));
    }

    @Test
    void maximumEdgeLengthSplitsEachAxisEvenly() {
        Box b = new Box(new Point3(-50, 0, 0), new Point3(50, 45, 20));
        double[] e = VoxelGrid.edgesAtMost(b, 20);
        assertEquals(20, e[0], 1e-12); // 100 / 5
        assertEquals(15, e[1], 1e-12); // 45 / 3
        assertEquals(20, e[2], 1e-12); // 20 / 1
    }

    @Test
    void edgesAreBoundsOverDivisions() {
        double[] e = VoxelGrid.edges(new Box(new Point3(-65.8, -39.9, -68.1), new Point3(52.25, 4.95, 77.45)), 50);
        assertEquals(118.05 / 6, e[0], 1e-9);
        assertEquals(44.85, e[1], 1e-9);
        assertEquals(145.55 / 8, e[2], 1e-9);
    }
}
