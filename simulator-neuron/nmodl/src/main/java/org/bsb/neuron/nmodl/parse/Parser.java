package org.bsb.neuron.nmodl.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bsb.neuron.nmodl.ast.Ast.*;
import org.bsb.neuron.nmodl.ast.BinaryOp;
import org.bsb.neuron.nmodl.ast.BlockKind;
import org.bsb.neuron.nmodl.ast.ReactionKind;
import org.bsb.neuron.nmodl.ast.UnaryOp;
import org.bsb.neuron.nmodl.diag.NmodlException;
import org.bsb.neuron.nmodl.lex.Lexer;
import org.bsb.neuron.nmodl.lex.Token;
import org.bsb.neuron.nmodl.units.UnitConstants;

/** Recursive-descent parser for NMODL as NEURON's nocmodl accepts it (the subset real catalogues use). */
public final class Parser {
    private static final Set<String> NEURON_KEYWORDS = Set.of(
            "SUFFIX",
            "POINT_PROCESS",
            "ARTIFICIAL_CELL",
            "USEION",
            "RANGE",
            "GLOBAL",
            "NONSPECIFIC_CURRENT",
            "ELECTRODE_CURRENT",
            "POINTER",
            "BBCOREPOINTER",
            "THREADSAFE",
            "EXTERNAL",
            "READ",
            "WRITE",
            "VALENCE",
            "REPRESENTS");
    /**
     * Deepest expression nesting accepted: parentheses, unary operators, exponents, call arguments and operator
     * chains ({@code a + b + c} is 3 levels deep as a tree). Real files stay below 30; the limit keeps hostile
     * input from exhausting the stack of the parser, the code generator or javac.
     */
    public static final int MAX_EXPRESSION_DEPTH = 200;
    /** Deepest nesting of statement blocks (IF, ELSE IF, WHILE, FROM, braces); real files stay below 10. */
    public static final int MAX_BLOCK_DEPTH = 100;

    private final String file;
    private final List<Token> tokens;
    private int p;
    /** Expression levels and blocks the parser is inside of. */
    private int exprNesting, blockNesting;
    /** Tree depth of the operator nodes built so far (leaves are 1). */
    private final java.util.IdentityHashMap<Expr, Integer> treeDepth = new java.util.IdentityHashMap<>();

