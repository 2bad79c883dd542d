package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.network.Blocks;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A placement node's {@code distribute}: random rotations and round-robin morphologies, as the original's. */
class DistributionTest {
    TutorialProject project;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        project = new TutorialProject(dir);
    }

    private NetworkData compile(String distribute, String out) throws Exception {
        String config = CompileCommandTest.CONFIG;
        if (distribute != null) {
            config = config.replace(
                    "\"partitions\": [\"stellate_layer\"], \"cell_types\": [\"stellate_cell\"]",
                    "\"partitions\": [\"stellate_layer\"], \"cell_types\": [\"stellate_cell\"], \"distribute\": "
                            + distribute);
        }
        return project.compile(config, "-o", out, "--seed", "4") == 0
                ? new Hdf5Engine().read(project.dir.resolve(out))
                : null;
    }

    @Test
    void randomRotationsAreEulerAnglesInDegreesAndLeavePositionsAsTheyWere() throws Exception {
        NetworkData plain = compile(null, "plain.hdf5");
        NetworkData rotated = compile("{\"rotations\": {\"strategy\": \"random\"}}", "rotated.hdf5");
        assertEquals(plain.placement().size(), rotated.placement().size(), project.err);
        double sum = 0;
        int n = 0;
        for (int k = 0; k < plain.placement().size(); k++) {
            PlacementBlock a = plain.placement().get(k);
            PlacementBlock b = rotated.placement().get(k);
            assertArrayEquals(a.positions(), b.positions(), "positions do not depend on the rotations");
            assertArrayEquals(a.morphologies(), b.morphologies());
            assertArrayEquals(new double[3 * a.size()], a.rotations(), "none: zeros");
            for (double angle : b.rotations()) {
                assertTrue(angle >= 0 && angle < 360, "angle " + angle);
                sum += angle;
                n++;
            }
        }
        assertEquals(90, n);
        // 90 uniform draws on [0, 360): mean 180, standard error 104/sqrt(90) = 11 degrees
        assertEquals(180, sum / n, 45);
        NetworkData again =
                compile("{\"rotations\": {\"strategy\": \"bsb.placement.distributor.RandomRotations\"}}", "again.hdf5");
        assertArrayEquals(
                rotated.placement().get(0).rotations(), again.placement().get(0).rotations(), "seeded");
    }

    @Test
    void roundRobinCyclesThroughTheMorphologiesInEachChunk() throws Exception {
        String config = CompileCommandTest.CONFIG
                .replace(
                        "\"morphologies\": [{\"file\": \"data/StellateCell.swc\",",
                        "\"morphologies\": [{\"file\": \"data/StellateCell.swc\", \"name\": \"B\"}, "
                                + "{\"file\": \"data/StellateCell.swc\", \"name\": \"A\",")
                .replace("{\"names\": [\"StellateCell\"]}", "{\"names\": [\"A\", \"B\"]}")
                .replace(
                        "\"cell_types\": [\"stellate_cell\"]}",
                        "\"cell_types\": [\"stellate_cell\"], "
                                + "\"distribute\": {\"morphologies\": {\"strategy\": \"roundrobin\"}}}");
        assertEquals(0, project.compile(config, "--seed", "4"), project.err);
        for (PlacementBlock b :
                new Hdf5Engine().read(project.dir.resolve("my_network.hdf5")).placement()) {
            assertEquals(2, b.morphologyNames().size(), b.morphologyNames().toString());
            for (int i = 0; i < b.size(); i++) {
                assertEquals(i % 2, b.morphologies()[i]);
            }
        }
    }

    @Test
    void aTypePlacedRelativeToAnotherFollowsItsCount() throws Exception {
        // golgi: 2 per stellate cell (30) = 60, spread by volume over the 6 chunks: 10 each, no rounding
        String config = CompileCommandTest.CONFIG
                .replace(
                        "\"cell_types\": {\"stellate_cell\":",
                        "\"cell_types\": {\"golgi\": {\"spatial\": "
                                + "{\"radius\": 3.0, \"relative_to\": \"stellate_cell\", \"count_ratio\": 2}}, \"stellate_cell\":")
                .replace("\"cell_types\": [\"stellate_cell\"]}", "\"cell_types\": [\"stellate_cell\", \"golgi\"]}");
        assertEquals(0, project.compile(config, "--seed", "4"), project.err);
        var counts = Blocks.counts(
                new Hdf5Engine().read(project.dir.resolve("my_network.hdf5")).placement());
        assertEquals(30, counts.get("stellate_cell"));
        assertEquals(60, counts.get("golgi"));
    }

    @Test
    void unknownDistributorsNameTheirConfigPath() throws Exception {
        assertEquals(null, compile("{\"rotations\": {\"strategy\": \"orientation_field\"}}", "bad.hdf5"));
        String e = project.err;
        assertTrue(
                e.contains("placement.stellate_placement.distribute.rotations.strategy")
                        && e.contains("'orientation_field'")
                        && e.contains("one of none, explicitly_none, random"),
                e);
        assertTrue(!Files.exists(project.dir.resolve("bad.hdf5")));
    }
}
