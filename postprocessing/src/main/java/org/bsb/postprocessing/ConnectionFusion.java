package org.bsb.postprocessing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.ConnectivityHookJob;

/**
 * Fuses chains of connectivity sets as the original's {@code FuseConnections}: the sets form a graph
 * over cell types; for every pair of a root type (never postsynaptic in the sets) and an end type (never
 * presynaptic), each path from root to end is followed and consecutive sets are joined through their
 * common cells: every connection into an intermediate cell combined with every connection out of it
 * gives one connection from the first set's presynaptic location to the last set's postsynaptic one.
 */
final class ConnectionFusion {
    private ConnectionFusion() {}

    /** Locations of connections: (cell id, branch, point) rows, pre and post parallel. */
    record Rows(int[] pre, int[] post) {
        static final Rows EMPTY = new Rows(new int[0], new int[0]);

        int size() {
            return pre.length / 3;
        }

        Rows concat(Rows o) {
            int[] p = new int[pre.length + o.pre.length];
            int[] q = new int[post.length + o.post.length];
            System.arraycopy(pre, 0, p, 0, pre.length);
            System.arraycopy(o.pre, 0, p, pre.length, o.pre.length);
            System.arraycopy(post, 0, q, 0, post.length);
            System.arraycopy(o.post, 0, q, post.length, o.post.length);
            return new Rows(p, q);
        }
    }

    /**
     * Fuses {@code sets} into new sets: named {@code name} when the sets have one root and one end and a
     * name is given, else {@code <root>_to_<end>} per pair.
     */
    static void fuse(ConnectivityHookJob<?> job, Collection<String> sets, String name) throws ConnectivityException {
        List<String> known = job.sets();
        Map<String, List<String>> children = new TreeMap<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> pres = new HashSet<>();
        Set<String> posts = new HashSet<>();
        for (String set : new TreeSet<>(sets)) {
            if (!known.contains(set)) {
                throw new ConnectivityException("after_connectivity." + job.name() + ": there is no connectivity set '"
                        + set + "'; the sets are " + known);
            }
            String pre = job.presynapticType(set);
            String post = job.postsynapticType(set);
            types.add(pre);
            types.add(post);
            pres.add(pre);
            posts.add(post);
            children.computeIfAbsent(pre, k -> new ArrayList<>()).add(set);
        }
        List<String> roots = types.stream().filter(t -> !posts.contains(t)).toList();
        List<String> ends = types.stream().filter(t -> !pres.contains(t)).toList();
        if (roots.isEmpty() || ends.isEmpty()) {
            throw new ConnectivityException("after_connectivity." + job.name()
                    + ": loop detected among the roots and ends of the chain of connectivity sets " + sets);
        }
        boolean generated = roots.size() > 1 || ends.size() > 1 || name == null;
        for (String root : roots) {
            for (String end : ends) {
                Walk walk = new Walk(job, children, ends, end);
                Rows rows = walk.visit(root, null);
                // every type but the other roots and ends must lie on the way
                int outside = roots.size() + ends.size() - 2;
                if (types.size() - outside != walk.passed.size()) {
                    throw new ConnectivityException("after_connectivity." + job.name() + ": the connection tree from "
                            + root + " to " + end + " is incomplete");
                }
                String set = generated ? root + "_to_" + end : name;
                job.connect(set, root, end, rows.pre(), rows.post());
                job.reporter()
                        .report(
                                2,
                                "after_connectivity." + job.name() + ": " + set + " with " + rows.size()
                                        + " connections");
            }
        }
    }

    /** One depth-first walk from a root towards {@code end}, memoising the fused rows of each type. */
    private static final class Walk {
        final ConnectivityHookJob<?> job;
        final Map<String, List<String>> children;
        final List<String> ends;
        final String end;
        final List<String> passed = new ArrayList<>();
        final Map<String, Rows> resolved = new HashMap<>();

        Walk(ConnectivityHookJob<?> job, Map<String, List<String>> children, List<String> ends, String end) {
            this.job = job;
            this.children = children;
            this.ends = ends;
            this.end = end;
        }

        Rows visit(String type, Rows incoming) throws ConnectivityException {
            if (!resolved.containsKey(type)) {
                if (passed.contains(type)) {
                    throw new ConnectivityException("after_connectivity." + job.name()
                            + ": loop detected in the chain of connectivity sets at " + type);
                }
                passed.add(type);
                Rows out = Rows.EMPTY;
                for (String set : children.getOrDefault(type, List.of())) {
                    String child = job.postsynapticType(set);
                    if (!ends.contains(child) || child.equals(end)) {
                        out = out.concat(
                                visit(child, new Rows(job.presynapticLocations(set), job.postsynapticLocations(set))));
                    }
                }
                resolved.put(type, out);
            }
            Rows own = resolved.get(type);
            if (incoming == null) {
                return own;
            }
            return own.size() > 0 ? merge(incoming, own) : incoming;
        }
    }

    /** Joins left (A → B) and right (B → C) through their common B cells, in ascending B id order. */
    static Rows merge(Rows left, Rows right) {
        Map<Integer, List<Integer>> into = new TreeMap<>();
        for (int k = 0; k < left.size(); k++) {
            into.computeIfAbsent(left.post()[3 * k], b -> new ArrayList<>()).add(k);
        }
        Map<Integer, List<Integer>> outOf = new HashMap<>();
        for (int k = 0; k < right.size(); k++) {
            outOf.computeIfAbsent(right.pre()[3 * k], b -> new ArrayList<>()).add(k);
        }
        int n = 0;
        for (Map.Entry<Integer, List<Integer>> e : into.entrySet()) {
            n += e.getValue().size() * outOf.getOrDefault(e.getKey(), List.of()).size();
        }
        int[] pre = new int[3 * n];
        int[] post = new int[3 * n];
        int at = 0;
        for (Map.Entry<Integer, List<Integer>> e : into.entrySet()) {
            for (int l : e.getValue()) {
                for (int r : outOf.getOrDefault(e.getKey(), List.of())) {
                    System.arraycopy(left.pre(), 3 * l, pre, 3 * at, 3);
                    System.arraycopy(right.post(), 3 * r, post, 3 * at, 3);
                    at++;
                }
            }
        }
        return new Rows(pre, post);
    }
}
