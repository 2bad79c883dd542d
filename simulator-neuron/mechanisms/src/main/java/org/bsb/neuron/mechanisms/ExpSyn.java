package org.bsb.neuron.mechanisms;

import java.util.List;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/** NEURON's {@code ExpSyn}: {@code g' = -g/tau}, {@code i = g (v - e)}, an event adds its weight (µS) to g. */
final class ExpSyn extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "ExpSyn",
            MechanismKind.POINT_PROCESS,
            List.of(
                    Variable.parameter("tau", 0.1, "ms"), Variable.parameter("e", 0, "mV"),
                    Variable.assigned("i", "nA"), Variable.state("g", "uS")),
            List.of(),
            false,
            1,
            ExpSyn::new);

    private final double[] tau = vars[0];
    private final double[] e = vars[1];
    private final double[] i = vars[2];
    private final double[] g = vars[3];

    private ExpSyn(MechanismType type, int count) {
        super(type, count);
    }

    @Override
    public void init(MechContext ctx) {
        java.util.Arrays.fill(g, 0.0);
    }

    @Override
    public void current(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            int n = node[k];
            double v = ctx.v[n];
            double i1 = g[k] * (v + 0.001 - e[k]);
            double i0 = g[k] * (v - e[k]);
            i[k] = i0;
            double f = 1.e2 / ctx.area[n];
            ctx.rhs[n] -= i0 * f;
            ctx.d[n] += (i1 - i0) / 0.001 * f;
        }
    }

    @Override
    public void state(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            g[k] = g[k] + (1. - Math.exp(-ctx.dt / tau[k])) * (-g[k]);
        }
    }

    @Override
    public void netReceive(MechContext ctx, int instance, double[] weights, int offset, double flag) {
        g[instance] += weights[offset];
    }
}
