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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Stellate cell with {@code pas} only and with {@code hh} in soma and axon, IClamp steps,
 * against NEURON's traces from simulator-neuron/reference/neuron_reference.py.
 */
class StellateHarnessTest {
    static final String[] SITES = {
        StellateReference.SOMA, StellateReference.DEND, StellateReference.AIS, StellateReference.AXON
    };

    static double[][] simulate(String model, double amp, double celsius) {
        CableCell cell = StellateReference.withModel("stellate", model);
        Network net = new Network(List.of(new BuiltinMechanisms()));
        int c = net.addCell(cell);
        net.addPointProcess(c, 0, 0.5, "IClamp", Map.of("del", 20.0, "dur", 60.0, "amp", amp));
        Network.Probe[] probes = new Network.Probe[SITES.length];
        for (int i = 0; i < SITES.length; i++) {
            probes[i] = net.probeVoltage(c, cell.sectionIndex(SITES[i]), 0.5);
        }
        SimResult r = Simulator.run(net, new SimSettings(0.025, 100, celsius, -65), 1);
        double[][] out = new double[SITES.length][];
        for (int i = 0; i < SITES.length; i++) {
            out[i] = r.trace(probes[i]);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"0.1", "0.3"})
    void passiveTracesWithinHundredthMillivolt(double amp) {
        double[][] v = simulate("stellate_pas.json", amp, 32);
        double[][] ref = TestData.numericColumns("neuron-harness/pas_" + amp + "nA.csv");
        for (int i = 0; i < SITES.length; i++) {
            assertEquals(ref[0].length, v[i].length);
            double max = 0;
            for (int k = 0; k < v[i].length; k++) {
                max = Math.max(max, Math.abs(v[i][k] - ref[i + 1][k]));
            }
            System.out.printf("pas %.1f nA %s: max |dv| %.3g mV%n", amp, SITES[i], max);
            assertTrue(max < 0.01, "max |v - NEURON| " + max + " mV at " + SITES[i]);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.1", "0.3"})
    void activeSpikeTimesWithinFiftyMicroseconds(double amp) {
        double[][] v = simulate("stellate_hh.json", amp, 6.3);
        double[][] ref = TestData.numericColumns("neuron-harness/hh_" + amp + "nA.csv");
        for (int i = 0; i < SITES.length; i++) {
            List<Double> ours = StellateReference.crossings(v[i], 0.025, -20);
            List<Double> theirs = StellateReference.crossings(ref[i + 1], 0.025, -20);
            assertEquals(
                    theirs.size(), ours.size(), "spike count at " + SITES[i] + ": NEURON " + theirs + ", ours " + ours);
            assertTrue(!theirs.isEmpty() || i > 0, "the reference soma must spike");
            double max = 0;
            for (int k = 0; k < ours.size(); k++) {
                max = Math.max(max, Math.abs(ours.get(k) - theirs.get(k)));
            }
            double maxV = 0;
            for (int k = 0; k < v[i].length; k++) {
                maxV = Math.max(maxV, Math.abs(v[i][k] - ref[i + 1][k]));
            }
            System.out.printf(
                    "hh %.1f nA %s: %d spikes, max |dt_spike| %.3g ms, max |dv| %.3g mV%n",
                    amp, SITES[i], ours.size(), max, maxV);
            assertTrue(max < 0.05, "spike times differ by " + max + " ms at " + SITES[i]);
        }
    }
}
