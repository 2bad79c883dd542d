package org.bsb.targetting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The original's {@code FractionFilter}: {@code count} or {@code fraction} (mutually exclusive)
 * keep a random subset, drawn without replacement, of each cell model's targets.
 */
public final class Subset {
    private Subset() {}

    /** Checks {@code count}/{@code fraction} before any selection work. */
    public static void validate(Integer count, Double fraction) {
        if (count != null && fraction != null) {
            throw new TargettingException("'count' and 'fraction' are mutually exclusive: give one of them, not both"
                    + " (count: " + count + ", fraction: " + fraction + ")");
        }
        if (count != null && count < 0) {
            throw new TargettingException("'count' must be 0 or more, got " + count);
        }
        if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
            throw new TargettingException("'fraction' must be between 0 and 1, got " + fraction);
        }
    }

    /**
     * Applies the subset to every model's ids; models keep their order and each kept id list
     * stays in ascending order. {@code count} above a population keeps all of it (the original
     * fails there); {@code fraction} keeps floor(n * fraction) cells, as the original.
     */
    public static Map<String, List<Integer>> apply(
            Map<String, List<Integer>> targets, Integer count, Double fraction, RandomGenerator random) {
        validate(count, fraction);
        if (count == null && fraction == null) {
            return targets;
        }
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        targets.forEach((model, ids) -> {
            int take = count != null ? Math.min(count, ids.size()) : (int) Math.floor(ids.size() * fraction);
            out.put(model, choose(ids, take, random));
        });
        return out;
    }

    /** {@code take} distinct elements of {@code ids} (partial Fisher-Yates), in their original order. */
    static List<Integer> choose(List<Integer> ids, int take, RandomGenerator random) {
        int n = ids.size();
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = Arrays.copyOf(index, take);
        Arrays.sort(chosen);
        List<Integer> out = new ArrayList<>(take);
        for (int i : chosen) {
            out.add(ids.get(i));
        }
        return out;
    }
}
