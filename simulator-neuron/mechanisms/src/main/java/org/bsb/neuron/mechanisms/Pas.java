package org.bsb.neuron.mechanisms;

import java.util.List;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/** NEURON's passive leak {@code pas}: {@code i = g (v - e)}, g 0.001 S/cm², e -70 mV. */
final class Pas extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "pas",
            MechanismKind.DENSITY,
            List.of(
                    Variable.parameter("g", 0.001, "S/cm2"),
                    Variable.parameter("e", -70, "mV"),
                    Variable.assigned("i", "mA/cm2")),
            List.of(),
            false,
            0,
            Pas::new);

    private final double[] g = vars[0];
    private final double[] e = vars[1];
    private final double[] i = vars[2];

    private Pas(MechanismType type, int count) {
        super(type, count);
    }

    @Override
    public void init(MechContext ctx) {}

    @Override
    public void current(MechContext ctx) {
        final double[] v = ctx.v;
        final double[] rhs = ctx.rhs;
        final double[] d = ctx.d;
        for (int k = 0; k < count; k++) {
            int n = node[k];
            double i0 = g[k] * (v[n] - e[k]);
            i[k] = i0;
            rhs[n] -= i0;
            d[n] += g[k]; // the analytic di/dv of NEURON's difference quotient
        }
    }
}
