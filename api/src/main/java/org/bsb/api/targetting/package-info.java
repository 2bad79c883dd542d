/** Cell and location targetting strategies of simulation devices. */
@Export
@Version("0.1.0")
package org.bsb.api.targetting;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
