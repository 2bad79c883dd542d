package org.bsb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where tests find the project's shared files, instead of {@code ../} paths that depend on how deep the
 * module lies. The repository root is found once, from the working directory upwards, as the folder whose
 * {@code pom.xml} is the reactor's root ({@value #ROOT_ARTIFACT}, no parent); Maven runs each module's tests in
 * that module's folder, an IDE usually in the module's or the root's. A missing folder fails with an
 * {@link AssertionError} that says what was looked for and where.
 */
public final class ProjectPaths {
    /** The artifact id of the reactor's root pom. */
    public static final String ROOT_ARTIFACT = "bsb-parent";
    /** The environment variable naming the NEURON reference data folder. */
    public static final String NEURON_DATA_ENV = "BSB_NEURON_DATA";
    /** A file every NEURON reference data folder holds. */
    static final String NEURON_DATA_MARKER = "neuron-reference/a_rest.csv";

    private static Path root;

    private ProjectPaths() {}

    /** The repository root (absolute, normalised). */
    public static synchronized Path root() {
        if (root == null) {
            Path start = Path.of("").toAbsolutePath().normalize();
            root = findRoot(start)
                    .orElseThrow(() -> new AssertionError("no folder at or above " + start
                            + " holds the root pom.xml of BSB for Java (artifactId " + ROOT_ARTIFACT
                            + "): run the tests from inside the repository"));
        }
        return root;
    }

    /** The first folder at or above {@code start} whose {@code pom.xml} is the root pom. */
    static Optional<Path> findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (isRootPom(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isRootPom(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return false;
        }
        try {
            String text = Files.readString(pom);
            return text.contains("<artifactId>" + ROOT_ARTIFACT + "</artifactId>") && !text.contains("<parent>");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom, e);
        }
    }

    /** {@code examples/} of the repository. */
    public static Path examples() {
        return existingFolder(root().resolve("examples"), "the examples folder");
    }

    /** The tutorial's project folder, {@code examples/neuron-simulation}. */
    public static Path tutorial() {
        return existingFolder(root().resolve("examples").resolve("neuron-simulation"), "the tutorial's project folder");
    }

    /** The tutorial's JSON config, {@code examples/neuron-simulation/neuron-simulation.json}. */
    public static Path tutorialConfig() {
        Path config = tutorial().resolve("neuron-simulation.json");
        if (!Files.isRegularFile(config)) {
            throw new AssertionError("the tutorial's config " + config + " is missing");
        }
        return config;
    }

    /**
     * The NEURON reference data folder (the Stellate model, its morphology and NEURON's traces), not part of the
     * repository: {@value #NEURON_DATA_ENV} if it names one, else {@code shared/data} beside the repository.
     * A folder counts when it holds {@value #NEURON_DATA_MARKER}. Empty when there is none: tests that need it
     * skip.
     */
    public static Optional<Path> neuronData() {
        String env = System.getenv(NEURON_DATA_ENV);
        if (env != null && isNeuronData(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        Path parent = root().getParent();
        Path sibling = parent == null ? null : parent.resolve("shared").resolve("data");
        return sibling != null && isNeuronData(sibling) ? Optional.of(sibling) : Optional.empty();
    }

    /** {@link #neuronData()}, or an {@link AssertionError} saying where it was looked for. */
    public static Path requireNeuronData() {
        return neuronData()
                .orElseThrow(() -> new AssertionError("no NEURON reference data (a folder with "
                        + NEURON_DATA_MARKER + "): set " + NEURON_DATA_ENV + " or put it in "
                        + root().resolveSibling("shared").resolve("data")));
    }

    static boolean isNeuronData(Path dir) {
        return Files.isRegularFile(dir.resolve(NEURON_DATA_MARKER));
    }

    private static Path existingFolder(Path dir, String what) {
        if (!Files.isDirectory(dir)) {
            throw new AssertionError(what + " " + dir + " is missing (repository root " + root() + ")");
        }
        return dir;
    }
}
