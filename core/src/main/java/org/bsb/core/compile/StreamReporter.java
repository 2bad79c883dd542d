package org.bsb.core.compile;

import java.io.PrintStream;
import org.bsb.api.Reporter;

/** Prints messages up to a verbosity level; thread-safe (jobs report from worker threads). */
public final class StreamReporter implements Reporter {
    private final PrintStream out;
    private final int verbosity;

    public StreamReporter(PrintStream out, int verbosity) {
        this.out = out;
        this.verbosity = verbosity;
    }

    public int verbosity() {
        return verbosity;
    }

    @Override
    public void report(int level, String message) {
        if (level <= verbosity) {
            synchronized (out) {
                out.println(message);
            }
        }
    }

    @Override
    public void warn(String message) {
        // The original silences warnings at verbosity 0.
        report(1, "Warning: " + message);
    }
}
