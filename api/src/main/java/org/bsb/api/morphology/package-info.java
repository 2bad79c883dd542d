/** Morphologies as branches of labelled points, the parser service that reads them, and the tag parameters of the config's parser node (0.2.0). */
@Export
@Version("0.2.0")
package org.bsb.api.morphology;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
