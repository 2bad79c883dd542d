package org.bsb.itests.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bsb.itests.ItBundles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bundle alone adds a command: {@code lab.command.hello} (itests-fixture-command, one BsbCommand component,
 * depending on the api only) dropped into the plugins folder of a copy of the real distribution. {@code bin/bsb}
 * lists it in {@code --help} and runs it, with its exit status, and the Felix shell runs it as {@code bsb:hello};
 * both go through the dispatch the built-in commands use (the commands bundle's ShellFunctions).
 */
class CommandPlugInIT {
    private static Path dist;

    @BeforeAll
    static void copyDistribution() throws IOException {
        dist = ItBundles.workDir("dist-copy-command");
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

    private record Run(int status, String out, String err) {}

    private static Run bsb(Path plugins, Path workingDirectory, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/bsb").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("BSB_PLUGINS", plugins.toString());
        builder.environment().remove("BSB_VERBOSITY");
        Path out = Files.createTempFile(workingDirectory, "out", ".txt");
        Path err = Files.createTempFile(workingDirectory, "err", ".txt");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bsb " + String.join(" ", args) + " did not end");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aDroppedInBundleAddsACommandToTheListingAndTheDispatch() throws Exception {
        Path plugins = ItBundles.workDir("command-plugins");
        Path work = ItBundles.workDir("command-work");
        Run before = bsb(plugins, work, "", "--help");
        assertEquals(0, before.status(), before.err());
        assertFalse(before.out().contains("hello"), before.out());

        Files.copy(ItBundles.commandFixtureJar(), plugins.resolve("lab-hello.jar"));
        Run help = bsb(plugins, work, "", "--help");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().lines().anyMatch(l -> l.startsWith("  hello ") && l.contains("Greet")), help.out());

        Run hello = bsb(plugins, work, "", "hello", "lab", "members");
        assertEquals(0, hello.status(), hello.err());
        assertEquals("hello, lab members (from " + work + ")", hello.out().strip());

        Run failing = bsb(plugins, work, "", "hello", "--fail", "3");
        assertEquals(3, failing.status(), failing.out() + failing.err());
        assertTrue(failing.err().contains("bsb hello: failing as asked"), failing.err());
    }

    @Test
    void theFelixShellRunsTheAddedCommandAsABsbFunction() throws Exception {
        Path plugins = ItBundles.workDir("command-plugins-shell");
        Path work = ItBundles.workDir("command-work-shell");
        Files.copy(ItBundles.commandFixtureJar(), plugins.resolve("lab-hello.jar"));
        List<String> command = List.of(dist.resolve("bin/bsb").toString(), "shell");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("BSB_PLUGINS", plugins.toString());
        Process shell = builder.start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("[read failed: ").append(e.getMessage()).append(']');
            }
        });
        reader.start();
        // FileInstall installs the plugin while the shell runs: ask until the function answers (20 s at most)
        String expected = "hello, shell (from " + work + ")";
        try (var stdin = shell.getOutputStream()) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && !output.toString().contains(expected)) {
                stdin.write("bsb:hello shell\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                Thread.sleep(500);
            }
        }
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "the shell did not stop at the end of its input");
        reader.join(5_000);
        assertTrue(output.toString().contains(expected), output.toString());
    }
}
