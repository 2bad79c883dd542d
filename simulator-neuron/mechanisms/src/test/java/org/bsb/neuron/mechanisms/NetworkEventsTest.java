package org.bsb.neuron.mechanisms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.bsb.neuron.cable.TestData;
import org.junit.jupiter.api.Test;

/** Connections, event delivery, artificial cells and thread-count independence. */
class NetworkEventsTest {

    record TwoCells(Network net, Network.Probe va, Network.Probe vb, Network.Probe g, int srcA, int srcB) {}

    static TwoCells twoCells() {
        Network net = new Network(List.of(new BuiltinMechanisms()));
        CableCell cell = StellateReference.withModel("stellate", "stellate_hh.json");
        int a = net.addCell(cell);
        int b = net.addCell(cell);
        net.addPointProcess(a, 0, 0.5, "IClamp", Map.of("del", 20.0, "dur", 60.0, "amp", 0.3));
        Network.PointRef syn = net.addPointProcess(b, 0, 0.5, "ExpSyn", Map.of("tau", 2.0, "e", 0.0));
        int srcA = net.addSpikeSource(a, 0, 0.5, -20);
        int srcB = net.addSpikeSource(b, 0, 0.5, -20);
        net.connect(srcA, syn, 2.0, 0.02);
        return new TwoCells(
                net, net.probeVoltage(a, 0, 0.5), net.probeVoltage(b, 0, 0.5), net.probe(syn, "g"), srcA, srcB);
    }

    @Test
    @SuppressWarnings("unchecked")
    void expSynConnectionMatchesNeuron() {
        TwoCells m = twoCells();
        SimResult r = Simulator.run(m.net(), new SimSettings(0.025, 100, 6.3, -65), 1);
        double[][] ref = TestData.numericColumns("neuron-harness/net_expsyn.csv");
        double[][] ours = {r.trace(m.va()), r.trace(m.vb()), r.trace(m.g())};
        for (int c = 0; c < 3; c++) {
            double max = 0;
            for (int k = 0; k < ref[0].length; k++) {
                max = Math.max(max, Math.abs(ours[c][k] - ref[c + 1][k]));
            }
            System.out.printf("two cells, column %d: max |diff| %.3g%n", c + 1, max);
            assertTrue(max < (c < 2 ? 1e-6 : 1e-9), "column " + (c + 1) + " differs by " + max);
        }
        // spike times: ours against the times NEURON's NetCons recorded (summary.json; step end + 1e-10 ms)
        Map<String, Object> summary =
                (Map<String, Object>) ((Map<String, Object>) org.bsb.neuron.model.LiteralReader.parse(
                                TestData.text("neuron-harness/summary.json"), "summary.json"))
                        .get("net_expsyn");
        double[] refA = ((List<Number>) summary.get("a_spikes_ms"))
                .stream().mapToDouble(Number::doubleValue).toArray();
        double[] refB = ((List<Number>) summary.get("b_spikes_ms"))
                .stream().mapToDouble(Number::doubleValue).toArray();
        assertEquals(1, refB.length, "the reference postsynaptic cell spikes once");
        assertArrayEquals(refA, r.spikes(m.srcA()), 1e-12);
        assertArrayEquals(refB, r.spikes(m.srcB()), 1e-12);
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalBits() {
        TwoCells m = twoCells();
        SimSettings s = new SimSettings(0.025, 60, 6.3, -65);
        SimResult r1 = Simulator.run(m.net(), s, 1);
        SimResult r2 = Simulator.run(m.net(), s, 2);
        for (Network.Probe p : List.of(m.va(), m.vb(), m.g())) {
            assertArrayEquals(r1.trace(p), r2.trace(p));
        }
        assertArrayEquals(r1.spikes(m.srcA()), r2.spikes(m.srcA()));
        assertArrayEquals(r1.spikes(m.srcB()), r2.spikes(m.srcB()));
        assertTrue(r1.spikes(m.srcB()).length > 0, "the test must exercise a cross-group connection");
    }

    static CableCell smallPassive() {
        float[] x = {0, 20};
        float[] z = {0, 0};
        float[] d = {10, 10};
        return new CableCell(
                "ball",
                List.of(new CableSection(
                        "soma",
                        List.of("soma"),
                        -1,
                        x,
                        z,
                        z,
                        d,
                        1,
                        100,
                        1,
                        List.of(new MechanismSpec("pas", Map.of("g", 1e-4, "e", -65.0))),
                        Map.of())));
    }

    /** An event due at 10 ms arrives after the step that ends at 10 ms: g jumps at row 10.025 (decayed once). */
    @Test
    void vecStimEventReachesExpSynOnTheNeuronStep() {
        Network net = new Network(List.of(new BuiltinMechanisms()));
        int c = net.addCell(smallPassive());
        Network.PointRef syn = net.addPointProcess(c, 0, 0.5, "ExpSyn", Map.of("tau", 3.0));
        Network.PointRef vs = net.addArtificialCell("VecStim", Map.of());
        net.setVector(vs, "times", new double[] {8.0});
        int src = net.addSpikeSource(vs);
        net.connect(src, syn, 2.0, 0.5);
        Network.Probe g = net.probe(syn, "g");
        SimResult r = Simulator.run(net, new SimSettings(0.025, 20, 6.3, -65), 1);
        double[] gt = r.trace(g);
        assertEquals(0.0, gt[400]);
        double w = 0.5;
        assertEquals(w + (1 - Math.exp(-0.025 / 3.0)) * (-w), gt[401], 1e-15);
        assertArrayEquals(new double[] {8.0}, r.spikes(src));
    }

    @Test
    void netStimFiresItsRegularTrain() {
        Network net = new Network(List.of(new BuiltinMechanisms()));
        int c = net.addCell(smallPassive());
        Network.PointRef syn = net.addPointProcess(c, 0, 0.5, "Exp2Syn", Map.of("tau1", 0.5, "tau2", 5.0));
        Network.PointRef ns = net.addArtificialCell("NetStim", Map.of("start", 5.0, "interval", 10.0, "number", 3.0));
        int src = net.addSpikeSource(ns);
        net.connect(src, syn, 1.0, 0.01);
        Network.Probe g = net.probe(syn, "g");
        SimResult r = Simulator.run(net, new SimSettings(0.025, 50, 6.3, -65), 2);
        assertArrayEquals(new double[] {5.0, 15.0, 25.0}, r.spikes(src), 1e-12);
        // Exp2Syn normalises its peak to the weight: the first peak (before the second event) is 0.01 µS
        double[] gt = r.trace(g);
        double peak = 0;
        for (int k = 0; k < 600; k++) {
            peak = Math.max(peak, gt[k]);
        }
        assertEquals(0.01, peak, 2e-5);
    }
}
