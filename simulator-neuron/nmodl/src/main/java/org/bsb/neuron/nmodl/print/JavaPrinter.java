package org.bsb.neuron.nmodl.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.gen.VectorForm;
import org.bsb.neuron.nmodl.model.Model;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;
import org.bsb.neuron.nmodl.sema.Symbols.IonVar;

/**
 * Prints the Java source of a {@link org.bsb.neuron.nmodl.runtime.NmodlMechanism} subclass from a model the
 * passes have lowered: structure of arrays ({@code x_<name>[i]} aliases the SPI's {@code vars} rows), one
 * loop per phase (init, current, state), NET_RECEIVE, and the file's FUNCTIONs, PROCEDUREs and solvers as
 * private methods.
 */
public final class JavaPrinter {
    public static final String PACKAGE = "org.bsb.neuron.nmodl.generated";

    private final Model model;
    private final Symbols sym;
    private final ModFile mod;
    private final Emitter out;
    private final Exprs ex;
    private final Statements statements;
    private final Solvers solvers;
    private final TablePrinter tables;
    private final KineticPrinter kinetic;

    private JavaPrinter(Model model) {
        this.model = model;
        this.sym = model.symbols;
        this.mod = sym.mod;
        out = new Emitter(sym, model.vectorSpecies == null ? 0 : VectorForm.lanes(model.vectorSpecies));
        ex = new Exprs(out);
        solvers = new Solvers(out, model);
        statements = new Statements(out, ex, solvers);
        kinetic = new KineticPrinter(out, statements, model.scalarKinetics, model.vectorSpecies != null);
        solvers.wire(statements, kinetic);
        tables = new TablePrinter(out, ex);
    }

    /** The Java source of class {@code PACKAGE.className}. */
    public static String print(Model model) {
        return new JavaPrinter(model).run();
    }

    private String run() {
        for (Callable c : mod.callables.values()) if (c.kind().callable()) userCallable(c);
        String init = phaseInit();
        String cur = phaseCurrent();
        String state = phaseState();
        if (mod.netReceive != null) netReceive();
        String cls = model.className;
        StringBuilder body = new StringBuilder();
        body.append("package ").append(PACKAGE).append(";\n\n");
        body.append("import org.bsb.neuron.nmodl.runtime.*;\nimport org.bsb.neuron.spi.MechContext;\n");
        boolean vector = !out.vectorised.isEmpty() || out.vectorCurrent;
        if (vector) {
            for (String c : List.of("DoubleVector", "VectorMask", "VectorOperators", "VectorSpecies"))
                body.append("import jdk.incubator.vector.").append(c).append(";\n");
        }
        body.append("\npublic final class ").append(cls).append(" extends NmodlMechanism {\n");
        if (vector) {
            body.append("  private static final VectorSpecies<Double> S = DoubleVector.")
                    .append(model.vectorSpecies)
                    .append(";\n");
        }
        for (String f : sym.fields.keySet())
            body.append("  private final double[] ").append(Exprs.field(f)).append(";\n");
        body.append("  private final double[] sv;\n");
        int s = out.scratch;
        body.append("  private final double[] sG = new double[")
                .append(s)
                .append("], sJ = new double[")
                .append(s * s)
                .append("], sX = new double[")
                .append(s)
                .append("], sX0 = new double[")
                .append(s)
                .append("], sD = new double[")
                .append(s)
                .append("];\n");
        // one per class: every instance (cell group, thread, run) shares what the JIT has compiled
        for (String f : out.formChoices)
            body.append("  private static final FormChoice ").append(f).append(" = new FormChoice();\n");
        if (out.vectorCurrent) {
            body.append("  private double[] cV, cRi, cG");
            for (String c : out.vectorCurrentIons) body.append(", cD_").append(c);
            body.append(";\n");
        }
        for (String tf : tables.fields) body.append(tf);
        for (String u : out.pure.uniform.values())
            body.append("  private double ").append(u).append(";\n");
        body.append("  public ").append(cls).append("(final NmodlMechanismType type, final int count) {\n");
        body.append("    super(type, count);\n");
        int k = 0;
        for (Map.Entry<String, MechanismInfo.Field> e : sym.fields.entrySet()) {
            MechanismInfo.Field f = e.getValue();
            String x = Exprs.field(e.getKey());
            if (f.size() == 0) {
                body.append("    ").append(x).append(" = row(").append(k++).append(");\n");
            } else {
                body.append("    ")
                        .append(x)
                        .append(" = new double[count * ")
                        .append(f.size())
                        .append("];\n");
                body.append("    java.util.Arrays.fill(")
                        .append(x)
                        .append(", ")
                        .append(Exprs.lit(f.defaultValue()))
                        .append(");\n");
            }
        }
        body.append("    sv = new double[capacity(count)];\n  }\n");
        if (!out.pure.uniform.isEmpty()) {
            body.append("  @Override protected void uniforms() {\n");
            out.pure.uniform.forEach((java, u) ->
                    body.append("    ").append(u).append(" = ").append(java).append(";\n"));
            body.append("  }\n");
        }
        body.append(init).append(cur).append(state).append(out.aux);
        body.append("}\n");
        return body.toString();
    }

