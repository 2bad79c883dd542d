/** Where mechanisms come from: directories, BSB_MECHANISM_PATH, simulation config lists and OSGi bundles carrying .mod files; name resolution; packing a folder into such a bundle (bsb mechanisms bundle). */
@Export
@Version("0.2.0")
package org.bsb.neuron.nmodl.catalogue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
