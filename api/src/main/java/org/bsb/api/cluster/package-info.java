/**
 * The seam of a compile split over processes: {@link JobCluster} runs data-only {@link JobDescriptor}s on the
 * members of a cluster and returns each job's result as bytes. The compile pipeline (core) uses it without knowing
 * the transport; a cluster bundle (cluster-hazelcast) registers it.
 */
@Export
@Version("0.1.0")
package org.bsb.api.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
