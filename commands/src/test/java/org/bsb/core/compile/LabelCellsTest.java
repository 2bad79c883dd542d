package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bsb.api.storage.NetworkData;
import org.bsb.core.network.Blocks;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.scaffold.Scaffold;
import org.bsb.core.scaffold.ScaffoldException;
import org.bsb.storage.hdf5.H5py;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.bsb.targetting.ByLabelTargetting;
import org.bsb.targetting.NetworkTargetCells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placement labels: {@code Scaffold.label} (the original's PlacementSet.label), storage, by_label. */
class LabelCellsTest {
    Path file;
    MapRegistry registry;

    @BeforeEach
    void compile(@TempDir Path dir) throws Exception {
        TutorialProject project = new TutorialProject(dir);
        assertEquals(0, project.compile(CompileCommandTest.CONFIG, "--seed", "3"), project.err);
        registry = project.registry;
        file = dir.resolve("my_network.hdf5");
    }

    private static Map<String, List<Integer>> byLabel(NetworkData n, String... labels) {
        return new ByLabelTargetting()
                .select(
                        new NetworkTargetCells(n, List.of("stellate_cell")),
                        new ByLabelTargetting.Parameters(List.of(labels), null, null, null),
                        new SplittableRandom(1));
    }

    @Test
    void labelsAreStoredReadBackAndSelectedByLabel() throws Exception {
        Scaffold s = Scaffold.fromStorage(file, registry);
        assertEquals(Map.of("stellate_cell", List.of()), byLabel(s.network(), "zone_a"), "no labels after compile");
        s = s.label("stellate_cell", List.of("zone_a"), 0, 7, 29).label("stellate_cell", List.of("zone_b"), 7, 8);
        NetworkData read = new Hdf5Engine().read(file);
        assertEquals(Map.of("stellate_cell", List.of(0, 7, 29)), byLabel(read, "zone_a"));
        assertEquals(Map.of("stellate_cell", List.of(7)), byLabel(read, "zone_a", "zone_b"), "every listed label");
        assertEquals(byLabel(s.network(), "zone_b"), byLabel(read, "zone_b"));
        // the rest of the network is unchanged
        assertEquals(30, Blocks.counts(read.placement()).get("stellate_cell"));
        assertEquals(s.network().configJson(), read.configJson());
        if (H5py.available()) {
            // as the original stores them: a label-set code per cell and the code table as JSON
            String out = H5py.run(file, """
                    import h5py, json
                    with h5py.File(path, 'r') as f:
                        g = f['placement/stellate_cell']
                        sets = json.loads(g.attrs['labelsets'])
                        codes = [int(c) for k in sorted(g.keys(), key=int) for c in g[k]['labels'][()]]
                        print([sorted(sets[str(c)]) for c in codes][:9])
                    """);
            assertEquals("[['zone_a'], [], [], [], [], [], [], ['zone_a', 'zone_b'], ['zone_b']]", out.strip());
        }
    }

    @Test
    void badLabelRequestsNameTheFileAndLeaveItUntouched() throws Exception {
        byte[] before = Files.readAllBytes(file);
        Scaffold s = Scaffold.fromStorage(file, registry);
        String m = assertThrows(ScaffoldException.class, () -> s.label("stellate_cel", List.of("a"), 0))
                .getMessage();
        assertTrue(m.contains(file.toString()) && m.contains("'stellate_cel'") && m.contains("stellate_cell"), m);
        m = assertThrows(ScaffoldException.class, () -> s.label("stellate_cell", List.of("a"), 30))
                .getMessage();
        assertTrue(m.contains("cell id 30") && m.contains("ids 0 to 29"), m);
        m = assertThrows(ScaffoldException.class, () -> s.label("stellate_cell", List.of(" "), 1))
                .getMessage();
        assertTrue(m.contains("labels must be non-empty"), m);
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(Set.of(), new Hdf5Engine().read(file).placement().get(0).labelsOf(0));
    }
}
