/** The SWC morphology parser ({@code swc}, the original's {@code bsb} parser). */
@Export
@Version("0.1.0")
package org.bsb.morphology.swc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
