package org.bsb.api.morphology;

/** A morphology file that cannot be read, with the file and line at fault. */
public class MorphologyFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;

    public MorphologyFormatException(String source, int line, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }
}
