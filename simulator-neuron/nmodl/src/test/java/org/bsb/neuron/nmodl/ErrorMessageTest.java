package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bsb.neuron.nmodl.diag.NmodlException;
import org.junit.jupiter.api.Test;

/** Bad files give messages with file, line and column, and no stack trace is needed to find the problem. */
class ErrorMessageTest {
    private static NmodlException fail(String text) {
        return assertThrows(NmodlException.class, () -> NmodlCompiler.compile("bad.mod", text));
    }

    @Test
    void verbatimIsRejectedWithFileAndLine() {
        NmodlException e = fail("NEURON { SUFFIX x }\n\nINITIAL {\nVERBATIM\n  return 0;\nENDVERBATIM\n}\n");
        assertEquals("bad.mod", e.file());
        assertEquals(4, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().startsWith("bad.mod:4:1: VERBATIM"), e.getMessage());
    }

    @Test
    void syntaxErrorPointsAtTheToken() {
        NmodlException e = fail("NEURON { SUFFIX x }\nPARAMETER { g = 1 }\nBREAKPOINT {\n  g = (1 + \n}\n");
        assertEquals(5, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("expected an expression"), e.getMessage());
    }

    @Test
    void undeclaredVariableIsNamed() {
        NmodlException e =
                fail("NEURON { SUFFIX x NONSPECIFIC_CURRENT i }\nASSIGNED { i }\nBREAKPOINT {\n  i = gbar * 2\n}\n");
        assertEquals(4, e.line());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().contains("undeclared variable 'gbar'"), e.getMessage());
    }

    @Test
    void unknownFunctionAndWrongArityAreNamed() {
        assertTrue(fail("NEURON { SUFFIX x }\nASSIGNED { a }\nINITIAL { a = frobnicate(1) }\n")
                .getMessage()
                .contains("unknown function 'frobnicate'"));
        assertTrue(fail("NEURON { SUFFIX x }\nASSIGNED { a }\nINITIAL { a = f(1, 2) }\nFUNCTION f(x) { f = x }\n")
                .getMessage()
                .contains("f takes 1 arguments, not 2"));
    }

    @Test
    void missingMechanismNameAndUnclosedComment() {
        assertTrue(fail("PARAMETER { g = 1 }\n").getMessage().contains("no NEURON block"));
        NmodlException e = fail("NEURON { SUFFIX x }\nCOMMENT\nnever closed\n");
        assertEquals(2, e.line());
    }

    @Test
    void methodAndSolveTargetsAreChecked() {
        assertTrue(
                fail("NEURON { SUFFIX x }\nSTATE { m }\nBREAKPOINT { SOLVE s METHOD runge4 }\nDERIVATIVE s { m' = -m }\n")
                        .getMessage()
                        .contains("METHOD runge4 is not supported"));
        assertTrue(fail("NEURON { SUFFIX x }\nBREAKPOINT { SOLVE nothing METHOD cnexp }\n")
                .getMessage()
                .contains("SOLVE of unknown block 'nothing'"));
    }
}
