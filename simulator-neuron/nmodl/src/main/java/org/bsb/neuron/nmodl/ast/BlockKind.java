package org.bsb.neuron.nmodl.ast;

/** The named blocks of a file ({@link Ast.Callable}), by their NMODL keyword. */
public enum BlockKind {
    FUNCTION,
    PROCEDURE,
    DERIVATIVE,
    KINETIC,
    LINEAR,
    NONLINEAR,
    NET_RECEIVE;

    /** A block the file's code can call (FUNCTION, PROCEDURE). */
    public boolean callable() {
        return this == FUNCTION || this == PROCEDURE;
    }

    /** The kind of the keyword, or null. */
    public static BlockKind of(String keyword) {
        for (BlockKind k : values()) if (k.name().equals(keyword)) return k;
        return null;
    }
}
