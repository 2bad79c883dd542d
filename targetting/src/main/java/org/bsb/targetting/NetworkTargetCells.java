package org.bsb.targetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.targetting.TargetCells;
import org.bsb.core.network.PlacedCells;

/**
 * The cells of a compiled network as targetting sees them: per cell model (named like its cell
 * type), ids 0 to count-1 numbered through the chunks in chunk id order, the same global ids as
 * placement sets and connectivity use ({@link PlacedCells}); labels are the stored placement labels.
 */
public final class NetworkTargetCells implements TargetCells {
    private final Map<String, double[]> positions = new LinkedHashMap<>();
    private final Map<String, String[]> morphologyNames = new LinkedHashMap<>();
    private final Map<String, List<Set<String>>> labels = new LinkedHashMap<>();

    /** @param cellModels the simulation's cell models, in config order; each names a cell type */
    public NetworkTargetCells(NetworkData network, List<String> cellModels) {
        PlacedCells placed = new PlacedCells(network.placement());
        for (String model : cellModels) {
            int n = Math.toIntExact(placed.count(model));
            double[] xyz = placed.positions(model);
            String[] names = new String[n];
            List<Set<String>> cellLabels = new ArrayList<>(n);
            int k = 0;
            for (ChunkId chunk : placed.chunks(model)) {
                for (PlacementBlock b : placed.blocks(model, chunk)) {
                    for (int i = 0; i < b.size(); i++) {
                        int m = b.morphologies()[i];
                        names[k + i] = m < 0 ? null : b.morphologyNames().get(m);
                        cellLabels.add(b.labelsOf(i));
                    }
                    k += b.size();
                }
            }
            positions.put(model, xyz);
            morphologyNames.put(model, names);
            labels.put(model, cellLabels);
        }
    }

    @Override
    public List<String> cellModels() {
        return new ArrayList<>(positions.keySet());
    }

    @Override
    public int count(String cellModel) {
        double[] p = positions.get(cellModel);
        return p == null ? 0 : p.length / 3;
    }

    @Override
    public double[] position(String cellModel, int id) {
        double[] p = positions.get(cellModel);
        return new double[] {p[3 * id], p[3 * id + 1], p[3 * id + 2]};
    }

    /** Name of the stored morphology of a cell, or null if it has none. */
    public String morphologyName(String cellModel, int id) {
        return morphologyNames.get(cellModel)[id];
    }

    @Override
    public boolean hasLabel(String cellModel, int id, String label) {
        List<Set<String>> l = labels.get(cellModel);
        return l != null && l.get(id).contains(label);
    }
}
