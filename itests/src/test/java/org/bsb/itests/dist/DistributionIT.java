package org.bsb.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import org.bsb.itests.ItBundles;
import org.junit.jupiter.api.Test;

/** Static checks of the distribution's bundles: portable (no framework internals), shell local only. */
class DistributionIT {
    /** Remote consoles of Felix, Equinox, Karaf and Apache MINA SSHD, by symbolic name. */
    private static final Pattern REMOTE_SHELL = Pattern.compile(
            "(?i).*(shell\\.remote|telnet|sshd|\\.ssh\\b|console\\.ssh|console\\.telnet|karaf\\.shell\\.ssh|remoteshell).*");

    @Test
    void noRemoteShellBundleIsShipped() {
        List<String> remote = new ArrayList<>();
        for (Path jar : ItBundles.jars()) {
            String name = ItBundles.symbolicName(jar);
            if (REMOTE_SHELL.matcher(name).matches()
                    || REMOTE_SHELL.matcher(jar.getFileName().toString()).matches()) {
                remote.add(name + " (" + jar.getFileName() + ")");
            }
            // jline's all-in-one bundle carries an ssh shell factory: it needs Apache SSHD, which must not be there.
            for (String clause : Headers.clauses(ItBundles.manifest(jar).getValue("Export-Package"))) {
                for (String p : Headers.names(clause)) {
                    if (p.startsWith("org.apache.sshd")) {
                        remote.add(name + " exports " + p);
                    }
                }
            }
        }
        assertTrue(remote.isEmpty(), "remote shell bundles in the distribution: " + remote);
    }

    @Test
    void theRemoteShellPatternRecognisesTheKnownConsoles() {
        for (String name : List.of(
                "org.apache.felix.shell.remote",
                "org.eclipse.equinox.console.ssh",
                "org.apache.karaf.shell.ssh",
                "org.apache.sshd.osgi",
                "org.apache.felix.gogo.telnet")) {
            assertTrue(REMOTE_SHELL.matcher(name).matches(), name);
        }
        for (String name :
                List.of("org.apache.felix.gogo.jline", "org.jline", "org.bsb.core", "org.apache.felix.gogo.shell")) {
            assertFalse(REMOTE_SHELL.matcher(name).matches(), name);
        }
    }

    /**
     * Our bundles run in any R7+ framework: they import only specified packages. Gogo's command API
     * ({@code org.apache.felix.service.*}) is allowed: it is a bundle that runs on Equinox too
     * (EquinoxIT); the Felix framework's own packages and Require-Bundle are not.
     */
    @Test
    void ourBundlesDependOnNoFrameworkInternals() {
        List<String> problems = new ArrayList<>();
        int ours = 0;
        for (Path jar : ItBundles.jars()) {
            String name = ItBundles.symbolicName(jar);
            if (!name.startsWith("org.bsb.")) {
                continue;
            }
            ours++;
            Attributes manifest = ItBundles.manifest(jar);
            for (String clause : Headers.clauses(manifest.getValue("Import-Package"))) {
                for (String p : Headers.names(clause)) {
                    if ((p.startsWith("org.apache.felix.") && !p.startsWith("org.apache.felix.service."))
                            || p.startsWith("org.eclipse.osgi.")
                            || p.startsWith("org.eclipse.equinox.")) {
                        problems.add(name + " imports " + p);
                    }
                }
            }
            for (String header : List.of("Require-Bundle", "Fragment-Host")) {
                if (manifest.getValue(header) != null) {
                    problems.add(name + " has " + header + ": " + manifest.getValue(header));
                }
            }
            String dynamic = manifest.getValue("DynamicImport-Package");
            if (dynamic != null) {
                problems.add(name + " has DynamicImport-Package: " + dynamic);
            }
        }
        assertTrue(ours >= 2, "expected at least org.bsb.api and org.bsb.core in " + ItBundles.bundlesDir());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theExamplePluginImportsOnlyJavaAndTheApi() {
        Attributes manifest = ItBundles.manifest(ItBundles.fixtureJar());
        assertEquals("lab.placement.grid", manifest.getValue("Bundle-SymbolicName"));
        List<String> imports = new ArrayList<>();
        for (String clause : Headers.clauses(manifest.getValue("Import-Package"))) {
            imports.addAll(Headers.names(clause));
        }
        assertTrue(imports.contains("org.bsb.api.placement"), imports.toString());
        for (String p : imports) {
            assertTrue(p.startsWith("java.") || p.startsWith("org.bsb.api"), "the example plugin imports " + p);
        }
    }

    @Test
    void headersSplitAtCommasOutsideQuotes() {
        assertEquals(
                List.of("a;version=\"[1,2)\"", "b.c;d;resolution:=optional"),
                Headers.clauses("a;version=\"[1,2)\",b.c;d;resolution:=optional"));
        assertEquals(List.of("b.c", "d"), Headers.names("b.c;d;resolution:=optional"));
    }
}
