package org.bsb.api;

/**
 * Progress and messages at the verbosity the user asked for (0 silent, 1 default, 2 phases,
 * 3 per-job detail, 4 debug), as the original's {@code report(msg, level)}.
 */
public interface Reporter {
    void report(int level, String message);

    default void warn(String message) {
        report(1, "Warning: " + message);
    }

    /** A reporter that drops everything. */
    Reporter SILENT = (level, message) -> {};
}
