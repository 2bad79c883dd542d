package org.bsb.neuron.nmodl.passes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.UnaryOp;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.model.*;
import org.bsb.neuron.nmodl.sema.Symbols;
import org.bsb.neuron.nmodl.solve.Symbolic;

/**
 * Chooses the solver of every SOLVE and rewrites DERIVATIVE, LINEAR and NONLINEAR blocks for it (KINETIC
 * is {@link KineticLowering}'s): cnexp's exact steps, the derivative and Jacobian rows of derivimplicit and
 * euler, the rows of an algebraic system. The symbolic derivatives are taken here, so the printer only
 * prints.
 */
public final class SolveLowering implements Pass {
    @Override
    public String name() {
        return "solvers";
    }

    @Override
    public void run(Model m) {
        for (Solve s : Trees.solves(m.mod)) {
            String key = Model.solveKey(s);
            if (m.solved.containsKey(key)) continue;
            Callable blk = m.mod.callables.get(s.block());
            if (blk == null) throw err(m, s.pos(), "SOLVE of unknown block '" + s.block() + "'");
            SolvedBlock b = switch (blk.kind()) {
                case DERIVATIVE -> derivative(m, blk, s.method() == null ? "" : s.method(), s);
                case KINETIC -> null; // KineticLowering
                case LINEAR -> algebraic(m, blk, false);
                case NONLINEAR -> algebraic(m, blk, true);
                case PROCEDURE -> new SolvedBlock.Procedure(blk);
                default -> throw err(m, s.pos(), "cannot SOLVE a " + blk.kind() + " block");
            };
            if (b != null) m.solved.put(key, b);
        }
    }

    @Override
    public String dump(Model m) {
        return SolvedDump.solved(m.solved);
    }

    static NmodlException err(Model m, Pos p, String msg) {
        return p == null ? new NmodlException(m.file, msg) : new NmodlException(m.file, p.line(), p.column(), msg);
    }

    /** The block's states, each a scalar STATE. */
    static List<String> states(Model m, Callable blk) {
        List<String> states = Trees.statesIn(m.symbols, blk);
        Symbols sym = m.symbols;
        for (String st : states) {
            if (!sym.stateNames.contains(st)) throw err(m, blk.pos(), "'" + st + "' is not a STATE");
            if (sym.fields.get(st).size() > 0)
                throw err(m, blk.pos(), "array STATE '" + st + "' is not supported here");
        }
        return states;
    }

    private SolvedBlock derivative(Model m, Callable blk, String method, Solve s) {
        List<String> states = states(m, blk);
        if (method.equals("cnexp")) {
            if (cnexpApplies(blk))
                return new SolvedBlock.Cnexp(blk, Trees.rewrite(blk.body(), SolveLowering::cnexpStep));
            method = "derivimplicit"; // nonlinear equation: solved implicitly like nocmodl's fallback
        }
        if (method.equals("euler")) return new SolvedBlock.Euler(blk, states, derivativeRows(m, blk, states, false));
        if (method.equals("derivimplicit") || method.equals("") || method.equals("sparse") || method.equals("runge")) {
            return new SolvedBlock.Implicit(
                    blk,
                    states,
                    derivativeRows(m, blk, states, true),
                    Trees.linearIn(blk.body(), new LinkedHashSet<>(states)),
                    Trees.needsFinalEvaluation(m.mod, blk.body(), states));
        }
        throw err(m, s.pos(), "METHOD " + method + " is not supported (use cnexp, derivimplicit, sparse or euler)");
    }

