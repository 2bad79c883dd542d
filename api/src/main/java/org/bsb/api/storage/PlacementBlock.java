package org.bsb.api.storage;

import java.util.List;
import org.bsb.api.geometry.ChunkId;

/**
 * The cells of one cell type placed in one chunk.
 *
 * @param positions x, y, z per cell (length 3n)
 * @param rotations Euler x, y, z degrees per cell (length 3n)
 * @param morphologies per cell an index into {@code morphologyNames}, or -1 without morphology
 * @param morphologyNames names in the morphology repository
 */
public record PlacementBlock(String cellType, ChunkId chunk, double[] positions, double[] rotations,
        int[] morphologies, List<String> morphologyNames) {
    public int size() {
        return morphologies.length;
    }
}
