package org.bsb.core.compile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.TagParameters;
import org.bsb.core.topology.Layer;
import org.bsb.core.topology.NetworkBox;
import org.bsb.core.topology.Stack;
import org.bsb.core.topology.Topology;
import org.bsb.morphology.swc.SwcParser;
import org.bsb.placement.random.RandomPlacement;

/** The tutorial's network as a compile plan, built by hand (no config parsing). */
final class Tutorial {
    private Tutorial() {}

    static Path swc(Path dir) throws Exception {
        Path f = dir.resolve("StellateCell.swc");
        if (!Files.exists(f)) {
            try (var in = Tutorial.class.getResourceAsStream("/morphology/StellateCell.swc")) {
                Files.copy(in, f);
            }
        }
        return f;
    }

    static CompilePlan plan(Path dir, Point3 size, Long seed) throws Exception {
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
                swc(dir),
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
                "{\"name\": \"tutorial\"}",
                seed,
                topology,
                Map.of("stellate_cell", stellate),
                List.of(placement),
                List.of(morpho),
                null);
    }

    static CompilePlan plan(Path dir, Long seed) throws Exception {
        return plan(dir, new Point3(100, 200, 300), seed);
    }
}
