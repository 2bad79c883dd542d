package org.bsb.neuron.cable;

/**
 * Run settings, NEURON's defaults where the original's simulation config has none.
 *
 * @param dt time step, ms ({@code resolution})
 * @param tstop end time, ms ({@code duration})
 * @param celsius temperature, °C ({@code temperature})
 * @param vInit initial membrane potential, mV ({@code finitialize(vInit)})
 */
public record SimSettings(double dt, double tstop, double celsius, double vInit) {
    public SimSettings {
        if (!(dt > 0) || !(tstop >= 0)) {
            throw new IllegalArgumentException("dt must be > 0 and tstop >= 0, got dt=" + dt + ", tstop=" + tstop);
        }
        if (!(tstop / dt < Integer.MAX_VALUE - 1)) {
            throw new IllegalArgumentException("a duration of " + tstop + " ms at a resolution of " + dt + " ms is "
                    + String.format(java.util.Locale.ROOT, "%.3g", tstop / dt) + " steps, more than a run can take ("
                    + (Integer.MAX_VALUE - 2) + ")");
        }
    }

    /** Number of steps: {@code round(tstop / dt)}. */
    public int steps() {
        return (int) Math.round(tstop / dt);
    }
}
