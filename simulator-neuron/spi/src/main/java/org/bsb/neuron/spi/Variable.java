package org.bsb.neuron.spi;

import java.util.Objects;

/**
 * One per-instance (range) variable or one global of a mechanism type.
 *
 * @param name NMODL name without suffix, e.g. {@code gnabar}, {@code m}
 * @param kind block of origin
 * @param defaultValue initial value of every new instance
 * @param units NMODL units text, informative only ({@code ""} if none)
 */
public record Variable(String name, VariableKind kind, double defaultValue, String units) {
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        units = units == null ? "" : units;
    }

    public static Variable parameter(String name, double defaultValue, String units) {
        return new Variable(name, VariableKind.PARAMETER, defaultValue, units);
    }

    public static Variable assigned(String name, String units) {
        return new Variable(name, VariableKind.ASSIGNED, 0.0, units);
    }

    public static Variable state(String name, String units) {
        return new Variable(name, VariableKind.STATE, 0.0, units);
    }
}
