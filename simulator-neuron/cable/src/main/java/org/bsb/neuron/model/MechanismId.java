package org.bsb.neuron.model;

/** A mechanism as a model names it: {@code "hh"} or {@code ("NMDA", "stellate")} = asset and variant. */
public record MechanismId(String name, String variant) {
    public static MechanismId of(String name) {
        return new MechanismId(name, null);
    }

    @Override
    public String toString() {
        return variant == null ? name : "(" + name + ", " + variant + ")";
    }
}
