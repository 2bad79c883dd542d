package org.bsb.neuron.nmodl.print;

import java.util.List;
import java.util.Map;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.model.KineticSystem;

/** Prints statements, the file's own and those the passes made (a solver's rows, cnexp's steps, rates). */
final class Statements {
    private final Emitter out;
    private final Exprs ex;
    private final Solvers solvers;
    /**
     * The KINETIC system whose block is printed for its values only (scopmath's final evaluation): rates and
     * assignments, without the system's rows and CONSERVE totals. Null otherwise.
     */
    KineticSystem valuesOnly;

    Statements(Emitter out, Exprs ex, Solvers solvers) {
        this.out = out;
        this.ex = ex;
        this.solvers = solvers;
    }

    void statements(List<Stmt> list, int indent) {
        for (Stmt s : list) statement(s, indent);
    }

    /** Statements in a scope of their own (LOCALs end with them). */
    void block(List<Stmt> list, int indent) {
        out.pushScope();
        statements(list, indent);
        out.popScope();
    }

    private void statement(Stmt s, int ind) {
        if (s instanceof Assign a) {
            Exprs.Target target = ex.lvalue(a.target());
            out.assign(
                    ind,
                    target.java() + " = " + ex.withCse(a.value(), ind, () -> ex.num(a.value())) + ";",
                    target.variable());
        } else if (s instanceof Local l) {
            for (String n : l.names()) {
                String j = out.freshLocal(n);
                out.declare(n, j);
                out.line(ind, "double " + j + " = 0.0;");
            }
        } else if (s instanceof ExprStmt es) {
            if (es.expr() instanceof Call c) out.line(ind, ex.withCse(es.expr(), ind, () -> ex.callStmt(c)) + ";");
            else out.line(ind, ex.withCse(es.expr(), ind, () -> ex.num(es.expr())) + ";");
        } else if (s instanceof If f) {
            out.line(ind, "if (" + ex.withCse(f.cond(), ind, () -> ex.bool(f.cond())) + ") {");
            // each branch sees what was known before the IF; after it, nothing (the branches' locals end there)
            Map<String, ?> before = out.pure.snapshot();
            block(f.then(), ind + 1);
            if (!f.otherwise().isEmpty()) {
                out.close(ind, "} else {");
                out.pure.restore(before);
                block(f.otherwise(), ind + 1);
            }
            out.close(ind, "}");
        } else if (s instanceof While w) {
            out.pure.clear(); // the body may change what the condition and the body read: no value crosses iterations
            out.line(ind, "while (" + ex.bool(w.cond()) + ") {");
            block(w.body(), ind + 1);
            out.close(ind, "}");
        } else if (s instanceof From f) {
            from(f, ind);
        } else if (s instanceof Solve sv) {
            String call = solvers.call(sv, "dt");
            out.userCall = true; // a solver changes the block's states (and runs its code): no value survives it
            out.line(ind, call + ";");
        } else if (s instanceof Table) {
            // the exact function runs inside the TABLE wrapper (TablePrinter)
        } else if (s instanceof Printf p) {
            for (Expr e : p.args()) {
                if (e instanceof Call c) out.line(ind, ex.callStmt(c) + ";");
            }
        } else if (s instanceof Let l) {
            if (valuesOnly == null || !valuesOnly.isConserveTotal(l.name())) {
                out.line(ind, "final double " + l.name() + " = " + ex.num(l.value()) + ";");
            }
        } else if (s instanceof SysAssign a) {
            if (valuesOnly == null)
                out.line(ind, out.system.name(a.target()) + " " + a.op().symbol + " " + ex.num(a.value()) + ";");
        } else if (s instanceof CnexpStep c) {
            cnexp(c, ind);
        } else if (s instanceof DiffEq de) {
            throw out.err(de.pos(), "derivative " + de.state() + "' outside a DERIVATIVE block");
        } else if (s instanceof Reaction r) {
            throw out.err(r.pos(), "reaction outside a KINETIC block");
        } else if (s instanceof Conserve || s instanceof Compartment) {
            // CONSERVE and COMPARTMENT in a DERIVATIVE block are ignored by nocmodl's cnexp / derivimplicit
        } else if (s instanceof LinEq le) {
            throw out.err(le.pos(), "'~' equation outside a LINEAR block");
        } else if (s instanceof NetInitial) {
            throw out.err(null, "INITIAL inside NET_RECEIVE must be at its top level");
        } else {
            throw new IllegalStateException(String.valueOf(s));
        }
    }

    private void from(From f, int ind) {
        String lim = out.freshTmp("lim");
        String by = out.freshTmp("by");
        out.line(ind, "{");
        out.pushScope();
        if (out.lookup(f.var()) == null && !out.sym.fields.containsKey(f.var())) {
            // nocmodl accepts an undeclared loop index: it becomes a local of the loop
            String j = out.freshLocal(f.var());
            out.declare(f.var(), j);
            out.line(ind + 1, "double " + j + ";");
        }
        String var = ex.lvalue(new Var(f.var(), null, f.pos())).java();
        out.line(ind + 1, "final double " + lim + " = " + ex.num(f.to()) + ", " + by + " = " + ex.num(f.by()) + ";");
        out.line(
                ind + 1,
                "for (" + var + " = " + ex.num(f.from()) + "; " + var + " <= " + lim + "; " + var + " += " + by
                        + ") {");
        out.pure.clear();
        block(f.body(), ind + 2);
        out.close(ind + 1, "}");
        out.close(ind, "}");
        out.popScope();
    }

    /** cnexp's update of one state: x += (1 - exp(h a)) (-b/a - x), or x += h b where x' does not depend on x. */
    private void cnexp(CnexpStep c, int ind) {
        String x = ex.fieldRef(new Var(c.state(), null, c.pos()));
        String field = Exprs.field(c.state());
        if (c.a() == null) {
            out.assign(ind, x + " = " + x + " + h * " + ex.num(c.b()) + ";", field);
            return;
        }
        String ta = out.freshTmp("a");
        out.line(ind, "final double " + ta + " = " + ex.num(c.a()) + ";");
        out.assign(
                ind,
                x + " = " + x + " + (1.0 - hexp(h * " + ta + ")) * (-(" + ex.num(c.b()) + ") / " + ta + " - " + x
                        + ");",
                field);
    }
}
