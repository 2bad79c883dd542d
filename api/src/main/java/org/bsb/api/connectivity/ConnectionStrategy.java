package org.bsb.api.connectivity;

import java.util.ArrayList;
import java.util.Collection;
import org.bsb.api.Parameterized;
import org.bsb.api.geometry.ChunkId;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Connects cells (e.g. {@code bsb.connectivity.VoxelIntersection}). The core runs one job per
 * presynaptic chunk (where presynaptic cells live) against the postsynaptic cells of the chunk's
 * region of interest; with {@link #jobsPerPostsynapticChunk()} it runs one job per postsynaptic
 * chunk against the presynaptic cells of its region instead (the original's {@code InvertedRoI}).
 */
@ConsumerType
public interface ConnectionStrategy<P extends Record> extends Parameterized<P> {
    /** Connects one job's cells. Called concurrently for different jobs. */
    void connect(ConnectionJob<P> job) throws ConnectivityException;

    /**
     * The chunks of the other hemitype a job for {@code chunk} sees; by default all of them.
     * Jobs with an empty region are skipped.
     */
    default Collection<ChunkId> regionOfInterest(P parameters, ChunkId chunk, RegionContext context) {
        return new ArrayList<>(jobsPerPostsynapticChunk() ? context.presynapticChunks() : context.postsynapticChunks());
    }

    /** Whether jobs are per postsynaptic chunk (their region then lists presynaptic chunks). */
    default boolean jobsPerPostsynapticChunk() {
        return false;
    }
}
