package org.bsb.neuron.nmodl.print;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bsb.neuron.nmodl.ast.Ast.SysKind;
import org.bsb.neuron.nmodl.ast.Ast.SysVar;
import org.bsb.neuron.nmodl.ast.Ast.Term;
import org.bsb.neuron.nmodl.model.KineticSystem;
import org.bsb.neuron.nmodl.model.SolvedBlock;

/**
 * A KINETIC system's solve as scopmath's sparse: backward Euler by Newton (one step for linear schemes,
 * else iterated until the summed |change| is below 1e-6 with states forced >= 0; then the block runs once
 * more), with the elimination specialised for the system's pattern ({@link SparseElimination}); and
 * scopmath's _ss_sparse for STEADYSTATE.
 */
final class KineticPrinter {
    private final Emitter out;
    private final Statements statements;
    private final boolean scalar;
    private final boolean vector;

    KineticPrinter(Emitter out, Statements statements, boolean scalar, boolean vector) {
        this.out = out;
        this.statements = statements;
        this.scalar = scalar;
        this.vector = vector;
    }

    /** The one-method form's locals: residual g<r>, Jacobian j<pos> (those written are declared), volumes v<r>. */
    private static final class Locals implements SystemNames {
        final Set<Integer> written = new TreeSet<>();

        @Override
        public String name(SysVar v) {
            return switch (v.kind()) {
                case RESIDUAL -> "g" + v.index();
                case JACOBIAN -> j(v.index());
                case VOLUME -> "v" + v.index();
                default -> throw new IllegalStateException(String.valueOf(v));
            };
        }

        String j(int pos) {
            written.add(pos);
            return "j" + pos;
        }
    }

    void print(SolvedBlock.Kinetic k) {
        KineticSystem sys = k.system();
        String name = k.block().name();
        int n = sys.size();
        boolean[][] pattern = new boolean[n][];
        for (int r = 0; r < n; r++) pattern[r] = sys.pattern()[r].clone();
        out.inNewMethod(() -> {
            if (scalar) scalarStep(name, sys, pattern);
            else arrayStep(name, sys, pattern);
            if (scalar && vector && VectorKinetics.print(out, name, sys)) out.vectorised.add(name);
            if (sys.finalEvaluation()) finalEvaluation(name, sys);
            out.line(1, "private void " + k.method() + "(final int i, final double h) {");
            out.line(2, "step_" + name + "(i, h, " + sys.linear() + ");");
            out.line(1, "}");
            // STEADYSTATE sparse: dt = 1e9; linear schemes iterate once as nonlinear, nonlinear ones take up to
            // 7 linear steps until no state is below -1e-6, then one iterated solve (scopmath's _ss_sparse)
            out.line(1, "private void ss_" + name + "(final int i) {");
            if (sys.linear()) {
                out.line(2, "step_" + name + "(i, 1e9, false);");
            } else {
                out.line(2, "for (int k = 0; k < 7; k++) {");
                out.line(3, "step_" + name + "(i, 1e9, true);");
                out.line(3, "boolean ok = true;");
                for (int r = 0; r < n; r++) {
                    String x = Exprs.field(sys.states().get(r)) + "[i]";
                    out.line(3, "if (" + x + " < -1e-6) { " + x + " = 0.0; ok = false; }");
                }
                out.line(3, "if (ok) { step_" + name + "(i, 1e9, false); break; }");
                out.close(2, "}");
            }
            out.line(1, "}");
        });
    }

