/**
 * The cable simulator: sections and their NEURON geometry, cells as Hines trees, networks of
 * cells, point processes and connections, and the fixed-step engine with cell groups per thread.
 */
@Export
@Version("0.4.0")
package org.bsb.neuron.cable;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
