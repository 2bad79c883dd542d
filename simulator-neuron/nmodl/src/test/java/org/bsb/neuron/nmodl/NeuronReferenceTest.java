package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.bsb.neuron.nmodl.harness.ReferenceTrace;
import org.bsb.neuron.nmodl.harness.SingleCompartment;
import org.bsb.neuron.spi.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * Our own mod files (built-ins and test files), compiled by this compiler and run in a one-compartment
 * simulator with NEURON's step order, against NEURON 8.2.2 running the same files
 * (src/test/resources/nmodl-reference/make_reference.py wrote the traces).
 */
class NeuronReferenceTest {
    private static String builtin(String name) {
        return SingleCompartment.resource("/org/bsb/neuron/nmodl/builtin/" + name + ".mod");
    }

    private static String testMod(String name) {
        return SingleCompartment.resource("/mod/" + name + ".mod");
    }

    private static Mechanism ins(SingleCompartment c, String label, String text) {
        return c.insert(label + ".mod", text);
    }

    /** Runs the compartment for the reference's rows and returns the largest |difference| per column. */
    private static Map<String, Double> compare(SingleCompartment c, String name, Map<String, DoubleSupplier> cols) {
        ReferenceTrace ref = ReferenceTrace.load(name);
        Map<String, Double> worst = new LinkedHashMap<>();
        for (int row = 0; row < ref.rows.size(); row++) {
            if (row > 0) c.step();
            assertEquals(ref.get(row, "time_ms"), c.t, 1e-9, "time");
            for (Map.Entry<String, DoubleSupplier> e : cols.entrySet()) {
                double want = ref.get(row, e.getKey());
                double got = e.getValue().getAsDouble();
                double diff = Math.abs(want - got);
                if (Double.isNaN(got)) diff = Double.POSITIVE_INFINITY;
                worst.merge(e.getKey(), diff, Math::max);
            }
        }
        System.out.println(name + " max |NEURON - ours|: " + worst);
        return worst;
    }

    private static void within(Map<String, Double> worst, String col, double tol) {
        assertTrue(worst.get(col) <= tol, col + " differs from NEURON by " + worst.get(col) + " > " + tol);
    }

    @Test
    void hodgkinHuxleyUnderCurrentStep() {
        SingleCompartment c = new SingleCompartment(10);
        c.celsius = 6.3;
        Mechanism hh = ins(c, "hh", builtin("hh"));
        Mechanism st = ins(c, "IClamp", builtin("IClamp"));
        st.variable("del")[0] = 5;
        st.variable("dur")[0] = 30;
        st.variable("amp")[0] = 0.05;
        c.initialize(-65);
        Map<String, DoubleSupplier> cols = new LinkedHashMap<>();
        cols.put("v", () -> c.v[0]);
        cols.put("m", () -> hh.variable("m")[0]);
        cols.put("h", () -> hh.variable("h")[0]);
        cols.put("n", () -> hh.variable("n")[0]);
        cols.put("ina", () -> c.ion("cur", "na"));
        cols.put("ik", () -> c.ion("cur", "k"));
        cols.put("i_clamp", () -> st.variable("i")[0]);
        Map<String, Double> w = compare(c, "hh", cols);
        within(w, "v", 1e-5);
        within(w, "m", 1e-7);
        within(w, "h", 1e-7);
        within(w, "n", 1e-7);
        within(w, "ina", 1e-8);
        within(w, "ik", 1e-8);
        within(w, "i_clamp", 1e-12);
    }

    @Test
    void expAndExp2SynapsesDrivenByEvents() {
        SingleCompartment c = new SingleCompartment(10);
        Mechanism pas = ins(c, "pas", builtin("pas"));
        pas.variable("g")[0] = 1e-4;
        pas.variable("e")[0] = -65;
        Mechanism e1 = ins(c, "ExpSyn", builtin("ExpSyn"));
        e1.variable("tau")[0] = 2;
        e1.variable("e")[0] = 0;
        Mechanism e2 = ins(c, "Exp2Syn", builtin("Exp2Syn"));
        e2.variable("tau1")[0] = 0.5;
        e2.variable("tau2")[0] = 5;
        e2.variable("e")[0] = -80;
        double[] n1 = c.connect(e1, 0.002);
        double[] n2 = c.connect(e2, 0.003);
        c.event(n1, e1, 5);
        c.event(n1, e1, 12.3);
        c.event(n1, e1, 20);
        c.event(n2, e2, 8);
        c.event(n2, e2, 30.0125);
        c.initialize(-65);
        Map<String, DoubleSupplier> cols = new LinkedHashMap<>();
        cols.put("v", () -> c.v[0]);
        cols.put("g_expsyn", () -> e1.variable("g")[0]);
        cols.put("i_expsyn", () -> e1.variable("i")[0]);
        cols.put("g_exp2syn", () -> e2.variable("g")[0]);
        cols.put("i_exp2syn", () -> e2.variable("i")[0]);
        Map<String, Double> w = compare(c, "synapses", cols);
        within(w, "v", 1e-6);
        within(w, "g_expsyn", 1e-10);
        within(w, "g_exp2syn", 1e-10);
        within(w, "i_exp2syn", 1e-9);
    }

