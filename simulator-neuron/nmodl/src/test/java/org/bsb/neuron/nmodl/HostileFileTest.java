package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.bsb.neuron.spi.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * A .mod file is untrusted: only validated identifiers (behind a prefix) and re-printed numbers reach the
 * generated Java. These files try to smuggle code through every text-bearing construct.
 */
class HostileFileTest {
    private static final String PAYLOAD = "System.exit(42)";

    @Test
    void commentsTitlesStringsAndUnitsNeverReachTheSource() {
        String mod = """
        TITLE x */ static { System.exit(42); } /*
        COMMENT
        */ static { System.exit(42); } /* \\u002a/ System.exit(42);
        ENDCOMMENT
        NEURON { SUFFIX evil RANGE g }
        UNITS { (mV) = (millivolt) }
        PARAMETER { g = 1e999 (S/cm2 System exit 42) <0, 1e9> }
        ASSIGNED { a (mV) }
        INITIAL {
          : System.exit(42);
          ? System.exit(42);
          a = g * 0
          printf("\\"); System.exit(42); (\\"", a)
        }
        """;
        String src = NmodlCompiler.generateSource("evil.mod", mod);
        assertFalse(src.contains(PAYLOAD), src);
        assertFalse(src.contains("\\u"), "no unicode escapes");
        assertFalse(src.contains("\""), "no string literals at all");
        assertFalse(src.contains("/*") || src.contains("//"), "no comments");
        NmodlMechanismType t = NmodlCompiler.compile("evil.mod", mod);
        Mechanism m = t.create(1);
        assertEquals(Double.POSITIVE_INFINITY, m.variable("g")[0]);
    }

    @Test
    void identifiersWithEscapesOrNonAsciiLettersAreRejected() {
        NmodlException e = assertThrows(
                NmodlException.class, () -> NmodlCompiler.compile("e.mod", "NEURON { SUFFIX a\\u0022b }\n"));
        assertTrue(e.getMessage().contains("unexpected character '\\'"), e.getMessage());
        assertThrows(NmodlException.class, () -> NmodlCompiler.compile("e.mod", "NEURON { SUFFIX caf\u00e9 }\n"));
        assertThrows(NmodlException.class, () -> NmodlCompiler.compile("e.mod", "NEURON { SUFFIX a$b }\n"));
    }

    @Test
    void javaKeywordsAndInternalNamesAsNmodlNamesAreHarmless() {
        String mod = """
        NEURON { SUFFIX class NONSPECIFIC_CURRENT i RANGE return, n, sv, node }
        PARAMETER { return = 2 n = 3 sv = 4 node = 5 }
        ASSIGNED { i v (mV) }
        STATE { public }
        INITIAL { public = return * n + sv + node }
        BREAKPOINT { SOLVE s METHOD cnexp i = 0 }
        DERIVATIVE s { public' = -public }
        """;
        NmodlMechanismType t = NmodlCompiler.compile("kw.mod", mod);
        Mechanism m = t.create(2);
        assertEquals(2, m.variable("return")[1]);
        assertEquals(0, m.variable("public")[0]);
    }

    private static NmodlException refused(String file, String text) {
        return assertThrows(NmodlException.class, () -> NmodlCompiler.compile(file, text));
    }

    private static String initial(String body) {
        return "NEURON { SUFFIX d }\nASSIGNED { a }\nINITIAL {\n" + body + "\n}\n";
    }

