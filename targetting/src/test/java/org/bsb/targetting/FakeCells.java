package org.bsb.targetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.targetting.TargetCells;

/** Cells given by hand: per model, positions and label sets. */
final class FakeCells implements TargetCells {
    private final Map<String, List<double[]>> positions = new LinkedHashMap<>();
    private final Map<String, List<Set<String>>> labels = new LinkedHashMap<>();

    FakeCells add(String model, double x, double y, double z, String... cellLabels) {
        positions.computeIfAbsent(model, k -> new ArrayList<>()).add(new double[] {x, y, z});
        labels.computeIfAbsent(model, k -> new ArrayList<>()).add(Set.of(cellLabels));
        return this;
    }

    FakeCells empty(String model) {
        positions.put(model, new ArrayList<>());
        labels.put(model, new ArrayList<>());
        return this;
    }

    @Override
    public List<String> cellModels() {
        return List.copyOf(positions.keySet());
    }

    @Override
    public int count(String cellModel) {
        return positions.get(cellModel).size();
    }

    @Override
    public double[] position(String cellModel, int id) {
        return positions.get(cellModel).get(id);
    }

    @Override
    public boolean hasLabel(String cellModel, int id, String label) {
        return labels.get(cellModel).get(id).contains(label);
    }
}
