package org.bsb.neuron.mechanisms;

import java.util.List;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/**
 * NEURON's {@code Exp2Syn}: {@code g = B - A} with {@code A' = -A/tau1}, {@code B' = -B/tau2};
 * an event adds {@code weight * factor} to both, normalising the peak of g to the weight.
 */
final class Exp2Syn extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "Exp2Syn",
            MechanismKind.POINT_PROCESS,
            List.of(
                    Variable.parameter("tau1", 0.1, "ms"),
                    Variable.parameter("tau2", 10, "ms"),
                    Variable.parameter("e", 0, "mV"),
                    Variable.assigned("i", "nA"),
                    Variable.assigned("g", "uS"),
                    Variable.assigned("factor", ""),
                    Variable.state("A", "uS"),
                    Variable.state("B", "uS")),
            List.of(),
            false,
            1,
            Exp2Syn::new);

    private final double[] tau1 = vars[0];
    private final double[] tau2 = vars[1];
    private final double[] e = vars[2];
    private final double[] i = vars[3];
    private final double[] g = vars[4];
    private final double[] factor = vars[5];
    private final double[] a = vars[6];
    private final double[] b = vars[7];

    private Exp2Syn(MechanismType type, int count) {
        super(type, count);
    }

    @Override
    public void init(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            if (tau1[k] / tau2[k] > .9999) {
                tau1[k] = .9999 * tau2[k];
            }
            if (tau1[k] / tau2[k] < 1e-9) {
                tau1[k] = tau2[k] * 1e-9;
            }
            a[k] = 0;
            b[k] = 0;
            double tp = (tau1[k] * tau2[k]) / (tau2[k] - tau1[k]) * Math.log(tau2[k] / tau1[k]);
            double f = -Math.exp(-tp / tau1[k]) + Math.exp(-tp / tau2[k]);
            factor[k] = 1 / f;
        }
    }

    @Override
    public void current(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            int n = node[k];
            double v = ctx.v[n];
            double gk = b[k] - a[k];
            g[k] = gk;
            double i1 = gk * (v + 0.001 - e[k]);
            double i0 = gk * (v - e[k]);
            i[k] = i0;
            double f = 1.e2 / ctx.area[n];
            ctx.rhs[n] -= i0 * f;
            ctx.d[n] += (i1 - i0) / 0.001 * f;
        }
    }

    @Override
    public void state(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            a[k] = a[k] + (1. - Math.exp(-ctx.dt / tau1[k])) * (-a[k]);
            b[k] = b[k] + (1. - Math.exp(-ctx.dt / tau2[k])) * (-b[k]);
        }
    }

    @Override
    public void netReceive(MechContext ctx, int instance, double[] weights, int offset, double flag) {
        double w = weights[offset];
        a[instance] += w * factor[instance];
        b[instance] += w * factor[instance];
    }
}
