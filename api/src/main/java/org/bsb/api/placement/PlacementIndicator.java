package org.bsb.api.placement;

/** What a placement job knows about one of its cell types in its chunk. */
public interface PlacementIndicator {
    String cellType();

    /** Soma radius, µm. */
    double radius();

    /**
     * Cells to place in this job's chunk, from the cell type's count, density or planar density
     * over the strategy's partitions, already rounded (stochastically for fractional estimates).
     */
    int count();
}
