package org.bsb.neuron.nmodl.ast;

import java.util.List;
import org.bsb.neuron.nmodl.ast.Ast.*;

/**
 * The tree as NMODL-like text, for the dumps between passes ({@code BSB_NMODL_DUMP}) and for tests:
 * expressions fully parenthesised, lowered forms written {@code let k0_kf = ...}, {@code G[1] += ...},
 * {@code J[4] -= ...}, {@code V[0] = ...}, {@code cnexp m: a = ..., b = ...}.
 */
public final class AstDump {
    private AstDump() {}

    public static String expr(Expr e) {
        if (e == null) return "null";
        if (e instanceof Num n)
            return n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                    ? String.valueOf((long) n.value())
                    : String.valueOf(n.value());
        if (e instanceof Var v) return v.index() == null ? v.name() : v.name() + "[" + expr(v.index()) + "]";
        if (e instanceof Ref r) return r.name();
        if (e instanceof SysVar s) return sysVar(s);
        if (e instanceof Unary u) return "(" + u.op().symbol + expr(u.operand()) + ")";
        if (e instanceof Binary b) return "(" + expr(b.left()) + " " + b.op().symbol + " " + expr(b.right()) + ")";
        if (e instanceof Call c) {
            StringBuilder sb = new StringBuilder(c.name()).append('(');
            for (int k = 0; k < c.args().size(); k++)
                sb.append(k == 0 ? "" : ", ").append(expr(c.args().get(k)));
            return sb.append(')').toString();
        }
        throw new IllegalStateException(String.valueOf(e));
    }

    private static String sysVar(SysVar s) {
        return switch (s.kind()) {
                    case RESIDUAL -> "G";
                    case JACOBIAN -> "J";
                    case VOLUME -> "V";
                    case DERIVATIVE -> "D";
                    case DERIVATIVE_JACOBIAN -> "DJ";
                }
                + "[" + s.index() + "]";
    }

    public static String terms(List<Term> ts) {
        StringBuilder sb = new StringBuilder();
        for (Term t : ts)
            sb.append(sb.length() == 0 ? "" : " + ")
                    .append(t.coefficient() == 1 ? "" : t.coefficient())
                    .append(t.state());
        return sb.toString();
    }

    public static String statements(List<Stmt> body, int indent) {
        StringBuilder sb = new StringBuilder();
        for (Stmt s : body) statement(sb, s, indent);
        return sb.toString();
    }

    private static void statement(StringBuilder sb, Stmt s, int ind) {
        String pad = "  ".repeat(ind);
        if (s instanceof If f) {
            sb.append(pad).append("if ").append(expr(f.cond())).append(" {\n").append(statements(f.then(), ind + 1));
            if (!f.otherwise().isEmpty())
                sb.append(pad).append("} else {\n").append(statements(f.otherwise(), ind + 1));
            sb.append(pad).append("}\n");
            return;
        }
        if (s instanceof While w) {
            sb.append(pad)
                    .append("while ")
                    .append(expr(w.cond()))
                    .append(" {\n")
                    .append(statements(w.body(), ind + 1))
                    .append(pad)
                    .append("}\n");
            return;
        }
        if (s instanceof From f) {
            sb.append(pad)
                    .append("FROM ")
                    .append(f.var())
                    .append(" = ")
                    .append(expr(f.from()))
                    .append(" TO ")
                    .append(expr(f.to()))
                    .append(" BY ")
                    .append(expr(f.by()))
                    .append(" {\n")
                    .append(statements(f.body(), ind + 1))
                    .append(pad)
                    .append("}\n");
            return;
        }
        if (s instanceof NetInitial ni) {
            sb.append(pad)
                    .append("INITIAL {\n")
                    .append(statements(ni.body(), ind + 1))
                    .append(pad)
                    .append("}\n");
            return;
        }
        sb.append(pad).append(line(s)).append('\n');
    }

    private static String line(Stmt s) {
        if (s instanceof Assign a) return expr(a.target()) + " = " + expr(a.value());
        if (s instanceof DiffEq d) return d.state() + "' = " + expr(d.rhs());
        if (s instanceof ExprStmt x) return expr(x.expr());
        if (s instanceof Local l) return "LOCAL " + String.join(", ", l.names());
        if (s instanceof Solve v)
            return "SOLVE " + v.block()
                    + (v.method() == null ? "" : (v.steadyState() ? " STEADYSTATE " : " METHOD ") + v.method());
        if (s instanceof Reaction r) {
            return "~ " + terms(r.lhs()) + " " + r.kind().symbol + " " + terms(r.rhs()) + " (" + expr(r.forward())
                    + (r.backward() == null ? "" : ", " + expr(r.backward())) + ")";
        }
        if (s instanceof Conserve c) return "CONSERVE " + terms(c.terms()) + " = " + expr(c.total());
        if (s instanceof Compartment c)
            return "COMPARTMENT " + expr(c.volume()) + " {" + String.join(" ", c.states()) + "}";
        if (s instanceof Table t)
            return "TABLE " + String.join(", ", t.names()) + " DEPEND " + String.join(", ", t.depend());
        if (s instanceof LinEq l) return "~ " + expr(l.lhs()) + " = " + expr(l.rhs());
        if (s instanceof Printf p)
            return "printf("
                    + p.args().stream()
                            .map(AstDump::expr)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("") + ")";
        if (s instanceof Let l) return "let " + l.name() + " = " + expr(l.value());
        if (s instanceof SysAssign a) return sysVar(a.target()) + " " + a.op().symbol + " " + expr(a.value());
        if (s instanceof CnexpStep c) return "cnexp " + c.state() + ": a = " + expr(c.a()) + ", b = " + expr(c.b());
        throw new IllegalStateException(String.valueOf(s));
    }

    /** A parsed file: its blocks with their statements. */
    public static String file(ModFile m) {
        StringBuilder sb = new StringBuilder();
        sb.append("NEURON ")
                .append(m.pointProcess != null ? "POINT_PROCESS " + m.pointProcess : "SUFFIX " + m.suffix)
                .append('\n');
        if (m.initial != null)
            sb.append("INITIAL {\n").append(statements(m.initial, 1)).append("}\n");
        if (m.breakpoint != null)
            sb.append("BREAKPOINT {\n").append(statements(m.breakpoint, 1)).append("}\n");
        for (Callable c : m.callables.values()) sb.append(callable(c));
        if (m.netReceive != null) sb.append(callable(m.netReceive));
        return sb.toString();
    }

    private static String callable(Callable c) {
        return c.kind() + " " + c.name() + (c.params().isEmpty() ? "" : "(" + String.join(", ", c.params()) + ")")
                + " {\n" + statements(c.body(), 1) + "}\n";
    }
}
