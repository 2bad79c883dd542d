package org.bsb.core.scaffold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.io.AtomicFiles;
import org.bsb.api.simulation.ResultsFormat;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.ServiceKind;

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

    /**
     * Writes the results where {@code target} says, choosing the format by its extension as the
     * original does: {@code .nio} (or {@code .nix}) is neo's NIX file ({@code nix}), {@code .h5} or
     * {@code .hdf5} our HDF5 layout ({@code hdf5}). A {@code target} that is an existing folder, or
     * has no extension, is a folder: a new {@code <uuid4>.nio} is made in it, as the original's
     * {@code bsb simulate} does. A file must not exist yet (results are never replaced).
     */
    public Path write(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String name =
                absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        if (Files.isDirectory(absolute) || !name.contains(".")) {
            return write(target, "nix");
        }
        String format = formatForExtension(name);
        if (format == null) {
            throw new ScaffoldException("cannot tell the results format of " + absolute
                    + " from its extension: use .nio (neo's NIX) or .h5 (hdf5), or name the format");
        }
        return write(target, format);
    }

    /** The results format a file name's extension stands for ({@code nix}, {@code hdf5}), or null. */
    public static String formatForExtension(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".nio") || n.endsWith(".nix")) {
            return "nix";
        }
        if (n.endsWith(".h5") || n.endsWith(".hdf5")) {
            return "hdf5";
        }
        return null;
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
        String name =
                absolute.getFileName() == null ? "" : absolute.getFileName().toString();
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
            // in one step, and never over a file made meanwhile (a plain ATOMIC_MOVE would replace it)
            if (!AtomicFiles.moveNew(written, absolute)) {
                throw new ScaffoldException("results file " + absolute + " exists already; results are never replaced");
            }
            return absolute;
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
        return registry.resolve(ServiceKind.RESULTS_FORMAT, formatName, ResultsFormat.class)
                .read(file);
    }

    /**
     * Reads a results file in whichever format it is: the format its extension names
     * ({@link #formatForExtension}), else the first registered results format that reads it.
     */
    public static SimulationResults read(Path file, Registry registry) throws IOException {
        String byName = formatForExtension(String.valueOf(file.getFileName()));
        if (byName != null) {
            return read(file, registry, byName);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "results file " + file + (Files.isDirectory(file) ? " is a directory" : " does not exist"));
        }
        StringBuilder why = new StringBuilder();
        for (var entry : registry.entries(ServiceKind.RESULTS_FORMAT)) {
            try {
                return ((ResultsFormat) entry.service()).read(file);
            } catch (IOException | RuntimeException e) {
                why.append("\n  ").append(entry.names().get(0)).append(": ").append(e.getMessage());
            }
        }
        throw new IOException("no results format reads " + file + why);
    }
}