    /** Copies the node voltage into the instance (artificial cells have no node). */
    private String readV(String indent) {
        return mod.artificialCell ? "" : indent + "sv[i] = nodeV[nd];\n";
    }

    /** Reads ion values into the instance's copies (as nocmodl does at the start of each phase). */
    private void ionReads(StringBuilder b) {
        for (Map.Entry<String, IonVar> e : sym.ionVars.entrySet()) {
            IonVar iv = e.getValue();
            String arr = switch (iv.part()) {
                case E -> "ionE";
                case CI -> "ionCi";
                case CO -> "ionCo";
                case CUR -> "ionCur";
            };
            if (iv.part() == Symbols.IonPart.CUR && !iv.read()) continue;
            b.append("      ")
                    .append(Exprs.field(e.getKey()))
                    .append("[i] = ")
                    .append(arr)
                    .append("[")
                    .append(iv.ion())
                    .append("][nd];\n");
        }
    }

    private void concentrationWrites(StringBuilder b) {
        for (Map.Entry<String, IonVar> e : sym.ionVars.entrySet()) {
            IonVar iv = e.getValue();
            if (!iv.write()) continue;
            String arr = switch (iv.part()) {
                case CI -> "ionCi";
                case CO -> "ionCo";
                case E -> "ionE";
                case CUR -> null;
            };
            if (arr != null) {
                b.append("      ")
                        .append(arr)
                        .append("[")
                        .append(iv.ion())
                        .append("][nd] = ")
                        .append(Exprs.field(e.getKey()))
                        .append("[i];\n");
            }
        }
    }

    private String phaseInit() {
        StringBuilder b = new StringBuilder();
        b.append("  @Override public void init(final MechContext c) {\n    enter(c);\n    resetConnections();\n");
        b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n");
        b.append(readV("      "));
        ionReads(b);
        for (Decl d : mod.states) {
            if (!sym.fields.containsKey(d.name())) continue;
            MechanismInfo.Field f0 = sym.fields.get(d.name() + "0");
            String v0 = f0 != null && f0.size() == 0 ? Exprs.field(d.name() + "0") + "[i]" : "0.0";
            if (sym.fields.get(d.name()).size() == 0)
                b.append("      ")
                        .append(Exprs.field(d.name()))
                        .append("[i] = ")
                        .append(v0)
                        .append(";\n");
        }
        if (mod.initial != null) {
            b.append("      init0(i);\n");
            out.inNewMethod(() -> {
                out.line(1, "private void init0(final int i) {");
                statements.statements(mod.initial, 2);
                out.line(1, "}");
            });
        }
        concentrationWrites(b);
        b.append("    }\n  }\n");
        return b.toString();
    }

    private String phaseCurrent() {
        StringBuilder b = new StringBuilder();
        b.append("  @Override public void current(final MechContext c) {\n");
        if (sym.currents.isEmpty() || mod.breakpoint == null) {
            b.append("  }\n");
            return b.toString();
        }
        b.append("    enter(c);\n    final double[] rhs = c.rhs, d = c.d;\n");
        List<String> ionCurs = new ArrayList<>();
        for (Map.Entry<String, IonVar> e : sym.ionVars.entrySet()) {
            if (e.getValue().part() == Symbols.IonPart.CUR && e.getValue().write()) ionCurs.add(e.getKey());
        }
        List<Stmt> bp = new ArrayList<>();
        for (Stmt s : mod.breakpoint) if (!(s instanceof Solve)) bp.add(s);
        if (vectorCurrent(b, bp, ionCurs)) return b.toString();
        b.append("    currentScalar(c);\n  }\n");
        currentScalar(b, ionCurs);
        curMethod(bp);
        return b.toString();
    }

