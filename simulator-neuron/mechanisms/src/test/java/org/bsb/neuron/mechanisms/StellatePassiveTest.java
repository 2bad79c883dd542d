package org.bsb.neuron.mechanisms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.cable.TestData;
import org.junit.jupiter.api.Test;

/** NEURON reference scenario d: Stellate cell, Leak only (= pas), IClamp 0.05 nA 20-80 ms. */
class StellatePassiveTest {

    @Test
    void scenarioDMatchesNeuronAtFourSites() {
        CableCell cell = StellateReference.passive();
        Network net = new Network(List.of(new BuiltinMechanisms()));
        int c = net.addCell(cell);
        net.addPointProcess(c, 0, 0.5, "IClamp", Map.of("del", 20.0, "dur", 60.0, "amp", 0.05));
        String[] sites = {StellateReference.SOMA, StellateReference.DEND, StellateReference.AIS, StellateReference.AXON
        };
        Network.Probe[] probes = new Network.Probe[4];
        for (int i = 0; i < 4; i++) {
            probes[i] = net.probeVoltage(c, cell.sectionIndex(sites[i]), 0.5);
        }
        SimResult r = Simulator.run(net, new SimSettings(0.025, 100, 32, -65), 1);
        double[][] ref = TestData.numericColumns("neuron-reference/d_passive_0.05nA.csv");
        for (int i = 0; i < 4; i++) {
            double[] v = r.trace(probes[i]);
            assertEquals(ref[0].length, v.length);
            double max = 0;
            for (int k = 0; k < v.length; k++) {
                max = Math.max(max, Math.abs(v[k] - ref[i + 1][k]));
            }
            assertEquals(0, max, 0.01, "max |v - NEURON| at " + sites[i]);
            System.out.printf("scenario d %s: max |dv| = %.3g mV%n", sites[i], max);
        }
    }
}
