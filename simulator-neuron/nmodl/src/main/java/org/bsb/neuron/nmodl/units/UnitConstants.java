package org.bsb.neuron.nmodl.units;

import java.util.Map;

/**
 * The physical constants NMODL files take from NEURON's units database
 * ({@code FARADAY = (faraday) (coulomb)}), with NEURON 8's default "modern" (CODATA 2018) values.
 * Only the conversions catalogues use are known; anything else is reported as an error by the parser.
 */
public final class UnitConstants {
    public static final double ELECTRON_CHARGE = 1.602176634e-19;
    public static final double AVOGADRO = 6.02214076e23;
    public static final double BOLTZMANN = 1.380649e-23;
    /** coulomb/mol. */
    public static final double FARADAY = ELECTRON_CHARGE * AVOGADRO;
    /** joule/(mol K). */
    public static final double GAS_CONSTANT = BOLTZMANN * AVOGADRO;

    /** Named quantities in SI base units (their dimension is checked loosely by the target's base name). */
    private static final Map<String, double[]> QUANTITY = Map.of(
            "faraday", new double[] {FARADAY, 0},
            "k-mole", new double[] {GAS_CONSTANT, 1},
            "pi", new double[] {Math.PI, 2},
            "e", new double[] {ELECTRON_CHARGE, 0},
            "electron", new double[] {ELECTRON_CHARGE, 0},
            "avogadro", new double[] {AVOGADRO, 2},
            "boltzmann", new double[] {BOLTZMANN, 1});

    private UnitConstants() {}

    /**
     * The value of quantity {@code from} expressed in unit {@code to}, e.g. ("faraday", "10000 coulomb") gives
     * 9.648..., or null when unknown.
     */
    public static Double convert(String from, String to) {
        double[] q = QUANTITY.get(from.trim());
        if (q == null) return null;
        String t = to.trim();
        double scale = 1;
        int sp = t.indexOf(' ');
        if (sp > 0) {
            try {
                scale = Double.parseDouble(t.substring(0, sp));
                t = t.substring(sp + 1).trim();
            } catch (NumberFormatException e) {
                // not a leading number
            }
        } else {
            try {
                scale = Double.parseDouble(t);
                t = "1";
            } catch (NumberFormatException e) {
                // a unit name
            }
        }
        double unit;
        if (q[1] == 0) {
            unit = charge(t);
        } else if (q[1] == 1) {
            unit = energyPerKelvin(t);
        } else {
            unit = t.equals("1") ? 1 : Double.NaN;
        }
        if (Double.isNaN(unit)) return null;
        return q[0] / (scale * unit);
    }

    private static double prefix(String p) {
        return switch (p) {
            case "" -> 1;
            case "k", "kilo" -> 1e3;
            case "m", "milli" -> 1e-3;
            case "u", "micro" -> 1e-6;
            case "n", "nano" -> 1e-9;
            case "p", "pico" -> 1e-12;
            case "M", "mega" -> 1e6;
            default -> Double.NaN;
        };
    }

    private static double charge(String t) {
        for (String base : new String[] {"coulombs", "coulomb", "coul", "C"}) {
            if (t.endsWith(base)) return prefix(t.substring(0, t.length() - base.length()));
        }
        return Double.NaN;
    }

    private static double energyPerKelvin(String t) {
        int slash = t.indexOf('/');
        if (slash < 0) return Double.NaN;
        String den = t.substring(slash + 1).trim();
        if (!den.equals("degC") && !den.equals("K") && !den.equals("kelvin")) return Double.NaN;
        String num = t.substring(0, slash).trim();
        for (String base : new String[] {"joule", "J"}) {
            if (num.endsWith(base)) return prefix(num.substring(0, num.length() - base.length()));
        }
        return Double.NaN;
    }
}
