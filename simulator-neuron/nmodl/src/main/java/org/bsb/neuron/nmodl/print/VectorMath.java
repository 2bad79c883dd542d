package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.nmodl.ast.Ast.Expr;
import org.bsb.neuron.nmodl.ast.Ast.Num;
import org.bsb.neuron.nmodl.ast.Ast.Var;
import org.bsb.neuron.nmodl.runtime.NmodlMechanism;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * Lane-wise math for the vector forms, printed in line (a helper method would be compiled on its own first, and
 * C2 then declines to inline a compiled method this large: every call would box its vectors).
 */
final class VectorMath {
    private VectorMath() {}

    /**
     * The whole exponent 1 to 8 of a power both forms compute as repeated products (a number, or a CONSTANT
     * holding one), else null (Math.pow in the scalar form; the vector form does not cover it).
     */
    static Integer wholePower(Expr exponent, Symbols sym) {
        Double d = null;
        if (exponent instanceof Num n) d = n.value();
        else if (exponent instanceof Var v && v.index() == null) d = sym.constants.get(v.name());
        if (d == null || d != Math.rint(d) || d < 1 || d > 8) return null;
        return d.intValue();
    }

    /**
     * Statements that leave hexp(x) lane-wise in {@code name} (NEURON's exp for mod files: 0 below -700, exp(700)
     * above 700), from IEEE additions and multiplications and exact integer steps only: x = k ln 2 + r (Cody and
     * Waite's two-part ln 2; k rounded by adding 1.5 * 2^52, which also leaves k + 1.5 * 2^52 in the low bits:
     * shifted into the exponent field they make 2^k), exp(r) by its Taylor series to degree 13 on |r| <= ln 2 / 2
     * (remainder below 5e-18): in each lane the operations of the scalar forms' {@code NmodlMechanism.hexp}, so
     * both forms give the same bits. Not the JDK's vector exp: that one is SVML in C2 but Math.exp in the
     * interpreter, so a run's bits would depend on when C2 compiled the method (and JDK 17 leaves the
     * double-to-long conversion uncompiled). Within 1 ulp of Math.exp.
     */
    static List<String> exp(String x, String name) {
        List<String> l = new ArrayList<>();
        l.add("final DoubleVector " + name + "x = " + x + ";");
        l.add("final DoubleVector " + name + "c = " + name + "x.min(700.0).max(-700.0);");
        l.add("final DoubleVector " + name + "t = " + name + "c.mul(1.4426950408889634).add(0x1.8p52);");
        l.add("final DoubleVector " + name + "k = " + name + "t.sub(0x1.8p52);");
        l.add("final DoubleVector " + name + "r = " + name + "c.sub(" + name + "k.mul(0.6931471803691238)).sub(" + name
                + "k.mul(1.9082149292705877E-10));");
        double[] taylor = NmodlMechanism.EXP_TAYLOR;
        StringBuilder p = new StringBuilder("DoubleVector.broadcast(S, " + Exprs.lit(taylor[0]) + ")");
        for (int j = 1; j < taylor.length; j++)
            p.append(".mul(")
                    .append(name)
                    .append("r).add(")
                    .append(Exprs.lit(taylor[j]))
                    .append(")");
        l.add("final DoubleVector " + name + "p = " + p + ";");
        l.add("final DoubleVector " + name + " = " + name + "p.mul(" + name
                + "t.reinterpretAsLongs().add(1023L).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles())"
                + ".blend(0.0, " + name + "x.lt(-700.0));");
        return l;
    }
}