    @Test
    void deepNestingIsAnErrorNotACrash() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        NmodlException e = refused("deep.mod", "NEURON { SUFFIX d }\nASSIGNED { a }\nINITIAL { a = " + deep + " }\n");
        assertEquals("deep.mod:3:215: expression nested deeper than 200 levels", e.getMessage());
    }

    @Test
    void expressionNestingHasALimitWithPosition() {
        // 3,000 parentheses: the 201st opening one is where the limit is passed
        NmodlException parens = refused("p.mod", initial("a = " + "(".repeat(3000) + "1" + ")".repeat(3000)));
        assertEquals(
                "p.mod:4:205: expression nested deeper than " + org.bsb.neuron.nmodl.parse.Parser.MAX_EXPRESSION_DEPTH
                        + " levels",
                parens.getMessage());
        // operator chains, unary operators, exponents and call arguments count as levels too
        assertTrue(refused("s.mod", initial("a = 1" + " + 1".repeat(300)))
                .getMessage()
                .matches("s\\.mod:4:\\d+: expression nested deeper than 200 levels"));
        assertTrue(refused("u.mod", initial("a = " + "-".repeat(100_000) + "1"))
                .getMessage()
                .startsWith("u.mod:4:"));
        assertTrue(refused("x.mod", initial("a = 2" + "^2".repeat(300)))
                .getMessage()
                .contains("expression nested deeper than 200 levels"));
        assertTrue(refused("f.mod", initial("a = " + "exp(".repeat(300) + "1" + ")".repeat(300)))
                .getMessage()
                .contains("expression nested deeper than 200 levels"));
        // below the limit all is well (real files stay below 30)
        NmodlCompiler.compile("ok.mod", initial("a = " + "(".repeat(150) + "1" + ")".repeat(150) + " + 1".repeat(150)));
    }

    @Test
    void blockNestingHasALimitWithPosition() {
        NmodlException ifs =
                refused("ifs.mod", initial("IF (a < 1) {\n".repeat(2000) + "a = 1\n" + "}\n".repeat(2000)));
        // INITIAL's braces are level 1, so the 100th IF's brace is the 101st level
        assertEquals(
                "ifs.mod:103:12: blocks nested deeper than " + org.bsb.neuron.nmodl.parse.Parser.MAX_BLOCK_DEPTH
                        + " levels",
                ifs.getMessage());
        StringBuilder chain = new StringBuilder("IF (a < 0) { a = 0 }");
        for (int k = 1; k < 2000; k++)
            chain.append(" ELSE IF (a < ")
                    .append(k)
                    .append(") { a = ")
                    .append(k)
                    .append(" }");
        assertTrue(refused("elif.mod", initial(chain.toString()))
                .getMessage()
                .matches("elif\\.mod:4:\\d+: blocks nested deeper than 100 levels"));
        assertTrue(refused("w.mod", initial("WHILE (a < 1) {\n".repeat(500) + "a = 1\n" + "}\n".repeat(500)))
                .getMessage()
                .startsWith("w.mod:"));
        assertTrue(refused("b.mod", initial("{\n".repeat(100_000) + "}\n".repeat(100_000)))
                .getMessage()
                .contains("blocks nested deeper than 100 levels"));
        NmodlCompiler.compile("ok.mod", initial("IF (a < 1) {\n".repeat(90) + "a = 1\n" + "}\n".repeat(90)));
    }

    @Test
    void codeTooLargeForTheJvmIsNamedNotCalledADefect() {
        // the Jacobian of a product of 150 factors: 150 products of 149 factors, more than 64 KB of bytecode in one
        // method
        String product = String.join(" * ", java.util.Collections.nCopies(150, "(m + 1)"));
        NmodlException e = refused(
                "big.mod",
                "NEURON { SUFFIX big }\nSTATE { m }\nBREAKPOINT { SOLVE s METHOD derivimplicit }\n"
                        + "DERIVATIVE s { m' = " + product + " }\n");
        assertTrue(
                e.getMessage().startsWith("big.mod: its blocks make more Java code than a method can hold"),
                e.getMessage());
    }

    @Test
    void theCataloguesParseWithTheSameLimits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        // a catalogue parses every file up front (for the names): a hostile file is named there with its position
        java.nio.file.Files.writeString(
                dir.resolve("parens.mod"),
                "NEURON { SUFFIX parens }\nASSIGNED { a }\nINITIAL { a = " + "(".repeat(3000) + "1" + ")".repeat(3000)
                        + " }\n");
        NmodlException e = assertThrows(
                NmodlException.class,
                () -> org.bsb.neuron.nmodl.catalogue.NmodlCatalogue.fromDirectories("test", java.util.List.of(dir)));
        assertEquals(dir.resolve("parens.mod") + ":3:215: expression nested deeper than 200 levels", e.getMessage());
    }

    @Test
    void hugeArraysAreRefused() {
        assertThrows(
                NmodlException.class,
                () -> NmodlCompiler.compile("big.mod", "NEURON { SUFFIX big }\nASSIGNED { a[2000000000] }\n"));
    }
}
