package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.postprocessing.MergeConnections;
import org.bsb.postprocessing.RemoveIntermediate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in after_connectivity hooks fuse chains of sets through their common cells, as the original's. */
class ConnectivityHooksTest {
    static PlacementBlock cells(String type, ChunkId chunk, int n) {
        return new PlacementBlock(type, chunk, new double[3 * n], new double[3 * n], new int[n], List.of("m"));
    }

    // A: cells 0, 1 in chunk (0,0,0) and 2 in chunk (1,0,0); B: 0, 1; C: 0, 1
    static final List<PlacementBlock> PLACEMENT = List.of(
            cells("A", new ChunkId(1, 0, 0), 1),
            cells("A", new ChunkId(0, 0, 0), 2),
            cells("B", new ChunkId(0, 0, 0), 2),
            cells("C", new ChunkId(0, 0, 0), 2));

    // A -> B: a0 -> b0, a1 -> b0 (chunk 0), a2 -> b1 (chunk 1); B -> C: b0 -> c1, b1 -> c0, b1 -> c1.
    // Branch and point carry the row's origin (10 + k for A->B rows, 20 + k for B->C rows).
    static final List<ConnectivityBlock> SETS = List.of(
            new ConnectivityBlock(
                    "A_to_B", "A", "B", new ChunkId(0, 0, 0).id(), new int[] {0, 10, 0, 1, 11, 0}, new int[] {
                        0, 10, 1, 0, 11, 1
                    }),
            new ConnectivityBlock(
                    "A_to_B", "A", "B", new ChunkId(1, 0, 0).id(), new int[] {2, 12, 0}, new int[] {1, 12, 1}),
            new ConnectivityBlock(
                    "B_to_C", "B", "C", new ChunkId(0, 0, 0).id(), new int[] {0, 20, 0, 1, 21, 0, 1, 22, 0}, new int[] {
                        1, 20, 1, 0, 21, 1, 1, 22, 1
                    }));

    private static HookSpec spec(String name, Object hook, Record parameters) {
        return new HookSpec(name, "test", (org.bsb.api.Parameterized<?>) hook, parameters);
    }

    private static List<ConnectivityBlock> set(List<ConnectivityBlock> blocks, String name) {
        return blocks.stream().filter(b -> b.set().equals(name)).toList();
    }

    /** Fused A -> C in ascending B order: b0 (a0, a1 x c1), then b1 (a2 x c0, c1), split by A's chunk. */
    private static void assertFused(List<ConnectivityBlock> fused) {
        assertEquals(2, fused.size());
        assertEquals(new ChunkId(0, 0, 0).id(), fused.get(0).preChunk());
        assertEquals("A", fused.get(0).preType());
        assertEquals("C", fused.get(0).postType());
        assertArrayEquals(new int[] {0, 10, 0, 1, 11, 0}, fused.get(0).preLocations());
        assertArrayEquals(new int[] {1, 20, 1, 1, 20, 1}, fused.get(0).postLocations());
        assertArrayEquals(new int[] {2, 12, 0, 2, 12, 0}, fused.get(1).preLocations());
        assertArrayEquals(new int[] {0, 21, 1, 1, 22, 1}, fused.get(1).postLocations());
    }

    @Test
    void mergeConnectionsFusesTheChainIntoASetNamedAfterTheHook() throws Exception {
        List<ConnectivityBlock> out = ConnectivityHooks.run(
                List.of(spec(
                        "fused", new MergeConnections(), new MergeConnections.Parameters(List.of("B_to_C", "A_to_B")))),
                PLACEMENT,
                SETS,
                Reporter.SILENT);
        assertFused(set(out, "fused"));
        assertEquals(3, set(out, "A_to_B").size() + set(out, "B_to_C").size(), "the fused sets stay");
    }

    @Test
    void removeIntermediateBypassesTheListedTypes() throws Exception {
        List<ConnectivityBlock> out = ConnectivityHooks.run(
                List.of(spec("bypass", new RemoveIntermediate(), new RemoveIntermediate.Parameters(List.of("B")))),
                PLACEMENT,
                SETS,
                Reporter.SILENT);
        assertFused(set(out, "A_to_C"));
    }

    @Test
    void loopsAndUnknownSetsAreErrorsNamingTheHook() {
        List<ConnectivityBlock> loop = List.of(
                SETS.get(0), new ConnectivityBlock("B_to_A", "B", "A", 0, new int[] {0, 0, 0}, new int[] {0, 0, 0}));
        String m = assertThrows(
                        CompileException.class,
                        () -> ConnectivityHooks.run(
                                List.of(spec(
                                        "f",
                                        new MergeConnections(),
                                        new MergeConnections.Parameters(List.of("A_to_B", "B_to_A")))),
                                PLACEMENT,
                                loop,
                                Reporter.SILENT))
                .getMessage();
        assertTrue(m.contains("after_connectivity.f (test) failed") && m.contains("loop detected"), m);
        m = assertThrows(
                        CompileException.class,
                        () -> ConnectivityHooks.run(
                                List.of(spec(
                                        "f",
                                        new MergeConnections(),
                                        new MergeConnections.Parameters(List.of("A_to_X")))),
                                PLACEMENT,
                                SETS,
                                Reporter.SILENT))
                .getMessage();
        assertTrue(m.contains("there is no connectivity set 'A_to_X'; the sets are [A_to_B, B_to_C]"), m);
    }

    @Test
    void aConfigNamesTheBuiltInHooksAndItsMistakesAreReported(@TempDir Path dir) throws Exception {
        TutorialProject project = new TutorialProject(dir);
        assertEquals(
                1,
                project.compile(
                        CompileCommandTest.CONFIG.replace(
                                "\"connectivity\": {}",
                                "\"connectivity\": {}, \"after_connectivity\": {\"fuse\": {\"strategy\": \"merge_connections\","
                                        + " \"connections\": [\"stellate_to_stellate\"]}, \"bad\": {\"strategy\": \"merge_conections\"}}")));
        assertTrue(
                project.err.contains("after_connectivity.bad.strategy") && project.err.contains("merge_connections"),
                project.err);
    }
}
