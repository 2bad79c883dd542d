package org.bsb.benchmarks.nmodl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.mechanisms.BuiltinMechanisms;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.nmodl.harness.SingleCompartment;
import org.bsb.neuron.nmodl.harness.SingleCompartment.Ion;
import org.bsb.neuron.nmodl.passes.Passes;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.bsb.neuron.nmodl.stellate.StellateComparison;
import org.bsb.neuron.spi.Mechanism;

/**
 * Bit-exact fingerprints (SHA-256 of the raw bits of every double) of simulated traces: every mod file
 * (built-ins, test files, a catalogue folder) alone in a one-compartment cell under a current step (and
 * events for point processes), and the Stellate cell with the catalogue (scenarios a, c, b1, b2).
 * Args: catalogue folder, shared data folder, [folder to write the generated sources to]. Run it with
 * BSB_NMODL_CACHE=off against two builds of the nmodl module (benchmarks/nmodl/fingerprints.sh): a refactoring of
 * the compiler must leave every line the same.
 */
public final class TraceFingerprints {
    private static final String[] BUILTIN = {"hh", "pas", "IClamp", "ExpSyn", "Exp2Syn"};
    private static final String[] TEST_MODS = {"cadyn", "cahva", "facsyn", "kdr_tab", "kin3", "lin2"};
    /** The dbbs catalogue's other ions (arbitrary but fixed values: fingerprints compare builds, not NEURON). */
    private static final List<Ion> EXTRA_IONS = List.of(
            new Ion("lca", 2, Double.NaN, 5e-5, 2),
            new Ion("h", 1, -34, 1, 1),
            new Ion("no", 1, 0, 1, 1),
            new Ion("nrvc", 1, 0, 1, 1),
            new Ion("nr2a", 1, 0, 1, 1),
            new Ion("nr2b", 1, 0, 1, 1));

