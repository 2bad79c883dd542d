/** Storage engines: where a compiled network lives. */
@Export
@Version("0.3.0")
package org.bsb.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
