package org.bsb.neuron.nmodl.ast;

/** NMODL's binary operators, with the text both NMODL and Java write them as. */
public enum BinaryOp {
    ADD("+", Kind.ARITHMETIC),
    SUB("-", Kind.ARITHMETIC),
    MUL("*", Kind.ARITHMETIC),
    DIV("/", Kind.ARITHMETIC),
    POW("^", Kind.POWER),
    LT("<", Kind.COMPARISON),
    GT(">", Kind.COMPARISON),
    LE("<=", Kind.COMPARISON),
    GE(">=", Kind.COMPARISON),
    EQ("==", Kind.COMPARISON),
    NE("!=", Kind.COMPARISON),
    AND("&&", Kind.LOGICAL),
    OR("||", Kind.LOGICAL);

    /** What an operator yields: a number (arithmetic, power) or a truth value (comparison, logical). */
    public enum Kind {
        ARITHMETIC,
        POWER,
        COMPARISON,
        LOGICAL
    }

    public final String symbol;
    public final Kind kind;

    BinaryOp(String symbol, Kind kind) {
        this.symbol = symbol;
        this.kind = kind;
    }

    /** The operator written {@code symbol}, or null. */
    public static BinaryOp of(String symbol) {
        for (BinaryOp op : values()) if (op.symbol.equals(symbol)) return op;
        return null;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
