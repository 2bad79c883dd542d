package org.bsb.api.connectivity;

import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/** Connects cells (e.g. {@code bsb.connectivity.VoxelIntersection}). */
@ConsumerType
public interface ConnectionStrategy<P extends Record> extends Parameterized<P> {
    /** Connects one job's cells. Called concurrently for different jobs. */
    void connect(ConnectionJob<P> job);
}
