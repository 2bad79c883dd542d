package org.bsb.neuron.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.bsb.api.Reporter;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.TagParameters;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.config.CellModelNode;
import org.bsb.core.config.DeviceNode;
import org.bsb.core.config.LocationsNode;
import org.bsb.core.config.Parameters;
import org.bsb.core.config.SimulationNode;
import org.bsb.core.config.TargettingNode;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.morphology.swc.SwcParser;
import org.bsb.neuron.nmodl.catalogue.NmodlCatalogue;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.testsupport.ProjectPaths;
import org.junit.jupiter.api.Test;

/**
 * The tutorial cell with the embedded default model (hh, pas, our AMPA/NMDA mod files compiled by
 * the nmodl module), one AMPA + one NMDA synapse at x = 0.5 of every dendritic branch driven once
 * (start 9, weight 1, delay 1), against NEURON 8.2.2's trace of the same scenario
 * (examples/neuron-simulation/mechanisms/reference/default-model/synaptic.csv).
 */
class DefaultModelVersusNeuronTest {
    static final Path EXAMPLE = ProjectPaths.tutorial();

    @Test
    void somaticSpikeMatchesNeuron() throws Exception {
        Morphology cell;
        try (InputStream in = Files.newInputStream(EXAMPLE.resolve("data/StellateCell.swc"))) {
            cell = new SwcParser()
                    .parse(
                            "StellateCell.swc",
                            "StellateCell",
                            in,
                            new TagParameters(
                                    Map.of(
                                            "16",
                                            List.of("dendrites", "proximal_dendrites"),
                                            "17",
                                            List.of("dendrites", "distal_dendrites"),
                                            "18",
                                            List.of("axon", "axon_initial_segment")),
                                    null));
        }
        NetworkData data = new NetworkData(
                "{}",
                new Point3(100, 100, 100),
                List.of(cell),
                List.of(new PlacementBlock(
                        "stellate_cell",
                        new ChunkId(0, 0, 0),
                        new double[3],
                        new double[3],
                        new int[] {0},
                        List.of("StellateCell"))),
                List.of(),
                Map.of());
        SimulationNode sim = new SimulationNode(
                "neuron",
                100,
                0.025,
                32.0,
                Map.of(
                        "stellate_cell",
                        new CellModelNode("arborize", "data/stellate-model.yaml", List.of(), Parameters.none())),
                Map.of(),
                Map.of(
                        "gen",
                        new DeviceNode(
                                "spike_generator",
                                new TargettingNode("all", Parameters.none()),
                                new LocationsNode("branch", Parameters.of(Map.of("labels", List.of("dendrites")))),
                                Parameters.of(Map.of(
                                        "start",
                                        9,
                                        "number",
                                        1,
                                        "weight",
                                        1.0,
                                        "delay",
                                        1,
                                        "synapses",
                                        List.of("AMPA", "NMDA")))),
                        "vrec",
                        new DeviceNode(
                                "voltage_recorder",
                                new TargettingNode("all", Parameters.none()),
                                null,
                                Parameters.none())),
                Parameters.none());
        List<MechanismCatalogue> catalogues = new ArrayList<>();
        ServiceLoader.load(MechanismCatalogue.class).forEach(catalogues::add);
        catalogues.add(NmodlCatalogue.fromDirectories("test", List.of(EXAMPLE.resolve("mechanisms"))));
        SimulationResults r = new NeuronRun(
                        "neuronsim", sim, data, EXAMPLE, ServiceLoaderRegistry.load(), Reporter.SILENT, catalogues)
                .run(32, -65, 1, 1);
        double[] v = r.signals().get(0).values();
        List<String> lines = Files.readAllLines(EXAMPLE.resolve("mechanisms/reference/default-model/synaptic.csv"));
        double[] ref = lines.stream()
                .skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1]))
                .toArray();
        assertEquals(ref.length, v.length);
        double maxDiff = 0;
        int at = 0;
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i] - ref[i]) > maxDiff) {
                maxDiff = Math.abs(v[i] - ref[i]);
                at = i;
            }
        }
        double spike = crossing(v, -20);
        System.out.printf(
                "default model vs NEURON: spike %.4f ms (NEURON 10.4830), max |dv| %.3g mV at %.3f ms%n",
                spike, maxDiff, at * 0.025);
        assertEquals(10.48302032, spike, 1e-3);
        assertTrue(maxDiff < 0.01, "max |v - v_NEURON| = " + maxDiff + " mV at " + at * 0.025 + " ms");
    }

    @Test
    void tutorialStellateModelFallsBackToTheEmbeddedDefaultWithAWarning() {
        List<MechanismCatalogue> catalogues = new ArrayList<>();
        ServiceLoader.load(MechanismCatalogue.class).forEach(catalogues::add);
        catalogues.add(NmodlCatalogue.fromDirectories("test", List.of(EXAMPLE.resolve("mechanisms"))));
        List<String> warnings = new ArrayList<>();
        Reporter reporter = (level, message) -> warnings.add(message);
        NetworkData empty = new NetworkData("{}", new Point3(100, 100, 100), List.of(), List.of(), List.of(), Map.of());
        SimulationNode sim =
                new SimulationNode("neuron", 1, 0.025, 32.0, Map.of(), Map.of(), Map.of(), Parameters.none());
        NeuronRun run = new NeuronRun("s", sim, empty, EXAMPLE, ServiceLoaderRegistry.load(), reporter, catalogues);
        var fallback = run.model(
                "stellate_cell",
                new CellModelNode("arborize", "data.Stellate.definitionStellate", List.of(), Parameters.none()),
                "simulations.s.cell_models.stellate_cell");
        var yaml = run.model(
                "stellate_cell",
                new CellModelNode("arborize", "data/stellate-model.yaml", List.of(), Parameters.none()),
                "simulations.s.cell_models.stellate_cell");
        assertEquals(yaml, fallback);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("Leak") && warnings.get(0).contains("embedded default"), warnings.get(0));
        assertTrue(yaml.cableTypes().containsKey("axon_initial_segment"));
    }

    private static double crossing(double[] v, double threshold) {
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] < threshold && v[i] >= threshold) {
                return (i - 1 + (threshold - v[i - 1]) / (v[i] - v[i - 1])) * 0.025;
            }
        }
        return Double.NaN;
    }
}
