package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.bsb.neuron.nmodl.gen.InMemoryCompiler;
import org.bsb.neuron.nmodl.gen.MethodSizes;
import org.bsb.neuron.nmodl.harness.SingleCompartment;
import org.bsb.neuron.nmodl.passes.Passes;
import org.bsb.neuron.nmodl.print.JavaPrinter;
import org.bsb.neuron.spi.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * KINETIC schemes are generated as one method with the Newton system in locals, or, when that method
 * would be too large for HotSpot's JIT, as the split scratch-array form. Both must give the scheme's
 * analytic equilibrium: a chain s0 <-> s1 <-> ... with forward rate kf and backward rate kb under
 * CONSERVE sum = 1 settles at s_k = r^k (1 - r) / (1 - r^N), r = kf / kb (detailed balance).
 */
class KineticFormsTest {
    private static final double KF = 1.1;
    private static final double KB = 1.0;

    /** A unique comment keeps the file out of the class-file cache, so the generated source is at hand. */
    private static String chain(int n) {
        StringBuilder s = new StringBuilder(": chain " + n + " " + System.nanoTime() + "\n");
        s.append("NEURON { SUFFIX chain").append(n).append(" }\n");
        s.append("PARAMETER { kf = ").append(KF).append(" kb = ").append(KB).append(" }\nSTATE {");
        for (int k = 0; k < n; k++) s.append(" s").append(k);
        s.append(
                " }\nINITIAL { SOLVE kin STEADYSTATE sparse }\nBREAKPOINT { SOLVE kin METHOD sparse }\nKINETIC kin {\n");
        for (int k = 0; k + 1 < n; k++)
            s.append("  ~ s").append(k).append(" <-> s").append(k + 1).append(" (kf, kb)\n");
        s.append("  CONSERVE s0");
        for (int k = 1; k < n; k++) s.append(" + s").append(k);
        s.append(" = 1\n}\n");
        return s.toString();
    }

    private static void assertEquilibrium(int n, String text) {
        SingleCompartment c = new SingleCompartment(10);
        Mechanism m = c.insert("chain" + n + ".mod", text);
        c.initialize(-65);
        double r = KF / KB;
        for (int step = 0; step <= 40; step++) {
            if (step > 0) c.step();
            for (int k = 0; k < n; k++) {
                double want = Math.pow(r, k) * (1 - r) / (1 - Math.pow(r, n));
                // STEADYSTATE sparse is one backward-Euler solve with dt = 1e9 (scopmath): its distance from the
                // equilibrium is of order 1 / (dt * slowest rate), about 3e-7 for the 60-state chain
                assertEquals(
                        want, m.variable("s" + k)[0], 1e-6 * want, "s" + k + " of " + n + " after " + step + " steps");
            }
        }
    }

    /**
     * Reactions inside an IF add to the same system entries as the ones after it: A <-> B (2, 0) when
     * split > 0, then A <-> B (1, 1), settles at B = (2 + 1) / (2 + 1 + 0 + 1) = 0.75 (0.5 if the first
     * top-level contribution replaced the branch's).
     */
    @Test
    void reactionsInABranchAddToTheOnesAfterIt() {
        String text = """
        NEURON { SUFFIX branchy }
        PARAMETER { split = 1 }
        STATE { A B }
        INITIAL {
          A = 1
          B = 0
        }
        BREAKPOINT { SOLVE kin METHOD sparse }
        KINETIC kin {
          IF (split > 0) {
            ~ A <-> B (2, 0)
          }
          ~ A <-> B (1, 1)
          CONSERVE A + B = 1
        }
        """;
        SingleCompartment c = new SingleCompartment(10);
        Mechanism m = c.insert("branchy.mod", text);
        c.initialize(-65);
        for (int step = 0; step < 800; step++) c.step();
        assertEquals(0.75, m.variable("B")[0], 1e-9);
        assertEquals(0.25, m.variable("A")[0], 1e-9);
    }

    @Test
    void smallSchemeUsesLocalsAndReachesEquilibrium() {
        String text = chain(6);
        String src = NmodlCompiler.compile("chain6.mod", text).source();
        assertTrue(src.contains("double g0 = 0.0"), "one-method form");
        assertEquilibrium(6, text);
    }

    @Test
    void schemeTooLargeForTheJitFallsBackToScratchArrays() {
        int n = 60;
        String text = chain(n);
        // the one-method form of this scheme is over HotSpot's limit
        String scalar = Passes.generate(NmodlCompiler.analyse("chain60.mod", text), "Chain60", true);
        Map<String, byte[]> bytes = InMemoryCompiler.compileToBytes(Map.of(JavaPrinter.PACKAGE + ".Chain60", scalar));
        int largest =
                bytes.values().stream().mapToInt(MethodSizes::largest).max().orElseThrow();
        assertTrue(largest > MethodSizes.JIT_LIMIT, "one-method form is " + largest + " bytes");
        String src = NmodlCompiler.compile("chain60.mod", text).source();
        assertTrue(src.contains("private void lu_kin()"), "split array form");
        assertEquilibrium(n, text);
    }
}
