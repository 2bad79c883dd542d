package org.bsb.api.connectivity;

import org.bsb.api.morphology.Morphology;

/** Cells of one type offered to a connection job (one chunk, or a region of interest). */
public interface CellPopulation {
    String cellType();

    int size();

    /** Position of cell {@code i}, x y z. */
    double[] position(int i);

    /** Rotation of cell {@code i}, Euler x y z degrees. */
    double[] rotation(int i);

    /** Global id of cell {@code i} in its cell type's placement set. */
    long globalId(int i);

    /** Morphology of cell {@code i} as stored (unfiltered), or null for point neurons. */
    Morphology morphology(int i);
}
