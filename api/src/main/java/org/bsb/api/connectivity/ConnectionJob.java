package org.bsb.api.connectivity;

import java.util.List;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.ChunkId;

/** One unit of connection work: the presynaptic cells of one chunk against their candidates. */
public interface ConnectionJob<P extends Record> {
    String strategyName();

    P parameters();

    ChunkId chunk();

    List<CellPopulation> presynaptic();

    List<CellPopulation> postsynaptic();

    /** Morphology labels of the presynaptic hemitype (empty: all points). */
    List<String> presynapticLabels();

    List<String> postsynapticLabels();

    /** This job's own random stream, seeded from (network seed, strategy name, chunk id). */
    RandomGenerator random();

    /**
     * Stores connections between two populations of this job. Locations are flattened
     * (cell index in its population, branch, point) triples; -1 branch/point for point neurons.
     */
    void connect(CellPopulation pre, CellPopulation post, int[] preLocations, int[] postLocations);

    Reporter reporter();
}
