package org.bsb.neuron.nmodl.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.*;

/** Symbolic differentiation and light simplification of NMODL expressions (used by cnexp, LINEAR, sparse). */
public final class Symbolic {
  /** Thrown when an expression cannot be differentiated (a user function of the variable). */
  public static final class NotDifferentiable extends Exception {
    private static final long serialVersionUID = 1L;
    NotDifferentiable(String m) { super(m); }
  }

  private Symbolic() {}

  public static boolean dependsOn(Expr e, String x) {
    if (e instanceof Num) return false;
    if (e instanceof Var v) return (v.name().equals(x) && v.index() == null) || (v.index() != null && dependsOn(v.index(), x));
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
      if (u.op().equals("-")) return new Unary("-", diff(u.operand(), x));
      return new Num(0);
    }
    if (e instanceof Binary b) {
      Expr l = b.left();
      Expr r = b.right();
      switch (b.op()) {
        case "+": return new Binary("+", diff(l, x), diff(r, x));
        case "-": return new Binary("-", diff(l, x), diff(r, x));
        case "*": return new Binary("+", new Binary("*", diff(l, x), r), new Binary("*", l, diff(r, x)));
        case "/":
          return new Binary("/", new Binary("-", new Binary("*", diff(l, x), r), new Binary("*", l, diff(r, x))),
              new Binary("*", r, r));
        case "^":
          if (!dependsOn(r, x)) {
            return new Binary("*", new Binary("*", r, new Binary("^", l, new Binary("-", r, new Num(1)))), diff(l, x));
          }
          return new Binary("*", e, new Binary("+",
              new Binary("*", diff(r, x), call("log", l)), new Binary("/", new Binary("*", r, diff(l, x)), l)));
        default:
          return new Num(0); // comparisons and logic are piecewise constant
      }
    }
    if (e instanceof Call c) {
      if (c.args().size() == 1) {
        Expr a = c.args().get(0);
        Expr da = diff(a, x);
        switch (c.name()) {
          case "exp": return new Binary("*", e, da);
          case "log": return new Binary("/", da, a);
          case "sqrt": return new Binary("/", da, new Binary("*", new Num(2), e));
          case "sin": return new Binary("*", call("cos", a), da);
          case "cos": return new Unary("-", new Binary("*", call("sin", a), da));
          case "fabs": return new Binary("*", new Binary("/", a, e), da);
          default:
        }
      }
      if (c.name().equals("pow") && c.args().size() == 2) return diff(new Binary("^", c.args().get(0), c.args().get(1)), x);
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
      if (u.op().equals("-")) {
        if (o instanceof Num n) return new Num(-n.value());
        if (o instanceof Unary uu && uu.op().equals("-")) return uu.operand();
      }
      return new Unary(u.op(), o);
    }
    if (e instanceof Binary b) {
      Expr l = simplify(b.left());
      Expr r = simplify(b.right());
      switch (b.op()) {
        case "+":
          if (isNum(l, 0)) return r;
          if (isNum(r, 0)) return l;
          if (l instanceof Num a && r instanceof Num c) return new Num(a.value() + c.value());
          break;
        case "-":
          if (isNum(r, 0)) return l;
          if (isNum(l, 0)) return simplify(new Unary("-", r));
          if (l instanceof Num a && r instanceof Num c) return new Num(a.value() - c.value());
          break;
        case "*":
          if (isNum(l, 0) || isNum(r, 0)) return new Num(0);
          if (isNum(l, 1)) return r;
          if (isNum(r, 1)) return l;
          if (l instanceof Num a && r instanceof Num c) return new Num(a.value() * c.value());
          break;
        case "/":
          if (isNum(l, 0)) return new Num(0);
          if (isNum(r, 1)) return l;
          break;
        case "^":
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
