package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.nmodl.gen.VectorForm;
import org.bsb.neuron.nmodl.harness.SingleCompartment;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.bsb.neuron.nmodl.stellate.StellateComparison;
import org.junit.jupiter.api.Test;

/**
 * The vector forms (several instances side by side, {@code bsb.nmodl.vector}: KINETIC and cnexp solves, the
 * current phase) against the scalar form: the same runs give the same bits in every trace. Runs when the JVM has
 * {@code --add-modules jdk.incubator.vector} (the pom's surefire configuration gives it).
 */
class VectorFormTest {
    static <T> T withVector(String value, Supplier<T> run) {
        String saved = System.getProperty("bsb.nmodl.vector");
        System.setProperty("bsb.nmodl.vector", value);
        try {
            return run.get();
        } finally {
            if (saved == null) System.clearProperty("bsb.nmodl.vector");
            else System.setProperty("bsb.nmodl.vector", saved);
        }
    }

    /** The test files with kinetic schemes and the built-ins, under a comment that keeps them out of the caches. */
    private static List<NmodlCompiler.Source> sources(String tag) {
        List<NmodlCompiler.Source> s = new ArrayList<>();
        for (String m : List.of("kin3", "cadyn", "kinpow"))
            s.add(new NmodlCompiler.Source(
                    m + ".mod",
                    ": " + tag + " " + System.nanoTime() + "\n" + SingleCompartment.resource("/mod/" + m + ".mod")));
        for (String b : List.of("hh", "IClamp"))
            s.add(new NmodlCompiler.Source(
                    b + ".mod", SingleCompartment.resource("/org/bsb/neuron/nmodl/builtin/" + b + ".mod")));
        return s;
    }

    /** A tapered cable of 23 segments (more than one batch of lanes, and a remainder) with hh, kin3, cadyn and kinpow. */
    private static double[][] run(String vector, int threads) {
        return withVector(vector, () -> {
            List<NmodlCompiler.Source> src = sources("vector=" + vector);
            for (NmodlCompiler.Source s : src.subList(0, 3)) {
                String source = NmodlCompiler.compile(s.fileName(), s.text()).source();
                boolean vstep = source.contains("vstep_");
                assertEquals(!vector.equals("off"), vstep, s.fileName() + " with bsb.nmodl.vector=" + vector);
                if (vstep && s.fileName().equals("kinpow.mod")) { // what this file is here for
                    assertTrue(source.contains(".withLane(0, Math.pow("), "powers lane by lane");
                    assertTrue(source.contains("vstep_scheme(nv, dt)"), "the partial group in vector form");
                }
            }
            Network net = new Network(List.of(new NmodlCatalogue("vector-test", src)));
            float[] x = {0, 100, 200};
            float[] z = {0, 0, 0};
            float[] d = {4, 2, 0.8f};
            List<MechanismSpec> mechs = List.of(
                    new MechanismSpec("hh", Map.of()),
                    new MechanismSpec("kin3", Map.of()),
                    new MechanismSpec("cadyn", Map.of()),
                    new MechanismSpec("kinpow", Map.of()));
            int cell = net.addCell(new CableCell(
                    "c",
                    List.of(new CableSection("dend", List.of("dend"), -1, x, z, z, d, 23, 100, 1, mechs, Map.of()))));
            net.addPointProcess(cell, 0, 0.05, "IClamp", Map.of("del", 1.0, "dur", 15.0, "amp", 0.3));
            List<Network.Probe> probes = new ArrayList<>();
            for (double at : new double[] {0.05, 0.5, 0.95}) {
                probes.add(net.probeVoltage(cell, 0, at));
                probes.add(net.probeIon(cell, 0, at, "ca", "ci"));
                probes.add(net.probeIon(cell, 0, at, "na", "cur"));
                probes.add(net.probeIon(cell, 0, at, "k", "cur"));
            }
            SimResult r = Simulator.run(net, new SimSettings(0.025, 20, 6.3, -65), threads);
            double[][] out = new double[probes.size()][];
            for (int k = 0; k < out.length; k++) out[k] = r.trace(probes.get(k));
            return out;
        });
    }

    /**
     * Every lane width and thread count gives the scalar form's bits (each lane computes alone, the last partial
     * group included): kin3, cadyn and kinpow's KINETIC solves (kinpow: powers lane by lane, its last partial group on
     * the rows' spare entries), hh's cnexp block (with exp) and the current phases.
     */
    @Test
    void testFilesGiveTheScalarFormsBitsInEveryLaneWidth() {
        assumeTrue(VectorForm.available(), "needs --add-modules jdk.incubator.vector");
        double[][] scalar = run("off", 1);
        assertTrue(scalar[0][scalar[0].length - 1] != scalar[0][0], "the cable moved");
        for (String w : List.of("on", "128", "256", "512")) {
            double[][] vector = run(w, w.equals("on") ? 2 : 1);
            for (int k = 0; k < scalar.length; k++) assertArrayEquals(scalar[k], vector[k], "trace " + k + ", " + w);
        }
    }

    /**
     * The Stellate cell with the dbbs catalogue, 0.3 nA, 100 ms: cdp5, Kca1_1 and the other KINETIC schemes, the
     * cnexp channels (Kv1_1, Cav2_1, HCN1, ...) and the current phases in the vector form give the scalar form's
     * bits in every trace.
     */
    @Test
    void stellateCellWithTheCatalogueGivesTheScalarFormsBits() throws Exception {
        assumeTrue(VectorForm.available(), "needs --add-modules jdk.incubator.vector");
        String path = System.getenv("BSB_MECHANISM_PATH");
        assumeTrue(path != null && Files.isDirectory(Path.of(path)), "BSB_MECHANISM_PATH (dbbs catalogue) not set");
        Path data = StellateComparison.dataDir();
        assumeTrue(data != null && Files.isDirectory(data), "shared NEURON data not found");
        CableCell cell = StellateComparison.buildCell(data);
        NmodlCatalogue vectorCatalogue =
                withVector("on", () -> NmodlCatalogue.fromDirectories("vector", List.of(Path.of(path))));
        for (String m : List.of("glia__dbbs__cdp5__0", "glia__dbbs__Kv1_1__0", "glia__dbbs__Cav2_1__0")) {
            String form = withVector(
                    "on", () -> ((NmodlMechanismType) vectorCatalogue.find(m).orElseThrow()).form());
            assertTrue(form.startsWith("vector form"), m + " runs in the " + form);
        }
        double[][] scalar = withVector(
                "off",
                () -> StellateComparison.simulate(
                        cell, NmodlCatalogue.fromDirectories("scalar", List.of(Path.of(path))), 0.3, 2));
        double[][] vector = withVector("on", () -> StellateComparison.simulate(cell, vectorCatalogue, 0.3, 2));
        assertFalse(scalar.length == 0);
        for (int k = 0; k < scalar.length; k++) assertArrayEquals(scalar[k], vector[k], "site " + k);
    }
}
