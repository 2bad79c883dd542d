package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.junit.jupiter.api.Test;

/**
 * Undeclared names are errors with file, line and column wherever they are, as they are for NEURON: nocmodl
 * warns "x undefined. (declared within VERBATIM?)" and the C compiler then rejects the file (checked with
 * Debian's nocmodl of NEURON 8.2.2 and gcc); names NEURON declares itself are accepted.
 */
class UndeclaredNameTest {
    private static String refused(String text) {
        return assertThrows(NmodlException.class, () -> NmodlCompiler.compile("u.mod", text))
                .getMessage();
    }

    private static NmodlMechanismType accepted(String text) {
        return NmodlCompiler.compile("ok.mod", text);
    }

    private static final String HEAD = "NEURON { SUFFIX u NONSPECIFIC_CURRENT i }\nASSIGNED { i g }\n";

    @Test
    void assignedInBreakpoint() {
        assertEquals(
                "u.mod:3:21: assignment to undeclared variable 'zz'", refused(HEAD + "BREAKPOINT { i = 0  zz = 3 }\n"));
    }

    @Test
    void readInAnExpression() {
        assertEquals("u.mod:3:22: undeclared variable 'gbar'", refused(HEAD + "BREAKPOINT { i = 2 * gbar }\n"));
        assertEquals("u.mod:3:28: undeclared variable 'k'", refused(HEAD + "INITIAL { IF (g > 0) { g = k } }\n"));
    }

    @Test
    void inAFunctionAlsoOneNothingCalls() {
        assertEquals("u.mod:3:25: undeclared variable 'q'", refused(HEAD + "FUNCTION f(x) { f = x + q }\n"));
        assertEquals(
                "u.mod:3:17: assignment to undeclared variable 'zz'", refused(HEAD + "PROCEDURE p() { zz = 1 }\n"));
    }

    @Test
    void inNetReceive() {
        String pp = "NEURON { POINT_PROCESS s }\nASSIGNED { g }\n";
        assertEquals("u.mod:3:26: undeclared variable 'qq'", refused(pp + "NET_RECEIVE(w) { g = w + qq }\n"));
        assertEquals("u.mod:3:18: assignment to undeclared variable 'zz'", refused(pp + "NET_RECEIVE(w) { zz = w }\n"));
        accepted(pp + "NET_RECEIVE(w) { g = w + flag }\n"); // the weight and flag are declared by NET_RECEIVE
    }

    @Test
    void inBlocksNothingSolvesAndInPrintfAndTableDepend() {
        String st = "NEURON { SUFFIX u }\nSTATE { m }\n";
        assertEquals("u.mod:3:31: undeclared variable 'tau'", refused(st + "DERIVATIVE unused { m' = -m / tau }\n"));
        assertEquals("u.mod:3:29: undeclared variable 'kf'", refused(st + "KINETIC unused { ~ m <-> m (kf, 1) }\n"));
        assertEquals(
                "u.mod:3:25: 'zz' is not a STATE: zz' = ... needs a STATE variable",
                refused(st + "DERIVATIVE d { m' = -m  zz' = 1 }\nBREAKPOINT { SOLVE d METHOD cnexp }\n"));
        assertEquals("u.mod:3:26: undeclared variable 'zz'", refused(HEAD + "INITIAL { printf(\"%g\\n\", zz) }\n"));
        assertEquals(
                "u.mod:3:17: undeclared variable 'zz'", // at the TABLE statement
                refused(HEAD + "FUNCTION f(x) { TABLE DEPEND zz FROM 0 TO 1 WITH 10\n f = x }\n"));
    }

    @Test
    void callsOfUnknownFunctionsAndFunctionsUsedAsVariables() {
        assertEquals("u.mod:3:22: unknown function 'frob'", refused(HEAD + "PROCEDURE unused() { frob(2) }\n"));
        assertEquals(
                "u.mod:3:15: 'f' is a FUNCTION, not a variable (call it as f(...))",
                refused(HEAD + "INITIAL { g = f }\nFUNCTION f() { f = 1 }\n"));
    }

    @Test
    void whatTheNeuronBlockNamesMustBeDeclaredToo() {
        // nocmodl: "pp does not have a proper declaration"; an undeclared ion variable or current does not compile in C
        assertEquals(
                "u.mod:1:26: USEION na READ ena: 'ena' is not declared; declare it in an ASSIGNED (or PARAMETER,"
                        + " STATE) block too, as NEURON requires",
                refused(
                        "NEURON { SUFFIX u USEION na READ ena WRITE ina }\nASSIGNED { ina }\nBREAKPOINT { ina = 0 }\n"));
        assertEquals(
                "u.mod:1:39: NONSPECIFIC_CURRENT i: 'i' is not declared; declare it in an ASSIGNED (or PARAMETER,"
                        + " STATE) block too, as NEURON requires",
                refused("NEURON { SUFFIX u NONSPECIFIC_CURRENT i }\n"));
        assertEquals(
                "u.mod:1:27: POINTER pp: 'pp' is not declared; declare it in an ASSIGNED (or PARAMETER, STATE)"
                        + " block too, as NEURON requires",
                refused("NEURON { SUFFIX u POINTER pp }\nASSIGNED { g }\n"));
    }

    @Test
    void namesNeuronDeclaresItselfAreAccepted() {
        // a FROM loop's index is a local of the loop (nocmodl declares it), but not after the loop
        accepted(HEAD + "INITIAL { FROM j = 0 TO 3 { g = g + j } }\n");
        assertEquals(
                "u.mod:3:41: undeclared variable 'j'", refused(HEAD + "INITIAL { FROM j = 0 TO 3 { g = j } g = j }\n"));
        // LOCALs (top level or in a block, within their braces), formal parameters, a FUNCTION's own name
        accepted(HEAD + "LOCAL q\nINITIAL { LOCAL k  k = 2  q = k  g = f(q) }\nFUNCTION f(x) { f = x }\n");
        assertEquals(
                "u.mod:3:41: undeclared variable 'k'", refused(HEAD + "INITIAL { IF (1) { LOCAL k  k = 1 } g = k }\n"));
        // NEURON's variables, our built-in constants, and m0 of a STATE m (nocmodl's implicit initial value, 0)
        accepted(HEAD + "INITIAL { g = v + t + dt + celsius + diam + area + PI + FARADAY + R }\n");
        NmodlMechanismType t =
                accepted("NEURON { SUFFIX m0 RANGE g }\nSTATE { m }\nASSIGNED { g }\nINITIAL { m = m0 + 1  g = m }\n");
        var mech = t.create(1);
        mech.nodes()[0] = 0;
        mech.init(new org.bsb.neuron.spi.MechContext(
                new double[] {-65},
                new double[1],
                new double[1],
                new double[] {100},
                new double[] {1},
                java.util.Map.of()));
        assertEquals(1.0, mech.variable("g")[0]);
    }
}
