package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bsb.neuron.nmodl.harness.SingleCompartment;
import org.bsb.neuron.spi.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * A NONLINEAR block solved by Newton's method every step: the point (x, y) on the circle of radius
 * r(v) = 2 + 0.01 (v + 65) where y = k x, i.e. x = r / sqrt(1 + k^2), y = k x (the branch the initial
 * guess (1, 1) leads to), followed while a current step moves v.
 */
class NonlinearBlockTest {
    private static final String MOD = """
      NEURON { SUFFIX circle RANGE k, r }
      PARAMETER { k = 0.5 }
      ASSIGNED { v (mV) r }
      STATE { x y }
      INITIAL {
        x = 1
        y = 1
        SOLVE onCircle
      }
      BREAKPOINT { SOLVE onCircle }
      NONLINEAR onCircle {
        r = 2 + 0.01 * (v + 65)
        ~ x*x + y*y = r*r
        ~ y = k*x
      }
      """;

    @Test
    void newtonFindsTheRootEveryStep() {
        SingleCompartment c = new SingleCompartment(10);
        Mechanism m = c.insert("circle.mod", MOD);
        Mechanism clamp =
                c.insert("IClamp.mod", SingleCompartment.resource("/org/bsb/neuron/nmodl/builtin/IClamp.mod"));
        clamp.variable("del")[0] = 1;
        clamp.variable("dur")[0] = 2;
        clamp.variable("amp")[0] = 0.05;
        c.initialize(-65);
        double k = 0.5;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int step = 0; step <= 200; step++) {
            if (step > 0) c.step();
            double v = c.v[0];
            double r = 2 + 0.01 * (v + 65);
            double x = r / Math.sqrt(1 + k * k);
            assertEquals(x, m.variable("x")[0], 1e-12 * x, "x at step " + step + ", v " + v);
            assertEquals(k * x, m.variable("y")[0], 1e-12 * x, "y at step " + step);
            lowest = Math.min(lowest, v);
            highest = Math.max(highest, v);
        }
        assertTrue(highest - lowest > 5, "the clamp moves v: " + lowest + " .. " + highest);
    }
}
