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
            out.add("final double p" + k + " = 1.0 / " + jName.apply(k * n + k) + ";");
            for (int r = 0; r < n; r++) {
                if (done[r] || !p[r][k]) continue;
                // f is the stored multiplier; the true one is sign(r, k) f
                int sf = sign.applyAsInt(r * n + k);
                StringBuilder sb = new StringBuilder("{ final double f = " + jName.apply(r * n + k) + " * p" + k + ";");
                for (int c : cols) {
                    int s = sign.applyAsInt(r * n + c) * sf * sign.applyAsInt(k * n + c);
                    sb.append(' ')
                            .append(jName.apply(r * n + c))
                            .append(s > 0 ? " -= f * " : " += f * ")
                            .append(jName.apply(k * n + c))
                            .append(';');
                    p[r][c] = true;
                }
                sb.append(' ')
                        .append(gName.apply(r))
                        .append(sf > 0 ? " -= f * " : " += f * ")
                        .append(gName.apply(k))
                        .append("; }");
                out.add(sb.toString());
            }
        }
        for (int step = n - 1; step >= 0; step--) {
            int k = order[step];
            StringBuilder sb = new StringBuilder(gName.apply(k) + " = (" + gName.apply(k));
            for (int c : upper.get(step)) {
                sb.append(sign.applyAsInt(k * n + c) > 0 ? " - " : " + ")
                        .append(jName.apply(k * n + c))
                        .append(" * ")
                        .append(gName.apply(c));
            }
            sb.append(") * p").append(k).append(";");
            out.add(sb.toString());
        }
        return out;
    }
}
