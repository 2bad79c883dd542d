package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.ast.UnaryOp;
import org.bsb.neuron.nmodl.model.KineticSystem;
import org.bsb.neuron.nmodl.model.Trees;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * The vector form of a KINETIC solve ({@code vstep_<block>(i0, h)}): {@link KineticPrinter}'s one-method
 * Newton solve for the W adjacent instances {@code i0 .. i0+W-1} at once with {@code jdk.incubator.vector}
 * (W = the lanes of the class's species {@code S}; every structure-of-arrays row holds them side by side).
 * Each scalar operation becomes the lane-wise one, in the same order and association, so each lane computes
 * bit for bit what the scalar form computes for that instance (IEEE +, -, *, / and |x| per lane; no FMA).
 * The W elimination chains run side by side, which is the point: one instance's chain is a latency-bound
 * sequence, W of them fill the vector units. Nonlinear schemes iterate until every lane has converged; a lane
 * that has converged stops changing (masks on its states, field stores and PROCEDURE calls), as the scalar
 * loop stops for its instance. PROCEDURE calls are printed in line, lane-wise ({@link
 * VectorCnexp#inlineProcedure}; per lane with the scalar procedure when that form does not cover it).
 *
 * <p>Only blocks made of what the passes produce for ordinary schemes are vectorised: arithmetic on states,
 * rates, fields and NEURON's per-node values, assignments to fields, PROCEDURE calls whose arguments read no
 * state or rate. Anything else (a FUNCTION or math call in a rate, IF, LOCAL, arrays) keeps the scalar form:
 * {@link #print} returns false.
 */
final class VectorKinetics extends VectorPrinter {
    private final Symbols sym;
    private final ModFile mod;
    private final KineticSystem sys;
    private final List<String> states;
    private final boolean linear;
    private final int lanes;
    /**
     * Whether a lane reads another row than its own: a node's geometry through {@code node}, a scalar procedure or
     * final evaluation per lane (which read their instance's node values). Such a method cannot run on the rows'
     * spare entries past the last instance.
     */
    private boolean readsOtherRows;
    /** Lets and other locals of the method: those holding vectors. */
    private final Set<String> vectorLocals = new HashSet<>();

    private final Set<String> scalarLocals = new HashSet<>();
    private final Set<Integer> written = new TreeSet<>();
    /** Procedure calls printed in line so far (their locals' prefix). */
    private int calls;
    /** Printing the final evaluation: every lane is written (no convergence mask). */
    private boolean finalMode;
    /** Printing before the Newton loop: every lane is written (no lane has converged yet). */
    private boolean unmasked;

    private VectorKinetics(Symbols sym, KineticSystem sys, int lanes) {
        this.lanes = lanes;
        this.sym = sym;
        this.mod = sym.mod;
        this.sys = sys;
        this.states = sys.states();
        this.linear = sys.linear();
    }

    /**
     * Prints {@code vstep_<name>} into {@code out} and returns true, or prints nothing and returns false when the
     * block has something the vector form does not cover.
     */
    static boolean print(Emitter out, String name, KineticSystem sys) {
        if (sys.scalar() == null || sys.size() == 0) return false;
        VectorKinetics v = new VectorKinetics(out.sym, sys, out.lanes);
        try {
            v.method(name);
        } catch (Unsupported e) {
            return false;
        }
        v.defineIn(out);
        // a linear scheme's lanes never wait for one another (no Newton loop); when no lane reads another row, the
        // last partial group runs on the rows' spare entries as cnexp's does, rather than through the scalar form
        if (sys.linear() && !v.readsOtherRows) out.vectorTails.add(name);
        return true;
    }

    private void method(String name) {
        int n = states.size();
        KineticSystem.ScalarForm form = sys.scalar();
        Set<Integer> negated = new HashSet<>(form.negated());
        boolean[][] pattern = new boolean[n][];
        for (int r = 0; r < n; r++) pattern[r] = sys.pattern()[r].clone();
        line(1, "private void vstep_" + name + "(final int i0, final double h) {");
        line(2, "final DoubleVector Z = DoubleVector.zero(S), ONE = DoubleVector.broadcast(S, 1.0);");
        for (int r = 0; r < n; r++)
            line(
                    2,
                    "final DoubleVector x0_" + r + " = DoubleVector.fromArray(S, " + Exprs.field(states.get(r))
                            + ", i0);");
        for (int r = 0; r < n; r++) line(2, "DoubleVector q" + r + " = x0_" + r + ";");
        line(2, "final double rh = 1.0 / h;");
        scalarLocals.add("rh");
        int ind = 2;
        if (!linear) {
            line(2, "VectorMask<Double> act = S.maskAll(true);");
            line(2, "for (int it = 0; it <= 21; it++) {");
            ind = 3;
        }
        // what does not change between Newton iterations is computed once, before the loop (the same
        // operations on the same values: bit for bit what the loop computed each time)
        Set<Stmt> invariant = linear ? Set.of() : loopInvariant(form.body());
        if (!invariant.isEmpty()) {
            int loopAt = lines.size() - 1; // the loop's first line
            String loop = lines.remove(loopAt);
            unmasked = true;
            for (Stmt s : form.body()) if (invariant.contains(s)) statement(s, 2);
            unmasked = false;
            lines.add(loop);
        }
        int declareAt = lines.size();
        for (Stmt s : form.body()) if (!invariant.contains(s)) statement(s, ind);
        for (Stmt s : form.timeTerms()) statement(s, ind);
        // the time derivative's residual term is zero in the first iteration (s = s0)
        if (!linear) line(ind, "if (it != 0) {");
        int in = linear ? ind : ind + 1;
        if (!linear) {
            for (int r = 0; r < n; r++)
                line(in, "g" + r + " = g" + r + ".add(q" + r + ".sub(x0_" + r + ").mul(rh).mul(v" + r + "));");
            line(ind, "}");
        }
        conserves(pattern, negated, ind);
        for (String l :
                SparseElimination.vectorCode(pattern, this::j, r -> "g" + r, pos -> negated.contains(pos) ? -1 : 1)) {
            line(ind, l);
        }
        if (!linear) line(ind, "DoubleVector err = Z;");
        for (int r = 0; r < n; r++) {
            String f = Exprs.field(states.get(r));
            if (linear) {
                line(ind, "q" + r + " = q" + r + ".sub(g" + r + ");");
            } else {
                line(ind, "{ DoubleVector nq = q" + r + ".sub(g" + r + ");");
                line(ind + 1, "nq = nq.blend(0.0, nq.lt(0.0));");
                line(ind + 1, "err = err.add(g" + r + ".abs());");
                line(ind + 1, "q" + r + " = q" + r + ".blend(nq, act); }");
            }
            // the fields follow each iterate: procedures called by the block read states from them
            line(ind, "q" + r + ".intoArray(" + f + ", i0);");
        }
        if (!linear) {
            // and(not()), not andNot: JDK 17's andNot is not force-inlined, and a call left in the loop makes C2 box
            // every vector live across it
            line(ind, "act = act.and(err.compare(VectorOperators.LE, 1e-6).not());");
            line(ind, "if (!act.anyTrue()) break;");
            line(2, "}");
        }
        List<String> fin = sys.finalEvaluation() ? finalEvaluation(name) : null;
        if (fin != null) {
            line(2, "vkfin_" + name + "(i0);");
        } else if (sys.finalEvaluation()) {
            readsOtherRows = true;
            line(2, "for (int i = i0; i < i0 + S.length(); i++) kfin_" + name + "(i);");
        }
        line(1, "}");
        List<String> decl = new ArrayList<>();
        StringBuilder g = new StringBuilder("DoubleVector");
        for (int r = 0; r < n; r++)
            g.append(r == 0 ? " " : ", ").append("g").append(r).append(" = Z");
        decl.add("  ".repeat(ind) + g + ";");
        StringBuilder v = new StringBuilder("DoubleVector");
        for (int r = 0; r < n; r++)
            v.append(r == 0 ? " " : ", ").append("v").append(r).append(" = ONE");
        decl.add("  ".repeat(ind) + v + ";");
        if (!written.isEmpty()) {
            StringBuilder j = new StringBuilder("DoubleVector");
            boolean first = true;
            for (int pos : written) {
                j.append(first ? " " : ", ").append("j").append(pos).append(" = Z");
                first = false;
            }
            decl.add("  ".repeat(ind) + j + ";");
        }
        lines.addAll(declareAt, decl);
        if (fin != null) lines.addAll(fin);
    }

    /**
     * {@code vkfin_<name>(i0)}: the scalar {@code kfin_<name>} (the block's assignments once more with the final
     * states) for the W instances lane-wise, all lanes (every lane has its final states), in the same order of
     * operations; or null (the per-lane scalar loop stays) when the block has something not covered here.
     */
    private List<String> finalEvaluation(String name) {
        VectorKinetics f = new VectorKinetics(sym, sys, lanes);
        f.finalMode = true;
        try {
            f.line(1, "private void vkfin_" + name + "(final int i0) {");
            for (int r = 0; r < states.size(); r++)
                f.line(
                        2,
                        "final DoubleVector q" + r + " = DoubleVector.fromArray(S, " + Exprs.field(states.get(r))
                                + ", i0);");
            for (Stmt st : sys.body()) {
                if (st instanceof SysAssign) continue;
                if (st instanceof Let l && sys.isConserveTotal(l.name())) continue;
                f.statement(st, 2);
            }
            f.line(1, "}");
        } catch (Unsupported e) {
            return null;
        }
        readsOtherRows |= f.readsOtherRows;
        return f.lines;
    }

    private String j(int pos) {
        written.add(pos);
        return "j" + pos;
    }

    private String sysName(SysVar v) {
        return switch (v.kind()) {
            case RESIDUAL -> "g" + v.index();
            case JACOBIAN -> j(v.index());
            case VOLUME -> "v" + v.index();
            default -> throw new Unsupported(String.valueOf(v));
        };
    }

    /**
     * The lets and field assignments of a Newton loop's body that compute the same in every iteration: they read
     * no state, no Jacobian or residual entry and nothing a changing statement writes, and each field they read is
     * written in the body only by an earlier statement of the set (else the first iteration would read the value
     * from before the solve). A body that calls a PROCEDURE (which may write any field) keeps everything in the loop.
     */
    private Set<Stmt> loopInvariant(List<Stmt> body) {
        Set<Stmt> inv = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (Trees.anyStatement(body, s -> !(s instanceof Let || s instanceof Assign || s instanceof SysAssign)))
            return inv;
        java.util.Map<String, Integer> writes = new java.util.HashMap<>();
        for (Stmt s : body) if (s instanceof Assign a) writes.merge(a.target().name(), 1, Integer::sum);
        for (Stmt s : body) if (s instanceof Let || s instanceof Assign) inv.add(s);
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> variantLocals = new HashSet<>();
            for (Stmt s : body) if (s instanceof Let l && !inv.contains(s)) variantLocals.add(l.name());
            Set<String> invariantWritten = new HashSet<>();
            for (Stmt s : body) {
                if (!inv.contains(s)) continue;
                Expr value = s instanceof Let l ? l.value() : ((Assign) s).value();
                boolean reads = Trees.anySubexpression(
                        value,
                        e -> e instanceof SysVar
                                || e instanceof Call
                                || (e instanceof Ref r && variantLocals.contains(r.name()))
                                || (e instanceof Var v
                                        && (v.index() != null
                                                || states.contains(v.name())
                                                || (writes.containsKey(v.name())
                                                        && !invariantWritten.contains(v.name())))));
                boolean once = !(s instanceof Assign a) || writes.get(a.target().name()) == 1;
                if (reads || !once) {
                    inv.remove(s);
                    changed = true;
                } else if (s instanceof Assign a)
                    invariantWritten.add(a.target().name());
            }
        }
        return inv;
    }

    /** As KineticPrinter's applyConserves, lane-wise. */
    private void conserves(boolean[][] pattern, Set<Integer> negated, int ind) {
        int n = states.size();
        for (KineticSystem.ConserveRow c : sys.conserves()) {
            int row = c.row();
            for (int col = 0; col < n; col++) {
                if (written.contains(row * n + col)) {
                    line(ind, j(row * n + col) + " = Z;");
                    negated.remove(row * n + col);
                }
            }
            java.util.Arrays.fill(pattern[row], false);
            for (Term t : c.terms()) pattern[row][states.indexOf(t.state())] = true;
            StringBuilder sum = new StringBuilder("Z");
            for (Term t : c.terms()) {
                int k = states.indexOf(t.state());
                // v x 1 is v, bit for bit: no multiplication printed for the usual coefficient 1
                String weighted = t.coefficient() == 1 ? "v" + k : "v" + k + ".mul(" + t.coefficient() + ".0)";
                sum.append(".add(").append(weighted).append(".mul(q").append(k).append("))");
                String jn = j(row * n + k);
                line(ind, jn + " = " + jn + ".add(" + weighted + ");");
            }
            V total = ref(c.total());
            line(ind, "g" + row + " = " + sum + ".sub(" + total.java() + ");");
        }
    }

    private void statement(Stmt s, int ind) {
        if (s instanceof Let l) {
            V v = expr(l.value());
            (v.vec() ? vectorLocals : scalarLocals).add(l.name());
            line(ind, "final " + (v.vec() ? "DoubleVector " : "double ") + l.name() + " = " + v.java() + ";");
        } else if (s instanceof SysAssign a) {
            String t = sysName(a.target());
            V v = expr(a.value());
            switch (a.op()) {
                case SET -> line(ind, t + " = " + vector(v) + ";");
                case ADD -> line(ind, t + " = " + t + ".add(" + v.java() + ");");
                case SUB -> line(ind, t + " = " + t + ".sub(" + v.java() + ");");
            }
        } else if (s instanceof Assign a) {
            Var target = a.target();
            MechanismInfo.Field f = sym.fields.get(target.name());
            if (f == null || f.size() > 0 || target.index() != null || states.contains(target.name()))
                throw new Unsupported("assignment to " + target.name());
            V v = expr(a.value());
            String field = Exprs.field(target.name());
            if (linear || finalMode || unmasked) {
                line(ind, vector(v) + ".intoArray(" + field + ", i0);");
            } else {
                // converged lanes keep their value: blended into what the field holds, then stored whole. JDK 17's
                // masked store falls back to Java code for a partial mask, and C2 then boxes every vector live there
                line(
                        ind,
                        "DoubleVector.fromArray(S, " + field + ", i0).blend(" + vector(v) + ", act).intoArray(" + field
                                + ", i0);");
            }
        } else if (s instanceof ExprStmt es && es.expr() instanceof Call c) {
            Callable target = mod.callables.get(c.name());
            if (target == null
                    || target.kind() != BlockKind.PROCEDURE
                    || target.params().size() != c.args().size()) throw new Unsupported("call of " + c.name());
            // in line, lane-wise (its exp is VectorMath's: within 1 ulp of the scalar form's, the same bits
            // compiled or not); else the scalar procedure lane by lane
            List<String> args = new ArrayList<>();
            for (Expr e : c.args()) args.add(vector(expr(e)));
            List<String> inlined = VectorCnexp.inlineProcedure(
                    sym, lanes, target, args, ind, linear || finalMode ? null : "act", "c" + (calls++) + "_");
            if (inlined != null) {
                lines.addAll(inlined);
                return;
            }
            readsOtherRows = true;
            StringBuilder call = new StringBuilder("p_" + c.name() + "(i");
            for (Expr e : c.args()) call.append(", ").append(lane(e));
            call.append(")");
            line(
                    ind,
                    "for (int i = i0, l = 0; l < S.length(); i++, l++) "
                            + (linear || finalMode ? "" : "if (act.laneIsSet(l)) ")
                            + call + ";");
        } else {
            throw new Unsupported(s.getClass().getSimpleName());
        }
    }

    private V ref(String name) {
        if (vectorLocals.contains(name)) return new V(name, true);
        if (scalarLocals.contains(name)) return new V(name, false);
        throw new Unsupported("reference to " + name);
    }

    private V expr(Expr e) {
        if (e instanceof Num n) return new V(Exprs.lit(n.value()), false);
        if (e instanceof Ref r) return ref(r.name());
        if (e instanceof SysVar s) return new V(sysName(s), true);
        if (e instanceof Var v) return var(v);
        if (e instanceof Unary u && u.op() == UnaryOp.NEG) {
            return neg(expr(u.operand()));
        }
        if (e instanceof Binary b && b.op().kind == BinaryOp.Kind.ARITHMETIC) {
            return arithmetic(b.op(), expr(b.left()), expr(b.right()));
        }
        throw new Unsupported(String.valueOf(e));
    }

    private V var(Var v) {
        if (v.index() != null) throw new Unsupported("array " + v.name());
        int st = states.indexOf(v.name());
        if (st >= 0) return new V("q" + st, true);
        switch (v.name()) {
            case "v":
                return new V("DoubleVector.fromArray(S, sv, i0)", true);
            case "diam":
            case "area":
                readsOtherRows = true;
                return new V("DoubleVector.fromArray(S, " + v.name() + ", 0, node, i0)", true);
            case "t":
            case "dt":
            case "celsius":
                return new V(v.name(), false);
            default:
        }
        V known = fieldOrConstant(sym, v.name());
        if (known != null) return known;
        if (sym.isInitialValue(v.name())) return new V(Exprs.lit(0.0), false);
        throw new Unsupported("name " + v.name());
    }

    /** An argument of a per-lane PROCEDURE call, for instance {@code i}: no state or rate of the solve. */
    private String lane(Expr e) {
        if (e instanceof Num n) return Exprs.lit(n.value());
        if (e instanceof Var v) {
            if (v.index() != null || states.contains(v.name())) throw new Unsupported("lane " + v.name());
            switch (v.name()) {
                case "v":
                    return "sv[i]";
                case "diam":
                case "area":
                    return v.name() + "[node[i]]";
                case "t":
                case "dt":
                case "celsius":
                    return v.name();
                default:
            }
            MechanismInfo.Field f = sym.fields.get(v.name());
            if (f != null && f.size() == 0) return Exprs.field(v.name()) + "[i]";
            Double c = sym.constants.get(v.name());
            if (c != null) return Exprs.lit(c);
            throw new Unsupported("lane " + v.name());
        }
        if (e instanceof Unary u && u.op() == UnaryOp.NEG) return "(-" + lane(u.operand()) + ")";
        if (e instanceof Binary b && b.op().kind == BinaryOp.Kind.ARITHMETIC)
            return "(" + lane(b.left()) + " " + b.op().symbol + " " + lane(b.right()) + ")";
        throw new Unsupported(String.valueOf(e));
    }
}
