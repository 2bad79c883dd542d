/**
 * The seam between a simulator and a cluster transport: {@link ClusterRunner}, which a transport bundle
 * (cluster-hazelcast) registers as a service and the simulator adapter finds, so that neither depends on the
 * other.
 */
@Export
@Version("0.1.0")
package org.bsb.neuron.cable.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
