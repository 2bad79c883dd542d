/** Simulator backends and device types. */
@Export
@Version("0.3.0")
package org.bsb.api.simulation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
