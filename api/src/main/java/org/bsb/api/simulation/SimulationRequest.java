package org.bsb.api.simulation;

import java.nio.file.Path;
import java.util.Map;
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

    /**
     * The processes this run is split over, as the user gave them: option names without {@code --}
     * ({@code cluster}, {@code rank}, {@code size}, {@code bind}, {@code port}, {@code cluster-name}, ...) and
     * their values; the cluster implementation reads what they leave out from the environment of {@code srun} or
     * {@code mpirun}. Empty (the default): the whole run in this process. Only a backend whose
     * {@link SimulatorBackend#runsSplit()} is true is given a non-empty one.
     */
    default Map<String, String> cluster() {
        return Map.of();
    }
}
