package org.bsb.connectivity.voxel;

import static org.bsb.testsupport.ConnectivityFixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bsb.api.Reporter;
import org.bsb.api.config.ConfigNode;
import org.bsb.api.geometry.Box;
import org.bsb.api.geometry.EulerRotation;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.TagParameters;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.compile.CellTypeSpec;
import org.bsb.core.compile.CompileOptions;
import org.bsb.core.compile.CompilePlan;
import org.bsb.core.compile.Compiler;
import org.bsb.core.compile.ConfigConnectivityPhase;
import org.bsb.core.compile.MorphologySpec;
import org.bsb.core.compile.PlacementSpec;
import org.bsb.core.config.ConfigLoader;
import org.bsb.core.config.Configuration;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.core.topology.Layer;
import org.bsb.core.topology.NetworkBox;
import org.bsb.core.topology.Stack;
import org.bsb.core.topology.Topology;
import org.bsb.morphology.swc.SwcParser;
import org.bsb.placement.random.RandomPlacement;
import org.bsb.storage.hdf5.Hdf5Engine;
import org.bsb.testsupport.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial (examples/neuron-simulation) compiled with its own config's connectivity node,
 * written to HDF5 and read back; every stored connection is checked against the stored
 * positions and morphologies.
 */
class TutorialConnectivityTest {
    static final Path EXAMPLE = ProjectPaths.tutorialConfig();

    @TempDir
    Path dir;

    static CompilePlan plan(Configuration config, Point3 size) {
        NetworkBox net = new NetworkBox(Point3.ORIGIN, size, new Point3(100, 100, 100));
        Layer layer = new Layer("stellate_layer", size.z());
        Topology topology =
                Topology.build(net, List.of(layer), List.of(new Stack("example_cortex", List.of(layer), 2, null)));
        CellTypeSpec stellate = CellTypeSpec.ofDensity("stellate_cell", 4, 5e-6, List.of("StellateCell"));
        PlacementSpec placement = new PlacementSpec(
                "stellate_placement",
                "bsb.placement.RandomPlacement",
                new RandomPlacement(),
                new org.bsb.api.NoParameters(),
                List.of("stellate_cell"),
                List.of("stellate_layer"));
        MorphologySpec morpho = new MorphologySpec(
                "morphologies[0]",
                EXAMPLE.getParent().resolve("data/StellateCell.swc"),
                "StellateCell",
                new SwcParser(),
                TagParameters.ofTags(Map.of(
                        "16",
                        List.of("dendrites", "proximal_dendrites"),
                        "17",
                        List.of("dendrites", "distal_dendrites"),
                        "18",
                        List.of("axon", "axon_initial_segment"))));
        return new CompilePlan(
                "tutorial",
                "{}",
                null,
                topology,
                Map.of("stellate_cell", stellate),
                List.of(placement),
                List.of(morpho),
                config);
    }

    /** The tutorial's config without its simulation (no simulator is installed in this module's tests). */
    static Configuration config() throws Exception {
        MapRegistry registry = ServiceLoaderRegistry.load();
        var tree = (ConfigNode.MapNode) ConfigLoader.formatFor(EXAMPLE.toString(), registry)
                .parse(EXAMPLE.toString(), java.nio.file.Files.readString(EXAMPLE));
        var entries = new java.util.LinkedHashMap<>(tree.entries());
        entries.remove("simulations");
        return ConfigLoader.check(
                        new ConfigNode.MapNode(entries, tree.position()),
                        EXAMPLE.toString(),
                        registry,
                        EXAMPLE.getParent(),
                        false)
                .orThrow()
                .config();
    }

    NetworkData compile(String file, long seed, int threads) throws Exception {
        Hdf5Engine engine = new Hdf5Engine();
        Path out = dir.resolve(file);
        new Compiler(engine, "hdf5", new ConfigConnectivityPhase(ServiceLoaderRegistry.load()), Reporter.SILENT)
                .compile(plan(config(), new Point3(100, 200, 300)), CompileOptions.simple(out, seed, threads));
        return engine.read(out);
    }

