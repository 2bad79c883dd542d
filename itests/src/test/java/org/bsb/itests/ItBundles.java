package org.bsb.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The bundles under test, exactly as the distribution ships them ({@code bsb.it.bundles} is
 * launcher/target/dist/bundles), and the other paths failsafe passes. Plain Java: used by the
 * test drivers and, in Pax Exam's native container (same JVM), by the probes.
 */
public final class ItBundles {
    /** Bundles of the interactive shell: the launcher starts them only for {@code bsb shell}. */
    public static final Set<String> SHELL_BUNDLES = Set.of("org.apache.felix.gogo.jline", "org.jline");

    private ItBundles() {}

    public static Path bundlesDir() {
        return existing("bsb.it.bundles");
    }

    public static Path fixtureJar() {
        return existing("bsb.it.fixture");
    }

    /** The bundle that adds the command {@code bsb hello} (itests-fixture-command). */
    public static Path commandFixtureJar() {
        return existing("bsb.it.fixture.command");
    }

    public static Path dist() {
        return existing("bsb.it.dist");
    }

    /** A fresh, empty folder under target/it-work. */
    public static Path workDir(String name) {
        Path dir = Path.of(property("bsb.it.work")).resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> jars() {
        return jars(bundlesDir());
    }

    public static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars =
                    files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no bundle in " + dir + ": build the distribution first (mvn verify)");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Attributes manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null
                    ? new Attributes()
                    : file.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": " + e.getMessage(), e);
        }
    }

    public static String symbolicName(Path jar) {
        String value = manifest(jar).getValue("Bundle-SymbolicName");
        return value == null ? "" : value.split(";")[0].trim();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + name + " is not set: run the integration tests with mvn verify");
        }
        return value;
    }

    private static Path existing(String name) {
        Path path = Path.of(property(name));
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (" + name + ") does not exist: build with mvn verify");
        }
        return path;
    }
}
