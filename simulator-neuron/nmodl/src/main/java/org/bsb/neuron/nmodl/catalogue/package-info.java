/** Where mechanisms come from: directories, BSB_MECHANISM_PATH, simulation config lists and OSGi bundles carrying .mod files; name resolution. */
@Export
@Version("0.1.0")
package org.bsb.neuron.nmodl.catalogue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
