package org.bsb.core.connectivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.bsb.api.connectivity.CellPopulation;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.morphology.FilteredMorphology;
import org.bsb.core.network.PlacedCells;

/**
 * The cells of one type in a set of chunks, in global id order, with morphologies filtered by a
 * hemitype's labels. Knows the way back from its (index, filtered branch, filtered point)
 * locations to (global id, stored branch, stored point).
 */
final class ChunkPopulation implements CellPopulation {
    private final String cellType;
    private final double[] positions;
    private final double[] rotations;
    private final long[] globalIds;
    private final ChunkId[] chunkOf;
    private final String[] morphologyNames;
    private final FilteredMorphology[] filtered;
    private final Box[] bounds;

    /**
     * @param cellLabels only cells carrying any of these placement labels (empty: all cells)
     * @param labels the morphology labels connections may land on
     */
    ChunkPopulation(
            PlacedCells cells,
            FilteredMorphologies views,
            String cellType,
            Collection<ChunkId> chunks,
            List<String> cellLabels,
            List<String> labels) {
        this.cellType = cellType;
        List<ChunkId> sorted = new ArrayList<>(chunks);
        sorted.sort(null);
        int n = 0;
        for (ChunkId c : sorted) {
            for (PlacementBlock b : cells.blocks(cellType, c)) {
                for (int k = 0; k < b.size(); k++) {
                    n += selected(b, k, cellLabels) ? 1 : 0;
                }
            }
        }
        positions = new double[3 * n];
        rotations = new double[3 * n];
        globalIds = new long[n];
        chunkOf = new ChunkId[n];
        morphologyNames = new String[n];
        filtered = new FilteredMorphology[n];
        bounds = new Box[n];
        int i = 0;
        for (ChunkId c : sorted) {
            long gid = cells.offset(cellType, c);
            for (PlacementBlock b : cells.blocks(cellType, c)) {
                boolean rotated = b.rotations() != null && b.rotations().length == 3 * b.size();
                for (int k = 0; k < b.size(); k++, gid++) {
                    if (!selected(b, k, cellLabels)) {
                        continue;
                    }
                    System.arraycopy(b.positions(), 3 * k, positions, 3 * i, 3);
                    if (rotated) {
                        System.arraycopy(b.rotations(), 3 * k, rotations, 3 * i, 3);
                    }
                    globalIds[i] = gid;
                    chunkOf[i] = c;
                    int m = b.morphologies()[k];
                    if (m >= 0) {
                        String name = b.morphologyNames().get(m);
                        morphologyNames[i] = name;
                        filtered[i] = views.get(name, labels);
                        bounds[i] = cells.morphologyBounds(name);
                    }
                    i++;
                }
            }
        }
    }

    private static boolean selected(PlacementBlock b, int k, List<String> cellLabels) {
        if (cellLabels.isEmpty()) {
            return true;
        }
        for (String l : cellLabels) {
            if (b.labelsOf(k).contains(l)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String cellType() {
        return cellType;
    }

    @Override
    public int size() {
        return globalIds.length;
    }

    @Override
    public double[] position(int i) {
        return Arrays.copyOfRange(positions, 3 * i, 3 * i + 3);
    }

    @Override
    public double[] rotation(int i) {
        return Arrays.copyOfRange(rotations, 3 * i, 3 * i + 3);
    }

    @Override
    public long globalId(int i) {
        return globalIds[i];
    }

    ChunkId chunk(int i) {
        return chunkOf[i];
    }

    @Override
    public Morphology morphology(int i) {
        return filtered[i] == null ? null : filtered[i].morphology();
    }

    @Override
    public String morphologyName(int i) {
        return morphologyNames[i];
    }

    @Override
    public Box morphologyBounds(int i) {
        return bounds[i];
    }

    /** The stored (branch, point) of filtered location (branch, point) of cell {@code i}; -1s stay -1. */
    void mapBack(int i, int branch, int point, int[] out, int at) {
        FilteredMorphology f = filtered[i];
        if (branch < 0 || f == null) {
            out[at] = -1;
            out[at + 1] = -1;
            return;
        }
        out[at] = f.unfilteredBranch(branch);
        out[at + 1] = f.unfilteredPoint(branch, point);
    }
}
