package org.bsb.neuron.spi;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A set of mechanism types available by NEURON name: the built-ins, or the mechanisms compiled
 * from a directory of NMODL files. Registered as a DS service and in
 * {@code META-INF/services/org.bsb.neuron.spi.MechanismCatalogue}. When several catalogues provide
 * a name, the one of lowest {@link #precedence()} wins (see {@link Precedence}); when two of the same
 * precedence provide it, the first in the given order wins and the engine logs a warning naming both.
 */
public interface MechanismCatalogue {
    /**
     * Which catalogue wins when several provide a mechanism name, first to last. A model's names are
     * resolved against the catalogues in this order, so an embedded fallback (our own AMPA/NMDA/GABA
     * of the default model) never shadows the mechanisms a user installed.
     */
    enum Precedence {
        /** A simulation's {@code mechanisms:} list in the config. */
        CONFIG,
        /** Installed by the user: {@code BSB_MECHANISM_PATH}, mechanism bundles in {@code plugins/}. */
        INSTALLED,
        /** NEURON's built-in mechanisms (pas, hh, ExpSyn, NetStim, ...). */
        BUILTIN,
        /** Only for names no other catalogue provides (the embedded default model's synapses). */
        FALLBACK
    }

    /** Every type of the catalogue. */
    Collection<MechanismType> types();

    /** Where this catalogue stands when several provide a name; user-installed by default. */
    default Precedence precedence() {
        return Precedence.INSTALLED;
    }

    /** Where the mechanisms come from, for messages (a folder, a bundle, "built-in"). */
    default String origin() {
        return getClass().getSimpleName();
    }

    /** The catalogues sorted by {@link #precedence()}, keeping the given order among equals. */
    static List<MechanismCatalogue> inPrecedenceOrder(List<? extends MechanismCatalogue> catalogues) {
        return catalogues.stream()
                .sorted(Comparator.comparing(MechanismCatalogue::precedence))
                .map(c -> (MechanismCatalogue) c)
                .toList();
    }

    /**
     * Whether {@link #find} would give a type for {@code name}, without the cost of preparing one (a catalogue
     * of {@code .mod} files answers from its names, without compiling).
     */
    default boolean provides(String name) {
        return find(name).isPresent();
    }

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