    public static void main(String[] args) throws Exception {
        Path catalogue = Path.of(args[0]);
        Path data = Path.of(args[1]);
        Path sources = args.length > 2 ? Path.of(args[2]) : null;
        if (sources != null) Files.createDirectories(sources);
        Map<String, String> mods = new LinkedHashMap<>();
        for (String b : BUILTIN)
            mods.put(b + ".mod", SingleCompartment.resource("/org/bsb/neuron/nmodl/builtin/" + b + ".mod"));
        for (String m : TEST_MODS) mods.put("test-" + m + ".mod", SingleCompartment.resource("/mod/" + m + ".mod"));
        try (Stream<Path> s = Files.list(catalogue)) {
            for (Path f : (Iterable<Path>)
                    s.filter(p -> p.toString().endsWith(".mod")).sorted()::iterator) {
                mods.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, String> e : mods.entrySet()) {
            String fp;
            try {
                fp = singleCompartment(e.getKey(), e.getValue(), sources);
            } catch (RuntimeException ex) {
                fp = "error " + ex;
            }
            line(all, e.getKey(), fp);
        }
        NmodlCatalogue cat = NmodlCatalogue.fromDirectories("fingerprints", List.of(catalogue));
        CableCell cell = StellateComparison.buildCell(data);
        for (double amp : new double[] {0, 0.1, 0.3}) {
            line(all, "stellate-iclamp-" + amp, hash(StellateComparison.simulate(cell, cat, amp, 1)));
        }
        line(all, "stellate-iclamp-0.3-x3", hash(StellateComparison.simulate(cell, cat, 0.3, 3)));
        List<JsonNode> locations = new ArrayList<>();
        try (InputStream in =
                TraceFingerprints.class.getResourceAsStream("/stellate-synaptic/b_branch_locations.json")) {
            new ObjectMapper().readTree(in).forEach(locations::add);
        }
        line(all, "stellate-synaptic-b1", hash(synaptic(cat, cell, locations, 1)));
        line(all, "stellate-synaptic-b2", hash(synaptic(cat, cell, locations, locations.size())));
        System.out.println("ALL " + HexFormat.of().formatHex(all.digest()).substring(0, 32));
    }

    private static void line(MessageDigest all, String label, String fp) {
        String l = label + " " + fp;
        System.out.println(l);
        all.update((l + "\n").getBytes());
    }

    private static String singleCompartment(String file, String text, Path sources) throws RuntimeException {
        SingleCompartment c = new SingleCompartment(20, EXTRA_IONS);
        c.celsius = 32;
        Mechanism pas = c.insert("pas.mod", SingleCompartment.resource("/org/bsb/neuron/nmodl/builtin/pas.mod"));
        pas.variable("g")[0] = 1e-4;
        pas.variable("e")[0] = -65;
        Mechanism m = c.insert(file, text);
        NmodlMechanismType type = (NmodlMechanismType) m.type();
        if (sources != null) {
            try {
                Files.writeString(sources.resolve(file + ".java"), type.source());
                if (text.contains("KINETIC")) {
                    Files.writeString(
                            sources.resolve(file + ".split.java"),
                            Passes.generate(Passes.analyse(file, text), "Split", false));
                }
            } catch (LinkageError e) {
                // a build from before the passes: no split form to write
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        MechanismInfo info = type.info();
        if (info.netReceiveArgs() > 0) {
            double[] n1 = c.connect(m, 1);
            double[] n2 = c.connect(m, 0.5);
            for (double t : new double[] {5, 5.5, 12, 30}) c.event(n1, m, t);
            c.event(n2, m, 12);
            c.event(n2, m, 40);
        }
        Mechanism st = c.insert("IClamp.mod", SingleCompartment.resource("/org/bsb/neuron/nmodl/builtin/IClamp.mod"));
        st.variable("del")[0] = 5;
        st.variable("dur")[0] = 30;
        st.variable("amp")[0] = 0.05;
        c.initialize(-65);
        List<String> names =
                info.scalarFields().stream().map(MechanismInfo.Field::name).toList();
        int steps = 2400;
        ByteBuffer buf = ByteBuffer.allocate(8 * (steps + 1) * (names.size() + 1 + 36));
        for (int k = 0; k <= steps; k++) {
            if (k > 0) c.step();
            buf.putDouble(c.v[0]);
            for (String n : names) buf.putDouble(m.variable(n)[0]);
            for (String ion : new String[] {"na", "k", "ca", "lca", "h", "no", "nrvc", "nr2a", "nr2b"}) {
                for (String part : new String[] {"e", "i", "o", "cur"}) buf.putDouble(c.ion(part, ion));
            }
        }
        return sha(buf.array()) + " v_end=" + c.v[0];
    }

    private static Map<String, double[]> synaptic(
            NmodlCatalogue cat, CableCell cell, List<JsonNode> locations, int pairs) {
        Map<String, Double> ampaP =
                Map.of("tau_facil", 10.8, "tau_rec", 35.1, "tau_1", 10.0, "gmax", 2300.0, "U", 0.15);
        Map<String, Double> nmdaP = Map.of("tau_facil", 5.0, "tau_rec", 8.0, "tau_1", 1.0, "gmax", 10000.0, "U", 0.15);
        Network net = new Network(List.of(cat, new BuiltinMechanisms()));
        int c = net.addCell(cell);
        Map<String, Network.Probe> probes = new LinkedHashMap<>();
        for (int k = 0; k < StellateComparison.SITES.length; k++) {
            probes.put("v" + k, net.probeVoltage(c, cell.sectionIndex(StellateComparison.SITES[k]), 0.5));
        }
        for (int k = 0; k < pairs; k++) {
            JsonNode loc = locations.get(k);
            int section = cell.sectionIndex(loc.get("section").asText());
            double x = loc.get("x").asDouble();
            Network.PointRef ampa = net.addPointProcess(c, section, x, "glia__dbbs__AMPA__0", ampaP);
            Network.PointRef nmda = net.addPointProcess(c, section, x, "glia__dbbs__NMDA__stellate", nmdaP);
            for (Network.PointRef pp : List.of(ampa, nmda)) {
                int stim = net.addSpikeSource(net.addArtificialCell("NetStim", Map.of("start", 9.0, "number", 1.0)));
                net.connect(stim, pp, 1.0, 0.01);
            }
            probes.put("ampa" + k + "_i", net.probe(ampa, "i"));
            probes.put("ampa" + k + "_g", net.probe(ampa, "g"));
            probes.put("nmda" + k + "_i", net.probe(nmda, "i"));
            probes.put("nmda" + k + "_g", net.probe(nmda, "g"));
        }
        SimResult r = Simulator.run(net, new SimSettings(0.025, 100, 32, -65), 1);
        Map<String, double[]> out = new LinkedHashMap<>();
        probes.forEach((name, p) -> out.put(name, r.trace(p)));
        return out;
    }

    private static String hash(double[][] traces) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int k = 0; k < traces.length; k++) m.put("t" + k, traces[k]);
        return hash(m);
    }

    private static String hash(Map<String, double[]> traces) {
        int n = 0;
        for (double[] t : traces.values()) n += t.length;
        ByteBuffer buf = ByteBuffer.allocate(8 * n);
        for (double[] t : traces.values()) for (double x : t) buf.putDouble(x);
        return sha(buf.array()) + " (" + traces.size() + " traces, " + n + " values)";
    }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(b))
                    .substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