    @Test
    void tutorialConnectsAxonsToDendritesWithinOneVoxel() throws Exception {
        NetworkData net = compile("tutorial.hdf5", 1234, 2);
        List<PlacementBlock> placement = net.placement();
        assertEquals(30, placement.stream().mapToInt(PlacementBlock::size).sum());
        List<ConnectivityBlock> conns = net.connectivity();
        int n = conns.stream().mapToInt(ConnectivityBlock::size).sum();
        assertTrue(n > 50, "the tutorial makes more than 50 connections, got " + n);
        assertTrue(conns.stream().allMatch(c -> c.set().equals("stellate_to_stellate")));

        // cells in global id order: blocks sorted by chunk
        double[] pos = new double[3 * 30];
        double[] rot = new double[3 * 30];
        String[] morph = new String[30];
        int i = 0;
        for (PlacementBlock b : placement.stream()
                .sorted((a, c) -> a.chunk().compareTo(c.chunk()))
                .toList()) {
            System.arraycopy(b.positions(), 0, pos, 3 * i, 3 * b.size());
            System.arraycopy(b.rotations(), 0, rot, 3 * i, 3 * b.size());
            for (int k = 0; k < b.size(); k++) {
                morph[i + k] = b.morphologyNames().get(b.morphologies()[k]);
            }
            i += b.size();
        }
        Morphology stellate = net.morphologies().stream()
                .filter(m -> m.name().equals("StellateCell"))
                .findFirst()
                .orElseThrow();
        // voxel edges: StellateCell bounds in 50 voxels, (6, 1, 8) per side
        Box bounds = stellate.bounds();
        double ex = (bounds.max().x() - bounds.min().x()) / 6;
        double ey = (bounds.max().y() - bounds.min().y()) / 1;
        double ez = (bounds.max().z() - bounds.min().z()) / 8;
        double diagonal = Math.sqrt(ex * ex + ey * ey + ez * ez);
        for (ConnectivityBlock c : conns) {
            for (int k = 0; k < c.size(); k++) {
                int pre = c.preLocations()[3 * k];
                int post = c.postLocations()[3 * k];
                assertEquals("StellateCell", morph[pre]);
                double[] x = point(
                        stellate, c.preLocations()[3 * k + 1], c.preLocations()[3 * k + 2], "axon", pos, rot, pre);
                double[] y = point(
                        stellate,
                        c.postLocations()[3 * k + 1],
                        c.postLocations()[3 * k + 2],
                        "dendrites",
                        pos,
                        rot,
                        post);
                double d = Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
                assertTrue(
                        d <= diagonal + 1e-9,
                        "connection " + k + " of chunk " + c.preChunk() + ": points " + d
                                + " um apart, more than the voxel diagonal " + diagonal);
            }
        }
    }

    /** World position of a stored location, after checking its label. */
    static double[] point(Morphology m, int branch, int point, String label, double[] pos, double[] rot, int cell) {
        Branch b = m.branches().get(branch);
        assertTrue(
                m.labelSet(b.labels()[point]).contains(label),
                "point (" + branch + ", " + point + ") is not labelled " + label);
        double[] p = {b.x(point), b.y(point), b.z(point)};
        double[] out = new double[3];
        EulerRotation.of(rot[3 * cell], rot[3 * cell + 1], rot[3 * cell + 2]).apply(p, 0, out, 0);
        for (int a = 0; a < 3; a++) {
            out[a] += pos[3 * cell + a];
        }
        return out;
    }

    @Test
    void sameSeedSameConnectivityAtOneAndTwoThreads() throws Exception {
        NetworkData one = compile("one.hdf5", 99, 1);
        NetworkData two = compile("two.hdf5", 99, 2);
        assertEquals(render(one.connectivity()), render(two.connectivity()));
        assertTrue(one.connectivity().stream().mapToInt(ConnectivityBlock::size).sum() > 0);
    }
}
