package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bsb.api.Reporter;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.compile.CompileOptions.Mode;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connectivity phase receives the placed network and its blocks land in the file. */
class ConnectivitySeamTest {
    @TempDir
    Path dir;

    /** Connects every cell to the next one (by global id), one block per presynaptic chunk. */
    static final class ChainPhase implements ConnectivityPhase {
        int runs;
        long seenSeed;

        @Override
        public List<String> strategyNames(CompilePlan plan) {
            return List.of("chain");
        }

        @Override
        public List<ConnectivityBlock> run(PlacedNetwork network) {
            runs++;
            seenSeed = network.seed();
            List<ConnectivityBlock> out = new ArrayList<>();
            int n = network.count("stellate_cell");
            int id = 0;
            for (PlacementBlock b : network.blocks("stellate_cell")) {
                int[] pre = new int[3 * b.size()];
                int[] post = new int[3 * b.size()];
                for (int i = 0; i < b.size(); i++, id++) {
                    pre[3 * i] = id;
                    post[3 * i] = (id + 1) % n;
                    post[3 * i + 1] = 1;
                    post[3 * i + 2] = 2;
                }
                out.add(new ConnectivityBlock(
                        "chain", "stellate_cell", "stellate_cell", b.chunk().id(), pre, post));
            }
            return out;
        }
    }

    @Test
    void blocksAreStoredAndKeptOrReplacedByMode() throws Exception {
        Path out = dir.resolve("net.hdf5");
        ChainPhase phase = new ChainPhase();
        Compiler compiler = new Compiler(new Hdf5Engine(), "hdf5", phase, Reporter.SILENT);
        compiler.compile(Tutorial.plan(dir, 4L), new CompileOptions(out, Mode.NEW, false, false, null, null, null, 2));
        assertEquals(4L, phase.seenSeed);
        NetworkData n = new Hdf5Engine().read(out);
        assertEquals(6, n.connectivity().size());
        assertEquals(
                30, n.connectivity().stream().mapToInt(ConnectivityBlock::size).sum());
        ConnectivityBlock last = n.connectivity().get(5);
        assertEquals(8590000128L, last.preChunk());
        // The last chunk holds global ids 25..29; the chain wraps to cell 0.
        assertArrayEquals(new int[] {25, 0, 0, 26, 0, 0, 27, 0, 0, 28, 0, 0, 29, 0, 0}, last.preLocations());
        assertArrayEquals(new int[] {26, 1, 2, 27, 1, 2, 28, 1, 2, 29, 1, 2, 0, 1, 2}, last.postLocations());

        // --skip-connectivity keeps the stored connections; --append adds a second run's.
        compiler.compile(Tutorial.plan(dir, 4L), new CompileOptions(out, Mode.APPEND, true, true, null, null, 4L, 1));
        assertEquals(
                30,
                new Hdf5Engine()
                        .read(out).connectivity().stream()
                                .mapToInt(ConnectivityBlock::size)
                                .sum());
        compiler.compile(Tutorial.plan(dir, 4L), new CompileOptions(out, Mode.APPEND, true, false, null, null, 4L, 1));
        assertEquals(
                60,
                new Hdf5Engine()
                        .read(out).connectivity().stream()
                                .mapToInt(ConnectivityBlock::size)
                                .sum());
        // --redo of connectivity replaces the set.
        compiler.compile(Tutorial.plan(dir, 4L), new CompileOptions(out, Mode.REDO, true, false, null, null, 4L, 1));
        assertEquals(
                30,
                new Hdf5Engine()
                        .read(out).connectivity().stream()
                                .mapToInt(ConnectivityBlock::size)
                                .sum());
        // Runs: the first compile, the append and the redo (not the compile that skipped connectivity).
        assertEquals(3, phase.runs);
    }
}
