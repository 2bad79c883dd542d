package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.List;

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

    /** A value as a DoubleVector expression (a double broadcast to every lane). */
    static String vector(V v) {
        return v.vec ? v.java : "DoubleVector.broadcast(S, " + v.java + ")";
    }
}
