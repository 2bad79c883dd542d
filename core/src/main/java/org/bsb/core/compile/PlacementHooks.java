package org.bsb.core.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.bsb.api.Reporter;
import org.bsb.api.placement.AfterPlacementHook;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementHookJob;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.network.Blocks;
import org.bsb.core.network.PlacedCells;
import org.bsb.core.network.Seeds;

/** Runs the {@code after_placement} hooks in config order over the placed cells; they may label cells. */
final class PlacementHooks {
    private PlacementHooks() {}

    static List<PlacementBlock> run(List<HookSpec> hooks, List<PlacementBlock> placement, long seed, Reporter reporter)
            throws CompileException {
        List<PlacementBlock> blocks = placement;
        for (HookSpec spec : hooks) {
            reporter.report(2, "Running after_placement hook " + spec.name() + " (" + spec.strategyName() + ")");
            Job job = new Job(spec, blocks, seed, reporter);
            try {
                run((AfterPlacementHook<?>) spec.hook(), job);
            } catch (PlacementException | RuntimeException e) {
                throw HookJobBase.failure("after_placement", spec, e);
            }
            blocks = job.blocks;
        }
        return blocks;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void run(AfterPlacementHook hook, Job job) throws PlacementException {
        hook.postprocess(job);
    }

    /** A hook's view: the current blocks, replaced as it labels cells (labels never change the counts). */
    private static final class Job extends HookJobBase implements PlacementHookJob<Record> {
        private final RandomGenerator random;
        private final Map<String, Integer> counts;
        List<PlacementBlock> blocks;

        Job(HookSpec spec, List<PlacementBlock> blocks, long seed, Reporter reporter) {
            super(spec, reporter);
            this.blocks = blocks;
            this.counts = Blocks.counts(blocks);
            this.random = Seeds.stream(seed, "after_placement." + spec.name(), 0);
        }

        @Override
        public List<String> cellTypes() {
            return new ArrayList<>(counts.keySet());
        }

        @Override
        public int count(String cellType) {
            return counts.getOrDefault(cellType, 0);
        }

        @Override
        public double[] positions(String cellType) {
            return new PlacedCells(blocks).positions(cellType);
        }

        @Override
        public Set<String> labels(String cellType, int id) {
            int first = 0;
            for (PlacementBlock b : Blocks.ofType(blocks, cellType)) {
                if (id >= first && id < first + b.size()) {
                    return b.labelsOf(id - first);
                }
                first += b.size();
            }
            throw new IllegalArgumentException(
                    "cell id " + id + " of '" + cellType + "' is out of range (" + first + " cells)");
        }

        @Override
        public void label(String cellType, Collection<String> labels, int... ids) {
            blocks = Blocks.label(blocks, cellType, labels, ids);
        }

        @Override
        public RandomGenerator random() {
            return random;
        }
    }
}
