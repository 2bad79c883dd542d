/**
 * The results file: {@link org.bsb.api.simulation.SimulationResults} as one HDF5 file (layout in
 * the module's README), written with jHDF whole and atomically, read back for {@code bsb plot}.
 */
@Export
@Version("0.1.0")
package org.bsb.results.hdf5;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
