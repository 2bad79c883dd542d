package org.bsb.neuron.nmodl.passes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bsb.neuron.nmodl.ast.AstDump;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.model.KineticSystem;
import org.bsb.neuron.nmodl.model.Model;
import org.bsb.neuron.nmodl.model.SolvedBlock;
import org.junit.jupiter.api.Test;

/** KINETIC blocks lowered to their systems: rates, residual and Jacobian contributions, volumes, CONSERVE rows. */
class KineticLoweringTest {
    static final String MOD = """
      NEURON { SUFFIX k RANGE kf, kb, x }
      PARAMETER { kf = 0.1 kb = 0.2 }
      ASSIGNED { x }
      STATE { A B C }
      BREAKPOINT { SOLVE kin METHOD sparse }
      KINETIC kin {
        COMPARTMENT 2 { A B }
        ~ A <-> B (kf, kb)
        ~ 2 B -> C (kf)
        x = f_flux
        CONSERVE A + B + C = 1
      }
      """;

    static KineticSystem lower(String text) {
        Model m = Passes.analyse("k.mod", text).forBackEnd("K", true);
        new SolveLowering().run(m);
        new KineticLowering().run(m);
        return ((SolvedBlock.Kinetic) m.solved.get("kin:sparse")).system();
    }

    @Test
    void reactionsBecomeRatesAndContributions() {
        KineticSystem s = lower(MOD);
        assertEquals(List.of("A", "B", "C"), s.states());
        assertEquals("""
        let k0_vol = 2
        V[0] = k0_vol
        V[1] = k0_vol
        let k1_kf = kf
        let k2_ff = (k1_kf * A)
        let k3_kb = kb
        let k4_fb = (k3_kb * B)
        G[0] += (k2_ff - k4_fb)
        J[0] += k1_kf
        J[1] -= k3_kb
        G[1] -= (k2_ff - k4_fb)
        J[3] -= k1_kf
        J[4] += k3_kb
        let k5_kf = kf
        let k6_ff = (k5_kf * pow(B, 2))
        G[1] += (2 * (k6_ff - 0))
        J[4] += (2 * ((k5_kf * 2) * pow(B, 1)))
        G[2] -= (k6_ff - 0)
        J[7] -= ((k5_kf * 2) * pow(B, 1))
        x = k6_ff
        let k7_cons = 1
        """, AstDump.statements(s.body(), 0));
        // the time derivative's diagonal, times each state's volume
        assertEquals(
                "J[0] += (rh * V[0])\nJ[4] += (rh * V[1])\nJ[8] += (rh * V[2])\n",
                AstDump.statements(s.timeTerms(), 0));
        assertArrayEquals(new boolean[] {true, true, false}, s.pattern()[0]);
        assertArrayEquals(new boolean[] {true, true, false}, s.pattern()[1]);
        assertArrayEquals(new boolean[] {false, true, false}, s.pattern()[2]);
        // the CONSERVE replaces the equation of its last state
        assertEquals(2, s.conserves().get(0).row());
        assertEquals("k7_cons", s.conserves().get(0).total());
        assertTrue(s.isConserveTotal("k7_cons"));
        // a second-order reaction: Newton iterates; the block assigns x: it runs again with the final states
        assertFalse(s.linear());
        assertTrue(s.finalEvaluation());
    }

    @Test
    void firstOrderSchemeWithConstantRatesIsLinear() {
        KineticSystem s = lower(MOD.replace("~ 2 B -> C (kf)", "~ B -> C (kf)").replace("x = f_flux", ""));
        assertTrue(s.linear());
        assertFalse(s.finalEvaluation());
    }

    @Test
    void fluxBeforeAnyReactionIsAnError() {
        NmodlException e =
                assertThrows(NmodlException.class, () -> lower(MOD.replace("COMPARTMENT 2 { A B }", "x = b_flux")));
        assertEquals("k.mod:7:7: b_flux before any reaction", e.getMessage());
    }
}
