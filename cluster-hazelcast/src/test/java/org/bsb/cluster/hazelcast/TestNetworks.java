package org.bsb.cluster.hazelcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.mechanisms.BuiltinMechanisms;

/**
 * A network of the built-in mechanisms that every process builds alike: a ring of cells (hh soma and axon,
 * passive dendrite), each exciting the next through an ExpSyn with its own delay, an inhibitory Exp2Syn across
 * the ring, an IClamp driving cell 0 and a NetStim (on rank 0, as artificial cells are) driving cell 1; probes on
 * every soma and synapse, detectors on every soma and axon end.
 */
final class TestNetworks {
    private TestNetworks() {}

    static SimSettings settings(double tstop) {
        return new SimSettings(0.025, tstop, 6.3, -65.0, SimSettings.NonFinite.ERROR);
    }

    static Network ring(int cells) {
        Network net = new Network(List.of(new BuiltinMechanisms()));
        List<CableSection> sections = List.of(
                section(
                        "soma",
                        -1,
                        new float[] {0, 20},
                        new float[] {0, 0},
                        new float[] {20, 20},
                        1,
                        new MechanismSpec("hh", Map.of())),
                section(
                        "dend",
                        0,
                        new float[] {20, 20},
                        new float[] {0, 240},
                        new float[] {3, 1.5f},
                        5,
                        new MechanismSpec("pas", Map.of("g", 1e-4, "e", -65.0))),
                section(
                        "axon",
                        0,
                        new float[] {20, 20},
                        new float[] {0, -150},
                        new float[] {1, 1},
                        3,
                        new MechanismSpec("hh", Map.of())));
        int[] ids = new int[cells];
        for (int c = 0; c < cells; c++) {
            ids[c] = net.addCell(new CableCell("cell" + c, sections));
        }
        net.addPointProcess(ids[0], 0, 0.5, "IClamp", Map.of("del", 2.0, "dur", 1e9, "amp", 0.25));
        Network.PointRef stim =
                net.addArtificialCell("NetStim", Map.of("start", 15.0, "interval", 9.0, "number", 1e9, "noise", 0.0));
        List<Network.PointRef> syns = new ArrayList<>();
        int[] axonEnds = new int[cells];
        for (int c = 0; c < cells; c++) {
            syns.add(net.addPointProcess(ids[c], 1, 0.7, "ExpSyn", Map.of("tau", 2.0, "e", 0.0)));
            net.addSpikeSource(ids[c], 0, 0.5, -20.0);
            axonEnds[c] = net.addSpikeSource(ids[c], 2, 1.0, 0.0);
        }
        for (int c = 0; c < cells; c++) {
            net.connect(axonEnds[c], syns.get((c + 1) % cells), 1.3 + 0.25 * c, 0.02);
        }
        net.connect(net.addSpikeSource(stim), syns.get(1 % cells), 2.0, 0.05);
        Network.PointRef inh =
                net.addPointProcess(ids[cells / 2], 1, 0.9, "Exp2Syn", Map.of("tau1", 0.5, "tau2", 6.0, "e", -80.0));
        net.connect(axonEnds[0], inh, 3.7, 0.01);
        for (int c = 0; c < cells; c++) {
            net.probeVoltage(ids[c], 0, 0.5);
            net.probe(syns.get(c), "i");
        }
        net.probe(inh, "i");
        return net;
    }

    private static CableSection section(
            String name, int parent, float[] x, float[] y, float[] d, int nseg, MechanismSpec mech) {
        return new CableSection(
                name, List.of(name), parent, x, y, new float[x.length], d, nseg, 100.0, 1.0, List.of(mech), Map.of());
    }
}