    /**
     * The Newton solve in one method whose residual, Jacobian non-zeros and volumes are local variables:
     * HotSpot keeps them in registers or stack slots, where scratch arrays cost a memory access, a bounds
     * check and zeroing each.
     */
    private void scalarStep(String name, KineticSystem sys, boolean[][] pattern) {
        List<String> states = sys.states();
        int n = states.size();
        KineticSystem.ScalarForm form = sys.scalar();
        Set<Integer> negated = new HashSet<>(form.negated());
        Locals names = new Locals();
        out.system = names;
        out.line(1, "private void step_" + name + "(final int i, final double h, final boolean lin) {");
        for (int r = 0; r < n; r++) out.line(2, "final double x0_" + r + " = " + Exprs.field(states.get(r)) + "[i];");
        for (int r = 0; r < n; r++) {
            out.line(2, "double q" + r + " = x0_" + r + ";");
            out.declare(states.get(r), "q" + r);
        }
        out.line(2, "final double rh = 1.0 / h;");
        out.line(2, "for (int it = 0; it <= 21; it++) {");
        int declareAt = out.methods.length();
        statements.block(form.body(), 3);
        statements.statements(form.timeTerms(), 3);
        // the time derivative's residual term is zero in the first iteration (s = s0)
        out.line(3, "if (it != 0) {");
        for (int r = 0; r < n; r++) out.line(4, "g" + r + " += (rh * (q" + r + " - x0_" + r + ")) * v" + r + ";");
        out.close(3, "}");
        applyConserves(sys, pattern, names, negated, 3);
        // G is the residual, not its negation: the solve gives minus the Newton step, exactly
        for (String l :
                SparseElimination.code(pattern, names::j, r -> "g" + r, pos -> negated.contains(pos) ? -1 : 1)) {
            out.line(3, l);
        }
        out.line(3, "double err = 0.0;");
        for (int r = 0; r < n; r++) {
            out.line(3, "q" + r + " -= g" + r + ";");
            out.line(3, "if (!lin && q" + r + " < 0.0) q" + r + " = 0.0;");
            out.line(3, "err += Math.abs(g" + r + ");");
            // the fields follow each iterate: procedures called by the block read states from them
            out.line(3, Exprs.field(states.get(r)) + "[i] = q" + r + ";");
        }
        out.line(3, "if (lin || err <= 1e-6) break;");
        out.close(2, "}");
        if (sys.finalEvaluation()) out.line(2, "kfin_" + name + "(i);");
        out.line(1, "}");
        StringBuilder decl = new StringBuilder("      double");
        for (int r = 0; r < n; r++)
            decl.append(r == 0 ? " " : ", ").append("g").append(r).append(" = 0.0");
        decl.append(";\n      double");
        for (int r = 0; r < n; r++)
            decl.append(r == 0 ? " " : ", ").append("v").append(r).append(" = 1.0");
        decl.append(";\n");
        boolean first = true;
        for (int pos : names.written) {
            decl.append(first ? "      double " : ", ").append("j").append(pos).append(" = 0.0");
            first = false;
        }
        if (!first) decl.append(";\n");
        out.methods.insert(declareAt, decl);
        out.system = null;
    }

    /** The Newton solve with scratch arrays and separate methods, for schemes too large for one JIT-able method. */
    private void arrayStep(String name, KineticSystem sys, boolean[][] pattern) {
        List<String> states = sys.states();
        int n = states.size();
        out.scratch = Math.max(out.scratch, n);
        String fn = "kin_" + name;
        out.system = SystemNames.ARRAYS;
        // kin_: fills sG (residual of backward Euler, amount units) and sJ (its Jacobian) at the current states
        out.line(1, "private void " + fn + "(final int i, final double[] x0, final double h) {");
        // locals keep the method small enough for the JIT (HotSpot skips methods over 8000 bytes of bytecode)
        out.line(2, "final double[] sG = this.sG, sJ = this.sJ, sX = this.sX;");
        out.line(2, "final double rh = 1.0 / h;");
        for (int r = 0; r < n; r++) {
            out.line(2, "final double q" + r + " = " + Exprs.field(states.get(r)) + "[i];");
            out.declare(states.get(r), "q" + r);
        }
        out.line(2, "java.util.Arrays.fill(sG, 0, " + n + ", 0.0);");
        int zeroAt = out.methods.length();
        out.line(2, "java.util.Arrays.fill(sX, 0, " + n + ", 1.0);");
        statements.block(sys.body(), 2);
        for (int r = 0; r < n; r++) {
            out.line(2, "sG[" + r + "] += (rh * (" + state(states.get(r)) + " - x0[" + r + "])) * sX[" + r + "];");
            out.line(2, "sJ[" + (r * n + r) + "] += rh * sX[" + r + "];");
        }
        applyConserves(sys, pattern, null, null, 2);
        out.line(1, "}");
        out.system = null;
        // zero only the entries the system and its elimination touch (pattern known after the block)
        StringBuilder z = new StringBuilder();
        for (int pos : SparseElimination.touched(pattern))
            z.append("    sJ[").append(pos).append("] = 0.0;\n");
        out.methods.insert(zeroAt, z);
        out.line(1, "private void lu_" + name + "() {");
        out.line(2, "final double[] sG = this.sG, sJ = this.sJ;");
        for (String l : SparseElimination.code(pattern, pos -> "sJ[" + pos + "]", r -> "sG[" + r + "]")) out.line(2, l);
        out.line(1, "}");
        out.line(1, "private void step_" + name + "(final int i, final double h, final boolean lin) {");
        out.line(2, "final double[] x0 = sX0;");
        for (int r = 0; r < n; r++) out.line(2, "x0[" + r + "] = " + Exprs.field(states.get(r)) + "[i];");
        out.line(2, "for (int it = 0; it <= 21; it++) {");
        out.line(3, fn + "(i, x0, h);");
        out.line(3, "for (int r = 0; r < " + n + "; r++) sG[r] = -sG[r];");
        out.line(3, "lu_" + name + "();");
        out.line(3, "double err = 0.0;");
        for (int r = 0; r < n; r++) {
            String x = Exprs.field(states.get(r)) + "[i]";
            out.line(3, x + " += sG[" + r + "];");
            out.line(3, "if (!lin && " + x + " < 0.0) " + x + " = 0.0;");
            out.line(3, "err += Math.abs(sG[" + r + "]);");
        }
        out.line(3, "if (lin || err <= 1e-6) break;");
        out.close(2, "}");
        if (sys.finalEvaluation()) out.line(2, "kfin_" + name + "(i);");
        out.line(1, "}");
    }

