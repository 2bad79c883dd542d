package org.bsb.benchmarks.cable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.CellBuilder;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.mechanisms.BuiltinMechanisms;
import org.bsb.neuron.model.LiteralReader;
import org.bsb.neuron.model.ModelDefinition;

/**
 * N copies of the tutorial's Stellate cell with {@code hh} everywhere (IClamp 0.1 nA at each
 * soma, 20-80 ms), 100 ms at dt 0.025, 6.3 °C: our wall time against NEURON's, both measured in
 * this run (NEURON through the reference harness's {@code --timing}), at 1 and 2 threads.
 * Times are of initialisation plus the run (best of 3, after one warm-up run for the JVM).
 */
public final class CableBenchmark {
    private CableBenchmark() {
    }

    static String resource(String name) throws IOException {
        try (InputStream in = CableBenchmark.class.getResourceAsStream("/bench/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static CableCell stellate(ModelDefinition model) throws IOException {
        Map<String, Object> root = (Map<String, Object>) LiteralReader.parse(resource("sections.json"), "sections.json");
        List<CableSection> secs = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) root.get("sections")) {
            List<List<Number>> pts = (List<List<Number>>) s.get("pt3d");
            float[][] p = new float[4][pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    p[k][i] = pts.get(i).get(k).floatValue();
                }
            }
            List<String> labels = (List<String>) (List<?>) s.get("labels");
            List<MechanismSpec> mechs = new ArrayList<>();
            for (var e : model.merge(labels).mechanisms().entrySet()) {
                mechs.add(new MechanismSpec(CellBuilder.defaultName(e.getKey()), e.getValue()));
            }
            secs.add(new CableSection((String) s.get("name"), labels, ((Number) s.get("parent")).intValue(), p[0], p[1],
                    p[2], p[3], ((Number) s.get("nseg")).intValue(), ((Number) s.get("Ra")).doubleValue(),
                    ((Number) s.get("cm")).doubleValue(), mechs, Map.of()));
        }
        return new CableCell("stellate", secs);
    }

    static double ours(Network net, int threads, double[] lastV, Network.Probe probe) {
        SimSettings s = new SimSettings(0.025, 100, 6.3, -65);
        double best = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            SimResult r = Simulator.run(net, s, threads);
            double el = (System.nanoTime() - t0) / 1e9;
            if (rep > 0) {
                best = Math.min(best, el);
            }
            double[] v = r.trace(probe);
            lastV[0] = v[v.length - 1];
        }
        return best;
    }

    static double neuron(String script, int copies, int threads) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", script, "--timing", String.valueOf(copies), "--threads",
                String.valueOf(threads), "--repeat", "3").redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("NEURON timing failed: " + out);
        }
        Matcher m = Pattern.compile("\"seconds\": ([0-9.eE+-]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no timing in NEURON's output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String script = args.length > 1 ? args[1] : "simulator-neuron/reference/neuron_reference.py";
        ModelDefinition model = ModelDefinition.fromData(LiteralReader.parse(resource("stellate_hh_all.json"),
                "stellate_hh_all.json"), "stellate_hh_all.json");
        CableCell cell = stellate(model);
        Network net = new Network(List.of(new BuiltinMechanisms()));
        Network.Probe probe = null;
        for (int c = 0; c < copies; c++) {
            int id = net.addCell(cell);
            net.addPointProcess(id, 0, 0.5, "IClamp", Map.of("del", 20.0, "dur", 60.0, "amp", 0.1));
            probe = net.probeVoltage(id, 0, 0.5);
        }
        System.out.printf("cable benchmark: %d Stellate copies, hh everywhere, %d segments each, 100 ms at dt 0.025%n",
                copies, cell.segmentCount());
        StringBuilder json = new StringBuilder("{\"copies\": " + copies + ", \"runs\": [");
        for (int threads : new int[] {1, 2}) {
            double[] lastV = new double[1];
            double tn = script.equals("none") ? Double.NaN : neuron(script, copies, threads);
            double to = ours(net, threads, lastV, probe);
            System.out.printf("threads %d: NEURON %.3f s, ours %.3f s, ratio ours/NEURON %.3f (v_soma(100 ms) %.6f mV)%n",
                    threads, tn, to, to / tn, lastV[0]);
            json.append(threads == 1 ? "" : ", ").append(String.format(
                    "{\"threads\": %d, \"neuron_s\": %.4f, \"ours_s\": %.4f, \"ratio\": %.4f}", threads, tn, to, to / tn));
        }
        json.append("]}");
        System.out.println(json);
    }
}
