/**
 * The read model of a stored network, used by compile and simulation alike: the placed cells with their global ids
 * ({@link org.bsb.core.network.PlacedCells}), placement block bookkeeping ({@link org.bsb.core.network.Blocks}) and
 * the random streams derived from a network's seed ({@link org.bsb.core.network.Seeds}). It depends on the api
 * only (the architecture test holds it).
 */
@Export
@Version("0.2.0")
package org.bsb.core.network;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
