package org.bsb.core.config;

import java.util.List;
import java.util.Map;

/**
 * A placement node's {@code distribute}: how the placed cells get their morphologies and rotations, as
 * the original's distributors: {@code morphologies.strategy} {@code random} (default, a uniform pick
 * per cell) or {@code roundrobin} (0, 1, ..., k-1 repeated); {@code rotations.strategy} {@code none}
 * (default, zeros), {@code explicitly_none} (zeros) or {@code random} (each Euler angle uniform in
 * [0, 360) degrees, not uniform on SO(3), as the original). The original's class paths
 * ({@code bsb.placement.distributor.RoundRobinMorphologies}, ...) are accepted too.
 */
public record Distribution(Morphologies morphologies, Rotations rotations) {
    public enum Morphologies {
        RANDOM,
        ROUNDROBIN
    }

    public enum Rotations {
        NONE,
        EXPLICITLY_NONE,
        RANDOM
    }

    public static final Distribution DEFAULT = new Distribution(Morphologies.RANDOM, Rotations.NONE);

    /** A problem of a {@code distribute} node, for the validator. */
    public record Problem(String path, String found, String expected) {}

    private static final Map<String, Morphologies> MORPHOLOGY_NAMES = Map.of(
            "random",
            Morphologies.RANDOM,
            "bsb.placement.distributor.RandomMorphologies",
            Morphologies.RANDOM,
            "roundrobin",
            Morphologies.ROUNDROBIN,
            "bsb.placement.distributor.RoundRobinMorphologies",
            Morphologies.ROUNDROBIN);

    private static final Map<String, Rotations> ROTATION_NAMES = Map.of(
            "none",
            Rotations.NONE,
            "explicitly_none",
            Rotations.EXPLICITLY_NONE,
            "bsb.placement.distributor.ExplicitNoRotations",
            Rotations.EXPLICITLY_NONE,
            "random",
            Rotations.RANDOM,
            "bsb.placement.distributor.RandomRotations",
            Rotations.RANDOM);

    /** Reads {@code distribute} (may be empty); problems are added to {@code problems}. */
    public static Distribution of(Map<String, Object> distribute, String path, List<Problem> problems) {
        Morphologies m = pick(
                distribute,
                "morphologies",
                path,
                MORPHOLOGY_NAMES,
                Morphologies.RANDOM,
                "one of random, roundrobin",
                problems);
        Rotations r = pick(
                distribute,
                "rotations",
                path,
                ROTATION_NAMES,
                Rotations.NONE,
                "one of none, explicitly_none, random (orientation_field needs NRRD volumes, not supported)",
                problems);
        for (String key : distribute.keySet()) {
            if (!key.equals("morphologies") && !key.equals("rotations")) {
                problems.add(new Problem(
                        path + "." + key,
                        "'" + key + "'",
                        "morphologies or rotations (custom distributors of additional properties are not supported)"));
            }
        }
        return new Distribution(m, r);
    }

    private static <T> T pick(
            Map<String, Object> distribute,
            String key,
            String path,
            Map<String, T> names,
            T dflt,
            String expected,
            List<Problem> problems) {
        Object node = distribute.get(key);
        if (node == null) {
            return dflt;
        }
        String at = path + "." + key;
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(new Problem(at, String.valueOf(node), "a mapping with a 'strategy'"));
            return dflt;
        }
        Object strategy = map.get("strategy");
        if (strategy == null) {
            return dflt;
        }
        T value = names.get(String.valueOf(strategy));
        if (value == null) {
            problems.add(new Problem(at + ".strategy", "'" + strategy + "'", expected));
            return dflt;
        }
        for (Object k : map.keySet()) {
            if (!"strategy".equals(k)) {
                problems.add(
                        new Problem(at + "." + k, "'" + k + "'", "no further keys ('" + strategy + "' takes none)"));
            }
        }
        return value;
    }
}
