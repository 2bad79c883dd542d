package org.bsb.neuron.spi;

import java.util.List;

/**
 * Descriptor and factory of one mechanism type (one NMODL file or one built-in), e.g.
 * {@code hh}, {@code ExpSyn}. Implementations are immutable and shared by all cell groups.
 */
public interface MechanismType {
    /** NEURON name ({@code SUFFIX} or {@code POINT_PROCESS}/{@code ARTIFICIAL_CELL} name). */
    String name();

    MechanismKind kind();

    /**
     * Where the type is defined, for messages: the {@code .mod} file of a compiled mechanism; empty for a
     * built-in.
     */
    default String definedIn() {
        return "";
    }

    /**
     * Range variables in storage order; {@link Mechanism#vars}{@code [k]} holds variable
     * {@code k}. Parameters come first by convention, but callers must use
     * {@link #variableIndex(String)}.
     */
    List<Variable> variables();

    /** Global (per type, not per instance) variables, e.g. {@code hh}'s none, tables' flags. */
    default List<Variable> globals() {
        return List.of();
    }

    /** {@code USEION} statements. */
    default List<IonUse> ions() {
        return List.of();
    }

    /**
     * True for {@code ELECTRODE_CURRENT} point processes (IClamp, SEClamp): their current is
     * injected, with the opposite sign of a membrane current. Informative; the mechanism applies
     * the sign itself.
     */
    default boolean electrodeCurrent() {
        return false;
    }

    /** True if the type has a {@code NET_RECEIVE} block, i.e. can be a connection target. */
    default boolean receivesEvents() {
        return false;
    }

    /** Number of {@code NET_RECEIVE} arguments (weight vector length of each connection). */
    default int weightCount() {
        return receivesEvents() ? 1 : 0;
    }

    /**
     * Allocates storage for {@code count} instances with every variable at its default.
     * The engine then assigns {@link Mechanism#node}, sets parameters, calls
     * {@link Mechanism#bind} and {@link Mechanism#init}.
     */
    Mechanism create(int count);

    /** Index of a range variable in {@link #variables()}, or -1. */
    default int variableIndex(String name) {
        List<Variable> vs = variables();
        for (int i = 0; i < vs.size(); i++) {
            if (vs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
