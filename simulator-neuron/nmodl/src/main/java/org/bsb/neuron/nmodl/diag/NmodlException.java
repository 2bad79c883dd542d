package org.bsb.neuron.nmodl.diag;

/**
 * A problem with a {@code .mod} file: the message always names the file, and the line and column
 * when the problem has a position, so a user can find it without a stack trace.
 */
public class NmodlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;

    public NmodlException(String file, int line, int column, String message) {
        super(format(file, line, column, message));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public NmodlException(String file, String message) {
        this(file, 0, 0, message);
    }

    private static String format(String file, int line, int column, String message) {
        if (line <= 0) return file + ": " + message;
        return file + ":" + line + ":" + column + ": " + message;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
