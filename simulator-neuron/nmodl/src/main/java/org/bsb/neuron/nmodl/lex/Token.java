package org.bsb.neuron.nmodl.lex;

/** One lexical token; {@code text} is the source text (for NUMBER the parsed value is in {@code number}). */
public record Token(Kind kind, String text, double number, int line, int column) {
    public enum Kind {
        NAME,
        NUMBER,
        STRING,
        PUNCT,
        PRIME,
        EOF
    }

    public boolean is(String punctOrName) {
        return (kind == Kind.PUNCT || kind == Kind.NAME) && text.equals(punctOrName);
    }

    @Override
    public String toString() {
        return kind == Kind.EOF ? "end of file" : "'" + text + "'";
    }
}
