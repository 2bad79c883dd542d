package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Gaussian elimination specialised at code-generation time for one sparsity pattern (Arbor's "symge"
 * idea, and what NEURON's sparse solver does at run time): pivots in minimum-degree order without numeric
 * pivoting, emitted as straight-line Java that touches only the non-zeros and their fill-in. Solves
 * {@code J x = G} in place ({@code G} becomes x), J row-major n x n; the caller names the Java variables of
 * J's entries (by row-major position) and of G's rows (array elements or locals).
 */
final class SparseElimination {
    private SparseElimination() {}

    /** Row-major positions of the pattern and of the elimination's fill-in: the entries to zero per solve. */
    static List<Integer> touched(boolean[][] pattern) {
        int n = pattern.length;
        boolean[][] p = fill(pattern);
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) if (p[r][c]) out.add(r * n + c);
        return out;
    }

    private static boolean[][] fill(boolean[][] pattern) {
        boolean[][] p = new boolean[pattern.length][];
        for (int r = 0; r < p.length; r++) p[r] = pattern[r].clone();
        code(p, pos -> "", r -> "");
        return p;
    }

    /** The elimination code; {@code pattern} is extended by the fill-in. */
    static List<String> code(boolean[][] pattern, IntFunction<String> jName, IntFunction<String> gName) {
        return code(pattern, jName, gName, pos -> 1);
    }

    /**
     * As {@link #code(boolean[][], IntFunction, IntFunction)} where the variable of each off-diagonal entry
     * holds {@code sign(pos)} times its value (diagonal entries and fill-in hold their value): every update
     * adds or subtracts accordingly, which is exact (a - (-b) c equals a + b c in floating point).
     */
    static List<String> code(
            boolean[][] pattern, IntFunction<String> jName, IntFunction<String> gName, IntUnaryOperator sign) {
        return code(pattern, jName, gName, sign, false);
    }

    /**
     * As {@link #code(boolean[][], IntFunction, IntFunction, IntUnaryOperator)} on {@code DoubleVector}s
     * (lane-wise, the same operations in the same order; {@code ONE} is a vector of ones in scope).
     */
    static List<String> vectorCode(
            boolean[][] pattern, IntFunction<String> jName, IntFunction<String> gName, IntUnaryOperator sign) {
        return code(pattern, jName, gName, sign, true);
    }

    private static List<String> code(
            boolean[][] pattern,
            IntFunction<String> jName,
            IntFunction<String> gName,
            IntUnaryOperator sign,
            boolean vector) {
        int n = pattern.length;
        boolean[][] p = pattern;
        for (int r = 0; r < n; r++) p[r][r] = true;
        boolean[] done = new boolean[n];
        int[] order = new int[n];
        List<List<Integer>> upper = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int step = 0; step < n; step++) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            for (int k = 0; k < n; k++) {
                if (done[k]) continue;
                int rowCount = 0;
                int colCount = 0;
                for (int j = 0; j < n; j++) {
                    if (done[j] || j == k) continue;
                    if (p[k][j]) rowCount++;
                    if (p[j][k]) colCount++;
                }
                long cost = (long) rowCount * colCount;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = k;
                }
            }
            int k = best;
            order[step] = k;
            done[k] = true;
            List<Integer> cols = new ArrayList<>();
            for (int c = 0; c < n; c++) if (!done[c] && p[k][c]) cols.add(c);
            upper.add(cols);
            // one division per pivot; rows and back substitution multiply by its reciprocal
            String pivot = jName.apply(k * n + k);
            out.add(
                    vector
                            ? "final DoubleVector p" + k + " = ONE.div(" + pivot + ");"
                            : "final double p" + k + " = 1.0 / " + pivot + ";");
            for (int r = 0; r < n; r++) {
                if (done[r] || !p[r][k]) continue;
                // f is the stored multiplier; the true one is sign(r, k) f
                int sf = sign.applyAsInt(r * n + k);
                StringBuilder sb = new StringBuilder(
                        vector
                                ? "{ final DoubleVector f = " + jName.apply(r * n + k) + ".mul(p" + k + ");"
                                : "{ final double f = " + jName.apply(r * n + k) + " * p" + k + ";");
                for (int c : cols) {
                    int s = sign.applyAsInt(r * n + c) * sf * sign.applyAsInt(k * n + c);
                    sb.append(' ').append(update(jName.apply(r * n + c), s > 0, jName.apply(k * n + c), vector));
                    p[r][c] = true;
                }
                sb.append(' ')
                        .append(update(gName.apply(r), sf > 0, gName.apply(k), vector))
                        .append(" }");
                out.add(sb.toString());
            }
        }
        for (int step = n - 1; step >= 0; step--) {
            int k = order[step];
            String g = gName.apply(k);
            StringBuilder sb = new StringBuilder(vector ? g + " = " + g : g + " = (" + g);
            for (int c : upper.get(step)) {
                boolean minus = sign.applyAsInt(k * n + c) > 0;
                String term =
                        jName.apply(k * n + c) + (vector ? ".mul(" : " * ") + gName.apply(c) + (vector ? ")" : "");
                if (vector) sb.append(minus ? ".sub(" : ".add(").append(term).append(')');
                else sb.append(minus ? " - " : " + ").append(term);
            }
            sb.append(vector ? ".mul(p" + k + ");" : ") * p" + k + ";");
            out.add(sb.toString());
        }
        return out;
    }

    /** {@code a -= f * b} ({@code minus}) or {@code a += f * b}, scalar or lane-wise. */
    private static String update(String a, boolean minus, String b, boolean vector) {
        if (!vector) return a + (minus ? " -= f * " : " += f * ") + b + ";";
        return a + " = " + a + (minus ? ".sub(f.mul(" : ".add(f.mul(") + b + "));";
    }
}
