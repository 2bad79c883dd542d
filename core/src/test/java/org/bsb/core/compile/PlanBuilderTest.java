package org.bsb.core.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.TagParameters;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanBuilderTest {
    @TempDir
    Path dir;

    CompilePlan plan(String json) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Tutorial.swc(dir.resolve("data"));
        Path f = dir.resolve("c.json");
        Files.writeString(f, json);
        MapRegistry registry = ServiceLoaderRegistry.load(getClass().getClassLoader());
        return PlanBuilder.build(ConfigLoader.load(f, registry), registry);
    }

    static String config(String partitions, String regions, String spatial, String placementExtra) {
        return """
                {"storage": {"engine": "hdf5", "root": "n.hdf5"},
                 "network": {"x": 100, "y": 100, "z": 100, "chunk_size": 50},
                 "partitions": %s, "regions": %s,
                 "morphologies": ["data/StellateCell.swc"],
                 "cell_types": {"a": {"spatial": %s}},
                 "placement": {"p": {"strategy": "random_placement", "partitions": ["bottom"], "cell_types": ["a"]%s}},
                 "connectivity": {}}
                """.formatted(partitions, regions, spatial, placementExtra);
    }

    @Test
    void buildsStackedLayersOverridesAndMorphologyFiles() throws Exception {
        CompilePlan p = plan(config("""
                {"bottom": {"thickness": 30}, "top": {"type": "rhomboid", "dimensions": [10, 10, 10]}}""", """
                {"r": {"type": "stack", "children": ["bottom", "top"]}}""", """
                {"radius": 2, "count": 7, "morphologies": [{"names": ["Stell*"]}]}""", ", \"overrides\": {\"a\": {\"count\": 3}}"));
        assertEquals(
                new Box(Point3.ORIGIN, new Point3(100, 100, 30)),
                p.topology().partition("bottom").box());
        assertEquals(
                new Box(new Point3(0, 0, 30), new Point3(10, 10, 40)),
                p.topology().partition("top").box());
        assertEquals(new Point3(50, 50, 50), p.topology().network().chunkSize());
        assertEquals(7.0, p.cellTypes().get("a").count());
        assertEquals(3.0, p.placement().get(0).cellType(p, "a").count());
        assertEquals(List.of("Stell*"), p.cellTypes().get("a").morphologies());
        MorphologySpec m = p.morphologies().get(0);
        assertEquals("StellateCell", m.name());
        assertEquals(dir.resolve("data/StellateCell.swc"), m.file());
        assertTrue(m.parameters() instanceof TagParameters);
        assertTrue(p.configJson().contains("\"overrides\""));
    }

    @Test
    void perVoxelDensitiesAreReportedAsUnsupported() {
        CompileException e = assertThrows(CompileException.class, () -> plan(config("""
                {"bottom": {"thickness": 30}}""", "{}", """
                {"radius": 2, "density_key": "inhibitory"}""", "")));
        assertTrue(
                e.getMessage().contains("cell_types.a.spatial.density_key: per-voxel densities need NRRD/Allen"),
                e.getMessage());
    }

    @Test
    void relativeIndicatorsReachTheCellTypeSpec() throws Exception {
        CompilePlan p = plan(config("""
                {"bottom": {"thickness": 30}}""", "{}", """
                {"radius": 2, "density": 1e-6, "relative_to": "a", "density_ratio": 2}""", ""));
        CellTypeSpec a = p.cellTypes().get("a");
        assertEquals("a", a.relativeTo());
        assertEquals(2.0, a.densityRatio());
    }
}
