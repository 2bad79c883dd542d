/** Connection strategies: connect presynaptic to postsynaptic cells at morphology locations. */
@Export
@Version("0.2.0")
package org.bsb.api.connectivity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
