package org.bsb.core.compile;

import java.nio.file.Path;
import java.util.Set;

/**
 * How to compile: the original's {@code bsb compile} flags plus {@code --seed} and {@code --threads}.
 *
 * @param output the network file
 * @param onlyPlacement null for all strategies
 * @param onlyConnectivity null for all strategies
 * @param seed overrides the config's seed; null to use the config's or draw one
 * @param threads worker threads, at least 1
 */
public record CompileOptions(Path output, Mode mode, boolean skipPlacement, boolean skipConnectivity,
        Set<String> onlyPlacement, Set<String> onlyConnectivity, Long seed, int threads) {
    /** What to do with an existing network file. */
    public enum Mode {
        /** Fail if the file exists. */
        NEW,
        /** Start from an empty network. */
        CLEAR,
        /** Add to the existing data. */
        APPEND,
        /** Replace the data of the strategies that run. */
        REDO
    }

    public static CompileOptions simple(Path output, Long seed, int threads) {
        return new CompileOptions(output, Mode.CLEAR, false, false, null, null, seed, threads);
    }
}
