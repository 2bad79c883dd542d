package org.bsb.neuron.nmodl.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.nmodl.harness.SingleCompartment;
import org.bsb.neuron.spi.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * Common subexpressions follow what each statement assigns, known from the tree: cases that the
 * earlier text matching of printed lines missed (an array element whose index reads another array; a
 * SOLVE, which changes states without an assignment in sight).
 */
class PureCallsTest {
    // exp is NEURON's hexp computed as the vector forms do (within 1 ulp of Math.exp): compared to 1e-12
    @Test
    void assignmentWithAnIndexedIndexForgetsTheValuesReadingTheArray() {
        String mod = """
        NEURON { SUFFIX ix RANGE y, z }
        ASSIGNED { a[2] b[2] y z }
        INITIAL {
          b[0] = 0
          a[0] = 1
          y = exp(a[0])
          a[b[0]] = 2
          z = exp(a[0])
        }
        """;
        SingleCompartment c = new SingleCompartment(10);
        Mechanism m = c.insert("ix.mod", mod);
        c.initialize(-65);
        assertEquals(Math.exp(1), m.variable("y")[0], 1e-12);
        assertEquals(Math.exp(2), m.variable("z")[0], 1e-12);
    }

    @Test
    void solveForgetsTheValuesReadingStates() {
        String mod = """
        NEURON { SUFFIX sv RANGE y, z }
        STATE { m }
        ASSIGNED { y z }
        INITIAL {
          m = 0
          y = exp(m)
          SOLVE st STEADYSTATE derivimplicit
          z = exp(m)
        }
        BREAKPOINT { SOLVE st METHOD cnexp }
        DERIVATIVE st { m' = (1 - m) / 2 }
        """;
        SingleCompartment c = new SingleCompartment(10);
        Mechanism mech = c.insert("sv.mod", mod);
        c.initialize(-65);
        double m = mech.variable("m")[0];
        assertNotEquals(0.0, m);
        assertEquals(1.0, mech.variable("y")[0], 0);
        assertEquals(Math.exp(m), mech.variable("z")[0], 0);
    }

    @Test
    void repeatedCallsShareALocalAndQ10FactorsBecomeFields() {
        String src = NmodlCompiler.generateSource("q.mod", """
        NEURON { SUFFIX q NONSPECIFIC_CURRENT i RANGE a, b }
        ASSIGNED { a b i }
        BREAKPOINT {
          i = 0
          a = exp(v / 10) + 3^((celsius - 6.3) / 10)
          b = exp(v / 10) * 2
        }
        """);
        assertTrue(src.contains("u0 = Math.pow(3.0, ((celsius - 6.3) / 10.0));"), src);
        assertTrue(src.contains("final double t0_c = hexp((sv[i] / 10.0));"), src);
        assertTrue(src.contains("x_a[i] = (t0_c + u0);") && src.contains("x_b[i] = (t0_c * 2.0);"), src);
    }
}
