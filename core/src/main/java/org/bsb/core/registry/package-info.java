/** Finds services by the names a config uses, in OSGi (DS) and outside it (ServiceLoader, explicit). */
@Export
@Version("0.1.0")
package org.bsb.core.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
