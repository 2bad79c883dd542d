package org.bsb.cluster.hazelcast;

import java.util.ArrayList;
import java.util.List;

/**
 * Slurm's compressed host lists and task counts, as {@code srun} puts them in the environment:
 * {@code SLURM_NODELIST} such as {@code node[01-03,7],gpu5} or {@code rack[1-2]-n[1-2]} (comma-separated names, each
 * with any number of bracket groups of numbers and ranges; zero padding is kept) and {@code SLURM_TASKS_PER_NODE}
 * such as {@code 2(x3),1} (a count per node, {@code (xN)} repeating it).
 */
final class SlurmNodes {
    private SlurmNodes() {}

    /** The host names of a compressed list, in its order. */
    static List<String> expand(String list, String origin) {
        List<String> hosts = new ArrayList<>();
        for (String item : splitTopLevel(list, origin)) {
            expandItem(item, origin, list, hosts);
        }
        return hosts;
    }

    /** The number of tasks on each node, in node order. */
    static List<Integer> tasksPerNode(String counts, String origin) {
        List<Integer> out = new ArrayList<>();
        for (String part : counts.split(",")) {
            String p = part.trim();
            int repeat = 1;
            int paren = p.indexOf('(');
            try {
                if (paren >= 0) {
                    if (!p.endsWith(")") || !p.startsWith("x", paren + 1)) {
                        throw new NumberFormatException();
                    }
                    repeat = Integer.parseInt(p.substring(paren + 2, p.length() - 1));
                    p = p.substring(0, paren);
                }
                int n = Integer.parseInt(p);
                if (n < 1 || repeat < 1) {
                    throw new NumberFormatException();
                }
                for (int i = 0; i < repeat; i++) {
                    out.add(n);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(origin + " '" + counts + "': '" + part
                        + "' is not a task count (expected N or N(xM), e.g. 2(x3),1)");
            }
        }
        return out;
    }

    private static List<String> splitTopLevel(String list, String origin) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(list.substring(start, i));
                start = i + 1;
            }
            if (depth < 0 || depth > 1) {
                throw new IllegalArgumentException(origin + " '" + list + "': unbalanced or nested brackets");
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(origin + " '" + list + "': unclosed '['");
        }
        items.add(list.substring(start));
        for (String item : items) {
            if (item.isBlank()) {
                throw new IllegalArgumentException(origin + " '" + list + "': an empty host name");
            }
        }
        return items;
    }

    /** Expands the first bracket group of {@code item}, then the rest of it, recursively. */
    private static void expandItem(String item, String origin, String list, List<String> hosts) {
        int open = item.indexOf('[');
        if (open < 0) {
            hosts.add(item.trim());
            return;
        }
        int close = item.indexOf(']', open);
        String prefix = item.substring(0, open);
        String rest = item.substring(close + 1);
        for (String range : item.substring(open + 1, close).split(",")) {
            String[] ends = range.split("-", -1);
            if (ends.length > 2 || !ends[0].matches("\\d+") || ends.length == 2 && !ends[1].matches("\\d+")) {
                throw new IllegalArgumentException(
                        origin + " '" + list + "': '" + range + "' is not a number or a range of numbers (e.g. 01-04)");
            }
            long from = Long.parseLong(ends[0]);
            long to = ends.length == 2 ? Long.parseLong(ends[1]) : from;
            if (to < from || to - from > 100_000) {
                throw new IllegalArgumentException(
                        origin + " '" + list + "': range '" + range + "' is empty or too long");
            }
            int width = ends[0].length();
            for (long n = from; n <= to; n++) {
                String num = Long.toString(n);
                String padded = num.length() < width ? "0".repeat(width - num.length()) + num : num;
                expandItem(prefix + padded + rest, origin, list, hosts);
            }
        }
    }
}
