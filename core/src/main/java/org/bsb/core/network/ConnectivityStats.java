package org.bsb.core.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.bsb.api.storage.ConnectivityBlock;

/**
 * Per connectivity set: the number of connections and the distribution of per-cell out-degree
 * (connections per presynaptic cell) and in-degree (per postsynaptic cell), counted over every
 * cell of the set's cell types, unconnected cells included.
 */
public final class ConnectivityStats {
    /** Degree statistics over {@code cells} cells. */
    public record Degree(long cells, double mean, double sd, long min, long max, long unconnected) {
        @Override
        public String toString() {
            return String.format(
                    "mean %.2f, sd %.2f, min %d, max %d, %d of %d cells without",
                    mean, sd, min, max, unconnected, cells);
        }
    }

    public record SetStats(
            String set, String preType, String postType, long connections, long pairs, Degree out, Degree in) {}

    private ConnectivityStats() {}

    /**
     * @param cellCount number of placed cells of a cell type
     */
    public static List<SetStats> of(List<ConnectivityBlock> blocks, ToLongFunction<String> cellCount) {
        Map<String, List<ConnectivityBlock>> bySet = new LinkedHashMap<>();
        for (ConnectivityBlock b : blocks) {
            bySet.computeIfAbsent(b.set(), k -> new ArrayList<>()).add(b);
        }
        List<SetStats> out = new ArrayList<>();
        for (var e : bySet.entrySet()) {
            ConnectivityBlock first = e.getValue().get(0);
            int nPre = (int) cellCount.applyAsLong(first.preType());
            int nPost = (int) cellCount.applyAsLong(first.postType());
            long[] outDeg = new long[nPre];
            long[] inDeg = new long[nPost];
            java.util.HashSet<Long> pairs = new java.util.HashSet<>();
            long n = 0;
            for (ConnectivityBlock b : e.getValue()) {
                for (int k = 0; k < b.size(); k++) {
                    int pre = b.preLocations()[3 * k];
                    int post = b.postLocations()[3 * k];
                    if (pre < nPre) {
                        outDeg[pre]++;
                    }
                    if (post < nPost) {
                        inDeg[post]++;
                    }
                    pairs.add(((long) pre << 32) | (post & 0xFFFFFFFFL));
                    n++;
                }
            }
            out.add(new SetStats(
                    e.getKey(), first.preType(), first.postType(), n, pairs.size(), degree(outDeg), degree(inDeg)));
        }
        return out;
    }

    static Degree degree(long[] d) {
        if (d.length == 0) {
            return new Degree(0, 0, 0, 0, 0, 0);
        }
        double sum = 0, sq = 0;
        long min = Long.MAX_VALUE, max = 0, zero = 0;
        for (long v : d) {
            sum += v;
            sq += (double) v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            zero += v == 0 ? 1 : 0;
        }
        double mean = sum / d.length;
        double var = Math.max(0, sq / d.length - mean * mean);
        return new Degree(d.length, mean, Math.sqrt(var), min, max, zero);
    }

    /** Lines for {@code bsb inspect}. */
    public static List<String> format(List<SetStats> stats) {
        List<String> lines = new ArrayList<>();
        for (SetStats s : stats) {
            lines.add(s.set() + " (" + s.preType() + " -> " + s.postType() + "): " + s.connections()
                    + " connections between " + s.pairs() + " cell pairs");
            lines.add("  out-degree per " + s.preType() + " cell: " + s.out());
            lines.add("  in-degree per " + s.postType() + " cell: " + s.in());
        }
        return lines;
    }
}
