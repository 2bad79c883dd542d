package org.bsb.neuron.spi;

import java.util.Map;

/**
 * Shared state of one cell group that mechanisms read and write. Plain public arrays, indexed
 * by node (see {@link Mechanism#node}), so generated and hand-written mechanisms can loop
 * without indirection through accessors. Created by the engine; mechanisms never allocate it.
 */
public final class MechContext {
    /** Membrane potential per node, mV. */
    public final double[] v;
    /** Right-hand side of the current step's linear system; mechanisms subtract their current. */
    public final double[] rhs;
    /** Diagonal of the current step's linear system; mechanisms add their conductance. */
    public final double[] d;
    /** Membrane area of each node's segment, µm² (100 for zero-area nodes' point processes). */
    public final double[] area;
    /** Diameter of each node's segment, µm. */
    public final double[] diam;
    /** Current time, ms: {@code t + dt/2} in {@link Mechanism#current}, the event time in
     * {@link Mechanism#netReceive}, the step's end time in {@link Mechanism#state}. */
    public double t;
    /** Time step, ms. */
    public double dt;
    /** Temperature, °C (NEURON's {@code celsius}). */
    public double celsius;
    /** Event sink of this group. */
    public EventSink events;

    private final Map<String, IonArrays> ions;

    public MechContext(
            double[] v, double[] rhs, double[] d, double[] area, double[] diam, Map<String, IonArrays> ions) {
        this.v = v;
        this.rhs = rhs;
        this.d = d;
        this.area = area;
        this.diam = diam;
        this.ions = Map.copyOf(ions);
    }

    /** The arrays of an ion; fetch once in {@link Mechanism#bind}, not per step. */
    public IonArrays ion(String name) {
        IonArrays a = ions.get(name);
        if (a == null) {
            throw new IllegalArgumentException("ion '" + name + "' is not used by any mechanism of this cell group");
        }
        return a;
    }

    /** Node count of the group. */
    public int nodeCount() {
        return v.length;
    }
}
