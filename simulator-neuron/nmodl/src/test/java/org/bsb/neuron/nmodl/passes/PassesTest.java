package org.bsb.neuron.nmodl.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver: passes in order, and the dump of the model after each one. */
class PassesTest {
    @Test
    void passesAreListedInOrder() {
        assertEquals(
                List.of("lex", "parse", "sema"),
                Passes.FRONT.stream().map(Pass::name).toList());
        assertEquals(
                List.of("solvers", "kinetic", "first-write", "print"),
                Passes.BACK.stream().map(Pass::name).toList());
    }

    @Test
    void dumpWritesTheModelAfterEveryPass(@TempDir Path dir) throws Exception {
        System.setProperty("bsb.nmodl.dump", dir.toString());
        try {
            Passes.generate(Passes.analyse("k.mod", KineticLoweringTest.MOD), "K", true);
        } finally {
            System.clearProperty("bsb.nmodl.dump");
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(
                List.of(
                        "k.mod.01-lex.txt",
                        "k.mod.02-parse.txt",
                        "k.mod.03-sema.txt",
                        "k.mod.04-solvers.txt",
                        "k.mod.05-kinetic.txt",
                        "k.mod.06-first-write.txt",
                        "k.mod.07-print.txt"),
                names);
        assertTrue(Files.readString(dir.resolve("k.mod.01-lex.txt")).startsWith("1:1 NAME NEURON\n1:8 PUNCT {\n"));
        assertTrue(Files.readString(dir.resolve("k.mod.02-parse.txt")).contains("  ~ 2B -> C (kf)\n"));
        assertTrue(Files.readString(dir.resolve("k.mod.03-sema.txt")).contains("states [A, B, C]"));
        assertTrue(Files.readString(dir.resolve("k.mod.05-kinetic.txt")).contains("  G[1] -= (k2_ff - k4_fb)\n"));
        assertTrue(Files.readString(dir.resolve("k.mod.06-first-write.txt")).contains("  negated [1, 3, 7]\n"));
        assertTrue(Files.readString(dir.resolve("k.mod.07-print.txt"))
                .contains("public final class K extends NmodlMechanism"));
    }
}
