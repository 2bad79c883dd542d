package org.bsb.api.simulation;

import java.util.Map;

/**
 * A cell model definition that a bundle provides under a name (its {@code bsb.name}), so that a
 * simulation's cell model can say {@code model: <name>} instead of pointing at a model file. The
 * definition is the original's model data as plain values: arborize's {@code define_model} dict
 * ({@code cable_types}, {@code synapse_types}, ...) of maps, lists, strings and numbers.
 */
public interface CellModelProvider {
    /** The model definition as data; the caller does not modify it. */
    Map<String, Object> definition();
}
