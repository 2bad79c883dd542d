package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.placement.AfterPlacementHook;
import org.bsb.api.placement.PlacementException;
import org.bsb.api.placement.PlacementHookJob;
import org.bsb.api.storage.NetworkData;
import org.bsb.core.registry.ServiceKind;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.bsb.targetting.ByLabelTargetting;
import org.bsb.targetting.NetworkTargetCells;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code after_placement} hooks run after placement, in config order, and label cells. */
class AfterPlacementHookTest {
    /** Labels the cells left of {@code x_max} (µm) with {@code label}, as a lab's microzone hook would. */
    @BsbName({"lab.hooks.LabelLeft", "label_left"})
    public static final class LabelLeft implements AfterPlacementHook<LabelLeft.Parameters> {
        public record Parameters(
                @Required Double xMax, @Required String label) {}

        @Override
        public Class<Parameters> parameterType() {
            return Parameters.class;
        }

        @Override
        public void postprocess(PlacementHookJob<Parameters> job) throws PlacementException {
            for (String type : job.cellTypes()) {
                double[] p = job.positions(type);
                List<Integer> ids = new ArrayList<>();
                for (int i = 0; i < job.count(type); i++) {
                    if (p[3 * i] < job.parameters().xMax()) {
                        ids.add(i);
                    }
                }
                if (ids.isEmpty()) {
                    throw new PlacementException(
                            "no cell left of " + job.parameters().xMax());
                }
                job.label(
                        type,
                        List.of(job.parameters().label()),
                        ids.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    TutorialProject project;

    @BeforeEach
    void setUp(@TempDir Path dir) throws Exception {
        project = new TutorialProject(dir);
        project.registry.register(ServiceKind.AFTER_PLACEMENT, new LabelLeft());
    }

    private int compile(String hooks) throws Exception {
        return project.compile(
                CompileCommandTest.CONFIG.replace(
                        "\"connectivity\": {}", "\"connectivity\": {},\n" + "  \"after_placement\": " + hooks),
                "--clear",
                "--seed",
                "2");
    }

    private static Map<String, List<Integer>> byLabel(NetworkData n, String label) {
        return new ByLabelTargetting()
                .select(
                        new NetworkTargetCells(n, List.of("stellate_cell")),
                        new ByLabelTargetting.Parameters(List.of(label), null, null, null),
                        new SplittableRandom(1));
    }

    @Test
    void hooksLabelCellsInConfigOrderAndTheLabelsAreStored() throws Exception {
        assertEquals(0, compile("""
                {"left": {"strategy": "label_left", "x_max": 50, "label": "left"},
                 "far_left": {"strategy": "lab.hooks.LabelLeft", "x_max": 20, "label": "far_left"}}"""), project.err);
        NetworkData n = new Hdf5Engine().read(project.dir.resolve("my_network.hdf5"));
        NetworkTargetCells cells = new NetworkTargetCells(n, List.of("stellate_cell"));
        List<Integer> left = new ArrayList<>();
        List<Integer> farLeft = new ArrayList<>();
        for (int i = 0; i < cells.count("stellate_cell"); i++) {
            double x = cells.position("stellate_cell", i)[0];
            if (x < 50) {
                left.add(i);
            }
            if (x < 20) {
                farLeft.add(i);
            }
        }
        assertTrue(!farLeft.isEmpty() && farLeft.size() < left.size() && left.size() < 30, left + " " + farLeft);
        assertEquals(left, byLabel(n, "left").get("stellate_cell"));
        assertEquals(farLeft, byLabel(n, "far_left").get("stellate_cell"));
    }

    @Test
    void badHooksAreReportedWithTheirConfigPath() throws Exception {
        assertEquals(1, compile("{\"zones\": {\"strategy\": \"label_lef\", \"x_max\": 50, \"label\": \"a\"}}"));
        String e = project.err;
        assertTrue(e.contains("after_placement.zones.strategy") && e.contains("label_left"), e);
        assertEquals(1, compile("{\"zones\": {\"strategy\": \"label_left\", \"label\": \"a\"}}"));
        e = project.err;
        assertTrue(e.contains("after_placement.zones.x_max"), e);
        assertEquals(1, compile("{\"zones\": {\"strategy\": \"label_left\", \"x_max\": -1000, \"label\": \"a\"}}"));
        e = project.err;
        assertTrue(e.contains("after_placement.zones (label_left) failed: no cell left of -1000"), e);
        assertTrue(!Files.exists(project.dir.resolve("my_network.hdf5")), "no network file from a failed compile");
    }
}
