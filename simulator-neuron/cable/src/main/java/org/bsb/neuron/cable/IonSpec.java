package org.bsb.neuron.cable;

/**
 * Ion settings of a section; {@code null} fields keep the ion's default.
 *
 * @param revPot reversal potential, mV
 * @param intCon internal concentration, mM
 * @param extCon external concentration, mM
 */
public record IonSpec(Double revPot, Double intCon, Double extCon) {}
