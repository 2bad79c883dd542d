package org.bsb.neuron.nmodl.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolves the mechanism names of model definitions as the original (arborize + nmodl-glia) does:
 * {@code "Nav1_6"} is the NEURON name {@code Nav1_6} or the glia form {@code glia__<package>__Nav1_6__0};
 * {@code "NMDA__stellate"} (the tuple {@code ("NMDA", "stellate")}) is {@code NMDA__stellate} or
 * {@code glia__<package>__NMDA__stellate}; a name without a {@code 0} variant falls back to its single
 * variant ({@code "Km"} to {@code glia__dbbs__Km__granule_cell}).
 */
public final class NameResolver {
    private NameResolver() {}

    /** The NEURON name {@code requested} resolves to among {@code known}, if any. */
    public static Optional<String> resolve(String requested, Collection<String> known) {
        if (known.contains(requested)) return Optional.of(requested);
        // glia form of the full name (asset or asset__variant)
        List<String> glia = new ArrayList<>();
        for (String k : known) {
            String rest = gliaRest(k);
            if (rest != null && rest.equals(requested)) glia.add(k);
        }
        if (glia.size() == 1) return Optional.of(glia.get(0));
        if (glia.size() > 1) return Optional.empty(); // several packages: ambiguous, reported by the caller
        // variant 0, then the only variant
        List<String> zero = new ArrayList<>();
        List<String> variants = new ArrayList<>();
        for (String k : known) {
            String asset = asset(k);
            if (asset == null || !asset.equals(requested)) continue;
            variants.add(k);
            if (k.endsWith("__0")) zero.add(k);
        }
        if (zero.size() == 1) return Optional.of(zero.get(0));
        if (zero.isEmpty() && variants.size() == 1) return Optional.of(variants.get(0));
        return Optional.empty();
    }

    /** For an unresolvable name: the candidates it could mean, or the closest known names. */
    public static List<String> suggestions(String requested, Collection<String> known) {
        TreeSet<String> out = new TreeSet<>();
        for (String k : known) {
            String asset = asset(k);
            String rest = gliaRest(k);
            if (requested.equals(asset) || requested.equals(rest)) out.add(k);
        }
        if (!out.isEmpty()) return List.copyOf(out);
        String r = requested.toLowerCase();
        List<String> all = new ArrayList<>(known);
        all.sort(Comparator.comparingInt((String k) -> distance(r, shortName(k).toLowerCase()))
                .thenComparing(k -> k));
        List<String> close = new ArrayList<>();
        for (String k : all) {
            int d = distance(r, shortName(k).toLowerCase());
            if (d <= Math.max(2, r.length() / 3) || shortName(k).toLowerCase().contains(r)) close.add(k);
            if (close.size() == 5) break;
        }
        return close;
    }

    /** {@code Nav1_6__0} for {@code glia__dbbs__Nav1_6__0}, else null. */
    static String gliaRest(String name) {
        if (!name.startsWith("glia__")) return null;
        int p = name.indexOf("__", 6);
        return p < 0 ? null : name.substring(p + 2);
    }

    /** The asset of {@code glia__pkg__asset__variant} or {@code asset__variant}, else null. */
    static String asset(String name) {
        String rest = gliaRest(name);
        String s = rest != null ? rest : name;
        int p = s.lastIndexOf("__");
        return p <= 0 ? null : s.substring(0, p);
    }

    private static String shortName(String k) {
        String a = asset(k);
        return a != null ? a : k;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