    /** A state's value: its local copy where one is in scope, else the instance field. */
    private String state(String st) {
        Emitter.Binding b = out.lookup(st);
        return b != null ? b.java() : Exprs.field(st) + "[i]";
    }

    /**
     * CONSERVE rows replace their state's equation; applied after the block (needs the final volumes).
     * {@code names} null: the scratch-array form.
     */
    private void applyConserves(KineticSystem sys, boolean[][] pattern, Locals names, Set<Integer> negated, int ind) {
        int n = sys.size();
        SystemNames sn = names != null ? names : SystemNames.ARRAYS;
        for (KineticSystem.ConserveRow c : sys.conserves()) {
            int row = c.row();
            if (names != null) {
                for (int col = 0; col < n; col++) {
                    if (names.written.contains(row * n + col)) {
                        out.line(ind, names.j(row * n + col) + " = 0.0;");
                        negated.remove(row * n + col);
                    }
                }
            } else {
                out.line(ind, "java.util.Arrays.fill(sJ, " + (row * n) + ", " + (row * n + n) + ", 0.0);");
            }
            Arrays.fill(pattern[row], false);
            for (Term t : c.terms()) pattern[row][sys.states().indexOf(t.state())] = true;
            StringBuilder sum = new StringBuilder("0.0");
            for (Term t : c.terms()) {
                int j = sys.states().indexOf(t.state());
                String vol = sn.name(new SysVar(SysKind.VOLUME, j));
                sum.append(" + ")
                        .append(t.coefficient())
                        .append(".0 * ")
                        .append(vol)
                        .append(" * ")
                        .append(state(t.state()));
                out.line(
                        ind,
                        sn.name(new SysVar(SysKind.JACOBIAN, row * n + j)) + " += " + t.coefficient() + ".0 * " + vol
                                + ";");
            }
            out.line(ind, sn.name(new SysVar(SysKind.RESIDUAL, row)) + " = " + sum + " - " + c.total() + ";");
        }
    }

    /** The block's assignments with the final states, as scopmath's sparse runs the block once more. */
    private void finalEvaluation(String name, KineticSystem sys) {
        statements.valuesOnly = sys;
        out.pushScope();
        out.line(1, "private void kfin_" + name + "(final int i) {");
        for (int r = 0; r < sys.size(); r++) {
            out.line(2, "final double q" + r + " = " + Exprs.field(sys.states().get(r)) + "[i];");
            out.declare(sys.states().get(r), "q" + r);
        }
        statements.block(sys.body(), 2);
        out.line(1, "}");
        out.popScope();
        statements.valuesOnly = null;
    }
}
