package org.bsb.neuron.mechanisms;

import java.util.List;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/**
 * NEURON's single-electrode voltage clamp {@code SEClamp}: three levels {@code amp1..3} for
 * {@code dur1..3}, series resistance {@code rs} (MΩ), {@code i = (vc - v) / rs} injected; off
 * ({@code i = 0}) after the third level.
 */
final class SEClamp extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "SEClamp",
            MechanismKind.POINT_PROCESS,
            List.of(
                    Variable.parameter("rs", 1, "megohm"), Variable.parameter("dur1", 0, "ms"),
                    Variable.parameter("amp1", 0, "mV"), Variable.parameter("dur2", 0, "ms"),
                    Variable.parameter("amp2", 0, "mV"), Variable.parameter("dur3", 0, "ms"),
                    Variable.parameter("amp3", 0, "mV"), Variable.assigned("i", "nA"),
                    Variable.assigned("vc", "mV"), Variable.assigned("on", "")),
            List.of(),
            true,
            0,
            SEClamp::new);

    private final double[] rs = vars[0];
    private final double[] dur1 = vars[1];
    private final double[] amp1 = vars[2];
    private final double[] dur2 = vars[3];
    private final double[] amp2 = vars[4];
    private final double[] dur3 = vars[5];
    private final double[] amp3 = vars[6];
    private final double[] i = vars[7];
    private final double[] vc = vars[8];
    private final double[] on = vars[9];

    private SEClamp(MechanismType type, int count) {
        super(type, count);
    }

    /** The command level at t; after the three levels the clamp is off (i = 0). */
    private void vstim(int k, double t) {
        on[k] = 1;
        double tc2 = dur1[k] + dur2[k];
        double tc3 = tc2 + dur3[k];
        if (t < dur1[k]) {
            vc[k] = amp1[k];
        } else if (t < tc2) {
            vc[k] = amp2[k];
        } else if (t < tc3) {
            vc[k] = amp3[k];
        } else {
            vc[k] = 0;
            on[k] = 0;
        }
    }

    @Override
    public void init(MechContext ctx) {
        java.util.Arrays.fill(on, 0.0);
        java.util.Arrays.fill(i, 0.0);
    }

    @Override
    public void current(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            int n = node[k];
            vstim(k, ctx.t);
            if (on[k] == 0) {
                i[k] = 0;
                continue;
            }
            double v = ctx.v[n];
            double i0 = (vc[k] - v) / rs[k];
            i[k] = i0;
            double f = 1.e2 / ctx.area[n];
            ctx.rhs[n] += i0 * f;
            ctx.d[n] += f / rs[k]; // -(di/dv) of an electrode current
        }
    }

    @Override
    public void state(MechContext ctx) {
        // SOLVE icur METHOD after_cvode: i with the new v and the step's command level
        for (int k = 0; k < count; k++) {
            i[k] = on[k] != 0 ? (vc[k] - ctx.v[node[k]]) / rs[k] : 0.0;
        }
    }
}
