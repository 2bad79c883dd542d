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
 * Times are of initialisation plus the run: the best of {@code bench.rounds} (3) rounds, each
 * timing NEURON once then ours once, so both see the same load (after one JVM warm-up run).
 * Wall and process CPU times are both reported: on a shared machine CPU time is the steadier.
 */
public final class CableBenchmark {
    private CableBenchmark() {}

    static String resource(String name) throws IOException {
        try (InputStream in = CableBenchmark.class.getResourceAsStream("/bench/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static CableCell stellate(ModelDefinition model) throws IOException {
        Map<String, Object> root =
                (Map<String, Object>) LiteralReader.parse(resource("sections.json"), "sections.json");
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
            secs.add(new CableSection(
                    (String) s.get("name"),
                    labels,
                    ((Number) s.get("parent")).intValue(),
                    p[0],
                    p[1],
                    p[2],
                    p[3],
                    ((Number) s.get("nseg")).intValue(),
                    ((Number) s.get("Ra")).doubleValue(),
                    ((Number) s.get("cm")).doubleValue(),
                    mechs,
                    Map.of()));
        }
        return new CableCell("stellate", secs);
    }

    /** Process CPU time (s), all threads. */
    static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** NEURON's last soma voltage of its last timing run, to check both computed the same. */
    static double neuronV = Double.NaN;

    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    /** Best wall time of {@code reps} runs; cpuOut[0] receives the best CPU time. */
    static double ours(Network net, int threads, double[] lastV, Network.Probe probe, double[] cpuOut, int reps) {
        SimSettings s = new SimSettings(0.025, 100, 6.3, -65);
        double best = Double.POSITIVE_INFINITY;
        cpuOut[0] = Double.POSITIVE_INFINITY;
        for (int rep = 0; rep < reps; rep++) {
            long t0 = System.nanoTime();
            double c0 = cpu();
            SimResult r = Simulator.run(net, s, threads);
            double el = (System.nanoTime() - t0) / 1e9;
            double ec = cpu() - c0;
            best = Math.min(best, el);
            cpuOut[0] = Math.min(cpuOut[0], ec);
            double[] v = r.trace(probe);
            lastV[0] = v[v.length - 1];
        }
        return best;
    }

    /** NEURON's best wall time; cpuOut[0] receives its best CPU time. */
    static double neuron(String script, int copies, int threads, double[] cpuOut)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "/usr/bin/python3",
                        script,
                        "--timing",
                        String.valueOf(copies),
                        "--threads",
                        String.valueOf(threads),
                        "--repeat",
                        "1")
                .redirectErrorStream(false)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("NEURON timing failed: " + out);
        }
        Matcher m = Pattern.compile("\"seconds\": ([0-9.eE+-]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no timing in NEURON's output: " + out);
        }
        Matcher mc = Pattern.compile("\"cpu_seconds\": ([0-9.eE+-]+)").matcher(out);
        cpuOut[0] = mc.find() ? Double.parseDouble(mc.group(1)) : Double.NaN;
        Matcher mv = Pattern.compile("\"v_last_soma_end\": ([0-9.eE+-]+)").matcher(out);
        neuronV = mv.find() ? Double.parseDouble(mv.group(1)) : Double.NaN;
        return Double.parseDouble(m.group(1));
    }

    static String loadavg() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim();
        } catch (IOException e) {
            return "?";
        }
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String script = args.length > 1 ? args[1] : "simulator-neuron/reference/neuron_reference.py";
        ModelDefinition model = ModelDefinition.fromData(
                LiteralReader.parse(resource("stellate_hh_all.json"), "stellate_hh_all.json"), "stellate_hh_all.json");
        CableCell cell = stellate(model);
        Network net = new Network(List.of(new BuiltinMechanisms()));
        Network.Probe probe = null;
        for (int c = 0; c < copies; c++) {
            int id = net.addCell(cell);
            net.addPointProcess(id, 0, 0.5, "IClamp", Map.of("del", 20.0, "dur", 60.0, "amp", 0.1));
            probe = net.probeVoltage(id, 0, 0.5);
        }
        System.out.printf(
                "cable benchmark: %d Stellate copies, hh everywhere, %d segments each, 100 ms at dt 0.025%n",
                copies, cell.segmentCount());
        StringBuilder json = new StringBuilder("{\"copies\": " + copies + ", \"runs\": [");
        for (int threads : Boolean.getBoolean("bench.only2")
                ? new int[] {2}
                : Boolean.getBoolean("bench.only1") ? new int[] {1} : new int[] {1, 2}) {
            double[] lastV = new double[1];
            double tn = Double.POSITIVE_INFINITY;
            double to = Double.POSITIVE_INFINITY;
            double[] cn = {Double.POSITIVE_INFINITY};
            double[] co = {Double.POSITIVE_INFINITY};
            ours(net, threads, lastV, probe, new double[1], 2); // JVM warm-up (JIT)
            // alternate the two simulators so that both see the same (shared, noisy) machine
            for (int round = 0; round < ROUNDS; round++) {
                double[] c = new double[1];
                if (!script.equals("none")) {
                    tn = Math.min(tn, neuron(script, copies, threads, c));
                    cn[0] = Math.min(cn[0], c[0]);
                } else {
                    tn = cn[0] = Double.NaN;
                }
                to = Math.min(to, ours(net, threads, lastV, probe, c, 1));
                co[0] = Math.min(co[0], c[0]);
            }
            System.out.printf(
                    "threads %d: wall NEURON %.3f s, ours %.3f s, ratio %.3f; cpu NEURON %.3f s, ours %.3f s,"
                            + " ratio %.3f (last cell's v_soma(100 ms): ours %.9f, NEURON %.9f mV)%n",
                    threads, tn, to, to / tn, cn[0], co[0], co[0] / cn[0], lastV[0], neuronV);
            json.append(threads == 1 ? "" : ", ")
                    .append(String.format(
                            "{\"threads\": %d, \"neuron_s\": %.4f, \"ours_s\": %.4f, \"ratio\": %.4f, \"neuron_cpu_s\": %.4f,"
                                    + " \"ours_cpu_s\": %.4f}",
                            threads, tn, to, to / tn, cn[0], co[0]));
        }
        json.append("], \"loadavg\": \"").append(loadavg()).append("\"}");
        System.out.println(json);
    }
}
