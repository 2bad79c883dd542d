package org.bsb.neuron.spi;

/** The NMODL block a range variable comes from. */
public enum VariableKind {
    /** Settable by the model definition ({@code PARAMETER} that is {@code RANGE}). */
    PARAMETER,
    /** Computed, recordable ({@code ASSIGNED} that is {@code RANGE}, e.g. {@code g}, {@code i}). */
    ASSIGNED,
    /** Integrated over time ({@code STATE}). */
    STATE
}
