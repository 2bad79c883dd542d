package org.bsb.neuron.mechanisms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.DryRun;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.cable.TestData;
import org.bsb.neuron.model.LiteralReader;
import org.junit.jupiter.api.Test;

/**
 * What a connection does, against NEURON 8.2.2: four cells (hh soma, passive dendrite, hh axon) with
 * threshold detectors on dendrites and axons (thresholds -20, 0 and -70 mV, the last below v_init),
 * delays of 0.1, 0.5, 0.77, 1.3, 1.3125 (half a step past a step boundary), 2 and 3.7 ms, ExpSyn and
 * Exp2Syn weights (one inhibitory), two NetCons onto one ExpSyn, two synapses on one cell, a NetStim
 * source and a self-connection. The network is read from {@code connections-reference/setup.json}, which
 * {@code make_connections_reference.py} (next to it) wrote when it ran the same network in NEURON; its
 * outputs {@code traces.csv} (soma v of every cell, i of every synapse, every step) and
 * {@code spikes.json} (every source's {@code NetCon.record} times) are the truth.
 */
class ConnectionsVersusNeuronTest {
    static final String DIR = "connections-reference/";
    /**
     * Largest allowed |ours - NEURON|: spike times (ms; measured 0: the same doubles), soma voltages (mV;
     * measured 3.4e-10) and synaptic currents (nA; measured 5.6e-13, the CSV's 12 digits).
     */
    static final double SPIKE_TOL = 1e-12;

    static final double V_TOL = 1e-8;
    static final double I_TOL = 1e-11;

