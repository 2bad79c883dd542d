package org.bsb.api.connectivity;

import org.bsb.api.geometry.Box;
import org.bsb.api.morphology.Morphology;

/**
 * Cells of one type offered to a connection job (one chunk, or a region of interest), in the
 * order of their global ids. Morphologies are seen through the hemitype's
 * {@code morphology_labels}: branch and point indices a strategy passes to
 * {@link ConnectionJob#connect} refer to {@link #morphology(int)}, and the core maps them back
 * to the stored morphology.
 */
public interface CellPopulation {
    String cellType();

    int size();

    /** Position of cell {@code i}, x y z. */
    double[] position(int i);

    /** Rotation of cell {@code i}, Euler x y z degrees (see {@link org.bsb.api.geometry.EulerRotation}). */
    double[] rotation(int i);

    /** Global id of cell {@code i} in its cell type's placement set. */
    long globalId(int i);

    /**
     * Morphology of cell {@code i} keeping only the points whose labels match the hemitype's
     * {@code morphology_labels} (all points without labels), unrotated, or null for point
     * neurons. Cells with the same stored morphology share one instance. May have no points.
     */
    Morphology morphology(int i);

    /** Name of cell {@code i}'s stored morphology, or null for point neurons. */
    String morphologyName(int i);

    /**
     * Bounds of cell {@code i}'s stored, unfiltered and unrotated morphology (the original's
     * meta {@code ldc}/{@code mdc}), or null for point neurons.
     */
    Box morphologyBounds(int i);
}
