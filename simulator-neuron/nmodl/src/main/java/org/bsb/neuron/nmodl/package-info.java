/** NMODL at run time: compiles .mod files into mechanisms of the cable simulator's SPI (see the module README). */
@Export
@Version("0.2.0")
package org.bsb.neuron.nmodl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
