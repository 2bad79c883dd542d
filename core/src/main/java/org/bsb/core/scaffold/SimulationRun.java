package org.bsb.core.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bsb.api.ServiceKind;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;
import org.bsb.core.registry.Registry;

/** The results of one simulation run, with their provenance, writable with a results format service. */
public final class SimulationRun {
    private final SimulationResults results;
    private final Registry registry;

    SimulationRun(SimulationResults results, Registry registry) {
        this.results = results;
        this.registry = registry;
    }

    public SimulationResults results() {
        return results;
    }

    public List<Signal> signals() {
        return results.signals();
    }

    public List<SpikeTrain> spikes() {
        return results.spikes();
    }

    /** The signals of one device (recorder or stimulus). */
    public List<Signal> signals(String device) {
        return results.signals().stream().filter(s -> s.device().equals(device)).toList();
    }

    /** Writes with the {@code hdf5} results format; see {@link #write(Path, String)}. */
    public Path write(Path target) throws IOException {
        return write(target, "hdf5");
    }

    /**
     * Writes the results with the named results format. A {@code target} that is an existing
     * folder, or has no file extension, is a folder: a new file is made in it. Otherwise it is the
     * file to write, which must not exist yet (results are never replaced).
     */
    public Path write(Path target, String formatName) throws IOException {
        ResultsFormat format;
        try {
            format = registry.resolve(ServiceKind.RESULTS_FORMAT, formatName, ResultsFormat.class);
        } catch (UnknownServiceException e) {
            throw new ScaffoldException(e.getMessage(), e);
        }
        Path absolute = target.toAbsolutePath();
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        if (Files.isDirectory(absolute) || !name.contains(".")) {
            return format.write(results, absolute);
        }
        if (Files.exists(absolute)) {
            throw new ScaffoldException("results file " + absolute + " exists already; results are never replaced");
        }
        // The format names its files itself: write next to the target, then move into place.
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".results-");
        try {
            Path written = format.write(results, staging);
            return Files.move(written, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            try (var left = Files.list(staging)) {
                for (Path p : left.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    /** Reads results written by {@link #write}, with the named results format. */
    public static SimulationResults read(Path file, Registry registry, String formatName) throws IOException {
        return registry.resolve(ServiceKind.RESULTS_FORMAT, formatName, ResultsFormat.class).read(file);
    }
}
