package org.bsb.core.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code bsb compile --redo} must redo, as the original's redo chain: placement strategies
 * sharing a cell type with the requested ones (repeated until nothing new joins), then the
 * connection strategies touching those cell types (whose own cell types then lose their
 * connectivity too, repeated likewise); strategies that depend on a member ({@code depends_on})
 * join as well. All data of the re-placed cell types and all connectivity of the wiped cell types
 * is cleared, so each of those strategies has to run again.
 *
 * @param placement placement strategies to run, names
 * @param connectivity connection strategies to run, names
 * @param placementWipe cell types whose cells (and so connections) are cleared
 * @param connectivityWipe cell types whose connections are cleared
 */
public record RedoClosure(
        Set<String> placement, Set<String> connectivity, Set<String> placementWipe, Set<String> connectivityWipe) {

    /** A strategy as the closure sees it. */
    public record Strategy(String name, List<String> cellTypes, List<String> dependsOn, List<String> sets) {
        public Strategy {
            cellTypes = List.copyOf(cellTypes);
            dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
            sets = sets == null ? List.of() : List.copyOf(sets);
        }
    }

    /**
     * @param placement every placement strategy of the config
     * @param connectivity every connection strategy of the config
     * @param requestedPlacement the placement strategies the user asked to run
     * @param requestedConnectivity the connection strategies the user asked to run
     */
    public static RedoClosure of(
            List<Strategy> placement,
            List<Strategy> connectivity,
            Collection<String> requestedPlacement,
            Collection<String> requestedConnectivity) {
        Set<String> p = new TreeSet<>(requestedPlacement);
        Set<String> wipe = new TreeSet<>();
        while (true) {
            for (Strategy s : placement) {
                if (p.contains(s.name())) {
                    wipe.addAll(s.cellTypes());
                }
            }
            boolean grew = false;
            for (Strategy s : placement) {
                if (!p.contains(s.name())
                        && (s.cellTypes().stream().anyMatch(wipe::contains)
                                || s.dependsOn().stream().anyMatch(p::contains))) {
                    p.add(s.name());
                    grew = true;
                }
            }
            if (!grew) {
                break;
            }
        }
        Set<String> c = new TreeSet<>(requestedConnectivity);
        Set<String> connWipe = new TreeSet<>(wipe);
        if (!wipe.isEmpty()) {
            while (true) {
                boolean grew = false;
                for (Strategy s : connectivity) {
                    if (!c.contains(s.name())
                            && (s.cellTypes().stream().anyMatch(connWipe::contains)
                                    || s.dependsOn().stream().anyMatch(c::contains))) {
                        c.add(s.name());
                        grew = true;
                    }
                    if (c.contains(s.name())) {
                        grew |= connWipe.addAll(s.cellTypes());
                    }
                }
                if (!grew) {
                    break;
                }
            }
        } else {
            // Only connection strategies are redone: their dependents read their output, so join.
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Strategy s : connectivity) {
                    if (!c.contains(s.name()) && s.dependsOn().stream().anyMatch(c::contains)) {
                        grew = c.add(s.name());
                    }
                }
            }
        }
        return new RedoClosure(p, c, wipe, connWipe);
    }

    public RedoClosure {
        placement = Collections.unmodifiableSortedSet(new TreeSet<>(placement));
        connectivity = Collections.unmodifiableSortedSet(new TreeSet<>(connectivity));
        placementWipe = Collections.unmodifiableSortedSet(new TreeSet<>(placementWipe));
        connectivityWipe = Collections.unmodifiableSortedSet(new TreeSet<>(connectivityWipe));
    }

    /**
     * Checks the closure against what the user asked for, as the original: a strategy that was
     * skipped or not selected but must be redone is an error unless forced.
     *
     * @param requestedPlacement the placement strategies asked for
     * @param requestedConnectivity the connection strategies asked for
     * @throws CompileException (the original's RedoError) naming the extra strategies
     */
    public void check(Collection<String> requestedPlacement, Collection<String> requestedConnectivity)
            throws CompileException {
        List<String> problems = new ArrayList<>();
        extra("placement", placement, requestedPlacement, problems);
        extra("connection", connectivity, requestedConnectivity, problems);
        if (!problems.isEmpty()) {
            throw new CompileException("RedoError: redoing " + quoted(requestedPlacement, requestedConnectivity)
                    + " also requires redoing " + String.join("; ", problems)
                    + ". Include them (--only-placement/--only-connectivity, no --skip-*) or use --force"
                    + " (not recommended).");
        }
    }

    private static void extra(String label, Set<String> chain, Collection<String> requested, List<String> out) {
        Set<String> more = new TreeSet<>(chain);
        more.removeAll(requested);
        if (!more.isEmpty()) {
            out.add(label + " strategies "
                    + String.join(", ", more.stream().map(n -> "'" + n + "'").toList()));
        }
    }

    private static String quoted(Collection<String> a, Collection<String> b) {
        Set<String> all = new LinkedHashSet<>(new TreeSet<>(a));
        all.addAll(new TreeSet<>(b));
        return all.isEmpty()
                ? "nothing"
                : String.join(", ", all.stream().map(n -> "'" + n + "'").toList());
    }

    /** The verbosity-2 lines the original prints for a redo. */
    public List<String> reportLines() {
        List<String> out = new ArrayList<>();
        out.add("Redo-affected placement: " + String.join(" ", new TreeSet<>(placement)));
        out.add("Redo-affected connectivity: " + String.join(" ", new TreeSet<>(connectivity)));
        for (String ct : new TreeSet<>(placementWipe)) {
            out.add("Clearing all data of " + ct);
        }
        for (String ct : new TreeSet<>(connectivityWipe)) {
            out.add("Clearing connectivity data of " + ct);
        }
        return out;
    }
}
