package org.bsb.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.bsb.api.Reporter;
import org.bsb.api.storage.PlacementBlock;

/**
 * What the connectivity phase receives: the placed network and the means to run jobs.
 *
 * @param plan the compile plan (its {@code config()} is the typed config)
 * @param seed the network seed; derive job streams with {@link Seeds#stream}
 * @param placement placement blocks, sorted by cell type then chunk id: a cell's global id is
 *     its index in the concatenation of its type's blocks in this order
 * @param pool the compile's worker pool
 * @param threads its size
 * @param only the connectivity strategies to run, or null for all
 * @param cluster the cluster the jobs run on (rank 0 of a split compile), or null to run them in {@code pool}
 */
public record PlacedNetwork(
        CompilePlan plan,
        long seed,
        List<PlacementBlock> placement,
        MorphologyRepository morphologies,
        ExecutorService pool,
        int threads,
        Reporter reporter,
        Set<String> only,
        ClusterCompile cluster) {
    /** A compile in this process. */
    public PlacedNetwork(
            CompilePlan plan,
            long seed,
            List<PlacementBlock> placement,
            MorphologyRepository morphologies,
            ExecutorService pool,
            int threads,
            Reporter reporter,
            Set<String> only) {
        this(plan, seed, placement, morphologies, pool, threads, reporter, only, null);
    }

    /** The blocks of one cell type in global-id order. */
    public List<PlacementBlock> blocks(String cellType) {
        List<PlacementBlock> out = new ArrayList<>();
        for (PlacementBlock b : placement) {
            if (b.cellType().equals(cellType)) {
                out.add(b);
            }
        }
        return out;
    }

    /** Cells of a type. */
    public int count(String cellType) {
        int n = 0;
        for (PlacementBlock b : placement) {
            if (b.cellType().equals(cellType)) {
                n += b.size();
            }
        }
        return n;
    }
}
