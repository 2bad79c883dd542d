package org.bsb.neuron.nmodl.print;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bsb.neuron.nmodl.ast.Ast.ModFile;
import org.bsb.neuron.nmodl.ast.Ast.Pos;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * Where the printers write: the method being generated (its lines, scopes and names), the finished
 * auxiliary methods, and the bookkeeping of {@link PureCalls} that each line drives (a line tells what it
 * assigns; a method boundary, the end of a block or a call of the file's own code ends what is known).
 */
final class Emitter {
    /** An NMODL name in scope: its Java expression and the Java variable that expression reads or assigns. */
    record Binding(String java, String variable) {}

    final Symbols sym;
    final ModFile mod;
    /** The lanes of the vector forms' species (0 without vector forms). */
    final int lanes;

    final PureCalls pure = new PureCalls();
    StringBuilder methods = new StringBuilder();
    /** Complete auxiliary methods (functions, solvers), appended after the phases. */
    final StringBuilder aux = new StringBuilder();

    Deque<Map<String, Binding>> scopes = new ArrayDeque<>();
    private int tmp;
    /** The Java expression of the NET_RECEIVE argument vector, or "null, 0" outside NET_RECEIVE. */
    String argsVector = "null, 0";

    String returnVar;
    /** How the solver system being printed names its parts (null outside solver methods). */
    SystemNames system;
    /** Set when an expression printed a call of the file's FUNCTIONs or PROCEDUREs, which may assign anything. */
    boolean userCall;
    /** The SOLVE blocks that got a vector form ({@code vstep_<block>}: KINETIC, cnexp DERIVATIVE). */
    final java.util.Set<String> vectorised = new java.util.HashSet<>();
    /** Of those, the ones whose last partial group runs in vector form too, on the rows' spare entries. */
    final java.util.Set<String> vectorTails = new java.util.HashSet<>();
    /** The phases' {@code FormChoice} fields (phases with a vector and a scalar form). */
    final List<String> formChoices = new java.util.ArrayList<>();
    /** Whether the current phase has the vector form ({@code vcur}), and the ion currents it keeps. */
    boolean vectorCurrent;

    final List<String> vectorCurrentIons = new java.util.ArrayList<>();
    /** Scratch array length the solvers need. */
    int scratch = 1;

    Emitter(Symbols sym, int lanes) {
        this.sym = sym;
        this.lanes = lanes;
        this.mod = sym.mod;
        scopes.push(new HashMap<>());
    }

    NmodlException err(Pos p, String m) {
        return p == null ? new NmodlException(mod.file, m) : new NmodlException(mod.file, p.line(), p.column(), m);
    }

    String freshTmp(String base) {
        return "t" + (tmp++) + "_" + base;
    }

    /** A fresh name for a LOCAL of the file (l<n>_<name>). */
    String freshLocal(String name) {
        return "l" + (tmp++) + "_" + name;
    }

    Binding lookup(String name) {
        for (Map<String, Binding> s : scopes) {
            Binding b = s.get(name);
            if (b != null) return b;
        }
        return null;
    }

    void declare(String name, String java) {
        declare(name, java, java);
    }

    void declare(String name, String java, String variable) {
        scopes.peek().put(name, new Binding(java, variable));
    }

    void pushScope() {
        scopes.push(new HashMap<>());
    }

    void popScope() {
        scopes.pop();
    }

    private void write(int indent, String s) {
        methods.append("  ".repeat(indent)).append(s).append('\n');
    }

    /** A line that assigns nothing an expression may have read. */
    void line(int indent, String s) {
        write(indent, s);
        if (indent <= 1 || userCall) pure.clear(); // a method boundary, or the file's code ran
        userCall = false;
    }

    /** A line that assigns the Java variable {@code variable}: values computed from it are forgotten. */
    void assign(int indent, String s, String variable) {
        write(indent, s);
        if (indent <= 1 || userCall) pure.clear();
        else pure.assigned(variable);
        userCall = false;
    }

    /** A line that ends a block ({@code }} or {@code } else {}): the block's locals end, and so does what they held. */
    void close(int indent, String s) {
        write(indent, s);
        pure.clear();
        userCall = false;
    }

    /** The definition of a common subexpression's local (does not end what is known). */
    void define(int indent, String s) {
        write(indent, s);
    }

    /** Runs {@code r} writing into a fresh method buffer with an isolated scope, then files it in {@link #aux}. */
    void inNewMethod(Runnable r) {
        StringBuilder savedMethods = methods;
        Deque<Map<String, Binding>> savedScopes = scopes;
        SystemNames savedSystem = system;
        String savedArgs = argsVector;
        String savedRet = returnVar;
        methods = new StringBuilder();
        scopes = new ArrayDeque<>();
        scopes.push(new HashMap<>());
        argsVector = "null, 0";
        returnVar = null;
        try {
            r.run();
            aux.append(methods);
        } finally {
            methods = savedMethods;
            scopes = savedScopes;
            system = savedSystem;
            argsVector = savedArgs;
            returnVar = savedRet;
        }
    }
}