    private Parser(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** Parses a whole file; errors carry file, line and column. */
    public static ModFile parse(String file, String src) {
        return parse(file, Lexer.tokenize(file, src));
    }

    /** Parses the tokens of a whole file (ending with EOF, as {@link Lexer#tokenize} gives them). */
    public static ModFile parse(String file, List<Token> tokens) {
        Parser ps = new Parser(file, tokens);
        ModFile m;
        try {
            m = ps.module();
        } catch (StackOverflowError e) { // not expected within the nesting limits; a backstop with a position
            Token t = ps.tokens.get(Math.min(ps.p, ps.tokens.size() - 1));
            throw new NmodlException(file, t.line(), t.column(), "nesting too deep for the parser");
        }
        m.file = file;
        return m;
    }

    // ---------------------------------------------------------------- token helpers
    private Token peek() {
        return tokens.get(p);
    }

    private Token peek(int k) {
        return tokens.get(Math.min(p + k, tokens.size() - 1));
    }

    private Token advance() {
        return tokens.get(p++);
    }

    private boolean at(String s) {
        return peek().is(s);
    }

    private boolean accept(String s) {
        if (at(s)) {
            p++;
            return true;
        }
        return false;
    }

    private NmodlException error(Token t, String msg) {
        return new NmodlException(file, t.line(), t.column(), msg);
    }

    private Token expect(String s) {
        if (!at(s)) throw error(peek(), "expected '" + s + "' but found " + peek());
        return advance();
    }

    private String name() {
        Token t = peek();
        if (t.kind() != Token.Kind.NAME) throw error(t, "expected a name but found " + t);
        p++;
        return t.text();
    }

    private Pos pos() {
        return new Pos(peek().line(), peek().column());
    }

    /** Skips a balanced parenthesised units expression and returns its text. */
    private String units() {
        Token open = expect("(");
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        boolean lastWord = false;
        while (true) {
            Token t = advance();
            if (t.kind() == Token.Kind.EOF) throw error(open, "units '(' not closed");
            if (t.is("(")) depth++;
            if (t.is(")") && --depth == 0) return sb.toString().trim();
            boolean word = t.kind() != Token.Kind.PUNCT;
            if (word && lastWord) sb.append(' ');
            sb.append(t.text());
            lastWord = word;
        }
    }

    private double signedNumber() {
        boolean neg = false;
        while (at("-") || at("+")) {
            if (advance().is("-")) neg = !neg;
        }
        Token t = peek();
        if (t.kind() != Token.Kind.NUMBER) throw error(t, "expected a number but found " + t);
        p++;
        return neg ? -t.number() : t.number();
    }

    // ---------------------------------------------------------------- top level
    private ModFile module() {
        ModFile m = new ModFile();
        while (peek().kind() != Token.Kind.EOF) {
            Token t = peek();
            if (t.kind() != Token.Kind.NAME) throw error(t, "expected a block keyword but found " + t);
            Pos pos = pos();
            String kw = advance().text();
            switch (kw) {
                case "NEURON" -> neuronBlock(m);
                case "UNITS" -> unitsBlock(m);
                case "CONSTANT" -> declBlock(m.constants, false);
                case "PARAMETER" -> declBlock(m.parameters, false);
                case "ASSIGNED" -> declBlock(m.assigned, false);
                case "STATE" -> declBlock(m.states, true);
                case "INDEPENDENT" -> skipBraces();
                case "INITIAL" -> m.initial = block("INITIAL");
                case "BREAKPOINT" -> m.breakpoint = block("BREAKPOINT");
                case "DERIVATIVE", "KINETIC", "LINEAR", "NONLINEAR" -> {
                    String n = name();
                    addCallable(m, new Callable(BlockKind.of(kw), n, List.of(), block(kw), pos), t);
                }
                case "FUNCTION", "PROCEDURE" -> {
                    String n = name();
                    List<String> params = params();
                    if (at("(")) units();
                    addCallable(m, new Callable(BlockKind.of(kw), n, params, block(kw), pos), t);
                }
                case "NET_RECEIVE" -> {
                    if (m.netReceive != null) throw error(t, "second NET_RECEIVE block");
                    List<String> params = params();
                    m.netReceive = new Callable(BlockKind.NET_RECEIVE, "NET_RECEIVE", params, block(kw), pos);
                }
                case "LOCAL" -> m.locals.addAll(nameList());
                case "DEFINE" -> {
                    String n = name();
                    m.constants.add(new Decl(n, 0, signedNumber(), null, null, null, pos));
                }
                case "BEFORE",
                        "AFTER",
                        "FUNCTION_TABLE",
                        "DISCRETE",
                        "PARTIAL",
                        "MATCH",
                        "CONSTRUCTOR",
                        "DESTRUCTOR",
                        "TERMINAL",
                        "PLOT",
                        "CONSTRAINT" -> throw error(t, kw + " blocks are not supported");
                default -> throw error(t, "unknown top-level keyword '" + kw + "'");
            }
        }
        if (m.mechanismName() == null) {
            throw new NmodlException(file, "no NEURON block with SUFFIX, POINT_PROCESS or ARTIFICIAL_CELL");
        }
        return m;
    }

    private void addCallable(ModFile m, Callable c, Token t) {
        if (m.callables.put(c.name(), c) != null) throw error(t, "'" + c.name() + "' is defined twice");
    }

    private void skipBraces() {
        Token open = expect("{");
        int depth = 1;
        while (depth > 0) {
            Token t = advance();
            if (t.kind() == Token.Kind.EOF) throw error(open, "'{' not closed");
            if (t.is("{")) depth++;
            if (t.is("}")) depth--;
        }
    }

    /** Formal parameters: {@code (v(mV), x, kdc())}; a parenthesised suffix after a name is its units. */
    private List<String> params() {
        List<String> out = new ArrayList<>();
        expect("(");
        if (accept(")")) return out;
        do {
            out.add(name());
            if (at("(")) units();
        } while (accept(","));
        expect(")");
        return out;
    }

    private List<String> nameList() {
        List<String> out = new ArrayList<>();
        do {
            out.add(name());
            if (accept("[")) {
                signedNumber();
                expect("]");
            }
        } while (accept(","));
        return out;
    }

    /** A name list of the NEURON block, remembering where each name is (for messages). */
    private List<String> namesAt(ModFile m) {
        List<String> out = new ArrayList<>();
        do {
            m.neuronNames.putIfAbsent(peek().text(), pos());
            out.add(name());
        } while (accept(","));
        return out;
    }

    private void neuronBlock(ModFile m) {
        expect("{");
        while (!accept("}")) {
            Token t = peek();
            String kw = name();
            switch (kw) {
                case "SUFFIX" -> {
                    m.suffixPos = pos();
                    m.suffix = name();
                }
                case "POINT_PROCESS" -> {
                    m.suffixPos = pos();
                    m.pointProcess = name();
                }
                case "ARTIFICIAL_CELL" -> {
                    m.suffixPos = pos();
                    m.pointProcess = name();
                    m.artificialCell = true;
                }
                case "USEION" -> {
                    Pos pos = pos();
                    String ion = name();
                    List<String> read = new ArrayList<>();
                    List<String> write = new ArrayList<>();
                    Double valence = null;
                    while (true) {
                        if (accept("READ")) read.addAll(nameList());
                        else if (accept("WRITE")) write.addAll(nameList());
                        else if (accept("VALENCE")) valence = signedNumber();
                        else if (accept("REPRESENTS")) name();
                        else break;
                    }
                    m.ions.add(new UseIon(ion, read, write, valence, pos));
                }
                case "RANGE" -> m.range.addAll(namesAt(m));
                case "GLOBAL" -> m.global.addAll(namesAt(m));
                case "NONSPECIFIC_CURRENT" -> m.nonspecific.addAll(namesAt(m));
                case "ELECTRODE_CURRENT" -> m.electrodeCurrent.addAll(namesAt(m));
                case "POINTER", "BBCOREPOINTER" -> m.pointer.addAll(namesAt(m));
                case "EXTERNAL" -> nameList();
                case "THREADSAFE" -> {
                    m.threadsafe = true;
                    if (peek().kind() == Token.Kind.NAME && !NEURON_KEYWORDS.contains(peek().text())) nameList();
                }
                default -> throw error(t, "unknown NEURON block statement '" + kw + "'");
            }
        }
    }

    private void unitsBlock(ModFile m) {
        expect("{");
        while (!accept("}")) {
            if (at("(")) {
                units();
                expect("=");
                units();
                continue;
            }
            Token nt = peek();
            String n = name();
            expect("=");
            double value;
            if (peek().kind() == Token.Kind.NUMBER || at("-")) {
                value = signedNumber();
                if (at("(")) units();
            } else {
                String from = units();
                String to = at("(") ? units() : "1";
                Double v = UnitConstants.convert(from, to);
                if (v == null) {
                    throw error(nt, "cannot evaluate unit constant " + n + " = (" + from + ") (" + to + ")");
                }
                value = v;
            }
            m.unitConstants.put(n, value);
        }
    }

    private void declBlock(List<Decl> out, boolean state) {
        expect("{");
        while (!accept("}")) {
            Pos pos = pos();
            String n = name();
            int size = 0;
            Double value = null;
            String u = null;
            Double lo = null;
            Double hi = null;
            if (accept("[")) {
                size = (int) signedNumber();
                expect("]");
            }
            if (accept("=")) value = signedNumber();
            if (at("(")) u = units();
            if (accept("FROM")) {
                lo = signedNumber();
                expect("TO");
                hi = signedNumber();
            }
            if (at("<")) {
                advance();
                double a = signedNumber();
                if (accept(",")) {
                    lo = a;
                    hi = signedNumber();
                }
                expect(">");
            }
            if (at("START")) {
                advance();
                value = signedNumber();
            }
            out.add(new Decl(n, size, value, u, lo, hi, pos));
            accept(",");
        }
    }

    // ---------------------------------------------------------------- statements
    private List<Stmt> block(String context) {
        Token open = expect("{");
        enterBlock(open);
        List<Stmt> out = new ArrayList<>();
        while (!accept("}")) {
            if (peek().kind() == Token.Kind.EOF) throw error(peek(), "block not closed with '}'");
            Stmt s = statement(context);
            if (s != null) out.add(s);
        }
        blockNesting--;
        return out;
    }

    private void enterBlock(Token at) {
        if (++blockNesting > MAX_BLOCK_DEPTH) {
            throw error(at, "blocks nested deeper than " + MAX_BLOCK_DEPTH + " levels");
        }
    }

    private Stmt statement(String context) {
        Token t = peek();
        Pos pos = pos();
        if (t.kind() == Token.Kind.PRIME) {
            p++;
            expect("=");
            return new DiffEq(t.text(), expr(), pos);
        }
        if (t.is("~")) {
            p++;
            return tilde(context, pos);
        }
        if (t.is("{")) {
            List<Stmt> body = block(context);
            return new If(new Num(1), body, List.of());
        }
        if (t.kind() != Token.Kind.NAME) throw error(t, "expected a statement but found " + t);
        switch (t.text()) {
            case "LOCAL" -> {
                p++;
                return new Local(nameList(), pos);
            }
            case "TABLE" -> {
                p++;
                return table(pos);
            }
            case "SOLVE" -> {
                p++;
                return solve(pos);
            }
            case "IF", "if" -> {
                p++;
                return ifStmt(context);
            }
            case "WHILE", "while" -> {
                p++;
                expect("(");
                Expr c = expr();
                expect(")");
                return new While(c, block(context));
            }
            case "FROM" -> {
                p++;
                String v = name();
                expect("=");
                Expr a = expr();
                expect("TO");
                Expr b = expr();
                Expr by = accept("BY") ? expr() : new Num(1);
                return new From(v, a, b, by, block(context), pos);
            }
            case "CONSERVE" -> {
                p++;
                List<Term> terms = terms();
                expect("=");
                return new Conserve(terms, expr(), pos);
            }
            case "COMPARTMENT" -> {
                p++;
                Expr vol = expr();
                if (accept(",")) throw error(t, "indexed COMPARTMENT is not supported");
                expect("{");
                List<String> names = new ArrayList<>();
                while (!accept("}")) names.add(name());
                return new Compartment(vol, names, pos);
            }
            case "INITIAL" -> {
                p++;
                if (!context.equals("NET_RECEIVE")) throw error(t, "INITIAL block inside " + context);
                return new NetInitial(block(context));
            }
            case "printf" -> {
                p++;
                expect("(");
                List<Expr> args = new ArrayList<>();
                if (!at(")")) {
                    do {
                        if (peek().kind() == Token.Kind.STRING) p++;
                        else args.add(expr());
                    } while (accept(","));
                }
                expect(")");
                return new Printf(args);
            }
            case "PROTECT" -> {
                while (accept("PROTECT")) {}
                return statement(context);
            }
            case "MUTEXLOCK", "MUTEXUNLOCK" -> {
                p++;
                return null;
            }
            case "UNITSON", "UNITSOFF" -> {
                p++;
                return null;
            }
            case "LAG", "WATCH", "FOR_NETCONS", "LONGITUDINAL_DIFFUSION", "VERBATIM", "SWEEP", "MATCH" ->
                throw error(t, t.text() + " is not supported");
            default -> {}
        }
        p++;
        if (at("(")) {
            List<Expr> args = args();
            return new ExprStmt(new Call(t.text(), args, pos), pos);
        }
        Expr index = null;
        if (accept("[")) {
            index = expr();
            expect("]");
        }
        if (!at("=")) throw error(peek(), "expected '=' after '" + t.text() + "' but found " + peek());
        p++;
        return new Assign(new Var(t.text(), index, pos), expr(), pos);
    }

    private Stmt tilde(String context, Pos pos) {
        if (context.equals("LINEAR") || context.equals("NONLINEAR")) {
            Expr lhs = expr();
            expect("=");
            return new LinEq(lhs, expr(), pos);
        }
        if (!context.equals("KINETIC")) throw error(tokens.get(p - 1), "'~' outside a KINETIC block");
        List<Term> lhs = terms();
        if (accept("<<")) {
            expect("(");
            Expr flux = expr();
            expect(")");
            return new Reaction(ReactionKind.FLUX, lhs, List.of(), flux, null, pos);
        }
        ReactionKind kind;
        if (accept("<->")) kind = ReactionKind.REVERSIBLE;
        else if (accept("->")) kind = ReactionKind.FORWARD;
        else throw error(peek(), "expected '<->', '->' or '<<' in reaction but found " + peek());
        List<Term> rhs = terms();
        expect("(");
        Expr kf = expr();
        Expr kb = null;
        if (kind == ReactionKind.REVERSIBLE) {
            expect(",");
            kb = expr();
        }
        expect(")");
        return new Reaction(kind, lhs, rhs, kf, kb, pos);
    }

    private List<Term> terms() {
        List<Term> out = new ArrayList<>();
        do {
            Pos pos = pos();
            int coef = 1;
            if (peek().kind() == Token.Kind.NUMBER) {
                Token n = advance();
                if (n.number() != Math.rint(n.number()) || n.number() < 1)
                    throw error(n, "reaction coefficient must be a positive integer");
                coef = (int) n.number();
                accept("*");
            }
            String s = name();
            if (at("[")) throw error(peek(), "array states in reactions are not supported");
            out.add(new Term(coef, s, pos));
        } while (accept("+"));
        return out;
    }

    private Stmt table(Pos pos) {
        List<String> names = new ArrayList<>();
        if (!at("DEPEND") && !at("FROM")) names.addAll(nameList());
        List<String> dep = new ArrayList<>();
        if (accept("DEPEND")) dep.addAll(nameList());
        expect("FROM");
        Expr from = expr();
        expect("TO");
        Expr to = expr();
        expect("WITH");
        Expr with = expr();
        return new Table(names, dep, from, to, with, pos);
    }

    private Stmt solve(Pos pos) {
        String blk = name();
        String method = null;
        boolean ss = false;
        if (accept("METHOD")) method = name();
        else if (accept("STEADYSTATE")) {
            method = name();
            ss = true;
        }
        if (at("IFERROR")) throw error(peek(), "SOLVE ... IFERROR is not supported");
        return new Solve(blk, method, ss, pos);
    }

    private Stmt ifStmt(String context) {
        expect("(");
        Expr c = expr();
        expect(")");
        List<Stmt> then = block(context);
        List<Stmt> otherwise = List.of();
        if (accept("ELSE") || accept("else")) {
            Token elseIf = peek();
            if (accept("IF") || accept("if")) {
                enterBlock(elseIf); // an ELSE IF is an IF inside the ELSE branch, for the parser and the generated code
                otherwise = List.of(ifStmt(context));
                blockNesting--;
            } else {
                otherwise = block(context);
            }
        }
        return new If(c, then, otherwise);
    }

    private List<Expr> args() {
        expect("(");
        List<Expr> out = new ArrayList<>();
        if (accept(")")) return out;
        do out.add(expr());
        while (accept(","));
        expect(")");
        return out;
    }

    // ---------------------------------------------------------------- expressions
    private Expr expr() {
        enterExpression(peek());
        Expr e = or();
        exprNesting--;
        return e;
    }

    private void enterExpression(Token at) {
        if (++exprNesting > MAX_EXPRESSION_DEPTH) throw tooDeep(at);
    }

    private NmodlException tooDeep(Token at) {
        return error(at, "expression nested deeper than " + MAX_EXPRESSION_DEPTH + " levels");
    }

    private int depth(Expr e) {
        return treeDepth.getOrDefault(e, 1);
    }

    /** A node one level above its operands; too deep a tree (e.g. a chain of 300 additions) is an error at {@code op}. */
    private Expr node(Token op, Expr e, Expr... operands) {
        int d = 0;
        for (Expr o : operands) d = Math.max(d, depth(o));
        if (d + 1 > MAX_EXPRESSION_DEPTH) throw tooDeep(op);
        treeDepth.put(e, d + 1);
        return e;
    }

    private Expr binary(Token op, Expr l, Expr r) {
        return node(op, new Binary(BinaryOp.of(op.text()), l, r), l, r);
    }

    private Expr or() {
        Expr l = and();
        while (at("||")) {
            Token op = advance();
            l = binary(op, l, and());
        }
        return l;
    }

    private Expr and() {
        Expr l = rel();
        while (at("&&")) {
            Token op = advance();
            l = binary(op, l, rel());
        }
        return l;
    }

    private Expr rel() {
        Expr l = add();
        while (at("<") || at(">") || at("<=") || at(">=") || at("==") || at("!=")) {
            Token op = advance();
            l = binary(op, l, add());
        }
        return l;
    }

    private Expr add() {
        Expr l = mul();
        while (at("+") || at("-")) {
            Token op = advance();
            l = binary(op, l, mul());
        }
        return l;
    }

    private Expr mul() {
        Expr l = unary();
        while (at("*") || at("/")) {
            Token op = advance();
            l = binary(op, l, unary());
        }
        return l;
    }

    private Expr unary() {
        Token op = peek();
        if (!(op.is("-") || op.is("+") || op.is("!"))) return pow();
        p++;
        enterExpression(op);
        Expr operand = unary();
        exprNesting--;
        if (op.is("+")) return operand;
        return node(op, new Unary(op.is("-") ? UnaryOp.NEG : UnaryOp.NOT, operand), operand);
    }

    private Expr pow() {
        Expr base = primary();
        Token op = peek();
        if (!accept("^")) return base;
        enterExpression(op);
        Expr exponent = unary();
        exprNesting--;
        return binary(op, base, exponent);
    }

    private Expr primary() {
        Token t = peek();
        Pos pos = pos();
        if (t.kind() == Token.Kind.NUMBER) {
            p++;
            if (at("(")) units();
            return new Num(t.number());
        }
        if (t.is("(")) {
            p++;
            Expr e = expr();
            expect(")");
            return e;
        }
        if (t.kind() == Token.Kind.NAME) {
            p++;
            if (at("(")) {
                List<Expr> args = args();
                return node(t, new Call(t.text(), args, pos), args.toArray(new Expr[0]));
            }
            Expr index = null;
            if (accept("[")) {
                index = expr();
                expect("]");
                return node(t, new Var(t.text(), index, pos), index);
            }
            return new Var(t.text(), index, pos);
        }
        throw error(t, "expected an expression but found " + t);
    }
}
