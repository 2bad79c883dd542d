package org.bsb.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** Felix with the distribution's bundles, FileInstall watching {@code plugins/}. */
final class EmbeddedFramework {
    /** Bundles of the interactive shell, started only for {@code bsb shell}. */
    private static final List<String> SHELL_BUNDLES = List.of("org.apache.felix.gogo.jline", "org.jline");

    private final Distribution distribution;
    private final int verbosity;
    private final PrintStream err;
    private final Path cache;
    private Framework framework;

    EmbeddedFramework(Distribution distribution, int verbosity, PrintStream err) {
        this.distribution = distribution;
        this.verbosity = verbosity;
        this.err = err;
        try {
            // A private cache per process: several bsb commands may run at once.
            this.cache = Files.createTempDirectory("bsb-felix-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BundleContext start(boolean shell) throws BundleException, IOException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.log.level", verbosity >= 4 ? "4" : "1");
        config.put("felix.fileinstall.dir", distribution.plugins().toString());
        config.put("felix.fileinstall.poll", "500");
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.log.level", verbosity >= 2 ? "3" : "1");
        config.put("felix.fileinstall.bundles.new.start", "true");
        // Only jars, and no hidden file: a tool writing a jar atomically (bsb mechanisms bundle) writes a hidden
        // temporary file beside it first, which must not be installed half-written.
        config.put("felix.fileinstall.filter", "[^.].*\\.jar");
        config.put("org.slf4j.simpleLogger.defaultLogLevel", verbosity >= 4 ? "info" : "warn");
        config.put("gosh.home", distribution.home().toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbosity >= 4 ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // jHDF warns on every write ("alpha") and on reading its own string attributes: harmless
        // (stack-notes §5), so only shown from verbosity 4.
        if (System.getProperty("org.slf4j.simpleLogger.log.io.jhdf") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", verbosity >= 4 ? "info" : "error");
        }
        // The telnet/ssh consoles are never started: the shell is local only.
        FrameworkFactory factory =
                ServiceLoader.load(FrameworkFactory.class).iterator().next();
        framework = factory.newFramework(config);
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : bundleJars()) {
            String name = symbolicName(jar);
            if (!shell && SHELL_BUNDLES.contains(name)) {
                continue;
            }
            // reference: the framework reads the jar in place instead of copying it into its cache
            installed.add(context.installBundle("reference:" + jar.toUri()));
        }
        framework.start();
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    err.println("bsb: bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
                }
            }
        }
        return context;
    }

    private List<Path> bundleJars() throws IOException {
        try (Stream<Path> files = Files.list(distribution.bundles())) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String symbolicName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String value =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return value == null ? "" : value.split(";")[0].trim();
        }
    }

    /**
     * Waits until the {@code bsb} commands are registered and the bundles dropped into
     * {@code plugins/} before start are active, then until the service registry settles, so
     * a command sees every strategy that was installed when it started.
     */
    void awaitReady(BundleContext context, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline && !commandsRegistered(context)) {
            Thread.sleep(10);
        }
        while (System.currentTimeMillis() < deadline && !pluginsActive(context)) {
            Thread.sleep(20);
        }
        int last = -1;
        long stableSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            int now = serviceCount(context);
            if (now != last) {
                last = now;
                stableSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - stableSince >= 100) {
                return;
            }
            Thread.sleep(10);
        }
    }

    private static boolean commandsRegistered(BundleContext context) {
        try {
            return context.getServiceReferences((String) null, "(osgi.command.scope=bsb)") != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean pluginsActive(BundleContext context) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(distribution.plugins())) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        } catch (IOException e) {
            return true;
        }
        for (Path jar : jars) {
            boolean active = false;
            for (Bundle b : context.getBundles()) {
                if (b.getLocation().endsWith(jar.getFileName().toString()) && b.getState() == Bundle.ACTIVE) {
                    active = true;
                }
            }
            if (!active) {
                return false;
            }
        }
        return true;
    }

    private static int serviceCount(BundleContext context) {
        try {
            ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
            return all == null ? 0 : all.length;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    Framework framework() {
        return framework;
    }

    void stop() {
        try {
            if (framework != null) {
                framework.stop();
                framework.waitForStop(10_000);
            }
        } catch (BundleException | InterruptedException e) {
            // exiting anyway
        } finally {
            deleteCache();
        }
    }

    private void deleteCache() {
        try (Stream<Path> files = Files.walk(cache)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