    /** cnexp needs x' = A x + B with A free of x (checked at the block's top level, as nocmodl does). */
    private static boolean cnexpApplies(Callable blk) {
        for (Stmt s : blk.body()) {
            if (s instanceof DiffEq d) {
                try {
                    if (Symbolic.dependsOn(Symbolic.d(d.rhs(), d.state()), d.state())) return false;
                } catch (Symbolic.NotDifferentiable e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Stmt> cnexpStep(Stmt s) {
        if (!(s instanceof DiffEq d)) return List.of(s);
        Expr a;
        try {
            a = Symbolic.d(d.rhs(), d.state());
        } catch (Symbolic.NotDifferentiable e) {
            throw new IllegalStateException(e);
        }
        if (a instanceof Num n && n.value() == 0) return List.of(new CnexpStep(d.state(), null, d.rhs(), d.pos()));
        Expr b = Symbolic.simplify(Symbolic.substitute(d.rhs(), d.state(), new Num(0)));
        return List.of(new CnexpStep(d.state(), a, b, d.pos()));
    }

    /** Each x' as row k of D, and with {@code jacobian} its derivatives by every state as row k of J. */
    private static List<Stmt> derivativeRows(Model m, Callable blk, List<String> states, boolean jacobian) {
        int n = states.size();
        return Trees.rewrite(blk.body(), s -> {
            if (!(s instanceof DiffEq d)) return List.of(s);
            int k = states.indexOf(d.state());
            List<Stmt> out = new ArrayList<>();
            out.add(new SysAssign(new SysVar(SysKind.DERIVATIVE, k), AssignOp.SET, d.rhs()));
            if (jacobian) {
                for (int j = 0; j < n; j++) {
                    try {
                        Expr dj = Symbolic.d(d.rhs(), states.get(j));
                        out.add(new SysAssign(new SysVar(SysKind.DERIVATIVE_JACOBIAN, k * n + j), AssignOp.SET, dj));
                    } catch (Symbolic.NotDifferentiable e) {
                        throw err(m, d.pos(), e.getMessage());
                    }
                }
            }
            return out;
        });
    }

    /**
     * LINEAR: each {@code ~} equation is a row of J x = b with state-independent coefficients. NONLINEAR: each
     * is a row of the residual F(x) = lhs - rhs and of its symbolic Jacobian at the current states.
     */
    private SolvedBlock algebraic(Model m, Callable blk, boolean nonlinear) {
        List<String> states = states(m, blk);
        int n = states.size();
        String kind = nonlinear ? "NONLINEAR" : "LINEAR";
        int[] row = {0};
        List<Stmt> body = Trees.rewrite(blk.body(), s -> {
            if (s instanceof DiffEq d) throw err(m, d.pos(), "x' equation in a LINEAR block");
            if (!(s instanceof LinEq e)) return List.of(s);
            if (row[0] >= n) throw err(m, e.pos(), "more equations than states in " + kind + " block");
            List<Stmt> out = equation(m, e, states, row[0], nonlinear);
            row[0]++;
            return out;
        });
        if (row[0] != n) throw err(m, blk.pos(), kind + " block has " + row[0] + " equations for " + n + " states");
        return new SolvedBlock.Algebraic(blk, states, nonlinear, body);
    }

    private static List<Stmt> equation(Model m, LinEq e, List<String> states, int row, boolean nonlinear) {
        int n = states.size();
        List<Stmt> out = new ArrayList<>();
        Expr f = new Binary(BinaryOp.SUB, e.lhs(), e.rhs());
        Expr rest = f;
        for (int j = 0; j < n; j++) {
            try {
                Expr c = Symbolic.d(f, states.get(j));
                if (nonlinear) {
                    c = Symbolic.simplify(c);
                } else {
                    if (Symbolic.dependsOnAny(c, new LinkedHashSet<>(states)))
                        throw err(m, e.pos(), "equation is not linear");
                    rest = Symbolic.substitute(rest, states.get(j), new Num(0));
                }
                out.add(new SysAssign(new SysVar(SysKind.JACOBIAN, row * n + j), AssignOp.SET, c));
            } catch (Symbolic.NotDifferentiable ex) {
                throw err(m, e.pos(), ex.getMessage());
            }
        }
        // NONLINEAR: G = F at the current states; LINEAR: b = -(F at x = 0)
        Expr g = nonlinear ? f : new Unary(UnaryOp.NEG, Symbolic.simplify(rest));
        out.add(new SysAssign(new SysVar(SysKind.RESIDUAL, row), AssignOp.SET, g));
        return out;
    }
}
