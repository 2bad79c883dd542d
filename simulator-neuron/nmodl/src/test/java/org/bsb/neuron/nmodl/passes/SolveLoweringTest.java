package org.bsb.neuron.nmodl.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bsb.neuron.nmodl.ast.AstDump;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.model.Model;
import org.bsb.neuron.nmodl.model.SolvedBlock;
import org.junit.jupiter.api.Test;

/** The solver chosen for each SOLVE and the block rewritten for it. */
class SolveLoweringTest {
    private static Model lower(String text) {
        Model m = Passes.analyse("s.mod", text).forBackEnd("S", true);
        new SolveLowering().run(m);
        return m;
    }

    private static String mod(String method, String equation) {
        return "NEURON { SUFFIX s RANGE tau }\nPARAMETER { tau = 2 }\nSTATE { m n }\n"
                + "BREAKPOINT { SOLVE states METHOD " + method + " }\n"
                + "DERIVATIVE states {\n  " + equation + "\n  n' = m - n\n}\n";
    }

    @Test
    void cnexpStepsCarryTheLinearCoefficientAndTheRest() {
        Model m = lower(mod("cnexp", "m' = (0.5 - m) / tau"));
        SolvedBlock.Cnexp c = (SolvedBlock.Cnexp) m.solved.get("states:cnexp");
        assertEquals("cnexp_states", c.method());
        // x' = a x + b: a = d/dm (-1/tau, by the quotient rule), b = the right-hand side at m = 0;
        // n' = m - n has a = -1, b = m
        assertEquals("""
        cnexp m: a = ((-1 * tau) / (tau * tau)), b = (0.5 / tau)
        cnexp n: a = -1, b = m
        """, AstDump.statements(c.body(), 0));
    }

    @Test
    void nonlinearEquationFallsBackToDerivimplicitWithJacobianRows() {
        Model m = lower(mod("cnexp", "m' = -m * m"));
        SolvedBlock.Implicit d = (SolvedBlock.Implicit) m.solved.get("states:cnexp");
        assertEquals("implicit_states", d.method());
        assertFalse(d.linear());
        assertEquals("""
        D[0] = ((-m) * m)
        DJ[0] = ((-1 * m) + (-m))
        DJ[1] = 0
        D[1] = (m - n)
        DJ[2] = 1
        DJ[3] = -1
        """, AstDump.statements(d.derivatives(), 0));
    }

    @Test
    void eulerWritesDerivativesOnly() {
        SolvedBlock.Euler e =
                (SolvedBlock.Euler) lower(mod("euler", "m' = -m")).solved.get("states:euler");
        assertEquals("D[0] = (-m)\nD[1] = (m - n)\n", AstDump.statements(e.derivatives(), 0));
    }

    @Test
    void linearBlockRowsAndTheirCount() {
        String lin = "NEURON { SUFFIX l }\nSTATE { x y }\nINITIAL { SOLVE eq }\n"
                + "LINEAR eq {\n  ~ 2 * x + y = 3\n  ~ x - y = 0\n}\n";
        SolvedBlock.Algebraic a = (SolvedBlock.Algebraic) lower(lin).solved.get("eq:");
        assertFalse(a.nonlinear());
        // J x = b with b = -(F at x = 0)
        assertEquals("""
        J[0] = 2
        J[1] = 1
        G[0] = (--3)
        J[2] = 1
        J[3] = -1
        G[1] = (-0)
        """, AstDump.statements(a.body(), 0));
        NmodlException e = assertThrows(NmodlException.class, () -> lower(lin.replace("  ~ x - y = 0\n", "")));
        assertEquals("s.mod:4:1: LINEAR block has 1 equations for 2 states", e.getMessage());
        NmodlException n = assertThrows(NmodlException.class, () -> lower(lin.replace("x - y", "x * y")));
        assertTrue(n.getMessage().endsWith("equation is not linear"), n.getMessage());
    }

    @Test
    void unknownBlocksAndMethodsAreErrorsAtTheSolve() {
        NmodlException e = assertThrows(NmodlException.class, () -> lower(mod("runge_kutta", "m' = -m")));
        assertEquals(
                "s.mod:4:14: METHOD runge_kutta is not supported (use cnexp, derivimplicit, sparse or euler)",
                e.getMessage());
    }
}
