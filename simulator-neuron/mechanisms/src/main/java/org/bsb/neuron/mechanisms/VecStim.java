package org.bsb.neuron.mechanisms;

import java.util.List;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/** NEURON's {@code VecStim}: spikes at the times of a vector (set with {@code setVector(.., "times", ..)}). */
final class VecStim extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "VecStim",
            MechanismKind.ARTIFICIAL_CELL,
            List.of(Variable.assigned("index", ""), Variable.assigned("etime", "ms")),
            List.of(),
            false,
            1,
            VecStim::new);

    private final double[] index = vars[0];
    private final double[] etime = vars[1];
    private final double[][] times;

    private VecStim(MechanismType type, int count) {
        super(type, count);
        times = new double[count][0];
    }

    @Override
    public void setVector(int instance, String name, double[] values) {
        if (!name.equals("times")) {
            super.setVector(instance, name, values);
        }
        times[instance] = values.clone();
    }

    private void element(int k) {
        int i = (int) index[k];
        if (i >= 0 && i < times[k].length) {
            etime[k] = times[k][i];
            index[k] = i + 1;
        } else {
            index[k] = -1;
        }
    }

    @Override
    public void init(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            index[k] = 0;
            element(k);
            if (index[k] > 0) {
                ctx.events.netSend(this, k, etime[k], 1);
            }
        }
    }

    @Override
    public void current(MechContext ctx) {}

    @Override
    public void netReceive(MechContext ctx, int k, double[] weights, int offset, double flag) {
        if (flag == 1) {
            ctx.events.netEvent(this, k, ctx.t);
            element(k);
            if (index[k] > 0) {
                ctx.events.netSend(this, k, etime[k], 1);
            }
        }
    }
}
