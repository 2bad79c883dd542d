package org.bsb.neuron.mechanisms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.junit.jupiter.api.Test;

/**
 * A finite passive cable with sealed ends and a current step into its 0-end, against the
 * analytic eigenfunction series {@code V(0,t) = V_inf - sum_n b_n r_m/(1+k_n^2) exp(-(1+k_n^2) t/tau)},
 * {@code k_n = n pi lambda / l}, {@code b_0 = I/l}, {@code b_n = 2I/l}.
 */
class PassiveCableAnalyticTest {
    static final double LEN = 1000; // µm
    static final double DIAM = 2; // µm
    static final double RA = 100; // Ω·cm
    static final double CM = 1; // µF/cm²
    static final double G = 1e-4; // S/cm²
    static final double AMP = 0.1; // nA

    static double analytic(double t) {
        double rm = (1 / G) / (Math.PI * DIAM * 1e-4); // Ω·cm
        double ra = 4 * RA / (Math.PI * Math.pow(DIAM * 1e-4, 2)); // Ω/cm
        double lambda = Math.sqrt(rm / ra); // cm
        double tau = CM * 1e-6 / G * 1e3; // ms
        double l = LEN * 1e-4; // cm
        double i = AMP * 1e-9; // A
        // steady state: the sealed cable's input resistance r_a lambda coth(l / lambda)
        double v = i * ra * lambda / Math.tanh(l / lambda);
        for (int n = 0; ; n++) {
            double k = n * Math.PI * lambda / l;
            double b = (n == 0 ? 1 : 2) * i / l;
            double q = 1 + k * k;
            double term = b * rm / q * Math.exp(-q * t / tau);
            v -= term;
            if (n > 10 && term < 1e-12 * v) {
                break;
            }
        }
        return v * 1e3; // mV
    }

    static double maxRelativeError(double dt) {
        float[] x = {0, (float) LEN};
        float[] zero = {0, 0};
        float[] d = {(float) DIAM, (float) DIAM};
        CableSection s = new CableSection(
                "cable",
                List.of("dendrites"),
                -1,
                x,
                zero,
                zero,
                d,
                401,
                RA,
                CM,
                List.of(new MechanismSpec("pas", Map.of("g", G, "e", -65.0))),
                Map.of());
        Network net = new Network(List.of(new BuiltinMechanisms()));
        int c = net.addCell(new CableCell("cable", List.of(s)));
        net.addPointProcess(c, 0, 0.0, "IClamp", Map.of("del", 0.0, "dur", 1e9, "amp", AMP));
        Network.Probe p = net.probeVoltage(c, 0, 0.0);
        SimResult r = Simulator.run(net, new SimSettings(dt, 30, 6.3, -65), 1);
        double[] v = r.trace(p);
        double worst = 0;
        for (int k = 1; k < v.length; k++) {
            double t = k * dt;
            if (t < 1) {
                continue; // the first ms resolves the sqrt(t) onset, dominated by dx
            }
            double va = analytic(t);
            worst = Math.max(worst, Math.abs((v[k] + 65) - va) / Math.abs(va));
        }
        return worst;
    }

    @Test
    void somaTraceMatchesSeriesAndConvergesFirstOrderInDt() {
        double e1 = maxRelativeError(0.025);
        double e2 = maxRelativeError(0.0125);
        System.out.printf("sealed cable: max relative error %.3g (dt 0.025), %.3g (dt 0.0125)%n", e1, e2);
        assertTrue(e1 < 0.005, "relative error at dt 0.025: " + e1);
        assertTrue(e2 < 0.65 * e1 && e2 > 0.35 * e1, "backward Euler halves its error with dt: " + e1 + " -> " + e2);
    }
}
