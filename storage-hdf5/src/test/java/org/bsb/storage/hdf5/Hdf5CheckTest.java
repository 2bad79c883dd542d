package org.bsb.storage.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.InvalidNetworkException;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading checks a network file against the layout: each damaged variant of {@link Hdf5EngineTest#sample()}
 * (3 granule cells with morphology Cell of 2 branches of 2 and 3 points, one point cell, 2 connections g_to_g)
 * is refused with every problem named by dataset path and row, in words.
 */
class Hdf5CheckTest {
    @TempDir
    Path dir;

    /** The problems of a network written through the engine after {@code change} (which may make it invalid). */
    private InvalidNetworkException written(Consumer<Parts> change) throws Exception {
        Parts p = new Parts(Hdf5EngineTest.sample());
        change.accept(p);
        Path f = dir.resolve("bad.hdf5");
        new Hdf5Engine().write(f, p.build());
        return refused(f);
    }

    /** The problems of a copy of the sample's file with {@code patch} applied. */
    private InvalidNetworkException patched(Consumer<Hdf5Patch> patch) throws Exception {
        Path f = dir.resolve("net.hdf5");
        new Hdf5Engine().write(f, Hdf5EngineTest.sample());
        Hdf5Patch p = Hdf5Patch.of(f);
        patch.accept(p);
        Path bad = dir.resolve("bad.hdf5");
        p.writeTo(bad);
        return refused(bad);
    }

    private static InvalidNetworkException refused(Path f) {
        InvalidNetworkException e = assertThrows(InvalidNetworkException.class, () -> new Hdf5Engine().read(f));
        String m = e.getMessage();
        assertTrue(m.startsWith(f + " is not a valid network file ("), m);
        for (String internal : List.of("Exception", "Index:", "arraycopy", "\tat ", "null")) {
            assertFalse(m.contains(internal), "internal text '" + internal + "' in: " + m);
        }
        assertNotNull(e.config(), "the config is still handed on");
        return e;
    }

    private static void has(InvalidNetworkException e, String line) {
        assertTrue(e.getMessage().contains("\n  bad.hdf5: " + line), "expected '" + line + "' in:\n" + e.getMessage());
    }

    /** The sample's parts, to change before writing. */
    static final class Parts {
        final NetworkData n;
        final List<PlacementBlock> placement;
        final List<ConnectivityBlock> connectivity;

        Parts(NetworkData n) {
            this.n = n;
            placement = new ArrayList<>(n.placement());
            connectivity = new ArrayList<>(n.connectivity());
        }

        PlacementBlock block(int i) {
            return placement.get(i);
        }

        void positions(int block, double... values) {
            PlacementBlock b = placement.get(block);
            placement.set(
                    block,
                    new PlacementBlock(
                            b.cellType(), b.chunk(), values, b.rotations(), b.morphologies(), b.morphologyNames()));
        }

        void rotations(int block, double... values) {
            PlacementBlock b = placement.get(block);
            placement.set(
                    block,
                    new PlacementBlock(
                            b.cellType(), b.chunk(), b.positions(), values, b.morphologies(), b.morphologyNames()));
        }

        void morphologies(int block, int... values) {
            PlacementBlock b = placement.get(block);
            placement.set(
                    block,
                    new PlacementBlock(
                            b.cellType(), b.chunk(), b.positions(), b.rotations(), values, b.morphologyNames()));
        }

        void locations(int[] pre, int[] post) {
            ConnectivityBlock c = connectivity.get(0);
            connectivity.set(0, new ConnectivityBlock(c.set(), c.preType(), c.postType(), c.preChunk(), pre, post));
        }

        NetworkData build() {
            return new NetworkData(
                    n.configJson(), n.chunkSize(), n.morphologies(), placement, connectivity, n.attributes());
        }
    }

    // The sample's connections: pre {0,1,0, 1,1,2}, post {2,0,1, 0,1,1}.

    @Test
    void cellIdsOutOfRange() throws Exception {
        for (int bad : new int[] {Integer.MAX_VALUE, -5, 3}) {
            InvalidNetworkException e =
                    written(p -> p.locations(new int[] {0, 1, 0, 1, 1, 2}, new int[] {2, 0, 1, bad, 1, 1}));
            has(e, "/connectivity/g_to_g/0/post_locs row 1: cell id " + bad + " out of range 0..2 of granule");
            assertEquals(1, e.count());
        }
        InvalidNetworkException e =
                written(p -> p.locations(new int[] {-1, -1, -1, 1, 1, 2}, new int[] {2, 0, 1, 0, 1, 1}));
        has(e, "/connectivity/g_to_g/0/pre_locs row 0: cell id -1 out of range 0..2 of granule");
    }

    @Test
    void nonFinitePositionsAndRotations() throws Exception {
        has(
                written(p -> p.positions(0, 1, 2, 3, 4, Double.NaN, 6)),
                "/placement/granule/0/position row 1: position (4.0, NaN, 6.0) is not finite");
        has(
                written(p -> p.positions(2, Double.POSITIVE_INFINITY, 1, 1)),
                "/placement/point/1/position row 0: position (Infinity, 1.0, 1.0) is not finite");
        has(
                written(p -> p.rotations(0, 0, 0, Double.NEGATIVE_INFINITY, 0, 0, 0)),
                "/placement/granule/0/rotation row 0: rotation (0.0, 0.0, -Infinity) is not finite");
        has(
                written(p -> p.rotations(1, Double.NaN, 0, 0)),
                "/placement/granule/65536/rotation row 0: rotation (NaN, 0.0, 0.0) is not finite");
    }

    @Test
    void morphologyIndicesOutOfRange() throws Exception {
        has(
                written(p -> p.morphologies(0, 0, 42)),
                "/placement/granule/0/morphology row 1: morphology index 42 out of"
                        + " range: expected -1 (no morphology) or 0..0 (into the chunk's morphology_loaders [Cell])");
        has(written(p -> p.morphologies(0, -2, 0)), "/placement/granule/0/morphology row 0: morphology index -2");
        has(
                written(p -> p.morphologies(2, 0)),
                "/placement/point/1/morphology row 0: morphology index 0 out of range:"
                        + " the chunk has no morphology_loaders, so only -1 (no morphology)");
    }

    @Test
    void connectionLocationsOutOfRange() throws Exception {
        InvalidNetworkException e =
                written(p -> p.locations(new int[] {0, 2, 0, 1, 1, 3}, new int[] {2, 0, 1, 0, -3, -1}));
        has(
                e,
                "/connectivity/g_to_g/0/pre_locs row 0: branch 2 does not exist on morphology Cell of granule cell 0"
                        + " (branches 0..1; -1, -1 for no location)");
        has(
                e,
                "/connectivity/g_to_g/0/pre_locs row 1: point 3 does not exist on branch 1 of morphology Cell of"
                        + " granule cell 1 (points 0..2)");
        has(e, "/connectivity/g_to_g/0/post_locs row 1: branch -3 does not exist");
        assertEquals(3, e.count());
        // a location on a cell without morphology
        InvalidNetworkException f = written(p -> p.connectivity.add(new ConnectivityBlock(
                "p_to_p", "point", "point", new ChunkId(1, 0, 0).id(), new int[] {0, -1, -1}, new int[] {0, 0, 0})));
        has(
                f,
                "/connectivity/p_to_p/1/post_locs row 0: branch 0, point 0 on point cell 0, which has no morphology"
                        + " (expected -1, -1)");
    }

    @Test
    void datasetsShorterOrLongerThanTheirLength() throws Exception {
        has(
                patched(p -> p.dataset("/placement/granule/0/position", rows -> Arrays.copyOf((double[][]) rows, 1))),
                "/placement/granule/0/position: holds 1 row, but the chunk's len attribute is 2 (rows 1..1 are missing)");
        has(
                patched(p -> p.attribute("/placement/granule/0", "len", 5L)),
                "/placement/granule/0/position: holds 2 rows, but the chunk's len attribute is 5 (rows 2..4 are missing)");
        has(
                patched(p -> p.dataset("/connectivity/g_to_g/0/post_locs", rows -> Arrays.copyOf((int[][]) rows, 1))),
                "/connectivity/g_to_g/0/post_locs: holds 1 row, but the chunk's len attribute is 2");
        has(
                patched(p -> p.dataset("/placement/granule/0/morphology", rows -> new int[] {0, 0, 0})),
                "/placement/granule/0/morphology: holds 3 rows, but the chunk's len attribute is 2 (rows 2..2 are extra)");
        has(
                patched(p -> p.attribute("/placement/granule", "len", 4L)),
                "/placement/granule attribute len: is 4, but the len attributes of its chunks add up to 3");
        has(
                patched(p -> p.attribute("/morphologies/Cell", "points", 9L)),
                "/morphologies/Cell/data: holds 5 rows, but the morphology's points attribute is 9");
    }

    @Test
    void shapesAndTypesAgainstTheLayout() throws Exception {
        has(
                patched(p -> p.dataset("/placement/granule/0/position", rows -> {
                    double[][] r = (double[][]) rows;
                    return new double[][] {{r[0][0], r[0][1]}, {r[1][0], r[1][1]}};
                })),
                "/placement/granule/0/position: shape (2, 2), expected (N, 3) float64");
        has(
                patched(p -> p.dataset("/placement/granule/0/position", rows -> {
                    double[][] r = (double[][]) rows;
                    float[][] f = new float[r.length][3];
                    for (int i = 0; i < r.length; i++) {
                        for (int j = 0; j < 3; j++) {
                            f[i][j] = (float) r[i][j];
                        }
                    }
                    return f;
                })),
                "/placement/granule/0/position: type float32, expected (N, 3) float64");
        has(
                patched(p -> p.dataset("/connectivity/g_to_g/0/pre_locs", rows -> {
                    int[][] r = (int[][]) rows;
                    long[][] l = new long[r.length][3];
                    for (int i = 0; i < r.length; i++) {
                        for (int j = 0; j < 3; j++) {
                            l[i][j] = r[i][j];
                        }
                    }
                    return l;
                })),
                "/connectivity/g_to_g/0/pre_locs: type int64, expected (N, 3) int32");
        has(
                patched(p -> p.remove("/placement/granule/0/rotation")),
                "/placement/granule/0/rotation: missing (2 rows of float64 expected)");
        has(
                patched(p -> p.attribute("/", "chunk_size", new double[] {100, 0, Double.NaN})),
                "/ attribute chunk_size: found [100.0, 0.0, NaN], expected 3 finite numbers > 0");
        has(
                patched(p -> p.attribute("/", "seed", "forty-two")),
                "/ attribute seed: found 'forty-two', expected a whole number");
        has(
                patched(p -> p.attribute("/connectivity/g_to_g", "post", "golgi")),
                "/connectivity/g_to_g attribute post: names cell type 'golgi', which /placement does not hold (it holds"
                        + " granule, point)");
    }

    @Test
    void brokenMorphologies() throws Exception {
        // graph rows: end pointer, parent; the sample's is [[2, -1], [5, 0]]
        has(
                patched(p -> p.dataset("/morphologies/Cell/graph", rows -> new int[][] {{2, -1}, {5, 1}})),
                "/morphologies/Cell/graph row 1: parent branch 1, expected -1 (a root) or a branch before it (0..0)");
        has(
                patched(p -> p.dataset("/morphologies/Cell/graph", rows -> new int[][] {{4, -1}, {3, 0}})),
                "/morphologies/Cell/graph row 1: end pointer 3, expected 4..5");
        has(
                patched(p -> p.dataset("/morphologies/Cell/graph", rows -> new int[][] {{2, -1}, {4, 0}})),
                "/morphologies/Cell/graph: the last branch ends at point 4, but data holds 5 points");
        has(
                patched(p -> p.dataset("/morphologies/Cell/data", rows -> {
                    double[][] d = (double[][]) rows;
                    d[3][1] = Double.NaN;
                    d[4][4] = 7;
                    return d;
                })),
                "/morphologies/Cell/data row 3: point (0.0, NaN, 2.0) is not finite");
        has(
                patched(p -> p.dataset("/morphologies/Cell/data", rows -> {
                    double[][] d = (double[][]) rows;
                    d[4][4] = 7;
                    return d;
                })),
                "/morphologies/Cell/data row 4: label-set code 7.0 is not one of the codes 0..2 of the attribute labels");
    }

    @Test
    void everyProblemIsCountedAndTheFirstTwentyShown() throws Exception {
        int n = Hdf5Engine.CHUNKED_FROM + 88;
        double[] positions = new double[3 * n];
        Arrays.fill(positions, Double.NaN);
        PlacementBlock many =
                new PlacementBlock("many", new ChunkId(0, 0, 0), positions, new double[3 * n], new int[n], List.of());
        Path f = dir.resolve("bad.hdf5");
        new Hdf5Engine()
                .write(
                        f,
                        new NetworkData(
                                "{}", new Point3(100, 100, 100), List.of(), List.of(many), List.of(), Map.of()));
        InvalidNetworkException e = refused(f);
        // every cell: NaN position and morphology index 0 without morphology_loaders
        assertEquals(2L * n, e.count());
        assertTrue(
                e.getMessage().startsWith(f + " is not a valid network file (" + 2 * n + " problems):"),
                e.getMessage());
        assertEquals(InvalidNetworkException.SHOWN + 2, e.getMessage().split("\n").length, e.getMessage());
        assertTrue(
                e.getMessage().endsWith("\n  ... and " + (2 * n - InvalidNetworkException.SHOWN) + " more"),
                e.getMessage());
        assertEquals(Hdf5Reader.KEPT, e.problems().size());
    }
}
