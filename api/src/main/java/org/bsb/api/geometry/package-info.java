/** Geometric value types: points, boxes and chunks of the network volume. */
@Export
@Version("0.1.0")
package org.bsb.api.geometry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
