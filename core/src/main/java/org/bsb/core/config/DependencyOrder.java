package org.bsb.core.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders strategies by {@code depends_on} as the original does: a depth-first topological sort
 * visiting names (and each name's dependencies) in name order, so ties are broken by name.
 * References to unknown names are ignored here (the validator reports them).
 */
public final class DependencyOrder {
    private DependencyOrder() {}

    /** A {@code depends_on} cycle, e.g. {@code [a, b, a]}. */
    public static final class CycleException extends IllegalArgumentException {
        private final List<String> cycle;

        CycleException(List<String> cycle) {
            super("depends_on cycle: " + String.join(" -> ", cycle));
            this.cycle = List.copyOf(cycle);
        }

        /** The names on the cycle, the first repeated at the end. */
        public List<String> cycle() {
            return cycle;
        }
    }

    /**
     * @param dependsOn per name, the names it depends on
     * @return every name, each after all it depends on
     * @throws CycleException naming the first cycle found
     */
    public static List<String> sort(Map<String, List<String>> dependsOn) {
        TreeMap<String, List<String>> sorted = new TreeMap<>(dependsOn);
        List<String> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String name : sorted.keySet()) {
            visit(name, sorted, done, new LinkedHashSet<>(), out);
        }
        return out;
    }

    /** The first cycle in name order, or null if there is none. */
    public static List<String> cycle(Map<String, List<String>> dependsOn) {
        try {
            sort(dependsOn);
            return null;
        } catch (CycleException e) {
            return e.cycle();
        }
    }

    private static void visit(
            String name,
            TreeMap<String, List<String>> deps,
            Set<String> done,
            LinkedHashSet<String> path,
            List<String> out) {
        if (done.contains(name) || !deps.containsKey(name)) {
            return;
        }
        if (!path.add(name)) {
            List<String> cycle = new ArrayList<>();
            boolean on = false;
            for (String p : path) {
                on |= p.equals(name);
                if (on) {
                    cycle.add(p);
                }
            }
            cycle.add(name);
            throw new CycleException(cycle);
        }
        for (String d : new TreeSet<>(deps.get(name))) {
            visit(d, deps, done, path, out);
        }
        path.remove(name);
        done.add(name);
        out.add(name);
    }
}
