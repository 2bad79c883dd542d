package org.bsb.core.compile;

import java.util.List;
import org.bsb.api.storage.ConnectivityBlock;

/**
 * The seam between placement and connectivity: given the placed network, runs the config's
 * connection strategies and returns their blocks. {@code bsb compile} passes one to the
 * {@link Compiler}; without one, connectivity is skipped with a warning.
 */
public interface ConnectivityPhase {
    /** The names of the connectivity sets the config defines (kept or replaced when re-running). */
    List<String> strategyNames(CompilePlan plan) throws CompileException;

    /**
     * The strategies as {@code --redo} sees them (cell types touched, dependencies, sets written);
     * without this a redo cannot tell which connectivity a re-placed cell type invalidates.
     */
    default List<RedoClosure.Strategy> describe(CompilePlan plan) throws CompileException {
        return List.of();
    }

    /**
     * @return blocks in a deterministic order (e.g. set, then presynaptic chunk), independent
     *     of the thread count
     */
    List<ConnectivityBlock> run(PlacedNetwork network) throws CompileException;
}
