package org.bsb.neuron.nmodl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bsb.neuron.cable.CableCell;
import org.bsb.neuron.cable.CableSection;
import org.bsb.neuron.cable.MechanismSpec;
import org.bsb.neuron.cable.Network;
import org.bsb.neuron.cable.SimResult;
import org.bsb.neuron.cable.SimSettings;
import org.bsb.neuron.cable.Simulator;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.junit.jupiter.api.Test;

/**
 * Runs that go wrong stop with a message naming the mechanism, its file and the time: a FUNCTION that recurses
 * forever (NEURON crashes with the C stack), a DERIVATIVE that divides by zero (NEURON fills the recording with
 * NaN without a word), a recorded value that becomes infinite; the warn mode runs on.
 */
class RunawayRunTest {
    private static final String BLOWUP = """
      NEURON { SUFFIX blowup NONSPECIFIC_CURRENT i RANGE g, k }
      PARAMETER { g = 0.001 (S/cm2) e = 0 (mV) tzero = 2 (ms) }
      ASSIGNED { v (mV) i (mA/cm2) k }
      STATE { m }
      INITIAL { m = 1 }
      BREAKPOINT {
        SOLVE states METHOD cnexp
        i = g * m * (v - e)
      }
      DERIVATIVE states {
        IF (t < tzero) { k = 1 } ELSE { k = 0 }
        m' = 1 / k
      }
      """;

    private static MechanismCatalogue catalogue(String file, String text) {
        return new NmodlCatalogue("test", List.of(new NmodlCompiler.Source(file, text)));
    }

    private static CableSection soma(String mechanism) {
        float[] x = {0, 10};
        float[] z = {0, 0};
        float[] d = {5, 5};
        return new CableSection(
                "soma",
                List.of("soma"),
                -1,
                x,
                z,
                z,
                d,
                1,
                100,
                1,
                List.of(new MechanismSpec(mechanism, Map.of())),
                Map.of());
    }

    /** {@code cells} one-compartment cells with {@code mechanism}, v of the last recorded. */
    private static Network network(MechanismCatalogue cat, String mechanism, int cells) {
        Network net = new Network(List.of(cat));
        for (int c = 0; c < cells; c++) {
            int id = net.addCell(new CableCell("cell" + c, List.of(soma(mechanism))));
            if (c == cells - 1) net.probeVoltage(id, 0, 0.5);
        }
        return net;
    }

    private static final SimSettings FIVE_MS = new SimSettings(0.025, 5, 6.3, -65, SimSettings.NonFinite.ERROR);

    // ------------------------------------------------------------------ recursion

