/**
 * The {@code nix} results format: {@link org.bsb.api.simulation.SimulationResults} as neo's NIX
 * file ({@code .nio}, layout in the module's README), written with jHDF whole and atomically, read
 * back for {@code bsb plot}.
 */
@Export
@Version("0.1.0")
package org.bsb.results.nix;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