    @Test
    void kineticSchemeWithConserveAndTabledRectifier() {
        SingleCompartment c = new SingleCompartment(10);
        c.celsius = 32;
        Mechanism pas = ins(c, "pas", builtin("pas"));
        pas.variable("g")[0] = 1e-4;
        pas.variable("e")[0] = -65;
        Mechanism kin = ins(c, "kin3", testMod("kin3"));
        Mechanism kdr = ins(c, "kdr_tab", testMod("kdr_tab"));
        Mechanism st = ins(c, "IClamp", builtin("IClamp"));
        st.variable("del")[0] = 5;
        st.variable("dur")[0] = 40;
        st.variable("amp")[0] = 0.03;
        c.initialize(-65);
        Map<String, DoubleSupplier> cols = new LinkedHashMap<>();
        cols.put("v", () -> c.v[0]);
        cols.put("O", () -> kin.variable("O")[0]);
        cols.put("I", () -> kin.variable("I")[0]);
        cols.put("C", () -> kin.variable("C")[0]);
        cols.put("n", () -> kdr.variable("n")[0]);
        cols.put("ina", () -> c.ion("cur", "na"));
        cols.put("ik", () -> c.ion("cur", "k"));
        Map<String, Double> w = compare(c, "kinetic", cols);
        within(w, "v", 1e-6);
        within(w, "O", 1e-8);
        within(w, "I", 1e-8);
        within(w, "n", 1e-8);
        within(w, "ina", 1e-7);
    }

    @Test
    void calciumAccumulationWithCompartmentsFluxAndPump() {
        SingleCompartment c = new SingleCompartment(10);
        c.celsius = 32;
        Mechanism pas = ins(c, "pas", builtin("pas"));
        pas.variable("g")[0] = 1e-4;
        pas.variable("e")[0] = -65;
        Mechanism ch = ins(c, "cahva", testMod("cahva"));
        Mechanism cad = ins(c, "cadyn", testMod("cadyn"));
        ins(c, "kdr_tab", testMod("kdr_tab"));
        Mechanism st = ins(c, "IClamp", builtin("IClamp"));
        st.variable("del")[0] = 5;
        st.variable("dur")[0] = 20;
        st.variable("amp")[0] = 0.05;
        c.initialize(-65);
        Map<String, DoubleSupplier> cols = new LinkedHashMap<>();
        cols.put("v", () -> c.v[0]);
        cols.put("cai", () -> c.ion("i", "ca"));
        cols.put("ica", () -> c.ion("cur", "ca"));
        cols.put("eca", () -> c.ion("e", "ca"));
        cols.put("CaB", () -> cad.variable("CaB")[0]);
        cols.put("P", () -> cad.variable("P")[0]);
        cols.put("ica_pump", () -> cad.variable("ica_pump")[0]);
        cols.put("m", () -> ch.variable("m")[0]);
        Map<String, Double> w = compare(c, "calcium", cols);
        within(w, "v", 1e-6);
        within(w, "cai", 1e-12);
        within(w, "eca", 1e-5);
        within(w, "CaB", 1e-10);
        within(w, "P", 1e-21);
        within(w, "ica_pump", 1e-11);
    }

    @Test
    void linearInitialStateAndEulerGate() {
        SingleCompartment c = new SingleCompartment(10);
        c.celsius = 20;
        Mechanism pas = ins(c, "pas", builtin("pas"));
        pas.variable("g")[0] = 1e-4;
        pas.variable("e")[0] = -65;
        Mechanism lin = ins(c, "lin2", testMod("lin2"));
        Mechanism st = ins(c, "IClamp", builtin("IClamp"));
        st.variable("del")[0] = 10;
        st.variable("dur")[0] = 20;
        st.variable("amp")[0] = 0.03;
        c.initialize(-65);
        Map<String, DoubleSupplier> cols = new LinkedHashMap<>();
        cols.put("v", () -> c.v[0]);
        cols.put("X", () -> lin.variable("X")[0]);
        cols.put("Y", () -> lin.variable("Y")[0]);
        cols.put("i", () -> lin.variable("i")[0]);
        cols.put("count", () -> lin.variable("count")[0]);
        Map<String, Double> w = compare(c, "linear", cols);
        within(w, "v", 1e-6);
        within(w, "X", 1e-8);
        within(w, "i", 1e-10);
        within(w, "count", 0);
    }

    @Test
    void depressingSynapseWithSelfEventsAndArrays() {
        SingleCompartment c = new SingleCompartment(10);
        Mechanism pas = ins(c, "pas", builtin("pas"));
        pas.variable("g")[0] = 1e-4;
        pas.variable("e")[0] = -65;
        Mechanism syn = ins(c, "facsyn", testMod("facsyn"));
        double[] nc = c.connect(syn, 1);
        double[] nc2 = c.connect(syn, 2);
        for (double t : new double[] {5, 5.5, 10, 12, 30}) c.event(nc, syn, t);
        c.event(nc2, syn, 12);
        c.event(nc2, syn, 40);
        c.initialize(-65);
        Map<String, DoubleSupplier> cols = new LinkedHashMap<>();
        cols.put("v", () -> c.v[0]);
        cols.put("g", () -> syn.variable("g")[0]);
        cols.put("released", () -> syn.variable("released")[0]);
        cols.put("nrel", () -> syn.variable("nrel")[0]);
        cols.put("last", () -> syn.variable("last")[0]);
        Map<String, Double> w = compare(c, "facsyn", cols);
        within(w, "v", 1e-6);
        within(w, "g", 1e-10);
        within(w, "released", 1e-8);
        within(w, "nrel", 0);
        within(w, "last", 1e-9);
    }
}
