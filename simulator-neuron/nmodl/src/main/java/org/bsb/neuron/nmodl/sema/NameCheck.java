package org.bsb.neuron.nmodl.sema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.diag.NmodlException;

/**
 * Every name a file uses must be declared, in every block, also in blocks nothing calls or solves (the code
 * generator only sees the blocks it generates). nocmodl warns "x undefined. (declared within VERBATIM?)" and
 * writes C code that the C compiler then rejects, so for NEURON an undeclared name is an error at build time;
 * we report it at once with file, line and column. Declared are: PARAMETER, ASSIGNED, STATE, CONSTANT, UNITS
 * and DEFINE names, top-level LOCALs, NEURON's {@code v t dt celsius diam area} and our built-in constants
 * {@code PI FARADAY R}; in a block its LOCALs (from the statement on, within the braces), the formal parameters
 * (and in a FUNCTION its own name, the return value); in NET_RECEIVE also {@code flag}; in KINETIC blocks
 * {@code f_flux} and {@code b_flux}; the index of a {@code FROM i = ...} loop, which nocmodl declares itself
 * (a local of the loop); and {@code <state>0}, the initial value nocmodl declares for every STATE (read as 0).
 */
final class NameCheck {
    /** Functions the code generator provides (besides the file's own FUNCTIONs and PROCEDUREs). */
    static final Set<String> BUILTIN_FUNCTIONS = Set.of(
            "exp",
            "log",
            "log10",
            "sin",
            "cos",
            "tan",
            "sqrt",
            "floor",
            "ceil",
            "tanh",
            "sinh",
            "cosh",
            "atan",
            "asin",
            "acos",
            "fabs",
            "pow",
            "atan2",
            "fmod",
            "fmin",
            "min",
            "fmax",
            "max",
            "exprelr",
            "net_send",
            "net_event");

    private final Symbols sym;
    private final ModFile mod;
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private boolean kinetic;
    /** The FUNCTIONs and PROCEDUREs each FUNCTION or PROCEDURE calls. */
    final java.util.Map<String, Set<String>> calls = new java.util.LinkedHashMap<>();

    private Set<String> callsOfCurrent = new HashSet<>();

    NameCheck(Symbols sym) {
        this.sym = sym;
        this.mod = sym.mod;
    }

    void run() {
        if (mod.initial != null) block(List.of(), mod.initial, false);
        if (mod.breakpoint != null) block(List.of(), mod.breakpoint, false);
        for (Callable c : mod.callables.values()) {
            List<String> names = c.kind() == BlockKind.FUNCTION
                    ? java.util.stream.Stream.concat(c.params().stream(), java.util.stream.Stream.of(c.name()))
                            .toList()
                    : c.params();
            callsOfCurrent = new java.util.LinkedHashSet<>();
            block(names, c.body(), c.kind() == BlockKind.KINETIC);
            if (c.kind() == BlockKind.FUNCTION || c.kind() == BlockKind.PROCEDURE) calls.put(c.name(), callsOfCurrent);
        }
        callsOfCurrent = new HashSet<>();
        if (mod.netReceive != null) {
            List<String> names = new java.util.ArrayList<>(mod.netReceive.params());
            names.add("flag");
            block(names, mod.netReceive.body(), false);
        }
    }

    private void block(List<String> declared, List<Stmt> body, boolean kineticBlock) {
        scopes.clear();
        scopes.push(new HashSet<>(declared));
        kinetic = kineticBlock;
        statements(body);
    }

    private NmodlException err(Pos p, String m) {
        return p == null ? new NmodlException(mod.file, m) : new NmodlException(mod.file, p.line(), p.column(), m);
    }

    private boolean local(String n) {
        for (Set<String> s : scopes) if (s.contains(n)) return true;
        return false;
    }

    private void nested(List<Stmt> body) {
        scopes.push(new HashSet<>());
        statements(body);
        scopes.pop();
    }

    private void statements(List<Stmt> list) {
        for (Stmt s : list) statement(s);
    }

