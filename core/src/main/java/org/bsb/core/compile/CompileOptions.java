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
 * @param force let {@code --redo} run strategies that were skipped or not selected when its
 *     closure needs them (else that is an error, as the original's RedoError)
 */
public record CompileOptions(
        Path output,
        Mode mode,
        boolean skipPlacement,
        boolean skipConnectivity,
        Set<String> onlyPlacement,
        Set<String> onlyConnectivity,
        Long seed,
        int threads,
        boolean force) {
    /** Without {@code --force}. */
    public CompileOptions(
            Path output,
            Mode mode,
            boolean skipPlacement,
            boolean skipConnectivity,
            Set<String> onlyPlacement,
            Set<String> onlyConnectivity,
            Long seed,
            int threads) {
        this(output, mode, skipPlacement, skipConnectivity, onlyPlacement, onlyConnectivity, seed, threads, false);
    }

    /** What to do with an existing network file. */
    public enum Mode {
        /** Fail if the file exists. */
        NEW,
        /** Start from an empty network. */
        CLEAR,
        /** Add to the existing data. */
        APPEND,
        /** Clear and re-run the requested strategies and everything sharing their data ({@link RedoClosure}). */
        REDO
    }

    public static CompileOptions simple(Path output, Long seed, int threads) {
        return new CompileOptions(output, Mode.CLEAR, false, false, null, null, seed, threads);
    }
}
