package org.bsb.neuron.nmodl.print;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.Callable;
import org.bsb.neuron.nmodl.ast.Ast.Solve;
import org.bsb.neuron.nmodl.ast.Ast.Stmt;
import org.bsb.neuron.nmodl.model.Model;
import org.bsb.neuron.nmodl.model.SolvedBlock;

/**
 * SOLVE statements: the call, and on first use the solver's methods, from the block the passes rewrote
 * ({@link SolvedBlock}). KINETIC schemes are {@link KineticPrinter}'s.
 */
final class Solvers {
    private final Emitter out;
    private final Model model;
    private final Set<String> printed = new HashSet<>();
    private Statements statements;
    private KineticPrinter kinetic;

    Solvers(Emitter out, Model model) {
        this.out = out;
        this.model = model;
    }

    void wire(Statements statements, KineticPrinter kinetic) {
        this.statements = statements;
        this.kinetic = kinetic;
    }

    /** The Java call that solves {@code s} over a step {@code h}; prints the solver on first use. */
    String call(Solve s, String h) {
        SolvedBlock b = model.solved.get(Model.solveKey(s));
        if (b == null) throw new IllegalStateException("SOLVE " + s.block() + " was not lowered");
        String m = b.method();
        if (printed.add(m)) {
            if (b instanceof SolvedBlock.Cnexp c) cnexp(c);
            else if (b instanceof SolvedBlock.Euler e) euler(e);
            else if (b instanceof SolvedBlock.Implicit d) implicit(d);
            else if (b instanceof SolvedBlock.Algebraic a) algebraic(a);
            else if (b instanceof SolvedBlock.Kinetic k) kinetic.print(k);
        }
        Callable blk = b.block();
        if (b instanceof SolvedBlock.Procedure || b instanceof SolvedBlock.Algebraic) return m + "(i)";
        if (s.steadyState()) {
            if (b instanceof SolvedBlock.Kinetic) return "ss_" + blk.name() + "(i)";
            return m + "(i, 1e-9)"; // scopmath's _ss_derivimplicit runs one step with dt = 1e-9
        }
        return m + "(i, " + h + ")";
    }

    private void cnexp(SolvedBlock.Cnexp c) {
        out.inNewMethod(() -> {
            out.line(1, "private void " + c.method() + "(final int i, final double h) {");
            statements.block(c.body(), 2);
            out.line(1, "}");
        });
        if (model.vectorSpecies != null && out.mod.pointProcess == null && !out.mod.artificialCell) {
            out.inNewMethod(() -> {
                if (VectorCnexp.print(out, c)) {
                    out.vectorised.add(c.block().name());
                    out.vectorTails.add(c.block().name());
                }
            });
        }
    }

    /** {@code de_<blk>(i, D)} (or {@code dj_<blk>(i, D, J)} with the Jacobian): runs the block, writing each x' into D. */
    private String derivatives(Callable blk, List<Stmt> body, boolean jacobian) {
        String name = (jacobian ? "dj_" : "de_") + blk.name();
        if (!printed.add(name)) return name;
        out.inNewMethod(() -> {
            out.system = SystemNames.ARRAYS;
            out.line(
                    1,
                    "private void " + name + "(final int i, final double[] D" + (jacobian ? ", final double[] J" : "")
                            + ") {");
            statements.block(body, 2);
            out.line(1, "}");
        });
        return name;
    }

    private void euler(SolvedBlock.Euler e) {
        String de = derivatives(e.block(), e.derivatives(), false);
        out.scratch = Math.max(out.scratch, e.states().size());
        out.inNewMethod(() -> {
            out.line(1, "private void " + e.method() + "(final int i, final double h) {");
            out.line(2, de + "(i, sD);");
            for (int k = 0; k < e.states().size(); k++)
                out.line(2, Exprs.field(e.states().get(k)) + "[i] += h * sD[" + k + "];");
            out.line(1, "}");
        });
    }

    /** Backward Euler solved by Newton with the symbolic Jacobian (NEURON's derivimplicit). */
    private void implicit(SolvedBlock.Implicit d) {
        String dj = derivatives(d.block(), d.derivatives(), true);
        List<String> states = d.states();
        int n = states.size();
        out.scratch = Math.max(out.scratch, n);
        out.inNewMethod(() -> {
            out.line(1, "private void " + d.method() + "(final int i, final double h) {");
            out.line(2, "final double[] x0 = sX0;");
            for (int k = 0; k < n; k++) out.line(2, "x0[" + k + "] = " + Exprs.field(states.get(k)) + "[i];");
            out.line(2, "for (int it = 0; it < 50; it++) {");
            out.line(3, dj + "(i, sD, sJ);");
            out.line(3, "for (int r = 0; r < " + n + "; r++) {");
            out.line(
                    4,
                    "for (int c = 0; c < " + n + "; c++) sJ[r * " + n + " + c] = (r == c ? 1.0 : 0.0) - h * sJ[r * " + n
                            + " + c];");
            out.close(3, "}");
            for (int k = 0; k < n; k++) {
                out.line(
                        3,
                        "sG[" + k + "] = -(" + Exprs.field(states.get(k)) + "[i] - x0[" + k + "] - h * sD[" + k
                                + "]);");
            }
            out.line(3, "DenseSolver.solve(sJ, sG, " + n + ");");
            out.line(3, "boolean done = true;");
            for (int k = 0; k < n; k++) {
                String x = Exprs.field(states.get(k)) + "[i]";
                out.line(3, x + " += sG[" + k + "];");
                out.line(3, "if (!(Math.abs(sG[" + k + "]) <= 1e-12 * Math.abs(" + x + ") + 1e-300)) done = false;");
            }
            // a system linear in its states is solved exactly by the first Newton step
            out.line(3, d.linear() ? "break;" : "if (done) break;");
            out.close(2, "}");
            if (d.finalEvaluation()) out.line(2, dj + "(i, sD, sJ);");
            out.line(1, "}");
        });
    }

    /**
     * LINEAR: one direct solve. NONLINEAR: Newton's method from the current states with the symbolic
     * Jacobian, iterated until every update is below 1e-13 relative (NEURON's scopmath newton stops at 1e-6
     * with a finite-difference Jacobian; both land on the same root to far better than its tolerance); at
     * most 100 iterations.
     */
    private void algebraic(SolvedBlock.Algebraic a) {
        List<String> states = a.states();
        int n = states.size();
        out.scratch = Math.max(out.scratch, n);
        boolean nonlinear = a.nonlinear();
        out.inNewMethod(() -> {
            out.system = SystemNames.ARRAYS;
            out.line(1, "private void " + a.method() + "(final int i) {");
            if (nonlinear) out.line(2, "for (int it = 0; it < 100; it++) {");
            statements.block(a.body(), nonlinear ? 3 : 2);
            out.system = null;
            if (!nonlinear) {
                out.line(2, "DenseSolver.solve(sJ, sG, " + n + ");");
                for (int r = 0; r < n; r++) out.line(2, Exprs.field(states.get(r)) + "[i] = sG[" + r + "];");
            } else {
                out.line(3, "if (!DenseSolver.solve(sJ, sG, " + n + ")) break;");
                out.line(3, "boolean done = true;");
                for (int r = 0; r < n; r++) {
                    String x = Exprs.field(states.get(r)) + "[i]";
                    out.line(3, x + " -= sG[" + r + "];");
                    out.line(3, "if (Math.abs(sG[" + r + "]) > 1e-13 * (1.0 + Math.abs(" + x + "))) done = false;");
                }
                out.line(3, "if (done) break;");
                out.close(2, "}");
            }
            out.line(1, "}");
        });
    }
}
