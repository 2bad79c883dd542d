package org.bsb.benchmarks.cable;

import java.util.List;
import java.util.Map;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.mechanisms.BuiltinMechanisms;
import org.bsb.neuron.model.LiteralReader;
import org.bsb.neuron.model.ModelDefinition;
import org.bsb.neuron.nmodl.catalogue.BuiltinNmodlCatalogue;
import org.bsb.neuron.spi.MechanismCatalogue;

/**
 * Hand-written Java built-ins against the same mechanisms compiled from our own .mod files
 * ({@code BuiltinNmodlCatalogue}), in one run, 100 ms at dt 0.025, 6.3 °C, one thread, N Stellate copies:
 * "hh": {@code hh} everywhere and an IClamp (0.1 nA); "synapses": {@code pas} everywhere, per cell 20
 * {@code ExpSyn} and 20 {@code Exp2Syn} driven by a NetStim every 2 ms. The two implementations are
 * alternated for {@code bench.rounds} rounds and the best thread CPU time of each kept; the soma voltage
 * at 100 ms of cell 0 is printed for both.
 */
public final class BuiltinsBenchmark {
    private BuiltinsBenchmark() {}

    static Network network(CableCell cell, int copies, MechanismCatalogue first, boolean synapses) {
        Network net = new Network(List.of(first, new BuiltinMechanisms()));
        Network.PointRef stim =
                net.addArtificialCell("NetStim", Map.of("interval", 2.0, "number", 50.0, "start", 1.0, "noise", 0.0));
        int source = net.addSpikeSource(stim);
        int sections = cell.sections().size();
        for (int c = 0; c < copies; c++) {
            int id = net.addCell(cell);
            if (!synapses) {
                net.addPointProcess(id, 0, 0.5, "IClamp", Map.of("del", 20.0, "dur", 60.0, "amp", 0.1));
                continue;
            }
            for (int k = 0; k < 20; k++) {
                int sec = 1 + (k * 7) % (sections - 1);
                net.connect(
                        source, net.addPointProcess(id, sec, 0.5, "ExpSyn", Map.of("tau", 2.0, "e", 0.0)), 1.0, 1e-4);
                net.connect(
                        source,
                        net.addPointProcess(id, sec, 0.3, "Exp2Syn", Map.of("tau1", 0.5, "tau2", 3.0, "e", 0.0)),
                        1.0,
                        1e-4);
            }
        }
        net.probeVoltage(0, 0, 0.5);
        return net;
    }

    static double[] run(Network net) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        SimResult r = Simulator.run(net, new SimSettings(0.025, 100, 6.3, -65), 1);
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        double[] v = r.trace(new Network.Probe(0));
        return new double[] {cpu, v[v.length - 1]};
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        for (String scenario : new String[] {"hh", "synapses"}) {
            boolean synapses = scenario.equals("synapses");
            String file = synapses ? "stellate_pas.json" : "stellate_hh_all.json";
            ModelDefinition model =
                    ModelDefinition.fromData(LiteralReader.parse(CableBenchmark.resource(file), file), file);
            CableCell cell = CableBenchmark.stellate(model);
            Network java = network(cell, copies, new BuiltinMechanisms(), synapses);
            Network nmodl = network(cell, copies, new BuiltinNmodlCatalogue(), synapses);
            for (int k = 0; k < 2; k++) { // JIT warm-up of both
                run(java);
                run(nmodl);
            }
            double bestJava = Double.POSITIVE_INFINITY;
            double bestNmodl = Double.POSITIVE_INFINITY;
            double[] rj = null;
            double[] rn = null;
            for (int round = 0; round < CableBenchmark.ROUNDS; round++) {
                rj = run(java);
                rn = run(nmodl);
                bestJava = Math.min(bestJava, rj[0]);
                bestNmodl = Math.min(bestNmodl, rn[0]);
            }
            System.out.printf(
                    "built-ins, %s: %d Stellate copies, 100 ms, 1 thread: cpu Java %.3f s, NMODL %.3f s,"
                            + " NMODL/Java %.3f (cell 0 v_soma(100 ms): Java %.9f, NMODL %.9f mV)%n",
                    scenario, copies, bestJava, bestNmodl, bestNmodl / bestJava, rj[1], rn[1]);
        }
    }
}
