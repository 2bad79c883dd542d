/** Base classes and helpers that generated mechanism classes extend and call. */
@Export
@Version("0.1.0")
package org.bsb.neuron.nmodl.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