    /** The network built from the setup, with its probes in the CSV's column order. */
    record Built(
            Network net,
            SimSettings settings,
            Map<String, Integer> sources,
            List<String> columns,
            List<Network.Probe> probes) {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> setup() {
        return (Map<String, Object>) LiteralReader.parse(TestData.text(DIR + "setup.json"), "setup.json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, double[]> neuronSpikes() {
        Map<String, Object> root =
                (Map<String, Object>) LiteralReader.parse(TestData.text(DIR + "spikes.json"), "spikes.json");
        Map<String, double[]> out = new LinkedHashMap<>();
        ((Map<String, List<Number>>) root.get("spikes"))
                .forEach((k, v) ->
                        out.put(k, v.stream().mapToDouble(Number::doubleValue).toArray()));
        return out;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Double> params(Object o) {
        Map<String, Double> out = new LinkedHashMap<>();
        ((Map<String, Object>) o).forEach((k, v) -> out.put(k, num(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Built build(Map<String, Object> setup) {
        Map<String, Object> run = (Map<String, Object>) setup.get("run");
        SimSettings settings = new SimSettings(
                num(run.get("dt")), num(run.get("tstop")), num(run.get("celsius")), num(run.get("v_init")));
        List<Map<String, Object>> template = (List<Map<String, Object>>) setup.get("cell");
        List<CableSection> sections = new ArrayList<>();
        for (Map<String, Object> s : template) {
            List<List<Number>> pts = (List<List<Number>>) s.get("pt3d");
            float[][] p = new float[4][pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    p[k][i] = pts.get(i).get(k).floatValue();
                }
            }
            List<MechanismSpec> mechs = new ArrayList<>();
            ((Map<String, Object>) s.get("mechanisms")).forEach((m, ps) -> mechs.add(new MechanismSpec(m, params(ps))));
            String name = (String) s.get("name");
            sections.add(new CableSection(
                    name,
                    List.of(name),
                    (int) num(s.get("parent")),
                    p[0],
                    p[1],
                    p[2],
                    p[3],
                    (int) num(s.get("nseg")),
                    num(s.get("Ra")),
                    num(s.get("cm")),
                    mechs,
                    Map.of()));
        }
        Network net = new Network(List.of(new BuiltinMechanisms()));
        Map<String, Integer> cells = new LinkedHashMap<>();
        CableCell shape = new CableCell("template", sections);
        for (Object c : (List<Object>) setup.get("cells")) {
            cells.put((String) c, net.addCell(new CableCell((String) c, sections)));
        }
        for (Map<String, Object> ic : (List<Map<String, Object>>) setup.get("iclamps")) {
            net.addPointProcess(
                    cells.get(ic.get("cell")),
                    shape.sectionIndex((String) ic.get("section")),
                    num(ic.get("x")),
                    "IClamp",
                    Map.of("del", num(ic.get("del")), "dur", num(ic.get("dur")), "amp", num(ic.get("amp"))));
        }
        Map<String, Network.PointRef> stims = new LinkedHashMap<>();
        for (Map<String, Object> ns : (List<Map<String, Object>>) setup.get("netstims")) {
            stims.put(
                    (String) ns.get("name"),
                    net.addArtificialCell(
                            "NetStim",
                            Map.of(
                                    "start",
                                    num(ns.get("start")),
                                    "interval",
                                    num(ns.get("interval")),
                                    "number",
                                    num(ns.get("number")),
                                    "noise",
                                    num(ns.get("noise")))));
        }
        Map<String, Network.PointRef> syns = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) setup.get("synapses")) {
            syns.put(
                    (String) s.get("name"),
                    net.addPointProcess(
                            cells.get(s.get("cell")),
                            shape.sectionIndex((String) s.get("section")),
                            num(s.get("x")),
                            (String) s.get("type"),
                            params(s.get("params"))));
        }
        Map<String, Integer> sources = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) setup.get("sources")) {
            int id = s.containsKey("netstim")
                    ? net.addSpikeSource(stims.get(s.get("netstim")))
                    : net.addSpikeSource(
                            cells.get(s.get("cell")),
                            shape.sectionIndex((String) s.get("section")),
                            num(s.get("x")),
                            num(s.get("threshold")));
            sources.put((String) s.get("name"), id);
        }
        for (Map<String, Object> c : (List<Map<String, Object>>) setup.get("connections")) {
            net.connect(
                    sources.get(c.get("source")), syns.get(c.get("target")), num(c.get("delay")), num(c.get("weight")));
        }
        List<String> columns = new ArrayList<>();
        List<Network.Probe> probes = new ArrayList<>();
        for (Map.Entry<String, Integer> c : cells.entrySet()) {
            columns.add("v_" + c.getKey() + "_soma");
            probes.add(net.probeVoltage(c.getValue(), shape.sectionIndex("soma"), 0.5));
        }
        for (Map.Entry<String, Network.PointRef> s : syns.entrySet()) {
            columns.add("i_" + s.getKey());
            probes.add(net.probe(s.getValue(), "i"));
        }
        return new Built(net, settings, sources, columns, probes);
    }

    /** Largest |ours - NEURON| of every trace (by column name) and every source's spike times. */
    record Differences(Map<String, Double> traces, Map<String, Double> spikes, List<String> problems) {}

    static Differences compare(Built b, SimResult r) {
        List<String> header = List.of(TestData.csv(DIR + "traces.csv").get(0));
        double[][] ref = TestData.numericColumns(DIR + "traces.csv");
        List<String> problems = new ArrayList<>();
        Map<String, Double> traces = new LinkedHashMap<>();
        for (int k = 0; k < b.columns().size(); k++) {
            String col = b.columns().get(k);
            double[] theirs = ref[header.indexOf(col)];
            double[] ours = r.trace(b.probes().get(k));
            assertEquals(theirs.length, ours.length, col + ": samples");
            double max = 0;
            int at = 0;
            for (int row = 0; row < ours.length; row++) {
                double d = Math.abs(ours[row] - theirs[row]);
                if (!(d <= max)) {
                    max = d;
                    at = row;
                }
            }
            traces.put(col, max);
            double tol = col.startsWith("v_") ? V_TOL : I_TOL;
            if (!(max <= tol)) {
                problems.add(String.format(
                        "%s: max |ours - NEURON| %.3g at t = %.3f ms (ours %.9g, NEURON %.9g)",
                        col, max, at * b.settings().dt(), ours[at], theirs[at]));
            }
        }
        Map<String, Double> spikes = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : neuronSpikes().entrySet()) {
            double[] theirs = e.getValue();
            double[] ours = r.spikes(b.sources().get(e.getKey()));
            if (ours.length != theirs.length) {
                problems.add(e.getKey() + ": " + ours.length + " spikes, NEURON " + theirs.length + "\n  ours   "
                        + java.util.Arrays.toString(ours) + "\n  NEURON " + java.util.Arrays.toString(theirs));
                spikes.put(e.getKey(), Double.NaN);
                continue;
            }
            double max = 0;
            for (int k = 0; k < ours.length; k++) {
                max = Math.max(max, Math.abs(ours[k] - theirs[k]));
            }
            spikes.put(e.getKey(), max);
            if (!(max <= SPIKE_TOL)) {
                problems.add(e.getKey() + ": spike times differ by up to " + max + " ms\n  ours   "
                        + java.util.Arrays.toString(ours) + "\n  NEURON " + java.util.Arrays.toString(theirs));
            }
        }
        return new Differences(traces, spikes, problems);
    }

    @Test
    void connectionsMatchNeuron() {
        Built b = build(setup());
        SimResult r = Simulator.run(b.net(), b.settings(), 1);
        Differences d = compare(b, r);
        d.traces().forEach((k, v) -> System.out.printf("connections: %-12s max |diff| %.3g%n", k, v));
        d.spikes()
                .forEach((k, v) -> System.out.printf(
                        "connections: spikes of %-11s max |diff| %.3g ms (%d spikes)%n",
                        k, v, r.spikes(b.sources().get(k)).length));
        assertTrue(d.problems().isEmpty(), String.join("\n", d.problems()));
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalBits() {
        Built b = build(setup());
        SimResult r1 = Simulator.run(b.net(), b.settings(), 1);
        SimResult r2 = Simulator.run(b.net(), b.settings(), 2);
        for (int k = 0; k < b.probes().size(); k++) {
            assertArrayEquals(
                    r1.trace(b.probes().get(k)),
                    r2.trace(b.probes().get(k)),
                    b.columns().get(k));
        }
        for (Map.Entry<String, Integer> s : b.sources().entrySet()) {
            assertArrayEquals(r1.spikes(s.getValue()), r2.spikes(s.getValue()), s.getKey());
        }
    }

    /**
     * The run split over fake ranks (more ranks than cells included: some own none; rank 0 owns the NetStim):
     * every trace and spike the same bits as one process with one thread, so the same numbers as NEURON.
     */
    @Test
    void dryRunRanksGiveTheBitsOfOneProcess() {
        Built b = build(setup());
        SimResult whole = Simulator.run(b.net(), b.settings(), 1);
        for (int ranks : new int[] {2, 3, 8}) {
            DryRun.Outcome split = DryRun.run(b.net(), b.settings(), ranks, ranks == 2 ? 2 : 1);
            for (int k = 0; k < b.probes().size(); k++) {
                assertArrayEquals(
                        whole.trace(b.probes().get(k)),
                        split.result().trace(b.probes().get(k)),
                        ranks + " ranks: " + b.columns().get(k));
            }
            for (Map.Entry<String, Integer> s : b.sources().entrySet()) {
                assertArrayEquals(
                        whole.spikes(s.getValue()),
                        split.result().spikes(s.getValue()),
                        ranks + " ranks: spikes of " + s.getKey());
            }
            long spikes = whole.spikes().stream().mapToLong(a -> a.length).sum();
            assertEquals(spikes, split.stats().spikes(), "every spike crosses the exchange once");
            assertTrue(split.stats().rounds() >= 100, "at least one exchange per 1% of the run");
        }
        assertTrue(compare(b, whole).problems().isEmpty());
    }

    /**
     * The setup still covers what this test is about (a regenerated reference must not lose a case), and
     * every case is exercised in NEURON's run: each connection's source fires early enough for its event
     * to arrive, and each synapse's current is non-zero.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSetupCoversTheConnectionCases() {
        Map<String, Object> setup = setup();
        double dt = num(((Map<String, Object>) setup.get("run")).get("dt"));
        double tstop = num(((Map<String, Object>) setup.get("run")).get("tstop"));
        double vInit = num(((Map<String, Object>) setup.get("run")).get("v_init"));
        Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        ((List<Map<String, Object>>) setup.get("sources")).forEach(s -> sources.put((String) s.get("name"), s));
        Map<String, Map<String, Object>> syns = new LinkedHashMap<>();
        ((List<Map<String, Object>>) setup.get("synapses")).forEach(s -> syns.put((String) s.get("name"), s));
        List<Map<String, Object>> conns = (List<Map<String, Object>>) setup.get("connections");
        Map<String, double[]> spikes = neuronSpikes();

        assertTrue(sources.values().stream().anyMatch(s -> "dend".equals(s.get("section"))), "a dendritic detector");
        assertTrue(
                sources.values().stream().anyMatch(s -> "axon".equals(s.get("section")) && num(s.get("x")) == 1.0),
                "a detector at an axon's 1-end");
        assertTrue(
                sources.values().stream().anyMatch(s -> s.containsKey("threshold") && num(s.get("threshold")) == -20),
                "threshold -20");
        assertTrue(
                sources.values().stream().anyMatch(s -> s.containsKey("threshold") && num(s.get("threshold")) == 0),
                "threshold 0");
        assertTrue(
                sources.values().stream().anyMatch(s -> s.containsKey("threshold") && num(s.get("threshold")) < vInit),
                "a threshold below v_init");
        assertTrue(conns.stream().anyMatch(c -> num(c.get("delay")) == 0.1), "a 0.1 ms delay");
        assertTrue(
                conns.stream().anyMatch(c -> {
                    double steps = num(c.get("delay")) / dt;
                    return Math.abs(steps - Math.rint(steps)) > 0.1 && Math.abs(steps - Math.floor(steps) - 0.5) > 0.1;
                }),
                "a delay that is neither a whole nor a half number of steps");
        assertTrue(
                conns.stream().anyMatch(c -> Math.abs(num(c.get("delay")) / dt % 1 - 0.5) < 1e-9),
                "a delay of a whole number of steps and a half");
        assertTrue(conns.stream().map(c -> c.get("delay")).distinct().count() >= 5, "different delays");
        for (String type : List.of("ExpSyn", "Exp2Syn")) {
            assertTrue(
                    conns.stream()
                                    .filter(c -> type.equals(
                                            syns.get(c.get("target")).get("type")))
                                    .map(c -> c.get("weight"))
                                    .distinct()
                                    .count()
                            >= 2,
                    "different weights onto " + type);
        }
        assertTrue(
                syns.values().stream().anyMatch(s -> num(((Map<String, Object>) s.get("params")).get("e")) < vInit),
                "an inhibitory synapse");
        assertTrue(
                conns.stream()
                        .anyMatch(c -> conns.stream()
                                .anyMatch(o -> o != c
                                        && o.get("target").equals(c.get("target"))
                                        && !o.get("source").equals(c.get("source")))),
                "two NetCons from different sources onto one synapse");
        assertTrue(
                syns.values().stream()
                        .anyMatch(s -> syns.values().stream()
                                .anyMatch(o -> o != s && o.get("cell").equals(s.get("cell")))),
                "two synapses on one cell");
        assertTrue(
                conns.stream()
                        .anyMatch(c -> syns.get(c.get("target"))
                                .get("cell")
                                .equals(sources.get(c.get("source")).get("cell"))),
                "a self-connection");
        assertTrue(sources.values().stream().anyMatch(s -> s.containsKey("netstim")), "an artificial-cell source");

        double[][] ref = TestData.numericColumns(DIR + "traces.csv");
        List<String> header = List.of(TestData.csv(DIR + "traces.csv").get(0));
        for (Map<String, Object> c : conns) {
            double[] t = spikes.get((String) c.get("source"));
            assertTrue(t.length > 0 && t[0] + num(c.get("delay")) < tstop, c + ": its source fires in time");
        }
        for (String s : syns.keySet()) {
            double[] i = ref[header.indexOf("i_" + s)];
            assertTrue(java.util.Arrays.stream(i).anyMatch(x -> Math.abs(x) > 1e-3), s + " carries current");
        }
        for (String c : (List<String>) setup.get("cells")) {
            assertTrue(spikes.get(c + "_soma").length >= 2, c + " fires more than once");
        }
    }

    /** The comparison has teeth: one connection one step later, or a weight 1 % larger, fails it. */
    @Test
    @SuppressWarnings("unchecked")
    void aChangedDelayOrWeightIsCaught() {
        List<UnaryOperator<Map<String, Object>>> edits = List.of(
                c -> "D_self".equals(c.get("target")) ? with(c, "delay", num(c.get("delay")) + 0.025) : c,
                c -> "C_inh".equals(c.get("target")) ? with(c, "weight", num(c.get("weight")) * 1.01) : c);
        for (UnaryOperator<Map<String, Object>> edit : edits) {
            Map<String, Object> setup = new LinkedHashMap<>(setup());
            setup.put(
                    "connections",
                    ((List<Map<String, Object>>) setup.get("connections"))
                            .stream().map(edit).toList());
            Built b = build(setup);
            assertFalse(compare(b, Simulator.run(b.net(), b.settings(), 1))
                    .problems()
                    .isEmpty());
        }
    }

    private static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put(key, value);
        return out;
    }
}
