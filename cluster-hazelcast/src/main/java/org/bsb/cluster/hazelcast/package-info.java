/**
 * A simulation split over processes: membership of an embedded Hazelcast cluster ({@link ClusterSettings},
 * {@link ClusterMember}), the spike exchange between ranks ({@link HazelcastSpikeExchange}, behind the cable
 * engine's {@code SpikeExchange}) and the driver that runs one rank's part and joins the parts on rank 0
 * ({@link DistributedSimulation}). Only primitive arrays and strings cross the wire.
 */
@Export
@Version("0.1.0")
package org.bsb.cluster.hazelcast;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
