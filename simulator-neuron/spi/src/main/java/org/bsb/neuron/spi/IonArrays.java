package org.bsb.neuron.spi;

/**
 * The state of one ion species in one cell group, per node (same indexing as
 * {@link MechContext#v}); only nodes whose section has the ion carry meaningful values.
 *
 * <p>Protocol per step: the engine zeroes {@link #cur} and {@link #dcurdv} (and recomputes
 * {@link #e} by Nernst where concentrations are written) before any mechanism's
 * {@link Mechanism#current}; mechanisms that write {@code i<ion>} add their current density
 * (mA/cm², point processes convert nA with {@code 100/area}) to {@code cur} and its slope to
 * {@code dcurdv}; concentration mechanisms read {@code cur} in {@link Mechanism#state} and
 * store the new {@code ci}/{@code co}.
 */
public final class IonArrays {
    /** Ion name, e.g. {@code ca}. */
    public final String name;
    /** Charge number. */
    public final int valence;
    /** Reversal potential, mV. */
    public final double[] e;
    /** Internal concentration, mM. */
    public final double[] ci;
    /** External concentration, mM. */
    public final double[] co;
    /** Total transmembrane ionic current density of this ion, mA/cm². */
    public final double[] cur;
    /** d cur / d v, S/cm². */
    public final double[] dcurdv;

    public IonArrays(String name, int valence, int nodes) {
        this.name = name;
        this.valence = valence;
        this.e = new double[nodes];
        this.ci = new double[nodes];
        this.co = new double[nodes];
        this.cur = new double[nodes];
        this.dcurdv = new double[nodes];
    }
}