    /**
     * The rest of a phase with both forms: the vector form once {@code field} (a {@code FormChoice}) has settled
     * on it, else the form it picks, timed. Closes the phase's method. With fewer instances than lanes (a soma-only
     * channel in a group of one cell), always the scalar form: the vector form would compute a whole lane group for
     * them, no faster than the scalar form, and C2 would spend up to a second of CPU compiling it for nothing.
     */
    private String chooseForm(String field, String vector, String scalar) {
        out.formChoices.add(field);
        return "    if (n < S.length()) {\n      " + scalar + ";\n      return;\n    }\n"
                + "    if (" + field + ".settled()) {\n      " + vector + ";\n      return;\n    }\n"
                + "    final boolean v = " + field + ".tryVector();\n"
                + "    final long t0 = System.nanoTime();\n"
                + "    if (v) " + vector + ";\n    else " + scalar + ";\n"
                + "    " + field + ".ran(v, System.nanoTime() - t0);\n  }\n";
    }

    /**
     * {@code currentScalar(c)}: per instance, the current at v + 0.001 and at v ({@code cur}), the slope, and the
     * node updates (a point process's currents scaled by 100 / area).
     */
    private void currentScalar(StringBuilder b, List<String> ionCurs) {
        b.append("  private void currentScalar(final MechContext c) {\n    final double[] rhs = c.rhs, d = c.d;\n");
        b.append(
                "    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n      final double vv = nodeV[nd];\n");
        ionReads(b);
        String scale = sym.isPointProcess() ? "(100.0 / area[nd])" : "1.0";
        b.append("      final double sc = ").append(scale).append(";\n");
        b.append("      double g = cur(i, vv + 0.001);\n");
        for (String c : ionCurs)
            b.append("      final double d_")
                    .append(c)
                    .append(" = ")
                    .append(Exprs.field(c))
                    .append("[i];\n");
        b.append("      final double ri = cur(i, vv);\n      g = (g - ri) / 0.001;\n");
        nodeUpdates(b, ionCurs, c -> "d_" + c, "ri", "g");
    }

    /**
     * The end of the current phase's loop over instances: each written ion current and its slope (from the value
     * at v + 0.001, {@code shifted}), the membrane current and conductance into the node's rhs and d. Closes the
     * loop and the method.
     */
    private void nodeUpdates(
            StringBuilder b,
            List<String> ionCurs,
            java.util.function.Function<String, String> shifted,
            String current,
            String slope) {
        for (String c : ionCurs) {
            int ion = sym.ionVars.get(c).ion();
            String f = Exprs.field(c);
            b.append("      ionDcur[")
                    .append(ion)
                    .append("][nd] += (")
                    .append(shifted.apply(c))
                    .append(" - ")
                    .append(f)
                    .append("[i]) / 0.001 * sc;\n");
            b.append("      ionCur[").append(ion).append("][nd] += ").append(f).append("[i] * sc;\n");
        }
        b.append("      rhs[nd] -= ")
                .append(current)
                .append(" * sc;\n      d[nd] += ")
                .append(slope)
                .append(" * sc;\n    }\n  }\n");
    }

    /** The scalar state phase: per instance, reads, the solves, concentration writes. Closes the method. */
    private void scalarStateLoop(StringBuilder b, List<String> calls) {
        b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n")
                .append(readV("      "));
        ionReads(b);
        for (String call : calls) b.append("      ").append(call).append(";\n");
        concentrationWrites(b);
        b.append("    }\n  }\n");
    }

    /** The current function: BREAKPOINT without SOLVE, returns the total membrane current. */
    private void curMethod(List<Stmt> bp) {
        out.inNewMethod(() -> {
            out.line(1, "private double cur(final int i, final double vv) {");
            out.line(2, "sv[i] = vv;");
            statements.statements(bp, 2);
            StringBuilder ret = new StringBuilder("return 0.0");
            for (String c : sym.currents) {
                ret.append(mod.electrodeCurrent.contains(c) ? " - " : " + ")
                        .append(Exprs.field(c))
                        .append("[i]");
            }
            out.line(2, ret + ";");
            out.line(1, "}");
        });
    }

