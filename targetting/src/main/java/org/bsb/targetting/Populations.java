package org.bsb.targetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.bsb.api.targetting.TargetCells;

/** Shared steps of the cell targetting strategies: the {@code cell_models} filter and id filters. */
final class Populations {
    private Populations() {}

    /**
     * The cell models to consider: all of them when {@code cellModels} is null or empty, else
     * the listed ones (in the network's order), each checked to exist.
     */
    static List<String> models(TargetCells cells, List<String> cellModels, String key) {
        List<String> known = cells.cellModels();
        if (cellModels == null || cellModels.isEmpty()) {
            return known;
        }
        for (String name : cellModels) {
            if (!known.contains(name)) {
                throw new TargettingException("'" + key + "' names the unknown cell model '" + name
                        + "'; known cell models: " + String.join(", ", known));
            }
        }
        List<String> out = new ArrayList<>();
        for (String name : known) {
            if (cellModels.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** Per model, the ids 0..count-1 that pass {@code keep}. */
    static Map<String, List<Integer>> filter(TargetCells cells, List<String> models, ModelPredicate keep) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (String model : models) {
            int n = cells.count(model);
            IntPredicate test = keep.forModel(model);
            List<Integer> ids = new ArrayList<>();
            for (int id = 0; id < n; id++) {
                if (test.test(id)) {
                    ids.add(id);
                }
            }
            out.put(model, ids);
        }
        return out;
    }

    /** A per-model id predicate. */
    interface ModelPredicate {
        IntPredicate forModel(String model);
    }

    /** The coordinates of a point given in the config, checked for length. */
    static double[] vector(List<Double> values, int length, String key) {
        if (values == null || values.size() != length) {
            throw new TargettingException("'" + key + "' must be a list of " + length + " numbers, got " + values);
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            if (values.get(i) == null) {
                throw new TargettingException("'" + key + "' must be a list of " + length + " numbers, got " + values);
            }
            out[i] = values.get(i);
        }
        return out;
    }

    static double required(Double value, String key) {
        if (value == null) {
            throw new TargettingException("'" + key + "' is required");
        }
        return value;
    }
}
