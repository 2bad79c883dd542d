package org.bsb.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bsb.testsupport.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command walked with hostile inputs of each family, through the real {@code bin/bsb} as a user runs it:
 * each is refused (exit status 1 or 2) with a message that names the file or config path and says what is
 * wrong, no Java exception class name or bare index reaches the user at default verbosity, and nothing is
 * damaged (the network file's bytes are unchanged). {@code -v 4} adds the stack trace.
 */
class HostileInputsIT {
    /** Internal text: a Java class name, an exception's simple name, a bare index, a JDK message. */
    static final Pattern INTERNAL = Pattern.compile("\\b(java|javax|jdk|sun)\\.[a-z]+\\.|\\b\\w+(Exception|Error)\\b"
            + "|Index:? -?\\d+|\\bIndex \\d+ out of bounds|arraycopy|\\bnull\\b(?! *[a-z])");

    static final Path EXAMPLE = ProjectPaths.tutorial();

    @TempDir
    static Path dir;

    static Path project;
    static byte[] networkDigest;

    /** The tutorial project, compiled once (seed 1). */
    @BeforeAll
    static void compileTheTutorial() throws Exception {
        project = Files.createDirectories(dir.resolve("tutorial"));
        copyProject(project);
        LauncherProcessIT.Run run = LauncherProcessIT.bsb(
                "compile",
                "--clear",
                "--seed",
                "1",
                project.resolve("neuron-simulation.yaml").toString());
        assertEquals(0, run.status(), run.all());
        networkDigest = sha256(project.resolve("my_network.hdf5"));
    }

    static void copyProject(Path to) throws IOException {
        Files.createDirectories(to.resolve("data"));
        Files.copy(EXAMPLE.resolve("neuron-simulation.yaml"), to.resolve("neuron-simulation.yaml"));
        try (Stream<Path> data = Files.list(EXAMPLE.resolve("data"))) {
            for (Path f : data.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve("data").resolve(f.getFileName()));
            }
        }
    }

    static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    /** Runs a hostile command: refused, saying {@code expected}, without internals; returns the output. */
    static String refused(String expected, String... args) throws Exception {
        LauncherProcessIT.Run run = LauncherProcessIT.bsb(args);
        String what = "bsb " + String.join(" ", args) + ":\n" + run.all();
        assertNotEquals(0, run.status(), what);
        assertTrue(run.all().contains(expected), "expected '" + expected + "' in " + what);
        assertFalse(INTERNAL.matcher(run.all()).find(), "internal text in " + what);
        return run.all();
    }

    /** The tutorial's config with replacements (pairs of from, to), written to {@code folder/name}. */
    static Path config(Path folder, String name, String... fromTo) throws IOException {
        Path file = folder.resolve(name);
        String text = Files.readString(project.resolve("neuron-simulation.yaml"));
        for (int k = 0; k < fromTo.length; k += 2) {
            assertTrue(text.contains(fromTo[k]), fromTo[k]);
            text = text.replace(fromTo[k], fromTo[k + 1]);
        }
        Files.writeString(file, text);
        return file;
    }

    // ---- configs ------------------------------------------------------------------------------------

    @Test
    void configsThatCannotBeBuiltOrHeld() throws Exception {
        Path p = Files.createDirectories(dir.resolve("configs"));
        copyProject(p);
        refused(
                "cell_types.stellate_cell.spatial.count",
                "compile",
                config(p, "count.yaml", "density: 0.000005", "count: 1e12").toString());
        refused(
                "a whole number of at most 2147483647",
                "compile",
                config(p, "count2.yaml", "density: 0.000005", "count: 3000000000")
                        .toString());
        refused(
                "placement would make about 1.5e+09 cells",
                "compile",
                config(
                                p,
                                "big.yaml",
                                "  x: 100\n  y: 200",
                                "  x: 100000\n  y: 100000",
                                "density: 0.000005",
                                "density: 0.0005")
                        .toString());
        assertFalse(Files.exists(p.resolve("my_network.hdf5")), "nothing written by refused compiles");
        Files.createDirectories(p.resolve("dir-swc/data/StellateCell.swc"));
        Files.copy(p.resolve("neuron-simulation.yaml"), p.resolve("dir-swc/n.yaml"));
        refused("is a directory", "compile", p.resolve("dir-swc/n.yaml").toString());
        Files.createDirectories(p.resolve("bin-swc/data"));
        byte[] noise = new byte[3000];
        new java.util.Random(3).nextBytes(noise);
        Files.write(p.resolve("bin-swc/data/StellateCell.swc"), noise);
        Files.copy(p.resolve("neuron-simulation.yaml"), p.resolve("bin-swc/n.yaml"));
        String binary = refused(
                "not a text SWC file", "compile", p.resolve("bin-swc/n.yaml").toString());
        assertTrue(binary.length() < 2000, "the binary file is not echoed:\n" + binary);
    }

    /** The tutorial compiled with a 20 s duration: its recordings alone need far more than a 64 MB heap. */
    static synchronized Path longRun() throws Exception {
        Path p = dir.resolve("long");
        if (!Files.exists(p.resolve("my_network.hdf5"))) {
            copyProject(Files.createDirectories(p));
            Path config = config(p, "long.yaml", "duration: 100", "duration: 20000");
            LauncherProcessIT.Run run = LauncherProcessIT.bsb("compile", "--clear", "--seed", "1", config.toString());
            assertEquals(0, run.status(), run.all());
        }
        return p;
    }

    @Test
    void simulationsThatCannotRun() throws Exception {
        Path network = project.resolve("my_network.hdf5");
        Path out = dir.resolve("sim-out");
        refused("simulation 'nope'", "simulate", network.toString(), "nope", "-o", out.toString());
        refused(
                "--threads must be at least 1, got -1",
                "simulate",
                network.toString(),
                "neuronsim",
                "-o",
                out.toString(),
                "--threads",
                "-1");
        refused(
                project.resolve("data") + " is a directory",
                "simulate",
                project.resolve("data").toString(),
                "neuronsim",
                "-o",
                out.toString());
        refused(
                project.resolve("data") + " is a directory",
                "inspect",
                project.resolve("data").toString());
        refused(
                project.resolve("data") + " is a directory",
                "plot",
                project.resolve("data").toString());
        assertArrayEquals(networkDigest, sha256(network), "the network file is untouched");
        // a heap too small for the run: refused before it starts, saying what it needs and how to give it
        Path p = longRun();
        byte[] before = sha256(p.resolve("my_network.hdf5"));
        LauncherProcessIT.Run run = LauncherProcessIT.bsbIn(
                p, null, Map.of("BSB_JAVA_OPTS", "-Xmx64m"), "simulate", "my_network.hdf5", "neuronsim", "-o", "out");
        assertEquals(1, run.status(), run.all());
        assertTrue(
                run.err().contains("this simulation needs about")
                        && run.err().contains("recorded signals of 800001" + " samples")
                        && run.err().contains("BSB_JAVA_OPTS=-Xmx"),
                run.all());
        assertFalse(INTERNAL.matcher(run.all()).find(), run.all());
        assertFalse(
                Files.exists(p.resolve("out"))
                        && Files.list(p.resolve("out")).findAny().isPresent(),
                "no results file");
        assertArrayEquals(before, sha256(p.resolve("my_network.hdf5")), "the network file is untouched");
    }

    @Test
    void aStackTraceOnlyAtVerbosity4() throws Exception {
        Path p = longRun();
        Map<String, String> small = Map.of("BSB_JAVA_OPTS", "-Xmx64m");
        LauncherProcessIT.Run quiet =
                LauncherProcessIT.bsbIn(p, null, small, "simulate", "my_network.hdf5", "neuronsim", "-o", "v");
        LauncherProcessIT.Run loud = LauncherProcessIT.bsbIn(
                p, null, small, "simulate", "my_network.hdf5", "neuronsim", "-o", "v", "-v", "4");
        assertEquals(1, quiet.status(), quiet.all());
        assertFalse(quiet.err().contains("\tat "), quiet.err());
        assertTrue(loud.err().contains("\tat org.bsb."), loud.err());
    }

    // ---- stored networks -------------------------------------------------------------------------------

    @Test
    void reconfigureRefusesConfigsThatCannotRunAndLeavesTheNetworkAsItWas() throws Exception {
        Path network = project.resolve("my_network.hdf5");
        LauncherProcessIT.Run ok = LauncherProcessIT.bsb("check", network.toString());
        assertEquals(0, ok.status(), ok.all());
        assertTrue(ok.out().contains("ok ("), ok.all());
        Path p = Files.createDirectories(dir.resolve("reconfigure"));
        String[][] bad = {
            {"resolution: 0.025", "resolution: 0", "simulations.neuronsim.resolution"},
            {"duration: 100", "duration: -100", "simulations.neuronsim.duration"},
            {"duration: 100", "duration: abc", "simulations.neuronsim.duration"}
        };
        for (int k = 0; k < bad.length; k++) {
            Path config = config(p, "bad" + k + ".yaml", bad[k][0], bad[k][1]);
            refused(bad[k][2], "reconfigure", network.toString(), config.toString());
            assertArrayEquals(networkDigest, sha256(network), "the network file is untouched by " + bad[k][1]);
        }
        Files.writeString(p.resolve("broken.hdf5"), "HDF but not really\n");
        refused("broken.hdf5", "check", p.resolve("broken.hdf5").toString());
        refused("broken.hdf5", "inspect", p.resolve("broken.hdf5").toString());
    }

    // ---- results files ---------------------------------------------------------------------------------

    @Test
    void resultsFilesThatAreNotResults() throws Exception {
        Path p = Files.createDirectories(dir.resolve("results"));
        Files.write(
                p.resolve("truncated.h5"),
                java.util.Arrays.copyOf(Files.readAllBytes(project.resolve("my_network.hdf5")), 4096));
        refused(
                "truncated.h5",
                "plot",
                p.resolve("truncated.h5").toString(),
                "-o",
                p.resolve("plots").toString());
        Files.writeString(p.resolve("text.nio"), "not hdf5\n");
        refused(
                "text.nio",
                "plot",
                p.resolve("text.nio").toString(),
                "-o",
                p.resolve("plots").toString());
        refused("not-there.h5", "plot", p.resolve("not-there.h5").toString());
    }

    // ---- mechanisms ---------------------------------------------------------------------------------------

    @Test
    void modFilesThatMustNotCompile() throws Exception {
        Path mods = Files.createDirectories(dir.resolve("mods"));
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {
            "deep.mod",
            "NEURON { SUFFIX deep RANGE x }\nASSIGNED { x }\nBREAKPOINT { x = " + "(".repeat(3000) + "1"
                    + ")".repeat(3000) + " }\n",
            "deep.mod:3:"
        });
        bad.add(new String[] {
            "ifs.mod",
            "NEURON { SUFFIX ifs RANGE x }\nASSIGNED { x }\nBREAKPOINT {\n" + "if (x > 0) {\n".repeat(2000) + "x = 1\n"
                    + "}\n".repeat(2000) + "}\n",
            "ifs.mod:"
        });
        bad.add(new String[] {
            "inject.mod",
            "NEURON { SUFFIX inj RANGE x }\nASSIGNED { x }\nBREAKPOINT { x = 1; " + "System.exit(3) }\n",
            "inject.mod:3:"
        });
        for (String[] b : bad) {
            Path folder = Files.createDirectories(mods.resolve(b[0].replace(".mod", "")));
            Files.writeString(folder.resolve(b[0]), b[1]);
            refused(
                    b[2],
                    "mechanisms",
                    "bundle",
                    folder.toString(),
                    "-o",
                    mods.resolve(b[0] + ".jar").toString());
            assertFalse(Files.exists(mods.resolve(b[0] + ".jar")));
        }
    }

    static String text(LauncherProcessIT.Run run) {
        return new String(run.all().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
