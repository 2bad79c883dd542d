package org.bsb.neuron.spi;

/** What a mechanism is attached to. */
public enum MechanismKind {
    /** Distributed over the membrane (NMODL {@code SUFFIX}); currents in mA/cm². */
    DENSITY,
    /** Located at one node (NMODL {@code POINT_PROCESS}); currents in nA. */
    POINT_PROCESS,
    /** Not attached to the membrane at all (NMODL {@code ARTIFICIAL_CELL}, e.g. NetStim). */
    ARTIFICIAL_CELL
}
