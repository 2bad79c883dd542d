/**
 * The Java API over a compiled network, the equivalent of the original's Python
 * {@code from_storage(...)} / {@code run_simulation(...)}: usable from plain Java (services found
 * with {@link java.util.ServiceLoader}) or with an explicit registry.
 */
@Export
@Version("0.1.0")
package org.bsb.core.scaffold;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
