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
  public sealed interface Expr permits Num, Var, Call, Unary, Binary {}

  public record Num(double value) implements Expr {}

  /** A variable, optionally indexed ({@code tspike[i]}). */
  public record Var(String name, Expr index, Pos pos) implements Expr {
    public Var(String name) { this(name, null, new Pos(0, 0)); }
  }

  /** A call; string arguments (printf formats) are kept only as {@link #strings}. */
  public record Call(String name, List<Expr> args, Pos pos) implements Expr {}

  public record Unary(String op, Expr operand) implements Expr {}

  public record Binary(String op, Expr left, Expr right) implements Expr {}

  // ---------------------------------------------------------------- statements
  public sealed interface Stmt permits Assign, DiffEq, ExprStmt, Local, If, While, From, Solve, Reaction,
      Conserve, Compartment, Table, NetInitial, LinEq, Printf {}

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

  /**
   * {@code ~ lhs <-> rhs (kf, kb)}, {@code ~ lhs -> rhs (kf)} or {@code ~ x << (flux)}
   * (kind "<->", "->", "<<").
   */
  public record Reaction(String kind, List<Term> lhs, List<Term> rhs, Expr forward, Expr backward, Pos pos)
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

  // ---------------------------------------------------------------- declarations
  /** A PARAMETER, ASSIGNED, STATE or CONSTANT entry. */
  public record Decl(String name, int arraySize, Double value, String units, Double low, Double high, Pos pos) {}

  public record UseIon(String ion, List<String> read, List<String> write, Double valence, Pos pos) {}

  /** A FUNCTION, PROCEDURE, DERIVATIVE, KINETIC, LINEAR, NONLINEAR or NET_RECEIVE block. */
  public record Callable(String kind, String name, List<String> params, List<Stmt> body, Pos pos) {}

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
