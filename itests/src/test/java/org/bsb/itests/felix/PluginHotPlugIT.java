package org.bsb.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.bsb.api.UnknownServiceException;
import org.bsb.api.placement.PlacementStrategy;
import org.bsb.core.registry.Registry;
import org.bsb.core.registry.RegistryEntry;
import org.bsb.core.registry.ServiceKind;
import org.bsb.itests.ItBundles;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * A third-party bundle (the fixture, lab.placement.grid) dropped into the folder FileInstall
 * watches while the framework runs becomes resolvable by name, and disappears when its file is
 * removed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginHotPlugIT {
    private static final String BSN = "lab.placement.grid";
    private static final long TIMEOUT = 15_000;

    @Inject
    BundleContext context;

    @Inject
    Registry registry;

    @Inject
    CommandProcessor commands;

    @Configuration
    public Option[] config() {
        return PaxConfig.distribution("hotplug", ItBundles.workDir("felix-plugins"));
    }

    @Test
    public void aDroppedInStrategyComesAndGoesWithItsFile() throws Exception {
        Path plugins = Path.of(System.getProperty("bsb.it.plugins"));
        Path fixture = Path.of(System.getProperty("bsb.it.fixture"));
        assertUnknown("grid_placement");
        assertTrue(bsb("strategies"), !bsb("strategies").contains("grid_placement"));

        Path dropped = Files.copy(fixture, plugins.resolve("lab-grid.jar"));
        assertTrue(
                "grid_placement did not appear within " + TIMEOUT + " ms of dropping " + dropped,
                Frameworks.await(TIMEOUT, () -> known("grid_placement")));

        RegistryEntry entry = registry.entry(ServiceKind.PLACEMENT, "grid_placement");
        assertEquals(List.of("lab.placement.GridPlacement", "grid_placement"), entry.names());
        assertEquals(BSN, entry.origin());
        assertEquals("1.0.0", entry.version());
        assertTrue(entry.service() instanceof PlacementStrategy);
        assertEquals("lab.placement.GridPlacement", entry.service().getClass().getName());
        assertEquals(entry.service(), registry.resolve(ServiceKind.PLACEMENT, "lab.placement.GridPlacement"));
        assertEquals(
                "spacing",
                ((PlacementStrategy<?>) entry.service())
                        .parameterType()
                        .getRecordComponents()[0]
                        .getName());
        String listing = bsb("strategies");
        assertTrue(
                listing, listing.contains("lab.placement.GridPlacement, grid_placement   [lab.placement.grid 1.0.0]"));

        // a misspelt name: the error names the known ones and suggests the closest
        try {
            registry.entry(ServiceKind.PLACEMENT, "grid_placment");
            fail("a misspelt name resolved");
        } catch (UnknownServiceException e) {
            assertEquals("grid_placement", e.suggestion());
            assertTrue(e.known().containsAll(List.of("lab.placement.GridPlacement", "grid_placement")));
            assertTrue(
                    e.getMessage(),
                    e.getMessage()
                            .startsWith(
                                    "Unknown placement strategy 'grid_placment'. Did you mean 'grid_placement'? Known placement strategy names: "));
        }

        // a new version of the jar replaces the old one: one entry, the new version
        Path update = Files.createTempFile(plugins.getParent(), "lab-grid", ".jar");
        withVersion(fixture, update, "1.0.1");
        Files.move(update, dropped, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(
                "the update to 1.0.1 was not picked up",
                Frameworks.await(
                        TIMEOUT,
                        () -> known("grid_placement")
                                && "1.0.1"
                                        .equals(registry.entry(ServiceKind.PLACEMENT, "grid_placement")
                                                .version())));
        assertEquals(
                1,
                registry.entries(ServiceKind.PLACEMENT).stream()
                        .filter(e -> e.answersTo("grid_placement"))
                        .count());

        Files.delete(dropped);
        assertTrue(
                "grid_placement still resolves " + TIMEOUT + " ms after deleting " + dropped,
                Frameworks.await(TIMEOUT, () -> !known("grid_placement")));
        assertUnknown("lab.placement.GridPlacement");
        assertTrue(
                "the bundle is still installed",
                Frameworks.await(
                        TIMEOUT,
                        () -> Arrays.stream(context.getBundles()).noneMatch(b -> BSN.equals(b.getSymbolicName()))));
        assertTrue(!bsb("strategies").contains("grid_placement"));
    }

    /** A copy of the jar whose manifest says Bundle-Version: {@code version}. */
    private static void withVersion(Path jar, Path copy, String version) throws java.io.IOException {
        try (java.util.jar.JarFile in = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = new java.util.jar.Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (java.util.jar.JarOutputStream out =
                    new java.util.jar.JarOutputStream(Files.newOutputStream(copy), manifest)) {
                for (var e = in.entries(); e.hasMoreElements(); ) {
                    java.util.jar.JarEntry entry = e.nextElement();
                    if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                        continue;
                    }
                    out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
                    in.getInputStream(entry).transferTo(out);
                    out.closeEntry();
                }
            }
        }
    }

    private boolean known(String name) {
        try {
            registry.entry(ServiceKind.PLACEMENT, name);
            return true;
        } catch (UnknownServiceException e) {
            return false;
        }
    }

    private void assertUnknown(String name) {
        try {
            registry.entry(ServiceKind.PLACEMENT, name);
            fail(name + " resolved before the plugin was dropped in / after it was removed");
        } catch (UnknownServiceException e) {
            assertTrue(e.getMessage(), !e.known().contains(name));
        }
    }

    /** Runs {@code bsb:<line>} in a Gogo session, as the launcher and the shell do. */
    private String bsb(String line) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                CommandSession session = commands.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            session.execute("bsb:" + line);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
