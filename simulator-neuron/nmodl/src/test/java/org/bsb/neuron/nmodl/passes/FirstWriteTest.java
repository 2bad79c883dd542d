package org.bsb.neuron.nmodl.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.bsb.neuron.nmodl.ast.AstDump;
import org.bsb.neuron.nmodl.model.KineticSystem;
import org.junit.jupiter.api.Test;

/** The one-method form's rewrite: first contributions assign, off-diagonal subtractions store -J. */
class FirstWriteTest {
    @Test
    void firstContributionsAssignAndNegatedEntriesFlip() {
        KineticSystem.ScalarForm f = FirstWrite.rewrite(KineticLoweringTest.lower(KineticLoweringTest.MOD));
        // J[1], J[3], J[7]: off-diagonal entries whose first contribution subtracts are stored negated
        assertEquals(Set.of(1, 3, 7), f.negated());
        String body = AstDump.statements(f.body(), 0);
        // first addition: assignment; first subtraction of a difference of two locals: the difference swapped
        assertEquals(true, body.contains("G[0] = (k2_ff - k4_fb)\n"), body);
        assertEquals(true, body.contains("G[1] = (k4_fb - k2_ff)\n"), body);
        // first subtraction of anything else: its negation
        assertEquals(true, body.contains("G[2] = (-(k6_ff - 0))\n"), body);
        // negated off-diagonal entries take the value as it is
        assertEquals(true, body.contains("J[1] = k3_kb\n") && body.contains("J[3] = k1_kf\n"), body);
        // later contributions accumulate (J[4] was first written by the first reaction)
        assertEquals(true, body.contains("J[4] += (2 * ((k5_kf * 2) * pow(B, 1)))\n"), body);
        // the diagonal of C is first written by the time term
        assertEquals(
                "J[0] += (rh * V[0])\nJ[4] += (rh * V[1])\nJ[8] = (rh * V[2])\n", AstDump.statements(f.timeTerms(), 0));
    }

    @Test
    void laterContributionsToANegatedEntryFlip() {
        String mod = KineticLoweringTest.MOD.replace("~ 2 B -> C (kf)", "~ 2 B -> C (kf)  ~ B -> A (kb)");
        KineticSystem.ScalarForm f = FirstWrite.rewrite(KineticLoweringTest.lower(mod));
        String body = AstDump.statements(f.body(), 0);
        // B -> A subtracts from J[1] (row A, column B), which holds -J since the first reaction
        assertEquals(true, body.contains("J[1] += k7_kf\n"), body);
        assertEquals(true, body.contains("G[0] -= (k8_ff - 0)\n"), body);
    }

    @Test
    void contributionsInsideBranchesAreNeverFirst() {
        String mod = KineticLoweringTest.MOD.replace("~ A <-> B (kf, kb)", "if (kf > 0) { ~ A <-> B (kf, kb) }");
        KineticSystem.ScalarForm f = FirstWrite.rewrite(KineticLoweringTest.lower(mod));
        String body = AstDump.statements(f.body(), 0);
        // inside the IF: plain accumulation (the locals start at 0 each iteration), nothing negated
        assertEquals(
                true,
                body.contains("if (kf > 0) {\n")
                        && body.contains("  G[0] += (k2_ff - k4_fb)\n  J[0] += k1_kf\n  J[1] -= k3_kb\n"),
                body);
        assertEquals(Set.of(7), f.negated());
        // after it, an entry the branch wrote is not first either
        assertEquals(
                "J[0] += (rh * V[0])\nJ[4] += (rh * V[1])\nJ[8] = (rh * V[2])\n", AstDump.statements(f.timeTerms(), 0));
    }
}
