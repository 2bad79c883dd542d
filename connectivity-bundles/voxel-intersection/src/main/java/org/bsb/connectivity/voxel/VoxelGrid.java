package org.bsb.connectivity.voxel;

import org.bsb.api.geometry.Box;

/**
 * The voxel edge lengths used for one morphology: its stored bounds split into about N
 * voxels with the original's {@code _eq_sides} (or by a maximum edge length). The grid itself is
 * anchored at the origin of the frame the points are in: voxel index = floor(coordinate / edge).
 */
final class VoxelGrid {
    private VoxelGrid() {}

    /** Edge lengths for {@code bounds} divided into about {@code n} voxels. */
    static double[] edges(Box bounds, int n) {
        double[] size = size(bounds);
        return divide(size, equalSides(size, n));
    }

    /** Edge lengths for {@code bounds} split evenly per axis into voxels no longer than {@code maxEdge}. */
    static double[] edgesAtMost(Box bounds, double maxEdge) {
        double[] size = size(bounds);
        double[] per = new double[3];
        for (int a = 0; a < 3; a++) {
            per[a] = Math.max(1, Math.ceil(size[a] / maxEdge - 1e-9));
        }
        double[] e = divide(size, per);
        for (int a = 0; a < 3; a++) {
            if (e[a] == 0) {
                e[a] = maxEdge;
            }
        }
        return e;
    }

    private static double[] size(Box b) {
        return new double[] {
            b.max().x() - b.min().x(),
            b.max().y() - b.min().y(),
            b.max().z() - b.min().z()
        };
    }

    /** Size / per-side count; a flat axis (all points in one plane) gets the largest other edge. */
    private static double[] divide(double[] size, double[] per) {
        double[] e = new double[3];
        double largest = 0;
        for (int a = 0; a < 3; a++) {
            e[a] = size[a] / per[a];
            largest = Math.max(largest, e[a]);
        }
        for (int a = 0; a < 3; a++) {
            if (!(e[a] > 1e-12)) {
                e[a] = largest > 0 ? largest : 1;
            }
        }
        return e;
    }

    /**
     * Divisions per side so that the grid has about {@code n} boxes of similar shape: the
     * original's {@code _eq_sides}. Sides proportional to the box, floored (at least 1); the
     * smallest side is fixed and the rest solved again for n / that; with two sides left the
     * largest is n / smallest rounded (half to even, as Python's round).
     */
    static double[] equalSides(double[] sides, double n) {
        int d = sides.length;
        boolean allZero = true, anyZero = false;
        for (double s : sides) {
            boolean z = Math.abs(s) <= 1e-8;
            allZero &= z;
            anyZero |= z;
        }
        if (allZero) {
            double[] one = new double[d];
            java.util.Arrays.fill(one, 1);
            return one;
        }
        if (anyZero) {
            int nz = 0;
            for (double s : sides) {
                nz += Math.abs(s) <= 1e-8 ? 0 : 1;
            }
            double[] rest = new double[nz];
            int k = 0;
            for (double s : sides) {
                if (Math.abs(s) > 1e-8) {
                    rest[k++] = s;
                }
            }
            double[] solved = equalSides(rest, n);
            double[] out = new double[d];
            k = 0;
            for (int a = 0; a < d; a++) {
                out[a] = Math.abs(sides[a]) <= 1e-8 ? 1 : solved[k++];
            }
            return out;
        }
        if (d == 1) {
            return new double[] {n};
        }
        double max = 0;
        for (double s : sides) {
            max = Math.max(max, s);
        }
        double prod = 1;
        double[] norm = new double[d];
        for (int a = 0; a < d; a++) {
            norm[a] = sides[a] / max;
            prod *= norm[a];
        }
        double scale = Math.pow(n / prod, 1.0 / d);
        double[] out = new double[d];
        for (int a = 0; a < d; a++) {
            out[a] = Math.max(Math.floor(norm[a] * scale), 1);
        }
        Integer[] order = new Integer[d];
        for (int a = 0; a < d; a++) {
            order[a] = a;
        }
        // stable argsort by side length
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sides[x], sides[y]));
        int smallest = order[0];
        if (d > 2) {
            double lookFor = n / out[smallest];
            double[] others = new double[d - 1];
            for (int k = 1; k < d; k++) {
                others[k - 1] = sides[order[k]];
            }
            double[] solved = equalSides(others, lookFor);
            for (int k = 1; k < d; k++) {
                out[order[k]] = solved[k - 1];
            }
        } else {
            out[order[1]] = Math.max(1, Math.rint(n / out[smallest]));
        }
        return out;
    }
}
