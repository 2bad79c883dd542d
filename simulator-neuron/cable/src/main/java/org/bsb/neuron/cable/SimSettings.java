package org.bsb.neuron.cable;

import java.util.Locale;

/**
 * Run settings, NEURON's defaults where the original's simulation config has none.
 *
 * @param dt time step, ms ({@code resolution})
 * @param tstop end time, ms ({@code duration})
 * @param celsius temperature, °C ({@code temperature})
 * @param vInit initial membrane potential, mV ({@code finitialize(vInit)})
 * @param nonFinite what a run does when a membrane potential or a recorded value becomes NaN or infinite
 */
public record SimSettings(double dt, double tstop, double celsius, double vInit, NonFinite nonFinite) {
    public SimSettings {
        if (!(dt > 0) || !(tstop >= 0)) {
            throw new IllegalArgumentException("dt must be > 0 and tstop >= 0, got dt=" + dt + ", tstop=" + tstop);
        }
        if (!(tstop / dt < Integer.MAX_VALUE - 1)) {
            throw new IllegalArgumentException("a duration of " + tstop + " ms at a resolution of " + dt + " ms is "
                    + String.format(java.util.Locale.ROOT, "%.3g", tstop / dt) + " steps, more than a run can take ("
                    + (Integer.MAX_VALUE - 2) + ")");
        }
        if (nonFinite == null) {
            throw new IllegalArgumentException("nonFinite must be ERROR or WARN");
        }
    }

    /** Settings with {@link NonFinite#fromSystemProperty()}: an error unless {@code -Dbsb.nonfinite=warn}. */
    public SimSettings(double dt, double tstop, double celsius, double vInit) {
        this(dt, tstop, celsius, vInit, NonFinite.fromSystemProperty());
    }

    /** These settings with another {@link NonFinite} behaviour. */
    public SimSettings withNonFinite(NonFinite behaviour) {
        return new SimSettings(dt, tstop, celsius, vInit, behaviour);
    }

    /** Number of steps: {@code round(tstop / dt)}. */
    public int steps() {
        return (int) Math.round(tstop / dt);
    }

    /**
     * A membrane potential that becomes NaN or infinite (checked once per step, one pass over v) or a recorded
     * value that does: {@link #ERROR} stops the run at that step with a message naming the time, the cell, the
     * section and segment, and the mechanism whose variables there are not finite; {@link #WARN} logs the same
     * once per cell group and runs on.
     */
    public enum NonFinite {
        ERROR,
        WARN;

        /** The system property that chooses the behaviour: {@code error} (the default) or {@code warn}. */
        public static final String PROPERTY = "bsb.nonfinite";

        /** The behaviour {@link #PROPERTY} asks for; ERROR when it is not set. */
        public static NonFinite fromSystemProperty() {
            String value = System.getProperty(PROPERTY);
            if (value == null || value.isBlank()) {
                return ERROR;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "system property " + PROPERTY + " must be 'error' or 'warn', not '" + value + "'");
            }
        }
    }
}
