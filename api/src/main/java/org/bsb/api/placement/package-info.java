/** Placement strategies: put cells of cell types into the partitions of a chunk. */
@Export
@Version("0.2.0")
package org.bsb.api.placement;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