    /**
     * The current phase with the vector form ({@link VectorCnexp#printCurrent}) for a density mechanism: reads per
     * instance, {@code vcur} W instances at a time (the last group on the rows' spare entries), then the node
     * updates per instance with the scalar form's operations. False (nothing appended) when it does not apply.
     */
    private boolean vectorCurrent(StringBuilder b, List<Stmt> bp, List<String> ionCurs) {
        if (model.vectorSpecies == null || sym.isPointProcess() || mod.artificialCell) return false;
        List<Map.Entry<String, String>> currents = new ArrayList<>();
        for (String c : sym.currents) currents.add(Map.entry(c, mod.electrodeCurrent.contains(c) ? "-" : "+"));
        boolean[] printed = {false};
        out.inNewMethod(() -> printed[0] = VectorCnexp.printCurrent(out, bp, currents, ionCurs));
        if (!printed[0]) return false;
        out.vectorCurrent = true;
        out.vectorCurrentIons.addAll(ionCurs);
        b.append(chooseForm("currentForm", "currentVector(c)", "currentScalar(c)"));
        b.append("  private void currentVector(final MechContext c) {\n    final double[] rhs = c.rhs, d = c.d;\n");
        b.append("    if (cV == null) {\n      cV = new double[sv.length];\n      cRi = new double[sv.length];\n")
                .append("      cG = new double[sv.length];\n");
        for (String c : ionCurs) b.append("      cD_").append(c).append(" = new double[sv.length];\n");
        b.append("    }\n");
        b.append("    if (sv.length % S.length() != 0) {\n      currentScalar(c);\n      return;\n    }\n");
        b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n      cV[i] = nodeV[nd];\n");
        ionReads(b);
        b.append("    }\n");
        b.append("    for (int i0 = 0; i0 < n; i0 += S.length()) vcur(i0);\n");
        b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n      final double sc = 1.0;\n");
        nodeUpdates(b, ionCurs, c -> "cD_" + c + "[i]", "cRi[i]", "cG[i]");
        // the scalar form: while the vector one is not compiled, and for a species wider than the rows' spare entries
        currentScalar(b, ionCurs);
        curMethod(bp);
        return true;
    }

    private String phaseState() {
        StringBuilder b = new StringBuilder();
        b.append("  @Override public void state(final MechContext c) {\n");
        List<Solve> solves = new ArrayList<>();
        if (mod.breakpoint != null) for (Stmt s : mod.breakpoint) if (s instanceof Solve sv) solves.add(sv);
        if (solves.isEmpty()) {
            b.append("  }\n");
            return b.toString();
        }
        // the calls print the solvers (and tell whether a KINETIC one got a vector form)
        List<String> calls = new ArrayList<>();
        for (Solve s : solves) calls.add(solvers.call(s, "dt"));
        b.append("    enter(c);\n");
        String vblock = solves.size() == 1 ? vectorSolve(solves.get(0)) : null;
        if (vblock != null) {
            // both forms give the same bits: the scalar one runs while C2 has not compiled the vector one yet
            b.append(chooseForm("stateForm", "stateVector()", "stateScalar(c)"));
            b.append("  private void stateScalar(final MechContext c) {\n");
            scalarStateLoop(b, calls);
            // reads, the solves W instances at a time (scalar for the rest), writes: a density mechanism has one
            // instance per node, so no instance reads what another writes
            b.append("  private void stateVector() {\n");
            b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n")
                    .append(readV("      "));
            ionReads(b);
            b.append("    }\n");
            b.append("    final int nv = n - n % S.length();\n");
            b.append("    for (int i0 = 0; i0 < nv; i0 += S.length()) vstep_")
                    .append(vblock)
                    .append("(i0, dt);\n");
            if (out.vectorTails.contains(vblock)) {
                // the rows' spare entries take the lanes past n (a species wider than them: scalar form)
                b.append("    if (nv < n && nv + S.length() <= sv.length) vstep_")
                        .append(vblock)
                        .append("(nv, dt);\n");
                b.append("    else for (int i = nv; i < n; i++) ")
                        .append(calls.get(0))
                        .append(";\n");
            } else {
                b.append("    for (int i = nv; i < n; i++) ")
                        .append(calls.get(0))
                        .append(";\n");
            }
            StringBuilder writes = new StringBuilder();
            concentrationWrites(writes);
            if (writes.length() > 0) {
                b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n")
                        .append(writes)
                        .append("    }\n");
            }
            b.append("  }\n");
            return b.toString();
        }
        scalarStateLoop(b, calls);
        return b.toString();
    }

