package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.nmodl.ast.Ast.Callable;
import org.bsb.neuron.nmodl.ast.Ast.Table;
import org.bsb.neuron.nmodl.ast.Ast.Var;

/**
 * NEURON's TABLE: with+1 samples from FROM to TO (x advanced by repeated addition of the step), rebuilt when
 * a DEPEND value changes, looked up by linear interpolation and clamped to the end values outside the range.
 */
final class TablePrinter {
    private final Emitter out;
    private final Exprs ex;
    /** Field declarations of the tables. */
    final List<String> fields = new ArrayList<>();

    TablePrinter(Emitter out, Exprs ex) {
        this.out = out;
        this.ex = ex;
    }

    private int width(boolean fn, String name) {
        return fn ? 1 : Math.max(1, out.sym.fields.get(name).size());
    }

    /** The wrapper {@code f_<name>} / {@code p_<name>} around the exact {@code exact}. */
    void wrapper(Callable c, Table tb, String exact, boolean fn) {
        List<String> names = fn ? List.of(c.name()) : tb.names();
        for (String n : names) {
            if (!fn && !out.sym.fields.containsKey(n)) {
                throw out.err(tb.pos(), "TABLE variable '" + n + "' must be an ASSIGNED variable");
            }
        }
        String id = c.name();
        fields.add("  private double tmin_" + id + ", mfac_" + id + ";\n  private int tn_" + id + " = -1;\n");
        for (String n : names) fields.add("  private double[] tab_" + id + "_" + n + ";\n");
        fields.add("  private final double[] tdep_" + id + " = new double["
                + tb.depend().size() + "];\n");
        out.inNewMethod(() -> {
            out.line(
                    1,
                    "private " + (fn ? "double " : "void ") + (fn ? "f_" : "p_") + id
                            + "(final int i, final double a) {");
            StringBuilder changed = new StringBuilder("tn_" + id + " < 0");
            for (int k = 0; k < tb.depend().size(); k++) {
                String dv = ex.num(new Var(tb.depend().get(k), null, tb.pos()));
                changed.append(" || tdep_")
                        .append(id)
                        .append("[")
                        .append(k)
                        .append("] != ")
                        .append(dv);
            }
            out.line(2, "if (" + changed + ") {");
            for (int k = 0; k < tb.depend().size(); k++) {
                out.line(
                        3,
                        "tdep_" + id + "[" + k + "] = "
                                + ex.num(new Var(tb.depend().get(k), null, tb.pos())) + ";");
            }
            out.line(3, "final double lo = " + ex.num(tb.from()) + ", hi = " + ex.num(tb.to()) + ";");
            out.line(3, "final int n = (int) (" + ex.num(tb.with()) + ");");
            out.line(3, "if (n < 1 || n > 10000000) throw new IllegalStateException(\"TABLE WITH out of range\");");
            out.line(3, "final double dx = (hi - lo) / n;");
            for (String nm : names)
                out.line(3, "tab_" + id + "_" + nm + " = new double[(n + 1) * " + width(fn, nm) + "];");
            out.line(3, "double x = lo;");
            out.line(3, "for (int k = 0; k <= n; k++, x += dx) {");
            if (fn) {
                out.line(4, "tab_" + id + "_" + id + "[k] = " + exact + "(i, x);");
            } else {
                out.line(4, exact + "(i, x);");
                for (String nm : names) {
                    int w = width(false, nm);
                    if (out.sym.fields.get(nm).size() == 0) {
                        out.line(4, "tab_" + id + "_" + nm + "[k] = " + Exprs.field(nm) + "[i];");
                    } else {
                        out.line(
                                4,
                                "System.arraycopy(" + Exprs.field(nm) + ", i * " + w + ", tab_" + id + "_" + nm
                                        + ", k * " + w + ", " + w + ");");
                    }
                }
            }
            out.close(3, "}");
            out.line(3, "tmin_" + id + " = lo;");
            out.line(3, "mfac_" + id + " = 1.0 / dx;");
            out.line(3, "tn_" + id + " = n;");
            out.close(2, "}");
            out.line(2, "final double xi = mfac_" + id + " * (a - tmin_" + id + ");");
            out.line(2, "final int n = tn_" + id + ";");
            for (String nm : names) {
                String tab = "tab_" + id + "_" + nm;
                int w = width(fn, nm);
                boolean array = !fn && out.sym.fields.get(nm).size() > 0;
                if (array) out.line(2, "for (int e = 0; e < " + w + "; e++) {");
                String dst = fn
                        ? "final double r_" + nm
                        : array ? Exprs.field(nm) + "[i * " + w + " + e]" : Exprs.field(nm) + "[i]";
                String el = array ? " + e" : "";
                String at0 = tab + "[" + (array ? "e" : "0") + "]";
                String atN = tab + "[n * " + w + el + "]";
                String atI = tab + "[(int) xi * " + w + el + "]";
                String atI1 = tab + "[((int) xi + 1) * " + w + el + "]";
                out.line(
                        array ? 3 : 2,
                        dst + " = Double.isNaN(xi) ? xi : xi <= 0.0 ? " + at0 + " : xi >= n ? " + atN + " : " + atI
                                + " + (xi - (int) xi) * (" + atI1 + " - " + atI + ");");
                if (array) out.close(2, "}");
            }
            if (fn) out.line(2, "return r_" + id + ";");
            out.line(1, "}");
        });
    }
}
