package org.bsb.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution ({@code target/dist}, made in the package phase) run as the user runs
 * it, {@code bin/bsb ...} in a child process: exit statuses, output, the piped shell.
 */
class LauncherProcessIT {
    private static final Path DIST =
            Path.of(System.getProperty("bsb.dist", "target/dist")).toAbsolutePath();

    record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run bsb(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return bsbIn(null, stdin, env, args);
    }

    /** {@code bin/bsb args} run in {@code workingDirectory} (null: this process's). */
    static Run bsbIn(Path workingDirectory, String stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DIST.resolve("bin/bsb").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().remove("BSB_VERBOSITY");
        builder.environment().remove("BSB_PLUGINS");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("bsb-out", ".txt");
        Path err = Files.createTempFile("bsb-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bsb " + String.join(" ", args) + " did not end within 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Run bsb(String... args) throws IOException, InterruptedException {
        return bsb(null, Map.of(), args);
    }

    @Test
    void strategiesSucceedsAndListsEveryKind() throws Exception {
        Run run = bsb("strategies");
        assertEquals(0, run.status(), run.all());
        for (String heading : List.of(
                "Placement strategies:",
                "Connection strategies:",
                "Storage engines:",
                "Simulator backends:",
                "Config formats:",
                "Morphology parsers:")) {
            assertTrue(run.out().contains(heading), heading + " missing from:\n" + run.out());
        }
        assertEquals("", run.err(), "a successful run prints nothing on stderr");
    }

    private static Run help;

    /** {@code bsb --help}, run once for the tests that read it. */
    static synchronized Run help() throws IOException, InterruptedException {
        if (help == null) {
            help = bsb("--help");
        }
        return help;
    }

    @Test
    void helpAndVersionSucceed() throws Exception {
        Run help = help();
        assertEquals(0, help.status(), help.all());
        assertTrue(help.out().contains("strategies"), help.out());
        Run noArgs = bsb();
        assertEquals(0, noArgs.status(), noArgs.all());
        assertEquals(help.out(), noArgs.out());
        Run version = bsb("--version");
        assertEquals(0, version.status(), version.all());
        assertTrue(version.out().startsWith("BSB for Java "), version.out());
    }

    @Test
    void helpListsTheCommandsOfOtherBundlesWithTheBuiltInOnes() throws Exception {
        String out = help().out();
        // plot and mechanisms are command services of their own bundles, dispatched as the built-in commands
        for (String command : new String[] {"check", "compile", "mechanisms", "plot", "simulate", "strategies"}) {
            assertTrue(out.lines().anyMatch(line -> line.startsWith("  " + command + " ")), command + " in:\n" + out);
        }
        // nmodl is a shell function of the nmodl bundle, not a command
        assertTrue(out.contains("Commands of other bundles (bsb <command> --help): nmodl"), out);
    }

    @Test
    void mechanismsBundleIsZeroOrOneWithTheBrokenFileNamed(@TempDir Path dir) throws Exception {
        Path mods = Files.createDirectories(dir.resolve("lab mods"));
        Files.writeString(
                mods.resolve("leak.mod"),
                "NEURON { SUFFIX lab_leak NONSPECIFIC_CURRENT i RANGE g, e }\n"
                        + "PARAMETER { g = 0.001 (S/cm2) e = -70 (mV) }\nASSIGNED { v (mV) i (mA/cm2) }\n"
                        + "BREAKPOINT { i = g * (v - e) }\n");
        Run ok = bsb("mechanisms", "bundle", mods.toString(), "-o", dir.toString());
        assertEquals(0, ok.status(), ok.all());
        Path jar = dir.resolve("lab_mods-1.0.0.jar");
        assertTrue(ok.out().contains("Wrote " + jar + ": bundle lab_mods 1.0.0, BSB-Mechanisms: mechanisms"), ok.all());
        assertTrue(Files.isRegularFile(jar));
        Files.writeString(mods.resolve("broken.mod"), "NEURON { SUFFIX broken }\nBREAKPOINT { x = }\n");
        Run bad = bsb(
                "mechanisms",
                "bundle",
                mods.toString(),
                "-o",
                dir.resolve("other.jar").toString());
        assertEquals(1, bad.status(), bad.all());
        assertTrue(bad.err().contains(mods.resolve("broken.mod") + ":2:18: "), bad.err());
        assertFalse(Files.exists(dir.resolve("other.jar")));
    }

    @Test
    void anUnknownCommandIsTwo() throws Exception {
        Run run = bsb("strategys");
        assertEquals(2, run.status(), run.all());
        assertEquals("bsb: unknown command 'strategys'. Run 'bsb --help' for the list of commands.\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownOptionIsTwo() throws Exception {
        Run run = bsb("strategies", "--no-such-option");
        assertEquals(2, run.status(), run.all());
        assertTrue(run.err().contains("--no-such-option"), run.err());
    }

    @Test
    void aFailingCommandIsOne() throws Exception {
        // a config file that does not exist: the command runs and fails
        Run run = bsb("compile", "/no/such/dir/network.json");
        assertEquals(1, run.status(), run.all());
        assertTrue(run.err().contains("/no/such/dir/network.json"), "the error names the file:\n" + run.err());
        assertFalse(run.err().contains("\tat "), "a stack trace reached the user:\n" + run.err());
    }

    @Test
    void aBrokenDistributionSaysWhatIsMissing(@TempDir Path empty) throws Exception {
        Run run = bsb(null, Map.of("BSB_JAVA_OPTS", "-Dbsb.home=" + empty), "strategies");
        assertEquals(70, run.status(), run.all());
        assertTrue(run.err().startsWith("bsb: no bundles folder at " + empty.resolve("bundles")), run.err());
    }

    @Test
    void theShellRunsPipedCommandsAndExitsAtEndOfInput() throws Exception {
        Run run = bsb("bsb:strategies\n", Map.of(), "shell");
        assertEquals(0, run.status(), run.all());
        assertTrue(run.out().contains("Placement strategies:"), run.all());
    }

    @Test
    void theShellIsLocalOnly() throws Exception {
        // gogo.jline's profile mentions telnetd/sshd completions: the commands themselves must not exist.
        Run run = bsb("telnetd start\nsshd start\n", Map.of(), "shell");
        assertEquals(0, run.status(), run.all());
        assertTrue(run.all().contains("Command not found: telnetd"), run.all());
        assertTrue(run.all().contains("Command not found: sshd"), run.all());
    }
}
