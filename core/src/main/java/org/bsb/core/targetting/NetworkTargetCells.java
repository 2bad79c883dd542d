package org.bsb.core.targetting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.targetting.TargetCells;
import org.bsb.core.connectivity.PlacedCells;

/**
 * The cells of a compiled network as targetting sees them: per cell model (named like its cell
 * type), ids 0 to count-1 numbered through the chunks in chunk id order, the same global ids as
 * placement sets and connectivity use ({@link PlacedCells}). Placement labels are not stored
 * yet, so {@link #hasLabel} is false for every label.
 */
public final class NetworkTargetCells implements TargetCells {
    private final Map<String, double[]> positions = new LinkedHashMap<>();

    /** @param cellModels the simulation's cell models, in config order; each names a cell type */
    public NetworkTargetCells(NetworkData network, List<String> cellModels) {
        PlacedCells placed = new PlacedCells(network.chunkSize(), network.placement(), List.of());
        for (String model : cellModels) {
            int n = Math.toIntExact(placed.count(model));
            double[] xyz = new double[3 * n];
            int k = 0;
            for (ChunkId chunk : placed.chunks(model)) {
                for (PlacementBlock b : placed.blocks(model, chunk)) {
                    System.arraycopy(b.positions(), 0, xyz, 3 * k, 3 * b.size());
                    k += b.size();
                }
            }
            positions.put(model, xyz);
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

    @Override
    public boolean hasLabel(String cellModel, int id, String label) {
        return false;
    }
}
