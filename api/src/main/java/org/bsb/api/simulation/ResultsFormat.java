package org.bsb.api.simulation;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Stores {@link SimulationResults} in files (e.g. {@code hdf5}), so that {@code bsb simulate}
 * can write them and {@code bsb plot} read them without knowing the file format.
 */
@ConsumerType
public interface ResultsFormat {
    /** File name extension without the dot, e.g. {@code h5}. */
    String extension();

    /**
     * Writes the results into a new file in {@code directory} (created if missing) and returns
     * its path. Never replaces an existing file; the file appears complete or not at all.
     */
    Path write(SimulationResults results, Path directory) throws IOException;

    /** Reads a file written by {@link #write}. */
    SimulationResults read(Path file) throws IOException;
}
