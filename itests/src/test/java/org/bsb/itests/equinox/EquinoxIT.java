package org.bsb.itests.equinox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bsb.itests.ItBundles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundles are portable: Eclipse Equinox (from Maven Central) with the same bundles — Felix
 * SCR, Gogo, FileInstall and ours — resolves every service by name and hot-plugs the fixture.
 * Equinox boots in a child JVM whose class path holds only Equinox and {@link EquinoxCheck}, so
 * it cannot pick up Felix (which Pax Exam needs on this JVM's class path). One dynamic test per
 * check the child reports.
 */
class EquinoxIT {
    private static final List<String> CHECKS = List.of(
            "framework",
            "every bundle starts",
            "the Registry service",
            "every built-in service resolves by each of its names",
            "a plugin dropped in while running resolves by name",
            "an unknown name gives the known names and a suggestion",
            "bsb:strategies in Gogo lists the plugin",
            "the plugin goes when its file is deleted");

    @TestFactory
    List<DynamicTest> equinoxRunsTheDistribution() throws Exception {
        Path equinox = Path.of(System.getProperty("bsb.it.equinox"));
        String classPath = equinox
                + File.pathSeparator
                + Path.of(EquinoxCheck.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath,
                        EquinoxCheck.class.getName(),
                        ItBundles.bundlesDir().toString(),
                        ItBundles.fixtureJar().toString(),
                        ItBundles.workDir("equinox").toString())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Equinox did not finish within 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // kept out of the test JVM's stdout (failsafe's channel); the assertions quote it when they fail
        java.nio.file.Files.writeString(ItBundles.workDir("equinox-output").resolve("output.txt"), output);
        List<DynamicTest> tests = new ArrayList<>();
        for (String check : CHECKS) {
            tests.add(DynamicTest.dynamicTest(check, () -> {
                String line = output.lines()
                        .filter(l -> l.matches("(PASS|FAIL) " + java.util.regex.Pattern.quote(check) + ":.*"))
                        .findFirst()
                        .orElse(null);
                assertTrue(line != null, "check '" + check + "' did not run; Equinox said:\n" + output);
                assertTrue(line.startsWith("PASS "), line + "\n\nwhole output:\n" + output);
            }));
        }
        int exit = process.exitValue();
        tests.add(DynamicTest.dynamicTest("exit status", () -> assertEquals(0, exit, output)));
        return tests;
    }
}
