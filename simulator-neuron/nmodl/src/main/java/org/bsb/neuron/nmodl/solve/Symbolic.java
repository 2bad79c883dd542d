package org.bsb.neuron.nmodl.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.UnaryOp;

/** Symbolic differentiation and light simplification of NMODL expressions (used by cnexp, LINEAR, sparse). */
public final class Symbolic {
    /** Thrown when an expression cannot be differentiated (a user function of the variable). */
    public static final class NotDifferentiable extends Exception {
        private static final long serialVersionUID = 1L;

        NotDifferentiable(String m) {
            super(m);
        }
    }

    private Symbolic() {}

    public static boolean dependsOn(Expr e, String x) {
        if (e instanceof Num) return false;
        if (e instanceof Var v)
            return (v.name().equals(x) && v.index() == null) || (v.index() != null && dependsOn(v.index(), x));
        if (e instanceof Unary u) return dependsOn(u.operand(), x);
        if (e instanceof Binary b) return dependsOn(b.left(), x) || dependsOn(b.right(), x);
        if (e instanceof Call c) {
            for (Expr a : c.args()) if (dependsOn(a, x)) return true;
            return false;
        }
        throw new IllegalStateException(String.valueOf(e));
    }

    public static boolean dependsOnAny(Expr e, Set<String> xs) {
        for (String x : xs) if (dependsOn(e, x)) return true;
        return false;
    }

    /** Replaces variable x (not indexed) by the expression r. */
    public static Expr substitute(Expr e, String x, Expr r) {
        if (e instanceof Var v) {
            if (v.name().equals(x) && v.index() == null) return r;
            return v;
        }
        if (e instanceof Unary u) return new Unary(u.op(), substitute(u.operand(), x, r));
        if (e instanceof Binary b) return new Binary(b.op(), substitute(b.left(), x, r), substitute(b.right(), x, r));
        if (e instanceof Call c) {
            List<Expr> a = new ArrayList<>();
            for (Expr arg : c.args()) a.add(substitute(arg, x, r));
            return new Call(c.name(), a, c.pos());
        }
        return e;
    }

    public static Expr d(Expr e, String x) throws NotDifferentiable {
        return simplify(diff(e, x));
    }

    private static Expr diff(Expr e, String x) throws NotDifferentiable {
        if (!dependsOn(e, x)) return new Num(0);
        if (e instanceof Var) return new Num(1);
        if (e instanceof Unary u) {
            if (u.op() == UnaryOp.NEG) return new Unary(UnaryOp.NEG, diff(u.operand(), x));
            return new Num(0);
        }
        if (e instanceof Binary b) {
            Expr l = b.left();
            Expr r = b.right();
            switch (b.op()) {
                case ADD:
                    return new Binary(BinaryOp.ADD, diff(l, x), diff(r, x));
                case SUB:
                    return new Binary(BinaryOp.SUB, diff(l, x), diff(r, x));
                case MUL:
                    return new Binary(
                            BinaryOp.ADD,
                            new Binary(BinaryOp.MUL, diff(l, x), r),
                            new Binary(BinaryOp.MUL, l, diff(r, x)));
                case DIV:
                    return new Binary(
                            BinaryOp.DIV,
                            new Binary(
                                    BinaryOp.SUB,
                                    new Binary(BinaryOp.MUL, diff(l, x), r),
                                    new Binary(BinaryOp.MUL, l, diff(r, x))),
                            new Binary(BinaryOp.MUL, r, r));
                case POW:
                    if (!dependsOn(r, x)) {
                        return new Binary(
                                BinaryOp.MUL,
                                new Binary(
                                        BinaryOp.MUL,
                                        r,
                                        new Binary(BinaryOp.POW, l, new Binary(BinaryOp.SUB, r, new Num(1)))),
                                diff(l, x));
                    }
                    return new Binary(
                            BinaryOp.MUL,
                            e,
                            new Binary(
                                    BinaryOp.ADD,
                                    new Binary(BinaryOp.MUL, diff(r, x), call("log", l)),
                                    new Binary(BinaryOp.DIV, new Binary(BinaryOp.MUL, r, diff(l, x)), l)));
                default:
                    return new Num(0); // comparisons and logic are piecewise constant
            }
        }
        if (e instanceof Call c) {
            if (c.args().size() == 1) {
                Expr a = c.args().get(0);
                Expr da = diff(a, x);
                switch (c.name()) {
                    case "exp":
                        return new Binary(BinaryOp.MUL, e, da);
                    case "log":
                        return new Binary(BinaryOp.DIV, da, a);
                    case "sqrt":
                        return new Binary(BinaryOp.DIV, da, new Binary(BinaryOp.MUL, new Num(2), e));
                    case "sin":
                        return new Binary(BinaryOp.MUL, call("cos", a), da);
                    case "cos":
                        return new Unary(UnaryOp.NEG, new Binary(BinaryOp.MUL, call("sin", a), da));
                    case "fabs":
                        return new Binary(BinaryOp.MUL, new Binary(BinaryOp.DIV, a, e), da);
                    default:
                }
            }
            if (c.name().equals("pow") && c.args().size() == 2)
                return diff(new Binary(BinaryOp.POW, c.args().get(0), c.args().get(1)), x);
            throw new NotDifferentiable("cannot differentiate " + c.name() + "(...) with respect to " + x);
        }
        throw new IllegalStateException(String.valueOf(e));
    }

    private static Expr call(String f, Expr a) {
        return new Call(f, List.of(a), new Pos(0, 0));
    }

    private static boolean isNum(Expr e, double v) {
        return e instanceof Num n && n.value() == v;
    }

    public static Expr simplify(Expr e) {
        if (e instanceof Unary u) {
            Expr o = simplify(u.operand());
            if (u.op() == UnaryOp.NEG) {
                if (o instanceof Num n) return new Num(-n.value());
                if (o instanceof Unary uu && uu.op() == UnaryOp.NEG) return uu.operand();
            }
            return new Unary(u.op(), o);
        }
        if (e instanceof Binary b) {
            Expr l = simplify(b.left());
            Expr r = simplify(b.right());
            switch (b.op()) {
                case ADD:
                    if (isNum(l, 0)) return r;
                    if (isNum(r, 0)) return l;
                    if (l instanceof Num a && r instanceof Num c) return new Num(a.value() + c.value());
                    break;
                case SUB:
                    if (isNum(r, 0)) return l;
                    if (isNum(l, 0)) return simplify(new Unary(UnaryOp.NEG, r));
                    if (l instanceof Num a && r instanceof Num c) return new Num(a.value() - c.value());
                    break;
                case MUL:
                    if (isNum(l, 0) || isNum(r, 0)) return new Num(0);
                    if (isNum(l, 1)) return r;
                    if (isNum(r, 1)) return l;
                    if (l instanceof Num a && r instanceof Num c) return new Num(a.value() * c.value());
                    break;
                case DIV:
                    if (isNum(l, 0)) return new Num(0);
                    if (isNum(r, 1)) return l;
                    break;
                case POW:
                    if (isNum(r, 1)) return l;
                    if (isNum(r, 0)) return new Num(1);
                    break;
                default:
            }
            return new Binary(b.op(), l, r);
        }
        if (e instanceof Call c) {
            List<Expr> a = new ArrayList<>();
            for (Expr arg : c.args()) a.add(simplify(arg));
            return new Call(c.name(), a, c.pos());
        }
        return e;
    }
}
