/**
 * Writing files safely: {@link org.bsb.api.io.AtomicFiles}, the one atomic, durable file replacement that every
 * bundle uses (network files, results files, mechanism bundles, caches). It is in the api because storage
 * engines and results formats may depend on nothing else.
 */
@Export
@Version("0.1.0")
package org.bsb.api.io;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
