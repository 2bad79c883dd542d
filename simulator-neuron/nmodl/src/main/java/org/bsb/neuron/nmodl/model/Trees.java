package org.bsb.neuron.nmodl.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.sema.Symbols;
import org.bsb.neuron.nmodl.solve.Symbolic;

/** Questions about syntax trees that several passes and the printer ask. */
public final class Trees {
    private Trees() {}

    /** Whether a statement (at any depth of IF, WHILE and FROM bodies) satisfies {@code p}. */
    public static boolean anyStatement(List<Stmt> body, Predicate<Stmt> p) {
        for (Stmt s : body) {
            if (p.test(s)) return true;
            if (s instanceof If f && (anyStatement(f.then(), p) || anyStatement(f.otherwise(), p))) return true;
            if (s instanceof While w && anyStatement(w.body(), p)) return true;
            if (s instanceof From f && anyStatement(f.body(), p)) return true;
        }
        return false;
    }

    /** The expressions a statement holds directly (not those of nested statements). */
    public static List<Expr> expressions(Stmt s) {
        List<Expr> es = new ArrayList<>();
        if (s instanceof Assign a) {
            es.add(a.target());
            es.add(a.value());
        } else if (s instanceof ExprStmt x) es.add(x.expr());
        else if (s instanceof DiffEq d) es.add(d.rhs());
        else if (s instanceof If f) es.add(f.cond());
        else if (s instanceof While w) es.add(w.cond());
        else if (s instanceof From f) {
            es.add(f.from());
            es.add(f.to());
            es.add(f.by());
        } else if (s instanceof Reaction r) {
            es.add(r.forward());
            es.add(r.backward());
        } else if (s instanceof Conserve c) es.add(c.total());
        else if (s instanceof Compartment c) es.add(c.volume());
        else if (s instanceof LinEq l) {
            es.add(l.lhs());
            es.add(l.rhs());
        } else if (s instanceof Printf pr) es.addAll(pr.args());
        else if (s instanceof Let l) es.add(l.value());
        else if (s instanceof SysAssign a) es.add(a.value());
        else if (s instanceof CnexpStep c) {
            es.add(c.a());
            es.add(c.b());
        }
        es.removeIf(e -> e == null);
        return es;
    }

    /** The statement lists nested in a statement. */
    public static List<List<Stmt>> bodies(Stmt s) {
        if (s instanceof If f) return List.of(f.then(), f.otherwise());
        if (s instanceof While w) return List.of(w.body());
        if (s instanceof From f) return List.of(f.body());
        return List.of();
    }

    /** Whether any expression of the statements (at any depth, sub-expressions included) satisfies p. */
    public static boolean anyExpression(List<Stmt> body, Predicate<Expr> p) {
        for (Stmt s : body) {
            for (Expr e : expressions(s)) if (anySubexpression(e, p)) return true;
            for (List<Stmt> n : bodies(s)) if (anyExpression(n, p)) return true;
        }
        return false;
    }

    public static boolean anySubexpression(Expr e, Predicate<Expr> p) {
        if (p.test(e)) return true;
        if (e instanceof Var v) return v.index() != null && anySubexpression(v.index(), p);
        if (e instanceof Unary u) return anySubexpression(u.operand(), p);
        if (e instanceof Binary b) return anySubexpression(b.left(), p) || anySubexpression(b.right(), p);
        if (e instanceof Call c) {
            for (Expr a : c.args()) if (anySubexpression(a, p)) return true;
        }
        return false;
    }

