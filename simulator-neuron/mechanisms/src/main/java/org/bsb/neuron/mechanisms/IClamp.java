package org.bsb.neuron.mechanisms;

import java.util.List;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/** NEURON's {@code IClamp}: {@code amp} nA injected for {@code del <= t < del + dur}. */
final class IClamp extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "IClamp",
            MechanismKind.POINT_PROCESS,
            List.of(
                    Variable.parameter("del", 0, "ms"), Variable.parameter("dur", 0, "ms"),
                    Variable.parameter("amp", 0, "nA"), Variable.assigned("i", "nA")),
            List.of(),
            true,
            0,
            IClamp::new);

    private final double[] del = vars[0];
    private final double[] dur = vars[1];
    private final double[] amp = vars[2];
    private final double[] i = vars[3];

    private IClamp(MechanismType type, int count) {
        super(type, count);
    }

    @Override
    public void init(MechContext ctx) {
        java.util.Arrays.fill(i, 0.0);
    }

    @Override
    public void current(MechContext ctx) {
        double t = ctx.t;
        for (int k = 0; k < count; k++) {
            int n = node[k];
            double ik = (t < del[k] + dur[k] && t >= del[k]) ? amp[k] : 0.0;
            i[k] = ik;
            ctx.rhs[n] += ik * (1.e2 / ctx.area[n]);
        }
    }
}
