package org.bsb.neuron.spi;

import java.util.Collection;
import java.util.Optional;

/**
 * A set of mechanism types available by NEURON name: the built-ins, or the mechanisms compiled
 * from a directory of NMODL files. Registered as a DS service and in
 * {@code META-INF/services/org.bsb.neuron.spi.MechanismCatalogue}; the engine searches every
 * catalogue it is given in order.
 */
public interface MechanismCatalogue {
    /** Every type of the catalogue. */
    Collection<MechanismType> types();

    /** The type with this NEURON name, if the catalogue has it. */
    default Optional<MechanismType> find(String name) {
        for (MechanismType t : types()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
