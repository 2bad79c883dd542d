package org.bsb.neuron.nmodl.gen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bsb.neuron.nmodl.NmodlException;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;
import org.bsb.neuron.nmodl.sema.Symbols.IonVar;
import org.bsb.neuron.nmodl.solve.Symbolic;

/**
 * Generates the Java source of a {@link org.bsb.neuron.nmodl.runtime.CompiledKernel} subclass from an
 * analysed file. Only identifiers that passed {@link Symbols#IDENT} (always behind a prefix, so never a Java
 * keyword) and numbers re-printed from parsed doubles enter the source; no text of the file is copied.
 */
public final class JavaGenerator {
  public static final String PACKAGE = "org.bsb.neuron.nmodl.generated";
  private static final Set<String> MATH1 = Set.of("exp", "log", "log10", "sin", "cos", "tan", "sqrt", "floor",
      "ceil", "tanh", "sinh", "cosh", "atan", "asin", "acos");

  private final Symbols sym;
  private final ModFile mod;
  private final String className;
  private final StringBuilder out = new StringBuilder();
  private Deque<Map<String, String>> scopes = new ArrayDeque<>();
  private int tmp;
  private String returnVar;
  private String functionName;
  /** The Java expression of the NET_RECEIVE argument vector, or "null" outside NET_RECEIVE. */
  private String argsVector = "null, 0";
  /** Active solver context for DiffEq / Reaction statements. */
  private SolveCtx ctx;
  private final boolean scalarKinetics;
  /**
   * Common subexpressions: the Java text of a pure math call (exp, pow, log, ...) -> the final local that
   * holds its value, so that e.g. eight rate statements over {@code exp(v / x1)} evaluate it once. Only
   * used while {@link #cseActive} (plain assignments, IF conditions and expression statements without
   * calls of the file's own functions); {@link #line} drops entries whose variables a line assigns, and
   * methods, branches and loop bodies start afresh.
   */
  private Map<String, String> pure = new HashMap<>();
  /**
   * Pure calls over nothing but constants, {@code celsius} and {@code dt} (e.g. a Q10 factor
   * {@code 3^((celsius - 23)/10)}): Java text -> a field computed once per engine callback in
   * {@code uniforms()}, not once per instance.
   */
  private final Map<String, String> uniform = new LinkedHashMap<>();
  private static final java.util.regex.Pattern IDENT = java.util.regex.Pattern.compile("(?<![0-9.A-Za-z_])[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> UNIFORM_NAMES = Set.of("celsius", "dt", "Math", "Double", "hexp", "exprelr");
  private boolean cseActive;
  private int indentNow;
  private static final java.util.regex.Pattern ASSIGNED =
      java.util.regex.Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[[^\\]]*\\]\\s*)?[-+*/]?=(?!=)");
  private static final java.util.regex.Pattern DIFFERENCE = java.util.regex.Pattern.compile("\\((\\w+) - (\\w+)\\)");
  private static final java.util.regex.Pattern ACCUMULATE = java.util.regex.Pattern.compile("([gj][0-9]+) ([-+]=) (.*);");
  /** Depth of IF/WHILE/FROM bodies around the statement being generated. */
  private int nesting;
  private static final java.util.regex.Pattern USER_CALL = java.util.regex.Pattern.compile("\\b[pf]_[A-Za-z0-9_]*\\(");
  private int scratch = 1;
  private final Map<String, String> solverMethods = new LinkedHashMap<>();
  private StringBuilder methods = new StringBuilder();
  /** Complete auxiliary methods (functions, solvers), appended after the phases. */
  private final StringBuilder aux = new StringBuilder();
  private final List<String> tableFields = new ArrayList<>();

  /** Runs {@code r} writing into a fresh method buffer with an isolated scope, then files it in {@link #aux}. */
  private void inNewMethod(Runnable r) {
    StringBuilder savedMethods = methods;
    Deque<Map<String, String>> savedScopes = scopes;
    SolveCtx savedCtx = ctx;
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
      ctx = savedCtx;
      argsVector = savedArgs;
      returnVar = savedRet;
    }
  }

  private JavaGenerator(Symbols sym, String className, boolean scalarKinetics) {
    this.scalarKinetics = scalarKinetics;
    this.sym = sym;
    this.mod = sym.mod;
    this.className = className;
  }

  /** The Java source of class {@code PACKAGE.className}. */
  public static String generate(Symbols sym, String className) {
    return generate(sym, className, true);
  }

  /**
   * As {@link #generate(Symbols, String)}; {@code scalarKinetics = false} solves KINETIC schemes with scratch
   * arrays in several small methods, for schemes whose one-method form exceeds HotSpot's JIT size limit.
   */
  public static String generate(Symbols sym, String className, boolean scalarKinetics) {
    return new JavaGenerator(sym, className, scalarKinetics).run();
  }

  private NmodlException err(Pos p, String m) {
    return p == null ? new NmodlException(mod.file, m) : new NmodlException(mod.file, p.line(), p.column(), m);
  }

  // ------------------------------------------------------------------ names and numbers
  static String field(String n) { return "x_" + n; }

  static String lit(double d) {
    if (Double.isNaN(d)) return "Double.NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    String s = Double.toString(Math.abs(d));
    return d < 0 || (d == 0 && 1 / d < 0) ? "(-" + s + ")" : s;
  }

  private String freshTmp(String base) { return "t" + (tmp++) + "_" + base; }

  private String lookup(String name) {
    for (Map<String, String> s : scopes) {
      String j = s.get(name);
      if (j != null) return j;
    }
    return null;
  }

  private void declare(String name, String javaName) { scopes.peek().put(name, javaName); }

  // ------------------------------------------------------------------ top level
  private String run() {
    StringBuilder body = new StringBuilder();
    scopes.push(new HashMap<>());
    // user functions and procedures
    for (Callable c : mod.callables.values()) {
      if (c.kind().equals("FUNCTION") || c.kind().equals("PROCEDURE")) userCallable(c);
    }
    String init = phaseInit();
    String cur = phaseCurrent();
    String state = phaseState();
    String net = mod.netReceive != null ? phaseNetReceive() : "";

    body.append("package ").append(PACKAGE).append(";\n\n");
    body.append("import org.bsb.neuron.nmodl.runtime.*;\nimport org.bsb.neuron.spi.MechContext;\n\n");
    body.append("public final class ").append(className).append(" extends NmodlMechanism {\n");
    for (String f : sym.fields.keySet()) body.append("  private final double[] ").append(field(f)).append(";\n");
    body.append("  private final double[] sv;\n");
    body.append("  private final double[] sG = new double[").append(scratch).append("], sJ = new double[")
        .append(scratch * scratch).append("], sX = new double[").append(scratch).append("], sX0 = new double[")
        .append(scratch).append("], sD = new double[").append(scratch).append("];\n");
    for (String tf : tableFields) body.append(tf);
    for (String u : uniform.values()) body.append("  private double ").append(u).append(";\n");
    body.append("  public ").append(className).append("(final NmodlMechanismType type, final int count) {\n");
    body.append("    super(type, count);\n");
    int k = 0;
    for (Map.Entry<String, MechanismInfo.Field> e : sym.fields.entrySet()) {
      MechanismInfo.Field f = e.getValue();
      if (f.size() == 0) {
        body.append("    ").append(field(e.getKey())).append(" = row(").append(k++).append(");\n");
      } else {
        body.append("    ").append(field(e.getKey())).append(" = new double[count * ").append(f.size()).append("];\n");
        body.append("    java.util.Arrays.fill(").append(field(e.getKey())).append(", ").append(lit(f.defaultValue()))
            .append(");\n");
      }
    }
    body.append("    sv = new double[count];\n  }\n");
    if (!uniform.isEmpty()) {
      body.append("  @Override protected void uniforms() {\n");
      uniform.forEach((java, u) -> body.append("    ").append(u).append(" = ").append(java).append(";\n"));
      body.append("  }\n");
    }
    body.append(init).append(cur).append(state).append(net).append(aux);
    body.append("}\n");
    return body.toString();
  }

  /** Copies the node voltage into the instance (artificial cells have no node). */
  private String readV(String indent) {
    return mod.artificialCell ? "" : indent + "sv[i] = nodeV[nd];\n";
  }

  private String instanceSize(String n) {
    return String.valueOf(sym.fields.get(n).size());
  }

  /** Reads ion values into the instance's copies (as nocmodl does at the start of each phase). */
  private void ionReads(StringBuilder b, boolean includeCurrents) {
    for (Map.Entry<String, IonVar> e : sym.ionVars.entrySet()) {
      IonVar iv = e.getValue();
      String arr = switch (iv.part()) {
        case E -> "ionE";
        case CI -> "ionCi";
        case CO -> "ionCo";
        case CUR -> "ionCur";
      };
      if (iv.part() == Symbols.IonPart.CUR && !(includeCurrents && iv.read())) continue;
      b.append("      ").append(field(e.getKey())).append("[i] = ").append(arr).append("[").append(iv.ion())
          .append("][nd];\n");
    }
  }

  private void concentrationWrites(StringBuilder b) {
    for (Map.Entry<String, IonVar> e : sym.ionVars.entrySet()) {
      IonVar iv = e.getValue();
      if (!iv.write()) continue;
      if (iv.part() == Symbols.IonPart.CI) {
        b.append("      ionCi[").append(iv.ion()).append("][nd] = ").append(field(e.getKey())).append("[i];\n");
      } else if (iv.part() == Symbols.IonPart.CO) {
        b.append("      ionCo[").append(iv.ion()).append("][nd] = ").append(field(e.getKey())).append("[i];\n");
      } else if (iv.part() == Symbols.IonPart.E) {
        b.append("      ionE[").append(iv.ion()).append("][nd] = ").append(field(e.getKey())).append("[i];\n");
      }
    }
  }

  private String phaseInit() {
    StringBuilder b = new StringBuilder();
    b.append("  @Override public void init(final MechContext c) {\n    enter(c);\n    resetConnections();\n");
    b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n");
    b.append(readV("      "));
    ionReads(b, true);
    for (Decl d : mod.states) {
      if (!sym.fields.containsKey(d.name())) continue;
      MechanismInfo.Field f0 = sym.fields.get(d.name() + "0");
      String v0 = f0 != null && f0.size() == 0 ? field(d.name() + "0") + "[i]" : "0.0";
      if (sym.fields.get(d.name()).size() == 0) b.append("      ").append(field(d.name())).append("[i] = ").append(v0).append(";\n");
    }
    if (mod.initial != null) {
      b.append("      init0(i);\n");
      inNewMethod(() -> {
        line(1, "private void init0(final int i) {");
        statements(mod.initial, "INITIAL", 2);
        line(1, "}");
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
    b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n      final double vv = nodeV[nd];\n");
    ionReads(b, true);
    String scale = sym.isPointProcess() ? "(100.0 / area[nd])" : "1.0";
    b.append("      final double sc = ").append(scale).append(";\n");
    b.append("      double g = cur(i, vv + 0.001);\n");
    List<String> ionCurs = new ArrayList<>();
    for (Map.Entry<String, IonVar> e : sym.ionVars.entrySet()) {
      if (e.getValue().part() == Symbols.IonPart.CUR && e.getValue().write()) ionCurs.add(e.getKey());
    }
    for (String c : ionCurs) b.append("      final double d_").append(c).append(" = ").append(field(c)).append("[i];\n");
    b.append("      final double ri = cur(i, vv);\n      g = (g - ri) / 0.001;\n");
    for (String c : ionCurs) {
      int ion = sym.ionVars.get(c).ion();
      b.append("      ionDcur[").append(ion).append("][nd] += (d_").append(c).append(" - ").append(field(c))
          .append("[i]) / 0.001 * sc;\n");
      b.append("      ionCur[").append(ion).append("][nd] += ").append(field(c)).append("[i] * sc;\n");
    }
    b.append("      rhs[nd] -= ri * sc;\n      d[nd] += g * sc;\n    }\n  }\n");
    // the current function: BREAKPOINT without SOLVE, returns the total membrane current
    List<Stmt> bp = new ArrayList<>();
    for (Stmt s : mod.breakpoint) if (!(s instanceof Solve)) bp.add(s);
    inNewMethod(() -> {
      line(1, "private double cur(final int i, final double vv) {");
      line(2, "sv[i] = vv;");
      statements(bp, "BREAKPOINT", 2);
      StringBuilder ret = new StringBuilder("return 0.0");
      for (String c : sym.currents) {
        ret.append(mod.electrodeCurrent.contains(c) ? " - " : " + ").append(field(c)).append("[i]");
      }
      line(2, ret + ";");
      line(1, "}");
    });
    return b.toString();
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
    b.append("    enter(c);\n");
    b.append("    for (int i = 0; i < n; i++) {\n      final int nd = node[i];\n").append(readV("      "));
    ionReads(b, true);
    for (Solve s : solves) b.append("      ").append(solveCall(s, "dt")).append(";\n");
    concentrationWrites(b);
    b.append("    }\n  }\n");
    return b.toString();
  }

  private String phaseNetReceive() {
    Callable nr = mod.netReceive;
    List<Stmt> body = new ArrayList<>();
    List<Stmt> initial = new ArrayList<>();
    for (Stmt s : nr.body()) {
      if (s instanceof NetInitial ni) initial.addAll(ni.body());
      else body.add(s);
    }
    for (int pass = 0; pass < 2; pass++) {
      if (pass == 1 && initial.isEmpty()) break;
      final int ps = pass;
      inNewMethod(() -> {
        for (int k = 0; k < nr.params().size(); k++) declare(nr.params().get(k), "a[off + " + k + "]");
        declare("flag", "flag");
        argsVector = "a, off";
        if (ps == 0) {
          line(1, "@Override public void netReceive(final MechContext c, final int i, double[] a, int off, final double flag) {");
          line(2, "enter(c);");
          line(2, "if (a == null) {");
          line(3, "final Object[] p = takePending(i, c.t, flag);");
          line(3, "if (p != null) { a = (double[]) p[3]; off = (Integer) p[4]; }");
          line(2, "} else {");
          line(3, "connectionInit(i, a, off);");
          line(2, "}");
          line(2, "if (a == null) { a = new double[" + Math.max(1, nr.params().size()) + "]; off = 0; }");
        } else {
          line(1, "@Override protected void netInit(final int i, final double[] a, final int off) {");
          line(2, "final double flag = 0.0;");
        }
        if (!mod.artificialCell) line(2, "if (node[i] >= 0) sv[i] = nodeV[node[i]];");
        statements(ps == 0 ? body : initial, "NET_RECEIVE", 2);
        line(1, "}");
      });
    }
    return "";
  }

  private void userCallable(Callable c) {
    boolean fn = c.kind().equals("FUNCTION");
    Table table = null;
    for (Stmt st : c.body()) if (st instanceof Table t) table = t;
    if (table != null && c.params().size() != 1) throw err(c.pos(), "TABLE needs a FUNCTION or PROCEDURE of one argument");
    String exact = table == null ? (fn ? "f_" : "p_") + c.name() : "x" + (fn ? "f_" : "p_") + c.name();
    inNewMethod(() -> {
      StringBuilder sig = new StringBuilder("private ").append(fn ? "double " : "void ").append(exact)
          .append("(final int i");
      for (String p : c.params()) {
        sig.append(", double a_").append(p);
        declare(p, "a_" + p);
      }
      sig.append(") {");
      line(1, sig.toString());
      // a FUNCTION or PROCEDURE that can call itself counts its nesting, so that a runaway recursion stops with
      // a message naming it instead of a StackOverflowError (only these: the others' code stays as it was)
      int recursive = sym.recursive.indexOf(c.name());
      if (recursive >= 0) line(2, "if (++recursion > MAX_RECURSION) throw recursedTooDeep(" + recursive + ");");
      returnVar = fn ? "r_" + c.name() : null;
      if (fn) {
        declare(c.name(), returnVar);
        line(2, "double " + returnVar + " = 0.0;");
      }
      statements(c.body(), c.kind(), 2);
      if (recursive >= 0) line(2, "recursion--;");
      if (fn) line(2, "return " + returnVar + ";");
      line(1, "}");
    });
    if (table != null) tableWrapper(c, table, exact, fn);
  }

  /**
   * NEURON's TABLE: with+1 samples from FROM to TO (x advanced by repeated addition of the step), rebuilt when a
   * DEPEND value changes, looked up by linear interpolation and clamped to the end values outside the range.
   */
  private void tableWrapper(Callable c, Table tb, String exact, boolean fn) {
    List<String> names = fn ? List.of(c.name()) : tb.names();
    for (String n : names) {
      if (!fn && !sym.fields.containsKey(n)) {
        throw err(tb.pos(), "TABLE variable '" + n + "' must be an ASSIGNED variable");
      }
    }
    String id = c.name();
    tableFields.add("  private double tmin_" + id + ", mfac_" + id + ";\n  private int tn_" + id + " = -1;\n");
    for (String n : names) tableFields.add("  private double[] tab_" + id + "_" + n + ";\n");
    tableFields.add("  private final double[] tdep_" + id + " = new double[" + tb.depend().size() + "];\n");
    inNewMethod(() -> {
      line(1, "private " + (fn ? "double " : "void ") + (fn ? "f_" : "p_") + id + "(final int i, final double a) {");
      StringBuilder changed = new StringBuilder("tn_" + id + " < 0");
      for (int k = 0; k < tb.depend().size(); k++) {
        String dv = num(new Var(tb.depend().get(k), null, tb.pos()));
        changed.append(" || tdep_").append(id).append("[").append(k).append("] != ").append(dv);
      }
      line(2, "if (" + changed + ") {");
      for (int k = 0; k < tb.depend().size(); k++) {
        line(3, "tdep_" + id + "[" + k + "] = " + num(new Var(tb.depend().get(k), null, tb.pos())) + ";");
      }
      line(3, "final double lo = " + num(tb.from()) + ", hi = " + num(tb.to()) + ";");
      line(3, "final int n = (int) (" + num(tb.with()) + ");");
      line(3, "if (n < 1 || n > 10000000) throw new IllegalStateException(\"TABLE WITH out of range\");");
      line(3, "final double dx = (hi - lo) / n;");
      for (String nm : names) line(3, "tab_" + id + "_" + nm + " = new double[(n + 1) * " + width(fn, nm) + "];");
      line(3, "double x = lo;");
      line(3, "for (int k = 0; k <= n; k++, x += dx) {");
      if (fn) {
        line(4, "tab_" + id + "_" + id + "[k] = " + exact + "(i, x);");
      } else {
        line(4, exact + "(i, x);");
        for (String nm : names) {
          int w = width(false, nm);
          if (sym.fields.get(nm).size() == 0) {
            line(4, "tab_" + id + "_" + nm + "[k] = " + field(nm) + "[i];");
          } else {
            line(4, "System.arraycopy(" + field(nm) + ", i * " + w + ", tab_" + id + "_" + nm + ", k * " + w + ", " + w + ");");
          }
        }
      }
      line(3, "}");
      line(3, "tmin_" + id + " = lo;");
      line(3, "mfac_" + id + " = 1.0 / dx;");
      line(3, "tn_" + id + " = n;");
      line(2, "}");
      line(2, "final double xi = mfac_" + id + " * (a - tmin_" + id + ");");
      line(2, "final int n = tn_" + id + ";");
      for (String nm : names) {
        String tab = "tab_" + id + "_" + nm;
        int w = width(fn, nm);
        boolean array = !fn && sym.fields.get(nm).size() > 0;
        if (array) line(2, "for (int e = 0; e < " + w + "; e++) {");
        String dst = fn ? "final double r_" + nm : array ? field(nm) + "[i * " + w + " + e]" : field(nm) + "[i]";
        String el = array ? " + e" : "";
        String at0 = tab + "[" + (array ? "e" : "0") + "]";
        String atN = tab + "[n * " + w + el + "]";
        String atI = tab + "[(int) xi * " + w + el + "]";
        String atI1 = tab + "[((int) xi + 1) * " + w + el + "]";
        line(array ? 3 : 2, dst + " = Double.isNaN(xi) ? xi : xi <= 0.0 ? " + at0 + " : xi >= n ? " + atN
            + " : " + atI + " + (xi - (int) xi) * (" + atI1 + " - " + atI + ");");
        if (array) line(2, "}");
      }
      if (fn) line(2, "return r_" + id + ";");
      line(1, "}");
    });
  }

  // ------------------------------------------------------------------ statements
  private void line(int indent, String s) {
    methods.append("  ".repeat(indent)).append(s).append('\n');
    forgetAssigned(indent, s);
  }

  /** Drops the common subexpressions a just-emitted line may have changed. */
  private void forgetAssigned(int indent, String s) {
    if (pure.isEmpty()) return;
    if (indent <= 1 || s.startsWith("}") || USER_CALL.matcher(s).find()) {
      // a method boundary, the end of a block (its locals end), or a call of the file's functions (which
      // may assign anything)
      pure.clear();
      return;
    }
    java.util.regex.Matcher m = ASSIGNED.matcher(s);
    while (m.find()) {
      java.util.regex.Pattern name = java.util.regex.Pattern.compile("\\b" + m.group(1) + "\\b");
      pure.keySet().removeIf(k -> name.matcher(k).find());
    }
  }

  /** The value of a pure call: a local computed once while its inputs are unchanged, or the call itself. */
  private String pureCall(String javaCall) {
    if (isUniform(javaCall)) return uniform.computeIfAbsent(javaCall, k -> "u" + uniform.size());
    if (!cseActive) return javaCall;
    String local = pure.get(javaCall);
    if (local == null) {
      local = freshTmp("c");
      line(indentNow, "final double " + local + " = " + javaCall + ";");
      pure.put(javaCall, local);
    }
    return local;
  }

  private static boolean isUniform(String javaCall) {
    java.util.regex.Matcher m = IDENT.matcher(javaCall);
    while (m.find()) {
      String id = m.group();
      if (!UNIFORM_NAMES.contains(id) && !id.matches("u[0-9]+")) return false;
    }
    return true;
  }

  /** Generates {@code r} with common subexpressions when {@code e} calls none of the file's functions. */
  private <T> T withCse(Expr e, int ind, java.util.function.Supplier<T> r) {
    boolean saved = cseActive;
    int savedIndent = indentNow;
    cseActive = !callsUserCode(e);
    indentNow = ind;
    try {
      return r.get();
    } finally {
      cseActive = saved;
      indentNow = savedIndent;
    }
  }

  private boolean callsUserCode(Expr e) {
    return anySubexpression(e, x -> x instanceof Call c && (mod.callables.containsKey(c.name()) || c.name().startsWith("net_")));
  }

  private void statements(List<Stmt> list, String context, int indent) {
    for (Stmt s : list) statement(s, context, indent);
  }

  private void statement(Stmt s, String context, int ind) {
    if (s instanceof Assign a) {
      String target = lvalue(a.target());
      line(ind, target + " = " + withCse(a.value(), ind, () -> num(a.value())) + ";");
    } else if (s instanceof Local l) {
      for (String n : l.names()) {
        String j = "l" + (tmp++) + "_" + n;
        declare(n, j);
        line(ind, "double " + j + " = 0.0;");
      }
    } else if (s instanceof ExprStmt es) {
      if (es.expr() instanceof Call c) line(ind, withCse(es.expr(), ind, () -> callStmt(c)) + ";");
      else line(ind, withCse(es.expr(), ind, () -> num(es.expr())) + ";");
    } else if (s instanceof If f) {
      line(ind, "if (" + withCse(f.cond(), ind, () -> bool(f.cond())) + ") {");
      // each branch sees what was known before the IF; after it, nothing (the branches' locals end there)
      Map<String, String> before = new HashMap<>(pure);
      nesting++;
      scopes.push(new HashMap<>());
      statements(f.then(), context, ind + 1);
      scopes.pop();
      if (!f.otherwise().isEmpty()) {
        line(ind, "} else {");
        pure = new HashMap<>(before);
        scopes.push(new HashMap<>());
        statements(f.otherwise(), context, ind + 1);
        scopes.pop();
      }
      nesting--;
      line(ind, "}");
      pure.clear();
    } else if (s instanceof While w) {
      pure.clear(); // the body may change what the condition and the body read: no value crosses iterations
      line(ind, "while (" + bool(w.cond()) + ") {");
      nesting++;
      scopes.push(new HashMap<>());
      statements(w.body(), context, ind + 1);
      scopes.pop();
      nesting--;
      line(ind, "}");
      pure.clear();
    } else if (s instanceof From f) {
      String lim = freshTmp("lim");
      String by = freshTmp("by");
      line(ind, "{");
      if (lookup(f.var()) == null && !sym.fields.containsKey(f.var())) {
        // nocmodl accepts an undeclared loop index: it becomes a local of the loop
        String j = "l" + (tmp++) + "_" + f.var();
        scopes.push(new HashMap<>());
        declare(f.var(), j);
        line(ind + 1, "double " + j + ";");
      } else {
        scopes.push(new HashMap<>());
      }
      String var = lvalue(new Var(f.var(), null, f.pos()));
      line(ind + 1, "final double " + lim + " = " + num(f.to()) + ", " + by + " = " + num(f.by()) + ";");
      line(ind + 1, "for (" + var + " = " + num(f.from()) + "; " + var + " <= " + lim + "; " + var + " += " + by + ") {");
      pure.clear();
      nesting++;
      scopes.push(new HashMap<>());
      statements(f.body(), context, ind + 2);
      scopes.pop();
      nesting--;
      line(ind + 1, "}");
      line(ind, "}");
      pure.clear();
      scopes.pop();
    } else if (s instanceof Solve sv) {
      line(ind, solveCall(sv, "dt") + ";");
    } else if (s instanceof Table) {
      // tables are computed exactly (README: within NEURON's table error)
    } else if (s instanceof Printf p) {
      for (Expr e : p.args()) {
        if (e instanceof Call c) line(ind, callStmt(c) + ";");
      }
    } else if (s instanceof DiffEq de) {
      if (ctx == null) throw err(de.pos(), "derivative " + de.state() + "' outside a DERIVATIVE block");
      ctx.diffEq(de, ind);
    } else if (s instanceof Reaction r) {
      if (!(ctx instanceof KineticCtx k)) throw err(r.pos(), "reaction outside a KINETIC block");
      k.reaction(r, ind);
    } else if (s instanceof Conserve c) {
      if (ctx instanceof KineticCtx k) k.conserve(c, ind);
      // CONSERVE in a DERIVATIVE block is ignored by nocmodl's cnexp / derivimplicit
    } else if (s instanceof Compartment c) {
      if (ctx instanceof KineticCtx k) k.compartment(c, ind);
    } else if (s instanceof LinEq le) {
      if (!(ctx instanceof LinearCtx l)) throw err(le.pos(), "'~' equation outside a LINEAR block");
      l.equation(le, ind);
    } else if (s instanceof NetInitial) {
      throw err(null, "INITIAL inside NET_RECEIVE must be at its top level");
    } else {
      throw new IllegalStateException(String.valueOf(s));
    }
  }

  private String lvalue(Var v) {
    String j = lookup(v.name());
    if (j != null) {
      if (v.index() != null) throw err(v.pos(), "'" + v.name() + "' is not an array");
      return j;
    }
    if (Symbols.SPECIAL.contains(v.name())) {
      throw err(v.pos(), "cannot assign to '" + v.name() + "', which NEURON provides");
    }
    if (sym.fields.containsKey(v.name())) return fieldRef(v);
    if (sym.constants.containsKey(v.name())) throw err(v.pos(), "cannot assign to constant '" + v.name() + "'");
    throw err(v.pos(), "assignment to undeclared variable '" + v.name() + "'");
  }

  private String fieldRef(Var v) {
    MechanismInfo.Field f = sym.fields.get(v.name());
    if (f.size() > 0) {
      if (v.index() == null) throw err(v.pos(), "array '" + v.name() + "' used without an index");
      return field(v.name()) + "[i * " + f.size() + " + (int) (" + num(v.index()) + ")]";
    }
    if (v.index() != null) throw err(v.pos(), "'" + v.name() + "' is not an array");
    return field(v.name()) + "[i]";
  }

  // ------------------------------------------------------------------ expressions
  private String num(Expr e) {
    if (e instanceof Num n) return lit(n.value());
    if (e instanceof Var v) return rvalue(v);
    if (e instanceof Unary u) {
      if (u.op().equals("-")) return "(-" + num(u.operand()) + ")";
      return "bool(!" + bool(u.operand()) + ")";
    }
    if (e instanceof Binary b) {
      switch (b.op()) {
        case "+", "-", "*", "/": return "(" + num(b.left()) + " " + b.op() + " " + num(b.right()) + ")";
        case "^": return pureCall("Math.pow(" + num(b.left()) + ", " + num(b.right()) + ")");
        default: return "bool(" + bool(e) + ")";
      }
    }
    if (e instanceof Call c) return call(c);
    throw new IllegalStateException(String.valueOf(e));
  }

  private String bool(Expr e) {
    if (e instanceof Binary b) {
      switch (b.op()) {
        case "<", ">", "<=", ">=", "==", "!=": return "(" + num(b.left()) + " " + b.op() + " " + num(b.right()) + ")";
        case "&&", "||": return "(" + bool(b.left()) + " " + b.op() + " " + bool(b.right()) + ")";
        default:
      }
    }
    if (e instanceof Unary u && u.op().equals("!")) return "(!" + bool(u.operand()) + ")";
    return "(" + num(e) + " != 0.0)";
  }

  private String rvalue(Var v) {
    String j = lookup(v.name());
    if (j != null) {
      if (v.index() != null) throw err(v.pos(), "'" + v.name() + "' is not an array");
      return j;
    }
    switch (v.name()) {
      case "v": return "sv[i]";
      case "t": return "t";
      case "dt": return "dt";
      case "celsius": return "celsius";
      case "diam": return "diam[node[i]]";
      case "area": return "area[node[i]]";
      default:
    }
    if (sym.fields.containsKey(v.name())) return fieldRef(v);
    Double c = sym.constants.get(v.name());
    if (c != null) return lit(c);
    if (v.name().equals("f_flux") || v.name().equals("b_flux")) {
      if (ctx instanceof KineticCtx k) return k.flux(v.name(), v.pos());
    }
    if (sym.isInitialValue(v.name())) return lit(0.0); // nocmodl's implicit m0 of a STATE m, 0 unless set from hoc
    throw err(v.pos(), "undeclared variable '" + v.name() + "'");
  }

  private String argList(Call c) {
    StringBuilder sb = new StringBuilder();
    for (Expr a : c.args()) sb.append(", ").append(num(a));
    return sb.toString();
  }

  private String callStmt(Call c) {
    Callable target = mod.callables.get(c.name());
    if (target != null && target.kind().equals("PROCEDURE")) return procCall(c, target);
    switch (c.name()) {
      case "net_send": {
        if (c.args().size() != 2) throw err(c.pos(), "net_send takes (delay, flag)");
        return "netSend(i, " + num(c.args().get(0)) + ", " + num(c.args().get(1)) + ", " + argsVector + ")";
      }
      case "net_event": {
        if (c.args().size() != 1) throw err(c.pos(), "net_event takes (time)");
        return "netEvent(i, " + num(c.args().get(0)) + ")";
      }
      default:
    }
    return call(c);
  }

  private String procCall(Call c, Callable target) {
    if (target.params().size() != c.args().size()) {
      throw err(c.pos(), c.name() + " takes " + target.params().size() + " arguments, not " + c.args().size());
    }
    return "p_" + c.name() + "(i" + argList(c) + ")";
  }

  private String call(Call c) {
    Callable target = mod.callables.get(c.name());
    int n = c.args().size();
    if (target != null) {
      if (!target.kind().equals("FUNCTION")) throw err(c.pos(), "'" + c.name() + "' is not a FUNCTION");
      if (target.params().size() != n) {
        throw err(c.pos(), c.name() + " takes " + target.params().size() + " arguments, not " + n);
      }
      return "f_" + c.name() + "(i" + argList(c) + ")";
    }
    if (c.name().equals("exp") && n == 1) return pureCall("hexp(" + num(c.args().get(0)) + ")");
    if (MATH1.contains(c.name()) && n == 1) return pureCall("Math." + c.name() + "(" + num(c.args().get(0)) + ")");
    switch (c.name()) {
      case "fabs": if (n == 1) return "Math.abs(" + num(c.args().get(0)) + ")"; break;
      case "pow": if (n == 2) return pureCall("Math.pow(" + num(c.args().get(0)) + ", " + num(c.args().get(1)) + ")"); break;
      case "atan2": if (n == 2) return pureCall("Math.atan2(" + num(c.args().get(0)) + ", " + num(c.args().get(1)) + ")"); break;
      case "fmod": if (n == 2) return "(" + num(c.args().get(0)) + " % " + num(c.args().get(1)) + ")"; break;
      case "fmin": case "min": if (n == 2) return "Math.min(" + num(c.args().get(0)) + ", " + num(c.args().get(1)) + ")"; break;
      case "fmax": case "max": if (n == 2) return "Math.max(" + num(c.args().get(0)) + ", " + num(c.args().get(1)) + ")"; break;
      case "exprelr": if (n == 1) return "exprelr(" + num(c.args().get(0)) + ")"; break;
      default:
        throw err(c.pos(), "unknown function '" + c.name() + "'");
    }
    throw err(c.pos(), "wrong number of arguments to " + c.name());
  }

  // ------------------------------------------------------------------ SOLVE
  private String solveCall(Solve s, String h) {
    Callable blk = mod.callables.get(s.block());
    if (blk == null) throw err(s.pos(), "SOLVE of unknown block '" + s.block() + "'");
    String method = s.method() == null ? "" : s.method();
    String key = blk.kind() + ":" + blk.name() + ":" + method;
    String m = solverMethods.get(key);
    if (m == null) {
      SolveCtx savedCtx = ctx;
      m = switch (blk.kind()) {
        case "DERIVATIVE" -> derivative(blk, method, s);
        case "KINETIC" -> kinetic(blk, s);
        case "LINEAR" -> algebraic(blk, false);
        case "NONLINEAR" -> algebraic(blk, true);
        case "PROCEDURE" -> "p_" + blk.name();
        default -> throw err(s.pos(), "cannot SOLVE a " + blk.kind() + " block");
      };
      ctx = savedCtx;
      solverMethods.put(key, m);
    }
    if (blk.kind().equals("PROCEDURE") || blk.kind().equals("LINEAR") || blk.kind().equals("NONLINEAR")) {
      return m + "(i)";
    }
    if (s.steadyState()) {
      if (blk.kind().equals("KINETIC")) return "ss_" + blk.name() + "(i)";
      return m + "(i, 1e-9)"; // scopmath's _ss_derivimplicit runs one step with dt = 1e-9
    }
    return m + "(i, " + h + ")";
  }

  private List<String> statesIn(Callable blk) {
    Set<String> found = new LinkedHashSet<>();
    collectStates(blk.body(), found);
    List<String> ordered = new ArrayList<>();
    for (String s : sym.stateNames) if (found.contains(s)) ordered.add(s);
    return ordered;
  }

  private void collectStates(List<Stmt> body, Set<String> found) {
    for (Stmt s : body) {
      if (s instanceof DiffEq d) found.add(d.state());
      else if (s instanceof Reaction r) {
        for (Term t : r.lhs()) found.add(t.state());
        for (Term t : r.rhs()) found.add(t.state());
      } else if (s instanceof Conserve c) {
        for (Term t : c.terms()) found.add(t.state());
      } else if (s instanceof LinEq l) {
        for (String st : sym.stateNames) if (Symbolic.dependsOn(l.lhs(), st) || Symbolic.dependsOn(l.rhs(), st)) found.add(st);
      } else if (s instanceof If f) {
        collectStates(f.then(), found);
        collectStates(f.otherwise(), found);
      }
    }
  }

  private void checkState(String st, Pos p) {
    if (!sym.stateNames.contains(st)) throw err(p, "'" + st + "' is not a STATE");
    if (sym.fields.get(st).size() > 0) throw err(p, "array STATE '" + st + "' is not supported here");
  }

  /** Block-local emission context for solver-specific statements. */
  private abstract class SolveCtx {
    final List<String> states;
    SolveCtx(List<String> states) { this.states = states; }
    int index(String st, Pos p) {
      int k = states.indexOf(st);
      if (k < 0) throw err(p, "'" + st + "' is not a state of this block");
      return k;
    }
    abstract void diffEq(DiffEq d, int ind);
  }

  private String derivative(Callable blk, String method, Solve s) {
    List<String> states = statesIn(blk);
    for (String st : states) checkState(st, blk.pos());
    if (method.equals("cnexp")) {
      String m = cnexp(blk, states);
      if (m != null) return m;
      method = "derivimplicit"; // nonlinear equation: solved implicitly like nocmodl's fallback
    }
    if (method.equals("euler")) return euler(blk, states);
    if (method.equals("derivimplicit") || method.equals("") || method.equals("sparse") || method.equals("runge")) {
      return derivimplicit(blk, states, s);
    }
    throw err(s.pos(), "METHOD " + method + " is not supported (use cnexp, derivimplicit, sparse or euler)");
  }

  /** cnexp: the exact update of x' = A x + B with A, B constant over the step; null when an equation is nonlinear. */
  private String cnexp(Callable blk, List<String> states) {
    for (Stmt s : blk.body()) {
      if (s instanceof DiffEq d) {
        try {
          Expr a = Symbolic.d(d.rhs(), d.state());
          if (Symbolic.dependsOn(a, d.state())) return null;
        } catch (Symbolic.NotDifferentiable e) {
          return null;
        }
      }
    }
    String name = "cnexp_" + blk.name();
    ctx = new SolveCtx(states) {
      @Override void diffEq(DiffEq d, int ind) {
        String x = fieldRef(new Var(d.state(), null, d.pos()));
        Expr a;
        try {
          a = Symbolic.d(d.rhs(), d.state());
        } catch (Symbolic.NotDifferentiable e) {
          throw new IllegalStateException(e);
        }
        if (a instanceof Num n && n.value() == 0) {
          line(ind, x + " = " + x + " + h * " + num(d.rhs()) + ";");
          return;
        }
        Expr b = Symbolic.simplify(Symbolic.substitute(d.rhs(), d.state(), new Num(0)));
        String ta = freshTmp("a");
        line(ind, "final double " + ta + " = " + num(a) + ";");
        line(ind, x + " = " + x + " + (1.0 - hexp(h * " + ta + ")) * (-(" + num(b) + ") / " + ta + " - " + x + ");");
      }
    };
    inNewMethod(() -> {
    line(1, "private void " + name + "(final int i, final double h) {");
    scopes.push(new HashMap<>());
    statements(blk.body(), "DERIVATIVE", 2);
    scopes.pop();
    line(1, "}");
    ctx = null;
    });
    return name;
  }

  /** Emits {@code de_<blk>(i, D)}: runs the block, writing each x' into D. */
  private String derivFunction(Callable blk, List<String> states, boolean jacobian) {
    String name = (jacobian ? "dj_" : "de_") + blk.name();
    if (solverMethods.containsKey("fn:" + name)) return name;
    solverMethods.put("fn:" + name, name);
    ctx = new SolveCtx(states) {
      @Override void diffEq(DiffEq d, int ind) {
        int k = index(d.state(), d.pos());
        line(ind, "D[" + k + "] = " + num(d.rhs()) + ";");
        if (jacobian) {
          for (int j = 0; j < states.size(); j++) {
            try {
              Expr dj = Symbolic.d(d.rhs(), states.get(j));
              line(ind, "J[" + (k * states.size() + j) + "] = " + num(dj) + ";");
            } catch (Symbolic.NotDifferentiable e) {
              throw err(d.pos(), e.getMessage());
            }
          }
        }
      }
    };
    inNewMethod(() -> {
    line(1, "private void " + name + "(final int i, final double[] D" + (jacobian ? ", final double[] J" : "") + ") {");
    scopes.push(new HashMap<>());
    statements(blk.body(), "DERIVATIVE", 2);
    scopes.pop();
    line(1, "}");
    ctx = null;
    });
    return name;
  }

  private String euler(Callable blk, List<String> states) {
    String de = derivFunction(blk, states, false);
    scratch = Math.max(scratch, states.size());
    String name = "euler_" + blk.name();
    inNewMethod(() -> {
    line(1, "private void " + name + "(final int i, final double h) {");
    line(2, de + "(i, sD);");
    for (int k = 0; k < states.size(); k++) {
      String x = field(states.get(k)) + "[i]";
      line(2, x + " += h * sD[" + k + "];");
    }
    line(1, "}");
    });
    return name;
  }

  /** Backward Euler solved by Newton with the symbolic Jacobian (NEURON's derivimplicit). */
  private String derivimplicit(Callable blk, List<String> states, Solve s) {
    String dj = derivFunction(blk, states, true);
    int n = states.size();
    scratch = Math.max(scratch, n);
    String name = "implicit_" + blk.name();
    boolean linear = linearIn(blk.body(), new LinkedHashSet<>(states));
    inNewMethod(() -> {
    line(1, "private void " + name + "(final int i, final double h) {");
    line(2, "final double[] x0 = sX0;");
    for (int k = 0; k < n; k++) line(2, "x0[" + k + "] = " + field(states.get(k)) + "[i];");
    line(2, "for (int it = 0; it < 50; it++) {");
    line(3, dj + "(i, sD, sJ);");
    line(3, "for (int r = 0; r < " + n + "; r++) {");
    line(4, "for (int c = 0; c < " + n + "; c++) sJ[r * " + n + " + c] = (r == c ? 1.0 : 0.0) - h * sJ[r * " + n + " + c];");
    line(3, "}");
    for (int k = 0; k < n; k++) {
      line(3, "sG[" + k + "] = -(" + field(states.get(k)) + "[i] - x0[" + k + "] - h * sD[" + k + "]);");
    }
    line(3, "DenseSolver.solve(sJ, sG, " + n + ");");
    line(3, "boolean done = true;");
    for (int k = 0; k < n; k++) {
      String x = field(states.get(k)) + "[i]";
      line(3, x + " += sG[" + k + "];");
      line(3, "if (!(Math.abs(sG[" + k + "]) <= 1e-12 * Math.abs(" + x + ") + 1e-300)) done = false;");
    }
    // a system linear in its states is solved exactly by the first Newton step
    line(3, linear ? "break;" : "if (done) break;");
    line(2, "}");
    if (needsFinalEvaluation(blk.body(), states)) line(2, dj + "(i, sD, sJ);");
    line(1, "}");
    });
    return name;
  }

  // ------------------------------------------------------------------ KINETIC
  /**
   * KINETIC blocks become their ODE system in amount units (flux over COMPARTMENT volume), solved by
   * backward Euler with Newton iterations; CONSERVE replaces the equation of its last state.
   */
  private final class KineticCtx extends SolveCtx {
    final int n;
    /** All reactions first order with state-independent rates (nocmodl's _linmat). */
    boolean linear = true;
    String lastF = null;
    String lastB = null;
    final Set<Integer> replaced = new LinkedHashSet<>();
    final boolean[][] pattern;
    /** Emit only the block's values (fluxes, assignments), not the Newton system: the final evaluation. */
    boolean valuesOnly;

    void matrix(int ind, String code) {
      if (!valuesOnly) line(ind, firstWrite(code));
    }

    /** Locals of the system that have been given a value in this iteration's straight-line code. */
    private final Set<String> assigned = new HashSet<>();

    /**
     * {@code x += e} / {@code x -= e} as {@code x = e} / {@code x = -(e)} when it is the first
     * contribution to a system local outside any branch or loop: saves an addition per non-zero (x + 0.0
     * is not foldable for the compiler, because of -0.0).
     */
    String firstWrite(String code) {
      if (!scalar) return code;
      java.util.regex.Matcher m = ACCUMULATE.matcher(code);
      if (!m.matches()) return code;
      String var = m.group(1);
      boolean add = m.group(2).equals("+=");
      // a local first written inside a branch is not first at the top level after it either
      boolean first = assigned.add(var) && nesting == 0;
      Integer pos = var.startsWith("j") ? Integer.valueOf(var.substring(1)) : null;
      if (first) {
        if (add) return var + " = " + m.group(3) + ";";
        if (pos != null && pos % (n + 1) != 0) {
          negated.add(pos);
          return var + " = " + m.group(3) + ";";
        }
        // -(a - b) as b - a: the same value (up to the sign of a zero), without a sign flip
        java.util.regex.Matcher d = DIFFERENCE.matcher(m.group(3));
        if (d.matches()) return var + " = (" + d.group(2) + " - " + d.group(1) + ");";
        return var + " = -(" + m.group(3) + ");";
      }
      if (pos != null && negated.contains(pos)) return var + (add ? " -= " : " += ") + m.group(3) + ";";
      return code;
    }

    /**
     * Off-diagonal Jacobian locals whose first contribution was a subtraction hold -J instead of J
     * (mass-action schemes: most off-diagonal entries are minus a rate): HotSpot emits a sign-flip
     * instruction for each use of a negated value, and these solves are bound by the length of their
     * machine code. The elimination compensates exactly ({@link SparseElimination}).
     */
    final Set<Integer> negated = new HashSet<>();

    int sign(int pos) {
      return negated.contains(pos) ? -1 : 1;
    }

    /** Newton system in local variables (g<r>, j<pos>, v<r>) of one method instead of scratch arrays. */
    final boolean scalar;
    /** Row-major positions the block writes (scalar mode declares them). */
    final Set<Integer> written = new TreeSet<>();

    KineticCtx(List<String> states, boolean scalar) {
      super(states);
      n = states.size();
      pattern = new boolean[n][n];
      this.scalar = scalar;
    }

    String g(int r) { return scalar ? "g" + r : "sG[" + r + "]"; }

    String j(int pos) {
      written.add(pos);
      return scalar ? "j" + pos : "sJ[" + pos + "]";
    }

    String vol(int r) { return scalar ? "v" + r : "sX[" + r + "]"; }

    @Override void diffEq(DiffEq d, int ind) {
      throw err(d.pos(), "x' equations inside KINETIC blocks are not supported");
    }

    String flux(String which, Pos p) {
      String f = which.equals("f_flux") ? lastF : lastB;
      if (f == null) throw err(p, which + " before any reaction");
      return f;
    }

    /** The product c * prod(states^coef) and its derivative by each state. */
    private String rateTerm(String k, List<Term> side, int ind, String label, Map<Integer, String> derivs) {
      String f = freshTmp(label);
      StringBuilder prod = new StringBuilder(k);
      for (Term t : side) {
        checkState(t.state(), t.pos());
        String x = stateRef(t.state());
        prod.append(" * ").append(t.coefficient() == 1 ? x : "Math.pow(" + x + ", " + t.coefficient() + ")");
      }
      line(ind, "final double " + f + " = " + prod + ";");
      for (Term t : side) {
        int s = index(t.state(), t.pos());
        StringBuilder dp = new StringBuilder(k);
        for (Term o : side) {
          String x = stateRef(o.state());
          if (o == t) {
            if (o.coefficient() > 1) {
              dp.append(" * ").append(o.coefficient()).append(".0 * Math.pow(").append(x).append(", ")
                  .append(o.coefficient() - 1).append(")");
            }
          } else {
            dp.append(" * ").append(o.coefficient() == 1 ? x : "Math.pow(" + x + ", " + o.coefficient() + ")");
          }
        }
        String old = derivs.get(s);
        derivs.put(s, old == null ? dp.toString() : old + " + " + dp);
      }
      return f;
    }

    void reaction(Reaction r, int ind) {
      Set<String> st = new LinkedHashSet<>(states);
      if (r.kind().equals("<<")) {
        if (r.lhs().size() != 1 || r.lhs().get(0).coefficient() != 1) throw err(r.pos(), "'<<' takes a single state");
        int s = index(r.lhs().get(0).state(), r.pos());
        if (Symbolic.dependsOnAny(r.forward(), st)) linear = false;
        String fx = freshTmp("flux");
        line(ind, "final double " + fx + " = " + num(r.forward()) + ";");
        matrix(ind, g(s) + " -= " + fx + ";");
        lastF = "0.0";
        lastB = fx;
        return;
      }
      if (Symbolic.dependsOnAny(r.forward(), st) || (r.backward() != null && Symbolic.dependsOnAny(r.backward(), st))
          || order(r.lhs()) > 1 || order(r.rhs()) > 1) {
        linear = false;
      }
      String kf = freshTmp("kf");
      line(ind, "final double " + kf + " = " + num(r.forward()) + ";");
      Map<Integer, String> df = new LinkedHashMap<>();
      String ff = rateTerm(kf, r.lhs(), ind, "ff", df);
      String fb = "0.0";
      Map<Integer, String> db = new LinkedHashMap<>();
      if (r.backward() != null) {
        String kb = freshTmp("kb");
        line(ind, "final double " + kb + " = " + num(r.backward()) + ";");
        fb = rateTerm(kb, r.rhs(), ind, "fb", db);
      }
      lastF = ff;
      lastB = fb;
      // G holds -(net production); J holds -(d production / d x)
      for (Term t : r.lhs()) {
        int s = index(t.state(), t.pos());
        matrix(ind, g(s) + " += " + times(t.coefficient(), ff + " - " + fb) + ";");
        for (var e : df.entrySet()) { pattern[s][e.getKey()] = true; matrix(ind, j(s * n + e.getKey()) + " += " + times(t.coefficient(), e.getValue()) + ";"); }
        for (var e : db.entrySet()) { pattern[s][e.getKey()] = true; matrix(ind, j(s * n + e.getKey()) + " -= " + times(t.coefficient(), e.getValue()) + ";"); }
      }
      for (Term t : r.rhs()) {
        int s = index(t.state(), t.pos());
        matrix(ind, g(s) + " -= " + times(t.coefficient(), ff + " - " + fb) + ";");
        for (var e : df.entrySet()) { pattern[s][e.getKey()] = true; matrix(ind, j(s * n + e.getKey()) + " -= " + times(t.coefficient(), e.getValue()) + ";"); }
        for (var e : db.entrySet()) { pattern[s][e.getKey()] = true; matrix(ind, j(s * n + e.getKey()) + " += " + times(t.coefficient(), e.getValue()) + ";"); }
      }
    }

    /** {@code c * (e)}, without the multiplication when c is 1. */
    private String times(int c, String e) {
      return c == 1 ? "(" + e + ")" : c + ".0 * (" + e + ")";
    }

    private int order(List<Term> side) {
      int o = 0;
      for (Term t : side) o += t.coefficient();
      return o;
    }

    void compartment(Compartment c, int ind) {
      String vol = freshTmp("vol");
      line(ind, "final double " + vol + " = " + num(c.volume()) + ";");
      for (String st : c.states()) {
        if (!states.contains(st)) continue;
        matrix(ind, vol(index(st, c.pos())) + " = " + vol + ";");
      }
    }

    void conserve(Conserve c, int ind) {
      if (valuesOnly) return;
      int row = -1;
      for (int k = c.terms().size() - 1; k >= 0; k--) {
        int s = index(c.terms().get(k).state(), c.pos());
        if (!replaced.contains(s)) { row = s; break; }
      }
      if (row < 0) throw err(c.pos(), "CONSERVE has no state left whose equation it can replace");
      replaced.add(row);
      String total = freshTmp("cons");
      line(ind, "final double " + total + " = " + num(c.total()) + ";");
      // recorded; applied after the block (needs the final volumes)
      conserves.add(new String[] {String.valueOf(row), total});
      conserveTerms.add(c.terms());
    }

    final List<String[]> conserves = new ArrayList<>();
    final List<List<Term>> conserveTerms = new ArrayList<>();
  }

  private String kinetic(Callable blk, Solve s) {
    List<String> states = statesIn(blk);
    for (String st : states) checkState(st, blk.pos());
    int n = states.size();
    KineticCtx k = new KineticCtx(states, scalarKinetics);
    String solver = "sparse_" + blk.name();
    inNewMethod(() -> {
      if (k.scalar) kineticScalarStep(blk, k);
      else kineticArrayStep(blk, k);
      if (needsFinalEvaluation(blk.body(), states)) kineticFinal(blk, states);
      line(1, "private void " + solver + "(final int i, final double h) {");
      line(2, "step_" + blk.name() + "(i, h, " + k.linear + ");");
      line(1, "}");
      // STEADYSTATE sparse: dt = 1e9; linear schemes iterate once as nonlinear, nonlinear ones take up to
      // 7 linear steps until no state is below -1e-6, then one iterated solve (scopmath's _ss_sparse)
      line(1, "private void ss_" + blk.name() + "(final int i) {");
      if (k.linear) {
        line(2, "step_" + blk.name() + "(i, 1e9, false);");
      } else {
        line(2, "for (int k = 0; k < 7; k++) {");
        line(3, "step_" + blk.name() + "(i, 1e9, true);");
        line(3, "boolean ok = true;");
        for (int r = 0; r < n; r++) {
          String x = field(states.get(r)) + "[i]";
          line(3, "if (" + x + " < -1e-6) { " + x + " = 0.0; ok = false; }");
        }
        line(3, "if (ok) { step_" + blk.name() + "(i, 1e9, false); break; }");
        line(2, "}");
      }
      line(1, "}");
    });
    return solver;
  }

  /**
   * One backward-Euler Newton solve as scopmath's sparse (a single step for linear schemes, else iterate
   * until the summed |change| is below 1e-6 with states forced >= 0; then the block runs once more), in
   * one method whose residual, Jacobian non-zeros and volumes are local variables: HotSpot keeps them in
   * registers or stack slots, where scratch arrays cost a memory access, a bounds check and zeroing each.
   */
  private void kineticScalarStep(Callable blk, KineticCtx k) {
    List<String> states = k.states;
    int n = states.size();
    ctx = k;
    line(1, "private void step_" + blk.name() + "(final int i, final double h, final boolean lin) {");
    for (int r = 0; r < n; r++) line(2, "final double x0_" + r + " = " + field(states.get(r)) + "[i];");
    for (int r = 0; r < n; r++) {
      line(2, "double q" + r + " = x0_" + r + ";");
      declare(states.get(r), "q" + r);
    }
    line(2, "final double rh = 1.0 / h;");
    line(2, "for (int it = 0; it <= 21; it++) {");
    int declareAt = methods.length();
    scopes.push(new HashMap<>());
    statements(blk.body(), "KINETIC", 3);
    scopes.pop();
    // the time derivative as nocmodl writes it: (s - s0) / dt as a product with 1/dt, times the volume;
    // its residual term is zero in the first iteration (s = s0)
    for (int r = 0; r < n; r++) line(3, k.firstWrite(k.j(r * n + r) + " += rh * " + k.vol(r) + ";"));
    line(3, "if (it != 0) {");
    for (int r = 0; r < n; r++) line(4, k.g(r) + " += (rh * (q" + r + " - x0_" + r + ")) * " + k.vol(r) + ";");
    line(3, "}");
    applyConserves(k, 3);
    boolean[][] pat = new boolean[n][];
    for (int r = 0; r < n; r++) pat[r] = k.pattern[r].clone();
    // G is the residual, not its negation: the solve gives minus the Newton step, exactly
    for (String l : SparseElimination.code(pat, k::j, k::g, k::sign)) line(3, l);
    line(3, "double err = 0.0;");
    for (int r = 0; r < n; r++) {
      line(3, "q" + r + " -= " + k.g(r) + ";");
      line(3, "if (!lin && q" + r + " < 0.0) q" + r + " = 0.0;");
      line(3, "err += Math.abs(" + k.g(r) + ");");
      // the fields follow each iterate: procedures called by the block read states from them
      line(3, field(states.get(r)) + "[i] = q" + r + ";");
    }
    line(3, "if (lin || err <= 1e-6) break;");
    line(2, "}");
    if (needsFinalEvaluation(blk.body(), states)) line(2, "kfin_" + blk.name() + "(i);");
    line(1, "}");
    StringBuilder decl = new StringBuilder("      double");
    for (int r = 0; r < n; r++) decl.append(r == 0 ? " " : ", ").append("g").append(r).append(" = 0.0");
    decl.append(";\n      double");
    for (int r = 0; r < n; r++) decl.append(r == 0 ? " " : ", ").append("v").append(r).append(" = 1.0");
    decl.append(";\n");
    boolean first = true;
    for (int pos : k.written) {
      decl.append(first ? "      double " : ", ").append("j").append(pos).append(" = 0.0");
      first = false;
    }
    if (!first) decl.append(";\n");
    methods.insert(declareAt, decl);
    ctx = null;
  }

  /** The Newton solve with scratch arrays and separate methods, for schemes too large for one JIT-able method. */
  private void kineticArrayStep(Callable blk, KineticCtx k) {
    List<String> states = k.states;
    int n = states.size();
    scratch = Math.max(scratch, n);
    String fn = "kin_" + blk.name();
    ctx = k;
    // kin_: fills sG (residual of backward Euler, amount units) and sJ (its Jacobian) at the current states
    line(1, "private void " + fn + "(final int i, final double[] x0, final double h) {");
    // locals keep the method small enough for the JIT (HotSpot skips methods over 8000 bytes of bytecode)
    line(2, "final double[] sG = this.sG, sJ = this.sJ, sX = this.sX;");
    line(2, "final double rh = 1.0 / h;");
    for (int r = 0; r < n; r++) {
      line(2, "final double q" + r + " = " + field(states.get(r)) + "[i];");
      declare(states.get(r), "q" + r);
    }
    line(2, "java.util.Arrays.fill(sG, 0, " + n + ", 0.0);");
    int zeroAt = methods.length();
    line(2, "java.util.Arrays.fill(sX, 0, " + n + ", 1.0);");
    scopes.push(new HashMap<>());
    statements(blk.body(), "KINETIC", 2);
    scopes.pop();
    for (int r = 0; r < n; r++) {
      String x = stateRef(states.get(r));
      line(2, "sG[" + r + "] += (rh * (" + x + " - x0[" + r + "])) * sX[" + r + "];");
      line(2, "sJ[" + (r * n + r) + "] += rh * sX[" + r + "];");
    }
    applyConserves(k, 2);
    line(1, "}");
    ctx = null;
    {
      // zero only the entries the system and its elimination touch (pattern known after the block)
      boolean[][] pat = new boolean[n][];
      for (int r = 0; r < n; r++) pat[r] = k.pattern[r].clone();
      StringBuilder z = new StringBuilder();
      for (int pos : SparseElimination.touched(pat)) z.append("    sJ[").append(pos).append("] = 0.0;\n");
      methods.insert(zeroAt, z);
    }
    line(1, "private void lu_" + blk.name() + "() {");
    line(2, "final double[] sG = this.sG, sJ = this.sJ;");
    for (String l : SparseElimination.code(k.pattern, pos -> "sJ[" + pos + "]", r -> "sG[" + r + "]")) line(2, l);
    line(1, "}");
    line(1, "private void step_" + blk.name() + "(final int i, final double h, final boolean lin) {");
    line(2, "final double[] x0 = sX0;");
    for (int r = 0; r < n; r++) line(2, "x0[" + r + "] = " + field(states.get(r)) + "[i];");
    line(2, "for (int it = 0; it <= 21; it++) {");
    line(3, fn + "(i, x0, h);");
    line(3, "for (int r = 0; r < " + n + "; r++) sG[r] = -sG[r];");
    line(3, "lu_" + blk.name() + "();");
    line(3, "double err = 0.0;");
    for (int r = 0; r < n; r++) {
      String x = field(states.get(r)) + "[i]";
      line(3, x + " += sG[" + r + "];");
      line(3, "if (!lin && " + x + " < 0.0) " + x + " = 0.0;");
      line(3, "err += Math.abs(sG[" + r + "]);");
    }
    line(3, "if (lin || err <= 1e-6) break;");
    line(2, "}");
    if (needsFinalEvaluation(blk.body(), states)) line(2, "kfin_" + blk.name() + "(i);");
    line(1, "}");
  }

  /** CONSERVE rows replace their state's equation; applied after the block (needs the final volumes). */
  private void applyConserves(KineticCtx k, int ind) {
    int n = k.n;
    for (int c = 0; c < k.conserves.size(); c++) {
      int row = Integer.parseInt(k.conserves.get(c)[0]);
      String total = k.conserves.get(c)[1];
      if (k.scalar) {
        for (int col = 0; col < n; col++) {
          if (k.written.contains(row * n + col)) {
            line(ind, k.j(row * n + col) + " = 0.0;");
            k.negated.remove(row * n + col);
          }
        }
      } else {
        line(ind, "java.util.Arrays.fill(sJ, " + (row * n) + ", " + (row * n + n) + ", 0.0);");
      }
      java.util.Arrays.fill(k.pattern[row], false);
      for (Term t : k.conserveTerms.get(c)) k.pattern[row][k.states.indexOf(t.state())] = true;
      StringBuilder sum = new StringBuilder("0.0");
      for (Term t : k.conserveTerms.get(c)) {
        int j = k.states.indexOf(t.state());
        sum.append(" + ").append(t.coefficient()).append(".0 * ").append(k.vol(j)).append(" * ").append(stateRef(t.state()));
        line(ind, k.j(row * n + j) + " += " + t.coefficient() + ".0 * " + k.vol(j) + ";");
      }
      line(ind, k.g(row) + " = " + sum + " - " + total + ";");
    }
  }

  /** The block's assignments with the final states, as scopmath's sparse runs the block once more. */
  private void kineticFinal(Callable blk, List<String> states) {
    KineticCtx fin = new KineticCtx(states, false);
    fin.valuesOnly = true;
    ctx = fin;
    scopes.push(new HashMap<>());
    line(1, "private void kfin_" + blk.name() + "(final int i) {");
    for (int r = 0; r < states.size(); r++) {
      line(2, "final double q" + r + " = " + field(states.get(r)) + "[i];");
      declare(states.get(r), "q" + r);
    }
    scopes.push(new HashMap<>());
    statements(blk.body(), "KINETIC", 2);
    scopes.pop();
    line(1, "}");
    scopes.pop();
    ctx = null;
  }

  private int width(boolean fn, String name) {
    return fn ? 1 : Math.max(1, sym.fields.get(name).size());
  }

  /** A state's value: its local copy where one is in scope, else the instance field. */
  private String stateRef(String state) {
    String j = lookup(state);
    return j != null ? j : field(state) + "[i]";
  }

  /** True if every x' right-hand side is linear in the states (its Jacobian does not depend on them). */
  private static boolean linearIn(List<Stmt> body, Set<String> states) {
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
  private boolean needsFinalEvaluation(List<Stmt> body, List<String> states) {
    Set<String> st = new HashSet<>(states);
    Set<String> visited = new HashSet<>();
    return anyStatement(body, s -> s instanceof Assign)
        || anyExpression(body, e -> e instanceof Call c && callReadsStates(c.name(), st, visited));
  }

  /** Whether the file's callable {@code name} (or one it calls) reads one of {@code states}. */
  private boolean callReadsStates(String name, Set<String> states, Set<String> visited) {
    Callable c = mod.callables.get(name);
    if (c == null || !visited.add(name)) return false;
    return anyExpression(c.body(), e -> (e instanceof Var v && states.contains(v.name()))
        || (e instanceof Call k && callReadsStates(k.name(), states, visited)));
  }

  private static boolean anyStatement(List<Stmt> body, java.util.function.Predicate<Stmt> p) {
    for (Stmt s : body) {
      if (p.test(s)) return true;
      if (s instanceof If f && (anyStatement(f.then(), p) || anyStatement(f.otherwise(), p))) return true;
      if (s instanceof While w && anyStatement(w.body(), p)) return true;
      if (s instanceof From f && anyStatement(f.body(), p)) return true;
    }
    return false;
  }

  /** Whether any expression of the statements (at any depth, sub-expressions included) satisfies p. */
  private static boolean anyExpression(List<Stmt> body, java.util.function.Predicate<Expr> p) {
    for (Stmt s : body) {
      List<Expr> es = new ArrayList<>();
      List<List<Stmt>> nested = new ArrayList<>();
      if (s instanceof Assign a) { es.add(a.target()); es.add(a.value()); }
      else if (s instanceof ExprStmt x) es.add(x.expr());
      else if (s instanceof DiffEq d) es.add(d.rhs());
      else if (s instanceof If f) { es.add(f.cond()); nested.add(f.then()); nested.add(f.otherwise()); }
      else if (s instanceof While w) { es.add(w.cond()); nested.add(w.body()); }
      else if (s instanceof From f) { es.add(f.from()); es.add(f.to()); es.add(f.by()); nested.add(f.body()); }
      else if (s instanceof Reaction r) { es.add(r.forward()); if (r.backward() != null) es.add(r.backward()); }
      else if (s instanceof Conserve c) es.add(c.total());
      else if (s instanceof Compartment c) es.add(c.volume());
      else if (s instanceof LinEq l) { es.add(l.lhs()); es.add(l.rhs()); }
      else if (s instanceof Printf pr) es.addAll(pr.args());
      for (Expr e : es) if (e != null && anySubexpression(e, p)) return true;
      for (List<Stmt> n : nested) if (anyExpression(n, p)) return true;
    }
    return false;
  }

  private static boolean anySubexpression(Expr e, java.util.function.Predicate<Expr> p) {
    if (p.test(e)) return true;
    if (e instanceof Var v) return v.index() != null && anySubexpression(v.index(), p);
    if (e instanceof Unary u) return anySubexpression(u.operand(), p);
    if (e instanceof Binary b) return anySubexpression(b.left(), p) || anySubexpression(b.right(), p);
    if (e instanceof Call c) {
      for (Expr a : c.args()) if (anySubexpression(a, p)) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ LINEAR
  /**
   * LINEAR: each {@code ~} equation is a row of J x = b with state-independent coefficients. NONLINEAR
   * ({@code nonlinear}): each is a row of the residual F(x) = lhs - rhs and of its symbolic Jacobian at
   * the current states, for a Newton iteration.
   */
  private final class LinearCtx extends SolveCtx {
    int row;
    final boolean nonlinear;
    LinearCtx(List<String> states, boolean nonlinear) {
      super(states);
      this.nonlinear = nonlinear;
    }
    @Override void diffEq(DiffEq d, int ind) { throw err(d.pos(), "x' equation in a LINEAR block"); }

    void equation(LinEq e, int ind) {
      int n = states.size();
      if (row >= n) throw err(e.pos(), "more equations than states in " + (nonlinear ? "NON" : "") + "LINEAR block");
      Expr f = new Binary("-", e.lhs(), e.rhs());
      if (nonlinear) {
        for (int j = 0; j < n; j++) {
          try {
            line(ind, "sJ[" + (row * n + j) + "] = " + num(Symbolic.simplify(Symbolic.d(f, states.get(j)))) + ";");
          } catch (Symbolic.NotDifferentiable ex) {
            throw err(e.pos(), ex.getMessage());
          }
        }
        line(ind, "sG[" + row + "] = " + num(f) + ";");
        row++;
        return;
      }
      Expr rest = f;
      for (int j = 0; j < n; j++) {
        try {
          Expr c = Symbolic.d(f, states.get(j));
          if (Symbolic.dependsOnAny(c, new LinkedHashSet<>(states))) throw err(e.pos(), "equation is not linear");
          line(ind, "sJ[" + (row * n + j) + "] = " + num(c) + ";");
        } catch (Symbolic.NotDifferentiable ex) {
          throw err(e.pos(), ex.getMessage());
        }
        rest = Symbolic.substitute(rest, states.get(j), new Num(0));
      }
      line(ind, "sG[" + row + "] = -(" + num(Symbolic.simplify(rest)) + ");");
      row++;
    }
  }

  /**
   * LINEAR: one direct solve. NONLINEAR: Newton's method from the current states with the symbolic
   * Jacobian, iterated until every update is below 1e-13 relative (NEURON's scopmath newton stops at 1e-6
   * with a finite-difference Jacobian; both land on the same root to far better than its tolerance); at
   * most 100 iterations.
   */
  private String algebraic(Callable blk, boolean nonlinear) {
    List<String> states = statesIn(blk);
    for (String st : states) checkState(st, blk.pos());
    int n = states.size();
    scratch = Math.max(scratch, n);
    LinearCtx l = new LinearCtx(states, nonlinear);
    String kind = nonlinear ? "NONLINEAR" : "LINEAR";
    String name = (nonlinear ? "nonlinear_" : "linear_") + blk.name();
    int ind = nonlinear ? 3 : 2;
    inNewMethod(() -> {
    ctx = l;
    line(1, "private void " + name + "(final int i) {");
    if (nonlinear) line(2, "for (int it = 0; it < 100; it++) {");
    scopes.push(new HashMap<>());
    statements(blk.body(), kind, ind);
    scopes.pop();
    ctx = null;
    if (l.row != n) throw err(blk.pos(), kind + " block has " + l.row + " equations for " + n + " states");
    if (!nonlinear) {
      line(2, "DenseSolver.solve(sJ, sG, " + n + ");");
      for (int r = 0; r < n; r++) line(2, field(states.get(r)) + "[i] = sG[" + r + "];");
    } else {
      line(3, "if (!DenseSolver.solve(sJ, sG, " + n + ")) break;");
      line(3, "boolean done = true;");
      for (int r = 0; r < n; r++) {
        String x = field(states.get(r)) + "[i]";
        line(3, x + " -= sG[" + r + "];");
        line(3, "if (Math.abs(sG[" + r + "]) > 1e-13 * (1.0 + Math.abs(" + x + "))) done = false;");
      }
      line(3, "if (done) break;");
      line(2, "}");
    }
    line(1, "}");
    });
    return name;
  }

}
