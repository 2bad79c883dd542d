package org.bsb.neuron.mechanisms;

import java.util.List;
import java.util.SplittableRandom;
import org.bsb.neuron.spi.MechContext;
import org.bsb.neuron.spi.Mechanism;
import org.bsb.neuron.spi.MechanismKind;
import org.bsb.neuron.spi.MechanismType;
import org.bsb.neuron.spi.Variable;

/**
 * NEURON's {@code NetStim}: {@code number} spikes from {@code start} every {@code interval}
 * ms; with {@code noise} in (0, 1] a fraction of each interval is exponentially distributed.
 * The random stream is a per-instance {@link SplittableRandom} seeded by {@code seed}, so noisy
 * trains are reproducible but are not NEURON's (whose generator is not portable).
 */
final class NetStim extends Mechanism {
    static final MechanismType TYPE = new BuiltinType(
            "NetStim",
            MechanismKind.ARTIFICIAL_CELL,
            List.of(
                    Variable.parameter("interval", 10, "ms"),
                    Variable.parameter("number", 10, ""),
                    Variable.parameter("start", 50, "ms"),
                    Variable.parameter("noise", 0, ""),
                    Variable.parameter("seed", 0, ""),
                    Variable.assigned("event", "ms"),
                    Variable.assigned("on", ""),
                    Variable.assigned("ispike", "")),
            List.of(),
            false,
            1,
            NetStim::new);

    private final double[] interval = vars[0];
    private final double[] number = vars[1];
    private final double[] start = vars[2];
    private final double[] noise = vars[3];
    private final double[] seed = vars[4];
    private final double[] event = vars[5];
    private final double[] on = vars[6];
    private final double[] ispike = vars[7];
    private final SplittableRandom[] rng;

    private NetStim(MechanismType type, int count) {
        super(type, count);
        rng = new SplittableRandom[count];
    }

    private double invl(int k, double mean) {
        if (mean <= 0.) {
            mean = .01;
        }
        if (noise[k] == 0) {
            return mean;
        }
        double erand = -Math.log(1.0 - rng[k].nextDouble());
        return (1. - noise[k]) * mean + noise[k] * mean * erand;
    }

    @Override
    public void init(MechContext ctx) {
        for (int k = 0; k < count; k++) {
            rng[k] = new SplittableRandom((long) seed[k]);
            on[k] = 0;
            ispike[k] = 0;
            noise[k] = Math.min(1, Math.max(0, noise[k]));
            if (start[k] >= 0 && number[k] > 0) {
                on[k] = 1;
                event[k] = start[k] + invl(k, interval[k]) - interval[k] * (1. - noise[k]);
                if (event[k] < 0) {
                    event[k] = 0;
                }
                ctx.events.netSend(this, k, ctx.t + event[k], 3);
            }
        }
    }

    @Override
    public void current(MechContext ctx) {}

    private void initSequence(int k) {
        if (number[k] > 0) {
            on[k] = 1;
            event[k] = 0;
            ispike[k] = 0;
        }
    }

    private void nextInvl(int k) {
        if (number[k] > 0) {
            event[k] = invl(k, interval[k]);
        }
        if (ispike[k] >= number[k]) {
            on[k] = 0;
        }
    }

    @Override
    public void netReceive(MechContext ctx, int k, double[] weights, int offset, double flag) {
        double t = ctx.t;
        if (flag == 0) {
            double w = weights == null ? 0 : weights[offset];
            if (w > 0 && on[k] == 0) {
                initSequence(k);
                nextInvl(k);
                event[k] = event[k] - interval[k] * (1. - noise[k]);
                ctx.events.netSend(this, k, t + event[k], 1);
            } else if (w < 0) {
                on[k] = 0;
            }
        }
        if (flag == 3 && on[k] == 1) {
            initSequence(k);
            ctx.events.netSend(this, k, t, 1);
        }
        if (flag == 1 && on[k] == 1) {
            ispike[k] += 1;
            ctx.events.netEvent(this, k, t);
            nextInvl(k);
            if (on[k] == 1) {
                ctx.events.netSend(this, k, t + event[k], 1);
            }
        }
    }
}
