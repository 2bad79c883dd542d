package org.bsb.neuron.nmodl.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.ast.ReactionKind;
import org.bsb.neuron.nmodl.model.*;
import org.bsb.neuron.nmodl.solve.Symbolic;

/**
 * KINETIC blocks as their backward-Euler systems ({@link KineticSystem}): each reaction becomes its rates
 * (mass action: the rate constant times each state to its coefficient) and their contributions to the
 * residual and the Jacobian of every state it changes; COMPARTMENT gives volumes, CONSERVE a row that
 * replaces the equation of its last state not yet replaced (nocmodl's choice); {@code f_flux} and
 * {@code b_flux} become the last reaction's rates.
 */
public final class KineticLowering implements Pass {
    @Override
    public String name() {
        return "kinetic";
    }

    @Override
    public void run(Model m) {
        for (Solve s : Trees.solves(m.mod)) {
            Callable blk = m.mod.callables.get(s.block());
            String key = Model.solveKey(s);
            if (blk == null || blk.kind() != BlockKind.KINETIC || m.solved.containsKey(key)) continue;
            m.solved.put(key, new SolvedBlock.Kinetic(blk, new Lowering(m, blk).system()));
        }
    }

    @Override
    public String dump(Model m) {
        return SolvedDump.solved(m.solved);
    }

    /** The lowering of one block. */
    private static final class Lowering {
        private final Model m;
        private final Callable blk;
        private final List<String> states;
        private final Set<String> stateSet;
        private final int n;
        private final boolean[][] pattern;
        private final Set<Integer> replaced = new HashSet<>();
        private final List<KineticSystem.ConserveRow> conserves = new ArrayList<>();
        private final boolean fluxNames;
        private boolean linear = true;
        private Expr lastF;
        private Expr lastB;
        private int temps;

        Lowering(Model m, Callable blk) {
            this.m = m;
            this.blk = blk;
            states = SolveLowering.states(m, blk);
            stateSet = new LinkedHashSet<>(states);
            n = states.size();
            pattern = new boolean[n][n];
            // f_flux and b_flux are the reaction fluxes unless the file declares names like them
            fluxNames = !m.symbols.fields.containsKey("f_flux")
                    && !m.symbols.fields.containsKey("b_flux")
                    && !m.symbols.constants.containsKey("f_flux")
                    && !m.symbols.constants.containsKey("b_flux")
                    && !Trees.anyStatement(
                            blk.body(),
                            s -> s instanceof Local l
                                    && (l.names().contains("f_flux")
                                            || l.names().contains("b_flux")));
        }

        KineticSystem system() {
            List<Stmt> body = body(blk.body());
            List<Stmt> time = new ArrayList<>();
            // the time derivative as nocmodl writes it, (s - s0) / dt as a product with 1/dt, times the volume
            for (int r = 0; r < n; r++) {
                time.add(new SysAssign(
                        new SysVar(SysKind.JACOBIAN, r * n + r),
                        AssignOp.ADD,
                        new Binary(BinaryOp.MUL, new Ref("rh"), new SysVar(SysKind.VOLUME, r))));
            }
            return new KineticSystem(
                    states,
                    body,
                    time,
                    pattern,
                    conserves,
                    linear,
                    Trees.needsFinalEvaluation(m.mod, blk.body(), states),
                    null);
        }

        private String temp(String label) {
            return "k" + (temps++) + "_" + label;
        }

        private int index(String state, Pos p) {
            int k = states.indexOf(state);
            if (k < 0) throw SolveLowering.err(m, p, "'" + state + "' is not a state of this block");
            return k;
        }

        private List<Stmt> body(List<Stmt> in) {
            List<Stmt> out = new ArrayList<>();
            for (Stmt s : in) {
                if (s instanceof Reaction r) reaction(r, out);
                else if (s instanceof Compartment c) compartment(c, out);
                else if (s instanceof Conserve c) conserve(c, out);
                else if (s instanceof DiffEq d)
                    throw SolveLowering.err(m, d.pos(), "x' equations inside KINETIC blocks are not supported");
                else if (s instanceof Assign a) {
                    Var t = a.target();
                    out.add(new Assign(new Var(t.name(), flux(t.index()), t.pos()), flux(a.value()), a.pos()));
                } else if (s instanceof ExprStmt x) out.add(new ExprStmt(flux(x.expr()), x.pos()));
                else if (s instanceof Printf p)
                    out.add(new Printf(p.args().stream().map(this::flux).toList()));
                else if (s instanceof If i) out.add(new If(flux(i.cond()), body(i.then()), body(i.otherwise())));
                else if (s instanceof While w) out.add(new While(flux(w.cond()), body(w.body())));
                else if (s instanceof From f) {
                    out.add(new From(f.var(), flux(f.from()), flux(f.to()), flux(f.by()), body(f.body()), f.pos()));
                } else out.add(s);
            }
            return out;
        }

        /** {@code f_flux} and {@code b_flux} as the last reaction's forward and backward fluxes. */
        private Expr flux(Expr e) {
            if (!fluxNames || e == null) return e;
            if (e instanceof Var v) {
                if (v.index() != null) return new Var(v.name(), flux(v.index()), v.pos());
                boolean f = v.name().equals("f_flux");
                if (!f && !v.name().equals("b_flux")) return v;
                Expr x = f ? lastF : lastB;
                if (x == null) throw SolveLowering.err(m, v.pos(), v.name() + " before any reaction");
                return x;
            }
            if (e instanceof Unary u) return new Unary(u.op(), flux(u.operand()));
            if (e instanceof Binary b) return new Binary(b.op(), flux(b.left()), flux(b.right()));
            if (e instanceof Call c)
                return new Call(c.name(), c.args().stream().map(this::flux).toList(), c.pos());
            return e;
        }

