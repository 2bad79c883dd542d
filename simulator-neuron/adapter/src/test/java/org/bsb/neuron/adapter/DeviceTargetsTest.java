package org.bsb.neuron.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Branch;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.config.DeviceNode;
import org.bsb.core.config.LocationsNode;
import org.bsb.core.config.Parameters;
import org.bsb.core.config.TargettingNode;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceLoaderRegistry;
import org.bsb.neuron.devices.DeviceContext;
import org.bsb.neuron.devices.DeviceException;
import org.bsb.neuron.devices.SynapseRecorder;
import org.bsb.neuron.devices.VoltageRecorder;
import org.bsb.targetting.NetworkTargetCells;
import org.junit.jupiter.api.Test;

class DeviceTargetsTest {
    /** Soma (1 branch, 2 points) and two dendrites of 3 points, straight along x. */
    static final Morphology CELL = new Morphology(
            "StellateCell",
            List.of(
                    new Branch(-1, new double[] {0, 0, 0, 0, 2, 0}, new double[] {3, 3}, new int[] {1, 1}),
                    new Branch(
                            0, new double[] {0, 2, 0, 5, 2, 0, 10, 2, 0}, new double[] {1, 1, 1}, new int[] {2, 2, 2}),
                    new Branch(
                            0, new double[] {0, 2, 0, -4, 2, 0, -10, 2, 0}, new double[] {1, 1, 1}, new int[] {2, 2, 2
                            })),
            List.of(Set.of(), Set.of("soma"), Set.of("dendrites")));

    private final MapRegistry services = ServiceLoaderRegistry.load();
    /** Three cells: (50, 100, 150) and (60, 100, 150) inside the tutorial's sphere, (0, 0, 0) outside. */
    private final NetworkTargetCells cells = new NetworkTargetCells(
            new NetworkData(
                    "{}",
                    new Point3(100, 100, 100),
                    List.of(CELL),
                    List.of(new PlacementBlock(
                            "stellate_cell",
                            new ChunkId(0, 0, 0),
                            new double[] {50, 100, 150, 0, 0, 0, 60, 100, 150},
                            new double[9],
                            new int[] {0, 0, 0},
                            List.of("StellateCell"))),
                    List.of(),
                    Map.of()),
            List.of("stellate_cell"));

    private static List<String> describe(List<DeviceContext.Target> targets) {
        return targets.stream()
                .map(t -> t.cellModel() + " " + t.cellId() + " "
                        + t.locations().stream().map(l -> l[0] + "." + l[1]).toList())
                .toList();
    }

    @Test
    void tutorialVoltageRecorderSphereOnSomas() {
        DeviceNode node = new DeviceNode(
                "voltage_recorder",
                new TargettingNode(
                        "sphere",
                        Parameters.of(Map.of(
                                "origin",
                                List.of(50, 100, 150),
                                "radius",
                                100,
                                "cell_models",
                                List.of("stellate_cell")))),
                null,
                Parameters.none());
        List<DeviceContext.Target> targets = DeviceTargets.resolve(
                node,
                new VoltageRecorder(),
                "devices.vrecorder",
                services,
                cells,
                (m, id) -> CELL,
                new SplittableRandom(1));
        assertEquals(List.of("stellate_cell 0 [0.0]", "stellate_cell 2 [0.0]"), describe(targets));
    }

    @Test
    void tutorialSynapseRecorderBranchLocations() {
        DeviceNode node = new DeviceNode(
                "synapse_recorder",
                new TargettingNode("by_id", Parameters.of(Map.of("ids", Map.of("stellate_cell", List.of(1))))),
                new LocationsNode("branch", Parameters.of(Map.of("labels", List.of("dendrites")))),
                Parameters.none());
        List<DeviceContext.Target> targets = DeviceTargets.resolve(
                node,
                new SynapseRecorder(),
                "devices.synapses_rec",
                services,
                cells,
                (m, id) -> CELL,
                new SplittableRandom(1));
        // dendrite 1: arcs 0, .5, 1 -> x = .5 is in point 1's [.5, 1); dendrite 2: arcs 0, .4, 1 -> point 1
        assertEquals(List.of("stellate_cell 1 [1.1, 2.1]"), describe(targets));
    }

    @Test
    void requiredLocationsAndTargettingErrorsNameTheDevice() {
        DeviceNode noLocations = new DeviceNode(
                "synapse_recorder", new TargettingNode("all", Parameters.none()), null, Parameters.none());
        DeviceException e = assertThrows(
                DeviceException.class,
                () -> DeviceTargets.resolve(
                        noLocations,
                        new SynapseRecorder(),
                        "simulations.s.devices.syn",
                        services,
                        cells,
                        (m, id) -> CELL,
                        new SplittableRandom(1)));
        assertTrue(e.getMessage().startsWith("simulations.s.devices.syn.locations is required"), e.getMessage());
        DeviceNode badId = new DeviceNode(
                "voltage_recorder",
                new TargettingNode("by_id", Parameters.of(Map.of("ids", Map.of("stellate_cell", List.of(5))))),
                null,
                Parameters.none());
        e = assertThrows(
                DeviceException.class,
                () -> DeviceTargets.resolve(
                        badId,
                        new VoltageRecorder(),
                        "simulations.s.devices.v",
                        services,
                        cells,
                        (m, id) -> CELL,
                        new SplittableRandom(1)));
        assertTrue(
                e.getMessage().startsWith("simulations.s.devices.v.targetting: 'ids.stellate_cell'"), e.getMessage());
    }
}
