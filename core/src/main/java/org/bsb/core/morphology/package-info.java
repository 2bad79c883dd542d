/** Morphology operations: label filtering with the mapping back to the unfiltered morphology. */
@Export
@Version("0.1.0")
package org.bsb.core.morphology;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
