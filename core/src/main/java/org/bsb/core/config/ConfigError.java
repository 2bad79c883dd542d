package org.bsb.core.config;

import java.util.Comparator;
import org.bsb.api.config.SourcePosition;

/**
 * One problem of a config: where it is (file, 1-based line and column, 0 when unknown), the
 * config path ({@code cell_types.stellate_cell.spatial.density}), what was found and what was
 * expected. Printed as {@code file:line:col: path: found X, expected Y}.
 */
public record ConfigError(
        Severity severity, String file, int line, int column, String path, String found, String expected) {
    public enum Severity {
        ERROR,
        WARNING
    }

    /** Orders errors as they appear in the file. */
    public static final Comparator<ConfigError> IN_FILE_ORDER = Comparator.comparing(
                    ConfigError::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(ConfigError::line)
            .thenComparingInt(ConfigError::column)
            .thenComparing(ConfigError::path);

    public ConfigError {
        path = path == null ? "" : path;
    }

    public static ConfigError error(SourcePosition at, String path, String found, String expected) {
        return new ConfigError(Severity.ERROR, at.file(), at.line(), at.column(), path, found, expected);
    }

    public static ConfigError warning(SourcePosition at, String path, String found, String expected) {
        return new ConfigError(Severity.WARNING, at.file(), at.line(), at.column(), path, found, expected);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col}, or just the file when the line is unknown. */
    public String location() {
        return new SourcePosition(file == null ? "<config>" : file, line, column).toString();
    }

    /** The problem without the location: {@code path: found X, expected Y}. */
    public String message() {
        StringBuilder b = new StringBuilder();
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        b.append("found ").append(found).append(", expected ").append(expected);
        return b.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + (severity == Severity.WARNING ? "warning: " : "") + message();
    }
}
