package org.bsb.storage.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.api.storage.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5EngineTest {
    @TempDir
    Path dir;

    static NetworkData sample() {
        Morphology m = new Morphology(
                "Cell",
                List.of(
                        new Branch(-1, new double[] {0, 0, 0, 0, 0, 1}, new double[] {2, 1.5}, new int[] {1, 1}),
                        new Branch(
                                0, new double[] {0, 0, 1, 0, 1, 2, 0, 2, 3}, new double[] {1.5, 0.5, 0.25}, new int[] {
                                    2, 2, 2
                                })),
                List.of(Set.of(), Set.of("soma"), Set.of("dendrites", "proximal")));
        PlacementBlock a0 = new PlacementBlock(
                "granule",
                new ChunkId(0, 0, 0),
                new double[] {1, 2, 3, 4, 5, 6},
                new double[6],
                new int[] {0, 0},
                List.of("Cell"));
        PlacementBlock a1 = new PlacementBlock(
                "granule",
                new ChunkId(0, 1, 0),
                new double[] {7, 108, 9},
                new double[3],
                new int[] {0},
                List.of("Cell"));
        PlacementBlock b0 = new PlacementBlock(
                "point",
                new ChunkId(1, 0, 0),
                new double[] {150, 1, 1},
                new double[] {0, 90, 0},
                new int[] {-1},
                List.of());
        ConnectivityBlock c = new ConnectivityBlock(
                "g_to_g", "granule", "granule", 0, new int[] {0, 1, 0, 1, 1, 2}, new int[] {2, 0, 1, 0, 1, 1});
        return new NetworkData(
                "{\"name\": \"t\"}",
                new Point3(100, 100, 100),
                List.of(m),
                List.of(a0, a1, b0),
                List.of(c),
                Map.of("seed", "42", "name", "t"));
    }

    @Test
    void roundTrips() throws Exception {
        Path f = dir.resolve("net.hdf5");
        Hdf5Engine engine = new Hdf5Engine();
        NetworkData n = sample();
        engine.write(f, n);
        assertTrue(engine.exists(f));
        NetworkData r = engine.read(f);
        assertEquals(n.configJson(), r.configJson());
        assertEquals(n.chunkSize(), r.chunkSize());
        assertEquals("42", r.attributes().get("seed"));
        assertEquals(3, r.placement().size());
        for (int i = 0; i < 3; i++) {
            PlacementBlock x = n.placement().get(i);
            PlacementBlock y = r.placement().get(i);
            assertEquals(x.cellType(), y.cellType());
            assertEquals(x.chunk(), y.chunk());
            assertArrayEquals(x.positions(), y.positions());
            assertArrayEquals(x.rotations(), y.rotations());
            assertArrayEquals(x.morphologies(), y.morphologies());
            assertEquals(x.morphologyNames(), y.morphologyNames());
        }
        Morphology m = r.morphologies().get(0);
        assertEquals("Cell", m.name());
        assertEquals(2, m.branches().size());
        assertEquals(0, m.branches().get(1).parent());
        assertArrayEquals(
                n.morphologies().get(0).branches().get(1).points(),
                m.branches().get(1).points());
        assertArrayEquals(new double[] {1.5, 0.5, 0.25}, m.branches().get(1).radii());
        assertEquals(
                Set.of("dendrites", "proximal"), m.labelSet(m.branches().get(1).labels()[0]));
        ConnectivityBlock c = r.connectivity().get(0);
        assertEquals("g_to_g", c.set());
        assertEquals("granule", c.preType());
        assertArrayEquals(n.connectivity().get(0).preLocations(), c.preLocations());
        assertArrayEquals(n.connectivity().get(0).postLocations(), c.postLocations());
    }

    @Test
    void writesAreDeterministic() throws Exception {
        Path a = dir.resolve("a.hdf5");
        Path b = dir.resolve("b.hdf5");
        new Hdf5Engine().write(a, sample());
        new Hdf5Engine().write(b, sample());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void aFailureMidWriteLeavesThePreviousFileIntact() throws Exception {
        Path f = dir.resolve("net.hdf5");
        new Hdf5Engine().write(f, sample());
        byte[] before = Files.readAllBytes(f);
        NetworkData other = new NetworkData("{}", new Point3(50, 50, 50), List.of(), List.of(), List.of(), Map.of());
        Hdf5Engine failing = new Hdf5Engine() {
            @Override
            protected void beforeRename(Path tmp) throws IOException {
                throw new IOException("disk on fire");
            }
        };
        StorageException e = assertThrows(StorageException.class, () -> failing.write(f, other));
        assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(3, new Hdf5Engine().read(f).placement().size());
        // No temp file is left behind.
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void truncatedForeignAndMissingFilesGiveClearErrors() throws Exception {
        Path f = dir.resolve("net.hdf5");
        new Hdf5Engine().write(f, sample());
        byte[] all = Files.readAllBytes(f);
        Path truncated = dir.resolve("truncated.hdf5");
        Files.write(truncated, Arrays.copyOf(all, all.length / 2));
        StorageException e = assertThrows(StorageException.class, () -> new Hdf5Engine().read(truncated));
        assertTrue(e.getMessage().contains("truncated.hdf5") && e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(new Hdf5Engine().exists(truncated) && false);

        Path text = dir.resolve("notes.hdf5");
        Files.writeString(text, "hello", StandardCharsets.UTF_8);
        StorageException e2 = assertThrows(StorageException.class, () -> new Hdf5Engine().read(text));
        assertTrue(e2.getMessage().contains("not an HDF5 file"), e2.getMessage());
        assertFalse(new Hdf5Engine().exists(text));

        StorageException e3 =
                assertThrows(StorageException.class, () -> new Hdf5Engine().read(dir.resolve("nope.hdf5")));
        assertTrue(e3.getMessage().contains("does not exist"), e3.getMessage());
    }

    @Test
    void foreignHdf5IsRecognised() throws Exception {
        Path foreign = dir.resolve("foreign.h5");
        try (var h = io.jhdf.HdfFile.write(foreign)) {
            h.putDataset("x", new double[] {1, 2});
        }
        StorageException e = assertThrows(StorageException.class, () -> new Hdf5Engine().read(foreign));
        assertTrue(e.getMessage().contains("not a BSB network"), e.getMessage());
    }

    @Test
    void sparseNetworksStayReadable() throws Exception {
        // jHDF 0.13 corrupts files where an empty group precedes a dataset: no config, no
        // morphologies, empty blocks and a morphology without branches must still read back.
        Morphology none = new Morphology("None", List.of(), List.of(Set.of()));
        Morphology dot = new Morphology(
                "Dot", List.of(new Branch(-1, new double[0], new double[0], new int[0])), List.of(Set.of()));
        PlacementBlock empty =
                new PlacementBlock("ghost", new ChunkId(0, 0, 0), new double[0], new double[0], new int[0], List.of());
        PlacementBlock one = new PlacementBlock(
                "one", new ChunkId(0, 0, 0), new double[] {1, 2, 3}, new double[3], new int[] {-1}, List.of());
        for (NetworkData n : List.of(
                new NetworkData(null, new Point3(10, 10, 10), List.of(), List.of(), List.of(), Map.of()),
                new NetworkData(null, new Point3(10, 10, 10), List.of(), List.of(empty, one), List.of(), Map.of()),
                new NetworkData("{}", new Point3(10, 10, 10), List.of(none, dot), List.of(one), List.of(), Map.of()))) {
            Path f = dir.resolve("sparse.hdf5");
            new Hdf5Engine().write(f, n);
            NetworkData r = new Hdf5Engine().read(f);
            assertEquals(n.configJson(), r.configJson());
            assertEquals(
                    n.placement().stream().filter(b -> b.size() > 0).count(),
                    r.placement().size());
            assertEquals(n.morphologies().size(), r.morphologies().size());
            if (n.configJson() != null && H5py.available()) {
                H5py.run(f, "import h5py\nh5py.File(path, 'r').visit(lambda name: None)\n");
            }
        }
    }

    @Test
    void largeChunkTablesStayReadable() throws Exception {
        // 1,500 chunks: the JSON chunk table attribute of earlier versions (about 80 KB here) outgrew
        // what jHDF can keep in an object header and broke the file; tables are datasets now.
        List<PlacementBlock> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            blocks.add(new PlacementBlock(
                    "many",
                    new ChunkId(i % 50, i / 50, 0),
                    new double[] {i, 0, 0},
                    new double[3],
                    new int[] {-1},
                    List.of()));
        }
        blocks.sort(java.util.Comparator.comparing(PlacementBlock::chunk));
        Path f = dir.resolve("many.hdf5");
        new Hdf5Engine().write(f, new NetworkData("{}", new Point3(1, 1, 1), List.of(), blocks, List.of(), Map.of()));
        NetworkData r = new Hdf5Engine().read(f);
        assertEquals(1500, r.placement().size());
        assertEquals(blocks.get(1499).chunk(), r.placement().get(1499).chunk());
    }

    @Test
    void largeBlocksAreChunkedAndReadBackExactly() throws Exception {
        int n = Hdf5Engine.CHUNKED_FROM * 3 + 7;
        double[] pos = new double[3 * n];
        int[] morpho = new int[n];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = i * 0.25 - 17;
        }
        PlacementBlock big =
                new PlacementBlock("big", new ChunkId(2, 0, 1), pos, new double[3 * n], morpho, List.of("Cell"));
        Path f = dir.resolve("big.hdf5");
        // (the morphology its cells name must be stored too: a network naming a missing one does not read)
        Morphology cell = new Morphology(
                "Cell", List.of(new Branch(-1, new double[3], new double[] {1}, new int[1])), List.of(Set.of()));
        new Hdf5Engine()
                .write(
                        f,
                        new NetworkData(
                                null, new Point3(100, 100, 100), List.of(cell), List.of(big), List.of(), Map.of()));
        PlacementBlock back = new Hdf5Engine().read(f).placement().get(0);
        assertArrayEquals(pos, back.positions());
        assertEquals(n, back.size());
        if (H5py.available()) {
            String out = H5py.run(f, """
                    import h5py
                    d = h5py.File(path, 'r')['placement/big/4294967298/position']
                    print(d.shape, d.chunks is not None, repr(float(d[-1, 2])))
                    """);
            assertEquals("(" + n + ", 3) True " + (pos[3 * n - 1]), out.trim());
        }
    }

    @Test
    void h5pyReadsTheLayout() throws Exception {
        assumeTrue(H5py.available(), "python3-h5py is not installed (apt-get install python3-h5py)");
        Path f = dir.resolve("net.hdf5");
        new Hdf5Engine().write(f, sample());
        String out = H5py.run(f, """
                import h5py, json
                f = h5py.File(path, 'r')
                print(list(f.attrs['chunk_size']))
                g = f['placement/granule']
                print(int(g.attrs['len']), sorted(g.keys(), key=int))
                p = g['65536/position'][()]
                print(p.shape, p.dtype, list(p[0]))
                print(list(f['placement/granule/0/morphology'][()]))
                print([x.decode() if isinstance(x, bytes) else x for x in g['0'].attrs['morphology_loaders']])
                print(f['placement/point/65536'] if False else list(f['placement/point'].keys()))
                print(f['morphologies/Cell/data'].shape, list(f['morphologies/Cell/graph'][()][:, 0]))
                c = f['connectivity/g_to_g/0']
                print(c['pre_locs'].shape, c['post_locs'][()].tolist())
                cfg = f['files/config'][()]
                print(json.loads(cfg.decode() if isinstance(cfg, bytes) else cfg))
                print(f['chunks'][()].tolist(), int(f['connectivity/g_to_g'].attrs['len']))
                """);
        String[] lines = out.split("\n");
        assertEquals("[100.0, 100.0, 100.0]", lines[0]);
        assertEquals("3 ['0', '65536']", lines[1]);
        assertEquals("(1, 3) float64 [7.0, 108.0, 9.0]", lines[2]);
        assertEquals("[0, 0]", lines[3]);
        assertEquals("['Cell']", lines[4]);
        assertEquals("['1']", lines[5]);
        assertEquals("(5, 5) [2, 5]", lines[6]);
        assertEquals("(2, 3) [[2, 0, 1], [0, 1, 1]]", lines[7]);
        assertEquals("{'name': 't'}", lines[8]);
        // [chunk id, placed, inc, out]: chunk 0 holds 2 cells and 2 outgoing connections, whose post
        // cells 2 (chunk 65536) and 0 (chunk 0) give each chunk one incoming connection.
        assertEquals("[[0, 2, 1, 2], [1, 1, 0, 0], [65536, 1, 1, 0]] 2", lines[9]);
    }
}