    private void statement(Stmt s) {
        if (s instanceof Assign a) {
            assigned(a.target());
            if (a.target().index() != null) expr(a.target().index());
            expr(a.value());
        } else if (s instanceof DiffEq d) {
            if (!sym.stateNames.contains(d.state())) {
                throw err(
                        d.pos(), "'" + d.state() + "' is not a STATE: " + d.state() + "' = ... needs a STATE variable");
            }
            expr(d.rhs());
        } else if (s instanceof ExprStmt e) {
            expr(e.expr());
        } else if (s instanceof Local l) {
            scopes.peek().addAll(l.names());
        } else if (s instanceof If f) {
            expr(f.cond());
            nested(f.then());
            nested(f.otherwise());
        } else if (s instanceof While w) {
            expr(w.cond());
            nested(w.body());
        } else if (s instanceof From f) {
            scopes.push(new HashSet<>());
            if (!local(f.var()) && !sym.fields.containsKey(f.var()))
                scopes.peek().add(f.var()); // nocmodl's loop index
            else assigned(new Var(f.var(), null, f.pos()));
            expr(f.from());
            expr(f.to());
            expr(f.by());
            nested(f.body());
            scopes.pop();
        } else if (s instanceof Solve sv) {
            if (!mod.callables.containsKey(sv.block()))
                throw err(sv.pos(), "SOLVE of unknown block '" + sv.block() + "'");
        } else if (s instanceof Reaction r) {
            terms(r.lhs());
            terms(r.rhs());
            expr(r.forward());
            if (r.backward() != null) expr(r.backward());
        } else if (s instanceof Conserve c) {
            terms(c.terms());
            expr(c.total());
        } else if (s instanceof Compartment c) {
            expr(c.volume());
            for (String n : c.states()) {
                if (!sym.stateNames.contains(n))
                    throw err(c.pos(), "COMPARTMENT names '" + n + "', which is not a STATE");
            }
        } else if (s instanceof Table t) {
            for (String n : t.depend()) read(new Var(n, null, t.pos()));
            expr(t.from());
            expr(t.to());
            expr(t.with());
        } else if (s instanceof NetInitial ni) {
            nested(ni.body());
        } else if (s instanceof LinEq l) {
            expr(l.lhs());
            expr(l.rhs());
        } else if (s instanceof Printf p) {
            for (Expr e : p.args()) expr(e);
        }
    }

    private void terms(List<Term> terms) {
        for (Term t : terms) {
            if (!sym.stateNames.contains(t.state())) throw err(t.pos(), "'" + t.state() + "' is not a STATE");
        }
    }

    private void expr(Expr e) {
        if (e instanceof Var v) {
            read(v);
            if (v.index() != null) expr(v.index());
        } else if (e instanceof Call c) {
            call(c);
            for (Expr a : c.args()) expr(a);
        } else if (e instanceof Unary u) {
            expr(u.operand());
        } else if (e instanceof Binary b) {
            expr(b.left());
            expr(b.right());
        }
    }

    private void call(Call c) {
        Callable target = mod.callables.get(c.name());
        if (target != null) {
            if (target.kind().callable() && target.params().size() != c.args().size()) {
                throw err(
                        c.pos(),
                        c.name() + " takes " + target.params().size() + " arguments, not "
                                + c.args().size());
            }
            callsOfCurrent.add(c.name());
            return;
        }
        if (!BUILTIN_FUNCTIONS.contains(c.name())) throw err(c.pos(), "unknown function '" + c.name() + "'");
    }

    private void read(Var v) {
        String n = v.name();
        if (local(n) || Symbols.SPECIAL.contains(n) || sym.fields.containsKey(n) || sym.constants.containsKey(n))
            return;
        if (kinetic && (n.equals("f_flux") || n.equals("b_flux"))) return;
        if (sym.isInitialValue(n)) return;
        throw err(v.pos(), notAVariable(n).orElse("undeclared variable '" + n + "'"));
    }

    private void assigned(Var v) {
        String n = v.name();
        if (local(n)) return;
        if (Symbols.SPECIAL.contains(n)) throw err(v.pos(), "cannot assign to '" + n + "', which NEURON provides");
        if (sym.fields.containsKey(n)) return;
        if (sym.constants.containsKey(n)) throw err(v.pos(), "cannot assign to constant '" + n + "'");
        throw err(v.pos(), notAVariable(n).orElse("assignment to undeclared variable '" + n + "'"));
    }

    /** nocmodl's "f used as both variable and function". */
    private java.util.Optional<String> notAVariable(String n) {
        Callable c = mod.callables.get(n);
        if (c == null) return java.util.Optional.empty();
        return java.util.Optional.of("'" + n + "' is a " + c.kind() + ", not a variable"
                + (c.kind() == BlockKind.FUNCTION ? " (call it as " + n + "(...))" : ""));
    }
}
