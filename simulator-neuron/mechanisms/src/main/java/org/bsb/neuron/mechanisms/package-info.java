/**
 * NEURON's built-in mechanisms written in Java against the mechanism SPI: {@code pas},
 * {@code hh}, {@code IClamp}, {@code SEClamp}, {@code ExpSyn}, {@code Exp2Syn}, {@code NetStim}
 * and {@code VecStim}, with NEURON's equations and update rules (cnexp updates, currents and
 * conductances by NEURON's {@code v + 0.001} difference, hh's rate tables).
 */
package org.bsb.neuron.mechanisms;
