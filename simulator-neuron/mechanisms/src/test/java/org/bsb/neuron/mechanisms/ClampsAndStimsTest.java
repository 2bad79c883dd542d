package org.bsb.neuron.mechanisms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.cable.TestData;
import org.junit.jupiter.api.Test;

/**
 * SEClamp, NetStim, Exp2Syn and ExpSyn on the passive Stellate cell against NEURON
 * (neuron-harness/clamps_stims.csv from neuron_reference.py).
 */
class ClampsAndStimsTest {

    @Test
    void builtInsMatchNeuron() {
        CableCell cell = StellateReference.withModel("stellate", "stellate_pas.json");
        Network net = new Network(List.of(new BuiltinMechanisms()));
        int c = net.addCell(cell);
        int dend = cell.sectionIndex(StellateReference.DEND);
        int axon = cell.sectionIndex(StellateReference.AXON);
        Network.PointRef se = net.addPointProcess(
                c,
                dend,
                0.5,
                "SEClamp",
                Map.of(
                        "rs", 1.0, "dur1", 10.0, "amp1", -65.0, "dur2", 30.0, "amp2", -20.0, "dur3", 20.0, "amp3",
                        -80.0));
        Network.PointRef s2 = net.addPointProcess(c, axon, 0.5, "Exp2Syn", Map.of("tau1", 0.5, "tau2", 5.0, "e", 0.0));
        Network.PointRef ns1 = net.addArtificialCell("NetStim", Map.of("start", 5.0, "interval", 12.5, "number", 4.0));
        net.connect(net.addSpikeSource(ns1), s2, 1.0, 0.005);
        Network.PointRef s1 = net.addPointProcess(c, 0, 0.5, "ExpSyn", Map.of("tau", 3.0, "e", 0.0));
        Network.PointRef ns2 = net.addArtificialCell("NetStim", Map.of("start", 62.0, "interval", 7.0, "number", 5.0));
        net.connect(net.addSpikeSource(ns2), s1, 0.5, 0.002);
        String[] sites = {StellateReference.SOMA, StellateReference.DEND, StellateReference.AIS, StellateReference.AXON
        };
        Network.Probe[] probes = new Network.Probe[7];
        for (int i = 0; i < 4; i++) {
            probes[i] = net.probeVoltage(c, cell.sectionIndex(sites[i]), 0.5);
        }
        probes[4] = net.probe(se, "i");
        probes[5] = net.probe(s2, "g");
        probes[6] = net.probe(s1, "g");
        SimResult r = Simulator.run(net, new SimSettings(0.025, 100, 32, -65), 1);
        double[][] ref = TestData.numericColumns("neuron-harness/clamps_stims.csv");
        double[] tol = {1e-6, 1e-6, 1e-6, 1e-6, 1e-6, 1e-12, 1e-12};
        for (int k = 0; k < 7; k++) {
            double[] ours = r.trace(probes[k]);
            assertEquals(ref[0].length, ours.length);
            double max = 0;
            double scale = 0;
            for (int row = 0; row < ours.length; row++) {
                max = Math.max(max, Math.abs(ours[row] - ref[k + 1][row]));
                scale = Math.max(scale, Math.abs(ref[k + 1][row]));
            }
            System.out.printf("clamps/stims column %d: max |diff| %.3g (max |value| %.3g)%n", k + 1, max, scale);
            assertTrue(scale > 0, "column " + (k + 1) + " must be exercised");
            assertTrue(max < tol[k], "column " + (k + 1) + " differs from NEURON by " + max);
        }
    }
}
