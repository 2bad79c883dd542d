package org.bsb.neuron.nmodl.ast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The syntax tree of one {@code .mod} file. Units are parsed and dropped (NEURON does not scale by them). */
public final class Ast {
    private Ast() {}

    /** Source position for error messages. */
    public record Pos(int line, int column) {}

    // ---------------------------------------------------------------- expressions
    public sealed interface Expr permits Num, Var, Call, Unary, Binary, Ref, SysVar {}

    public record Num(double value) implements Expr {}

    /** A variable, optionally indexed ({@code tspike[i]}). */
    public record Var(String name, Expr index, Pos pos) implements Expr {
        public Var(String name) {
            this(name, null, new Pos(0, 0));
        }
    }

    /** A call; string arguments (printf formats) are kept only as {@link #strings}. */
    public record Call(String name, List<Expr> args, Pos pos) implements Expr {}

    public record Unary(UnaryOp op, Expr operand) implements Expr {}

    public record Binary(BinaryOp op, Expr left, Expr right) implements Expr {}

    // ---------------------------------------------------------------- statements
    public sealed interface Stmt
            permits Assign,
                    DiffEq,
                    ExprStmt,
                    Local,
                    If,
                    While,
                    From,
                    Solve,
                    Reaction,
                    Conserve,
                    Compartment,
                    Table,
                    NetInitial,
                    LinEq,
                    Printf,
                    Let,
                    SysAssign,
                    CnexpStep {}

    public record Assign(Var target, Expr value, Pos pos) implements Stmt {}

    /** {@code x' = rhs}. */
    public record DiffEq(String state, Expr rhs, Pos pos) implements Stmt {}

    public record ExprStmt(Expr expr, Pos pos) implements Stmt {}

    public record Local(List<String> names, Pos pos) implements Stmt {}

    public record If(Expr cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {}

    public record While(Expr cond, List<Stmt> body) implements Stmt {}

    public record From(String var, Expr from, Expr to, Expr by, List<Stmt> body, Pos pos) implements Stmt {}

    /** {@code SOLVE block [METHOD m | STEADYSTATE m]}. */
    public record Solve(String block, String method, boolean steadyState, Pos pos) implements Stmt {}

    /** One term of a reaction side: coefficient times a state (possibly indexed). */
    public record Term(int coefficient, String state, Pos pos) {}

    /** {@code ~ lhs <-> rhs (kf, kb)}, {@code ~ lhs -> rhs (kf)} or {@code ~ x << (flux)}. */
    public record Reaction(ReactionKind kind, List<Term> lhs, List<Term> rhs, Expr forward, Expr backward, Pos pos)
            implements Stmt {}

    public record Conserve(List<Term> terms, Expr total, Pos pos) implements Stmt {}

    public record Compartment(Expr volume, List<String> states, Pos pos) implements Stmt {}

    public record Table(List<String> names, List<String> depend, Expr from, Expr to, Expr with, Pos pos)
            implements Stmt {}

    /** The INITIAL block inside NET_RECEIVE. */
    public record NetInitial(List<Stmt> body) implements Stmt {}

    /** {@code ~ lhs = rhs} in LINEAR / NONLINEAR blocks. */
    public record LinEq(Expr lhs, Expr rhs, Pos pos) implements Stmt {}

    /** printf: arguments are evaluated for side effects only; output is dropped. */
    public record Printf(List<Expr> args) implements Stmt {}

    // ---------------------------------------------------------------- lowered forms
    // Made by the passes (org.bsb.neuron.nmodl.passes) from solved blocks, never by the parser: a solver's
    // system is written as statements on its unknowns, so that rewrites and the printer see one tree.

    /** A local that a pass introduced (a reaction's rate, a compartment's volume), by its Java name. */
    public record Ref(String name) implements Expr {}

    /** The parts of a solver's system that the generated code keeps as locals or scratch arrays. */
    public enum SysKind {
        /** row r of the residual G */
        RESIDUAL,
        /** entry r * n + c of the Jacobian J of G */
        JACOBIAN,
        /** the COMPARTMENT volume of state r */
        VOLUME,
        /** x' of state k (euler, derivimplicit) */
        DERIVATIVE,
        /** entry k * n + j of d x'/d x (derivimplicit) */
        DERIVATIVE_JACOBIAN
    }

    /** One unknown or coefficient of a solver's system. */
    public record SysVar(SysKind kind, int index) implements Expr {}

    /** How a {@link SysAssign} changes its target. */
    public enum AssignOp {
        SET("="),
        ADD("+="),
        SUB("-=");

        public final String symbol;

        AssignOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code final double name = value}: a pass's local, assigned once. */
    public record Let(String name, Expr value) implements Stmt {}

    /** {@code target = value}, {@code target += value} or {@code target -= value}. */
    public record SysAssign(SysVar target, AssignOp op, Expr value) implements Stmt {}

    /**
     * cnexp's update of {@code state} over a step h, for x' = a x + b: x += (1 - exp(h a)) (-b/a - x); where
     * {@code a} is null (x' does not depend on x) {@code b} is the whole right-hand side and x += h b.
     */
    public record CnexpStep(String state, Expr a, Expr b, Pos pos) implements Stmt {}

    // ---------------------------------------------------------------- declarations
    /** A PARAMETER, ASSIGNED, STATE or CONSTANT entry. */
    public record Decl(String name, int arraySize, Double value, String units, Double low, Double high, Pos pos) {}

    public record UseIon(String ion, List<String> read, List<String> write, Double valence, Pos pos) {}

    /** A FUNCTION, PROCEDURE, DERIVATIVE, KINETIC, LINEAR, NONLINEAR or NET_RECEIVE block. */
    public record Callable(BlockKind kind, String name, List<String> params, List<Stmt> body, Pos pos) {}

    /** The whole file. */
    public static final class ModFile {
        public String file;
        public String suffix;
        public String pointProcess;
        public boolean artificialCell;
        public boolean threadsafe;
        public Pos suffixPos;
        public final List<UseIon> ions = new ArrayList<>();
        public final List<String> range = new ArrayList<>();
        public final List<String> global = new ArrayList<>();
        public final List<String> nonspecific = new ArrayList<>();
        public final List<String> electrodeCurrent = new ArrayList<>();
        public final List<String> pointer = new ArrayList<>();
        /** Where a name of a RANGE, GLOBAL, NONSPECIFIC_CURRENT, ELECTRODE_CURRENT or POINTER statement first appears. */
        public final Map<String, Pos> neuronNames = new LinkedHashMap<>();
        /** Named constants from the UNITS block (FARADAY = (faraday) (coulomb)). */
        public final Map<String, Double> unitConstants = new LinkedHashMap<>();

        public final List<Decl> constants = new ArrayList<>();
        public final List<Decl> parameters = new ArrayList<>();
        public final List<Decl> assigned = new ArrayList<>();
        public final List<Decl> states = new ArrayList<>();
        /** Top-level LOCAL variables. */
        public final List<String> locals = new ArrayList<>();

        public List<Stmt> initial;
        public List<Stmt> breakpoint;
        public final Map<String, Callable> callables = new LinkedHashMap<>();
        public Callable netReceive;

        public String mechanismName() {
            return suffix != null ? suffix : pointProcess;
        }
    }
}
