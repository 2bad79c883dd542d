package org.bsb.neuron.devices;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a device may do to the simulation being built: the targets it was given (cells and
 * locations chosen by its targetting), inserting point processes, artificial cells and
 * connections, and recording. The backend implements it over its cable network; every recording
 * becomes a {@link org.bsb.api.simulation.Signal} or {@link org.bsb.api.simulation.SpikeTrain}
 * of the results, annotated with the device name and the given annotations.
 */
public interface DeviceContext {
    /** The device's name in the config (key under {@code devices}). */
    String device();

    /** The cells chosen by the device's cell targetting, each with the locations chosen on it. */
    List<Target> targets();

    /** One targeted cell. {@code locations} are {branch, point} of its morphology. */
    record Target(String cellModel, int cellId, List<int[]> locations) {
        public Target {
            locations = List.copyOf(locations);
        }

        /** The annotations every recording of this cell carries. */
        public Map<String, Object> annotations() {
            return Map.of("cell_type", cellModel, "cell_id", cellId);
        }
    }

    /** A point process or artificial cell in the network. */
    interface Point {
        /** Mechanism name, or the synapse type name for synapses. */
        String name();
    }

    /**
     * Inserts a new synapse of the cell model's synapse type {@code synapseType} at the location
     * (at the middle of its arc interval, as the original).
     *
     * @throws DeviceException if the location's section has no such synapse type
     */
    Point insertSynapse(Target cell, int[] location, String synapseType);

    /** Synapses already inserted (by connection models or other devices) on the location's section. */
    List<Point> synapsesOn(Target cell, int[] location, Collection<String> synapseTypes);

    /**
     * A point process at {@code arc} (0 or 0.5 of the location's arc interval, see
     * {@link #arcOf}) on the location's section.
     */
    Point addPointProcess(Target cell, int[] location, double sx, String mechanism, Map<String, Double> parameters);

    /** An artificial cell (NetStim, VecStim). */
    Point addArtificialCell(String mechanism, Map<String, Double> parameters);

    /** Gives a point a vector datum, e.g. VecStim's {@code pattern}. */
    void setVector(Point point, String name, double[] values);

    /** Connects an artificial cell's output to a point process (a NetCon). */
    void connect(Point source, Point target, double weight, double delay);

    /** Records the membrane potential at {@code sx} of the location's arc interval (mV). */
    void recordVoltage(Target cell, int[] location, double sx, Map<String, Object> annotations);

    /**
     * Records an ion quantity at {@code sx} of the location's arc interval: {@code ci}, {@code co}
     * (mM), {@code cur} (mA/cm²) or {@code e} (mV) of ion {@code ion} (e.g. {@code ca}).
     */
    default void recordIon(
            Target cell,
            int[] location,
            double sx,
            String ion,
            String quantity,
            String units,
            Map<String, Object> annotations) {
        throw new DeviceException("this simulator cannot record ions");
    }

    /** Records a variable of a point process (e.g. a synapse's or clamp's {@code i}, nA). */
    void recordPoint(Point point, String variable, String units, Map<String, Object> annotations);

    /** Records the spike times of the cell's location (upward crossings of {@code threshold} mV). */
    void recordSpikes(Target cell, int[] location, double threshold, Map<String, Object> annotations);

    /** Reports a non-fatal problem to the user. */
    void warn(String message);
}