    @Test
    void aFunctionRecursingForeverStopsWithItsNameInsteadOfAStackOverflow() {
        String mod = "NEURON { SUFFIX recurse RANGE a }\nASSIGNED { a }\nINITIAL { a = f(1) }\n"
                + "FUNCTION f(x) { f = f(x + 1) }\n";
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Simulator.run(network(catalogue("recurse.mod", mod), "recurse", 1), FIVE_MS, 1));
        assertEquals(
                "mechanism recurse (recurse.mod): FUNCTION f recursed deeper than 1000 calls at t = 0 ms"
                        + " (NEURON would crash)",
                e.getMessage());
    }

    @Test
    void mutualRecursionOfProceduresDuringTheRunOnTwoThreads() {
        String mod = """
        NEURON { SUFFIX pingpong RANGE a }
        ASSIGNED { a }
        BREAKPOINT { SOLVE s METHOD cnexp }
        STATE { m }
        DERIVATIVE s { ping(t)  m' = -m }
        PROCEDURE ping(x) { IF (x > 1) { pong(x) } }
        PROCEDURE pong(x) { ping(x) }
        """;
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Simulator.run(network(catalogue("pingpong.mod", mod), "pingpong", 2), FIVE_MS, 2));
        assertTrue(
                e.getMessage()
                        .matches("mechanism pingpong \\(pingpong\\.mod\\): PROCEDURE p[io]ng recursed deeper"
                                + " than 1000 calls at t = 1(\\.\\d+)? ms \\(NEURON would crash\\)"),
                e.getMessage());
    }

    @Test
    void boundedRecursionWorksAndOnlyRecursiveCodeCounts() {
        String mod = "NEURON { SUFFIX fact RANGE a }\nASSIGNED { a }\nINITIAL { a = f(10) + g(1) }\n"
                + "FUNCTION f(n) { IF (n <= 1) { f = 1 } ELSE { f = n * f(n - 1) } }\nFUNCTION g(x) { g = 2 * x }\n";
        var type = NmodlCompiler.compile("fact.mod", mod);
        assertEquals(List.of("FUNCTION f"), type.info().recursive());
        String source = NmodlCompiler.generateSource("fact.mod", mod);
        String g = source.substring(source.indexOf("double f_g("));
        assertFalse(g.substring(0, g.indexOf("\n  }")).contains("recursion"), "g does not recurse: no counter");
        Network net = new Network(List.of(catalogue("fact.mod", mod)));
        int c = net.addCell(new CableCell("c", List.of(soma("fact"))));
        Network.Probe a = net.probeDensity(c, 0, 0.5, "fact", "a");
        assertEquals(3628800.0 + 2.0, Simulator.run(net, FIVE_MS, 1).trace(a)[0]);
    }

    // ------------------------------------------------------------------ NaN and infinity

    private static double timeIn(String message) {
        Matcher m = Pattern.compile("at t = (\\S+) ms").matcher(message);
        assertTrue(m.find(), message);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void aDerivativeDividingByZeroStopsTheRunNamingMechanismTimeAndPlace() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Simulator.run(network(catalogue("blowup.mod", BLOWUP), "blowup", 1), FIVE_MS, 1));
        String m = e.getMessage();
        // the state becomes infinite in the step that ends at t = 2 ms; the current and v follow one step later
        assertTrue(m.startsWith("v = NaN at t = "), m);
        double t = timeIn(m);
        assertTrue(t >= 2.0 && t <= 2.0 + 3 * 0.025, m);
        assertTrue(m.contains("in cell 'cell0' (#0), section 'soma', segment 1 of 1"), m);
        assertTrue(m.contains("mechanism 'blowup' (blowup.mod): "), m);
        assertTrue(m.contains("m = Infinity"), m);
        assertTrue(
                m.endsWith("set the system property bsb.nonfinite=warn (e.g. BSB_JAVA_OPTS=-Dbsb.nonfinite=warn)"), m);
    }

    @Test
    void onTwoThreadsTheMessageIsTheSameNotAWrapper() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Simulator.run(network(catalogue("blowup.mod", BLOWUP), "blowup", 4), FIVE_MS, 2));
        assertTrue(e.getMessage().matches("v = NaN at t = 2\\.0\\d* ms .*"), e.getMessage());
        assertTrue(e.getMessage().contains("mechanism 'blowup' (blowup.mod)"), e.getMessage());
    }

    @Test
    void aRecordedValueThatIsNotFiniteIsAnErrorToo() {
        // k = 1 / 0 from t = 2 ms on, recorded; it does not reach v
        String mod = "NEURON { SUFFIX ratio RANGE k }\nPARAMETER { tzero = 2 (ms) }\nASSIGNED { k }\n"
                + "BREAKPOINT { SOLVE s METHOD cnexp }\nSTATE { m }\nDERIVATIVE s { k = 1 / (t < tzero)  m' = -m }\n";
        Network net = new Network(List.of(catalogue("ratio.mod", mod)));
        int c = net.addCell(new CableCell("c", List.of(soma("ratio"))));
        net.probeDensity(c, 0, 0.5, "ratio", "k");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulator.run(net, FIVE_MS, 1));
        String m = e.getMessage();
        assertTrue(m.matches("recorded ratio\\.k = Infinity at t = 2(\\.\\d+)? ms .*"), m);
        assertTrue(
                m.contains(
                        "in cell 'c' (#0), section 'soma', segment 1 of 1; mechanism 'ratio' (ratio.mod): k = Infinity"),
                m);
    }

    @Test
    void warnModeLogsOnceAndRunsOn() {
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger("org.bsb.neuron.cable.CellGroup");
        log.addHandler(h);
        try {
            Network net = network(catalogue("blowup.mod", BLOWUP), "blowup", 1);
            SimResult r = Simulator.run(net, FIVE_MS.withNonFinite(SimSettings.NonFinite.WARN), 1);
            double[] v = r.trace(new Network.Probe(0));
            assertEquals(201, v.length);
            assertTrue(Double.isFinite(v[80]) && Double.isNaN(v[200]));
            assertEquals(1, records.size());
            String m = records.get(0).getMessage();
            assertTrue(m.matches("v = NaN at t = 2\\.0\\d* ms .*") && m.contains("mechanism 'blowup' (blowup.mod)"), m);
            assertTrue(
                    m.endsWith(
                            "(bsb.nonfinite=warn: running on; later non-finite values of these cells are not reported)"),
                    m);
        } finally {
            log.removeHandler(h);
        }
    }

    @Test
    void theDefaultComesFromTheSystemProperty() {
        String saved = System.getProperty(SimSettings.NonFinite.PROPERTY);
        try {
            System.clearProperty(SimSettings.NonFinite.PROPERTY);
            assertEquals(SimSettings.NonFinite.ERROR, new SimSettings(0.025, 1, 6.3, -65).nonFinite());
            System.setProperty(SimSettings.NonFinite.PROPERTY, "warn");
            assertEquals(SimSettings.NonFinite.WARN, new SimSettings(0.025, 1, 6.3, -65).nonFinite());
            System.setProperty(SimSettings.NonFinite.PROPERTY, "maybe");
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> new SimSettings(0.025, 1, 6.3, -65));
            assertEquals("system property bsb.nonfinite must be 'error' or 'warn', not 'maybe'", e.getMessage());
        } finally {
            if (saved == null) System.clearProperty(SimSettings.NonFinite.PROPERTY);
            else System.setProperty(SimSettings.NonFinite.PROPERTY, saved);
        }
    }
}
