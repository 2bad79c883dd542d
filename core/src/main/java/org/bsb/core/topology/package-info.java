/**
 * The network volume: the network box and its chunks, partitions ({@code layer},
 * {@code rhomboid}) and the regions ({@code group}, {@code stack}) that lay them out.
 */
@Export
@Version("0.1.0")
package org.bsb.core.topology;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
