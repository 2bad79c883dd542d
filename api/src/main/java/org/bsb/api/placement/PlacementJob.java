package org.bsb.api.placement;

import java.util.List;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.ChunkId;

/** One (strategy, chunk) unit of placement work, as the core hands it to a strategy. */
public interface PlacementJob<P extends Record> {
    String strategyName();

    P parameters();

    ChunkId chunk();

    Box chunkBox();

    /** The strategy's partitions intersected with the chunk, one box per partition part. */
    List<Box> voxels();

    List<PlacementIndicator> indicators();

    /** This job's own random stream, seeded from (network seed, strategy name, chunk id). */
    RandomGenerator random();

    /**
     * Stores cells. Morphologies and rotations are distributed by the core as the cell type
     * configures them.
     *
     * @param positions x, y, z per cell, flattened
     */
    void place(String cellType, double[] positions);

    Reporter reporter();
}
