package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.ast.UnaryOp;
import org.bsb.neuron.nmodl.model.SolvedBlock;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * The vector form of a DERIVATIVE block solved by cnexp ({@code vstep_<block>(i0, h)}): the W adjacent
 * instances {@code i0 .. i0+W-1} at once with {@code jdk.incubator.vector}, the file's PROCEDUREs and FUNCTIONs
 * inlined lane-wise. IF runs both branches under lane masks and keeps each lane's own branch (assignments are
 * blended; a value computed in a lane's untaken branch is discarded, so a division by zero there does no harm).
 * Every lane computes bit for bit what the scalar form computes for its instance: arithmetic lane-wise in the
 * scalar order (IEEE +, -, *, /, no fused operations), exp as the scalar form's {@code hexp} does
 * ({@link VectorMath#exp}), whole powers as the scalar form's {@code pown}, other powers lane by lane with
 * {@code Math.pow}.
 *
 * <p>The last, partial group of a row runs through the same method on the rows' spare entries
 * ({@link org.bsb.neuron.spi.Mechanism#capacity(int)}), not through the scalar form, so an instance's result does
 * not depend on whether it falls in a whole group: the same bits for any number of cells, threads or ranks.
 *
 * <p>Blocks with what this form does not cover keep the scalar form ({@link #print} returns false): TABLE
 * (NEURON interpolates in its table), WHILE / FROM, arrays, VERBATIM-like calls, recursion, net events.
 */
final class VectorCnexp extends VectorPrinter {
    private static final int MAX_INLINE_DEPTH = 8;

    private final Symbols sym;
    private final ModFile mod;
    /** NMODL names in scope (LOCALs, parameters, a FUNCTION's result) and their Java vector locals. */
    private final List<Map<String, V>> scopes = new ArrayList<>();

    private int fresh;
    /** The prefix of this printer's locals. */
    private String prefix = "w";

    private int depth;
    /** The lanes of the class's species. */
    private final int lanes;
    /**
     * Pure calls already printed (exp, lane-wise powers) by their Java text, with the local holding each value: a
     * later identical call reuses it while nothing it reads has been assigned (as the scalar form's {@link
     * PureCalls} does; the same values, so the same bits, in fewer operations for C2 to compile and run).
     */
    private final Map<String, String> pure = new HashMap<>();

    private VectorCnexp(Symbols sym, int lanes) {
        this.sym = sym;
        this.lanes = lanes;
        this.mod = sym.mod;
    }

    /** Prints {@code vstep_<block>} into {@code out} and returns true, or prints nothing and returns false. */
    static boolean print(Emitter out, SolvedBlock.Cnexp c) {
        VectorCnexp v = new VectorCnexp(out.sym, out.lanes);
        try {
            v.line(1, "private void vstep_" + c.block().name() + "(final int i0, final double h) {");
            v.line(2, "final DoubleVector Z = DoubleVector.zero(S), ONE = DoubleVector.broadcast(S, 1.0);");
            v.block(c.body(), 2, null);
            v.line(1, "}");
        } catch (Unsupported e) {
            return false;
        }
        v.defineIn(out);
        return true;
    }

    /**
     * Prints {@code vcur(i0)}, the vector form of a density mechanism's current evaluation: for W instances the
     * BREAKPOINT body (without SOLVE) at v + 0.001 and at v, as the scalar {@code cur(i, vv)} twice, leaving in
     * the scratch rows what the scalar loop computes per instance: {@code cRi} (the current at v), {@code cG}
     * (its slope, (i(v + 0.001) - i(v)) / 0.001) and {@code cD_<ion current>} (each written ion current at
     * v + 0.001). The node updates stay a scalar loop (instances share no node, but they scatter). Returns false
     * (nothing printed) when the body has what this form does not cover.
     *
     * @param currents the current fields summed into the membrane current, each with its sign ("+" or "-")
     * @param ionCurrents the ion current fields the mechanism writes
     */
    static boolean printCurrent(
            Emitter out, List<Stmt> body, List<Map.Entry<String, String>> currents, List<String> ionCurrents) {
        VectorCnexp v = new VectorCnexp(out.sym, out.lanes);
        try {
            v.line(1, "private void vcur(final int i0) {");
            v.line(2, "final DoubleVector Z = DoubleVector.zero(S), ONE = DoubleVector.broadcast(S, 1.0);");
            v.line(2, "final DoubleVector vv = DoubleVector.fromArray(S, cV, i0);");
            for (boolean shifted : new boolean[] {true, false}) {
                v.line(2, (shifted ? "vv.add(0.001)" : "vv") + ".intoArray(sv, i0);");
                v.assigned("sv");
                v.block(body, 2, null);
                StringBuilder sum = new StringBuilder("DoubleVector.broadcast(S, 0.0)");
                for (Map.Entry<String, String> c : currents)
                    sum.append(c.getValue().equals("-") ? ".sub(" : ".add(")
                            .append("DoubleVector.fromArray(S, ")
                            .append(Exprs.field(c.getKey()))
                            .append(", i0))");
                v.line(2, "final DoubleVector " + (shifted ? "g" : "ri") + " = " + sum + ";");
                if (shifted) {
                    for (String c : ionCurrents)
                        v.line(2, "DoubleVector.fromArray(S, " + Exprs.field(c) + ", i0).intoArray(cD_" + c + ", i0);");
                }
            }
            v.line(2, "ri.intoArray(cRi, i0);");
            v.line(2, "g.sub(ri).div(0.001).intoArray(cG, i0);");
            v.line(1, "}");
        } catch (Unsupported e) {
            return false;
        }
        v.defineIn(out);
        return true;
    }

    private String fresh(String base) {
        return prefix + (fresh++) + "_" + base;
    }

    /** Forgets the pure calls that read the Java variable {@code variable} (a local or field just assigned). */
    private void assigned(String variable) {
        Pattern read = Pattern.compile("\\b" + Pattern.quote(variable) + "\\b");
        pure.keySet().removeIf(k -> read.matcher(k).find());
    }

    /**
     * The lines of a PROCEDURE call in line, lane-wise, for another vector printer ({@link VectorKinetics}):
     * {@code args} are the arguments' vector expressions, {@code mask} the lanes whose fields it may write (null:
     * all), {@code prefix} keeps its locals apart from the caller's. Null when the procedure has what this form
     * does not cover.
     */
    static List<String> inlineProcedure(
            Symbols sym, int lanes, Callable procedure, List<String> args, int ind, String mask, String prefix) {
        if (procedure.kind() != BlockKind.PROCEDURE || procedure.params().size() != args.size()) return null;
        VectorCnexp v = new VectorCnexp(sym, lanes);
        v.prefix = prefix;
        try {
            v.line(ind, "{");
            v.inline(procedure, args, ind + 1, mask);
            v.line(ind, "}");
        } catch (Unsupported e) {
            return null;
        }
        return v.lines;
    }

    private void block(List<Stmt> body, int ind, String mask) {
        scopes.add(new HashMap<>());
        for (Stmt s : body) statement(s, ind, mask);
        scopes.remove(scopes.size() - 1);
    }

    private V lookup(String name) {
        for (int k = scopes.size() - 1; k >= 0; k--) {
            V v = scopes.get(k).get(name);
            if (v != null) return v;
        }
        return null;
    }

    private void statement(Stmt s, int ind, String mask) {
        if (s instanceof Local l) {
            for (String n : l.names()) {
                String j = fresh(n);
                scopes.get(scopes.size() - 1).put(n, new V(j, true));
                line(ind, "DoubleVector " + j + " = DoubleVector.zero(S);");
            }
        } else if (s instanceof Assign a) {
            Var target = a.target();
            if (target.index() != null) throw new Unsupported("array " + target.name());
            V value = expr(a.value(), ind);
            V local = lookup(target.name());
            if (local != null) {
                line(
                        ind,
                        local.java() + " = "
                                + (mask == null
                                        ? vector(value)
                                        : local.java() + ".blend(" + vector(value) + ", " + mask + ")")
                                + ";");
                assigned(local.java());
                return;
            }
            MechanismInfo.Field f = sym.fields.get(target.name());
            if (f == null || f.size() > 0) throw new Unsupported("assignment to " + target.name());
            store(Exprs.field(target.name()), vector(value), ind, mask);
        } else if (s instanceof ExprStmt es && es.expr() instanceof Call c) {
            Callable target = mod.callables.get(c.name());
            if (target == null || target.kind() != BlockKind.PROCEDURE) throw new Unsupported("call of " + c.name());
            inline(target, c, ind, mask);
        } else if (s instanceof If f) {
            // the condition once, for both branches (it may call the file's FUNCTIONs)
            String cond = fresh("c");
            line(ind, "final VectorMask<Double> " + cond + " = " + mask(f.cond(), ind) + ";");
            String then = fresh("m");
            line(
                    ind,
                    "final VectorMask<Double> " + then + " = " + (mask == null ? cond : mask + ".and(" + cond + ")")
                            + ";");
            block(f.then(), ind, then);
            if (!f.otherwise().isEmpty()) {
                String otherwise = fresh("m");
                String not = cond + ".not()";
                line(
                        ind,
                        "final VectorMask<Double> " + otherwise + " = "
                                + (mask == null ? not : mask + ".and(" + not + ")") + ";");
                block(f.otherwise(), ind, otherwise);
            }
        } else if (s instanceof CnexpStep c) {
            if (mask != null) throw new Unsupported("cnexp step under IF");
            String x = "DoubleVector.fromArray(S, " + Exprs.field(c.state()) + ", i0)";
            V b = expr(c.b(), ind);
            if (c.a() == null) {
                store(Exprs.field(c.state()), x + ".add(" + vector(b) + ".mul(h))", ind, null);
                return;
            }
            String ta = fresh("a");
            line(ind, "final DoubleVector " + ta + " = " + vector(expr(c.a(), ind)) + ";");
            String e = exp(ta + ".mul(h)", ind);
            // x + (1 - exp(h a)) * (-b / a - x), as the scalar form writes it
            store(
                    Exprs.field(c.state()),
                    x + ".add(ONE.sub(" + e + ").mul(" + vector(b) + ".neg().div(" + ta + ").sub(" + x + ")))",
                    ind,
                    null);
        } else {
            throw new Unsupported(s.getClass().getSimpleName());
        }
    }

    /** Writes {@code value} to a field's lanes ({@code mask}: only those; the others keep what the field holds). */
    private void store(String field, String value, int ind, String mask) {
        assigned(field);
        if (mask == null) line(ind, value + ".intoArray(" + field + ", i0);");
        else
            line(
                    ind,
                    "DoubleVector.fromArray(S, " + field + ", i0).blend(" + value + ", " + mask + ").intoArray(" + field
                            + ", i0);");
    }

    /** A PROCEDURE's or FUNCTION's body in line: arguments first (the caller's scope), then the body. */
    private V inline(Callable target, Call c, int ind, String mask) {
        if (target.params().size() != c.args().size()) throw new Unsupported("arguments of " + c.name());
        if (depth >= MAX_INLINE_DEPTH) throw new Unsupported("calls nested too deeply: " + c.name());
        if (hasUncoveredStatements(target.body())) throw new Unsupported("TABLE in " + c.name());
        List<String> args = new ArrayList<>();
        for (Expr e : c.args()) args.add(vector(expr(e, ind)));
        return inline(target, args, ind, mask);
    }

    /** A callee's body in line with its arguments (vector expressions, evaluated first, in order). */
    private V inline(Callable target, List<String> argValues, int ind, String mask) {
        List<V> args = new ArrayList<>();
        for (String a : argValues) {
            String p = fresh("p");
            line(ind, "final DoubleVector " + p + " = " + a + ";");
            args.add(new V(p, true));
        }
        Map<String, V> scope = new HashMap<>();
        for (int k = 0; k < args.size(); k++) scope.put(target.params().get(k), args.get(k));
        V result = null;
        if (target.kind() == BlockKind.FUNCTION) {
            result = new V(fresh("r"), true);
            line(ind, "DoubleVector " + result.java() + " = DoubleVector.zero(S);");
            scope.put(target.name(), result);
        }
        // the callee sees its parameters and result, not the caller's locals
        List<Map<String, V>> saved = new ArrayList<>(scopes);
        scopes.clear();
        scopes.add(scope);
        depth++;
        try {
            block(target.body(), ind, mask);
        } finally {
            depth--;
            scopes.clear();
            scopes.addAll(saved);
        }
        return result;
    }

    /** TABLE (NEURON interpolates in its table), loops and SOLVE: the scalar form keeps the block. */
    private static boolean hasUncoveredStatements(List<Stmt> body) {
        return org.bsb.neuron.nmodl.model.Trees.anyStatement(
                body, s -> s instanceof Table || s instanceof While || s instanceof From || s instanceof Solve);
    }

    /** hexp of a vector, in line ({@link VectorMath#exp}); returns the local holding it. */
    private String exp(String x, int ind) {
        String known = pure.get("exp " + x);
        if (known != null) return known;
        String name = fresh("e");
        for (String l : VectorMath.exp(x, name)) line(ind, l);
        pure.put("exp " + x, name);
        return name;
    }

    private V expr(Expr e, int ind) {
        if (e instanceof Num n) return new V(Exprs.lit(n.value()), false);
        if (e instanceof Var v) return var(v, ind);
        if (e instanceof Unary u && u.op() == UnaryOp.NEG) {
            return neg(expr(u.operand(), ind));
        }
        if (e instanceof Binary b && b.op().kind == BinaryOp.Kind.ARITHMETIC) {
            return arithmetic(b.op(), expr(b.left(), ind), expr(b.right(), ind));
        }
        if (e instanceof Binary b && b.op() == BinaryOp.POW) return pow(b.left(), b.right(), ind);
        if (e instanceof Call c) return call(c, ind);
        throw new Unsupported(String.valueOf(e));
    }

    /**
     * A power: scalar ones as the scalar form computes them; a vector raised to a whole 1 to 8
     * ({@link VectorMath#wholePower}) as repeated products ((x x) x) ..., as the scalar form's {@code pown}.
     * Other powers lane by lane ({@link #lanePow}).
     */
    private V pow(Expr baseExpr, Expr exponentExpr, int ind) {
        V base = expr(baseExpr, ind);
        V exponent = expr(exponentExpr, ind);
        Integer whole = VectorMath.wholePower(exponentExpr, sym);
        if (!base.vec() && !exponent.vec()) {
            return new V(
                    whole != null
                            ? "pown(" + base.java() + ", " + whole + ")"
                            : "Math.pow(" + base.java() + ", " + exponent.java() + ")",
                    false);
        }
        if (exponent.vec() || whole == null) return lanePow(base, exponent, ind);
        String x = fresh("x");
        line(ind, "final DoubleVector " + x + " = " + base.java() + ";");
        String out = x;
        for (int k = 1; k < whole; k++) out = out + ".mul(" + x + ")";
        return new V(out, true);
    }

    /**
     * Any other power lane by lane with {@code Math.pow}, the scalar form's call (the same bits in every lane: the
     * JVM computes Math.pow with one routine whichever tier runs it); the rest of the block stays vector code.
     */
    private V lanePow(V base, V exponent, int ind) {
        String key = "pow " + vector(base) + " " + exponent.java();
        String known = pure.get(key);
        if (known != null) return new V(known, true);
        // written out lane by lane: a loop (and its array) in these large methods cost C2 seconds of compiling
        String w = fresh("w");
        line(ind, "final DoubleVector " + w + "b = " + vector(base) + ";");
        if (exponent.vec()) line(ind, "final DoubleVector " + w + "e = " + exponent.java() + ";");
        StringBuilder lanesOf = new StringBuilder("DoubleVector.zero(S)");
        for (int l = 0; l < lanes; l++) {
            String e = exponent.vec() ? w + "e.lane(" + l + ")" : exponent.java();
            lanesOf.append(".withLane(")
                    .append(l)
                    .append(", Math.pow(")
                    .append(w)
                    .append("b.lane(")
                    .append(l)
                    .append("), ")
                    .append(e)
                    .append("))");
        }
        line(ind, "final DoubleVector " + w + " = " + lanesOf + ";");
        pure.put(key, w);
        return new V(w, true);
    }

    private V call(Call c, int ind) {
        Callable target = mod.callables.get(c.name());
        if (target != null) {
            if (target.kind() != BlockKind.FUNCTION) throw new Unsupported("call of " + c.name());
            return inline(target, c, ind, null);
        }
        int n = c.args().size();
        List<V> a = new ArrayList<>();
        for (Expr e : c.args()) a.add(expr(e, ind));
        if (n == 1 && a.get(0).vec()) {
            String x = a.get(0).java();
            switch (c.name()) {
                case "exp":
                    return new V(exp(x, ind), true);
                case "fabs":
                    return new V(x + ".abs()", true);
                case "sqrt":
                    return new V(x + ".sqrt()", true);
                default:
                    throw new Unsupported("function " + c.name());
            }
        }
        if (n == 1) {
            String x = a.get(0).java();
            switch (c.name()) {
                case "exp":
                    return new V("hexp(" + x + ")", false);
                case "fabs":
                    return new V("Math.abs(" + x + ")", false);
                case "log":
                case "sqrt":
                    return new V("Math." + c.name() + "(" + x + ")", false);
                default:
                    throw new Unsupported("function " + c.name());
            }
        }
        if (n == 2 && c.name().equals("pow"))
            return pow(c.args().get(0), c.args().get(1), ind);
        throw new Unsupported("function " + c.name());
    }

    /** A condition as a lane mask (VectorMask<Double> text). */
    private String mask(Expr e, int ind) {
        if (e instanceof Binary b && b.op().kind == BinaryOp.Kind.COMPARISON) {
            V l = expr(b.left(), ind);
            V r = expr(b.right(), ind);
            String op = switch (b.op()) {
                case LT -> "LT";
                case GT -> "GT";
                case LE -> "LE";
                case GE -> "GE";
                case EQ -> "EQ";
                case NE -> "NE";
                default -> throw new IllegalStateException(String.valueOf(b.op()));
            };
            if (!l.vec() && !r.vec()) return "S.maskAll(" + l.java() + " " + b.op().symbol + " " + r.java() + ")";
            return vector(l) + ".compare(VectorOperators." + op + ", " + r.java() + ")";
        }
        if (e instanceof Binary b && b.op().kind == BinaryOp.Kind.LOGICAL) {
            String l = mask(b.left(), ind);
            String r = mask(b.right(), ind);
            return l + (b.op() == BinaryOp.AND ? ".and(" : ".or(") + r + ")";
        }
        if (e instanceof Unary u && u.op() == UnaryOp.NOT) return mask(u.operand(), ind) + ".not()";
        throw new Unsupported("condition " + e);
    }

    private V var(Var v, int ind) {
        if (v.index() != null) throw new Unsupported("array " + v.name());
        V local = lookup(v.name());
        if (local != null) return local;
        switch (v.name()) {
            case "v":
                return load("sv", ind);
            case "t":
            case "dt":
            case "celsius":
                return new V(v.name(), false);
            case "diam":
            case "area":
                throw new Unsupported("node geometry " + v.name());
            default:
        }
        V known = fieldOrConstant(sym, v.name());
        if (known != null) return known.vec() ? load(Exprs.field(v.name()), ind) : known;
        throw new Unsupported("name " + v.name());
    }

    /**
     * The lanes of a row, loaded once into a local that later reads share until the row is assigned (fewer
     * operations: the generated method stays under HotSpot's size limit for compiling, and C2 has less to do).
     */
    private V load(String row, int ind) {
        String key = "load " + row;
        String known = pure.get(key);
        if (known == null) {
            known = fresh("l");
            line(ind, "final DoubleVector " + known + " = DoubleVector.fromArray(S, " + row + ", i0);");
            pure.put(key, known);
        }
        return new V(known, true);
    }
}
