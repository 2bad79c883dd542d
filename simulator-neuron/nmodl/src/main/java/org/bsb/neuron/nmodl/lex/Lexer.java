package org.bsb.neuron.nmodl.lex;

import java.util.ArrayList;
import java.util.List;
import org.bsb.neuron.nmodl.diag.NmodlException;

/**
 * Splits NMODL text into tokens. Comments ({@code :}, {@code ?} to end of line, COMMENT ... ENDCOMMENT),
 * TITLE lines and UNITSON/UNITSOFF are dropped here; VERBATIM is rejected because it would embed C.
 */
public final class Lexer {
    private static final String[] PUNCT = {
        "<->", "<<", "->", "<=", ">=", "==", "!=", "&&", "||", "(", ")", "{", "}", "[", "]", ",", "=", "<", ">", "+",
        "-", "*", "/", "^", "~", "!", ":"
    };
    private final String file;
    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    public Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    public static List<Token> tokenize(String file, String src) {
        return new Lexer(file, src).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            Token t = next();
            if (t == null) continue;
            out.add(t);
            if (t.kind() == Token.Kind.EOF) return out;
        }
    }

    private NmodlException error(int l, int c, String msg) {
        return new NmodlException(file, l, c, msg);
    }

    private void skipToEol() {
        while (pos < src.length() && src.charAt(pos) != '\n') pos++;
    }

    /** Returns the next token, or null when a construct was skipped. */
    private Token next() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) pos++;
            else if (c == ':' || c == '?') skipToEol();
            else break;
        }
        int col = pos - lineStart + 1;
        if (pos >= src.length()) return new Token(Token.Kind.EOF, "", 0, line, col);
        char c = src.charAt(pos);
        int startLine = line;
        if (isIdentStart(c)) {
            int s = pos;
            while (pos < src.length() && (isIdentStart(src.charAt(pos)) || isDigit(src.charAt(pos)))) pos++;
            String w = src.substring(s, pos);
            switch (w) {
                case "TITLE":
                    skipToEol();
                    return null;
                case "COMMENT":
                    skipUntil("ENDCOMMENT", startLine, col);
                    return null;
                case "UNITSON":
                case "UNITSOFF":
                    return null;
                case "VERBATIM":
                    throw error(
                            startLine,
                            col,
                            "VERBATIM blocks embed C code and are not supported: rewrite the block in NMODL");
                case "INCLUDE":
                    throw error(startLine, col, "INCLUDE is not supported: inline the included file");
                default:
            }
            if (pos < src.length() && src.charAt(pos) == '\'') {
                pos++;
                return new Token(Token.Kind.PRIME, w, 0, startLine, col);
            }
            return new Token(Token.Kind.NAME, w, 0, startLine, col);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            int s = pos;
            while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
            if (pos < src.length() && src.charAt(pos) == '.') {
                pos++;
                while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
            }
            if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
                if (pos < src.length() && isDigit(src.charAt(pos))) {
                    while (pos < src.length() && isDigit(src.charAt(pos))) pos++;
                } else {
                    pos = save;
                }
            }
            String text = src.substring(s, pos);
            return new Token(Token.Kind.NUMBER, text, Double.parseDouble(text), startLine, col);
        }
        if (c == '"') {
            int s = ++pos;
            while (pos < src.length() && src.charAt(pos) != '"') {
                if (src.charAt(pos) == '\n') throw error(startLine, col, "string not closed on its line");
                if (src.charAt(pos) == '\\') pos++;
                pos++;
            }
            if (pos >= src.length()) throw error(startLine, col, "string not closed");
            String text = src.substring(s, pos);
            pos++;
            return new Token(Token.Kind.STRING, text, 0, startLine, col);
        }
        for (String p : PUNCT) {
            if (src.startsWith(p, pos)) {
                pos += p.length();
                return new Token(Token.Kind.PUNCT, p, 0, startLine, col);
            }
        }
        throw error(startLine, col, "unexpected character '" + printable(c) + "'");
    }

    /** Identifiers are ASCII only: nothing else can reach generated code. */
    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    private void skipUntil(String end, int l, int c) {
        int i = src.indexOf(end, pos);
        if (i < 0) throw error(l, c, "COMMENT without " + end);
        for (int k = pos; k < i; k++)
            if (src.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        pos = i + end.length();
    }
}
