package org.bsb.neuron.cable;

import java.util.Map;

/** Known ions' valences and NEURON's default reversal potentials and concentrations. */
public final class Ions {
    /** Faraday constant (C/mol) and gas constant (J/(K·mol)), NEURON 8's (CODATA 2018) units. */
    public static final double FARADAY = 96485.33212331001;

    public static final double GAS_CONSTANT = 8.3144626181532395;

    /** {e, ci, co} per ion, as bsb-neuron/arborize's defaults (also NEURON's for na, k, ca). */
    private static final Map<String, double[]> DEFAULTS = Map.of(
            "na", new double[] {50.0, 10.0, 140.0},
            "k", new double[] {-77.0, 54.4, 2.5},
            "ca", new double[] {132.4579341637009, 5e-5, 2.0},
            "h", new double[] {0.0, 1.0, 1.0});

    private static final Map<String, Integer> VALENCES = Map.of("na", 1, "k", 1, "ca", 2, "h", 1, "cl", -1, "mg", 2);

    private Ions() {}

    public static double[] defaults(String ion) {
        double[] d = DEFAULTS.get(ion);
        return d == null ? new double[] {0.0, 1.0, 1.0} : d.clone();
    }

    /** The known valence, or 1. */
    public static int valence(String ion) {
        return VALENCES.getOrDefault(ion, 1);
    }

    /** Nernst potential (mV) for concentrations ci, co (mM) at a temperature (°C). */
    public static double nernst(double ci, double co, int z, double celsius) {
        if (z == 0) {
            return 0.0;
        }
        if (ci <= 0.0) {
            return 1e6;
        }
        if (co <= 0.0) {
            return -1e6;
        }
        double ktf = 1000.0 * GAS_CONSTANT * (celsius + 273.15) / FARADAY;
        return ktf / z * Math.log(co / ci);
    }
}
