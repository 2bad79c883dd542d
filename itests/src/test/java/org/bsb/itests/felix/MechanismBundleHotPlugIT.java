package org.bsb.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.bsb.itests.ItBundles;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.testsupport.ProjectPaths;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A catalogue of mod files packed by {@code bsb:mechanisms bundle} (the shell command of the nmodl bundle) straight
 * into the folder FileInstall watches: while the framework runs, a {@link MechanismCatalogue} service of the
 * bundle appears and provides the mechanism by name, a new version of the jar replaces it, deleting the jar removes
 * it. The mechanism is our own AMPA.mod renamed {@code lab_syn}, so no other catalogue (the adapter embeds AMPA as
 * a fallback) can answer for it. A folder with a broken file is refused naming the file; a hand-made bundle with one
 * is logged naming the bundle, its jar and the file, and gets no catalogue.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MechanismBundleHotPlugIT {
    private static final long TIMEOUT = 15_000;
    private static final String BSN = "lab.synapses";

    @Inject
    BundleContext context;

    @Inject
    CommandProcessor commands;

    /** The tutorial's mod files: found by the driver, which passes the folder on (test-support is no bundle). */
    private static final String MODS = "bsb.it.tutorial.mechanisms";

    @Configuration
    public Option[] config() {
        Option[] options = PaxConfig.distribution("mechanisms", ItBundles.workDir("felix-mechanism-plugins"));
        Option[] withMods = Arrays.copyOf(options, options.length + 1);
        withMods[options.length] = systemProperty(MODS)
                .value(ProjectPaths.tutorial().resolve("mechanisms").toString());
        return withMods;
    }

    /** Our own mod file of the examples, its POINT_PROCESS renamed. */
    private static void renamedCopy(String file, String from, String to, Path dir) throws IOException {
        Path source = Path.of(System.getProperty(MODS)).resolve(file);
        String text = Files.readString(source);
        assertTrue(source + " defines " + from, text.contains("POINT_PROCESS " + from + "\n"));
        Files.writeString(
                dir.resolve(to + ".mod"), text.replace("POINT_PROCESS " + from + "\n", "POINT_PROCESS " + to + "\n"));
    }

    @Test
    public void aPackedCatalogueDroppedInProvidesItsMechanismUntilItsFileIsDeleted() throws Exception {
        Path plugins = Path.of(System.getProperty("bsb.it.plugins"));
        Path mods = ItBundles.workDir("lab-synapses");
        renamedCopy("AMPA.mod", "AMPA", "lab_syn", mods);
        Files.writeString(mods.resolve("README"), "lab_syn: BSB for Java's AMPA.mod, renamed for a test\n");
        assertTrue(
                "lab_syn is provided before the bundle is there",
                provider("lab_syn").isEmpty());

        Path jar = plugins.resolve("lab-synapses.jar");
        String output = bsb("mechanisms", "bundle", mods.toString(), "-o", jar.toString(), "--name", BSN);
        assertTrue(output, output.contains("Wrote " + jar + ": bundle lab.synapses 1.0.0, BSB-Mechanisms: mechanisms"));
        assertTrue(output, output.contains("also copied from beside them: README"));

        assertTrue(
                "no catalogue of " + BSN + " provides lab_syn within " + TIMEOUT + " ms of writing " + jar,
                Frameworks.await(TIMEOUT, () -> provider("lab_syn").isPresent()));
        ServiceReference<MechanismCatalogue> ref = provider("lab_syn").orElseThrow();
        assertEquals("bundle:" + BSN, ref.getProperty("catalogue.name"));
        assertEquals("installed", ref.getProperty("catalogue.precedence"));
        assertEquals(
                "registered by the nmodl bundle's tracker",
                "org.bsb.neuron.nmodl",
                ref.getBundle().getSymbolicName());
        MechanismCatalogue catalogue = context.getService(ref);
        try {
            assertEquals(MechanismCatalogue.Precedence.INSTALLED, catalogue.precedence());
            assertEquals("bundle " + BSN, catalogue.origin());
            MechanismType type = catalogue.find("lab_syn").orElseThrow(); // compiled here, inside the framework
            assertEquals("lab_syn", type.name());
            assertEquals(MechanismKind.POINT_PROCESS, type.kind());
            assertTrue(type.variables().stream().anyMatch(v -> v.name().equals("tau_facil")));
            assertTrue(catalogue.find("AMPA").isEmpty());
        } finally {
            context.ungetService(ref);
        }
        Bundle bundle = installed(BSN).orElseThrow();
        assertEquals("1.0.0", bundle.getVersion().toString());
        assertNotNull(bundle.getEntry("mechanisms/lab_syn.mod"));
        assertNotNull(bundle.getEntry("mechanisms/README"));

        // a new version of the catalogue, written over the dropped jar: the new mechanisms, without a restart
        renamedCopy("GABA.mod", "GABA", "lab_gaba", mods);
        output =
                bsb("mechanisms", "bundle", mods.toString(), "-o", jar.toString(), "--name", BSN, "--version", "1.1.0");
        assertTrue(output, output.contains("Replaced " + jar + ": bundle lab.synapses 1.1.0"));
        assertTrue(
                "lab_gaba did not appear after the update",
                Frameworks.await(
                        TIMEOUT,
                        () -> provider("lab_gaba").isPresent()
                                && provider("lab_syn").isPresent()));
        assertEquals("1.1.0", installed(BSN).orElseThrow().getVersion().toString());
        assertEquals(1, catalogues(BSN).size());

        Files.delete(jar);
        assertTrue(
                "lab_syn is still provided " + TIMEOUT + " ms after deleting " + jar,
                Frameworks.await(
                        TIMEOUT,
                        () -> provider("lab_syn").isEmpty() && catalogues(BSN).isEmpty()));
        assertTrue(
                "the bundle is still installed",
                Frameworks.await(TIMEOUT, () -> installed(BSN).isEmpty()));
    }

    @Test
    public void aBrokenModFileIsRefusedByTheCommandAndNamedWhenABundleCarriesIt() throws Exception {
        Path plugins = Path.of(System.getProperty("bsb.it.plugins"));
        Path mods = ItBundles.workDir("lab-broken");
        renamedCopy("NMDA.mod", "NMDA", "lab_nmda", mods);
        String broken = "NEURON { POINT_PROCESS lab_broken }\nBREAKPOINT { x = }\n";
        Files.writeString(mods.resolve("broken.mod"), broken);

        Path refused = plugins.resolve("lab-broken.jar");
        try {
            bsb("mechanisms", "bundle", mods.toString(), "-o", refused.toString());
            fail("a folder with a broken mod file was packed");
        } catch (CommandFailed e) {
            assertTrue(
                    e.output,
                    e.output.contains("bsb mechanisms bundle: a mod file of " + mods
                            + " cannot be used; nothing written:\n  " + mods.resolve("broken.mod") + ":2:18: "));
        }
        assertFalse(Files.exists(refused));
        try (var files = Files.list(plugins)) {
            assertEquals(
                    "nothing written into " + plugins,
                    List.of(),
                    files.filter(p -> p.getFileName().toString().contains("lab-broken"))
                            .toList());
        }

        // the same files in a bundle made by hand: a warning names the bundle, its jar and the file; no catalogue
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (records) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("org.bsb.neuron.nmodl.catalogue.BundleMechanisms");
        log.addHandler(handler);
        try {
            Path handMade = plugins.getParent().resolve("lab-broken.jar");
            handMadeBundle(handMade, "lab.broken", mods);
            Files.move(handMade, refused);
            String expected =
                    "bundle lab.broken 1.0.0 (" + refused.toUri().toString().replace("file:///", "file:/")
                            + "): its mechanisms cannot be used, none is installed: lab.broken!/mechanisms/broken.mod:2:18: "
                            + "expected an expression";
            assertTrue("no warning naming the bundle and the file", Frameworks.await(TIMEOUT, () -> {
                synchronized (records) {
                    return records.stream().anyMatch(r -> r.getMessage().startsWith(expected));
                }
            }));
            assertTrue(
                    "the bundle itself is installed and started",
                    Frameworks.await(
                            TIMEOUT,
                            () -> installed("lab.broken")
                                    .map(b -> b.getState() == Bundle.ACTIVE)
                                    .orElse(false)));
            synchronized (records) {
                assertEquals(
                        "the warning is given once",
                        1,
                        records.stream()
                                .filter(r -> r.getMessage().startsWith(expected))
                                .count());
            }
            assertTrue(catalogues("lab.broken").isEmpty());
            assertTrue(provider("lab_nmda").isEmpty());
        } finally {
            log.removeHandler(handler);
        }
        Files.delete(refused);
        assertTrue(Frameworks.await(TIMEOUT, () -> installed("lab.broken").isEmpty()));
    }

    /** A bundle of every mod file of {@code mods}, written without the command's checks. */
    private static void handMadeBundle(Path jar, String bsn, Path mods) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("BSB-Mechanisms", "mechanisms");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                var files = Files.list(mods)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("mechanisms/" + f.getFileName()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }

    /** The catalogue service of the given bundle that provides {@code mechanism}, if any. */
    private Optional<ServiceReference<MechanismCatalogue>> provider(String mechanism) {
        for (ServiceReference<MechanismCatalogue> ref : catalogues(null)) {
            MechanismCatalogue c = context.getService(ref);
            try {
                if (c != null && c.find(mechanism).isPresent()) {
                    return Optional.of(ref);
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return Optional.empty();
    }

    /** The catalogue services of bundle {@code bsn} (all of them for null). */
    private List<ServiceReference<MechanismCatalogue>> catalogues(String bsn) {
        try {
            return List.copyOf(context.getServiceReferences(
                    MechanismCatalogue.class, bsn == null ? null : "(catalogue.name=bundle:" + bsn + ")"));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Optional<Bundle> installed(String bsn) {
        return Arrays.stream(context.getBundles())
                .filter(b -> bsn.equals(b.getSymbolicName()))
                .findFirst();
    }

    /** A command that failed, with what it printed. */
    static final class CommandFailed extends Exception {
        private static final long serialVersionUID = 1L;
        final String output;

        CommandFailed(String output, Exception cause) {
            super(output, cause);
            this.output = output;
        }
    }

    /** Runs {@code bsb:<command> args...} in a Gogo session, as the launcher does (each argument quoted). */
    private String bsb(String command, String... args) throws Exception {
        StringBuilder line = new StringBuilder("bsb:").append(command);
        for (String arg : args) {
            line.append(" \"")
                    .append(arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$"))
                    .append('"');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
                CommandSession session = commands.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            try {
                session.execute(line.toString());
            } catch (Exception e) {
                print.flush();
                throw new CommandFailed(out.toString(StandardCharsets.UTF_8), e);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
