package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    NmodlException e = assertThrows(NmodlException.class,
        () -> NmodlCompiler.compile("e.mod", "NEURON { SUFFIX a\\u0022b }\n"));
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

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
    NmodlException e = assertThrows(NmodlException.class,
        () -> NmodlCompiler.compile("deep.mod", "NEURON { SUFFIX d }\nASSIGNED { a }\nINITIAL { a = " + deep + " }\n"));
    assertTrue(e.getMessage().contains("too deep"), e.getMessage());
  }

  @Test
  void hugeArraysAreRefused() {
    assertThrows(NmodlException.class,
        () -> NmodlCompiler.compile("big.mod", "NEURON { SUFFIX big }\nASSIGNED { a[2000000000] }\n"));
  }
}
