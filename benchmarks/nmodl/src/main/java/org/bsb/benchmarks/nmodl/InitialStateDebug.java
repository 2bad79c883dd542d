package org.bsb.benchmarks.nmodl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.model.LiteralReader;
import org.bsb.neuron.nmodl.catalogue.BuiltinNmodlCatalogue;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.nmodl.stellate.StellateComparison;
import org.bsb.testsupport.ProjectPaths;

/** Prints each soma range variable after finitialize next to NEURON's initial_state.json (diagnostics). */
public final class InitialStateDebug {
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        Path data = ProjectPaths.neuronData().orElse(null);
        NmodlCatalogue cat = NmodlCatalogue.fromDirectories("p", List.of(Path.of(System.getenv("BSB_MECHANISM_PATH"))));
        CableCell cell = StellateComparison.buildCell(data);
        Map<String, Object> init = (Map<String, Object>) LiteralReader.parse(
                java.nio.file.Files.readString(data.resolve("neuron-reference/initial_state.json")), "init");
        String site = args.length > 0 ? args[0] : "v_soma";
        Map<String, Object> soma = (Map<String, Object>) init.get(site);
        Network net = new Network(List.of(cat, new BuiltinNmodlCatalogue()));
        int c = net.addCell(cell);
        int sec = cell.sectionIndex((String) soma.get("section"));
        double x = ((Number) soma.get("segment_center_x")).doubleValue();
        List<String[]> names = new ArrayList<>();
        List<Network.Probe> probes = new ArrayList<>();
        Map<String, Object> mechs = (Map<String, Object>) soma.get("density_mechs");
        for (var e : mechs.entrySet()) {
            String full = e.getKey();
            String shortName = full.substring("glia__dbbs__".length());
            if (shortName.endsWith("__0")) shortName = shortName.substring(0, shortName.length() - 3);
            if (shortName.equals("Km__granule_cell")) shortName = "Km";
            for (var v : ((Map<String, Object>) e.getValue()).entrySet()) {
                try {
                    probes.add(net.probeDensity(c, sec, x, shortName, v.getKey()));
                    names.add(new String[] {shortName, v.getKey(), String.valueOf(v.getValue())});
                } catch (RuntimeException ex) {
                    System.out.println("no probe " + shortName + "." + v.getKey() + ": " + ex.getMessage());
                }
            }
        }
        SimResult r = Simulator.run(net, new SimSettings(0.025, 0.025, 32, -65), 1);
        for (int k = 0; k < probes.size(); k++) {
            double ours = r.trace(probes.get(k))[0];
            double ref = Double.parseDouble(names.get(k)[2]);
            String flag = Math.abs(ours - ref) > 1e-6 * Math.max(1, Math.abs(ref)) ? "   <<<<" : "";
            System.out.printf(
                    "%-12s %-10s NEURON %-24s ours %-24s%s%n", names.get(k)[0], names.get(k)[1], ref, ours, flag);
        }
    }
}