    /**
     * The statements with each one not nesting others replaced by what {@code f} returns for it, in order;
     * IF, WHILE and FROM keep their place with their bodies rewritten the same way.
     */
    public static List<Stmt> rewrite(List<Stmt> body, java.util.function.Function<Stmt, List<Stmt>> f) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : body) {
            if (s instanceof If i) out.add(new If(i.cond(), rewrite(i.then(), f), rewrite(i.otherwise(), f)));
            else if (s instanceof While w) out.add(new While(w.cond(), rewrite(w.body(), f)));
            else if (s instanceof From r)
                out.add(new From(r.var(), r.from(), r.to(), r.by(), rewrite(r.body(), f), r.pos()));
            else out.addAll(f.apply(s));
        }
        return out;
    }

    /** Every SOLVE statement of the file, in the order the printer meets them. */
    public static List<Solve> solves(ModFile mod) {
        List<Solve> out = new ArrayList<>();
        java.util.function.Consumer<List<Stmt>> scan = body -> anyStatement(body, s -> {
            if (s instanceof Solve sv) out.add(sv);
            return false;
        });
        for (Callable c : mod.callables.values()) if (c.kind().callable()) scan.accept(c.body());
        if (mod.initial != null) scan.accept(mod.initial);
        if (mod.breakpoint != null) scan.accept(mod.breakpoint);
        if (mod.netReceive != null) {
            for (Stmt s : mod.netReceive.body()) {
                if (s instanceof NetInitial ni) scan.accept(ni.body());
                else scan.accept(List.of(s));
            }
        }
        return out;
    }

    /** Whether {@code e} calls the file's own blocks or an event function (which may change any variable). */
    public static boolean callsFileCode(ModFile mod, Expr e) {
        return anySubexpression(
                e,
                x -> x instanceof Call c
                        && (mod.callables.containsKey(c.name()) || c.name().startsWith("net_")));
    }

    /** The STATEs a solved block works on, in declaration order. */
    public static List<String> statesIn(Symbols sym, Callable blk) {
        Set<String> found = new LinkedHashSet<>();
        collectStates(sym, blk.body(), found);
        List<String> ordered = new ArrayList<>();
        for (String s : sym.stateNames) if (found.contains(s)) ordered.add(s);
        return ordered;
    }

    private static void collectStates(Symbols sym, List<Stmt> body, Set<String> found) {
        for (Stmt s : body) {
            if (s instanceof DiffEq d) found.add(d.state());
            else if (s instanceof Reaction r) {
                for (Term t : r.lhs()) found.add(t.state());
                for (Term t : r.rhs()) found.add(t.state());
            } else if (s instanceof Conserve c) {
                for (Term t : c.terms()) found.add(t.state());
            } else if (s instanceof LinEq l) {
                for (String st : sym.stateNames)
                    if (Symbolic.dependsOn(l.lhs(), st) || Symbolic.dependsOn(l.rhs(), st)) found.add(st);
            } else if (s instanceof If f) {
                collectStates(sym, f.then(), found);
                collectStates(sym, f.otherwise(), found);
            }
        }
    }

    /** True if every x' right-hand side is linear in the states (its Jacobian does not depend on them). */
    public static boolean linearIn(List<Stmt> body, Set<String> states) {
        for (Stmt st : body) {
            if (st instanceof DiffEq d) {
                for (String x : states) {
                    try {
                        if (Symbolic.dependsOnAny(Symbolic.d(d.rhs(), x), states)) return false;
                    } catch (Symbolic.NotDifferentiable e) {
                        return false;
                    }
                }
            } else if (st instanceof If f) {
                if (!linearIn(f.then(), states) || !linearIn(f.otherwise(), states)) return false;
            } else if (st instanceof While || st instanceof From) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a solved block must run once more with the final states, as scopmath's solvers do: it assigns
     * a variable (at any depth), or it calls a FUNCTION or PROCEDURE of the file that reads one of its states
     * (code that reads none would compute the same values again).
     */
    public static boolean needsFinalEvaluation(ModFile mod, List<Stmt> body, List<String> states) {
        Set<String> st = new HashSet<>(states);
        Set<String> visited = new HashSet<>();
        return anyStatement(body, s -> s instanceof Assign)
                || anyExpression(body, e -> e instanceof Call c && callReadsStates(mod, c.name(), st, visited));
    }

    private static boolean callReadsStates(ModFile mod, String name, Set<String> states, Set<String> visited) {
        Callable c = mod.callables.get(name);
        if (c == null || !visited.add(name)) return false;
        return anyExpression(
                c.body(),
                e -> (e instanceof Var v && states.contains(v.name()))
                        || (e instanceof Call k && callReadsStates(mod, k.name(), states, visited)));
    }
}