        private void reaction(Reaction r, List<Stmt> out) {
            if (r.kind() == ReactionKind.FLUX) {
                if (r.lhs().size() != 1 || r.lhs().get(0).coefficient() != 1)
                    throw SolveLowering.err(m, r.pos(), "'<<' takes a single state");
                int s = index(r.lhs().get(0).state(), r.pos());
                if (Symbolic.dependsOnAny(r.forward(), stateSet)) linear = false;
                String fx = temp("flux");
                out.add(new Let(fx, flux(r.forward())));
                out.add(new SysAssign(new SysVar(SysKind.RESIDUAL, s), AssignOp.SUB, new Ref(fx)));
                lastF = new Num(0);
                lastB = new Ref(fx);
                return;
            }
            if (Symbolic.dependsOnAny(r.forward(), stateSet)
                    || (r.backward() != null && Symbolic.dependsOnAny(r.backward(), stateSet))
                    || order(r.lhs()) > 1
                    || order(r.rhs()) > 1) {
                linear = false;
            }
            String kf = temp("kf");
            out.add(new Let(kf, flux(r.forward())));
            Map<Integer, Expr> df = new LinkedHashMap<>();
            Expr ff = rate(kf, r.lhs(), "ff", df, out);
            Expr fb = new Num(0);
            Map<Integer, Expr> db = new LinkedHashMap<>();
            if (r.backward() != null) {
                String kb = temp("kb");
                out.add(new Let(kb, flux(r.backward())));
                fb = rate(kb, r.rhs(), "fb", db, out);
            }
            lastF = ff;
            lastB = fb;
            // G holds -(net production); J holds -(d production / d x)
            Expr net = new Binary(BinaryOp.SUB, ff, fb);
            for (Term t : r.lhs())
                contributions(index(t.state(), t.pos()), t.coefficient(), net, df, db, AssignOp.ADD, out);
            for (Term t : r.rhs())
                contributions(index(t.state(), t.pos()), t.coefficient(), net, df, db, AssignOp.SUB, out);
        }

        private void contributions(
                int s,
                int coefficient,
                Expr net,
                Map<Integer, Expr> df,
                Map<Integer, Expr> db,
                AssignOp consumed,
                List<Stmt> out) {
            AssignOp produced = consumed == AssignOp.ADD ? AssignOp.SUB : AssignOp.ADD;
            out.add(new SysAssign(new SysVar(SysKind.RESIDUAL, s), consumed, times(coefficient, net)));
            for (var e : df.entrySet()) {
                pattern[s][e.getKey()] = true;
                out.add(new SysAssign(
                        new SysVar(SysKind.JACOBIAN, s * n + e.getKey()), consumed, times(coefficient, e.getValue())));
            }
            for (var e : db.entrySet()) {
                pattern[s][e.getKey()] = true;
                out.add(new SysAssign(
                        new SysVar(SysKind.JACOBIAN, s * n + e.getKey()), produced, times(coefficient, e.getValue())));
            }
        }

        /** The flux k * prod(states^coef) as a local, and its derivative by each state into {@code derivs}. */
        private Expr rate(String k, List<Term> side, String label, Map<Integer, Expr> derivs, List<Stmt> out) {
            String f = temp(label);
            Expr prod = new Ref(k);
            for (Term t : side) prod = new Binary(BinaryOp.MUL, prod, power(t, t.coefficient()));
            out.add(new Let(f, prod));
            for (Term t : side) {
                int s = index(t.state(), t.pos());
                Expr dp = new Ref(k);
                for (Term o : side) {
                    if (o == t) {
                        if (o.coefficient() > 1) {
                            dp = new Binary(
                                    BinaryOp.MUL,
                                    new Binary(BinaryOp.MUL, dp, new Num(o.coefficient())),
                                    power(o, o.coefficient() - 1));
                        }
                    } else {
                        dp = new Binary(BinaryOp.MUL, dp, power(o, o.coefficient()));
                    }
                }
                derivs.merge(s, dp, (a, b) -> new Binary(BinaryOp.ADD, a, b));
            }
            return new Ref(f);
        }

        private static Expr power(Term t, int exponent) {
            Var x = new Var(t.state(), null, t.pos());
            return t.coefficient() == 1 ? x : new Call("pow", List.of(x, new Num(exponent)), t.pos());
        }

        /** {@code c * e}, without the multiplication when c is 1. */
        private static Expr times(int c, Expr e) {
            return c == 1 ? e : new Binary(BinaryOp.MUL, new Num(c), e);
        }

        private static int order(List<Term> side) {
            int o = 0;
            for (Term t : side) o += t.coefficient();
            return o;
        }

        private void compartment(Compartment c, List<Stmt> out) {
            String vol = temp("vol");
            out.add(new Let(vol, flux(c.volume())));
            for (String st : c.states()) {
                if (!states.contains(st)) continue;
                out.add(new SysAssign(new SysVar(SysKind.VOLUME, index(st, c.pos())), AssignOp.SET, new Ref(vol)));
            }
        }

        private void conserve(Conserve c, List<Stmt> out) {
            int row = -1;
            for (int k = c.terms().size() - 1; k >= 0; k--) {
                int s = index(c.terms().get(k).state(), c.pos());
                if (!replaced.contains(s)) {
                    row = s;
                    break;
                }
            }
            if (row < 0)
                throw SolveLowering.err(m, c.pos(), "CONSERVE has no state left whose equation it can replace");
            replaced.add(row);
            String total = temp("cons");
            out.add(new Let(total, flux(c.total())));
            conserves.add(new KineticSystem.ConserveRow(row, total, c.terms()));
        }
    }
}
