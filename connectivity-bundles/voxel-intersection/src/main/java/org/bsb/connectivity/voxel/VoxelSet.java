package org.bsb.connectivity.voxel;

import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;

/**
 * The occupied voxels of a set of points on a grid anchored at the origin, each with the
 * (branch, point) locations inside it.
 */
final class VoxelSet {
    private static final int BIAS = 1 << 20;

    final double[] edges;
    /** Per voxel its grid index, x y z flattened. */
    final int[] index;
    /** Locations of voxel v: entries start[v] until start[v + 1] of branch/point. */
    final int[] start;

    final int[] branch;
    final int[] point;
    /** Smallest and largest occupied grid index per axis. */
    final int[] lo;

    final int[] hi;
    private final LongIntMap lookup;
    /** Voxel id per grid cell of the box lo..hi (x fastest), -1 if empty; null if that box is too large. */
    private final int[] dense;

    final int[] dims;

    private VoxelSet(double[] edges, int[] index, int[] start, int[] branch, int[] point, LongIntMap lookup) {
        this.edges = edges;
        this.index = index;
        this.start = start;
        this.branch = branch;
        this.point = point;
        this.lookup = lookup;
        lo = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        hi = new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int v = 0; v < size(); v++) {
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], index[3 * v + a]);
                hi[a] = Math.max(hi[a], index[3 * v + a]);
            }
        }
        dims = new int[3];
        long cells = 1;
        for (int a = 0; a < 3; a++) {
            dims[a] = size() == 0 ? 0 : hi[a] - lo[a] + 1;
            cells *= dims[a];
        }
        if (size() > 0 && cells <= 1 << 22) {
            dense = new int[(int) cells];
            java.util.Arrays.fill(dense, -1);
            for (int v = 0; v < size(); v++) {
                dense[cell(index[3 * v], index[3 * v + 1], index[3 * v + 2])] = v;
            }
        } else {
            dense = null;
        }
    }

    private int cell(int x, int y, int z) {
        return (x - lo[0]) + dims[0] * ((y - lo[1]) + dims[1] * (z - lo[2]));
    }

    /** Whether {@link #findDense} may be used. */
    boolean hasDense() {
        return dense != null;
    }

    /** The voxel with grid index (x, y, z), or -1: array lookup, {@link #hasDense()} only. */
    int findDense(int x, int y, int z) {
        if (x < lo[0] || x > hi[0] || y < lo[1] || y > hi[1] || z < lo[2] || z > hi[2]) {
            return -1;
        }
        return dense[cell(x, y, z)];
    }

    int size() {
        return start.length - 1;
    }

    int count(int voxel) {
        return start[voxel + 1] - start[voxel];
    }

    /** The voxel with grid index (x, y, z), or -1 if unoccupied. */
    int find(int x, int y, int z) {
        return lookup.get(key(x, y, z));
    }

    static long key(int x, int y, int z) {
        return ((long) (x + BIAS) << 42) | ((long) (y + BIAS) << 21) | (z + BIAS);
    }

    /** Voxelizes a morphology as it is (no transformation). */
    static VoxelSet of(Morphology m, double[] edges) {
        int n = m.pointCount();
        double[] pts = new double[3 * n];
        int[] br = new int[n];
        int[] pt = new int[n];
        int k = 0;
        for (int b = 0; b < m.branches().size(); b++) {
            Branch branch = m.branches().get(b);
            System.arraycopy(branch.points(), 0, pts, 3 * k, 3 * branch.size());
            for (int p = 0; p < branch.size(); p++, k++) {
                br[k] = b;
                pt[k] = p;
            }
        }
        return of(pts, br, pt, n, edges);
    }

    /** Voxelizes {@code n} points with their (branch, point) locations; voxels in order of first point. */
    static VoxelSet of(double[] pts, int[] br, int[] pt, int n, double[] edges) {
        LongIntMap map = new LongIntMap(Math.max(16, n / 8));
        int[] voxelOf = new int[n];
        int[] idx = new int[3 * Math.max(1, n)];
        int[] counts = new int[Math.max(1, n)];
        int nv = 0;
        for (int i = 0; i < n; i++) {
            int x = (int) Math.floor(pts[3 * i] / edges[0]);
            int y = (int) Math.floor(pts[3 * i + 1] / edges[1]);
            int z = (int) Math.floor(pts[3 * i + 2] / edges[2]);
            int v = map.putIfAbsent(key(x, y, z), nv);
            if (v < 0) {
                v = nv++;
                idx[3 * v] = x;
                idx[3 * v + 1] = y;
                idx[3 * v + 2] = z;
            }
            voxelOf[i] = v;
            counts[v]++;
        }
        int[] start = new int[nv + 1];
        for (int v = 0; v < nv; v++) {
            start[v + 1] = start[v] + counts[v];
        }
        int[] fill = java.util.Arrays.copyOf(start, nv);
        int[] b = new int[n];
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            int at = fill[voxelOf[i]]++;
            b[at] = br[i];
            p[at] = pt[i];
        }
        return new VoxelSet(edges, java.util.Arrays.copyOf(idx, 3 * nv), start, b, p, map);
    }
}
