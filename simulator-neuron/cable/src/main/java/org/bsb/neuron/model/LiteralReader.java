package org.bsb.neuron.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads plain data literals written in Python or JSON syntax: dicts/objects (insertion ordered
 * {@link LinkedHashMap}), lists/arrays ({@link List}), tuples ({@link Tuple}), strings,
 * integers ({@link Long}), floats ({@link Double}), {@code True/False/None} and
 * {@code true/false/null}, {@code #} comments and trailing commas. Nothing is evaluated: the
 * original's model files ({@code define_model({...})}) are data, and are read as such.
 */
public final class LiteralReader {
    /** A Python tuple, e.g. {@code ("NMDA", "stellate")}. */
    public record Tuple(List<Object> items) {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    private final String src;
    private final String origin;
    private int pos;

    private LiteralReader(String src, String origin, int pos) {
        this.src = src;
        this.origin = origin;
        this.pos = pos;
    }

    /** Parses one literal that makes up the whole text. */
    public static Object parse(String text, String origin) {
        LiteralReader r = new LiteralReader(text, origin, 0);
        Object v = r.value();
        r.skip();
        if (r.pos != text.length()) {
            throw r.error("end of input");
        }
        return v;
    }

    /**
     * Finds {@code name = <call>(<literal>)} (or {@code name = <literal>}) in a Python source and
     * parses the literal; with {@code name == null} the first {@code define_model(} call is used.
     */
    public static Object parseAssignment(String python, String name, String origin) {
        int at;
        if (name == null) {
            at = python.indexOf("define_model(");
            if (at < 0) {
                throw new IllegalArgumentException(origin + ": no define_model({...}) call found");
            }
            at += "define_model(".length();
        } else {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "(?m)^\\s*" + java.util.regex.Pattern.quote(name) + "\\s*=\\s*([A-Za-z_][\\w.]*\\s*\\()?")
                    .matcher(python);
            if (!m.find()) {
                throw new IllegalArgumentException(origin + ": no assignment to '" + name + "' found");
            }
            at = m.end();
        }
        LiteralReader r = new LiteralReader(python, origin, at);
        return r.value();
    }

    private IllegalArgumentException error(String expected) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, src.length()); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        String found = pos < src.length() ? "'" + src.charAt(pos) + "'" : "end of input";
        return new IllegalArgumentException(
                origin + ":" + line + ":" + col + ": expected " + expected + ", found " + found);
    }

    private void skip() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private Object value() {
        skip();
        if (pos >= src.length()) {
            throw error("a value");
        }
        char c = src.charAt(pos);
        switch (c) {
            case '{':
                return dict();
            case '[':
                return sequence(']');
            case '(':
                return new Tuple(sequence(')'));
            case '"':
            case '\'':
                return string(c);
            default:
                if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    return number();
                }
                if (Character.isLetter(c) || c == '_') {
                    return word();
                }
                throw error("a value");
        }
    }

    private Map<String, Object> dict() {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        while (true) {
            skip();
            if (pos < src.length() && src.charAt(pos) == '}') {
                pos++;
                return m;
            }
            Object k = value();
            skip();
            if (pos >= src.length() || src.charAt(pos) != ':') {
                throw error("':'");
            }
            pos++;
            Object v = value();
            m.put(k instanceof Tuple t ? t.items().toString() : String.valueOf(k), v);
            skip();
            if (pos < src.length() && src.charAt(pos) == ',') {
                pos++;
            } else if (pos >= src.length() || src.charAt(pos) != '}') {
                throw error("',' or '}'");
            }
        }
    }

    private List<Object> sequence(char close) {
        pos++;
        List<Object> l = new ArrayList<>();
        while (true) {
            skip();
            if (pos < src.length() && src.charAt(pos) == close) {
                pos++;
                return l;
            }
            l.add(value());
            skip();
            if (pos < src.length() && src.charAt(pos) == ',') {
                pos++;
            } else if (pos >= src.length() || src.charAt(pos) != close) {
                throw error("',' or '" + close + "'");
            }
        }
    }

    private String string(char quote) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\' && pos < src.length()) {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        throw error("closing " + quote);
    }

    private Object number() {
        int start = pos;
        while (pos < src.length() && "+-.0123456789eE_".indexOf(src.charAt(pos)) >= 0) {
            pos++;
        }
        String t = src.substring(start, pos).replace("_", "");
        try {
            if (t.matches("[+-]?\\d+")) {
                return Long.parseLong(t);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("a number");
        }
    }

    private Object word() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String w = src.substring(start, pos);
        switch (w) {
            case "True":
            case "true":
                return Boolean.TRUE;
            case "False":
            case "false":
                return Boolean.FALSE;
            case "None":
            case "null":
                return null;
            default:
                pos = start;
                throw error("a literal (code such as '" + w + "' is not evaluated)");
        }
    }
}
