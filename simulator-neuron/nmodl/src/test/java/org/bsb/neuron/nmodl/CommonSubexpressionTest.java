package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bsb.neuron.nmodl.harness.SingleCompartment;
import org.bsb.neuron.spi.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * Repeated pure calls are evaluated once while their inputs are unchanged, and again after an assignment,
 * in branches and loops; Q10-type expressions over celsius alone are computed once per engine callback.
 */
class CommonSubexpressionTest {
    private static final String MOD = """
      NEURON { SUFFIX cse RANGE a, x, y, z, w, u, q, k, f }
      ASSIGNED { a x y z w u q k f }
      INITIAL {
        a = 1
        x = exp(a)
        a = 2
        y = exp(a)
        if (a > 1) { z = exp(a) } else { z = 0 }
        w = exp(a) + exp(a) + bump() + exp(a)
        u = 0
        FROM k = 1 TO 3 {
          u = u + exp(a)
          a = a + 1
        }
        q = 3^((celsius - 6.3)/10) + 3^((celsius - 6.3)/10)
      }
      FUNCTION bump() {
        a = a + 1
        bump = 0
      }
      """;

    // exp is NEURON's hexp computed as the vector forms do (within 1 ulp of Math.exp): compared to 1e-12
    @Test
    void valuesFollowAssignmentsBranchesLoopsAndCalls() {
        SingleCompartment c = new SingleCompartment(10);
        c.celsius = 16.3;
        Mechanism m = c.insert("cse.mod", MOD);
        c.initialize(-65);
        assertEquals(Math.exp(1), m.variable("x")[0], 1e-12);
        assertEquals(Math.exp(2), m.variable("y")[0], 1e-12);
        assertEquals(Math.exp(2), m.variable("z")[0], 1e-12);
        // bump() runs between the second and third exp(a): a is 2, then 3
        assertEquals(Math.exp(2) + Math.exp(2) + Math.exp(3), m.variable("w")[0], 1e-12);
        assertEquals(Math.exp(3) + Math.exp(4) + Math.exp(5), m.variable("u")[0], 1e-12);
        assertEquals(6, m.variable("a")[0], 0);
        assertEquals(6.0, m.variable("q")[0], 1e-12);
    }

    @Test
    void celsiusOnlyExpressionsBecomeFieldsAndRepeatedCallsLocals() {
        String src = NmodlCompiler.generateSource("cse.mod", MOD);
        assertTrue(src.contains("@Override protected void uniforms()"), src);
        assertTrue(src.contains("u0 = Math.pow(3.0, ((celsius - 6.3) / 10.0));"), src);
        // exp(a) with a = 2 is computed once for y and reused inside the IF
        assertTrue(src.contains("x_y[i] = t1_c;") && src.contains("x_z[i] = t1_c;"), src);
        // a statement calling the file's own FUNCTION keeps its calls in evaluation order
        assertTrue(src.contains("x_w[i] = (((hexp(x_a[i]) + hexp(x_a[i])) + f_bump(i)) + hexp(x_a[i]));"), src);
    }
}
