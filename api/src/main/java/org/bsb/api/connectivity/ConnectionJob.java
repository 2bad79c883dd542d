package org.bsb.api.connectivity;

import java.util.List;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.ChunkId;

/**
 * One unit of connection work: the presynaptic cells of one chunk against the postsynaptic cells
 * of its region of interest (or, for {@link ConnectionStrategy#jobsPerPostsynapticChunk()}, the
 * postsynaptic cells of one chunk against the presynaptic cells of its region).
 */
public interface ConnectionJob<P extends Record> {
    /** The connectivity node's name in the config (e.g. {@code stellate_to_stellate}). */
    String strategyName();

    P parameters();

    /** The chunk this job was made for. */
    ChunkId chunk();

    /** One population per presynaptic cell type, in the hemitype's order. */
    List<CellPopulation> presynaptic();

    /** One population per postsynaptic cell type, in the hemitype's order. */
    List<CellPopulation> postsynaptic();

    /** Morphology labels of the presynaptic hemitype (empty: all points). */
    List<String> presynapticLabels();

    List<String> postsynapticLabels();

    /**
     * This job's own random stream, seeded from (network seed, strategy name, chunk id): draw
     * from it in a fixed order and the connections do not depend on the thread count.
     */
    RandomGenerator random();

    /**
     * Stores connections between two populations of this job. Locations are flattened
     * (cell index in its population, branch, point) triples, branch and point in the population's
     * label-filtered morphology; -1 branch/point for point neurons or cell-level connections.
     */
    void connect(CellPopulation pre, CellPopulation post, int[] preLocations, int[] postLocations);

    Reporter reporter();
}
