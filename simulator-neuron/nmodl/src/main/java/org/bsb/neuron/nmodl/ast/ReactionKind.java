package org.bsb.neuron.nmodl.ast;

/** The arrows of a KINETIC reaction statement. */
public enum ReactionKind {
    /** {@code ~ a <-> b (kf, kb)} */
    REVERSIBLE("<->"),
    /** {@code ~ a -> b (kf)} */
    FORWARD("->"),
    /** {@code ~ x << (flux)}: a flux into one state */
    FLUX("<<");

    public final String symbol;

    ReactionKind(String symbol) {
        this.symbol = symbol;
    }

    public static ReactionKind of(String symbol) {
        for (ReactionKind k : values()) if (k.symbol.equals(symbol)) return k;
        return null;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
