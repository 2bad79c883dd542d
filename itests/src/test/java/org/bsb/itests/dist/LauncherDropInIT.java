package org.bsb.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bsb.core.registry.ServiceKind;
import org.bsb.itests.ItBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The third-party bundle through the real launcher: a temporary copy of the distribution, with
 * BSB_PLUGINS naming a temporary folder. Dropped in before start, {@code bsb strategies} lists
 * it; dropped in and removed while {@code bsb shell} runs, the listing follows.
 */
class LauncherDropInIT {
    private static final String GRID_LINE = "lab.placement.GridPlacement, grid_placement   [lab.placement.grid 1.0.0]";
    private static Path dist;
    /** {@code bsb strategies} lists the kinds in the enum's order: "Morphology parsers:" comes last. */
    private static final String LAST_HEADING = heading(ServiceKind.values()[ServiceKind.values().length - 1]);

    private static String heading(ServiceKind kind) {
        return Character.toUpperCase(kind.plural().charAt(0)) + kind.plural().substring(1) + ":";
    }

    @BeforeAll
    static void copyDistribution() throws IOException {
        dist = ItBundles.workDir("dist-copy");
        Path source = ItBundles.dist();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = dist.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static ProcessBuilder bsb(Path plugins, String... args) {
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/bsb").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BSB_PLUGINS", plugins.toString());
        builder.environment().remove("BSB_VERBOSITY");
        return builder;
    }

    private static String run(Path plugins, String... args) throws Exception {
        Process process = bsb(plugins, args).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void aPluginInBsbPluginsBeforeStartIsListed() throws Exception {
        Path plugins = ItBundles.workDir("launcher-plugins-before");
        assertFalse(run(plugins, "strategies").contains("grid_placement"));
        Files.copy(ItBundles.fixtureJar(), plugins.resolve("lab-grid.jar"));
        String listing = run(plugins, "strategies");
        assertTrue(listing.contains(GRID_LINE), listing);
        assertFalse(
                Files.list(dist.resolve("plugins")).anyMatch(p -> p.toString().endsWith(".jar")),
                "BSB_PLUGINS replaces the distribution's plugins/ folder");
    }

    @Test
    void aPluginComesAndGoesWhileTheShellRuns() throws Exception {
        Path plugins = ItBundles.workDir("launcher-plugins-live");
        Process shell = bsb(plugins, "shell").start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> copy(shell.getInputStream(), output));
        reader.start();
        try (OutputStream stdin = shell.getOutputStream()) {
            assertTrue(
                    poll(
                            stdin,
                            output,
                            text -> text.contains("Placement strategies:") && !text.contains("grid_placement")),
                    "the shell did not list the strategies:\n" + output);
            Path dropped = Files.copy(ItBundles.fixtureJar(), plugins.resolve("lab-grid.jar"));
            assertTrue(poll(stdin, output, text -> text.contains(GRID_LINE)), "the plugin was not listed:\n" + output);
            Files.delete(dropped);
            assertTrue(
                    poll(
                            stdin,
                            output,
                            text -> text.contains("Placement strategies:") && !text.contains("grid_placement")),
                    "the plugin was still listed after its file was deleted:\n" + output);
        }
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "the shell did not stop at the end of its input");
        reader.join(5_000);
        assertEquals(0, shell.exitValue(), output.toString());
    }

    /** Runs bsb:strategies every 300 ms until the output of one run satisfies the condition (20 s at most). */
    private static boolean poll(OutputStream stdin, StringBuffer output, java.util.function.Predicate<String> condition)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            int mark = output.length();
            stdin.write("bsb:strategies\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            Thread.sleep(300);
            // one listing ends with the last kind's heading and its entries; wait for it
            long listed = System.currentTimeMillis() + 5_000;
            while (!output.substring(mark).contains(LAST_HEADING) && System.currentTimeMillis() < listed) {
                Thread.sleep(50);
            }
            Thread.sleep(50);
            if (condition.test(output.substring(mark))) {
                return true;
            }
        }
        return false;
    }

    private static void copy(InputStream in, StringBuffer out) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("[read failed: ").append(e.getMessage()).append(']');
        }
    }
}
