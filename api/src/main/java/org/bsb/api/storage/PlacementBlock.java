package org.bsb.api.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.api.geometry.ChunkId;

/**
 * The cells of one cell type placed in one chunk.
 *
 * @param positions x, y, z per cell (length 3n)
 * @param rotations Euler x, y, z degrees per cell (length 3n)
 * @param morphologies per cell an index into {@code morphologyNames}, or -1 without morphology
 * @param morphologyNames names in the morphology repository
 * @param labels per cell its set of labels (the original's placement-set labels, e.g. a microzone),
 *     or null when no cell of the block is labelled
 */
public record PlacementBlock(
        String cellType,
        ChunkId chunk,
        double[] positions,
        double[] rotations,
        int[] morphologies,
        List<String> morphologyNames,
        List<Set<String>> labels) {
    public PlacementBlock {
        if (labels != null) {
            if (labels.size() != morphologies.length) {
                throw new IllegalArgumentException(labels.size() + " label sets for " + morphologies.length + " cells");
            }
            List<Set<String>> copy = new ArrayList<>(labels.size());
            for (Set<String> s : labels) {
                copy.add(s == null ? Set.of() : Set.copyOf(s));
            }
            labels = List.copyOf(copy);
        }
    }

    /** A block without labels. */
    public PlacementBlock(
            String cellType,
            ChunkId chunk,
            double[] positions,
            double[] rotations,
            int[] morphologies,
            List<String> morphologyNames) {
        this(cellType, chunk, positions, rotations, morphologies, morphologyNames, null);
    }

    public int size() {
        return morphologies.length;
    }

    /** The labels of cell {@code i} of the block (empty if it has none). */
    public Set<String> labelsOf(int i) {
        return labels == null ? Set.of() : labels.get(i);
    }

    /** This block with its cells' label sets replaced. */
    public PlacementBlock withLabels(List<Set<String>> cellLabels) {
        return new PlacementBlock(cellType, chunk, positions, rotations, morphologies, morphologyNames, cellLabels);
    }
}
