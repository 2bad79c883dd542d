package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * What the vector-form printers ({@link VectorKinetics}, {@link VectorCnexp}) share: the lines of the method being
 * printed, printed values, and the way out when a construct is not covered (the block keeps the scalar form).
 */
abstract class VectorPrinter {
    /** Thrown while printing a construct the vector form does not cover; the block keeps the scalar form. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** A printed value: its Java text, and whether it is a DoubleVector (else a double, the same in every lane). */
    record V(String java, boolean vec) {}

    final List<String> lines = new ArrayList<>();

    void line(int ind, String s) {
        lines.add("  ".repeat(ind) + s);
    }

    /** Files the printed lines as methods of the class {@code out} prints. */
    void defineIn(Emitter out) {
        for (String l : lines) out.define(0, l);
    }

    /** -a, lane-wise (or as a double). */
    static V neg(V a) {
        return a.vec ? new V(a.java + ".neg()", true) : new V("(-" + a.java + ")", false);
    }

    /** l op r for +, -, *, /: lane-wise with the scalar form's operands, or a double when neither side is a vector. */
    static V arithmetic(BinaryOp op, V l, V r) {
        if (!l.vec && !r.vec) return new V("(" + l.java + " " + op.symbol + " " + r.java + ")", false);
        String m = switch (op) {
            case ADD -> "add";
            case SUB -> "sub";
            case MUL -> "mul";
            case DIV -> "div";
            default -> throw new IllegalStateException(String.valueOf(op));
        };
        // a double on the left of + or *: the vector's method with the double (IEEE + and * commute exactly), one
        // call fewer than broadcasting it
        if (!l.vec && (op == BinaryOp.ADD || op == BinaryOp.MUL))
            return new V(r.java + "." + m + "(" + l.java + ")", true);
        return new V(vector(l) + "." + m + "(" + r.java + ")", true);
    }

    /** A range variable of the instances (loaded lane-wise) or a CONSTANT, else null; arrays are not covered. */
    static V fieldOrConstant(Symbols sym, String name) {
        MechanismInfo.Field f = sym.fields.get(name);
        if (f != null) {
            if (f.size() > 0) throw new Unsupported("array " + name);
            return new V("DoubleVector.fromArray(S, " + Exprs.field(name) + ", i0)", true);
        }
        Double c = sym.constants.get(name);
        return c == null ? null : new V(Exprs.lit(c), false);
    }

    /** A value as a DoubleVector expression (a double broadcast to every lane). */
    static String vector(V v) {
        return v.vec ? v.java : "DoubleVector.broadcast(S, " + v.java + ")";
    }
}
