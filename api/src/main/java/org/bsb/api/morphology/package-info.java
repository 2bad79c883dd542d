/** Morphologies as branches of labelled points, and the parser service that reads them. */
@Export
@Version("0.1.0")
package org.bsb.api.morphology;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
