package org.bsb.api.connectivity;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Random draws strategies share, so that their use of a job's random stream is well defined. */
public final class Sampling {
    private Sampling() {}

    /**
     * {@code k} distinct integers from 0 until {@code n}, uniformly, in the order drawn: a partial
     * Fisher-Yates shuffle for dense draws, rejection for sparse ones.
     */
    public static int[] distinct(RandomGenerator random, int n, int k) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot draw " + k + " distinct values out of " + n);
        }
        int[] out = new int[k];
        if ((long) k * 4 < n) {
            java.util.HashSet<Integer> seen = new java.util.HashSet<>();
            int i = 0;
            while (i < k) {
                int v = random.nextInt(n);
                if (seen.add(v)) {
                    out[i++] = v;
                }
            }
            return out;
        }
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int s = all[i];
            all[i] = all[j];
            all[j] = s;
            out[i] = all[i];
        }
        return out;
    }

    /**
     * Fixed-degree pairing (FixedIndegree, FixedOutdegree): each of {@code cells} cells gets
     * {@code degree} distinct partners drawn uniformly from the concatenation of the partner
     * populations, whose sizes are given; draws are made cell by cell with {@link #distinct}.
     *
     * @return per partner population {@code p}: {@code [p][0]} the cell indices and {@code [p][1]}
     *     the partner indices within population {@code p}, pair by pair in draw order
     */
    public static int[][][] fixedDegreePartners(RandomGenerator random, int cells, int degree, int[] partnerSizes) {
        int total = Arrays.stream(partnerSizes).sum();
        int[] drawn = new int[cells * degree];
        for (int i = 0; i < cells; i++) {
            System.arraycopy(distinct(random, total, degree), 0, drawn, i * degree, degree);
        }
        int[][][] pairs = new int[partnerSizes.length][][];
        int low = 0;
        for (int p = 0; p < partnerSizes.length; p++) {
            int top = low + partnerSizes[p];
            int count = 0;
            for (int v : drawn) {
                count += v >= low && v < top ? 1 : 0;
            }
            int[] cell = new int[count];
            int[] partner = new int[count];
            int k = 0;
            for (int d = 0; d < drawn.length; d++) {
                if (drawn[d] >= low && drawn[d] < top) {
                    cell[k] = d / degree;
                    partner[k++] = drawn[d] - low;
                }
            }
            pairs[p] = new int[][] {cell, partner};
            low = top;
        }
        return pairs;
    }

    /** Point-neuron locations {@code (cell, -1, -1)}, flattened, for the given cell indices. */
    public static int[] pointLocations(int[] cells) {
        int[] locations = new int[3 * cells.length];
        for (int i = 0; i < cells.length; i++) {
            locations[3 * i] = cells[i];
            locations[3 * i + 1] = -1;
            locations[3 * i + 2] = -1;
        }
        return locations;
    }
}
