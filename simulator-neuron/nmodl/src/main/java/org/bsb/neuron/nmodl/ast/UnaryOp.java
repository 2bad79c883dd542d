package org.bsb.neuron.nmodl.ast;

/** NMODL's prefix operators. */
public enum UnaryOp {
    NEG("-"),
    NOT("!");

    public final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
