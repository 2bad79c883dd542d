package org.bsb.neuron.nmodl.stellate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.TagParameters;
import org.bsb.morphology.swc.SwcParser;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CellBuilder;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.model.LiteralReader;
import org.bsb.neuron.model.ModelDefinition;
import org.bsb.neuron.nmodl.catalogue.BuiltinNmodlCatalogue;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.testsupport.ProjectPaths;

/**
 * The tutorial's Stellate cell (StellateCell.swc + Stellate.py) with the dbbs catalogue's mechanisms
 * compiled by this compiler, against NEURON's reference traces (scenario a: rest, c: IClamp 0.1 / 0.3 nA
 * at the soma from 20 to 80 ms).
 *
 * <p>Run: {@code BSB_MECHANISM_PATH=<catalogue>/dbbs_catalogue/mods/neuron BSB_NEURON_DATA=<shared>/data
 * mvn -pl simulator-neuron/nmodl -am verify -Dtest=StellateCatalogueTest}; benchmarks/nmodl's
 * {@code StellateVersusNeuron} prints the three scenarios.
 */
public final class StellateComparison {
    public static final String[] SITES = {
        "StellateCell_0_interval (0.0-19)",
        "StellateCell_0_interval (19.0-101)",
        "StellateCell_0_interval (105.0-64)",
        "StellateCell_0_interval (107.0-90)"
    };

    /** Outcome of one scenario at the soma. */
    public record Result(
            String scenario,
            List<Double> neuronSpikes,
            List<Double> ourSpikes,
            double maxSpikeShift,
            double maxSubthresholdDv,
            double maxDv,
            double seconds) {
        public boolean spikesMatch(double tol) {
            return neuronSpikes.size() == ourSpikes.size() && maxSpikeShift <= tol;
        }

        @Override
        public String toString() {
            return String.format(
                    "%s: NEURON soma spikes %s%n  ours %s%n  max |spike shift| %.4f ms, max subthreshold"
                            + " |dv| %.4f mV, max |dv| %.2f mV, run %.2f s",
                    scenario, round(neuronSpikes), round(ourSpikes), maxSpikeShift, maxSubthresholdDv, maxDv, seconds);
        }
    }

    private static List<String> round(List<Double> xs) {
        return xs.stream().map(x -> String.format("%.3f", x)).toList();
    }

    /** The NEURON reference data ({@code BSB_NEURON_DATA}, else shared/data beside the repository), or null. */
    public static Path dataDir() {
        return ProjectPaths.neuronData().orElse(null);
    }

    public static CableCell buildCell(Path data) throws Exception {
        TagParameters tags = TagParameters.ofTags(Map.of(
                "16",
                List.of("dendrites", "proximal_dendrites"),
                "17",
                List.of("dendrites", "distal_dendrites"),
                "18",
                List.of("axon", "axon_initial_segment")));
        Morphology m = new SwcParser()
                .read(data.resolve("StellateCell.swc"), "StellateCell", tags)
                .morphology();
        ModelDefinition model = ModelDefinition.fromData(
                LiteralReader.parseAssignment(Files.readString(data.resolve("Stellate.py")), null, "Stellate.py"),
                "Stellate.py");
        return CellBuilder.build(
                "StellateCell_0", CellBuilder.sections(m, "StellateCell_0"), model, CellBuilder::defaultName);
    }

    /** Simulates {@code copies} unconnected cells for 100 ms with an IClamp of {@code amp} nA (0: none). */
    public static double[][] simulate(CableCell cell, NmodlCatalogue catalogue, double amp, int copies) {
        Network net = new Network(List.of(catalogue, new BuiltinNmodlCatalogue()));
        Network.Probe[] probes = new Network.Probe[SITES.length];
        for (int k = 0; k < copies; k++) {
            int c = net.addCell(cell);
            if (amp != 0) net.addPointProcess(c, 0, 0.5, "IClamp", Map.of("del", 20.0, "dur", 60.0, "amp", amp));
            if (k == 0) {
                for (int i = 0; i < SITES.length; i++)
                    probes[i] = net.probeVoltage(c, cell.sectionIndex(SITES[i]), 0.5);
            }
        }
        SimResult r = Simulator.run(net, new SimSettings(0.025, 100, 32, -65), 1);
        double[][] out = new double[SITES.length][];
        for (int i = 0; i < SITES.length; i++) out[i] = r.trace(probes[i]);
        return out;
    }

    public static List<Double> crossings(double[] v, double dt, double thr) {
        List<Double> out = new ArrayList<>();
        for (int k = 1; k < v.length; k++) {
            if (v[k - 1] <= thr && v[k] > thr) out.add((k - 1) * dt + dt * (thr - v[k - 1]) / (v[k] - v[k - 1]));
        }
        return out;
    }

    static double[] column(Path csv, String name) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        int c = List.of(lines.get(0).split(",")).indexOf(name);
        double[] out = new double[lines.size() - 1];
        for (int k = 1; k < lines.size(); k++)
            out[k - 1] = Double.parseDouble(lines.get(k).split(",")[c]);
        return out;
    }

    public static Result compare(Path data, CableCell cell, NmodlCatalogue cat, String scenario, String csv, double amp)
            throws IOException {
        double[] ref = column(data.resolve("neuron-reference").resolve(csv), "v_soma");
        long t0 = System.nanoTime();
        double[] v = simulate(cell, cat, amp, 1)[0];
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Double> theirs = crossings(ref, 0.025, -20);
        List<Double> ours = crossings(v, 0.025, -20);
        double shift = 0;
        for (int k = 0; k < Math.min(ours.size(), theirs.size()); k++)
            shift = Math.max(shift, Math.abs(ours.get(k) - theirs.get(k)));
        if (ours.size() != theirs.size()) shift = Double.POSITIVE_INFINITY;
        double sub = 0;
        double all = 0;
        for (int k = 0; k < Math.min(v.length, ref.length); k++) {
            double d = Math.abs(v[k] - ref[k]);
            all = Math.max(all, d);
            if (ref[k] < -40 && v[k] < -40) sub = Math.max(sub, d);
        }
        return new Result(scenario, theirs, ours, shift, sub, all, secs);
    }
}
