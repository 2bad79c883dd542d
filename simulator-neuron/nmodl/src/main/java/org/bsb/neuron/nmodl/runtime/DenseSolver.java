package org.bsb.neuron.nmodl.runtime;

/** Gaussian elimination with partial pivoting on small dense systems (kinetic and implicit solves). */
public final class DenseSolver {
    private DenseSolver() {}

    /** Solves a x = b in place (a is n*n row major, destroyed; b becomes x). Returns false if singular. */
    public static boolean solve(double[] a, double[] b, int n) {
        for (int c = 0; c < n; c++) {
            int piv = c;
            double best = Math.abs(a[c * n + c]);
            for (int r = c + 1; r < n; r++) {
                double v = Math.abs(a[r * n + c]);
                if (v > best) {
                    best = v;
                    piv = r;
                }
            }
            if (best == 0) return false;
            if (piv != c) {
                for (int k = 0; k < n; k++) {
                    double tmp = a[c * n + k];
                    a[c * n + k] = a[piv * n + k];
                    a[piv * n + k] = tmp;
                }
                double tmp = b[c];
                b[c] = b[piv];
                b[piv] = tmp;
            }
            double inv = 1.0 / a[c * n + c];
            for (int r = c + 1; r < n; r++) {
                double f = a[r * n + c] * inv;
                if (f == 0) continue;
                for (int k = c + 1; k < n; k++) a[r * n + k] -= f * a[c * n + k];
                b[r] -= f * b[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r * n + k] * b[k];
            b[r] = s / a[r * n + r];
        }
        return true;
    }
}
