package org.bsb.neuron.mechanisms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.junit.jupiter.api.Test;

/**
 * NEURON's finitialize ends by evaluating every mechanism's currents once, so ion currents recorded at
 * t = 0 are the initial ones, not zero. Truth by hand: hh at rest (v = -65 mV, default gnabar 0.12,
 * gkbar 0.036 S/cm², ena 50, ek -77 mV) with its gates at their steady state, m∞ = αm / (αm + βm) etc.
 * (the Q10 factor scales α and β alike and cancels).
 */
class InitialCurrentsTest {

    @Test
    void ionCurrentsAtTimeZeroAreTheInitialOnes() {
        CableCell cell = StellateReference.withModel("stellate", "stellate_hh.json");
        Network net = new Network(List.of(new BuiltinMechanisms()));
        int c = net.addCell(cell);
        int soma = cell.sectionIndex(StellateReference.SOMA);
        Network.Probe ina = net.probeIon(c, soma, 0.5, "na", "cur");
        Network.Probe ik = net.probeIon(c, soma, 0.5, "k", "cur");
        SimResult r = Simulator.run(net, new SimSettings(0.025, 1, 32, -65), 1);

        double v = -65;
        double am = 0.1 * (v + 40) / (1 - Math.exp(-(v + 40) / 10));
        double bm = 4 * Math.exp(-(v + 65) / 18);
        double ah = 0.07 * Math.exp(-(v + 65) / 20);
        double bh = 1 / (1 + Math.exp(-(v + 35) / 10));
        double an = 0.01 * (v + 55) / (1 - Math.exp(-(v + 55) / 10));
        double bn = 0.125 * Math.exp(-(v + 65) / 80);
        double m = am / (am + bm);
        double h = ah / (ah + bh);
        double n = an / (an + bn);
        double inaWant = 0.12 * m * m * m * h * (v - 50);
        double ikWant = 0.036 * n * n * n * n * (v + 77);

        assertEquals(inaWant, r.trace(ina)[0], 1e-12 * Math.abs(inaWant) + 1e-15, "ina at t = 0 (mA/cm2)");
        assertEquals(ikWant, r.trace(ik)[0], 1e-12 * Math.abs(ikWant) + 1e-15, "ik at t = 0 (mA/cm2)");
    }
}
