package org.bsb.api.placement;

import java.util.List;
import org.bsb.api.Parameterized;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.osgi.annotation.versioning.ConsumerType;

/** Puts cells into a chunk's part of the partitions (e.g. {@code bsb.placement.RandomPlacement}). */
@ConsumerType
public interface PlacementStrategy<P extends Record> extends Parameterized<P> {
    /** Places the cells of one chunk. Called concurrently for different chunks. */
    void place(PlacementJob<P> job) throws PlacementException;

    /** The chunks to run jobs for; by default every chunk the partitions touch. */
    default List<ChunkId> jobChunks(P parameters, List<ChunkId> partitionChunks, Point3 chunkSize) {
        return partitionChunks;
    }
}