    /**
     * The KINETIC block of a SOLVE whose vector form is used in the state phase: a density mechanism's sparse
     * solve (a point process may have several instances on one node), else null.
     */
    private String vectorSolve(Solve s) {
        if (mod.pointProcess != null || mod.artificialCell || s.steadyState()) return null;
        org.bsb.neuron.nmodl.model.SolvedBlock b = model.solved.get(Model.solveKey(s));
        if (b == null) return null;
        String name = b.block().name();
        return out.vectorised.contains(name) ? name : null;
    }

    /** NET_RECEIVE, and its INITIAL block as {@code netInit} (run before a connection's first event). */
    private void netReceive() {
        Callable nr = mod.netReceive;
        List<Stmt> body = new ArrayList<>();
        List<Stmt> initial = new ArrayList<>();
        for (Stmt s : nr.body()) {
            if (s instanceof NetInitial ni) initial.addAll(ni.body());
            else body.add(s);
        }
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1 && initial.isEmpty()) break;
            final boolean receive = pass == 0;
            out.inNewMethod(() -> {
                for (int k = 0; k < nr.params().size(); k++)
                    out.declare(nr.params().get(k), "a[off + " + k + "]", "a");
                out.declare("flag", "flag");
                out.argsVector = "a, off";
                if (receive) {
                    out.line(
                            1,
                            "@Override public void netReceive(final MechContext c, final int i, double[] a, int off, final double flag) {");
                    out.line(2, "enter(c);");
                    out.line(2, "if (a == null) {");
                    out.line(3, "final Object[] p = takePending(i, c.t, flag);");
                    out.line(3, "if (p != null) { a = (double[]) p[3]; off = (Integer) p[4]; }");
                    out.close(2, "} else {");
                    out.line(3, "connectionInit(i, a, off);");
                    out.close(2, "}");
                    out.line(
                            2,
                            "if (a == null) { a = new double["
                                    + Math.max(1, nr.params().size()) + "]; off = 0; }");
                } else {
                    out.line(1, "@Override protected void netInit(final int i, final double[] a, final int off) {");
                    out.line(2, "final double flag = 0.0;");
                }
                if (!mod.artificialCell) out.line(2, "if (node[i] >= 0) sv[i] = nodeV[node[i]];");
                statements.statements(receive ? body : initial, 2);
                out.line(1, "}");
            });
        }
    }

    /** A FUNCTION or PROCEDURE as a private method (behind a TABLE wrapper when it has a TABLE). */
    private void userCallable(Callable c) {
        boolean fn = c.kind() == BlockKind.FUNCTION;
        Table table = null;
        for (Stmt st : c.body()) if (st instanceof Table t) table = t;
        if (table != null && c.params().size() != 1)
            throw out.err(c.pos(), "TABLE needs a FUNCTION or PROCEDURE of one argument");
        String exact = table == null ? (fn ? "f_" : "p_") + c.name() : "x" + (fn ? "f_" : "p_") + c.name();
        out.inNewMethod(() -> {
            StringBuilder sig = new StringBuilder("private ")
                    .append(fn ? "double " : "void ")
                    .append(exact)
                    .append("(final int i");
            for (String p : c.params()) {
                sig.append(", double a_").append(p);
                out.declare(p, "a_" + p);
            }
            sig.append(") {");
            out.line(1, sig.toString());
            // a FUNCTION or PROCEDURE that can call itself counts its nesting, so that a runaway recursion stops with
            // a message naming it instead of a StackOverflowError (only these: the others' code stays as it was)
            int recursive = sym.recursive.indexOf(c.name());
            if (recursive >= 0)
                out.line(2, "if (++recursion > MAX_RECURSION) throw recursedTooDeep(" + recursive + ");");
            out.returnVar = fn ? "r_" + c.name() : null;
            if (fn) {
                out.declare(c.name(), out.returnVar);
                out.line(2, "double " + out.returnVar + " = 0.0;");
            }
            statements.statements(c.body(), 2);
            if (recursive >= 0) out.line(2, "recursion--;");
            if (fn) out.line(2, "return " + out.returnVar + ";");
            out.line(1, "}");
        });
        if (table != null) tables.wrapper(c, table, exact, fn);
    }
}
