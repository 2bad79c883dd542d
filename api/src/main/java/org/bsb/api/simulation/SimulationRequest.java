package org.bsb.api.simulation;

import java.nio.file.Path;
import org.bsb.api.Reporter;
import org.bsb.api.ServiceLookup;
import org.bsb.api.storage.NetworkData;

/** A simulation to run on a compiled network. */
public interface SimulationRequest<P extends Record> {
    /** The simulation's name in the config, e.g. {@code neuronsim}. */
    String name();

    /** The bound simulation node (duration, resolution, models, devices, ...). */
    P parameters();

    NetworkData network();

    /** Folder that relative paths of the config (model files, mechanisms) resolve against. */
    Path baseDirectory();

    int threads();

    long seed();

    /** Resolves devices and targetting strategies by name. */
    ServiceLookup services();

    Reporter reporter();
}
