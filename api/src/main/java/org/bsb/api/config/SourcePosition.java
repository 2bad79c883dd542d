package org.bsb.api.config;

/** Where a config node was read: file, 1-based line and column (0 when unknown). */
public record SourcePosition(String file, int line, int column) {
    public static SourcePosition unknown(String file) {
        return new SourcePosition(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
