package org.bsb.neuron.model;

/** An ion's settings in a cable type; {@code null} keeps what was there (a default or an earlier type). */
public record IonDefinition(Double revPot, Double intCon, Double extCon) {
    /** This definition with the other's non-null values on top. */
    public IonDefinition with(IonDefinition over) {
        return new IonDefinition(
                over.revPot != null ? over.revPot : revPot,
                over.intCon != null ? over.intCon : intCon,
                over.extCon != null ? over.extCon : extCon);
    }
}
