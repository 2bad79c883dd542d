package org.bsb.neuron.nmodl.print;

import java.util.Set;
import java.util.function.Supplier;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.ast.UnaryOp;
import org.bsb.neuron.nmodl.model.Trees;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * Prints expressions and assignment targets as Java. Only identifiers that passed {@link Symbols#IDENT}
 * (always behind a prefix, so never a Java keyword) and numbers re-printed from parsed doubles enter the
 * source; no text of the file is copied.
 */
final class Exprs {
    private static final Set<String> MATH1 = Set.of(
            "exp", "log", "log10", "sin", "cos", "tan", "sqrt", "floor", "ceil", "tanh", "sinh", "cosh", "atan", "asin",
            "acos");

    private final Emitter out;
    private final Symbols sym;
    private final ModFile mod;
    /** Whether the statement being printed may reuse and define common subexpressions. */
    private boolean cseActive;

    private int indentNow;

    Exprs(Emitter out) {
        this.out = out;
        this.sym = out.sym;
        this.mod = out.mod;
    }

    static String field(String n) {
        return "x_" + n;
    }

    static String lit(double d) {
        if (Double.isNaN(d)) return "Double.NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        String s = Double.toString(Math.abs(d));
        return d < 0 || (d == 0 && 1 / d < 0) ? "(-" + s + ")" : s;
    }

    /** An assignment target: its Java text and the Java variable it writes. */
    record Target(String java, String variable) {}

    /** Prints {@code r} with common subexpressions when {@code e} calls none of the file's functions. */
    <T> T withCse(Expr e, int ind, Supplier<T> r) {
        boolean saved = cseActive;
        int savedIndent = indentNow;
        cseActive = !Trees.callsFileCode(mod, e);
        indentNow = ind;
        try {
            return r.get();
        } finally {
            cseActive = saved;
            indentNow = savedIndent;
        }
    }

    /** The value of a pure call: a uniform field, a local computed once while its inputs are unchanged, or the call. */
    private String pureCall(Supplier<String> print) {
        out.pure.begin();
        String call = print.get();
        PureCalls.Reads reads = out.pure.end();
        if (!reads.perInstance) {
            String f = out.pure.uniformField(call);
            out.pure.read(f, true);
            return f;
        }
        if (!cseActive) {
            out.pure.merge(reads);
            return call;
        }
        String local = out.pure.local(call);
        if (local == null) {
            local = out.freshTmp("c");
            out.define(indentNow, "final double " + local + " = " + call + ";");
            out.pure.remember(call, local, reads.names);
        }
        out.pure.read(local, false);
        return local;
    }

    String num(Expr e) {
        if (e instanceof Num n) return lit(n.value());
        if (e instanceof Var v) return rvalue(v);
        if (e instanceof Ref r) {
            out.pure.read(r.name(), false);
            return r.name();
        }
        if (e instanceof SysVar s) {
            out.pure.perInstance();
            return out.system.name(s);
        }
        if (e instanceof Unary u) {
            if (u.op() == UnaryOp.NEG) return "(-" + num(u.operand()) + ")";
            out.pure.perInstance();
            return "bool(!" + bool(u.operand()) + ")";
        }
        if (e instanceof Binary b) {
            switch (b.op().kind) {
                case ARITHMETIC:
                    return "(" + num(b.left()) + " " + b.op().symbol + " " + num(b.right()) + ")";
                case POWER:
                    return power(b.left(), b.right());
                default:
                    out.pure.perInstance();
                    return "bool(" + bool(e) + ")";
            }
        }
        if (e instanceof Call c) return call(c);
        throw new IllegalStateException(String.valueOf(e));
    }

    /** A power: whole exponents 1 to 8 as the vector forms compute them (VectorMath.wholePower), else Math.pow. */
    private String power(Expr base, Expr exponent) {
        Integer whole = VectorMath.wholePower(exponent, out.sym);
        if (whole != null) return pureCall(() -> "pown(" + num(base) + ", " + whole + ")");
        return pureCall(() -> "Math.pow(" + num(base) + ", " + num(exponent) + ")");
    }

    String bool(Expr e) {
        if (e instanceof Binary b) {
            if (b.op().kind == BinaryOp.Kind.COMPARISON) {
                return "(" + num(b.left()) + " " + b.op().symbol + " " + num(b.right()) + ")";
            }
            if (b.op().kind == BinaryOp.Kind.LOGICAL) {
                return "(" + bool(b.left()) + " " + b.op().symbol + " " + bool(b.right()) + ")";
            }
        }
        if (e instanceof Unary u && u.op() == UnaryOp.NOT) return "(!" + bool(u.operand()) + ")";
        return "(" + num(e) + " != 0.0)";
    }

    private String special(String java, String... reads) {
        for (String r : reads) out.pure.read(r, PureCalls.isUniformName(r));
        return java;
    }

    String rvalue(Var v) {
        Emitter.Binding j = out.lookup(v.name());
        if (j != null) {
            if (v.index() != null) throw out.err(v.pos(), "'" + v.name() + "' is not an array");
            out.pure.read(j.variable(), false);
            return j.java();
        }
        switch (v.name()) {
            case "v":
                return special("sv[i]", "sv", "i");
            case "t":
                return special("t", "t");
            case "dt":
                return special("dt", "dt");
            case "celsius":
                return special("celsius", "celsius");
            case "diam":
                return special("diam[node[i]]", "diam", "node", "i");
            case "area":
                return special("area[node[i]]", "area", "node", "i");
            default:
        }
        if (sym.fields.containsKey(v.name())) return fieldRef(v);
        Double c = sym.constants.get(v.name());
        if (c != null) return lit(c);
        if (sym.isInitialValue(v.name())) return lit(0.0); // nocmodl's implicit m0 of a STATE m, 0 unless set from hoc
        throw out.err(v.pos(), "undeclared variable '" + v.name() + "'");
    }

    Target lvalue(Var v) {
        Emitter.Binding j = out.lookup(v.name());
        if (j != null) {
            if (v.index() != null) throw out.err(v.pos(), "'" + v.name() + "' is not an array");
            return new Target(j.java(), j.variable());
        }
        if (Symbols.SPECIAL.contains(v.name())) {
            throw out.err(v.pos(), "cannot assign to '" + v.name() + "', which NEURON provides");
        }
        if (sym.fields.containsKey(v.name())) return new Target(fieldRef(v), field(v.name()));
        if (sym.constants.containsKey(v.name())) throw out.err(v.pos(), "cannot assign to constant '" + v.name() + "'");
        throw out.err(v.pos(), "assignment to undeclared variable '" + v.name() + "'");
    }

    String fieldRef(Var v) {
        MechanismInfo.Field f = sym.fields.get(v.name());
        out.pure.read(field(v.name()), false);
        out.pure.read("i", false);
        if (f.size() > 0) {
            if (v.index() == null) throw out.err(v.pos(), "array '" + v.name() + "' used without an index");
            return field(v.name()) + "[i * " + f.size() + " + (int) (" + num(v.index()) + ")]";
        }
        if (v.index() != null) throw out.err(v.pos(), "'" + v.name() + "' is not an array");
        return field(v.name()) + "[i]";
    }

    private String argList(Call c) {
        StringBuilder sb = new StringBuilder();
        for (Expr a : c.args()) sb.append(", ").append(num(a));
        return sb.toString();
    }

    /** A call as a statement: PROCEDUREs, net_send and net_event besides what {@link #call} prints. */
    String callStmt(Call c) {
        Callable target = mod.callables.get(c.name());
        if (target != null && target.kind() == BlockKind.PROCEDURE) return procCall(c, target);
        switch (c.name()) {
            case "net_send": {
                if (c.args().size() != 2) throw out.err(c.pos(), "net_send takes (delay, flag)");
                return "netSend(i, " + num(c.args().get(0)) + ", "
                        + num(c.args().get(1)) + ", " + out.argsVector + ")";
            }
            case "net_event": {
                if (c.args().size() != 1) throw out.err(c.pos(), "net_event takes (time)");
                return "netEvent(i, " + num(c.args().get(0)) + ")";
            }
            default:
        }
        return call(c);
    }

    private String procCall(Call c, Callable target) {
        if (target.params().size() != c.args().size()) {
            throw out.err(
                    c.pos(),
                    c.name() + " takes " + target.params().size() + " arguments, not "
                            + c.args().size());
        }
        String s = "p_" + c.name() + "(i" + argList(c) + ")";
        fileCode();
        return s;
    }

    /** A call of the file's own code was printed: it may assign anything, and it is per instance. */
    private void fileCode() {
        out.userCall = true;
        out.pure.perInstance();
    }

    String call(Call c) {
        Callable target = mod.callables.get(c.name());
        int n = c.args().size();
        if (target != null) {
            if (target.kind() != BlockKind.FUNCTION) throw out.err(c.pos(), "'" + c.name() + "' is not a FUNCTION");
            if (target.params().size() != n) {
                throw out.err(c.pos(), c.name() + " takes " + target.params().size() + " arguments, not " + n);
            }
            String s = "f_" + c.name() + "(i" + argList(c) + ")";
            fileCode();
            return s;
        }
        if (c.name().equals("exp") && n == 1)
            return pureCall(() -> "hexp(" + num(c.args().get(0)) + ")");
        if (MATH1.contains(c.name()) && n == 1)
            return pureCall(() -> "Math." + c.name() + "(" + num(c.args().get(0)) + ")");
        switch (c.name()) {
            case "fabs":
                if (n == 1) return "Math.abs(" + num(c.args().get(0)) + ")";
                break;
            case "pow":
                if (n == 2) return power(c.args().get(0), c.args().get(1));
                break;
            case "atan2":
                if (n == 2)
                    return pureCall(() -> "Math.atan2(" + num(c.args().get(0)) + ", "
                            + num(c.args().get(1)) + ")");
                break;
            case "fmod":
                if (n == 2)
                    return "(" + num(c.args().get(0)) + " % " + num(c.args().get(1)) + ")";
                break;
            case "fmin":
            case "min":
                if (n == 2)
                    return "Math.min(" + num(c.args().get(0)) + ", "
                            + num(c.args().get(1)) + ")";
                break;
            case "fmax":
            case "max":
                if (n == 2)
                    return "Math.max(" + num(c.args().get(0)) + ", "
                            + num(c.args().get(1)) + ")";
                break;
            case "exprelr":
                if (n == 1) return "exprelr(" + num(c.args().get(0)) + ")";
                break;
            default:
                throw out.err(c.pos(), "unknown function '" + c.name() + "'");
        }
        throw out.err(c.pos(), "wrong number of arguments to " + c.name());
    }
}
