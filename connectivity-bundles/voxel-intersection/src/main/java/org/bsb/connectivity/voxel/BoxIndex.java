package org.bsb.connectivity.voxel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A uniform-grid spatial index of axis-aligned boxes: each box is listed in every grid cell it
 * touches; a query visits the cells of the query box and tests the boxes found there. Boxes
 * that touch count as intersecting (closed boxes). Grid cells are as large as the average box,
 * so a box sits in at most a few cells.
 */
final class BoxIndex {
    private final double[] boxes; // per box lo xyz, hi xyz
    private final double[] cell = new double[3];
    private final Map<Long, int[]> grid = new HashMap<>();
    private final int[] seen;
    private int stamp;

    /** @param boxes per box min x y z, max x y z (length 6n) */
    BoxIndex(double[] boxes) {
        this.boxes = boxes;
        int n = boxes.length / 6;
        seen = new int[n];
        for (int a = 0; a < 3; a++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += boxes[6 * i + 3 + a] - boxes[6 * i + a];
            }
            cell[a] = n == 0 || sum <= 0 ? 1 : sum / n;
        }
        Map<Long, int[]> lists = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int[] r = range(boxes, 6 * i);
            for (int x = r[0]; x <= r[3]; x++) {
                for (int y = r[1]; y <= r[4]; y++) {
                    for (int z = r[2]; z <= r[5]; z++) {
                        long k = VoxelSet.key(x, y, z);
                        int s = sizes.getOrDefault(k, 0);
                        int[] l = lists.get(k);
                        if (l == null) {
                            l = new int[4];
                        } else if (s == l.length) {
                            l = Arrays.copyOf(l, 2 * s);
                        }
                        l[s] = i;
                        lists.put(k, l);
                        sizes.put(k, s + 1);
                    }
                }
            }
        }
        for (var e : lists.entrySet()) {
            grid.put(e.getKey(), Arrays.copyOf(e.getValue(), sizes.get(e.getKey())));
        }
    }

    private int[] range(double[] b, int o) {
        return new int[] {
            cellIndex(b[o], 0), cellIndex(b[o + 1], 1), cellIndex(b[o + 2], 2),
            cellIndex(b[o + 3], 0), cellIndex(b[o + 4], 1), cellIndex(b[o + 5], 2)
        };
    }

    private int cellIndex(double v, int axis) {
        double c = Math.floor(v / cell[axis]);
        return (int) Math.max(-(1 << 19), Math.min(1 << 19, c));
    }

    /** Indices of the boxes intersecting {@code query} (min xyz, max xyz at {@code o}), ascending. */
    int[] query(double[] query, int o) {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        int[] r = range(query, o);
        int[] out = new int[8];
        int n = 0;
        for (int x = r[0]; x <= r[3]; x++) {
            for (int y = r[1]; y <= r[4]; y++) {
                for (int z = r[2]; z <= r[5]; z++) {
                    int[] l = grid.get(VoxelSet.key(x, y, z));
                    if (l == null) {
                        continue;
                    }
                    for (int i : l) {
                        if (seen[i] == stamp) {
                            continue;
                        }
                        seen[i] = stamp;
                        if (intersects(query, o, i)) {
                            if (n == out.length) {
                                out = Arrays.copyOf(out, 2 * n);
                            }
                            out[n++] = i;
                        }
                    }
                }
            }
        }
        int[] res = Arrays.copyOf(out, n);
        Arrays.sort(res);
        return res;
    }

    private boolean intersects(double[] q, int o, int i) {
        for (int a = 0; a < 3; a++) {
            if (q[o + a] > boxes[6 * i + 3 + a] || q[o + 3 + a] < boxes[6 * i + a]) {
                return false;
            }
        }
        return true;
    }
}
