package org.bsb.api.connectivity;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Random draws strategies share, so that their use of a job's random stream is well defined. */
public final class Sampling {
    private Sampling() {
    }

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
}
